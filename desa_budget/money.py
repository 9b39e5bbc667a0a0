"""Integer rupiah: the one rounding function, and percentages read as Decimal fractions.

Turning amounts into text lives in desa_budget.format."""

from decimal import Decimal


def round_ratio(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up (a half away from zero) to whole rupiah, in
    exact integer arithmetic. The only rounding in the app: a base times a rate held as an integer
    fraction (``rate.as_integer_ratio()``) is ``round_ratio(base * n, d)``."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    if numerator >= 0:
        return (2 * numerator + denominator) // (2 * denominator)
    return -((denominator - 2 * numerator) // (2 * denominator))


def round_rupiah(amount: Decimal) -> int:
    """Round a Decimal amount half up to whole rupiah (ROUND_HALF_UP), through :func:`round_ratio`."""
    numerator, denominator = amount.as_integer_ratio()
    return round_ratio(numerator, denominator)


def pct(text: str) -> Decimal:
    """A percentage written as text ("0.24") as a Decimal fraction (0.0024)."""
    return Decimal(text) / Decimal(100)
