"""The SQLite file's neighbours: owner-only modes for the database and its backups, and what a
killed backup or restore left behind (a copy of every NIK nobody would ever find or delete)."""

import os
from pathlib import Path

from desa_budget.paths import NOT_WRITABLE, PRIVATE_FILE, make_private

PARTIAL_SUFFIX = ".part"  # a backup being copied (store.backup)
STAGED_SUFFIX = ".restore"  # a backup being checked before it replaces the database


def create_private(file: Path) -> None:
    """Create ``file`` empty and owner-only before SQLite creates it with the umask's mode (its
    -wal and -shm files then take the same mode)."""
    try:
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        pass


def make_database_private(file: Path, backups: Path) -> None:
    """The database, its -wal/-shm and every backup readable by the user alone (files an older
    version left 0644 included)."""
    for path in (file, Path(f"{file}-wal"), Path(f"{file}-shm")):
        make_private(path)
    if backups.is_dir():
        for path in backups.iterdir():
            make_private(path)


def remove_leftovers(file: Path, backups: Path) -> list[Path]:
    """Delete the partial backups and staged restores a killed process left; only call this when
    no other process has the database open (one of them could be writing such a file now)."""
    found = list(backups.glob(f"*{PARTIAL_SUFFIX}")) if backups.is_dir() else []
    found += list(file.parent.glob(f"{file.name}{STAGED_SUFFIX}*"))
    removed = []
    for path in found:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            if exc.errno in NOT_WRITABLE:
                continue
            raise
        removed.append(path)
    return removed
