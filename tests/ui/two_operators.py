"""Two operators on one database, for the stale edit and stale undo tests: A works in the window,
B is a colleague on another PC (a second Database: its own engine and connections)."""

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from ui_helpers import NEW_NIK, YEAR

from desa_budget.roster import service as roster
from desa_budget.rules import RuleSet
from desa_budget.store.database import Database
from desa_budget.store.opening import open_database
from desa_budget.village.profile import ProfileData, save_profile
from tests.core.store_helpers import pg_database
from ui.app_context import AppContext
from ui.settings import Settings

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
STALE = "diubah oleh pengguna lain"


@dataclass
class Operators:
    a: AppContext  # the window's context (operator A)
    b: Database  # the colleague's own connection to the same data
    person_id: int
    failures: list[BaseException]  # undo/redo steps the core refused


def small_village(db: Database) -> int:
    """A profile and one RT head (PU Rp2.000.000, JKK+JKM); returns the person's id."""
    with db.session() as s:
        save_profile(
            s,
            ProfileData("Uji", "33.02.12.2005", "Sumbang", "Banyumas", "Jawa Tengah"),
            operator="B",
        )
        return roster.add_person(
            s,
            roster.PersonData(NEW_NIK, "Tarjo", "L", date(1990, 8, 17)),
            [roster.PostData("rt_rw", "Ketua RT 01")],
            roster.CoverageData(YEAR, "PU", 2_000_000, ("JKK", "JKM")),
            operator="B",
        )


@contextmanager
def two_operators(
    kind: str, folder: Path, rules: RuleSet, settings: Settings
) -> Iterator[Operators]:
    with ExitStack() as stack:
        url = stack.enter_context(pg_database()) if kind == "postgres" else None
        a_db = open_database(data_dir=folder, url=url)
        stack.callback(a_db.dispose)
        person_id = small_village(a_db)
        b_db = open_database(data_dir=folder, url=url)
        stack.callback(b_db.dispose)
        ctx = AppContext(db=a_db, rules=rules, settings=settings, operator="A", year=YEAR)
        failures: list[BaseException] = []
        ctx.command_failed.connect(failures.append)
        yield Operators(ctx, b_db, person_id, failures)
        ctx.undo_stack.clear()
