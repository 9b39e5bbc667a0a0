"""Migrations: an empty database and one at the first revision both reach head, with no drift."""

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, create_engine, inspect, select, text
from store_helpers import Backend, backend_fixture

from desa_budget.store.backup import list_backups
from desa_budget.store.database import alembic_config, first_revision, head_revision
from desa_budget.store.models import Coverage, Person, Post, VillageProfile
from desa_budget.store.opening import open_database

backend = backend_fixture()


def test_empty_database_reaches_head_and_matches_the_models(backend: Backend) -> None:
    db = backend.open()
    with db.engine.connect() as conn:
        # alembic check: raises when the models hold changes no migration has made yet
        command.check(alembic_config(conn))
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )


def _at_revision(url: str, revision: str) -> Engine:
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    return engine


def build_first_revision_database(url: str) -> None:
    """A database as the first release left it, with a village, a person, a post and coverage.

    The SQL is written against the first revision's schema, so it stays valid as revisions are added.
    """
    engine = _at_revision(url, first_revision())
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO village_profile (id, nama_desa, kode_desa, kecamatan, kabupaten,"
                    " provinsi, alamat, kepala_desa_nama, kepala_desa_status,"
                    " sekretaris_desa_nama, pelaksana_kegiatan_nama, operator_nama,"
                    " kabupaten_profil, target_pekerja_rentan, version_id) VALUES (1, 'Lama',"
                    " '33.02.12.2005', 'Sumbang', 'Banyumas', 'Jawa Tengah', '', 'Karto',"
                    " 'definitif', '', '', 'Ani', 'nasional', 100, 1)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO person (id, nik, nama, jenis_kelamin, tanggal_lahir,"
                    " tempat_lahir, nama_ibu, version_id) VALUES (1, '0302120303700001',"
                    " 'Karto', 'L', :lahir, '', '', 1)"
                ),
                {"lahir": date(1970, 3, 3)},
            )
            conn.execute(
                text(
                    "INSERT INTO post (id, person_id, kategori, jabatan, status, nomor_sk,"
                    " version_id) VALUES (1, 1, 'kepala_desa', 'Kepala Desa', 'definitif',"
                    " '141/1/2025', 1)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO coverage (id, person_id, tahun, segmen, dasar_upah, programs,"
                    " kelas_jkk, iuran_pekerja, status_bpjs, dibayar_oleh, version_id)"
                    " VALUES (1, 1, 2025, 'PU', 2426640, 'JKK,JKM', 1, 'desa', 'terdaftar',"
                    " 'desa', 1)"
                )
            )
    finally:
        engine.dispose()


def test_first_revision_database_is_migrated_with_its_data(backend: Backend) -> None:
    backend.data_dir.mkdir(parents=True)
    build_first_revision_database(backend.effective_url)
    db = backend.open()
    with db.session() as s:
        person = s.scalars(select(Person)).one()
        assert person.nik == "0302120303700001"  # text: the leading zero is kept
        assert person.tanggal_lahir == date(1970, 3, 3)
        assert s.scalars(select(Post.jabatan)).all() == ["Kepala Desa"]
        assert s.scalars(select(Coverage.dasar_upah)).all() == [2_426_640]
        assert s.scalars(select(VillageProfile.nama_desa)).all() == ["Lama"]
    with db.engine.connect() as conn:
        command.check(alembic_config(conn))
    if backend.kind == "sqlite":
        kinds = {b.kind for b in list_backups(db)}
        # A migration backs up first; with one revision so far there is nothing to migrate.
        assert ("pre-migrate" in kinds) == (first_revision() != head_revision())
        assert "auto" in kinds


def test_database_at_base_is_backed_up_before_upgrading(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'jamsos_desa.sqlite3'}"
    engine = _at_revision(url, "head")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
        assert inspect(conn).get_table_names() == ["alembic_version"]  # downgrade drops it all
    engine.dispose()
    db = open_database(data_dir=tmp_path)
    (before,) = [b for b in list_backups(db) if b.kind == "pre-migrate"]
    with db.engine.connect() as conn:
        assert "person" in inspect(conn).get_table_names()
    db.dispose()
    old = create_engine(f"sqlite:///{before.path}")
    with old.connect() as conn:
        assert inspect(conn).get_table_names() == ["alembic_version"]  # the state before
    old.dispose()


def test_head_constant_names_the_newest_migration() -> None:
    """A database at HEAD opens without Alembic; HEAD must follow every new migration script."""
    from desa_budget.store.database import head_revision
    from desa_budget.store.migrations import HEAD

    assert HEAD == head_revision()
