"""A roster import killed mid-way (a real process, SIGKILL) leaves the database exactly as before."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from roster_helpers import new_db
from sqlalchemy import func, select

from desa_budget.demo import create_demo_village
from desa_budget.roster.workbook.export import export_roster
from desa_budget.store import audit
from desa_budget.store.models import Person
from desa_budget.store.opening import open_database

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sqlalchemy import Engine, event
    from desa_budget.roster.workbook.apply import apply_import, plan_import
    from desa_budget.store.opening import open_database

    db = open_database(data_dir=sys.argv[1])

    inserts = 0

    @event.listens_for(Engine, "after_cursor_execute")
    def _pause(conn, cursor, statement, parameters, context, executemany):
        # well into the import (the people and their posts written to the open transaction),
        # wait to be killed
        global inserts
        if statement.startswith("INSERT"):
            inserts += 1
            if inserts == 2:
                print("started", flush=True)
                sys.stdin.readline()

    with db.session() as s:
        plan = plan_import(s, Path(sys.argv[2]), year=2026)
        apply_import(s, plan, operator="uji")
    print("finished", flush=True)
    """
)


def _dump(db_file: Path) -> list[str]:
    with sqlite3.connect(db_file) as conn:
        return list(conn.iterdump())


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_import_killed_mid_transaction_changes_nothing(tmp_path: Path) -> None:
    demo = open_database(data_dir=tmp_path / "demo")
    with demo.session() as s:
        create_demo_village(s, operator=audit.current_operator(s), year=2026)
    workbook = tmp_path / "roster.xlsx"
    with demo.session() as s:
        export_roster(s, workbook, year=2026)
    demo.dispose()

    target = new_db(tmp_path)  # a village with a profile and nobody on the roster yet
    db_file = target.paths.database
    target.dispose()
    before = _dump(db_file)

    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target.paths.root), str(workbook)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        line = child.stdout.readline()
        if line.strip() != "started":
            child.kill()
            pytest.fail("the import did not start: " + child.stderr.read())
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    with sqlite3.connect(db_file) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _dump(db_file) == before
    reopened = open_database(data_dir=target.paths.root)
    with reopened.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
    reopened.dispose()
