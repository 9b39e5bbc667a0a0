"""Documents: regulation numbers set after adoption, which regulation each document annexes, the
pelaksana kegiatan of each RAB, and the optional contact data BPJS TK registration asks for.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
# The preamble asks for "0003" (issue 13's applied plan); it is not on this branch yet, so the
# chain is kept working here and the integrator points this at "0003" when both land.
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERSON_COLUMNS = (("no_hp", 20), ("email", 100), ("alamat", 300))


def upgrade() -> None:
    op.create_table(
        "regulation_number",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("budget_version_id", sa.Integer(), nullable=False),
        sa.Column("peraturan", sa.String(length=30), nullable=False),
        sa.Column("nomor", sa.String(length=50), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=True),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["budget_version_id"],
            ["budget_version.id"],
            name=op.f("fk_regulation_number_budget_version_id_budget_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_regulation_number")),
        sa.UniqueConstraint(
            "budget_version_id", "peraturan", name=op.f("uq_regulation_number_budget_version_id")
        ),
    )
    with op.batch_alter_table("regulation_number", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_regulation_number_budget_version_id"),
            ["budget_version_id"],
            unique=False,
        )
    op.create_table(
        "document_placement",
        sa.Column("dokumen", sa.String(length=20), nullable=False),
        sa.Column("peraturan", sa.String(length=30), nullable=False),
        sa.Column("lampiran", sa.String(length=10), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("dokumen", name=op.f("pk_document_placement")),
    )
    op.create_table(
        "kegiatan_pelaksana",
        sa.Column("kode_kegiatan", sa.String(length=12), nullable=False),
        sa.Column("nama", sa.String(length=100), nullable=False),
        sa.Column("jabatan", sa.String(length=100), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kode_kegiatan", name=op.f("pk_kegiatan_pelaksana")),
    )
    # Existing people get empty contact data; the default is then dropped, as the models have none.
    with op.batch_alter_table("person", schema=None) as batch_op:
        for name, length in PERSON_COLUMNS:
            batch_op.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
    with op.batch_alter_table("person", schema=None) as batch_op:
        for name, _length in PERSON_COLUMNS:
            batch_op.alter_column(name, server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        for name, _length in PERSON_COLUMNS:
            batch_op.drop_column(name)
    op.drop_table("kegiatan_pelaksana")
    op.drop_table("document_placement")
    with op.batch_alter_table("regulation_number", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regulation_number_budget_version_id"))
    op.drop_table("regulation_number")
