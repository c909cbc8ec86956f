"""Access: owner keys and mentor shares (hashes only), and comments that know their
target kind, stance, share and whether the owner has read them.

Revision ID: 0002_access
Revises: 0001_initial
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_access"
down_revision: str | None = "0001_initial"
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
        "owner_keys",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _interview_id(),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
    )
    op.create_index("ix_owner_keys_interview_id", "owner_keys", ["interview_id"])
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _interview_id(),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("expires_at", _ts(), nullable=True),
        sa.Column("revoked_at", _ts(), nullable=True),
        sa.Column("last_used_at", _ts(), nullable=True),
    )
    op.create_index("ix_shares_interview_id", "shares", ["interview_id"])
    with op.batch_alter_table("comments") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="general"))
        batch.add_column(sa.Column("stance", sa.String(16), nullable=False, server_default=""))
        batch.add_column(sa.Column("share_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("read_at", _ts(), nullable=True))
        batch.create_foreign_key(
            "fk_comments_share_id", "shares", ["share_id"], ["id"], ondelete="SET NULL"
        )
    # The defaults only filled the old rows; new rows get theirs from the models.
    with op.batch_alter_table("comments") as batch:
        batch.alter_column("kind", server_default=None)
        batch.alter_column("stance", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.drop_constraint("fk_comments_share_id", type_="foreignkey")
        for column in ("read_at", "share_id", "stance", "kind"):
            batch.drop_column(column)
    op.drop_table("shares")
    op.drop_table("owner_keys")
