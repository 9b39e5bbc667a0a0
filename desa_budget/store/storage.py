"""Problems of the disk itself, each said as what it is: a full disk (with the room free and the
room needed, never "the database is damaged"), and a folder that cannot be written."""

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.paths import NOT_WRITABLE

MIN_ROOM = 1024 * 1024  # what SQLite needs beside a write: its -wal and -shm files grow
_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class DiskFull(UserError):
    """No room on the disk that holds the data."""


class NotWritable(UserError):
    """The data folder (or a file in it) cannot be written."""


def format_size(size: int) -> str:
    """1.536.000 bytes as "1,5 MB"."""
    mb = size / (1024 * 1024)
    return f"{mb:.1f}".replace(".", ",") + " MB"


def free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 0


def room_for(file: Path) -> int:
    """Room to work on ``file`` (a backup or a big write needs as much again as it holds)."""
    size = 0
    for path in (file, Path(f"{file}-wal")):
        try:
            size += path.stat().st_size
        except OSError:
            pass
    return size + MIN_ROOM


def disk_full(folder: Path, needed: int) -> DiskFull:
    return DiskFull(
        _(
            "Disk penuh: ruang kosong di {folder} tinggal {free}, perlu sekitar {needed}. "
            "Kosongkan ruang (mis. hapus berkas yang tidak dipakai), lalu ulangi; tidak ada data "
            "yang diubah."
        ).format(folder=folder, free=format_size(free_bytes(folder)), needed=format_size(needed))
    )


def not_writable(folder: Path) -> NotWritable:
    return NotWritable(
        _(
            "Folder data {folder} tidak dapat ditulisi (hanya-baca atau tanpa izin), jadi data "
            "tidak dapat diubah; tidak ada yang ditulis. Perintah yang hanya membaca tetap dapat "
            "dipakai."
        ).format(folder=folder)
    )


def short_of_room(folder: Path, needed: int) -> bool:
    return free_bytes(folder) < needed


def writable(file: Path) -> bool:
    """Can this process change ``file`` (or create it) and the files SQLite keeps beside it?"""
    if not os.access(file.parent, os.W_OK):
        return False
    return not file.exists() or os.access(file, os.W_OK)


def _sqlite_name(exc: BaseException) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


def storage_problem(exc: BaseException, file: Path, needed: int | None = None) -> UserError | None:
    """The disk's own problem behind ``exc`` (an OSError or a SQLite error about ``file``, or
    a file beside it), or None when the disk is not to blame."""
    folder = file.parent
    needed = needed if needed is not None else room_for(file)
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        if exc.errno in _NO_SPACE:
            return disk_full(folder, needed)
        if exc.errno in NOT_WRITABLE:
            return not_writable(folder)
        return None
    name = _sqlite_name(exc)
    if name.startswith("SQLITE_READONLY"):
        return not_writable(folder)
    if name == "SQLITE_FULL" or "disk is full" in str(exc):
        return disk_full(folder, needed)
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
        if short_of_room(folder, MIN_ROOM):
            return disk_full(folder, needed)
        if not writable(file):
            return not_writable(folder)
    return None
