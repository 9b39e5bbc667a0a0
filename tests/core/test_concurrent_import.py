"""Two imports of the same new file at once (two PCs on one PostgreSQL server, or a SQLite file):
the later one is refused with one sentence that names nobody, and nothing is imported twice."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from roster_helpers import make_nik, row, write_rows
from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session
from store_helpers import Backend, backend_fixture
from village_helpers import YEAR, one_person_village

from desa_budget.cli import main
from desa_budget.roster.workbook.apply import apply_import, plan_import
from desa_budget.store.database import Database
from desa_budget.store.models import Person

backend = backend_fixture()

PEOPLE = [
    (make_nik(date(1971, 3, 4), "L", 21), "Wagiman"),
    (make_nik(date(1983, 7, 9), "P", 22), "Sutinah"),
    (make_nik(date(1990, 11, 30), "L", 23), "Darsono"),
]


def new_people_file(folder: Path) -> Path:
    rows = [row(nik, nama, "P" if nik[6] in "4567" else "L", None) for nik, nama in PEOPLE]
    for r, (nik, _nama) in zip(rows, PEOPLE, strict=True):
        day = int(nik[6:8]) % 40
        r[3] = f"{day:02d}-{nik[8:10]}-19{nik[10:12]}"
    return write_rows(folder / "baru.xlsx", rows)


@contextmanager
def colleague_imports_first(
    colleague: Database, path: Path, when: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[str]]:
    """The colleague's import of the same file commits in between this one's steps: right after
    this import read the roster to apply the file, or the first time it writes."""
    done: list[str] = []
    if when == "after_match":
        from desa_budget.roster.workbook import apply

        original = apply.match_plan

        def match_then_colleague(session: Session, plan: Any, *args: Any) -> Any:
            matched = original(session, plan, *args)
            applying = bool(args)  # apply_import passes the people it just read
            if applying and not done and not session.info.get("colleague"):
                done.append("colleague")
                with colleague.session() as theirs:
                    theirs.info["colleague"] = True
                    apply_import(theirs, plan_import(theirs, path, year=YEAR), operator="B")
            return matched

        monkeypatch.setattr(apply, "match_plan", match_then_colleague)
        yield done
        return

    def _before_write(_conn: Any, _cursor: Any, statement: str, *args: Any) -> None:
        if done or not statement.startswith("INSERT"):
            return
        done.append("colleague")
        with colleague.session() as theirs:
            apply_import(theirs, plan_import(theirs, path, year=YEAR), operator="B")

    event.listen(Engine, "before_cursor_execute", _before_write)
    try:
        yield done
    finally:
        event.remove(Engine, "before_cursor_execute", _before_write)


def count_people(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Person)) or 0)


@pytest.mark.parametrize("when", ["after_match", "first_write"])
def test_two_imports_at_once_the_later_is_refused_without_names(
    backend: Backend,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    when: str,
) -> None:
    one_person_village(backend.open())
    colleague = backend.open()
    path = new_people_file(tmp_path)
    args = ["--data-dir", str(backend.data_dir), "roster", "import", str(path)]
    if backend.url:
        args[2:2] = ["--db", backend.url]
    with colleague_imports_first(colleague, path, when, monkeypatch) as done:
        code = main([*args, "--year", str(YEAR)])
    assert done, "the colleague's import did not run in between"
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("Galat: ") and err.count("\n") == 1 and "Traceback" not in err
    for nik, nama in PEOPLE:
        assert nik not in err and nama not in err
    assert count_people(colleague) == 1 + len(PEOPLE)  # the colleague's import, once
