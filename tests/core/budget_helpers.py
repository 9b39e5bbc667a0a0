"""A small hand-computed roster for the planner, scenario, version and budget CLI tests (2025).

Monthly amounts, worker shares paid by the desa:
    Kades Suparno 3.800.000 PU JKK+JKM+JHT+JP: 9.120 + 11.400 + 216.600 (5,7 %) + 114.000 (3 %)
        = 351.120 -> x 12 = 4.213.440
    Ketua RT Tarno 1.500.000 PU JKK+JKM: 3.600 + 4.500 = 8.100 -> x 12 = 97.200
    Painem pekerja rentan 1.000.000 BPU JKK+JKM: 10.000 + 6.800 = 16.800 -> x 12 = 201.600
    desa total = 4.213.440 + 97.200 + 201.600 = 4.512.240
"""

from datetime import date
from pathlib import Path

from roster_helpers import make_nik, new_db

from desa_budget.roster import service as roster
from desa_budget.store.database import Database

YEAR = 2025
KADES_YEAR = 4_213_440
RT_YEAR = 97_200
RENTAN_YEAR = 201_600
DESA_TOTAL = KADES_YEAR + RT_YEAR + RENTAN_YEAR
BORN = date(1975, 3, 3)


def small_village(tmp_path: Path) -> tuple[Database, dict[str, int]]:
    """The database and the person ids by name."""
    db = new_db(tmp_path)
    ids: dict[str, int] = {}
    with db.session() as s:
        ids["Suparno"] = roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "L", 1), "Suparno", "L", BORN),
            [roster.PostData("kepala_desa", "Kepala Desa")],
            roster.CoverageData(YEAR, "PU", 3_800_000, ("JKK", "JKM", "JHT", "JP")),
            operator="uji",
        )
        ids["Tarno"] = roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "L", 2), "Tarno", "L", BORN),
            [roster.PostData("rt_rw", "Ketua RT 01")],
            roster.CoverageData(YEAR, "PU", 1_500_000, ("JKK", "JKM")),
            operator="uji",
        )
        ids["Painem"] = roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "P", 3), "Painem", "P", BORN),
            [roster.PostData("pekerja_rentan", "Petani")],
            roster.CoverageData(YEAR, "BPU", 1_000_000, ("JKK", "JKM")),
            operator="uji",
        )
    return db, ids
