"""Budget codes: catalog, Siskeudes form, local codes, lines from a simulation, and the checks."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desa_budget.budget_settings import CategoryCodes
from desa_budget.codes.catalog import catalog_for, load_catalog, read_code_rows
from desa_budget.codes.checks import check_budget, ratio_30
from desa_budget.codes.forms import format_siskeudes, normalize_kegiatan, normalize_rekening
from desa_budget.codes.lines import build_lines
from desa_budget.codes.profiles import get_kabupaten_profile
from desa_budget.errors import UserError
from desa_budget.results import MonthAmounts, PersonYear, ProgramAmount, Simulation

NATIONAL = get_kabupaten_profile("nasional")
CATALOG = load_catalog()


def mapping(**sumber: str) -> dict[str, CategoryCodes]:
    return {
        key: CategoryCodes(key, row.kegiatan, row.rekening, sumber.get(key, row.sumber_dana), False)
        for key, row in NATIONAL.mapping.items()
    }


def person(
    pid: int,
    kategori: str,
    monthly_desa: list[int],
    *,
    basis: int = 2_000_000,
    potongan: int = 0,
    programs: tuple[str, ...] = ("JKK", "JKM"),
    payer: str = "desa",
    born: date | None = date(1980, 1, 1),
    **codes: str,
) -> PersonYear:
    months = tuple(
        MonthAmounts(2026, i + 1, {"JKK": ProgramAmount(d, 0)}, d, potongan)
        for i, d in enumerate(monthly_desa)
    )
    return PersonYear(
        person_id=pid, nik=f"{pid:016d}", nama=f"Orang {pid}", kategori=kategori, jabatan="x",
        status_jabatan="definitif", segmen="PU", dasar_upah=basis, programs=programs, kelas_jkk=1,
        iuran_pekerja="desa", status_bpjs="terdaftar", dibayar_oleh=payer,
        kode_kegiatan=codes.get("kegiatan"), kode_rekening=codes.get("rekening"),
        sumber_dana=codes.get("sumber"), monthly=months, desa=sum(monthly_desa),
        potongan=potongan * len(monthly_desa), tanggal_lahir=born,
    )  # fmt: skip


def sim(*persons: PersonYear) -> Simulation:
    return Simulation(year=2026, persons=tuple(persons), roster_counts={})


def test_national_mapping_follows_the_domain_table() -> None:
    m = NATIONAL.mapping
    assert (m["kepala_desa"].kegiatan, m["kepala_desa"].rekening) == ("1.1.03", "5.1.3.03")
    assert (m["perangkat_desa"].kegiatan, m["perangkat_desa"].rekening) == ("1.1.03", "5.1.3.04")
    assert (m["bpd"].kegiatan, m["bpd"].rekening) == ("1.1.09", "5.1.5.02")
    assert (m["rt_rw"].kegiatan, m["rt_rw"].rekening) == ("1.1.07", "5.2.2.03")
    assert (m["pekerja_rentan"].kegiatan, m["pekerja_rentan"].rekening) == ("3.1.90", "5.2.7.90")
    assert all(row.sumber_dana != "DDS" for row in m.values())


def test_siskeudes_form_both_ways() -> None:
    assert format_siskeudes("1.1.03") == "01.01.03."
    assert format_siskeudes("5.1.3.04") == "5.1.3.04."
    assert normalize_kegiatan("01.01.03.") == "1.1.03"
    assert normalize_rekening("5.1.3.04.") == "5.1.3.04"
    assert CATALOG.find("kegiatan", "01.01.03.") == "1.1.03"
    assert CATALOG.uraian("rekening", "5.1.3.03") == "Jaminan Ketenagakerjaan Kepala Desa"
    assert [r.kode for r in CATALOG.chain("kegiatan", "1.1.03")] == ["1", "1.1", "1.1.03"]


def test_local_codes_only_90_to_99_under_a_known_parent() -> None:
    cat = catalog_for("nasional", [("rekening", "5.1.3.91", "Jamsos honorer")])
    assert cat.find("rekening", "5.1.3.91.") == "5.1.3.91"
    with pytest.raises(UserError, match="90 sampai 99"):
        CATALOG.validate_local("rekening", "5.1.3.89")
    with pytest.raises(UserError, match="induk"):
        CATALOG.validate_local("kegiatan", "4.2.90")


def test_catalog_errors_name_the_file_and_row(tmp_path: Path) -> None:
    bad = tmp_path / "rekening.csv"
    bad.write_text(
        "kode,level,uraian,source,confidence\n5,akun,Belanja,x,H\n5.1,kelompok,,x,Q\n"
        "5.1.3.04,objek,Jamsos,x,H\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError) as err:
        read_code_rows(bad, "rekening")
    text = str(err.value)
    assert "rekening.csv baris 3: uraian kosong" in text
    assert "rekening.csv baris 3: tingkat keyakinan" in text
    assert "5.1.3.04 tidak punya induk 5.1.3" in text


def test_lines_group_by_codes_and_programs_and_sum_to_the_simulation() -> None:
    # kades 12 × 20.520 = 246.240; two perangkat 12 × 10.800 = 129.600 each (same line, uniform)
    s = sim(
        person(1, "kepala_desa", [20_520] * 12, basis=3_800_000),
        person(2, "perangkat_desa", [10_800] * 12),
        person(3, "perangkat_desa", [10_800] * 12),
        person(4, "rt_rw", [10_800] * 6 + [11_000] * 6),
    )
    lines = build_lines(s, catalog=CATALOG, mapping=mapping())
    by_uraian = {ln.uraian: ln for ln in lines.lines}
    kades = by_uraian["Iuran JKK dan JKM Kepala Desa"]
    assert (kades.kegiatan, kades.rekening, kades.jumlah, kades.volume) == (
        "1.1.03",
        "5.1.3.03",
        246_240,
        12,
    )
    perangkat = by_uraian["Iuran JKK dan JKM Perangkat Desa"]
    assert (perangkat.volume, perangkat.harga_satuan, perangkat.jumlah) == (24, 10_800, 259_200)
    assert by_uraian["Iuran JKK dan JKM RT/RW"].harga_satuan is None  # amounts differ by month
    assert lines.total == s.desa == 246_240 + 259_200 + 6 * 10_800 + 6 * 11_000


def test_override_moves_a_person_and_pemda_paid_makes_no_line() -> None:
    s = sim(
        person(1, "staf_desa", [10_800] * 12, sumber="PBK"),
        person(2, "staf_desa", [10_800] * 12),
        person(3, "rt_rw", [10_800] * 12, payer="pemda"),
    )
    lines = build_lines(s, catalog=CATALOG, mapping=mapping())
    assert sorted(ln.sumber_dana for ln in lines.lines) == ["ADD", "PBK"]
    assert all(ln.kategori != "rt_rw" for ln in lines.lines)
    assert lines.total == 2 * 129_600


def test_withheld_shares_are_listed_apart_never_as_spending() -> None:
    s = sim(person(1, "kepala_desa", [100_000] * 12, potongan=38_000))
    lines = build_lines(s, catalog=CATALOG, mapping=mapping())
    assert lines.total == 1_200_000
    assert lines.potongan == 12 * 38_000
    assert lines.potongan_lines[0].kategori == "kepala_desa"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["kepala_desa", "perangkat_desa", "bpd", "rt_rw", "pekerja_rentan"]),
            st.lists(st.integers(min_value=0, max_value=900_000), min_size=1, max_size=12),
            st.sampled_from([None, "PBK", "PAD"]),
            st.sampled_from(["desa", "pemda"]),
        ),
        max_size=30,
    )
)
def test_lines_always_sum_exactly_to_the_simulation(rows: list) -> None:  # type: ignore[type-arg]
    persons = [
        person(i, kat, months, payer=payer, **({"sumber": sd} if sd else {}))
        for i, (kat, months, sd, payer) in enumerate(rows, start=1)
    ]
    s = sim(*persons)
    assert build_lines(s, catalog=CATALOG, mapping=mapping()).total == s.desa


def _check(
    s: Simulation, *, total_belanja: int | None = None, profile: str = "nasional", **sd: str
):  # type: ignore[no-untyped-def]
    lines = build_lines(s, catalog=CATALOG, mapping=mapping(**sd))
    return check_budget(
        s,
        lines,
        catalog=CATALOG,
        profile=get_kabupaten_profile(profile),
        total_belanja=total_belanja,
    )


def test_dana_desa_is_an_error_for_apparatus_and_a_warning_for_rt_rw() -> None:
    s = sim(person(1, "perangkat_desa", [10_800] * 12), person(2, "rt_rw", [10_800] * 12))
    result = _check(s, perangkat_desa="DDS", rt_rw="DDS")
    assert [f.kode for f in result.errors] == ["dds"]
    assert "Perangkat Desa" in result.errors[0].message
    assert any(f.kode == "dds" and "RT/RW" in f.message for f in result.warnings)
    assert _check(s).errors == ()


def test_unknown_code_on_a_line_is_an_error() -> None:
    s = sim(person(1, "perangkat_desa", [10_800] * 12, rekening="5.1.3.77"))
    assert any("5.1.3.77" in f.message for f in _check(s).errors)


def test_wage_below_the_siltap_minimum_is_a_warning() -> None:
    s = sim(person(7, "sekretaris_desa", [10_800] * 12, basis=2_224_419))
    found = [f for f in _check(s).warnings if f.kode == "siltap"]
    assert found and found[0].target == "7" and "Rp2.224.420" in found[0].message
    assert not [
        f
        for f in _check(sim(person(7, "sekretaris_desa", [1] * 12, basis=2_224_420))).warnings
        if f.kode == "siltap"
    ]


def test_the_30_percent_ceiling_with_and_without_social_security() -> None:
    # kades 3.000.000 × 12 = 36.000.000 + BPD 1.000.000 × 12 = 12.000.000 -> 48.000.000 pay;
    # their contributions 12 × 20.000 + 12 × 5.000 = 300.000
    s = sim(
        person(1, "kepala_desa", [20_000] * 12, basis=3_000_000),
        person(2, "bpd", [5_000] * 12, basis=1_000_000),
    )
    r = ratio_30(s, 160_500_000)
    assert r.penghasilan == 48_000_000 and r.jaminan_sosial == 300_000
    assert r.persen_tanpa == Decimal(48_000_000) * 100 / Decimal(160_500_000)  # 29,906…
    assert r.exceeded  # (48.300.000 / 160.500.000) = 30,09 %
    warning = [f for f in _check(s, total_belanja=160_500_000).warnings if f.kode == "batas30"]
    assert "29,91%" in warning[0].message and "30,09%" in warning[0].message
    assert not [f for f in _check(s, total_belanja=200_000_000).warnings if f.kode == "batas30"]


def test_kabupaten_rules_give_warnings() -> None:
    rentan = [
        person(
            i,
            "pekerja_rentan",
            [16_800] * 12,
            born=date(1950, 1, 1) if i == 1 else date(1990, 1, 1),
        )
        for i in range(1, 11)
    ]
    s = sim(*rentan, person(99, "rt_rw", [10_800] * 12))
    result = _check(s, profile="contoh_kudus", rt_rw="DDS")
    messages = " ".join(f.message for f in result.warnings)
    assert "paling sedikit 10 pekerja rentan" in messages and "baru 9" in messages  # one is over 65
    assert "melarang sumber dana DDS untuk RT/RW" in messages
    assert result.errors == ()
