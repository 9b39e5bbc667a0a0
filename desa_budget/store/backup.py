"""Backups of the SQLite file: consistent online copies, the daily automatic one, and restore.

A PostgreSQL database is not backed up here: a shared server is backed up with pg_dump by its admin.
"""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import SQLAlchemyError

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.store import files, instance_lock, storage
from desa_budget.store.database import (
    NOT_OURS_MESSAGE,
    NOT_SQLITE_MESSAGE,
    Database,
    connect_readonly,
    read_sqlite_state,
    refuse_if_newer,
    upgrade_to_head,
)

BackupKind = Literal["auto", "manual", "pre-migrate", "pre-restore"]
KEEP_AUTOMATIC = 14
PREFIX = "jamsos_desa"
SUFFIX = ".sqlite3"
# File names carry the kind in Indonesian, so a user browsing the folder understands them.
KIND_WORDS: dict[BackupKind, str] = {
    "auto": "otomatis",
    "manual": "manual",
    "pre-migrate": "sebelum-migrasi",
    "pre-restore": "sebelum-restore",
}
_WORD_KINDS: dict[str, BackupKind] = {word: kind for kind, word in KIND_WORDS.items()}
_STAMP = "%Y%m%d-%H%M%S"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    time: datetime
    size: int
    kind: BackupKind


def _copy_sqlite(source: Path, target: Path) -> None:
    """Copy through the SQLite backup API (a consistent snapshot, WAL included) into one file."""
    partial = target.with_name(target.name + files.PARTIAL_SUFFIX)
    try:
        partial.unlink(missing_ok=True)
        files.create_private(partial)  # every NIK is in it: the user's alone from the start
        with (
            closing(connect_readonly(source)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        _remove(partial)
        # No room or no right to write the copy: say that, not "the file is damaged".
        problem = storage.storage_problem(exc, partial, storage.room_for(source))
        if problem is not None:
            raise problem from exc
        raise
    except BaseException:
        _remove(partial)
        raise


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only folder, where it was never made


def write_backup(
    source: Path, folder: Path, *, kind: BackupKind, now: datetime | None = None
) -> Path:
    """Back up the SQLite file ``source`` into ``folder``; the name holds the time and the kind."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        problem = storage.storage_problem(exc, folder / source.name)
        if problem is None:
            raise
        raise problem from exc
    base = f"{PREFIX}-{now or datetime.now():{_STAMP}}-{KIND_WORDS[kind]}"
    target = folder / f"{base}{SUFFIX}"
    number = 2
    while target.exists():  # two backups within one second
        target = folder / f"{base}-{number}{SUFFIX}"
        number += 1
    _copy_sqlite(source, target)
    return target


def _sqlite_file(db: Database) -> Path:
    if db.file is None:
        raise UserError(
            _(
                "Cadangan berkas hanya tersedia untuk basis data SQLite. Basis data di server "
                "(PostgreSQL) dicadangkan oleh pengelola server, mis. dengan pg_dump."
            )
        )
    return db.file


def make_backup(
    db: Database,
    *,
    reason: BackupKind = "manual",
    now: datetime | None = None,
    folder: Path | None = None,
) -> Path:
    """A consistent copy of the open database in ``folder`` (default: the backups folder, e.g.
    a flash disk chosen by the user); returns its path."""
    return write_backup(_sqlite_file(db), folder or db.paths.backups, kind=reason, now=now)


def _parse(path: Path) -> BackupInfo | None:
    parts = path.name.removesuffix(SUFFIX).split("-")
    # jamsos_desa-YYYYMMDD-HHMMSS-<kind words>[-n]
    if len(parts) < 4 or parts[0] != PREFIX:
        return None
    try:
        time = datetime.strptime(f"{parts[1]}-{parts[2]}", _STAMP)
    except ValueError:
        return None
    words = parts[3:]
    if words[-1].isdigit():
        words = words[:-1]
    kind = _WORD_KINDS.get("-".join(words))
    if kind is None:
        return None
    return BackupInfo(path=path, time=time, size=path.stat().st_size, kind=kind)


def list_backups(db: Database) -> list[BackupInfo]:
    """Every backup in the backups folder, newest first."""
    folder = db.paths.backups
    if not folder.is_dir():
        return []
    found = [info for p in folder.glob(f"{PREFIX}-*{SUFFIX}") if (info := _parse(p))]
    return sorted(found, key=lambda b: (b.time, b.path.name), reverse=True)


def daily_backup(db: Database, *, now: datetime | None = None) -> Path | None:
    """The automatic backup: at most one per calendar day, keeping the newest 14 automatic ones.

    ``now`` (default: the clock) decides the day and names the file, so tests need no clock."""
    if db.file is None:
        return None
    now = now or datetime.now()
    autos = [b for b in list_backups(db) if b.kind == "auto"]
    made = None
    if not any(b.time.date() == now.date() for b in autos):
        made = make_backup(db, reason="auto", now=now)
        autos = [b for b in list_backups(db) if b.kind == "auto"]
    for old in autos[KEEP_AUTOMATIC:]:
        old.path.unlink(missing_ok=True)
    return made


def _check_restorable(copy: Path, original: Path) -> None:
    damaged = UserError(
        _("Berkas cadangan {path} rusak (pemeriksaan integritas gagal).").format(path=original)
    )
    try:
        with closing(sqlite3.connect(copy)) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()
            broken_links = conn.execute("PRAGMA foreign_key_check").fetchone()
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed" before any row
        raise damaged from exc
    if not result or result[0] != "ok" or broken_links is not None:
        raise damaged
    state = read_sqlite_state(copy)
    if state.empty or not state.ours:
        raise UserError(_(NOT_OURS_MESSAGE).format(path=original))
    refuse_if_newer(state.revision)


def restore_backup(db: Database, file: Path | str) -> Path:
    """Replace the database with ``file`` (checked first), migrated to this version.

    Returns the backup of what was replaced. The open engine is disposed; it reconnects on next use.
    """
    target = _sqlite_file(db)
    source = Path(file).expanduser().resolve()
    if not source.is_file():
        raise UserError(_("Berkas {path} tidak ditemukan.").format(path=source))
    with source.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise UserError(_(NOT_SQLITE_MESSAGE).format(path=source))
    # Work on a copy beside the database: the user's file is never changed, and the final
    # replacement is a rename within one folder (atomic). Checking and migrating the copy needs
    # no lock; replacing the database needs everyone else to have closed it.
    staged = target.with_name(f"{target.name}{files.STAGED_SUFFIX}-{os.getpid()}")
    try:
        _stage(source, staged)
        with _alone(db, target):
            kept = make_backup(db, reason="pre-restore")
            db.engine.dispose()
            for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
                leftover.unlink(missing_ok=True)  # never let an old WAL replay onto the new file
            os.replace(staged, target)
    finally:
        for name in (staged, Path(f"{staged}-wal"), Path(f"{staged}-shm")):
            name.unlink(missing_ok=True)
    return kept


@contextmanager
def _alone(db: Database, target: Path) -> Iterator[None]:
    """Hold the writer's lock and make sure no other process has the database open: a window
    that still had the old file open would report its next save as done, and lose it."""
    lock = db.lock
    temporary = lock is None
    if lock is None:
        lock = instance_lock.acquire(target, write=True)
    was_writer = lock.writer
    try:
        lock.take_writer()
        if lock.others_open():
            raise instance_lock.DatabaseInUse(
                _(
                    "Cadangan tidak dipulihkan: data di {folder} sedang dibuka di jendela lain "
                    "atau dipakai perintah lain. Tutup semuanya dulu, lalu ulangi."
                ).format(folder=target.parent),
                target,
            )
        yield
    finally:
        if temporary:
            lock.release()
        elif not was_writer:
            lock.drop_writer()


def _stage(source: Path, staged: Path) -> None:
    """Copy ``source`` to ``staged``, check it and migrate it to this version."""
    try:
        _copy_sqlite(source, staged)
    except sqlite3.DatabaseError as exc:
        raise UserError(_(NOT_SQLITE_MESSAGE).format(path=source)) from exc
    _check_restorable(staged, source)
    # Migrate the copy before it replaces anything: a failure leaves the database as it was.
    try:
        upgrade_to_head(f"sqlite:///{staged}")
    except SQLAlchemyError as exc:
        raise UserError(
            _(
                "Berkas cadangan {path} tidak dapat diperbarui ke versi aplikasi ini "
                "(isinya tidak sesuai dengan catatan versinya); basis data tidak diubah."
            ).format(path=source)
        ) from exc
