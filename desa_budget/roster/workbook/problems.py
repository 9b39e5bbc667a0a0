"""Problems in a roster workbook as records (row, column, value, message), from the reader to the
window and the command line; a record's text is the one Indonesian line the user reads."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desa_budget.errors import UserError
from desa_budget.format import format_date
from desa_budget.i18n import _


@dataclass(frozen=True)
class ImportProblem:
    row: int | None  # the spreadsheet's row number (headers are row 1); None: not one data row
    column: str  # the column's header ("Tanggal Lahir"), or its letter when it has none; "" = none
    value: str  # the cell as the file holds it, as text ("" when empty)
    message: str  # what is wrong, in Indonesian, as shown

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("Baris {row}, kolom {column}: {message}").format(
                row=self.row, column=self.column, message=self.message
            )
        if self.row is not None:
            return _("Baris {row}: {message}").format(row=self.row, message=self.message)
        if self.column:
            return _("Kolom {column} {message}").format(column=self.column, message=self.message)
        return self.message


class ImportRefused(UserError):
    """The file cannot be imported: ``problems`` holds every record, ``details`` their text."""

    def __init__(self, message: str, problems: Sequence[ImportProblem]) -> None:
        super().__init__(message, details=[str(p) for p in problems])
        self.problems = tuple(problems)


def problems_of(error: UserError) -> tuple[ImportProblem, ...]:
    """The records of a refused import; any other problem (a damaged file, a rule table) as
    records with only a message, one per line of it."""
    if isinstance(error, ImportRefused):
        return error.problems
    return tuple(ImportProblem(None, "", "", line) for line in error.details or [error.message])


SHOWN_CHARACTERS = 80  # a record shows the start of a long cell, not a whole page of it


def cell_text(value: Any) -> str:
    """A cell's value as the user typed it: dates as DD-MM-YYYY, 12.0 as 12, empty as "";
    a long text cut to its first 80 characters and "…"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float):
        # as Excel stored it: 15 significant digits (a NIK's lost 16th is not made up here)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.15G}"
    text = str(value).strip()
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + "…"
