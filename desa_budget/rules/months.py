"""Months as one integer (year * 12 + month - 1) and as "YYYY-MM" text."""

import re

from desa_budget.format import month_label

_YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def month_index(year: int, month: int) -> int:
    """A month as one integer, so months compare and subtract like numbers."""
    return year * 12 + month - 1


def year_month(index: int) -> tuple[int, int]:
    """The inverse of :func:`month_index`."""
    return index // 12, index % 12 + 1


def parse_year_month(text: str) -> tuple[int, int] | None:
    """ "2026-03" -> (2026, 3); anything else (also month 13 or year 0000) -> None."""
    match = _YEAR_MONTH.fullmatch(text.strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if year < 1 or not 1 <= month <= 12:
        return None
    return year, month


def iso_month(year: int, month: int) -> str:
    """(2026, 3) -> "2026-03"."""
    return f"{year:04d}-{month:02d}"


def label_of_index(index: int) -> str:
    return month_label(*year_month(index))
