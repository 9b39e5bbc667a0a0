"""Opening the database: engine setup, refusing a newer schema, backup, then ``alembic upgrade head``.

SQLite (a file in the data folder) is the default; a ``--db`` URL such as PostgreSQL takes the same
path except for file backups, which only exist for SQLite (a server is backed up with pg_dump).
"""

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.paths import DataPaths
from desa_budget.store import storage
from desa_budget.store.migrations import HEAD

if TYPE_CHECKING:
    from alembic.config import Config

    from desa_budget.store.instance_lock import InstanceLock

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000

NEWER_MESSAGE = N_(
    "Basis data ini dibuat oleh versi Jamsos Desa yang lebih baru (revisi {rev}). "
    "Perbarui aplikasi ini dulu; basis data tidak diubah."
)
NOT_OURS_MESSAGE = N_("Berkas {path} bukan basis data Jamsos Desa.")
NOT_SQLITE_MESSAGE = N_(
    "Berkas {path} bukan basis data SQLite yang dapat dibaca (rusak atau jenis lain)."
)


class ConcurrentEditError(UserError, StaleDataError):
    """A stale edit: someone saved the same row in between. Still a StaleDataError for callers."""

    def __init__(self) -> None:
        super().__init__(_("Data ini sudah diubah oleh pengguna lain; muat ulang lalu ulangi."))


@dataclass(frozen=True)
class Database:
    """An open, migrated database. ``file`` is the SQLite file, or None for a server; ``lock``
    what this process holds on the file (store.instance_lock), released by ``dispose()``."""

    engine: Engine
    paths: DataPaths
    url: str
    file: Path | None
    lock: "InstanceLock | None" = None
    # Why today's automatic backup could not be made (a full disk, a read-only folder), if so
    backup_problem: UserError | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: ``with db.session() as s:`` commits at the end, or rolls back."""
        with translate_errors(self.file), Session(self.engine) as session, session.begin():
            yield session

    @property
    def location(self) -> str:
        """Where the data is, safe to print (a server password is hidden)."""
        if self.file is not None:
            return str(self.file)
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


@contextmanager
def translate_errors(file: Path | None = None) -> Iterator[None]:
    """Turn a stale edit, a locked SQLite file, a full disk or a read-only folder into a
    message the user can act on."""
    try:
        yield
    except ConcurrentEditError:
        raise
    except StaleDataError as exc:
        raise ConcurrentEditError() from exc
    except IntegrityError as exc:
        if not _is_unique_violation(exc):
            raise
        # A row with the same key was saved meanwhile (two imports of one file at once on a
        # server): a stale edit too. The parameters (NIKs, names) stay out of the message.
        raise ConcurrentEditError() from exc
    except DataError as exc:
        if getattr(exc.orig, "sqlstate", None) != "22001":  # string data right truncation
            raise
        raise UserError(
            _("Ada isian yang terlalu panjang untuk basis data; tidak ada yang disimpan.")
        ) from exc
    except OperationalError as exc:
        if getattr(exc.orig, "sqlite_errorname", "") == "SQLITE_BUSY_SNAPSHOT":
            # Another connection committed since this transaction read: the same stale edit.
            raise ConcurrentEditError() from exc
        if "locked" in str(exc.orig) or "busy" in str(exc.orig):
            raise UserError(
                _("Basis data sedang dipakai oleh proses lain; tunggu sebentar lalu ulangi.")
            ) from exc
        problem = storage.storage_problem(exc.orig, file) if file and exc.orig else None
        if problem is not None:
            raise problem from exc
        raise


def _is_unique_violation(exc: IntegrityError) -> bool:
    if getattr(exc.orig, "sqlstate", None) == "23505":  # PostgreSQL unique_violation
        return True
    name = getattr(exc.orig, "sqlite_errorname", "")
    return name in ("SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY")


def alembic_config(connection: Connection | None = None, *, url: str | None = None) -> "Config":
    """The Alembic configuration, built in code (no alembic.ini in the installed app)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations have no head"
    return head


def sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    name = parsed.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).expanduser().resolve()


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that creates nothing beside the file.

    Without a -wal file the main file is the whole database, and ``immutable`` keeps SQLite from
    creating -wal/-shm files; with one, ``mode=ro`` reads the committed WAL frames too.
    """
    wal = Path(f"{path}-wal")
    # An empty -wal (a write cut short) holds nothing to read: no need for its -shm either.
    option = "mode=ro" if wal.exists() and wal.stat().st_size > 0 else "immutable=1"
    conn = sqlite3.connect(f"{path.as_uri()}?{option}", uri=True)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def _readonly_connection(path: Path) -> sqlite3.Connection:
    conn = connect_readonly(path)
    conn.isolation_level = None  # as make_engine's: SQLAlchemy emits BEGIN itself
    return conn


class SqliteState(NamedTuple):
    empty: bool  # no tables at all: a new database
    ours: bool  # made by this app (has alembic_version and the profile table)
    revision: str | None


def read_sqlite_state(path: Path) -> SqliteState:
    """What a SQLite file holds, read through a read-only connection (the file is not changed)."""
    try:
        with closing(connect_readonly(path)) as conn:
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                return SqliteState(empty=not tables, ours=not tables, revision=None)
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        # A full disk (SQLite cannot grow its -shm) is not a damaged file: say which it is.
        problem = storage.storage_problem(exc, path)
        if problem is not None:
            raise problem from exc
        raise UserError(_(NOT_SQLITE_MESSAGE).format(path=path)) from exc
    revision = row[0] if row else None
    # An unknown revision is a newer Jamsos Desa only if it also has our oldest table.
    ours = revision in (HEAD, None) or "village_profile" in tables or revision in known_revisions()
    return SqliteState(empty=False, ours=ours, revision=revision)


def server_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def refuse_if_newer(revision: str | None) -> None:
    if revision is not None and revision != HEAD and revision not in known_revisions():
        raise UserError(_(NEWER_MESSAGE).format(rev=revision))


def make_engine(url: str, *, foreign_keys: bool = True, read_only: bool = False) -> Engine:
    """An engine; for SQLite, with the pragmas and real transactions (DDL included).

    ``read_only`` (a SQLite file on a read-only disk, or a full one) reads through
    ``connect_readonly``: nothing is created beside the file, nothing can be written."""
    file = sqlite_file(url) if read_only else None
    if file is not None:
        engine = create_engine("sqlite://", creator=lambda: _readonly_connection(file))
    else:
        engine = create_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            if file is not None:
                return
            # Let SQLAlchemy emit BEGIN itself, so DDL and reads are inside the transaction too.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN")

    return engine


def upgrade_to_head(url: str) -> None:
    """``alembic upgrade head`` in one transaction.

    On SQLite foreign keys are off meanwhile: a batch migration drops and recreates tables, and with
    them on, dropping ``person`` would cascade-delete every post. The result is checked before commit.
    """
    from alembic import command

    engine = make_engine(url, foreign_keys=False)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
            if engine.dialect.name == "sqlite":
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
    finally:
        engine.dispose()


def current_revision(db: Database) -> str | None:
    return server_revision(db.engine)
