"""An import's list of problems to keep: as tab-separated text (the clipboard, a .txt file, a
print-out) or as a workbook, so the file can be fixed row by row away from the screen."""

from collections.abc import Sequence
from pathlib import Path

from desa_budget.i18n import N_, _
from desa_budget.roster.workbook.problems import ImportProblem

HEADERS = (N_("Baris"), N_("Kolom"), N_("Isi sel"), N_("Masalah"))


def _cells(problem: ImportProblem) -> tuple[str, str, str, str]:
    row = "" if problem.row is None else str(problem.row)
    return row, problem.column, problem.value, problem.message[:1].upper() + problem.message[1:]


def problems_text(problems: Sequence[ImportProblem], *, title: str = "") -> str:
    """A header line and one tab-separated line per problem (pastes into Excel as columns)."""
    lines = [title] if title else []
    lines.append("\t".join(_(h) for h in HEADERS))
    lines.extend("\t".join(_cells(p)) for p in problems)
    return "\n".join(lines) + "\n"


def write_problems(path: Path | str, problems: Sequence[ImportProblem], *, title: str = "") -> Path:
    """Save the list: a workbook for ".xlsx", else UTF-8 text."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path.write_text(problems_text(problems, title=title), encoding="utf-8")
        return path
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Masalah"
    if title:
        sheet.append([title])
    sheet.append([_(h) for h in HEADERS])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for problem in problems:
        sheet.append(list(_cells(problem)))
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # a cell that held "=…" stays text
    for letter, width in zip("ABCD", (8, 18, 24, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    workbook.save(path)
    return path
