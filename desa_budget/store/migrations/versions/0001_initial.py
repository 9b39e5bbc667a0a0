"""Initial schema: profile, people, posts, coverage, audit log, codes, budget years and versions.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 23:47:41.419188
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('waktu', sa.DateTime(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('entitas', sa.String(length=40), nullable=False),
    sa.Column('entitas_id', sa.Integer(), nullable=True),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('kolom', sa.String(length=60), nullable=False),
    sa.Column('nilai_lama', sa.Text(), nullable=True),
    sa.Column('nilai_baru', sa.Text(), nullable=True),
    sa.Column('keterangan', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_waktu'), ['waktu'], unique=False)

    op.create_table('budget_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tahun', sa.Integer(), nullable=False),
    sa.Column('jenis', sa.String(length=10), nullable=False),
    sa.Column('nomor_perdes', sa.String(length=50), nullable=False),
    sa.Column('tanggal_perdes', sa.Date(), nullable=True),
    sa.Column('nomor_perkades', sa.String(length=50), nullable=False),
    sa.Column('tanggal_perkades', sa.Date(), nullable=True),
    sa.Column('ditetapkan', sa.DateTime(), nullable=False),
    sa.Column('snapshot_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_version')),
    sa.UniqueConstraint('tahun', 'jenis', name=op.f('uq_budget_version_tahun'))
    )
    op.create_table('budget_year',
    sa.Column('tahun', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('total_belanja', sa.BigInteger(), nullable=True),
    sa.Column('pagu', sa.BigInteger(), nullable=True),
    sa.PrimaryKeyConstraint('tahun', name=op.f('pk_budget_year'))
    )
    op.create_table('category_mapping',
    sa.Column('kategori', sa.String(length=30), nullable=False),
    sa.Column('kode_kegiatan', sa.String(length=12), nullable=False),
    sa.Column('kode_rekening', sa.String(length=12), nullable=False),
    sa.Column('sumber_dana', sa.String(length=3), nullable=False),
    sa.PrimaryKeyConstraint('kategori', name=op.f('pk_category_mapping'))
    )
    op.create_table('local_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('jenis', sa.String(length=10), nullable=False),
    sa.Column('kode', sa.String(length=12), nullable=False),
    sa.Column('uraian', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_local_code')),
    sa.UniqueConstraint('jenis', 'kode', name=op.f('uq_local_code_jenis'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=False),
    sa.Column('nama', sa.String(length=150), nullable=False),
    sa.Column('jenis_kelamin', sa.String(length=1), nullable=False),
    sa.Column('tanggal_lahir', sa.Date(), nullable=False),
    sa.Column('tempat_lahir', sa.String(length=100), nullable=False),
    sa.Column('nama_ibu', sa.String(length=150), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('nik', name=op.f('uq_person_nik'))
    )
    op.create_table('scenario',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tahun', sa.Integer(), nullable=False),
    sa.Column('nama', sa.String(length=100), nullable=False),
    sa.Column('params_json', sa.Text(), nullable=False),
    sa.Column('dibuat', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario')),
    sa.UniqueConstraint('tahun', 'nama', name=op.f('uq_scenario_tahun'))
    )
    op.create_table('village_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nama_desa', sa.String(length=100), nullable=False),
    sa.Column('kode_desa', sa.String(length=13), nullable=False),
    sa.Column('kecamatan', sa.String(length=100), nullable=False),
    sa.Column('kabupaten', sa.String(length=100), nullable=False),
    sa.Column('provinsi', sa.String(length=100), nullable=False),
    sa.Column('alamat', sa.String(length=300), nullable=False),
    sa.Column('logo_png', sa.LargeBinary(), nullable=True),
    sa.Column('kepala_desa_nama', sa.String(length=100), nullable=False),
    sa.Column('kepala_desa_status', sa.String(length=10), nullable=False),
    sa.Column('sekretaris_desa_nama', sa.String(length=100), nullable=False),
    sa.Column('pelaksana_kegiatan_nama', sa.String(length=100), nullable=False),
    sa.Column('operator_nama', sa.String(length=100), nullable=False),
    sa.Column('kabupaten_profil', sa.String(length=60), nullable=False),
    sa.Column('target_pekerja_rentan', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_village_profile'))
    )
    op.create_table('coverage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('tahun', sa.Integer(), nullable=False),
    sa.Column('segmen', sa.String(length=3), nullable=False),
    sa.Column('dasar_upah', sa.BigInteger(), nullable=False),
    sa.Column('programs', sa.String(length=20), nullable=False),
    sa.Column('kelas_jkk', sa.Integer(), nullable=False),
    sa.Column('iuran_pekerja', sa.String(length=6), nullable=False),
    sa.Column('status_bpjs', sa.String(length=10), nullable=False),
    sa.Column('nomor_kpj', sa.String(length=20), nullable=True),
    sa.Column('dibayar_oleh', sa.String(length=6), nullable=False),
    sa.Column('kode_kegiatan', sa.String(length=12), nullable=True),
    sa.Column('kode_rekening', sa.String(length=12), nullable=True),
    sa.Column('sumber_dana', sa.String(length=3), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_coverage_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coverage')),
    sa.UniqueConstraint('person_id', 'tahun', name=op.f('uq_coverage_person_id'))
    )
    with op.batch_alter_table('coverage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coverage_person_id'), ['person_id'], unique=False)

    op.create_table('post',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kategori', sa.String(length=30), nullable=False),
    sa.Column('jabatan', sa.String(length=150), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('nomor_sk', sa.String(length=100), nullable=False),
    sa.Column('tanggal_sk', sa.Date(), nullable=True),
    sa.Column('mulai', sa.Date(), nullable=True),
    sa.Column('akhir', sa.Date(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_post_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post'))
    )
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_post_person_id'))

    op.drop_table('post')
    with op.batch_alter_table('coverage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coverage_person_id'))

    op.drop_table('coverage')
    op.drop_table('village_profile')
    op.drop_table('scenario')
    op.drop_table('person')
    op.drop_table('local_code')
    op.drop_table('category_mapping')
    op.drop_table('budget_year')
    op.drop_table('budget_version')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_waktu'))

    op.drop_table('audit_log')
