"""One writer per SQLite database: an exclusive lock on a file beside it, and a mark per process
that has the database open, so that a restore can see whether anyone else is using it.

``jamsos_desa.sqlite3.lock`` is held by the one process that may write (the window, or a command
that changes data); every process with the database open also holds its own mark in
``jamsos_desa.sqlite3.open/``. Locks are the operating system's (``fcntl.flock`` on Linux and
macOS, ``msvcrt.locking`` on Windows): no extra package to bundle, and the system drops them when
a process dies, even by ``kill -9``, so nothing stale ever blocks a start. A mark whose lock can
be taken belongs to a process that is gone and is removed. A server database (PostgreSQL) is
shared by design and never locked here.
"""

import os
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.paths import NOT_WRITABLE
from desa_budget.store.storage import NotWritable, not_writable

LOCK_SUFFIX = ".lock"
MARKS_SUFFIX = ".open"

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class DatabaseInUse(UserError):
    """Another window or command holds ``database``."""

    def __init__(self, message: str, database: Path) -> None:
        super().__init__(message)
        self.database = database


def in_use_message(database: Path) -> str:
    return _(
        "Data di {folder} sedang dibuka di jendela lain atau dipakai perintah lain. Tutup jendela "
        "atau tunggu perintah itu selesai, lalu ulangi."
    ).format(folder=database.parent)


def _open_file(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


@dataclass
class InstanceLock:
    """What this process holds on one database; ``release()`` (or ``Database.dispose()``) frees it.

    ``writer`` is True while the exclusive lock is held. ``marked`` is False when the folder is
    read-only and no mark could be made (reading still works)."""

    database: Path
    writer: bool = False
    _lock_fd: int | None = None
    _mark_fd: int | None = None
    _mark: Path | None = None
    _released: bool = field(default=False, repr=False)

    @property
    def lock_file(self) -> Path:
        return self.database.with_name(self.database.name + LOCK_SUFFIX)

    @property
    def marks(self) -> Path:
        return self.database.with_name(self.database.name + MARKS_SUFFIX)

    @property
    def marked(self) -> bool:
        return self._mark_fd is not None

    def take_writer(self) -> None:
        """Become the one writer, or raise DatabaseInUse; an unwritable folder raises OSError."""
        if self.writer:
            return
        try:
            fd = _open_file(self.lock_file)
        except OSError as exc:
            if exc.errno in NOT_WRITABLE:
                raise not_writable(self.database.parent) from exc
            raise
        if not _try_lock(fd):
            os.close(fd)
            raise DatabaseInUse(in_use_message(self.database), self.database)
        self._lock_fd, self.writer = fd, True

    def drop_writer(self) -> None:
        if self._lock_fd is not None:
            _unlock(self._lock_fd)
            os.close(self._lock_fd)
        self._lock_fd, self.writer = None, False

    def mark_open(self) -> None:
        """Leave a mark that this process has the database open (seen by a restore)."""
        self.marks.mkdir(mode=0o700, exist_ok=True)
        path = self.marks / f"{os.getpid()}-{secrets.token_hex(4)}"
        fd = _open_file(path)
        _try_lock(fd)  # a new, unique file: nobody else holds it
        self._mark_fd, self._mark = fd, path

    def others_open(self) -> bool:
        """True when another process (window or command) has the database open now."""
        if not self.marks.is_dir():
            return False
        for mark in self.marks.iterdir():
            if mark == self._mark:
                continue
            try:
                fd = os.open(mark, os.O_RDWR)
            except FileNotFoundError:
                continue
            except OSError:
                return True  # held open in a way we cannot even open: someone has it
            try:
                if not _try_lock(fd):
                    return True
                _unlock(fd)
            finally:
                os.close(fd)
            try:
                mark.unlink()  # its process is gone
            except FileNotFoundError:
                pass
            except OSError:
                return True  # Windows: still open by its process
        return False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        self.drop_writer()
        if self._mark_fd is not None:
            os.close(self._mark_fd)
            if self._mark is not None:
                self._mark.unlink(missing_ok=True)
        self._mark_fd = self._mark = None


def acquire(database: Path, *, write: bool) -> InstanceLock:
    """Mark ``database`` as open by this process and, for ``write``, take the one writer's lock.

    A folder that cannot be written: for ``write`` a UserError saying so; for reading, a lock
    without a mark (the data can still be read)."""
    lock = InstanceLock(database)
    try:
        if write:
            lock.take_writer()
        lock.mark_open()
    except DatabaseInUse:
        lock.release()
        raise
    except NotWritable:
        lock.release()
        if write:
            raise
        return InstanceLock(database)
    except OSError as exc:
        lock.release()
        if exc.errno not in NOT_WRITABLE:
            raise
        if write:
            raise not_writable(database.parent) from exc
        return InstanceLock(database)
    return lock
