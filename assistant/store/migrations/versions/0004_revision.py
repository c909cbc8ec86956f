"""Interview revision: the optimistic-concurrency counter that each committed turn raises.

Revision ID: 0004_revision
Revises: 0003_provenance
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_revision"
down_revision: str | None = "0003_provenance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on both databases; server_default fills the existing rows. (No
    # batch copy on SQLite: dropping the old interviews table would cascade to its turns.)
    op.add_column(
        "interviews",
        sa.Column("revision", sa.Integer(), nullable=False, server_default=sa.text("0")),
    )


def downgrade() -> None:
    with op.batch_alter_table("interviews") as batch:
        batch.drop_column("revision")
