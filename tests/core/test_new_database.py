"""A brand-new database (no village profile, nobody on the roster) is what opens the first-start
wizard; a profile alone or one person alone already makes it a village's database."""

from datetime import date
from pathlib import Path

from roster_helpers import make_nik, new_db

from desa_budget.roster import service as roster
from desa_budget.village.profile import is_new_database

BORN = date(1980, 5, 17)


def test_a_fresh_database_is_new_until_a_profile_or_a_person_is_saved(tmp_path: Path) -> None:
    fresh = new_db(tmp_path / "kosong", profile=False)
    with fresh.session() as s:
        assert is_new_database(s)
        roster.add_person(
            s, roster.PersonData(make_nik(BORN, "L", 1), "Tarno", "L", BORN),
            [roster.PostData("rt_rw", "Ketua RT 01")], None, operator="uji",
        )  # fmt: skip
    with fresh.session() as s:
        assert not is_new_database(s)
    fresh.dispose()
    profiled = new_db(tmp_path / "profil", profile=True)  # a profile, nobody on the roster
    with profiled.session() as s:
        assert not is_new_database(s)
    profiled.dispose()
