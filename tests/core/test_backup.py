"""Backups: manual and daily copies, keeping 14 automatic ones, and restore with its checks."""

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, select
from store_helpers import Backend, backend_fixture

from desa_budget.cli import main
from desa_budget.errors import UserError
from desa_budget.store.backup import daily_backup, list_backups, make_backup, restore_backup
from desa_budget.store.database import Database, alembic_config, current_revision, head_revision
from desa_budget.store.models import VillageProfile
from desa_budget.store.opening import open_database

backend = backend_fixture()


def with_village(path: Path, nama: str = "Sukamaju") -> Database:
    db = open_database(data_dir=path)
    with db.session() as s:
        s.add(
            VillageProfile(
                nama_desa=nama, kode_desa="33.02.12.2005", kecamatan="Sumbang",
                kabupaten="Banyumas", provinsi="Jawa Tengah",
            )
        )  # fmt: skip
    return db


def village_name(db: Database) -> str:
    with db.session() as s:
        return s.scalars(select(VillageProfile.nama_desa)).one()


def rename_village(db: Database, nama: str) -> None:
    with db.session() as s:
        s.scalars(select(VillageProfile)).one().nama_desa = nama


def revision_of(db: Database) -> str | None:
    return current_revision(db)


def names_in(file: Path) -> list[str]:
    with sqlite3.connect(file) as conn:
        rows = conn.execute("SELECT nama_desa FROM village_profile").fetchall()
    conn.close()
    return [r[0] for r in rows]


def test_manual_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    db = with_village(tmp_path)
    path = make_backup(db, reason="manual")
    assert path.parent == db.paths.backups and "manual" in path.name
    assert names_in(path) == ["Sukamaju"]
    assert not Path(f"{path}-wal").exists()
    (info,) = [b for b in list_backups(db) if b.path == path]
    assert info.kind == "manual" and info.size == path.stat().st_size
    db.dispose()


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    db = with_village(tmp_path)
    saved = make_backup(db, reason="manual")
    rename_village(db, "Berubah")
    kept = restore_backup(db, saved)
    assert village_name(db) == "Sukamaju"  # the same Database keeps working after the swap
    assert "sebelum-restore" in kept.name and names_in(kept) == ["Berubah"]
    assert {"manual", "pre-restore"} <= {b.kind for b in list_backups(db)}
    rename_village(db, "Lagi")
    db.dispose()
    assert village_name(open_database(data_dir=tmp_path)) == "Lagi"


def test_restore_migrates_an_older_file(tmp_path: Path) -> None:
    old = tmp_path / "lama.sqlite3"
    shutil.copy(make_backup(with_village(tmp_path / "a", "Lama"), reason="manual"), old)
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as conn:  # the oldest state there is: before the first revision
        command.downgrade(alembic_config(conn), "base")
    engine.dispose()
    db = with_village(tmp_path / "b")
    restore_backup(db, old)
    with db.session() as s:
        assert s.scalars(select(VillageProfile)).all() == []  # migrated: the table exists again
    assert revision_of(db) == head_revision()
    db.dispose()


def test_a_restore_that_cannot_migrate_leaves_the_database(tmp_path: Path) -> None:
    old = tmp_path / "rusak.sqlite3"
    shutil.copy(make_backup(with_village(tmp_path / "a", "Lama"), reason="manual"), old)
    with sqlite3.connect(old) as conn:  # at base, yet a table the first revision creates exists
        conn.execute("DELETE FROM alembic_version")
    conn.close()
    db = with_village(tmp_path / "b")
    with pytest.raises(UserError, match="tidak dapat diperbarui"):
        restore_backup(db, old)
    assert village_name(db) == "Sukamaju"
    assert [b.kind for b in list_backups(db)] == []
    assert not [p for p in db.paths.root.iterdir() if ".restore" in p.name]
    db.dispose()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("text", "bukan basis data SQLite"),
        ("other-app", "bukan basis data Jamsos Desa"),
        ("newer", "versi Jamsos Desa yang lebih baru"),
        ("missing", "tidak ditemukan"),
    ],
)
def test_restore_refuses_bad_files_and_changes_nothing(
    tmp_path: Path, content: str, says: str
) -> None:
    db = with_village(tmp_path / "data")
    bad = tmp_path / "cadangan.sqlite3"
    if content == "text":
        bad.write_text("SQLite format 3 bukan sungguhan\n" * 50)
    elif content == "other-app":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE catatan (isi TEXT)")
        conn.close()
    elif content == "newer":
        shutil.copy(make_backup(db, reason="manual"), bad)
        with sqlite3.connect(bad) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.close()
    before = {b.path for b in list_backups(db)}
    with pytest.raises(UserError, match=says):
        restore_backup(db, bad)
    assert {b.path for b in list_backups(db)} == before  # no pre-restore backup either
    assert village_name(db) == "Sukamaju"
    assert sorted(p.name for p in db.paths.root.iterdir()) == [
        "backups", "jamsos_desa.sqlite3", "jamsos_desa.sqlite3-shm", "jamsos_desa.sqlite3-wal",
        "logs",
    ]  # fmt: skip
    db.dispose()


def test_daily_backup_once_a_day_keeping_fourteen(tmp_path: Path) -> None:
    db = with_village(tmp_path)
    backups, source = tmp_path / "backups", tmp_path / "jamsos_desa.sqlite3"
    now = datetime(2026, 3, 15, 23, 59, 0)  # a fixed clock: no test run straddles midnight
    for days in range(1, 21):
        stamp = (now - timedelta(days=days)).strftime("%Y%m%d-%H%M%S")
        shutil.copy(source, backups / f"jamsos_desa-{stamp}-otomatis.sqlite3")
    assert daily_backup(db, now=now) is not None  # the day's first start: today's
    manual = make_backup(db, reason="manual")
    assert daily_backup(db, now=now + timedelta(seconds=59)) is None  # same day: no second
    autos = [b for b in list_backups(db) if b.kind == "auto"]
    assert len(autos) == 14
    assert autos[0].time == now
    assert [b.time.date() for b in autos[1:]] == [
        (now - timedelta(days=d)).date() for d in range(1, 14)
    ]
    assert manual.exists()  # only automatic backups are pruned
    assert sum(1 for b in autos if b.time.date() == now.date()) == 1  # the second call made none
    assert daily_backup(db, now=now + timedelta(seconds=60)) is not None  # 00:00: a new day
    db.dispose()


def test_file_backups_are_sqlite_only(backend: Backend) -> None:
    db = backend.open()
    if backend.kind == "postgres":
        with pytest.raises(UserError, match="pg_dump"):
            make_backup(db, reason="manual")
        with pytest.raises(UserError, match="pg_dump"):
            restore_backup(db, backend.data_dir / "apa.sqlite3")
    else:
        assert make_backup(db, reason="manual").exists()


def test_backup_and_restore_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    with_village(data).dispose()
    assert main(["--data-dir", str(data), "backup"]) == 0
    saved = Path(capsys.readouterr().out.strip())
    assert saved.is_file() and names_in(saved) == ["Sukamaju"]
    db = open_database(data_dir=data)
    rename_village(db, "Berubah")
    db.dispose()
    assert main(["--data-dir", str(data), "restore", str(saved)]) == 0
    assert "sebelum-restore" in capsys.readouterr().out
    assert village_name(open_database(data_dir=data)) == "Sukamaju"
    assert main(["--data-dir", str(data), "restore", str(tmp_path / "tidak-ada.sqlite3")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err
