"""A one-person village on any backend, for the stale-edit and undo tests."""

from dataclasses import dataclass
from datetime import date

from roster_helpers import KODE_DESA, make_nik

from desa_budget.roster import service as roster
from desa_budget.store.database import Database
from desa_budget.village.profile import ProfileData, save_profile

YEAR = 2026
BORN = date(1980, 5, 17)


@dataclass
class Village:
    db: Database
    person_id: int
    post_id: int


def one_person_village(db: Database) -> Village:
    """A profile and Slamet, Ketua RT 01, PU Rp2.000.000 JKK+JKM from YEAR."""
    with db.session() as s:
        save_profile(
            s,
            ProfileData("Uji", KODE_DESA, "Sumbang", "Banyumas", "Jawa Tengah"),
            operator="x",
        )
        person_id = roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "L", 1), "Slamet", "L", BORN),
            [roster.PostData("rt_rw", "Ketua RT 01")],
            roster.CoverageData(YEAR, "PU", 2_000_000, ("JKK", "JKM")),
            operator="x",
        )
        post_id = roster.get_person(s, person_id).posts[0].id
    return Village(db, person_id, post_id)
