"""Dated limits the checks use: PP 11/2019 siltap minimums and the 30 % ceiling, read from
resources/rules through the same table reader as the BPJS tables (periods checked, file and row named)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.paths import resources_dir
from desa_budget.rules.months import month_index
from desa_budget.rules.table import (
    Column,
    ParsedRow,
    TableSpec,
    decimal_value,
    one_of,
    read_table,
    whole_value,
)
from desa_budget.village import categories

CEILING_KEY = "batas_penghasilan_persen"


@dataclass(frozen=True)
class Limits:
    siltap_minimum: dict[str, int]  # category key -> rupiah per month
    batas_persen: Decimal  # the 30 % ceiling, in percent


def _percent_check(values: Mapping[str, object]) -> str | None:
    value = values["nilai"]
    if isinstance(value, Decimal) and not 0 < value <= 100:
        return _("persentase {value} di luar 0–100").format(value=value)
    return None


SILTAP_MINIMUM = TableSpec(
    file="siltap_minimum.csv",
    title=N_("Penghasilan tetap minimum (PP 11/2019)"),
    columns=(
        Column("kategori", one_of(*sorted(categories.APPARATUS))),
        Column("minimum", whole_value),
    ),
    key=("kategori",),
)
BATAS_BELANJA = TableSpec(
    file="batas_belanja.csv",
    title=N_("Batas belanja penghasilan tetap dan tunjangan"),
    columns=(Column("kunci", one_of(CEILING_KEY)), Column("nilai", decimal_value)),
    key=("kunci",),
    check=_percent_check,
)


@cache
def _read(folder: Path) -> tuple[tuple[ParsedRow, ...], tuple[ParsedRow, ...]]:
    errors: list[str] = []
    siltap = read_table(folder, SILTAP_MINIMUM, errors)[1]
    batas = read_table(folder, BATAS_BELANJA, errors)[1]
    if errors:
        raise UserError(errors[0], details=errors[1:])
    return tuple(siltap), tuple(batas)


def _in_year(rows: Sequence[ParsedRow], key: str, year: int) -> dict[object, ParsedRow]:
    """Per key, the row in force in ``year``; when a value changes during the year, the later
    row counts, so the budget meets the rule that holds at the year's end."""
    first, last = month_index(year, 1), month_index(year, 12)
    found: dict[object, ParsedRow] = {}
    for row in sorted(rows, key=lambda r: r.start):
        if row.start <= last and (row.end is None or row.end >= first):
            found[row.values[key]] = row
    return found


def siltap_minimums(year: int, folder: Path | None = None) -> dict[str, int]:
    """The PP 11/2019 minimums in force in ``year`` per category key (none before 2020)."""
    siltap = _read((folder or resources_dir() / "rules").resolve())[0]
    return {
        str(key): _whole(row.values["minimum"])
        for key, row in _in_year(siltap, "kategori", year).items()
    }


def limits_for(year: int, folder: Path | None = None) -> Limits:
    """The limits in force in ``year`` (validated; file and row named on any problem)."""
    batas = _read((folder or resources_dir() / "rules").resolve())[1]
    minimums = siltap_minimums(year, folder)
    ceiling = _in_year(batas, "kunci", year).get(CEILING_KEY)
    if ceiling is None:
        raise UserError(
            _("Tabel aturan {file}: tidak ada batas penghasilan yang berlaku pada {year}.").format(
                file=BATAS_BELANJA.file, year=year
            )
        )
    percent = ceiling.values["nilai"]
    assert isinstance(percent, Decimal)
    return Limits(minimums, percent)


def _whole(value: object) -> int:
    assert isinstance(value, int)
    return value
