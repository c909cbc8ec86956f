"""Initial schema: interviews, turns, map versions, planner state, comments.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _ts() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _interview_id() -> sa.Column[str]:
    return sa.Column(
        "interview_id",
        sa.String(64),
        sa.ForeignKey("interviews.id", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "interviews",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("progress", sa.Float(), nullable=False),
    )
    op.create_index("ix_interviews_created_at", "interviews", ["created_at"])
    op.create_index("ix_interviews_updated_at", "interviews", ["updated_at"])
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _interview_id(),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("expects", sa.String(32), nullable=False),
        sa.Column("brain", sa.String(64), nullable=False),
        sa.Column("citations", sa.JSON(), nullable=False),
        sa.Column("notice", sa.Text(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
    )
    op.create_index("ix_turns_interview_id", "turns", ["interview_id"])
    op.create_table(
        "map_versions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _interview_id(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("journey", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column(
            "turn_id", sa.Integer(), sa.ForeignKey("turns.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("created_at", _ts(), nullable=False),
        sa.UniqueConstraint("interview_id", "version", name="uq_map_versions_version"),
    )
    op.create_index("ix_map_versions_interview_id", "map_versions", ["interview_id"])
    op.create_table(
        "planner_states",
        sa.Column(
            "interview_id",
            sa.String(64),
            sa.ForeignKey("interviews.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
    )
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _interview_id(),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
    )
    op.create_index("ix_comments_interview_id", "comments", ["interview_id"])


def downgrade() -> None:
    for table in ("comments", "planner_states", "map_versions", "turns", "interviews"):
        op.drop_table(table)
