"""Rounding, Indonesian number formatting and terbilang, checked against hand-written cases."""

from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desa_budget.format import (
    format_cell,
    format_decimal,
    format_number,
    format_rp,
    terbilang,
    terbilang_rupiah,
)
from desa_budget.money import round_ratio, round_rupiah
from desa_budget.rules import load_rules


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("10799.5", 10800), ("10800.49", 10800), ("0.5", 1), ("2.5", 3), ("1234.4999", 1234)],
)
def test_round_half_up_to_whole_rupiah(amount: str, expected: int) -> None:
    assert round_rupiah(Decimal(amount)) == expected


def _decimal_half_up(amount: Decimal) -> int:
    """The rounding as the app first wrote it: Decimal.quantize with ROUND_HALF_UP."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@given(st.integers(-(10**15), 10**15), st.integers(0, 8))
def test_round_rupiah_is_decimal_half_up(units: int, places: int) -> None:
    amount = Decimal(units).scaleb(-places)  # e.g. 10799.5, -2.5, 1234.4999
    assert round_rupiah(amount) == _decimal_half_up(amount)


@given(st.integers(-(10**15), 10**15), st.integers(1, 10**9))
def test_round_ratio_is_decimal_half_up_of_the_exact_quotient(numerator: int, den: int) -> None:
    with localcontext() as exact:
        exact.prec = 60  # enough digits that n/d is never rounded across a half
        quotient = Decimal(numerator) / Decimal(den)
        assert round_ratio(numerator, den) == _decimal_half_up(quotient)


def _rates() -> list[Decimal]:
    """Every rate in the rule tables: PU shares and totals, BPU JKK and JHT, the BPU discount."""
    rules = load_rules()
    found: set[Decimal] = set()
    for series in rules.pu_series.values():
        for rate in series.values:
            found |= {rate.employer, rate.worker, rate.total}
    for params in rules.bpu_series.values:
        found |= {params.jkk, params.jht}
    for discounts in rules.discount_series.values():
        found |= {d.factor for d in discounts.values}
    return sorted(found)


@given(st.integers(0, 10**11), st.sampled_from(_rates()))
def test_a_wage_times_a_rate_as_integer_fraction_rounds_like_decimal(
    base: int, rate: Decimal
) -> None:
    n, d = rate.as_integer_ratio()  # how the engine holds its rates
    assert round_ratio(base * n, d) == _decimal_half_up(Decimal(base) * rate)


def test_formats() -> None:
    assert format_rp(2426640) == "Rp2.426.640"
    assert format_number(2426640) == "2.426.640"
    assert format_number(999) == "999"
    assert format_cell(0) == "-"
    assert format_cell(1512000) == "1.512.000"
    assert format_decimal(Decimal("0.54")) == "0,54"
    assert format_decimal(Decimal("31.2549")) == "31,25"
    assert format_decimal(Decimal("1234.5"), 1) == "1.234,5"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (15, "lima belas"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (250, "dua ratus lima puluh"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (11000, "sebelas ribu"),
        (100000, "seratus ribu"),
        (101000, "seratus satu ribu"),
        (1000000, "satu juta"),
        (1001000, "satu juta seribu"),
        (2426640, "dua juta empat ratus dua puluh enam ribu enam ratus empat puluh"),
        (9456000, "sembilan juta empat ratus lima puluh enam ribu"),
        (1000000000, "satu miliar"),
        (2000000000000, "dua triliun"),
        (1000001001001, "satu triliun satu juta seribu satu"),
    ],
)
def test_terbilang_hand_written_cases(n: int, words: str) -> None:
    assert terbilang(n) == words


def test_terbilang_rupiah_suffix() -> None:
    assert terbilang_rupiah(201600) == "dua ratus satu ribu enam ratus rupiah"


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_terbilang_never_says_satu_before_ratus_or_ribu(n: int) -> None:
    words = terbilang(n)
    assert "satu ratus" not in words
    assert "satu puluh" not in words
    assert "satu belas" not in words
    assert "  " not in words
    # "satu ribu" is wrong alone ("seribu"), but fine inside "... satu ribu" after ratus/puluh
    assert not words.startswith("satu ribu")
