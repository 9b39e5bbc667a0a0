"""Integer rupiah: the one rounding function, and percentages read as Decimal fractions.

Turning amounts into text lives in desa_budget.format."""

from decimal import ROUND_HALF_UP, Decimal

_ONE = Decimal(1)


def round_rupiah(amount: Decimal) -> int:
    """Round a Decimal amount half up to whole rupiah. The only rounding in the app."""
    return int(amount.quantize(_ONE, rounding=ROUND_HALF_UP))


def pct(text: str) -> Decimal:
    """A percentage written as text ("0.24") as a Decimal fraction (0.0024)."""
    return Decimal(text) / Decimal(100)
