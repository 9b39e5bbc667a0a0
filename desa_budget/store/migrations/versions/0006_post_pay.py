"""The monthly siltap + tunjangan of a post, entered for the 30 % ceiling where the roster holds
only the BPJS wage basis (or nothing, for someone not insured).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.add_column(sa.Column("penghasilan", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_column("penghasilan")
