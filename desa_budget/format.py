"""Numbers and dates as Indonesian text: rupiah, thousands, rates, month names, dates, terbilang.

The window, the PDFs, the spreadsheets and the command line all format through here.
"""

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from desa_budget.i18n import N_

# Marked for the catalog: the window shows month names translated, the documents as they are.
MONTH_NAMES: tuple[str, ...] = (
    N_("Januari"),
    N_("Februari"),
    N_("Maret"),
    N_("April"),
    N_("Mei"),
    N_("Juni"),
    N_("Juli"),
    N_("Agustus"),
    N_("September"),
    N_("Oktober"),
    N_("November"),
    N_("Desember"),
)
MONTH_ABBR: tuple[str, ...] = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("Mei"),
    N_("Jun"),
    N_("Jul"),
    N_("Agu"),
    N_("Sep"),
    N_("Okt"),
    N_("Nov"),
    N_("Des"),
)


def format_number(amount: int) -> str:
    """2426640 -> "2.426.640"; negative numbers keep their sign."""
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(amount):,}".replace(",", ".")


def format_rp(amount: int) -> str:
    """2426640 -> "Rp2.426.640" (prose form)."""
    if amount < 0:
        return "-Rp" + format_number(-amount)
    return "Rp" + format_number(amount)


def format_cell(amount: int) -> str:
    """Table form: "2.426.640", and "-" for zero."""
    return "-" if amount == 0 else format_number(amount)


def format_decimal(value: Decimal, places: int = 2) -> str:
    """A rate or percentage with comma decimals: Decimal("0.54") -> "0,54"."""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    return sign + format_number(int(whole)) + ("," + frac if frac else "")


def format_growth(value: Decimal) -> str:
    """A percentage as typed, without trailing zeros: 4.29 -> "4,29", 5.00 -> "5", 3.5 -> "3,5"."""
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_decimal(value, places)


def month_label(year: int, month: int) -> str:
    """(2026, 3) -> "Maret 2026"."""
    return N_("{month} {year}").format(month=MONTH_NAMES[month - 1], year=year)


def tanggal_indonesia(day: date) -> str:
    """date(2026, 1, 2) -> "2 Januari 2026" (as printed in the documents)."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_date(day: date | None, empty: str = "") -> str:
    """date(1985, 7, 5) -> "05-07-1985", the form people type and read in tables."""
    return day.strftime("%d-%m-%Y") if day is not None else empty


def format_time(moment: datetime, *, seconds: bool = False) -> str:
    """A timestamp as "05-07-2026 14:30" (with ":05" seconds when asked)."""
    return moment.strftime("%d-%m-%Y %H:%M:%S" if seconds else "%d-%m-%Y %H:%M")


# Terbilang: amounts in Indonesian words, as printed under totals.

_UNITS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))
MAX_AMOUNT = 10**15 - 1


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_UNITS[hundreds], "ratus"]
    if rest == 0:
        return words
    if rest < 12:
        words.append(_UNITS[rest])
    elif rest < 20:
        words += [_UNITS[rest - 10], "belas"]
    else:
        tens, ones = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"]
        if ones:
            words.append(_UNITS[ones])
    return words


def _words(n: int) -> list[str]:
    words: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count:
            words += _words(count) + [name]
    thousands, n = divmod(n, 1000)
    if thousands == 1:
        words.append("seribu")
    elif thousands > 1:
        words += _below_thousand(thousands) + ["ribu"]
    return words + _below_thousand(n)


def terbilang(amount: int) -> str:
    """1001000 -> "satu juta seribu"; 0 -> "nol". Up to 999 triliun."""
    if amount < 0:
        return "minus " + terbilang(-amount)
    if amount > MAX_AMOUNT:
        raise ValueError(f"angka terlalu besar untuk terbilang: {amount}")
    if amount == 0:
        return "nol"
    return " ".join(_words(amount))


def terbilang_rupiah(amount: int) -> str:
    """2426640 -> "dua juta empat ratus dua puluh enam ribu enam ratus empat puluh rupiah"."""
    return terbilang(amount) + " rupiah"


_TYPED_DATE = re.compile(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})")
_TYPED_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_typed_date(text: str) -> date | None:
    """A date as people type it: "05-07-1985", "5/7/1985", "05.07.1985", "05071985" (day first)
    or "1985-07-05"; None when the text is not (yet) a whole date that exists."""
    text = text.strip()
    found = _TYPED_DATE.fullmatch(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
    elif (iso := _TYPED_ISO.fullmatch(text)) is not None:
        year, month, day = (int(part) for part in iso.groups())
    elif len(text) == 8 and text.isdigit():
        day, month, year = int(text[:2]), int(text[2:4]), int(text[4:])
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
