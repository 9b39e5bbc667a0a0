"""Incomplete persons: NIK, birth date and sex may be empty (perangkat taken from Siskeudes).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-16 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The NIK stays unique: NULLs never collide in a unique constraint (SQLite and PostgreSQL).
COLUMNS = (
    ("nik", sa.String(length=16)),
    ("jenis_kelamin", sa.String(length=1)),
    ("tanggal_lahir", sa.Date()),
)


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        for name, type_ in COLUMNS:
            batch_op.alter_column(name, existing_type=type_, nullable=True)


def downgrade() -> None:
    # Going back needs every person complete: an incomplete one cannot be stored in the old schema.
    with op.batch_alter_table("person", schema=None) as batch_op:
        for name, type_ in COLUMNS:
            batch_op.alter_column(name, existing_type=type_, nullable=False)
