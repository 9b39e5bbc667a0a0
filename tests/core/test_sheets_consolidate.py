"""Consolidation: totals equal the villages' own simulations; every bad file its own message."""

import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from open_files import assert_closed
from openpyxl import load_workbook
from pypdf import PdfReader
from sheets_helpers import village

from desa_budget.budget.codes.profiles import load_kabupaten_profiles
from desa_budget.errors import UserError
from desa_budget.reports.recap import write_recap_pdf
from desa_budget.sheets import dpmd_layout as L
from desa_budget.sheets.consolidate import consolidate, percent
from desa_budget.sheets.dpmd import DpmdData, export_dpmd
from desa_budget.sheets.dpmd_read import BadFile, read_village
from desa_budget.sheets.recap import write_recap

SIZES = (20, 45, 70, 110, 160)


@pytest.fixture(scope="module")
def five(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[DpmdData]]:
    folder = tmp_path_factory.mktemp("desa")
    villages = [village(i, size, rentan=i != 2) for i, size in enumerate(SIZES)]
    for i, data in enumerate(villages):
        export_dpmd(folder / f"desa_{i}.xlsx", data)
    return folder, villages


def _edit(source: Path, target: Path, change: Any) -> Path:
    wb = load_workbook(source)
    change(wb)
    wb.save(target)
    return target


def _reason(result: Any, name: str) -> str:
    found = [f for f in result.files if f.path.name == name]
    assert len(found) == 1 and not found[0].used, found
    return str(found[0].reason)


def test_totals_equal_the_sum_of_the_simulations(five: tuple[Path, list[DpmdData]]) -> None:
    folder, villages = five
    calls: list[tuple[int, int]] = []
    result = consolidate([folder], progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 5) for n in range(1, 6)]
    assert result.year == 2026 and len(result.used) == 5 and not result.left_out
    sims = [v.simulation for v in villages]
    assert result.total.desa == sum(s.desa for s in sims)
    assert result.total.potongan == sum(s.potongan for s in sims)
    assert result.total.pemda == sum(s.pemda for s in sims)
    assert result.total.covered == sum(len(s.persons) for s in sims)
    assert result.total.roster == sum(sum(s.roster_counts.values()) for s in sims)
    by_kode = {v.kode_desa: v for v in result.villages}
    for data in villages:
        mine = by_kode[data.kode_desa]
        assert mine.total.desa == data.lines.total
        for code in {ln.sumber_dana for ln in data.lines.lines}:
            own = sum(ln.jumlah for ln in data.lines.lines if ln.sumber_dana == code)
            assert mine.by_sumber[code] == own
    assert sum(r.total.desa for r in result.kecamatan_rows()) == result.total.desa


def test_recap_workbook_and_pdf(five: tuple[Path, list[DpmdData]], tmp_path: Path) -> None:
    folder, villages = five
    (tmp_path / "catatan.xlsx").write_text("bukan excel")
    profile = load_kabupaten_profiles()["contoh_kudus"]
    result = consolidate([folder, tmp_path / "catatan.xlsx"], profile=profile)
    path = write_recap(tmp_path / "rekap.xlsx", result)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Kecamatan", "Desa", "Berkas"]
    header, *rows = wb["Desa"].iter_rows(values_only=True)
    desa = [dict(zip(header, r, strict=True)) for r in rows]
    assert desa[-1]["Kode Desa"] == "JUMLAH"
    assert desa[-1]["Iuran Desa Setahun"] == sum(v.simulation.desa for v in villages)
    no_rentan = next(d for d in desa if d["Kode Desa"] == villages[2].kode_desa)
    assert "Tidak ada anggaran pekerja rentan" in no_rentan["Catatan"]
    assert "di bawah aturan kabupaten (paling sedikit 10)" in no_rentan["Catatan"]
    kec = list(wb["Kecamatan"].iter_rows(values_only=True))
    assert kec[-1][0] == "JUMLAH" and kec[-1][2] == 5  # Kode Kecamatan, Kecamatan, Jumlah Desa
    berkas = list(wb["Berkas"].iter_rows(values_only=True))[1:]
    assert [b[3] for b in berkas].count("Dipakai") == 5
    left = next(b for b in berkas if b[1] == "catatan.xlsx")
    assert left[3] == "Tidak dipakai" and "rusak" in left[6]
    pdf = write_recap_pdf(tmp_path / "rekap.pdf", result)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "REKAP IURAN BPJS KETENAGAKERJAAN" in text and "catatan.xlsx" in text
    assert villages[0].nama_desa in text


def test_not_xlsx_and_damaged_files(five: tuple[Path, list[DpmdData]], tmp_path: Path) -> None:
    folder, _ = five
    (tmp_path / "desa.csv").write_text("a,b\n")
    (tmp_path / "teks.xlsx").write_text("bukan excel")
    whole = (folder / "desa_0.xlsx").read_bytes()
    (tmp_path / "putus.xlsx").write_bytes(whole[: len(whole) // 2])
    with zipfile.ZipFile(tmp_path / "zip.xlsx", "w") as z:
        z.writestr("hello.txt", "a zip, but not a workbook")
    names = ["desa.csv", "teks.xlsx", "putus.xlsx", "zip.xlsx"]
    result = consolidate([folder / "desa_1.xlsx", *(tmp_path / n for n in names)])
    assert _reason(result, "desa.csv") == "bukan berkas .xlsx"
    assert "rusak atau bukan berkas Excel" in _reason(result, "teks.xlsx")
    assert "rusak atau bukan berkas Excel" in _reason(result, "putus.xlsx")
    assert "berkas rusak, tidak dapat dibuka" in _reason(result, "zip.xlsx")
    assert len(result.used) == 1


def test_not_a_jamsos_export(five: tuple[Path, list[DpmdData]], tmp_path: Path) -> None:
    folder, _ = five
    src = folder / "desa_0.xlsx"
    _edit(src, tmp_path / "tanpa_rincian.xlsx", lambda wb: wb.remove(wb[L.RINCIAN]))
    _edit(src, tmp_path / "judul.xlsx", lambda wb: wb[L.REKAP].cell(1, 8, "Jumlah Orang"))
    result = consolidate([tmp_path / "tanpa_rincian.xlsx", tmp_path / "judul.xlsx"])
    assert _reason(result, "tanpa_rincian.xlsx") == (
        "bukan ekspor DPMD Jamsos Desa: sheet Rincian tidak ada"
    )
    assert _reason(result, "judul.xlsx") == (
        "bukan ekspor DPMD Jamsos Desa: judul kolom sheet Rekap ke-8 'Jumlah Orang', "
        "seharusnya 'Orang di Daftar'"
    )
    assert result.year is None and not result.villages


def test_a_refused_file_is_closed_at_once(
    five: tuple[Path, list[DpmdData]], tmp_path: Path
) -> None:
    path = _edit(
        five[0] / "desa_0.xlsx", tmp_path / "judul.xlsx", lambda wb: wb[L.REKAP].cell(1, 3, "X")
    )
    with pytest.raises(BadFile, match="judul kolom sheet Rekap") as info:
        read_village(path)
    assert info.value.__traceback__ is not None  # the error still held, and yet:
    assert_closed(path)


def test_other_format_version(five: tuple[Path, list[DpmdData]], tmp_path: Path) -> None:
    folder, _ = five
    _edit(folder / "desa_0.xlsx", tmp_path / "v3.xlsx", lambda wb: wb[L.INFO].cell(13, 2, "3"))
    result = consolidate([tmp_path / "v3.xlsx", folder / "desa_1.xlsx"])
    assert _reason(result, "v3.xlsx") == "versi format 3, aplikasi ini membaca versi 1, 2"


def test_other_year_and_duplicate_kode_desa(
    five: tuple[Path, list[DpmdData]], tmp_path: Path
) -> None:
    folder, villages = five
    export_dpmd(tmp_path / "lama.xlsx", village(9, 20, year=2025))
    export_dpmd(tmp_path / "lagi.xlsx", villages[3])
    result = consolidate([folder, tmp_path / "lama.xlsx", tmp_path / "lagi.xlsx"])
    assert _reason(result, "lama.xlsx") == "tahun anggaran 2025, bukan 2026"
    assert _reason(result, "lagi.xlsx") == (
        f"kode desa {villages[3].kode_desa} sudah ada di desa_3.xlsx (berkas itu yang dipakai)"
    )
    assert len(result.used) == 5
    asked = consolidate([folder, tmp_path / "lama.xlsx"], year=2025)
    assert [f.path.name for f in asked.used] == ["lama.xlsx"]
    assert _reason(asked, "desa_0.xlsx") == "tahun anggaran 2026, bukan 2025"


def test_edited_amounts_are_refused(five: tuple[Path, list[DpmdData]], tmp_path: Path) -> None:
    folder, _ = five
    _edit(folder / "desa_4.xlsx", tmp_path / "ubah.xlsx", lambda wb: wb[L.ANGGARAN].cell(2, 14, 1))
    result = consolidate([tmp_path / "ubah.xlsx"])
    assert _reason(result, "ubah.xlsx").startswith("isi tidak konsisten: jumlah Anggaran")


def test_nothing_to_consolidate(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Tidak ada berkas"):
        consolidate([tmp_path])


def test_percent_has_no_float() -> None:
    assert str(percent(1, 3)) == "33.3"
    assert str(percent(2, 3)) == "66.7"
    assert percent(5, 0) is None


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_one_kecamatan_typed_two_ways_is_one_row(tmp_path: Path) -> None:
    first = replace(village(40, 30), kode_desa="33.02.12.2041", kecamatan="Sumbang")
    second = replace(village(41, 30), kode_desa="33.02.12.2042", kecamatan="Kec. Sumbang")
    other = replace(village(42, 30), kode_desa="33.02.13.2001", kecamatan="Kembaran")
    for n, data in enumerate((first, second, other)):
        export_dpmd(tmp_path / f"d{n}.xlsx", data)
    result = consolidate([tmp_path])
    rows = result.kecamatan_rows()
    assert [(r.kode, r.kecamatan, r.desa) for r in rows] == [
        ("33.02.13", "Kembaran", 1), ("33.02.12", "Sumbang", 2),
    ]  # fmt: skip
    sumbang = rows[1]
    assert sumbang.total.desa == first.simulation.desa + second.simulation.desa
    wb = load_workbook(write_recap(tmp_path / "rekap.xlsx", result))
    kec = list(wb["Kecamatan"].iter_rows(values_only=True))
    assert [r[:3] for r in kec[1:3]] == [("33.02.13", "Kembaran", 1), ("33.02.12", "Sumbang", 2)]
    desa = {r[0]: r for r in wb["Desa"].iter_rows(values_only=True)}
    assert desa["33.02.12.2042"][2] == "Sumbang"  # the kecamatan's one name, not as typed


def test_the_old_format_still_consolidates(tmp_path: Path) -> None:
    """Files of format 1 (no identity columns, written before issue 14) beside format 2."""
    new = replace(village(43, 30), kode_desa="33.02.12.2043", kecamatan="SUMBANG")
    export_dpmd(tmp_path / "baru.xlsx", new)
    old = [FIXTURES / "dpmd_format1_1.xlsx", FIXTURES / "dpmd_format1_2.xlsx"]
    result = consolidate([*old, tmp_path / "baru.xlsx"])
    assert not result.left_out and len(result.used) == 3
    assert [(r.kode, r.kecamatan, r.desa) for r in result.kecamatan_rows()] == [
        ("33.02.12", "Sumbang", 3)
    ]
    olds = [read_village(p) for p in old]
    assert result.total.desa == sum(v.total.desa for v in olds) + new.simulation.desa
    assert {v.kecamatan for v in olds} == {"Sumbang", "Kec. Sumbang"}


def test_a_refused_file_says_whose_it_was(
    five: tuple[Path, list[DpmdData]], tmp_path: Path
) -> None:
    folder, villages = five
    _edit(folder / "desa_4.xlsx", tmp_path / "ubah.xlsx", lambda wb: wb[L.ANGGARAN].cell(2, 14, 1))
    # A Rekap row pasted from another village: its own kode desa gives it away.
    _edit(folder / "desa_3.xlsx", tmp_path / "tempel.xlsx",
          lambda wb: wb[L.REKAP].cell(3, 1, "33.02.99.2999"))  # fmt: skip
    result = consolidate([tmp_path / "ubah.xlsx", tmp_path / "tempel.xlsx"])
    changed = next(f for f in result.files if f.path.name == "ubah.xlsx")
    assert not changed.used and changed.kode_desa == villages[4].kode_desa
    assert changed.nama_desa == villages[4].nama_desa
    assert "ubah.xlsx: tidak dipakai, isi tidak konsisten" in changed.line
    pasted = next(f for f in result.files if f.path.name == "tempel.xlsx")
    assert "Rekap baris 3 milik kode desa 33.02.99.2999" in pasted.reason
    assert pasted.kode_desa == villages[3].kode_desa
    berkas = list(load_workbook(write_recap(tmp_path / "r.xlsx", replace(
        result, villages=(read_village(folder / "desa_0.xlsx"),))))["Berkas"].iter_rows(values_only=True))  # fmt: skip
    assert any(r[1] == "ubah.xlsx" and r[4] == villages[4].kode_desa for r in berkas)


def test_notes_for_an_empty_roster_and_dana_desa_for_pekerja_rentan(tmp_path: Path) -> None:
    from desa_budget.sheets.consolidate import flags
    from desa_budget.sheets.dpmd_read import CategoryRow, VillageRecap
    from desa_budget.village import categories

    empty = VillageRecap(
        tmp_path / "x.xlsx", "33.02.12.2050", "Kosong", "Sumbang", "Banyumas", 2026, "murni",
        {k: CategoryRow() for k in categories.KEYS}, {}, {},
    )  # fmt: skip
    assert "Tidak ada orang dalam daftar peserta desa" in flags(empty, None)
    rentan = replace(
        empty,
        by_category={**empty.by_category, "pekerja_rentan": CategoryRow(roster=5, covered=5,
                                                                        desa=1_008_000)},
        by_kategori_sumber={("pekerja_rentan", "DDS"): 1_008_000},
    )  # fmt: skip
    notes = flags(rentan, None)
    assert any("Dana Desa (DDS) untuk iuran Pekerja Rentan: periksa" in n for n in notes)
    assert "Tidak ada orang dalam daftar peserta desa" not in notes
