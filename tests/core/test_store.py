"""Opening the database: migrations at start, refusing a newer schema, pragmas, transactions."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from store_helpers import PG_ENV, Backend, backend_fixture

from desa_budget.errors import UserError
from desa_budget.store.database import ConcurrentEditError, head_revision
from desa_budget.store.models import AuditEntry, VillageProfile
from desa_budget.store.opening import open_database

backend = backend_fixture()
ROOT = Path(__file__).resolve().parents[2]


def add_profile(db, nama="Sukamaju"):  # type: ignore[no-untyped-def]
    with db.session() as s:
        s.add(
            VillageProfile(
                nama_desa=nama, kode_desa="33.02.12.2005", kecamatan="Sumbang",
                kabupaten="Banyumas", provinsi="Jawa Tengah",
            )
        )  # fmt: skip


def revision_of(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


def set_revision(url: str, revision: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    finally:
        engine.dispose()


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_new_database_is_migrated_to_head(backend: Backend) -> None:
    db = backend.open()
    assert revision_of(backend.effective_url) == head_revision()
    assert {"person", "post", "coverage", "village_profile", "audit_log"} <= set(
        inspect(db.engine).get_table_names()
    )


def test_reopening_keeps_the_data(backend: Backend) -> None:
    add_profile(backend.open())
    with backend.open().session() as s:
        assert s.scalars(select(VillageProfile.nama_desa)).all() == ["Sukamaju"]


def test_a_failed_action_changes_nothing(backend: Backend) -> None:
    db = backend.open()
    with pytest.raises(RuntimeError), db.session() as s:
        add_profile(db, "Lain")  # its own committed session
        s.add(AuditEntry(waktu=func.now(), operator="x", entitas="uji"))
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0
        assert s.scalars(select(VillageProfile.nama_desa)).all() == ["Lain"]


def test_stale_edit_becomes_a_clear_message(backend: Backend) -> None:
    db = backend.open()
    add_profile(db)
    with pytest.raises(UserError, match="sudah diubah oleh pengguna lain") as info:
        with db.session() as first:
            mine = first.scalars(select(VillageProfile)).one()
            mine.alamat = "Jl. Satu"
            with db.session() as second:  # someone else saves first
                second.scalars(select(VillageProfile)).one().alamat = "Jl. Dua"
    assert isinstance(info.value, ConcurrentEditError)
    with db.session() as s:
        assert s.scalars(select(VillageProfile.alamat)).one() == "Jl. Dua"


def test_newer_database_is_refused_and_left_untouched(backend: Backend) -> None:
    add_profile(backend.open())
    for db in backend.opened:
        db.dispose()
    set_revision(backend.effective_url, "9999_dari_masa_depan")
    before = snapshot(backend.data_dir)
    with pytest.raises(UserError, match="versi Jamsos Desa yang lebih baru"):
        open_database(data_dir=backend.data_dir, url=backend.url)
    assert snapshot(backend.data_dir) == before  # no file changed, added, or backed up
    assert revision_of(backend.effective_url) == "9999_dari_masa_depan"


def test_ci_runs_the_postgres_tests() -> None:
    """CI must not skip the PostgreSQL run silently; where the server is named it must answer."""
    url = os.environ.get(PG_ENV)
    if os.environ.get("CI") == "true":
        assert url, f"CI menjalankan uji tanpa {PG_ENV}: uji PostgreSQL akan terlewati"
    if url:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                assert conn.execute(text("SELECT 1")).scalar() == 1
        finally:
            engine.dispose()


# SQLite-file specific -------------------------------------------------------------------------


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = open_database(data_dir=tmp_path)
    with db.engine.connect() as conn:
        values = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "journal_mode", "busy_timeout", "synchronous")
        }
    db.dispose()
    assert values == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "busy_timeout": 5000,
        "synchronous": 2,
    }


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    target = tmp_path / "jamsos_desa.sqlite3"
    target.write_bytes(b"ini bukan basis data\n" * 100)
    before = snapshot(tmp_path)
    with pytest.raises(UserError, match="bukan basis data SQLite"):
        open_database(data_dir=tmp_path)
    assert snapshot(tmp_path) == before


def test_another_apps_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    target = tmp_path / "jamsos_desa.sqlite3"
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE catatan (isi TEXT)")
    conn.close()
    before = snapshot(tmp_path)
    with pytest.raises(UserError, match="bukan basis data Jamsos Desa"):
        open_database(data_dir=tmp_path)
    assert snapshot(tmp_path) == before


CHILD = """
import sys
from datetime import datetime
from desa_budget.store.models import AuditEntry
from desa_budget.store.opening import open_database

db = open_database(data_dir=sys.argv[1])
with db.session() as s:
    written = 0
    while True:  # one transaction that never ends: the parent kills us mid-way
        s.add_all(
            AuditEntry(waktu=datetime(2026, 1, 1), operator="anak", entitas="uji", label=str(i))
            for i in range(written, written + 1000)
        )
        s.flush()
        written += 1000
        if written == 5000:
            print("started", flush=True)
"""


def test_killed_mid_write_leaves_the_database_as_before(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_database(data_dir=data)
    with db.session() as s:
        s.add_all(
            AuditEntry(waktu=func.now(), operator="induk", entitas="uji", label=str(i))
            for i in range(250)
        )
    db.dispose()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.strip() == "started", child.stderr.read() if child.stderr else ""
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    with sqlite3.connect(data / "jamsos_desa.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*), min(operator) FROM audit_log").fetchone() == (
            250,
            "induk",
        )
    conn.close()
    reopened = open_database(data_dir=data)
    with reopened.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 250
    reopened.dispose()
