"""A year's coverage decision: the plan applied to the budget (issue 13).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "applied_plan",
        sa.Column("tahun", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("pagu", sa.BigInteger(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("terpakai", sa.BigInteger(), nullable=False),
        sa.Column("decision_json", sa.Text(), nullable=False),
        sa.Column("diterapkan", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=100), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tahun", name=op.f("pk_applied_plan")),
    )


def downgrade() -> None:
    op.drop_table("applied_plan")
