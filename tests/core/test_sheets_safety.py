"""The shared writer's safety: text never a formula, atomic files, the SIPP map, the consolidate command."""

import argparse
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sheets_helpers import village

from desa_budget.cli import IndonesianArgumentParser, export_cmds, run_command
from desa_budget.errors import UserError
from desa_budget.sheets.dpmd import export_dpmd
from desa_budget.sheets.sipp import load_columns
from desa_budget.sheets.xlsx_style import Column, new_workbook, save_atomic, write_table

DANGEROUS = ("=1+1", "+6281234", "-2", "@SUM(A1)", '=HYPERLINK("http://x","klik")')


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    wb = new_workbook(title="uji")
    columns = (Column("Teks"), Column("Jumlah", "amount"))
    write_table(wb.create_sheet("Data"), columns, [[text, 10_000_000] for text in DANGEROUS])
    path = save_atomic(wb, tmp_path / "aman.xlsx")
    ws = load_workbook(path)["Data"]
    cells = [row[0] for row in ws.iter_rows(min_row=2)]
    assert [c.value for c in cells] == list(DANGEROUS)
    assert all(c.data_type == "s" for c in cells)
    amount = ws["B2"]
    assert amount.value == 10_000_000 and type(amount.value) is int
    assert amount.number_format == "#,##0"


def test_failed_save_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "desa.xlsx"
    target.write_bytes(b"the earlier, complete file")

    def broken_save(self: Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(UserError, match="tidak dapat ditulis: No space left on device"):
        export_dpmd(target, village(1, 20))
    assert target.read_bytes() == b"the earlier, complete file"
    assert [p.name for p in tmp_path.iterdir()] == ["desa.xlsx"]

    fresh = tmp_path / "baru.xlsx"

    def bug(self: Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"PK")
        raise RuntimeError("a bug while saving")

    monkeypatch.setattr(Workbook, "save", bug)
    with pytest.raises(RuntimeError):
        export_dpmd(fresh, village(1, 20))
    assert not fresh.exists() and [p.name for p in tmp_path.iterdir()] == ["desa.xlsx"]


def test_target_checked_before_writing(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="berakhiran .xlsx"):
        export_dpmd(tmp_path / "desa.xls", village(1, 20))
    with pytest.raises(UserError, match="Folder tidak ditemukan"):
        export_dpmd(tmp_path / "tidak_ada" / "desa.xlsx", village(1, 20))


def test_sipp_column_map(tmp_path: Path) -> None:
    columns = load_columns()
    assert {c.sheet for c in columns} == {"PU", "BPU", "BPU Kolektif"}
    assert all(c.status == "belum dikonfirmasi" for c in columns if c.header == "NIK")
    assert all(c.status in ("belum dikonfirmasi", "aplikasi") for c in columns)
    required = {c.header for c in columns if c.sheet == "PU" and c.required}
    assert {"No HP", "Email", "Alamat", "Nama Ibu Kandung", "Status Pegawai"} <= required
    bad = tmp_path / "columns.csv"
    bad.write_text(
        "sheet,header,field,type,required,source,notes\n"
        "PU,NIK,nik,text,ya,x,\n"
        "PU,Gaji,gaji,amount,ya,x,\n"
        "XX,NIK,nik,text,mungkin,x,\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError) as info:
        load_columns(bad)
    assert any("baris 3" in d and "gaji" in d for d in info.value.details)
    assert any("sheet BPU tanpa kolom" in d for d in info.value.details)
    assert any("sheet BPU Kolektif tanpa kolom" in d for d in info.value.details)


def _consolidate_cli(*argv: str) -> int:
    parser = IndonesianArgumentParser(prog="app.py")
    sub = parser.add_subparsers(dest="command", parser_class=IndonesianArgumentParser)
    export_cmds.register(sub)
    args: argparse.Namespace = parser.parse_args(["consolidate", *argv])
    return run_command(args)


def test_consolidate_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    export_dpmd(folder / "a.xlsx", village(1, 20))
    (folder / "b.xlsx").write_text("rusak")
    out, pdf = tmp_path / "rekap.xlsx", tmp_path / "rekap.pdf"
    assert _consolidate_cli(str(folder), "--out", str(out), "--pdf", str(pdf)) == 0
    captured = capsys.readouterr()
    assert "b.xlsx: tidak dipakai, berkas rusak" in captured.err
    assert "1 berkas dipakai, 1 tidak dipakai" in captured.out
    assert out.is_file() and pdf.read_bytes().startswith(b"%PDF")

    none_out = tmp_path / "kosong.xlsx"
    assert _consolidate_cli(str(folder / "b.xlsx"), "--out", str(none_out)) == 2
    assert "tidak ada berkas yang dapat dipakai" in capsys.readouterr().err
    assert not none_out.exists()
