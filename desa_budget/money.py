"""Integer rupiah: the one rounding function and Indonesian number formatting."""

from decimal import ROUND_HALF_UP, Decimal

_ONE = Decimal(1)


def round_rupiah(amount: Decimal) -> int:
    """Round a Decimal amount half up to whole rupiah. The only rounding in the app."""
    return int(amount.quantize(_ONE, rounding=ROUND_HALF_UP))


def pct(text: str) -> Decimal:
    """A percentage written as text ("0.24") as a Decimal fraction (0.0024)."""
    return Decimal(text) / Decimal(100)


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
