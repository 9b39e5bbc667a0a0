"""The DPMD workbook: read back with openpyxl and compared with its Simulation and BudgetLines."""

import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sheets_helpers import village

from desa_budget.rules import PROGRAMS
from desa_budget.sheets import dpmd_layout as L
from desa_budget.sheets.dpmd import export_dpmd, month_ranges
from desa_budget.village import categories
from desa_budget.village.identifiers import mask_nik


def _rows(ws: Any) -> list[tuple[Any, ...]]:
    return list(ws.iter_rows(values_only=True))


def _dicts(ws: Any) -> list[dict[str, Any]]:
    header, *rows = _rows(ws)
    return [dict(zip(header, r, strict=True)) for r in rows]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    data = village(7, 90)
    path = tmp_path_factory.mktemp("dpmd") / "desa.xlsx"
    export_dpmd(path, data)
    return data, path


def test_sheets_and_info(exported: tuple[Any, Path]) -> None:
    data, path = exported
    wb = load_workbook(path)
    assert wb.sheetnames == list(L.SHEETS)
    info = {k: v for k, v in _rows(wb[L.INFO])[1:]}
    assert list(info) == list(L.INFO_KEYS)
    assert info[L.K_KODE_DESA] == data.kode_desa
    assert info[L.K_KECAMATAN] == data.kecamatan
    assert info[L.K_TAHUN] == 2026 and isinstance(info[L.K_TAHUN], int)
    assert info[L.K_VERSI] == "murni"
    assert info[L.K_NOMOR_PERDES] == data.nomor_perdes
    assert info[L.K_TANGGAL_PERDES] == datetime(2025, 12, 20)  # a real date cell
    assert info[L.K_DIBUAT] == data.dibuat
    assert info[L.K_FORMAT] == "2"
    assert wb[L.INFO]["B10"].is_date and wb[L.INFO]["B10"].number_format == "DD-MM-YYYY"
    assert wb.properties.creator == "Jamsos Desa"


def test_rekap_matches_simulation(exported: tuple[Any, Path]) -> None:
    data, path = exported
    sim = data.simulation
    rows = {r["Kode Kategori"]: r for r in _dicts(load_workbook(path)[L.REKAP])}
    assert list(rows) == [*categories.KEYS, L.TOTAL_KEY]
    for key in categories.KEYS:
        persons = [p for p in sim.persons if p.kategori == key]
        row = rows[key]
        assert row["Orang di Daftar"] == sim.roster_counts.get(key, 0)
        assert row["Orang Dilindungi"] == len(persons)
        for prog in PROGRAMS:
            assert row[f"Dilindungi {prog}"] == sum(1 for p in persons if prog in p.programs)
        assert row["Terdaftar"] == sum(1 for p in persons if p.status_bpjs == "terdaftar")
        desa_paid = [p for p in persons if p.dibayar_oleh == "desa"]
        assert row["Iuran Desa Setahun"] == sum(p.desa for p in desa_paid)
        assert row["Potongan Setahun"] == sum(p.potongan for p in desa_paid)
    total = rows[L.TOTAL_KEY]
    assert total["Iuran Desa Setahun"] == sim.desa == data.lines.total
    assert total["Potongan Setahun"] == sim.potongan
    assert total["Dibayar Pemda Setahun"] == sim.pemda
    assert total["Orang Dilindungi"] == len(sim.persons)
    assert total["Belum Terdaftar"] + total["Terdaftar"] + total["Nonaktif"] == len(sim.persons)
    texts = ("Kode Desa", "Kecamatan", "Desa", "Versi Anggaran", "Kode Kategori", "Kategori")
    assert all(type(v) is int for k, v in total.items() if k not in texts)


def test_anggaran_matches_budget_lines(exported: tuple[Any, Path]) -> None:
    data, path = exported
    ws = load_workbook(path)[L.ANGGARAN]
    rows = _dicts(ws)
    assert len(rows) == len(data.lines.lines)
    for row, line in zip(rows, data.lines.lines, strict=True):
        assert row == {
            "Kode Desa": data.kode_desa,
            "Kecamatan": data.kecamatan,
            "Desa": data.nama_desa,
            "Tahun Anggaran": 2026,
            "Versi Anggaran": "murni",
            "Kode Kegiatan": line.kegiatan,
            "Kode Rekening": line.rekening,
            "Sumber Dana": line.sumber_dana,
            "Kode Kategori": line.kategori,
            "Uraian": line.uraian,
            "Volume": line.volume,
            "Satuan": line.satuan,
            "Harga Satuan": line.harga_satuan,
            "Jumlah": line.jumlah,
        }
    assert sum(r["Jumlah"] for r in rows) == data.lines.total
    assert ws["N2"].number_format == "#,##0" and ws["F2"].data_type == "s"


def test_rincian_one_row_per_covered_person(exported: tuple[Any, Path]) -> None:
    data, path = exported
    rows = _dicts(load_workbook(path)[L.RINCIAN])
    persons = data.simulation.persons
    assert len(rows) == len(persons)
    for row, p in zip(rows, persons, strict=True):
        assert (row["Kode Desa"], row["Kecamatan"], row["Desa"]) == (
            data.kode_desa, data.kecamatan, data.nama_desa,
        )  # fmt: skip
        assert row["NIK"] == mask_nik(p.nik) and p.nik[6:12] not in row["NIK"]
        assert row["Nama"] == p.nama
        assert row["Jumlah Bulan"] == len(p.months)
        assert row["Bulan Dilindungi"] == month_ranges(p.months)
        paid = row["Iuran Desa Setahun"] + row["Potongan Setahun"] + row["Dibayar Pemda Setahun"]
        assert paid == p.desa + p.potongan
    assert sum(r["Iuran Desa Setahun"] for r in rows) == data.simulation.desa
    assert "Nomor KPJ" not in rows[0]


def test_text_that_looks_like_a_formula_stays_text(exported: tuple[Any, Path]) -> None:
    _data, path = exported
    ws = load_workbook(path)[L.RINCIAN]
    names = [c for c in ws["G"][1:] if str(c.value).startswith(("=", "+"))]
    assert names, "the generator makes names beginning with = and +"
    assert all(c.data_type == "s" for c in names)
    with zipfile.ZipFile(path) as z:
        sheet_xml = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in z.read(n) for n in sheet_xml)


def test_full_nik_and_kpj_only_on_request(tmp_path: Path) -> None:
    data = village(3, 25)
    path = export_dpmd(tmp_path / "full.xlsx", data, full_nik=True, include_kpj=True)
    ws = load_workbook(path)[L.RINCIAN]
    rows = _dicts(ws)
    first = data.simulation.persons[0]
    assert rows[0]["NIK"] == first.nik and ws["F2"].data_type == "s"
    assert rows[0]["Nomor KPJ"] == data.kpj[first.person_id]
    assert list(rows[0])[-1] == "Nomor KPJ"


def test_print_setup_and_header(exported: tuple[Any, Path]) -> None:
    _data, path = exported
    wb = load_workbook(path)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.b
        assert ws.print_title_rows == "$1:$1"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        wide = 1 if ws.title != L.RINCIAN else ws.page_setup.fitToWidth
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (wide, 0)
        assert ws.page_setup.paperSize == 9
    assert wb[L.RINCIAN].page_setup.orientation == "landscape"
    assert not any(ws.merged_cells.ranges for ws in wb.worksheets)


def test_draft_version_and_no_perdes(tmp_path: Path) -> None:
    data = replace(village(4, 20), versi="draf", nomor_perdes="", tanggal_perdes=None)
    info = dict(_rows(load_workbook(export_dpmd(tmp_path / "d.xlsx", data))[L.INFO])[1:])
    assert info[L.K_VERSI] == "draf"
    assert info[L.K_NOMOR_PERDES] is None and info[L.K_TANGGAL_PERDES] is None


def test_month_ranges() -> None:
    assert month_ranges(range(1, 13)) == "1-12"
    assert month_ranges((1, 2, 3, 7, 9, 10)) == "1-3, 7, 9-10"
    assert month_ranges(()) == ""


def test_a_pemda_paid_person_is_not_apbdes_spending(tmp_path: Path) -> None:
    data = village(11, 120)
    pemda = [p for p in data.simulation.persons if p.dibayar_oleh == "pemda"]
    assert pemda, "the generator marks some persons dibayar Pemda"
    rows = _dicts(load_workbook(export_dpmd(tmp_path / "p.xlsx", data))[L.RINCIAN])
    marked = [r for r in rows if r["Dibayar Oleh"] == "Pemda"]
    assert len(marked) == len(pemda)
    assert all(r["Iuran Desa Setahun"] == 0 for r in marked)
    assert sum(r["Dibayar Pemda Setahun"] for r in marked) == data.simulation.pemda


def test_every_data_row_names_its_village_year_and_version(exported: tuple[Any, Path]) -> None:
    """A clerk stacks the Anggaran (or Rekap, or Rincian) sheets of forty villages: each row
    still says whose it is."""
    data, path = exported
    wb = load_workbook(path)
    expected = (data.kode_desa, data.kecamatan, data.nama_desa, 2026, "murni")
    for sheet in (L.REKAP, L.ANGGARAN, L.RINCIAN):
        header, *rows = _rows(wb[sheet])
        assert header[:5] == ("Kode Desa", "Kecamatan", "Desa", "Tahun Anggaran", "Versi Anggaran")
        assert rows and all(row[:5] == expected for row in rows), sheet


def test_printing_identifies_the_village_and_keeps_the_rincian_readable(
    exported: tuple[Any, Path],
) -> None:
    data, path = exported
    wb = load_workbook(path)
    for ws in wb.worksheets:
        assert data.nama_desa in ws.oddHeader.left.text and data.kode_desa in ws.oddHeader.left.text
        assert ws.oddHeader.right.text == "TA 2026, APBDes murni"
        assert ws.oddFooter.right.text == "Halaman &P dari &N"
        assert ws.row_dimensions[1].height >= 15
    rincian = wb[L.RINCIAN]
    # Not squeezed onto one page wide: two or more landscape pages, NIK and Nama on each.
    assert rincian.page_setup.fitToWidth >= 2 and rincian.page_setup.orientation == "landscape"
    assert rincian.print_title_cols == "$F:$G"
    assert [rincian.cell(1, c).value for c in (6, 7)] == ["NIK", "Nama"]
    # The identity columns are for stacking; the printed page names the village in its header.
    assert rincian.print_area == f"'Rincian'!$F$1:$U${len(data.simulation.persons) + 1}"
    assert wb[L.REKAP].page_setup.fitToWidth == 1 and wb[L.REKAP].print_area.startswith(
        "'Rekap'!$G$1"
    )
