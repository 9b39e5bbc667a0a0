"""Cell values of either reader as text, whole rupiah, volumes and dates."""

import binascii
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from desa_budget.money import round_rupiah
from desa_budget.siskeudes.tables import Value

# ISO (access-parser), then mdb-export's default "%m/%d/%y %H:%M:%S" and its four-digit year.
_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%m/%d/%y %H:%M:%S", "%m/%d/%Y %H:%M:%S")


def text(value: Value) -> str:
    if value is None or isinstance(value, bytes):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def decimal(value: Value) -> Decimal | None:
    if value is None or isinstance(value, bytes) or text(value) == "":
        return None
    try:
        # repr of a float is its shortest exact form: 120000000.0, never 119999999.99999
        return Decimal(repr(value) if isinstance(value, float) else text(value).replace(",", "."))
    except InvalidOperation:
        return None


def rupiah(value: Value) -> int | None:
    amount = decimal(value)
    return None if amount is None else round_rupiah(amount)


def volume(value: Value) -> str:
    amount = decimal(value)
    if amount is None:
        return ""
    return format(amount.normalize(), "f")


def day(value: Value) -> date | None:
    raw = text(value)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def binary(value: Value) -> bytes | None:
    """An OLE field: bytes from access-parser, hex text from ``mdb-export -b hex``; else None."""
    if isinstance(value, bytes):
        return value or None
    raw = text(value)
    try:
        return binascii.unhexlify(raw) if raw else None
    except (binascii.Error, ValueError):
        return None
