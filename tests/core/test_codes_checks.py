"""Checks: codes, Dana Desa, siltap minimums, the 30 % ceiling and kabupaten rules."""

from datetime import date
from decimal import Decimal

import pytest
from codes_helpers import CATALOG, mapping, person, sim

from desa_budget.budget.ceiling import format_percent
from desa_budget.budget.checks import CheckResult, Finding, check_budget, ratio_30
from desa_budget.budget.codes.catalog import Catalog
from desa_budget.budget.codes.profiles import get_kabupaten_profile
from desa_budget.budget.lines import build_lines
from desa_budget.contributions.results import Simulation
from desa_budget.errors import UserError
from desa_budget.rules.limits import Limits


def _check(
    s: Simulation,
    *,
    total_belanja: int | None = None,
    profile: str = "nasional",
    catalog: Catalog = CATALOG,
    limits: Limits | None = None,
    **sumber: str,
) -> CheckResult:
    lines = build_lines(s, catalog=catalog, mapping=mapping(**sumber))
    return check_budget(
        s,
        lines,
        catalog=catalog,
        profile=get_kabupaten_profile(profile),
        total_belanja=total_belanja,
        limits=limits,
    )


def _targets(findings: tuple[Finding, ...], kode: str) -> list[tuple[str, str]]:
    return [(f.target_kind, f.target) for f in findings if f.kode == kode]


def test_the_national_defaults_pass_clean() -> None:
    s = sim(
        person(1, "kepala_desa", [20_520] * 12, basis=3_800_000),
        person(2, "bpd", [8_100] * 12, basis=1_500_000),
        person(3, "rt_rw", [10_800] * 12),
        person(4, "pekerja_rentan", [16_800] * 12, basis=1_000_000),
    )
    assert _check(s, total_belanja=1_000_000_000) == CheckResult((), ())


def test_dana_desa_is_an_error_for_apparatus_and_bpd_and_a_warning_for_rt_rw_and_rentan() -> None:
    s = sim(
        person(1, "perangkat_desa", [10_920] * 12, basis=2_022_200),
        person(2, "perangkat_desa", [10_920] * 12, basis=2_022_200),
        person(3, "bpd", [8_100] * 12),
        person(4, "rt_rw", [10_800] * 12),
        person(5, "pekerja_rentan", [16_800] * 12, sumber="DDS"),  # the person's own choice
    )
    result = _check(s, perangkat_desa="DDS", bpd="DDS", rt_rw="DDS")
    # Two perangkat on one line: one finding, aimed at the category mapping that chose DDS.
    assert _targets(result.errors, "dds") == [("kategori", "perangkat_desa"), ("kategori", "bpd")]
    assert all("Permendesa 16/2025" in f.message for f in result.errors)
    assert "Perangkat Desa" in result.errors[0].message
    assert _targets(result.warnings, "dds") == [("kategori", "rt_rw"), ("person", "5")]
    assert _check(s).errors == ()


def test_dds_chosen_for_one_person_points_at_that_person() -> None:
    s = sim(
        person(1, "kepala_desa", [20_520] * 12, basis=3_800_000, sumber="dds"),
        person(2, "sekretaris_desa", [12_012] * 12, basis=2_224_420),
    )
    result = _check(s)
    assert _targets(result.errors, "dds") == [("person", "1")]
    assert "Kepala Desa" in result.errors[0].message


def test_unknown_codes_on_a_line_are_errors() -> None:
    s = sim(
        person(1, "perangkat_desa", [10_920] * 12, basis=2_022_200, rekening="5.1.3.77"),
        person(2, "rt_rw", [10_800] * 12, rekening="5.2.2", sumber="APBN"),
    )
    errors = _check(s).errors
    messages = [f.message for f in errors]
    assert any("Kode rekening 5.1.3.77 bukan objek" in m for m in messages)
    assert any("Kode rekening 5.2.2 bukan objek" in m for m in messages)  # a jenis
    assert any("Sumber dana 'APBN' tidak dikenal" in m for m in messages)
    assert ("line", "1.1.03|5.1.3.77|ADD") in _targets(errors, "kode")
    # A village code added as local is known.
    catalog = CATALOG.with_local([("rekening", "5.1.3.97", "Jamsos perangkat lokal")])
    ok = sim(person(1, "perangkat_desa", [10_920] * 12, basis=2_022_200, rekening="5.1.3.97"))
    assert _check(ok, catalog=catalog).errors == ()


def test_wage_below_the_siltap_minimum_is_a_warning_per_person() -> None:
    s = sim(
        person(7, "sekretaris_desa", [12_012] * 12, basis=2_224_419),
        person(8, "kepala_desa", [20_000] * 12, basis=2_426_640),  # exactly the minimum
        person(9, "perangkat_desa", [5_000] * 12, basis=1_000_000),
        person(10, "kepala_desa", [9_000] * 12, basis=1_000_000, status="pj"),  # Pj.: no siltap
        person(11, "staf_desa", [5_000] * 12, basis=1_000_000),  # no PP 11/2019 minimum
    )
    found = [f for f in _check(s).warnings if f.kode == "siltap"]
    assert [(f.target_kind, f.target) for f in found] == [("person", "7"), ("person", "9")]
    assert found[0].message == (
        "Dasar upah Orang 7 (Rp2.224.419) di bawah siltap minimum PP 11/2019 untuk "
        "Sekretaris Desa (Rp2.224.420)."
    )
    assert "Perangkat Desa (Rp2.022.200)" in found[1].message
    # The minimums are data: another table gives other warnings.
    other = Limits({"kepala_desa": 2_500_000}, Decimal(30))
    again = [f.target for f in _check(s, limits=other).warnings if f.kode == "siltap"]
    assert again == ["8"]


def ceiling_village() -> Simulation:
    # Pay: kades 3.000.000 × 12 = 36.000.000; BPD 1.000.000 × 12 = 12.000.000; a perangkat paid
    # by the Pemda 2.022.200 × 6 = 12.133.200 (pay counts, contributions are not APBDes);
    # staf 2.000.000 × 12 is not in the ceiling. Pay = 60.133.200.
    # Their APBDes contributions: 12 × 20.000 + 12 × 5.000 = 300.000.
    return sim(
        person(1, "kepala_desa", [20_000] * 12, basis=3_000_000),
        person(2, "bpd", [5_000] * 12, basis=1_000_000),
        person(3, "perangkat_desa", [10_920] * 6, basis=2_022_200, payer="pemda"),
        person(4, "staf_desa", [10_800] * 12, basis=2_000_000),
    )


def test_the_30_percent_ratio_on_a_hand_example() -> None:
    s = ceiling_village()
    r = ratio_30(s, 201_000_000)
    assert (r.penghasilan, r.jaminan_sosial, r.batas_persen) == (60_133_200, 300_000, Decimal(30))
    assert r.persen_tanpa == Decimal(60_133_200) * 100 / Decimal(201_000_000)  # 29,9170…
    assert r.persen_dengan == Decimal(60_433_200) * 100 / Decimal(201_000_000)  # 30,0663…
    assert (r.teks_tanpa, r.teks_dengan) == ("29,92%", "30,07%")
    assert r.exceeded and not r.exceeded_without
    (warning,) = [f for f in _check(s, total_belanja=201_000_000).warnings if f.kode == "batas30"]
    assert (warning.target_kind, warning.target) == ("tahun", "2026")
    assert "bila iuran jaminan sosial dihitung di dalamnya (cara bawaan), tidak bila di luar" in (
        warning.message
    )
    assert "dasar upah × bulan kepesertaan (Rp60.133.200)" in warning.message
    assert "29,92%" in warning.message and "30,07%" in warning.message

    # 60.133.200 / 190.000.000 = 31,65 %: over by both readings.
    (both,) = [f for f in _check(s, total_belanja=190_000_000).warnings if f.kode == "batas30"]
    assert "menurut kedua cara hitung" in both.message and "31,65%" in both.message
    # 60.433.200 / 210.000.000 = 28,78 %: no warning; no total belanja: no check.
    for total in (210_000_000, None, 0):
        assert not [f for f in _check(s, total_belanja=total).warnings if f.kode == "batas30"]


def test_a_ratio_just_over_the_ceiling_never_prints_as_30_00() -> None:
    r = ratio_30(ceiling_village(), 201_443_000)  # 60.433.200 / 201.443.000 = 30,000148…%
    assert r.exceeded and r.teks_dengan == "30,0001%"
    assert format_percent(Decimal(30), Decimal(30)) == "30,00%"
    with pytest.raises(UserError, match="lebih dari nol"):
        ratio_30(ceiling_village(), 0)


def test_kabupaten_rules_give_warnings() -> None:
    rentan = [
        person(
            i, "pekerja_rentan", [16_800] * 12, basis=1_000_000,
            born=date(1960, 1, 1) if i == 1 else date(1990, 1, 1),  # 66 on 1 January 2026
        )
        for i in range(1, 11)
    ]  # fmt: skip
    s = sim(*rentan, person(99, "rt_rw", [10_800] * 12), person(98, "rt_rw", [10_800] * 12))
    result = _check(s, profile="contoh_kudus", rt_rw="DDS")
    assert result.errors == ()
    kab = [f for f in result.warnings if f.kode == "kabupaten"]
    assert [(f.target_kind, f.target) for f in kab] == [
        ("kategori", "rt_rw"),
        ("kategori", "pekerja_rentan"),
    ]
    assert kab[0].message == "Profil Contoh: Kabupaten Kudus melarang sumber dana DDS untuk RT/RW."
    assert "paling sedikit 10 pekerja rentan berusia paling tinggi 65 tahun" in kab[1].message
    assert "baru 9" in kab[1].message  # one is 66
    # The national profile has no such rules (DDS for RT/RW stays a plain warning).
    assert not [f for f in _check(s, rt_rw="DDS").warnings if f.kode == "kabupaten"]
    # Ten under 66: the minimum is met.
    young = sim(*[person(i, "pekerja_rentan", [16_800] * 12) for i in range(1, 11)])
    assert not [f for f in _check(young, profile="contoh_kudus").warnings if f.kode == "kabupaten"]
