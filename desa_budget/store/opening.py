"""Opening the database at every start: refuse a newer schema, back up, migrate, daily backup."""

from dataclasses import replace
from pathlib import Path
from typing import Literal

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.paths import DataPaths, data_paths
from desa_budget.store import backup, files, instance_lock, storage
from desa_budget.store.database import (
    NOT_OURS_MESSAGE,
    Database,
    make_engine,
    read_sqlite_state,
    refuse_if_newer,
    server_revision,
    sqlite_file,
    upgrade_to_head,
)
from desa_budget.store.instance_lock import InstanceLock
from desa_budget.store.migrations import HEAD

Access = Literal["write", "read"]


def open_database(
    *, data_dir: Path | str | None = None, url: str | None = None, access: Access | None = None
) -> Database:
    """Open (creating or migrating) the database; refuse one made by a newer app, writing nothing.

    ``access`` is how an instance of the app (the window, a command) holds a SQLite file:
    ``"write"`` takes the one writer's lock (DatabaseInUse when another window or command has
    it), ``"read"`` only marks the file as open; None (tests, the self-test) takes no lock.
    A server database is shared by design and never locked."""
    paths = data_paths(data_dir)
    url = url or paths.sqlite_url
    try:
        file = sqlite_file(url)
    except ArgumentError as exc:
        raise UserError(_("URL basis data tidak sah: {error}").format(error=exc)) from exc
    if file is None and make_url(url).get_backend_name() == "sqlite":
        raise UserError(
            _("Basis data SQLite harus berupa berkas; pakai --data-dir atau sqlite:///BERKAS.")
        )
    lock = None
    if file is not None and access is not None:
        lock = instance_lock.acquire(file, write=access == "write")
    try:
        return _open(paths, url, file, lock)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _open(paths: DataPaths, url: str, file: Path | None, lock: InstanceLock | None) -> Database:
    head = HEAD
    existed = file is not None and file.exists() and file.stat().st_size > 0
    had_data = False
    at_head = False
    writing = _Writing(lock)
    if file is not None:
        if existed:
            state = read_sqlite_state(file)
            if not state.ours:
                raise UserError(_(NOT_OURS_MESSAGE).format(path=file))
            refuse_if_newer(state.revision)
            at_head = state.revision == head
            had_data = not state.empty
            if state.revision != head and had_data:
                writing.begin()
                backup.write_backup(file, paths.backups, kind="pre-migrate")
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
        _tidy(file, paths, lock)
    try:
        engine = make_engine(url, read_only=_read_only(file, lock) and at_head)
    except NoSuchModuleError as exc:
        raise UserError(_("Jenis basis data tidak didukung: {error}").format(error=exc)) from exc
    try:
        if file is None:
            try:
                revision = server_revision(engine)
            except OperationalError as exc:
                location = make_url(url).render_as_string(hide_password=True)
                raise UserError(
                    _("Tidak dapat terhubung ke server basis data {location}: {error}").format(
                        location=location, error=exc.orig
                    )
                ) from exc
            refuse_if_newer(revision)
            at_head = revision == head
        if not at_head:
            writing.begin()
            upgrade_to_head(url)
    except BaseException:
        engine.dispose()
        raise
    finally:
        writing.end()
    db = Database(engine=engine, paths=paths, url=url, file=file, lock=lock)
    if had_data:
        try:
            backup.daily_backup(db)
        except (storage.DiskFull, storage.NotWritable) as exc:
            # Reading still works; whoever opened the data says so (or refuses to write).
            return replace(db, backup_problem=exc)
    return db


def _read_only(file: Path | None, lock: InstanceLock | None) -> bool:
    """A reading command on a file it cannot write, or on a full disk, reads without SQLite's
    -wal/-shm files (which it could not create)."""
    if file is None or lock is None or lock.writer:
        return False
    return not storage.writable(file) or storage.short_of_room(file.parent, storage.MIN_ROOM)


def _tidy(file: Path, paths: DataPaths, lock: InstanceLock | None) -> None:
    """Owner-only files, and no leftover copies of a killed backup once nobody else is using
    the database (another process may be writing its own backup right now)."""
    if file.exists():
        files.make_database_private(file, paths.backups)
    else:
        try:
            files.create_private(file)
        except OSError as exc:
            problem = storage.storage_problem(exc, file)
            if problem is None:
                raise
            raise problem from exc
    if lock is not None and lock.marked and not lock.others_open():
        files.remove_leftovers(file, paths.backups)


class _Writing:
    """Creating or migrating the file is a writer's work: a reading command takes the writer's
    lock for it (refused while a window has the file open) and gives it back after."""

    def __init__(self, lock: InstanceLock | None) -> None:
        self.lock = lock
        self.temporary = False

    def begin(self) -> None:
        if self.lock is not None and not self.lock.writer:
            self.lock.take_writer()
            self.temporary = True

    def end(self) -> None:
        if self.lock is not None and self.temporary:
            self.lock.drop_writer()
            self.temporary = False
