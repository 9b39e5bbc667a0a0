"""Rounding, Indonesian number formatting and terbilang, checked against hand-written cases."""

from decimal import Decimal

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
from desa_budget.money import round_rupiah


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("10799.5", 10800), ("10800.49", 10800), ("0.5", 1), ("2.5", 3), ("1234.4999", 1234)],
)
def test_round_half_up_to_whole_rupiah(amount: str, expected: int) -> None:
    assert round_rupiah(Decimal(amount)) == expected


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
