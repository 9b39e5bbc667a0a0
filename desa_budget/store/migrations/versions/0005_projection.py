"""The projection's assumptions, one row per base year (issue 18).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-15 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "projection",
        sa.Column("tahun_dasar", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("asumsi_json", sa.Text(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tahun_dasar", name=op.f("pk_projection")),
    )


def downgrade() -> None:
    op.drop_table("projection")
