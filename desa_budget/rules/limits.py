"""Dated limits the checks use: PP 11/2019 siltap minimums and the 30 % ceiling (resources/codes)."""

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.paths import resources_dir
from desa_budget.village import categories


@dataclass(frozen=True)
class Limits:
    siltap_minimum: dict[str, int]  # category key -> rupiah per month
    batas_persen: Decimal  # the 30 % ceiling, in percent


def _in_force(row: dict[str, str], year: int, where: str) -> bool:
    start, end = row.get("valid_from", "").strip(), (row.get("valid_to") or "").strip()
    try:
        first = int(start[:4])
        last = int(end[:4]) if end else 9999
    except ValueError as exc:
        raise UserError(
            _("{where}: tanggal berlaku '{start}'/'{end}' tidak sah (YYYY-MM).").format(
                where=where, start=start, end=end
            )
        ) from exc
    return first <= year <= last


def _rows(name: str, folder: Path) -> list[tuple[str, dict[str, str]]]:
    path = folder / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return [
                (_("{file} baris {line}").format(file=name, line=n), row)
                for n, row in enumerate(csv.DictReader(handle), 2)
            ]
    except OSError as exc:
        raise UserError(
            _("Berkas ketentuan {file} tidak dapat dibaca: {error}").format(file=name, error=exc)
        ) from exc


@cache
def _limits(year: int, folder: Path) -> Limits:
    minimums: dict[str, int] = {}
    for where, row in _rows("siltap_minimum.csv", folder):
        key, amount = row.get("kategori", "").strip(), row.get("minimum", "").strip()
        if key not in categories.APPARATUS:
            raise UserError(
                _("{where}: kategori '{key}' bukan kepala desa, sekretaris atau perangkat.").format(
                    where=where, key=key
                )
            )
        if not amount.isdigit():
            raise UserError(
                _("{where}: minimum '{amount}' bukan rupiah bulat.").format(
                    where=where, amount=amount
                )
            )
        if _in_force(row, year, where):
            if key in minimums:
                raise UserError(
                    _("{where}: dua baris berlaku bersamaan untuk {key}.").format(
                        where=where, key=key
                    )
                )
            minimums[key] = int(amount)
    percent: Decimal | None = None
    for where, row in _rows("batas_belanja.csv", folder):
        try:
            value = Decimal(row.get("nilai", "").strip())
        except InvalidOperation as exc:
            raise UserError(
                _("{where}: nilai '{value}' bukan angka.").format(
                    where=where, value=row.get("nilai")
                )
            ) from exc
        if value <= 0 or value > 100:
            raise UserError(
                _("{where}: persentase {value} di luar 0–100.").format(where=where, value=value)
            )
        if row.get("kunci", "").strip() == "batas_penghasilan_persen" and _in_force(
            row, year, where
        ):
            percent = value
    if percent is None:
        raise UserError(
            _("batas_belanja.csv: tidak ada batas penghasilan yang berlaku pada {year}.").format(
                year=year
            )
        )
    return Limits(minimums, percent)


def limits_for(year: int, folder: Path | None = None) -> Limits:
    """The limits in force in ``year`` (validated; file and row named on any problem)."""
    return _limits(year, (folder or resources_dir() / "codes").resolve())
