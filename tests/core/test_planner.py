"""The planner on small hand-built rosters whose costs are computed by hand below (year 2025).

Monthly amounts (PU: JKK class I 0,24 %, JKM 0,30 %; BPU: JKK 1 % + JKM Rp6.800):
    kades   3.800.000: 9.120 + 11.400 = 20.520 -> x 12 = 246.240
    sekdes  3.000.000: 7.200 +  9.000 = 16.200 -> x 12 = 194.400
    kaur    2.500.000: 6.000 +  7.500 = 13.500 -> x 12 = 162.000
    BPD     3.000.000: as sekdes                 -> x 12 = 194.400
    RT      1.500.000: 3.600 +  4.500 =  8.100 -> x 12 =  97.200
    rentan  1.000.000 (BPU): 10.000 + 6.800 = 16.800 -> x 12 = 201.600
Tier 1 (kades, sekdes, 2 kaur) = 246.240 + 194.400 + 2 x 162.000 = 764.640.
"""

from datetime import date

import pytest

from desa_budget.budget.planner import default_tiers, order_tiers, plan, with_target
from desa_budget.contributions.simulation import RosterEntry
from desa_budget.errors import UserError
from desa_budget.rules import load_rules

YEAR = 2025
RULES = load_rules()
DEFAULT_TIERS = default_tiers()
APPARATUS = ("kepala_desa", "sekretaris_desa", "perangkat_desa")
_ids = iter(range(1, 10_000))


def entry(
    kategori: str,
    basis: int,
    *,
    nama: str = "",
    segmen: str = "PU",
    months: tuple[int, ...] = tuple(range(1, 13)),
    born: date = date(1980, 1, 1),
    iuran: str = "desa",
    dibayar: str = "desa",
    sumber: str | None = None,
    programs: tuple[str, ...] | None = None,
    bpjs: str = "terdaftar",
) -> RosterEntry:
    """The roster asks all four programs for PU apparatus, JKK+JKM for everyone else."""
    if programs is None:
        full = kategori in APPARATUS and segmen == "PU"
        programs = ("JKK", "JKM", "JHT", "JP") if full else ("JKK", "JKM")
    pid = next(_ids)
    return RosterEntry(
        person_id=pid, nik=f"{pid:016d}", nama=nama or f"Orang {pid}", jenis_kelamin="L",
        tanggal_lahir=born, kategori=kategori, jabatan=kategori, status_jabatan="definitif",
        months=months, covered=bool(programs), segmen=segmen, dasar_upah=basis, programs=programs,
        kelas_jkk=1, iuran_pekerja=iuran, status_bpjs=bpjs, dibayar_oleh=dibayar,
        kode_kegiatan=None, kode_rekening=None, sumber_dana=sumber,
    )  # fmt: skip


def apparatus() -> list[RosterEntry]:
    return [
        entry("kepala_desa", 3_800_000, nama="Kades"),
        entry("sekretaris_desa", 3_000_000, nama="Sekdes"),
        entry("perangkat_desa", 2_500_000, nama="Kaur A"),
        entry("perangkat_desa", 2_500_000, nama="Kaur B"),
    ]


def roster() -> list[RosterEntry]:
    return [
        *apparatus(),
        entry("bpd", 3_000_000, nama="Ketua BPD"),
        entry("rt_rw", 1_500_000, nama="Ketua RT 01"),
        entry("pekerja_rentan", 1_000_000, segmen="BPU", nama="Petani"),
    ]


def by_tier(result):  # type: ignore[no-untyped-def]
    return {t.tier: t for t in result.tiers}


def test_one_kades_jkk_jkm_is_246_240() -> None:
    # 12 x (9.120 + 11.400) = 246.240
    result = plan([entry("kepala_desa", 3_800_000)], RULES, YEAR, pagu=1_000_000)
    tier = by_tier(result)[1]
    assert (tier.eligible, tier.covered, tier.cost) == (1, 1, 246_240)
    assert result.used == 246_240 and result.left == 1_000_000 - 246_240


def test_strict_stops_at_first_tier_that_does_not_fit() -> None:
    # tier 1 = 764.640; 150.000 left; BPD 194.400 does not fit -> stop, even though the RT
    # (97.200) of tier 4 would fit.
    result = plan(roster(), RULES, YEAR, pagu=764_640 + 150_000, mode="strict")
    tiers = by_tier(result)
    assert (tiers[1].covered, tiers[1].eligible, tiers[1].cost) == (4, 4, 764_640)
    assert (tiers[2].covered, tiers[2].eligible, tiers[2].cost_full) == (0, 1, 194_400)
    assert tiers[4].covered == 0 and tiers[4].cost_full == 97_200
    assert result.used == 764_640 and result.left == 150_000


def test_fill_goes_on_with_cheaper_later_tiers() -> None:
    # same pagu; fill covers tier 4 (97.200) whole; 52.800 left cannot pay the rentan (201.600)
    result = plan(roster(), RULES, YEAR, pagu=764_640 + 150_000, mode="fill")
    tiers = by_tier(result)
    assert tiers[2].covered == 0
    assert (tiers[4].covered, tiers[4].cost) == (1, 97_200)
    assert tiers[7].covered == 0 and tiers[7].cost_full == 201_600
    assert result.used == 764_640 + 97_200 and result.left == 52_800


def test_partial_tier_covers_as_many_as_fit_in_roster_order() -> None:
    # 246.240 (kades) + 194.400 (sekdes) = 440.640; the first kaur (162.000) no longer fits
    # in 540.640 - 440.640 = 100.000, so only the first two people of the tier are covered.
    result = plan(roster(), RULES, YEAR, pagu=540_640, mode="strict")
    tier = by_tier(result)[1]
    assert (tier.covered, tier.eligible, tier.cost, tier.cost_full) == (2, 4, 440_640, 764_640)
    assert result.left == 100_000
    assert all(t.covered == 0 for t in result.tiers[1:])


def test_partial_tier_uses_the_given_roster_order() -> None:
    people = apparatus()
    result = plan(people, RULES, YEAR, pagu=540_640)
    assert by_tier(result)[1].covered_ids == (people[0].person_id, people[1].person_id)


def test_cost_full_covers_every_tier() -> None:
    # tiers 1-4 and 7: 764.640 + 194.400 + 0 + 97.200 + 201.600 = 1.257.840
    # tier 5 JHT (3,7 % + 2 % paid by the desa = 5,7 %) on 3.800.000 + 3.000.000 + 2 x 2.500.000
    #   = 11.800.000 x 5,7 % = 672.600 per month -> x 12 = 8.071.200
    # tier 6 JP (2 % + 1 % = 3 %) on 11.800.000 = 354.000 per month -> x 12 = 4.248.000
    result = plan(roster(), RULES, YEAR, pagu=0)
    tiers = by_tier(result)
    assert tiers[5].cost_full == 8_071_200 and tiers[6].cost_full == 4_248_000
    assert result.cost_full == 1_257_840 + 8_071_200 + 4_248_000
    assert result.used == 0 and result.left == 0
    assert [t.covered for t in result.tiers] == [0] * 8  # tier 8: programs no tier above took


def test_pagu_covering_everything_leaves_the_rest() -> None:
    full = plan(roster(), RULES, YEAR, pagu=0).cost_full
    result = plan(roster(), RULES, YEAR, pagu=full + 1)
    assert result.used == full and result.left == 1
    assert all(t.covered == t.eligible for t in result.tiers)


def test_withheld_worker_share_is_not_spending() -> None:
    # JHT with the 2 % withheld from siltap: the desa pays 3,7 % of 3.800.000 = 140.600 a month
    kades = entry("kepala_desa", 3_800_000, iuran="potong")
    result = plan([kades], RULES, YEAR, pagu=10_000_000)
    assert by_tier(result)[5].cost == 12 * 140_600
    # JP: 2 % of 3.800.000 = 76.000 a month paid by the desa, the 1 % withheld
    assert by_tier(result)[6].cost == 12 * 76_000


def test_months_in_post_and_pemda_and_jp_age() -> None:
    half_year = entry("perangkat_desa", 2_500_000, months=(7, 8, 9, 10, 11, 12))  # 6 x 13.500
    pemda = entry("perangkat_desa", 2_500_000, dibayar="pemda")
    old = entry("kepala_desa", 3_800_000, born=date(1960, 5, 1))  # JP age (58/59) passed in 2018
    result = plan([old, half_year, pemda], RULES, YEAR, pagu=100_000_000)
    tiers = by_tier(result)
    assert (tiers[1].eligible, tiers[1].cost) == (2, 246_240 + 81_000)
    # JP: the kades is past the JP age all year, so only the perangkat: 6 x 3 % x 2.500.000
    assert (tiers[6].eligible, tiers[6].cost) == (1, 6 * 75_000)


def test_jht_jp_only_for_pu_apparatus() -> None:
    bpu_kaur = entry("perangkat_desa", 1_000_000, segmen="BPU")
    result = plan([bpu_kaur], RULES, YEAR, pagu=10_000_000)
    tiers = by_tier(result)
    assert tiers[1].covered == 1 and tiers[1].cost == 201_600
    assert tiers[5].eligible == 0 and tiers[6].eligible == 0


def test_pekerja_rentan_capped_at_target() -> None:
    people = [entry("pekerja_rentan", 1_000_000, segmen="BPU") for _ in range(3)]
    result = plan(
        people, RULES, YEAR, pagu=10_000_000, tiers=default_tiers(target_pekerja_rentan=2)
    )
    tier = by_tier(result)[7]
    assert (tier.eligible, tier.in_roster, tier.covered) == (2, 3, 2)
    assert tier.cost == tier.cost_full == 2 * 201_600
    assert tier.covered_ids == (people[0].person_id, people[1].person_id)
    assert "target 2 orang" in tier.name
    assert by_tier(plan(people, RULES, YEAR, pagu=0))[7].eligible == 3  # default target 100
    assert with_target(DEFAULT_TIERS, 2)[6].target == 2


def test_per_sumber_pagu_is_consumed_separately() -> None:
    sumber_of = {
        "kepala_desa": "ADD", "sekretaris_desa": "ADD", "perangkat_desa": "ADD", "bpd": "ADD",
        "rt_rw": "DDS", "pekerja_rentan": "DDS",
    }  # fmt: skip
    # ADD pays tier 1 exactly (764.640) and has nothing for the BPD; DDS has 201.600 and pays
    # the RT (97.200) in fill mode; the rentan (201.600) no longer fits in 104.400.
    result = plan(
        roster(), RULES, YEAR, pagu=10_000_000, mode="fill",
        pagu_per_sumber={"ADD": 764_640, "DDS": 201_600}, sumber_of=sumber_of,
    )  # fmt: skip
    tiers = by_tier(result)
    assert tiers[1].covered == 4 and tiers[2].covered == 0
    assert tiers[4].covered == 1 and tiers[7].covered == 0
    assert result.by_sumber["ADD"].used == 764_640 and result.by_sumber["ADD"].left == 0
    assert result.by_sumber["DDS"].used == 97_200 and result.by_sumber["DDS"].left == 104_400
    assert result.used == 764_640 + 97_200

    # a person's own sumber dana override is charged instead; no PAD pagu -> not covered
    rt_pad = entry("rt_rw", 1_500_000, sumber="PAD")
    result = plan(
        [rt_pad], RULES, YEAR, pagu=10_000_000,
        pagu_per_sumber={"DDS": 1_000_000}, sumber_of=sumber_of,
    )  # fmt: skip
    assert by_tier(result)[4].covered == 0


def test_tier_order_and_bad_inputs() -> None:
    ordered = order_tiers(DEFAULT_TIERS, [4, 1])
    assert [t.number for t in ordered] == [4, 1]
    # RT first: 97.200 fits in 100.000; the kades (246.240) no longer does
    result = plan(roster(), RULES, YEAR, pagu=100_000, tiers=ordered)
    assert [(t.tier, t.covered) for t in result.tiers] == [(4, 1), (1, 0)]
    with pytest.raises(UserError):
        order_tiers(DEFAULT_TIERS, [9])
    with pytest.raises(UserError):
        plan(roster(), RULES, YEAR, pagu=-1)
    with pytest.raises(UserError):
        plan(roster(), RULES, YEAR, pagu=1, mode="greedy")


def test_unpriced_persons_are_reported_not_planned() -> None:
    nobody = entry("rt_rw", 0)
    result = plan([nobody], RULES, YEAR, pagu=1_000_000)
    assert result.unpriced == (nobody.person_id,) and by_tier(result)[4].eligible == 0


def test_programs_switched_off_for_a_category_are_not_planned() -> None:
    # JP switched off for the perangkat only: tier 6 keeps the kades and sekdes,
    # 12 x 3 % x 3.800.000 = 1.368.000 and 12 x 3 % x 3.000.000 = 1.080.000.
    chosen = {"perangkat_desa": ("JKK", "JKM", "JHT")}
    result = plan(apparatus(), RULES, YEAR, pagu=100_000_000, programs_by_category=chosen)
    tiers = by_tier(result)
    assert (tiers[6].eligible, tiers[6].cost) == (2, 1_368_000 + 1_080_000)
    assert tiers[5].eligible == 4 and tiers[1].cost == 764_640
    nothing = plan(
        apparatus(), RULES, YEAR, pagu=100_000_000,
        programs_by_category={k: () for k in ("kepala_desa", "sekretaris_desa", "perangkat_desa")},
    )  # fmt: skip
    assert nothing.used == 0 and all(t.eligible == 0 for t in nothing.tiers)
