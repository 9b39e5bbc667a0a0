"""Personal data at rest: the database, its backups and the logs are the user's alone (files
0600, folders 0700 on Linux and macOS), a backup killed mid-copy leaves no stray copy of every
NIK behind, and no NIK or KPJ reaches the log file in full."""

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from roster_helpers import make_nik
from village_helpers import BORN, one_person_village

from desa_budget.logging_setup import configure_logging, mask_identifiers
from desa_budget.store.backup import make_backup, restore_backup
from desa_budget.store.opening import open_database

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows: the profile's ACL")
NIK = make_nik(BORN, "L", 1)
KPJ = "12345678901"


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual desktop umask, under which new files are world-readable unless made private."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def private_everywhere(root: Path) -> list[str]:
    """Every file or folder under ``root`` others could read."""
    loose = []
    for path in [root, *root.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        if mode(path) & 0o077:
            loose.append(f"{path.relative_to(root)} {oct(mode(path))} (harus {oct(expected)})")
    return loose


@posix_only
def test_database_backups_and_logs_are_private(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "data"
    db = open_database(data_dir=data, access="write")
    one_person_village(db)
    saved = make_backup(db, reason="manual")
    restore_backup(db, saved)  # the restored file too
    log = configure_logging(db.paths.logs)
    logging.getLogger("jamsos").warning("x" * 1_100_000)  # rolls the log over once
    logging.getLogger("jamsos").warning("lagi")
    db.dispose()
    db = open_database(data_dir=data, access="write")  # the daily backup of a second start
    db.dispose()
    assert len(list(db.paths.logs.iterdir())) >= 2 and log.exists()
    assert private_everywhere(data) == []


@posix_only
def test_an_older_installation_is_made_private_at_start(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "data"
    db = open_database(data_dir=data)
    one_person_village(db)
    make_backup(db, reason="manual")
    configure_logging(db.paths.logs)
    logging.getLogger("jamsos").warning("awal")
    db.dispose()
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert private_everywhere(data) != []

    open_database(data_dir=data, access="write").dispose()
    configure_logging(data / "logs")
    assert private_everywhere(data) == []


def test_a_backup_killed_mid_copy_is_cleaned_at_the_next_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_database(data_dir=data, access="write")
    one_person_village(db)
    left = [
        make_backup(db, reason="manual").rename(db.paths.backups / "jamsos_desa-x.sqlite3.part"),
        db.file.with_name(db.file.name + ".restore-4242"),  # type: ignore[union-attr]
    ]
    left[1].write_bytes(left[0].read_bytes())
    db.dispose()
    open_database(data_dir=data, access="read").dispose()
    assert [p for p in left if p.exists()] == []


def test_a_backup_being_written_by_another_process_is_left_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = open_database(data_dir=data, access="write")  # another process writing a backup ...
    part = db.paths.backups / "jamsos_desa-20260101-000000-manual.sqlite3.part"
    part.write_bytes(b"SQLite format 3\x00")
    other = open_database(data_dir=data, access="read")  # ... while this one starts
    assert part.exists()
    other.dispose()
    db.dispose()


@pytest.mark.parametrize(
    "text",
    [
        f"NIK {NIK} sudah terdaftar atas nama Slamet.",
        f"[parameters: {{'nik': '{NIK}', 'nama': 'Slamet', 'nomor_kpj': '{KPJ}'}}]",
        f"nilai_baru={KPJ!r} kolom nomor_kpj",
        f"Nomor KPJ {KPJ} tidak sah",
    ],
)
def test_identifiers_are_masked(text: str) -> None:
    masked = mask_identifiers(text)
    assert NIK not in masked and KPJ not in masked
    assert masked.replace("*", "") != text  # something was hidden, not everything dropped


def test_amounts_and_dates_stay_readable() -> None:
    text = "Dasar upah 2600000 tahun 2026, iuran 129600, pagu 45000000 (baris 17)."
    assert mask_identifiers(text) == text


def test_every_log_record_is_masked(tmp_path: Path) -> None:
    log = configure_logging(tmp_path / "logs")
    logger = logging.getLogger("jamsos.uji")
    logger.info("user error: NIK %s sudah terdaftar", NIK)
    try:
        raise RuntimeError(f"INSERT gagal [parameters: ('{NIK}', 'Slamet', '{KPJ}')]")
    except RuntimeError:
        logger.exception("unexpected error")
    logger.error("crash\n%s", f"sqlalchemy.exc.IntegrityError: ... {{'nik': '{NIK}'}}")
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = log.read_text(encoding="utf-8")
    assert "unexpected error" in written and "Traceback" in written and "Slamet" in written
    assert NIK not in written and KPJ not in written
