"""The command line starts with what its command needs: parsing the arguments imports no
spreadsheet library (openpyxl takes a noticeable part of a short command's start)."""

import subprocess
import sys

from desa_budget.cli.export_cmds import PAPERS
from desa_budget.sheets.xlsx_style import PAPER_SIZES


def test_the_paper_choices_are_the_workbook_writers_own() -> None:
    assert sorted(PAPERS) == sorted(PAPER_SIZES)


def test_parsing_a_command_line_imports_no_spreadsheet_library() -> None:
    code = (
        "import sys\n"
        "from desa_budget.cli import build_parser\n"
        "build_parser().parse_args(['annex', '--year', '2026', '--doc', 'all', '--out', 'x.pdf'])\n"
        "print(sorted(m for m in ('openpyxl', 'python_calamine') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
