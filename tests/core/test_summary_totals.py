"""The year summed up by month, category and program: the figures the Beranda, Simulasi & Rencana
and the printed ringkasan show, checked by hand on the small village of budget_helpers plus:

    Darmo, Ketua RT 02 from July, 2.000.000 PU JKK+JKM: 4.800 + 6.000 = 10.800 a month
    Warsini, BPD member, not covered by any program (listed, not covered)
    Sarmi, pekerja rentan paid by the Pemda, 1.000.000 BPU JKK+JKM: 16.800 a month (not APBDes)

Every month: Suparno 351.120 (JKK 9.120, JKM 11.400, JHT 216.600, JP 114.000), Tarno 8.100
(JKK 3.600, JKM 4.500), Painem 16.800 (JKK 10.000, JKM 6.800) = 376.020; July on, + 10.800.
"""

from datetime import date
from pathlib import Path

from budget_helpers import BORN, DESA_TOTAL, KADES_YEAR, RENTAN_YEAR, RT_YEAR, YEAR, small_village
from roster_helpers import make_nik

from desa_budget.contributions.simulation import simulate
from desa_budget.contributions.summary import category_totals, month_totals, program_totals
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules

RULES = load_rules()
DARMO_YEAR = 6 * 10_800


def _village(tmp_path: Path):  # type: ignore[no-untyped-def]
    db, _ = small_village(tmp_path)
    with db.session() as s:
        roster.add_person(
            s, roster.PersonData(make_nik(BORN, "L", 4), "Darmo", "L", BORN),
            [roster.PostData("rt_rw", "Ketua RT 02", mulai=date(YEAR, 7, 1))],
            roster.CoverageData(YEAR, "PU", 2_000_000, ("JKK", "JKM")), operator="uji",
        )  # fmt: skip
        roster.add_person(
            s, roster.PersonData(make_nik(BORN, "P", 5), "Warsini", "P", BORN),
            [roster.PostData("bpd", "Anggota BPD")], None, operator="uji",
        )  # fmt: skip
        roster.add_person(
            s, roster.PersonData(make_nik(BORN, "P", 6), "Sarmi", "P", BORN),
            [roster.PostData("pekerja_rentan", "Buruh tani")],
            roster.CoverageData(YEAR, "BPU", 1_000_000, ("JKK", "JKM"), dibayar_oleh="pemda"),
            operator="uji",
        )  # fmt: skip
    with db.session() as s:
        return simulate(s, RULES, YEAR)


def test_month_totals_are_the_apbdes_persons_month_by_month(tmp_path: Path) -> None:
    months = month_totals(_village(tmp_path))
    assert [m.month for m in months] == list(range(1, 13))
    june, july = months[5], months[6]
    assert (june.orang, june.desa, june.potongan) == (3, 376_020, 0)
    assert (july.orang, july.desa, july.jumlah) == (4, 376_020 + 10_800, 386_820)
    assert july.programs["JKK"].desa == 9_120 + 3_600 + 10_000 + 4_800
    assert july.programs["JP"].desa == 114_000
    assert sum(m.desa for m in months) == DESA_TOTAL + DARMO_YEAR  # Sarmi is the Pemda's


def test_category_totals_show_listed_covered_and_cost(tmp_path: Path) -> None:
    lines = {c.kategori: c for c in category_totals(_village(tmp_path))}
    assert list(lines) == ["kepala_desa", "bpd", "rt_rw", "pekerja_rentan"]
    bpd, rt, rentan = lines["bpd"], lines["rt_rw"], lines["pekerja_rentan"]
    assert (bpd.di_daftar, bpd.ikut, bpd.desa) == (1, 0, 0)
    assert (rt.di_daftar, rt.ikut, rt.orang_bulan, rt.desa) == (2, 2, 18, RT_YEAR + DARMO_YEAR)
    # Sarmi is covered (by the Pemda) but costs the APBDes nothing: counted apart (issue 18).
    assert (rentan.di_daftar, rentan.ikut, rentan.pemda, rentan.orang_bulan) == (2, 1, 1, 12)
    assert rentan.desa == RENTAN_YEAR and lines["kepala_desa"].desa == KADES_YEAR


def test_program_totals_list_every_program_in_order(tmp_path: Path) -> None:
    programs = program_totals(_village(tmp_path))
    assert [p.program for p in programs] == ["JKK", "JKM", "JHT", "JP"]
    jkk, _jkm, jht, jp = programs
    assert jkk.desa == 12 * (9_120 + 3_600 + 10_000) + 6 * 4_800
    assert (jht.desa, jp.desa, jp.potongan) == (12 * 216_600, 12 * 114_000, 0)
    assert sum(p.jumlah for p in programs) == DESA_TOTAL + DARMO_YEAR
