"""The RAB for Siskeudes: Siskeudes' RAB detail columns, codes in its notation, every row
volume × harga satuan = anggaran, the whole equal to the version's desa total to the rupiah."""

from pathlib import Path
from typing import Any

import pytest
from budget_helpers import DESA_TOTAL, YEAR, small_village
from openpyxl import load_workbook
from sheets_helpers import village

from desa_budget.cli import build_parser, run_command
from desa_budget.sheets.siskeudes import COLUMNS, SHEET, export_siskeudes


def rows_of(path: Path) -> list[dict[str, Any]]:
    header, *rows = load_workbook(path)[SHEET].iter_rows(values_only=True)
    assert header == tuple(c.header for c in COLUMNS)
    return [dict(zip(header, r, strict=True)) for r in rows]


@pytest.mark.parametrize("index", [7, 11, 13])
def test_rows_add_up_to_the_budget_lines(tmp_path: Path, index: int) -> None:
    data = village(index, 80)
    rows = rows_of(export_siskeudes(tmp_path / "rab.xlsx", data))
    assert sum(r["Anggaran"] for r in rows) == data.lines.total
    for row in rows:
        assert row["Volume"] * row["Harga Satuan"] == row["Anggaran"]
        assert row["Kode Kegiatan"].endswith(".") and row["Kode Kegiatan"][2] == "."
        assert row["Kode Rekening"].count(".") == 4 and row["Kode Rekening"].endswith(".")
        assert row["Satuan"] == "OB" and row["Sumber Dana"] in ("ADD", "PAD", "DDS")
    # Numbered from 1 within each kegiatan and rekening.
    keys = [(r["Kode Kegiatan"], r["Kode Rekening"]) for r in rows]
    for key in set(keys):
        assert [r["No"] for r in rows if (r["Kode Kegiatan"], r["Kode Rekening"]) == key] == list(
            range(1, keys.count(key) + 1)
        )
    # A line whose price changes during the year becomes one row per price.
    varying = [ln for ln in data.lines.lines if ln.harga_satuan is None]
    assert len(rows) >= len(data.lines.lines) + len(varying)


def test_export_siskeudes_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_village(tmp_path)
    out = tmp_path / "rab.xlsx"
    argv = ["--data-dir", str(tmp_path / "data"), "export", "siskeudes", "--year", str(YEAR),
            "--out", str(out)]  # fmt: skip
    assert run_command(build_parser().parse_args(argv)) == 0
    rows = rows_of(out)
    assert sum(r["Anggaran"] for r in rows) == DESA_TOTAL
    kades = next(r for r in rows if "Kepala Desa" in r["Uraian"])
    assert (kades["Kode Kegiatan"], kades["Kode Rekening"]) == ("01.01.03.", "5.1.3.03.")
    assert (kades["Volume"], kades["Harga Satuan"], kades["Anggaran"]) == (12, 351_120, 4_213_440)
    notes = dict(load_workbook(out)["Keterangan"].iter_rows(values_only=True))
    assert notes["Jumlah Anggaran"] == DESA_TOTAL and notes["Versi Anggaran"] == "draf"
    assert "RAB" in capsys.readouterr().out
