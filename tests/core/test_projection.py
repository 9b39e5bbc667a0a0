"""The projection over the RPJMDes years, with figures worked by hand from domain.md's rates."""

from datetime import date
from decimal import Decimal
from types import MappingProxyType

import pytest
from roster_helpers import make_nik, new_db

from desa_budget.budget.ceiling import ratio_30
from desa_budget.budget.year import set_total_belanja
from desa_budget.contributions.simulation import simulate
from desa_budget.errors import UserError
from desa_budget.projection.assumptions import (
    ProjectionParams,
    clear_params,
    read_params,
    save_params,
    target_count,
)
from desa_budget.projection.compute import Projection, project
from desa_budget.roster import service as roster
from desa_budget.rules import load_rules
from desa_budget.store.database import ConcurrentEditError, Database
from desa_budget.store.versioning import ABSENT

RULES = load_rules()
BASE = 2026

# JP ceilings (Rp) in force from March of each year: 2026 published, then 11.086.300 grown by
# the published average 4,29 % a year, each rounded down to Rp 100 (domain.md §2.2).
CEILING = {
    2025: 10_547_400,
    2026: 11_086_300,
    2027: 11_561_900,  # 11.086.300 × 1,0429 = 11.561.902,27
    2028: 12_057_900,  # 11.561.900 × 1,0429 = 12.057.905,51
    2029: 12_575_100,  # 12.057.900 × 1,0429 = 12.575.183,91
    2030: 13_114_500,  # 12.575.100 × 1,0429 = 13.114.571,79
    2031: 13_677_100,  # 13.114.500 × 1,0429 = 13.677.112,05
}


def sekdes_jp(year: int) -> int:
    """Sekdes on Rp 15.000.000, JP only, both shares paid by the desa: 3 % of the ceiling, the
    previous year's in January and February."""
    return 2 * CEILING[year - 1] * 3 // 100 + 10 * CEILING[year] * 3 // 100


# Kaur on Rp 3.000.000, JKK 0,24 % = 7.200, JKM 0,30 % = 9.000, JP 2 % = 60.000 by the desa and
# 1 % = 30.000 withheld. Born May 1969: the JP age is 60 in 2029 (59 in 2027, when he is 58;
# nobody first reaches it in 2028, the year it rises to 60), so JP January-May 2029 only.
KAUR = {
    **{y: (12 * 76_200, 12 * 30_000) for y in (2026, 2027, 2028)},
    2029: (5 * 76_200 + 7 * 16_200, 5 * 30_000),
    2030: (12 * 16_200, 0),
    2031: (12 * 16_200, 0),
}
KADUS = 12 * 13_500  # Rp 2.500.000: JKK 6.000 + JKM 7.500; the term ends June 2027, refilled
RENTAN = 201_600  # BPU Rp 1.000.000: JKK 10.000 + JKM 6.800, 12 months
RENTAN_COUNT = {2026: 30, 2027: 53, 2028: 77, 2029: 100, 2030: 100, 2031: 100}  # 30 -> 100


def village(tmp_path) -> Database:  # type: ignore[no-untyped-def]
    db = new_db(tmp_path)
    people = [
        ("Sekdes", date(1980, 1, 1), roster.PostData("sekretaris_desa", "Sekretaris Desa"),
         roster.CoverageData(BASE, "PU", 15_000_000, ("JP",))),
        ("Kaur", date(1969, 5, 10), roster.PostData("perangkat_desa", "Kaur Keuangan"),
         roster.CoverageData(BASE, "PU", 3_000_000, ("JKK", "JKM", "JP"), iuran_pekerja="potong")),
        ("Kadus", date(1985, 2, 2),
         roster.PostData("perangkat_desa", "Kepala Dusun I", akhir=date(2027, 6, 30)),
         roster.CoverageData(BASE, "PU", 2_500_000, ("JKK", "JKM"))),
    ]  # fmt: skip
    people += [
        (f"Petani {n}", date(1990, 1, 1), roster.PostData("pekerja_rentan", "Petani"),
         roster.CoverageData(BASE, "BPU", 1_000_000, ("JKK", "JKM")))
        for n in range(30)
    ]  # fmt: skip
    with db.session() as s:
        for serial, (nama, born, post, coverage) in enumerate(people, start=1):
            person = roster.PersonData(make_nik(born, "L", serial), nama, "L", born)
            roster.add_person(s, person, [post], coverage, operator="x")
    return db


def run(db: Database, **changes: object) -> Projection:
    params = ProjectionParams(
        BASE, target=MappingProxyType({"pekerja_rentan": MappingProxyType({2029: 100})})
    )
    with db.session() as s:
        return project(s, RULES, ProjectionParams(**{**params.__dict__, **changes}))


def test_six_years_worked_by_hand(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run(village(tmp_path))
    assert [y.year for y in result.years] == list(range(2026, 2032))
    for y in result.years:
        rentan = RENTAN_COUNT[y.year]
        kaur_desa, kaur_potong = KAUR[y.year]
        assert y.by_category["sekretaris_desa"].desa == sekdes_jp(y.year), y.year
        assert y.by_category["perangkat_desa"].desa == kaur_desa + KADUS, y.year
        assert y.by_category["pekerja_rentan"].persons == rentan
        assert y.by_category["pekerja_rentan"].desa == rentan * RENTAN
        assert y.desa == sekdes_jp(y.year) + kaur_desa + KADUS + rentan * RENTAN, y.year
        assert y.potongan == kaur_potong
        assert y.by_program["JKK"].desa == 12 * 7_200 + 12 * 6_000 + rentan * 120_000
        assert y.by_program["JP"].potongan == kaur_potong
        assert y.jp_ceiling == CEILING[y.year] and y.jp_ceiling_assumed == (y.year > 2026)
    # the kadus's post: 6 months his, 6 his successor's, one post counted
    assert [y.by_category["perangkat_desa"].persons for y in result.years] == [2] * 6
    said = " ".join(result.assumptions)
    assert "4,29% per tahun" in said and "Rp11.086.300" in said and "Maret 2027" in said
    assert "JP tidak dihitung mulai Juni 2029" in said
    assert "diisi kembali" in said and "Target Pekerja Rentan: dari 30 orang" in said


def test_the_base_year_is_the_years_simulation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = village(tmp_path)
    first = run(db).years[0]
    with db.session() as s:
        sim = simulate(s, RULES, BASE)
    assert (first.desa, first.potongan) == (sim.desa, sim.potongan)


def test_a_post_not_refilled_ends_with_its_term(tmp_path) -> None:  # type: ignore[no-untyped-def]
    years = run(village(tmp_path), isi_kembali=False).years
    kadus = [y.by_category["perangkat_desa"].desa - KAUR[y.year][0] for y in years]
    assert kadus == [KADUS, 6 * 13_500, 0, 0, 0, 0]


def test_a_stated_growth_replaces_the_average(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run(village(tmp_path), kenaikan_batas_jp=Decimal(5), jumlah_tahun=2)
    # 11.086.300 × 1,05 = 11.640.615 -> 11.640.600 from March 2027
    assert result.years[1].by_category["sekretaris_desa"].desa == (
        2 * 11_086_300 * 3 // 100 + 10 * 11_640_600 * 3 // 100
    )
    assert any("naik 5% per tahun" in a and "4,29%" in a for a in result.assumptions)


def test_wages_grow_per_category(tmp_path) -> None:  # type: ignore[no-untyped-def]
    growth = MappingProxyType({"perangkat_desa": Decimal(10)})
    years = run(village(tmp_path), kenaikan_upah=growth, jumlah_tahun=2).years
    # Kaur 3.300.000 in 2027: JKK 7.920 + JKM 9.900 + JP desa 66.000; Kadus 2.750.000: 6.600 + 8.250
    assert years[1].by_category["perangkat_desa"].desa == 12 * 83_820 + 12 * 14_850
    assert years[1].by_category["pekerja_rentan"].desa == 53 * RENTAN  # other categories as is


def test_published_years_use_published_figures(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = new_db(tmp_path)
    born = date(1980, 1, 1)
    with db.session() as s:
        roster.add_person(
            s, roster.PersonData(make_nik(born, "L", 1), "Sekdes", "L", born),
            [roster.PostData("sekretaris_desa", "Sekretaris Desa")],
            roster.CoverageData(2020, "PU", 15_000_000, ("JP",)), operator="x",
        )  # fmt: skip
        params = ProjectionParams(2020, kenaikan_batas_jp=Decimal(10))  # never used: published
        result = project(s, RULES, params)
    # 2021: January-February 8.939.700, from March 8.754.600 (it fell), as published
    assert result.years[1].desa == 2 * 8_939_700 * 3 // 100 + 10 * 8_754_600 * 3 // 100
    assert result.years[-1].year == 2025 and not result.years[-1].jp_ceiling_assumed
    assert not any("belum diterbitkan" in a for a in result.assumptions)


def test_total_belanja_growth_gives_the_30_percent_ratio(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = village(tmp_path)
    with db.session() as s:
        set_total_belanja(s, BASE, 1_000_000_000, operator="x")
        set_total_belanja(s, 2028, 2_000_000_000, operator="x")  # entered: beats the growth
    years = run(db, kenaikan_belanja=Decimal(10), jumlah_tahun=4).years
    assert [(y.total_belanja, y.total_belanja_assumed) for y in years] == [
        (1_000_000_000, False), (1_100_000_000, True), (2_000_000_000, False),
        (2_200_000_000, True),
    ]  # fmt: skip
    ratio = years[1].ratio
    assert ratio is not None
    # 2027 pay: sekdes 12 × 15 jt + kaur 12 × 3 jt + kadus 6 × 2,5 jt + successor 6 × 2,5 jt
    assert ratio.penghasilan == 180_000_000 + 36_000_000 + 30_000_000
    assert ratio.persen_tanpa == Decimal(246_000_000) * 100 / Decimal(1_100_000_000)
    assert run(db, jumlah_tahun=2).years[1].ratio is None  # no growth given, 2027 not entered


def test_a_target_ramps_evenly_then_holds() -> None:
    params = ProjectionParams(BASE, target={"pekerja_rentan": {2029: 100}})
    assert [target_count(params, "pekerja_rentan", y, 30) for y in range(2026, 2032)] == [
        None, 53, 77, 100, 100, 100
    ]  # fmt: skip


def test_assumptions_are_stored_per_base_year_and_checked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = new_db(tmp_path)
    params = ProjectionParams(
        BASE, jumlah_tahun=4, kenaikan_batas_jp=Decimal("3.5"),
        kenaikan_upah={"perangkat_desa": Decimal(5)}, target={"pekerja_rentan": {2029: 100}},
    )  # fmt: skip
    with db.session() as s:
        assert read_params(s, BASE).version == ABSENT
        version = save_params(s, params, operator="x", version=ABSENT)
        stored = read_params(s, BASE)
        assert stored.params == params and stored.version == version
        with pytest.raises(ConcurrentEditError):
            save_params(s, params, operator="x", version=ABSENT)
        with pytest.raises(UserError, match="sesudah tahun dasar"):
            save_params(s, ProjectionParams(BASE, target={"pekerja_rentan": {2026: 5}}),
                        operator="x")  # fmt: skip
        clear_params(s, BASE, operator="x", version=version)
        assert read_params(s, BASE).params == ProjectionParams(BASE)


def test_a_year_past_the_published_ceiling_is_budgeted_with_the_growth(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = village(tmp_path)
    with db.session() as s:
        sim = simulate(s, RULES, 2027)
    sekdes = next(p for p in sim.persons if p.kategori == "sekretaris_desa")
    # not 12 × 332.589 (the 2026 ceiling reused): from March 11.561.900 × 3 %
    assert sekdes.desa == sekdes_jp(2027) == 2 * 332_589 + 10 * 346_857
    assert any("naik 4,29% per tahun" in a and "Rp11.561.900" in a for a in sim.assumptions)


def test_the_ratio_counts_the_siltap_entered_for_an_uninsured_kepala_desa(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = village(tmp_path)
    with db.session() as s:
        born = date(1975, 3, 3)
        kades = roster.PersonData(make_nik(born, "L", 99), "Kades", "L", born)
        post = roster.PostData("kepala_desa", "Kepala Desa", penghasilan=4_000_000)
        roster.add_person(s, kades, [post], None, operator="x")  # in post, not insured
        set_total_belanja(s, BASE, 1_000_000_000, operator="x")
        single = ratio_30(simulate(s, RULES, BASE), 1_000_000_000)
    ratio = run(db, kenaikan_belanja=Decimal(0), jumlah_tahun=1).years[0].ratio
    assert ratio is not None
    # sekdes 12 × 15 jt + kaur 12 × 3 jt + kadus 12 × 2,5 jt on their basis, kades 12 × 4 jt entered
    assert ratio.penghasilan == 180_000_000 + 36_000_000 + 30_000_000 + 48_000_000
    assert (ratio.dari_penghasilan, ratio.dari_dasar_upah) == (1, 3)
    assert ratio.penghasilan == single.penghasilan  # the same figure as the year's own check


def test_the_assumptions_read_english_in_the_english_window(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desa_budget.i18n import _, use_language

    growth = MappingProxyType({"perangkat_desa": Decimal(10)})
    result = run(village(tmp_path), kenaikan_upah=growth, jumlah_tahun=2)
    use_language("en")
    try:
        said = " ".join(_(a) for a in result.assumptions)
    finally:
        use_language("id")
    assert "JP retirement age by the rules: 59 years (2026–2027)" in said
    assert "tahun" not in said
