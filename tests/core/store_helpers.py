"""Store test helpers: a fixture over SQLite and PostgreSQL (a fresh database per test)."""

import os
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desa_budget.store.database import Database
from desa_budget.store.opening import open_database

PG_ENV = "JAMSOS_TEST_PG_URL"


@dataclass
class Backend:
    """Where a test's database lives: ``url`` is None for the default SQLite file."""

    kind: str
    data_dir: Path
    url: str | None
    opened: list[Database] = field(default_factory=list)

    def open(self) -> Database:
        db = open_database(data_dir=self.data_dir, url=self.url)
        self.opened.append(db)
        return db

    @property
    def effective_url(self) -> str:
        return self.url or f"sqlite:///{self.data_dir / 'jamsos_desa.sqlite3'}"


@contextmanager
def pg_database() -> Iterator[str]:
    """A new, uniquely named database on the test server; dropped afterwards."""
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f"{PG_ENV} belum di-set (CI menjalankan uji PostgreSQL)")
    name = f"jamsos_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def backend_fixture():  # type: ignore[no-untyped-def]
    """A fixture parametrized over sqlite and postgres; assign it to a name in the test module."""

    @pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
    def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
        with ExitStack() as stack:
            url = stack.enter_context(pg_database()) if request.param == "postgres" else None
            made = Backend(kind=request.param, data_dir=tmp_path / "data", url=url)
            try:
                yield made
            finally:
                for db in made.opened:
                    db.dispose()

    return backend
