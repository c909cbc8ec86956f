"""Provenance: which map field each saved version changed, and the turn behind it.

Revision ID: 0003_provenance
Revises: 0002_access
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_provenance"
down_revision: str | None = "0002_access"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "map_changes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "interview_id",
            sa.String(64),
            sa.ForeignKey("interviews.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "turn_id", sa.Integer(), sa.ForeignKey("turns.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("path", sa.String(200), nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("by_hand", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_map_changes_interview_id", "map_changes", ["interview_id"])


def downgrade() -> None:
    op.drop_table("map_changes")
