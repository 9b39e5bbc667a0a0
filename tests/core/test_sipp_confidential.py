"""The SIPP registration sheet holds every unregistered person's full NIK, as BPJS needs: the file
says so in its first row and its name, and the command line says so too."""

import argparse
from pathlib import Path

import pytest
from budget_helpers import YEAR, small_village
from openpyxl import load_workbook

from desa_budget.cli import IndonesianArgumentParser, export_cmds, run_command
from desa_budget.sheets.sipp import HEADER_ROW, SUGGESTED_NAME, export_sipp, gather_sipp_data


def test_every_sheet_opens_with_a_confidentiality_notice(tmp_path: Path) -> None:
    db, _ids = small_village(tmp_path)
    with db.session() as s:
        data = gather_sipp_data(s, year=YEAR)
    path = tmp_path / SUGGESTED_NAME.format(year=YEAR)
    export_sipp(path, data)
    assert "RAHASIA" in path.name
    wb = load_workbook(path)
    for name in wb.sheetnames:
        notice = str(wb[name]["A1"].value)
        assert notice.startswith("RAHASIA") and "NIK lengkap" in notice, name
    pu = wb["PU"]
    assert HEADER_ROW == 2 and pu.cell(row=HEADER_ROW, column=2).value == "NIK"  # after "No"
    assert pu.freeze_panes == "A3" and pu.auto_filter.ref.startswith("A2:")
    assert pu.print_title_rows in ("1:2", "$1:$2")
    assert "RAHASIA" in (wb.properties.keywords or "")
    db.dispose()


def test_the_command_line_warns_about_full_niks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_village(tmp_path)[0].dispose()
    parser = IndonesianArgumentParser(prog="app.py")
    parser.add_argument("--data-dir")
    parser.add_argument("--db")
    export_cmds.register(
        parser.add_subparsers(dest="command", parser_class=IndonesianArgumentParser)
    )
    out = tmp_path / "sipp.xlsx"
    args: argparse.Namespace = parser.parse_args(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "export",
            "sipp",
            "--year",
            str(YEAR),
            "--out",
            str(out),
        ]
    )
    assert run_command(args) == 0
    printed = capsys.readouterr().out
    assert "NIK lengkap" in printed and "RAHASIA" in printed
