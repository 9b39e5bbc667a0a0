"""A village whose plan covers part of the pekerja rentan (2025), on any backend.

Yearly amounts, worker shares paid by the desa (monthly figures as in budget_helpers):
    Kades Suparno 3.800.000 PU JKK+JKM+JHT+JP: JKK+JKM 20.520 x 12 = 246.240,
        JHT 216.600 x 12 = 2.599.200, JP 114.000 x 12 = 1.368.000 -> 4.213.440
    Ketua RT Tarno 1.500.000 PU JKK+JKM: 8.100 x 12 = 97.200
    Pekerja rentan Painem, Sumiyati, Tumini, Wartini 1.000.000 BPU JKK+JKM: 16.800 x 12 = 201.600
    roster total 4.213.440 + 97.200 + 4 x 201.600 = 5.117.040

A pagu of 4.800.000 (strict): tiers 1 (246.240), 4 (97.200), 5 (2.599.200) and 6 (1.368.000) fit
whole, 4.310.640; 489.360 is left for tier 7, which takes the pekerja rentan in roster order
(name): Painem and Sumiyati (403.200) fit, Tumini would need 604.800. Used 4.713.840, left 86.160.
"""

from datetime import date

from roster_helpers import KODE_DESA, make_nik

from desa_budget.budget.scenarios import ScenarioParams
from desa_budget.roster import service as roster
from desa_budget.store.database import Database
from desa_budget.village.profile import ProfileData, save_profile

YEAR = 2025
BORN = date(1975, 3, 3)
KADES_YEAR = 4_213_440
RT_YEAR = 97_200
RENTAN_YEAR = 201_600
RENTAN = ("Painem", "Sumiyati", "Tumini", "Wartini")
ROSTER_TOTAL = KADES_YEAR + RT_YEAR + len(RENTAN) * RENTAN_YEAR
PAGU = 4_800_000
USED = KADES_YEAR + RT_YEAR + 2 * RENTAN_YEAR
PLAN = ScenarioParams(pagu=PAGU)


def add_rentan(db: Database, nama: str, serial: int) -> int:
    with db.session() as s:
        return roster.add_person(
            s,
            roster.PersonData(make_nik(BORN, "P", serial), nama, "P", BORN),
            [roster.PostData("pekerja_rentan", "Petani")],
            roster.CoverageData(YEAR, "BPU", 1_000_000, ("JKK", "JKM")),
            operator="uji",
        )


def plan_village(db: Database) -> dict[str, int]:
    """The profile and the roster above; the person ids by name."""
    ids: dict[str, int] = {}
    with db.session() as s:
        save_profile(
            s,
            ProfileData(
                "Uji", KODE_DESA, "Sumbang", "Banyumas", "Jawa Tengah",
                kepala_desa_nama="Suparno", sekretaris_desa_nama="Sri Wahyuni",
            ),
            operator="uji",
        )  # fmt: skip
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
    for serial, nama in enumerate(RENTAN, start=3):
        ids[nama] = add_rentan(db, nama, serial)
    return ids
