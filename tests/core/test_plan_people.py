"""The planner picks people: who, in which order, why not, on a small village whose tiers do not fit
whole (year 2025, every month unless said; JKK class I; worker shares paid by the desa).

Monthly amounts (PU: JKK 0,24 % + JKM 0,30 %, JHT 3,7 % + 2 % = 5,7 %, JP 2 % + 1 % = 3 %;
BPU: JKK 1 % + JKM Rp6.800, JHT 2 %):
    Kades    3.800.000 PU, JKK+JKM+JHT+JP: 9.120 + 11.400 = 20.520 -> 246.240 a year;
             JHT 216.600 -> 2.599.200; JP 114.000 -> 1.368.000
    Kaur     2.500.000 PU, JKK+JKM+JHT: 6.000 + 7.500 = 13.500 -> 162.000; JHT 142.500 -> 1.710.000
    Ketua RT 1.500.000 PU, JKK+JKM: 3.600 + 4.500 = 8.100 -> 97.200
    Pekerja rentan, BPU 1.000.000, JKK+JKM 10.000 + 6.800 = 16.800 -> 201.600 a year:
        Ani (belum terdaftar), Budi, Citra (terdaftar), Dedi (nonaktif),
        Eko (terdaftar, July-December: 6 x 16.800 = 100.800),
        Fajar (terdaftar, also JHT 2 % = 20.000 -> 240.000, which only tier 8 takes)
Tiers: 1 = 246.240 + 162.000 = 408.240; 4 = 97.200; 5 = 2.599.200 + 1.710.000 = 4.309.200;
6 = 1.368.000; 7 = 5 x 201.600 + 100.800 = 1.108.800; 8 = 240.000.
Full cost = 408.240 + 97.200 + 4.309.200 + 1.368.000 + 1.108.800 + 240.000 = 7.531.440.
Default order in tier 7 (members first, then roster order by name): Budi, Citra, Eko, Fajar
(terdaftar), Dedi (nonaktif), Ani (belum).
"""

from datetime import date

from desa_budget.budget.planner import PlanResult, default_tiers, plan
from desa_budget.contributions.simulation import RosterEntry, simulate_entries
from desa_budget.rules import load_rules

YEAR = 2025
RULES = load_rules()
FULL = 7_531_440
TIERS_1_TO_4 = 408_240 + 97_200
ALL = ("JKK", "JKM", "JHT", "JP")
BASIC = ("JKK", "JKM")


def person(
    pid: int,
    nama: str,
    kategori: str,
    basis: int,
    programs: tuple[str, ...],
    *,
    segmen: str = "PU",
    bpjs: str = "terdaftar",
    months: tuple[int, ...] = tuple(range(1, 13)),
    dibayar: str = "desa",
    born: date = date(1980, 1, 1),
) -> RosterEntry:
    return RosterEntry(
        person_id=pid, nik=f"33021201018000{pid:02d}", nama=nama, jenis_kelamin="L",
        tanggal_lahir=born, kategori=kategori, jabatan=kategori, status_jabatan="definitif",
        months=months, covered=bool(programs), segmen=segmen, dasar_upah=basis,
        programs=programs, kelas_jkk=1, iuran_pekerja="desa", status_bpjs=bpjs,
        dibayar_oleh=dibayar, kode_kegiatan=None, kode_rekening=None, sumber_dana=None,
    )  # fmt: skip


def rentan(pid: int, nama: str, bpjs: str = "terdaftar", **kw) -> RosterEntry:  # type: ignore[no-untyped-def]
    programs = kw.pop("programs", BASIC)
    return person(pid, nama, "pekerja_rentan", 1_000_000, programs, segmen="BPU", bpjs=bpjs, **kw)


def village() -> list[RosterEntry]:
    """In roster order: category rank, then name."""
    return [
        person(1, "Kades", "kepala_desa", 3_800_000, ALL),
        person(2, "Kaur", "perangkat_desa", 2_500_000, ("JKK", "JKM", "JHT")),
        person(3, "Ketua RT", "rt_rw", 1_500_000, BASIC),
        rentan(4, "Ani", "belum"),
        rentan(5, "Budi"),
        rentan(6, "Citra"),
        rentan(7, "Dedi", "nonaktif"),
        rentan(8, "Eko", months=(7, 8, 9, 10, 11, 12)),
        rentan(9, "Fajar", programs=("JKK", "JKM", "JHT")),
    ]


def by_name(result: PlanResult) -> dict[str, tuple[tuple[str, ...], tuple[str, ...], int, str]]:
    """nama -> (programs paid, programs left out, desa, reason)."""
    return {p.nama: (p.programs, p.left_out, p.desa, p.reason) for p in result.persons}


def covered_names(result: PlanResult, tier: int) -> list[str]:
    names = {p.person_id: p.nama for p in result.persons}
    found = next(t for t in result.tiers if t.tier == tier)
    return [names[i] for i in found.covered_ids]


def test_the_full_cost_is_the_roster_simulation_and_a_big_pagu_covers_it_whole() -> None:
    people = village()
    result = plan(people, RULES, YEAR, pagu=FULL)
    assert result.cost_full == FULL == simulate_entries(RULES, people, YEAR).desa
    assert sum(t.cost_full for t in result.tiers) == FULL and result.cost_not_planned == 0
    assert [t.cost_full for t in result.tiers] == [
        408_240, 0, 0, 97_200, 4_309_200, 1_368_000, 1_108_800, 240_000
    ]  # fmt: skip
    assert (result.used, result.left, result.cost_full_scenario) == (FULL, 0, None)
    # Everyone gets exactly what the roster asks for, and nobody has a reason.
    assert [(p.person_id, p.programs, p.left_out) for p in result.persons] == [
        (e.person_id, e.programs, ()) for e in people
    ]
    assert {p.reason for p in result.persons} == {""}
    assert by_name(result)["Fajar"][2] == 201_600 + 240_000


def test_strict_stops_at_the_first_tier_that_does_not_fit_whole() -> None:
    # 2.555.440 - 505.440 (tiers 1 and 4) = 2.050.000 left; tier 5 in order: the kades' JHT
    # (2.599.200) does not fit, so strict stops there, though the kaur's (1.710.000) would fit.
    result = plan(village(), RULES, YEAR, pagu=2_555_440, mode="strict")
    assert (result.used, result.left) == (TIERS_1_TO_4, 2_050_000)
    people = by_name(result)
    assert people["Kades"] == (BASIC, ("JHT", "JP"), 246_240, "tidak cukup pagu, tingkat 5; "
                               "mode strict sudah berhenti di tingkat 5, tingkat 6")  # fmt: skip
    assert people["Kaur"] == (BASIC, ("JHT",), 162_000, "tidak cukup pagu, tingkat 5")
    assert people["Budi"] == ((), BASIC, 0, "mode strict sudah berhenti di tingkat 5, tingkat 7")
    assert people["Fajar"][3] == "mode strict sudah berhenti di tingkat 5, tingkat 7 dan 8"
    assert sum(p.desa for p in result.persons) == result.used


def test_fill_goes_person_by_person_so_the_rest_is_below_the_cheapest_left_out() -> None:
    # Same 2.050.000 after tiers 1 and 4. Tier 5: the kades' JHT (2.599.200) does not fit, the
    # kaur's (1.710.000) does: 340.000 left. Tier 6: JP 1.368.000 does not fit. Tier 7 in order:
    # Budi 201.600 fits (138.400 left), Citra 201.600 does not, Eko 100.800 does (37.600 left);
    # Fajar, Dedi, Ani (201.600 each) do not. Tier 8: Fajar's JHT needs his JKK+JKM first.
    result = plan(village(), RULES, YEAR, pagu=2_555_440, mode="fill")
    assert result.used == TIERS_1_TO_4 + 1_710_000 + 201_600 + 100_800 == 2_517_840
    assert result.left == 37_600
    assert covered_names(result, 5) == ["Kaur"] and covered_names(result, 7) == ["Budi", "Eko"]
    people = by_name(result)
    assert people["Citra"] == ((), BASIC, 0, "tidak cukup pagu, tingkat 7")
    assert people["Fajar"] == (
        (), ("JKK", "JKM", "JHT"), 0, "tidak cukup pagu, tingkat 7; JKK dan JKM tidak ditanggung, "
        "tingkat 8",
    )  # fmt: skip
    assert people["Kades"][3] == "tidak cukup pagu, tingkat 5 dan 6"
    assert people["Eko"][2] == 100_800 and result.persons[7].months == (7, 8, 9, 10, 11, 12)
    assert result.persons[3].months == ()  # Ani: nothing paid, no months
    cheapest_left_out = 201_600  # Citra, Fajar, Dedi or Ani
    assert result.left < cheapest_left_out
    assert sum(p.desa for p in result.persons) == result.used


def test_strict_covers_a_partial_tier_in_order_until_the_next_does_not_fit() -> None:
    # Tiers 1-6 = 408.240 + 97.200 + 4.309.200 + 1.368.000 = 6.182.640; 500.000 more pays Budi
    # and Citra (403.200); Eko (100.800) does not fit in 96.800 and strict stops.
    result = plan(village(), RULES, YEAR, pagu=6_682_640)
    assert covered_names(result, 7) == ["Budi", "Citra"]
    assert (result.used, result.left) == (6_182_640 + 403_200, 96_800)
    assert by_name(result)["Eko"][3] == "tidak cukup pagu, tingkat 7"


def test_a_priority_number_goes_first_then_members_then_roster_order() -> None:
    # Ani (belum terdaftar) numbered 1 goes first: Ani then Budi (403.200); Citra no longer fits.
    result = plan(village(), RULES, YEAR, pagu=6_682_640, priority={4: 1})
    assert covered_names(result, 7) == ["Ani", "Budi"]
    # Equal numbers: the member (Dedi, nonaktif) before the newcomer (Ani, belum), though Ani
    # comes first in the roster; both before everyone without a number. Target 2 takes them.
    tiers = default_tiers(target_pekerja_rentan=2)
    result = plan(village(), RULES, YEAR, pagu=FULL, tiers=tiers, priority={4: 5, 7: 5})
    assert covered_names(result, 7) == ["Dedi", "Ani"]
    # No numbers: terdaftar before nonaktif before belum; among equals, roster order.
    result = plan(village(), RULES, YEAR, pagu=FULL, tiers=tiers)
    assert covered_names(result, 7) == ["Budi", "Citra"]


def test_a_target_leaves_the_rest_out_and_says_so() -> None:
    # Target 3: Budi, Citra, Eko. Fajar, Dedi, Ani are beyond it (3 x 201.600 = 604.800, which no
    # tier can pay); Fajar's JHT then lacks his JKK+JKM.
    result = plan(village(), RULES, YEAR, pagu=FULL, tiers=default_tiers(target_pekerja_rentan=3))
    assert covered_names(result, 7) == ["Budi", "Citra", "Eko"]
    people = by_name(result)
    assert people["Dedi"][3] == "melebihi target 3 orang, tingkat 7"
    assert people["Fajar"][3] == (
        "melebihi target 3 orang, tingkat 7; JKK dan JKM tidak ditanggung, tingkat 8"
    )
    assert result.cost_not_planned == 604_800
    assert sum(t.cost_full for t in result.tiers) + result.cost_not_planned == FULL
    assert result.used == FULL - 604_800 - 240_000


def test_reasons_for_pemda_no_wage_basis_jp_age_and_a_scenario() -> None:
    pemda = person(10, "Kaur Pemda", "perangkat_desa", 2_500_000, BASIC, dibayar="pemda")
    no_basis = person(11, "Ketua RW", "rt_rw", 0, BASIC)
    old = person(12, "Kades Lama", "kepala_desa", 3_800_000, ALL, born=date(1960, 5, 1))
    nothing = person(13, "Ketua RT Baru", "rt_rw", 1_500_000, ())
    result = plan([old, pemda, no_basis, nothing], RULES, YEAR, pagu=FULL)
    people = by_name(result)
    assert people["Kaur Pemda"] == ((), BASIC, 0, "tidak dibayar desa (Pemda)")
    assert people["Ketua RW"] == ((), BASIC, 0, "tanpa dasar upah")
    assert result.unpriced == (11,)
    # Past the JP age all year: JP costs nothing, so it is not paid (246.240 + 2.599.200).
    assert people["Kades Lama"] == (
        ("JKK", "JKM", "JHT"),
        ("JP",),
        2_845_440,
        "usia pensiun JP sudah tercapai, tingkat 6",
    )
    assert people["Ketua RT Baru"] == ((), (), 0, "")  # asks for nothing, misses nothing
    # A scenario switching JHT off for the perangkat: the roster's cost stays the full cost; the
    # scenario's is 7.531.440 - 1.710.000 = 5.821.440, named apart.
    result = plan(village(), RULES, YEAR, pagu=FULL, programs_by_category={"perangkat_desa": BASIC})
    assert (result.cost_full, result.cost_full_scenario) == (FULL, FULL - 1_710_000)
    assert by_name(result)["Kaur"] == (BASIC, ("JHT",), 162_000, "tidak dipilih dalam skenario")
    # Worker shares withheld for everyone: the desa pays JHT 3,7 % and JP 2 %:
    # kades 12 x (140.600 + 76.000) = 2.599.200, kaur 12 x 92.500 = 1.110.000, instead of
    # 3.967.200 and 1.710.000: 1.968.000 less; Fajar's BPU JHT (240.000) is withheld whole.
    result = plan(village(), RULES, YEAR, pagu=FULL, iuran_pekerja="potong")
    saved = 1_968_000 + 240_000
    assert (result.cost_full, result.cost_full_scenario) == (FULL, FULL - saved)
    assert result.used == FULL - saved
    assert by_name(result)["Kaur"][2] == 162_000 + 1_110_000
    fajar = result.persons[8]
    assert (fajar.programs, fajar.desa, fajar.potongan) == (("JKK", "JKM", "JHT"), 201_600, 240_000)
