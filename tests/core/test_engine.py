"""The contribution engine against the worked amounts of domain.md §1-2, plus property tests."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desa_budget.contributions.engine import (
    Participation,
    months_in_post,
    quote_month,
    quote_months,
)
from desa_budget.contributions.results import ProgramAmount
from desa_budget.errors import UserError
from desa_budget.rules import load_rules

RULES = load_rules()
YEAR_2026 = [(2026, m) for m in range(1, 13)]
JKK_JKM = frozenset({"JKK", "JKM"})
ALL_PU = frozenset({"JKK", "JKM", "JHT", "JP"})


def pu(basis: int, programs: frozenset[str] = JKK_JKM, **kw: object) -> Participation:
    return Participation("PU", basis, programs, **kw)  # type: ignore[arg-type]


def bpu(basis: int, programs: frozenset[str] = JKK_JKM, **kw: object) -> Participation:
    return Participation("BPU", basis, programs, **kw)  # type: ignore[arg-type]


def amounts(
    p: Participation, year: int = 2026, month: int = 3, **kw: bool
) -> dict[str, tuple[int, int]]:
    result = quote_month(RULES, p, year, month, **kw)
    assert result.desa == sum(a.desa for a in result.programs.values())
    assert result.potongan == sum(a.potongan for a in result.programs.values())
    return {name: (a.desa, a.potongan) for name, a in result.programs.items()}


# --- the published village amounts ---------------------------------------------------------------


def test_rt_rw_tulungagung_10_800_on_2_000_000() -> None:
    assert amounts(pu(2_000_000)) == {"JKK": (4_800, 0), "JKM": (6_000, 0)}
    assert quote_months(RULES, pu(2_000_000), YEAR_2026).desa == 12 * 10_800


def test_kesesi_8_100_on_1_500_000() -> None:
    assert amounts(pu(1_500_000)) == {"JKK": (3_600, 0), "JKM": (4_500, 0)}


def test_jkk_class_1_plus_jkm_is_0_54_percent_serang_and_klaten() -> None:
    assert quote_month(RULES, pu(3_000_000), 2025, 6).desa == 16_200  # Kab. Serang kepala desa
    assert quote_month(RULES, pu(2_152_400), 2024, 6).desa == 11_623  # Klaten, UMK ≈ 2,15 juta


def test_jkk_classes() -> None:
    expected = {1: 4_800, 2: 10_800, 3: 17_800, 4: 25_400, 5: 34_800}  # 0.24/0.54/0.89/1.27/1.74 %
    for kelas, jkk in expected.items():
        got = amounts(pu(2_000_000, jkk_class=kelas))
        assert got == {"JKK": (jkk, 0), "JKM": (6_000, 0)}
    assert quote_month(RULES, pu(2_000_000, jkk_class=2), 2026, 3).desa == 16_800  # 0.84 %


def test_bpu_package_16_800_a_month_201_600_a_year_36_800_with_jht() -> None:
    assert amounts(bpu(1_000_000)) == {"JKK": (10_000, 0), "JKM": (6_800, 0)}
    assert quote_months(RULES, bpu(1_000_000), YEAR_2026).desa == 201_600
    with_jht = bpu(1_000_000, frozenset({"JKK", "JKM", "JHT"}))
    assert quote_month(RULES, with_jht, 2026, 3).desa == 36_800
    withheld = bpu(1_000_000, frozenset({"JKK", "JKM", "JHT"}), worker_share="potong")
    assert amounts(withheld)["JHT"] == (0, 20_000)
    assert amounts(bpu(1_000_000, jkk_class=5))["JKK"] == (10_000, 0)  # BPU JKK is 1 %, any class


def test_bpu_discount_halves_jkk_jkm_only_april_to_december_2026() -> None:
    on = quote_months(RULES, bpu(1_000_000), YEAR_2026, bpu_discount=True)
    assert [m.desa for m in on.months] == [16_800] * 3 + [8_400] * 9
    assert on.months[3].programs == {"JKK": ProgramAmount(5_000), "JKM": ProgramAmount(3_400)}
    assert on.desa == 126_000
    off = quote_months(RULES, bpu(1_000_000), YEAR_2026)
    assert off.desa == 201_600 and "tidak diterapkan" in off.assumptions[0]
    assert quote_month(RULES, bpu(1_000_000), 2027, 1, bpu_discount=True).desa == 16_800
    assert quote_month(RULES, pu(2_000_000), 2026, 5, bpu_discount=True).desa == 10_800
    jht = bpu(1_000_000, frozenset({"JHT"}))
    assert quote_month(RULES, jht, 2026, 5, bpu_discount=True).desa == 20_000  # JHT not halved


# --- worker shares ---------------------------------------------------------------------------------


def test_jht_3_7_and_2_split() -> None:
    jht = frozenset({"JHT"})
    assert amounts(pu(2_000_000, jht)) == {"JHT": (114_000, 0)}
    assert amounts(pu(2_000_000, jht, worker_share="potong")) == {"JHT": (74_000, 40_000)}


def test_jp_2_and_1_split() -> None:
    jp = frozenset({"JP"})
    assert amounts(pu(2_000_000, jp)) == {"JP": (60_000, 0)}
    assert amounts(pu(2_000_000, jp, worker_share="potong")) == {"JP": (40_000, 20_000)}


def test_rounding_full_amount_first_then_the_withheld_part() -> None:
    # 5.7 % of 1.000.025 = 57.001,425 -> 57.001; 2 % = 20.000,5 -> 20.001; the desa pays the rest.
    assert amounts(pu(1_000_025, frozenset({"JHT"}), worker_share="potong")) == {
        "JHT": (37_000, 20_001)
    }
    assert amounts(pu(1_000_025, frozenset({"JHT"}))) == {"JHT": (57_001, 0)}


# --- JP ceiling and age -----------------------------------------------------------------------------


def test_jp_ceiling_changes_in_march_2026() -> None:
    p = pu(12_000_000, frozenset({"JP"}), worker_share="potong", birth_date=date(1980, 1, 1))
    quote = quote_months(RULES, p, YEAR_2026)
    jan_feb = (10_547_400 * 3 // 100 - 10_547_400 // 100, 10_547_400 // 100)  # whole rupiah
    assert jan_feb == (210_948, 105_474)
    # 11.086.300 × 3 % = 332.589 and × 1 % = 110.863 exactly
    march_on = (332_589 - 110_863, 110_863)
    got = [(m.programs["JP"].desa, m.programs["JP"].potongan) for m in quote.months]
    assert got == [jan_feb] * 2 + [march_on] * 10
    assert quote.by_program["JP"] == ProgramAmount(
        2 * 210_948 + 10 * 221_726, 2 * 105_474 + 10 * 110_863
    )
    assert quote.assumptions == ()


def test_jp_below_the_ceiling_is_on_the_whole_basis() -> None:
    p = pu(5_000_000, frozenset({"JP"}), birth_date=date(1980, 1, 1))
    assert amounts(p, 2026, 1) == {"JP": (150_000, 0)}


def test_an_unpublished_ceiling_without_growth_is_the_last_one_and_said_once() -> None:
    # Growth 0 % is the old rule (the last published ceiling reused), now only when chosen.
    flat = RULES.with_ceiling_growth(Decimal(0))
    p = pu(12_000_000, frozenset({"JP"}), birth_date=date(1980, 1, 1))
    assert quote_months(flat, p, [(2027, 3)]).desa == 332_589
    quote = quote_months(flat, p, [(2027, m) for m in range(1, 13)])
    assert quote.assumptions == (
        "Batas upah JP mulai Maret 2027 belum diterbitkan; dipakai Rp11.086.300 "
        "(berlaku sejak Maret 2026).",
    )
    feb = quote_months(flat, p, [(2027, 2)])
    assert feb.assumptions == ()


def test_an_unpublished_ceiling_grows_by_the_published_average_and_says_so() -> None:
    p = pu(12_000_000, frozenset({"JP"}), birth_date=date(1980, 1, 1))
    # 11.561.900 (11.086.300 + 4,29 %, down to Rp 100) × 3 % = 346.857
    assert amounts(p, 2027, 3) == {"JP": (346_857, 0)}
    quote = quote_months(RULES, p, [(2027, m) for m in range(1, 13)])
    assert quote.desa == 2 * 332_589 + 10 * 346_857
    assert quote.assumptions == (
        "Batas upah JP mulai Maret 2027 belum diterbitkan; diasumsikan Rp11.561.900: "
        "Rp11.086.300 (berlaku sejak Maret 2026) naik 4,29% per tahun, rata-rata kenaikan yang "
        "diterbitkan, dibulatkan ke bawah ke Rp100.",
    )


def test_jp_stops_after_the_birthday_month_of_the_retirement_age() -> None:
    # born May 1967: turns 59 (the JP age in 2026) in May 2026 -> JP January..May only
    p = pu(3_000_000, ALL_PU, birth_date=date(1967, 5, 20))
    quote = quote_months(RULES, p, YEAR_2026)
    assert [m.programs["JP"].desa for m in quote.months] == [90_000] * 5 + [0] * 7
    assert [m.programs["JHT"].desa for m in quote.months] == [171_000] * 12
    assert any("Juni 2026" in a and "59 tahun" in a for a in quote.assumptions)
    assert quote_month(RULES, p, 2027, 1).programs["JP"] == ProgramAmount()


def test_jp_does_not_restart_when_the_retirement_age_rises() -> None:
    # born November 1968: reaches 59 (the 2027 age) in November 2027; 2028's age 60 does not revive JP
    p = pu(3_000_000, frozenset({"JP"}), birth_date=date(1968, 11, 2))
    months_2027 = quote_months(RULES, p, [(2027, m) for m in range(1, 13)]).months
    assert [m.desa for m in months_2027] == [90_000] * 11 + [0]
    assert quote_months(RULES, p, [(2028, m) for m in range(1, 13)]).desa == 0


def test_no_jp_for_someone_past_the_jp_age_when_jp_began() -> None:
    # JP began in July 2015 with age 56. Born October 1950: 56 in October 2006, long before JP
    # existed, so never any JP (not July..October 2015, the birthday month of 2015).
    p = pu(3_000_000, ALL_PU, birth_date=date(1950, 10, 5))
    quote = quote_months(RULES, p, [(2015, m) for m in range(7, 13)])
    assert [m.programs["JP"].desa for m in quote.months] == [0] * 6
    assert [m.programs["JHT"].desa for m in quote.months] == [171_000] * 6
    assert any("Oktober 2006" in a and "Juli 2015" in a for a in quote.assumptions)
    # born June 1959: 56 in June 2015, the month before JP began -> none either
    june = pu(3_000_000, frozenset({"JP"}), birth_date=date(1959, 6, 30))
    assert quote_months(RULES, june, [(2015, m) for m in range(7, 13)]).desa == 0
    # born July 1959: 56 in July 2015 -> JP for July 2015 only, its birthday month
    july = pu(3_000_000, frozenset({"JP"}), birth_date=date(1959, 7, 1))
    months = quote_months(RULES, july, [(2015, m) for m in range(7, 13)]).months
    assert [m.desa for m in months] == [90_000] + [0] * 5


def test_jp_without_birth_date_is_due_and_said() -> None:
    quote = quote_months(RULES, pu(3_000_000, frozenset({"JP"})), YEAR_2026)
    assert quote.desa == 12 * 90_000
    assert len(quote.assumptions) == 1 and "Tanggal lahir" in quote.assumptions[0]
    assert quote_months(RULES, pu(3_000_000), YEAR_2026).assumptions == ()  # no JP, no need


# --- months in post --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (None, None, tuple(range(1, 13))),
        (date(2020, 5, 1), None, tuple(range(1, 13))),
        (date(2026, 3, 31), None, tuple(range(3, 13))),  # one day in March counts
        (None, date(2026, 7, 1), tuple(range(1, 8))),
        (date(2026, 2, 28), date(2026, 2, 28), (2,)),
        (date(2025, 12, 31), date(2026, 1, 1), (1,)),
        (date(2026, 4, 15), date(2026, 9, 14), (4, 5, 6, 7, 8, 9)),
        (date(2027, 1, 1), None, ()),
        (None, date(2025, 12, 31), ()),
        (date(2026, 6, 1), date(2026, 5, 31), ()),  # ends before it starts
    ],
)
def test_months_in_post(start: date | None, end: date | None, months: tuple[int, ...]) -> None:
    assert months_in_post(start, end, 2026) == months


def test_quote_months_sums_only_the_months_given() -> None:
    covered = [(2026, m) for m in months_in_post(date(2026, 7, 10), None, 2026)]
    assert quote_months(RULES, bpu(1_000_000), covered).desa == 6 * 16_800
    empty = quote_months(RULES, pu(2_000_000), [])
    assert (empty.desa, empty.potongan, empty.months) == (0, 0, ())


# --- refused input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "month", "words"),
    [
        (pu(2_000_000, frozenset({"JKK", "JKP"})), (2026, 3), "JKP"),
        (pu(-1), (2026, 3), "negatif"),
        (bpu(1_000_000, frozenset({"JKK", "JP"})), (2026, 3), "JP tidak tersedia"),
        (pu(2_000_000, jkk_class=6), (2026, 3), "Kelas risiko JKK 6"),
        (pu(2_000_000, jkk_class=0), (2026, 3), "Kelas risiko JKK 0"),
        (pu(2_000_000, worker_share="pemda"), (2026, 3), "pemda"),
        (Participation("XX", 1, JKK_JKM), (2026, 3), "Segmen"),
        (bpu(999_999), (2026, 3), "Rp999.999 di bawah minimum Rp1.000.000"),
        (pu(2_000_000), (2015, 6), "Juni 2015"),
        (pu(2_000_000), (2026, 13), "Bulan 13"),
    ],
)
def test_refused_with_one_indonesian_sentence(
    p: Participation, month: tuple[int, int], words: str
) -> None:
    with pytest.raises(UserError) as caught:
        quote_month(RULES, p, *month)
    assert words in caught.value.message and caught.value.message.endswith(".")
    with pytest.raises(UserError):
        quote_months(RULES, p, [month])


# --- properties ------------------------------------------------------------------------------------

months = st.tuples(st.integers(2015, 2032), st.integers(1, 12)).filter(lambda ym: ym >= (2015, 7))
births = st.none() | st.dates(date(1940, 1, 1), date(2005, 12, 31))
pu_programs = st.frozensets(st.sampled_from(["JKK", "JKM", "JHT", "JP"]), min_size=1)
bpu_programs = st.frozensets(st.sampled_from(["JKK", "JKM", "JHT"]), min_size=1)


@st.composite
def participations(draw: st.DrawFn) -> Participation:
    if draw(st.booleans()):
        return Participation(
            "PU",
            draw(st.integers(0, 60_000_000)),
            draw(pu_programs),
            jkk_class=draw(st.integers(1, 5)),
            worker_share=draw(st.sampled_from(["desa", "potong"])),
            birth_date=draw(births),
        )
    return Participation(
        "BPU",
        draw(st.integers(1_000_000, 60_000_000)),
        draw(bpu_programs),
        worker_share=draw(st.sampled_from(["desa", "potong"])),
    )


def _full(p: Participation, name: str, year: int, month: int, discount: bool) -> int:
    """The full rate applied, computed here from the rules without the engine."""
    if p.segment == "BPU":
        params = RULES.bpu(year, month)
        factor = RULES.bpu_discount_factor(year, month) if discount else None
        if name == "JHT":
            return round_half_up(p.basis * params.jht)
        full = params.jkm_flat if name == "JKM" else round_half_up(p.basis * params.jkk)
        return full if factor is None else round_half_up(full * factor)
    rate = RULES.pu_rate(name, p.jkk_class, year, month)
    base = min(p.basis, RULES.jp_ceiling(year, month)[0]) if name == "JP" else p.basis
    return round_half_up(base * (rate.employer + rate.worker))


def _jp_ended(birth: date, year: int, month: int) -> bool:
    """domain.md §2.3: no JP after the birthday month on which the JP age (of that year) is reached;
    none at all for someone past the age (56) when JP began in July 2015."""
    if (birth.year + RULES.jp_age(2015), birth.month) < (2015, 7):
        return True
    for y in range(2015, year + 1):
        if y - birth.year >= RULES.jp_age(y):
            return (year, month) > (y, birth.month)
    return False


def round_half_up(value: Decimal | int) -> int:
    return int((Decimal(value) * 2 + 1) // 2)


@given(participations(), months, st.booleans())
def test_amounts_are_never_negative_and_add_up_to_the_full_rate(
    p: Participation, ym: tuple[int, int], discount: bool
) -> None:
    result = quote_month(RULES, p, *ym, bpu_discount=discount)
    assert set(result.programs) == p.programs
    other = Participation(
        p.segment, p.basis, p.programs, p.jkk_class,
        "desa" if p.worker_share == "potong" else "potong", p.birth_date,
    )  # fmt: skip
    swapped = quote_month(RULES, other, *ym, bpu_discount=discount)
    for name, amount in result.programs.items():
        assert amount.desa >= 0 and amount.potongan >= 0
        total = amount.desa + amount.potongan
        assert total == swapped.programs[name].desa + swapped.programs[name].potongan
        ended = name == "JP" and p.birth_date is not None and _jp_ended(p.birth_date, *ym)
        assert total == (0 if ended else _full(p, name, *ym, discount))
        if p.worker_share == "desa":
            assert amount.potongan == 0


@given(participations(), st.integers(0, 5_000_000), months, st.booleans())
def test_amounts_never_decrease_as_the_basis_grows(
    p: Participation, more: int, ym: tuple[int, int], discount: bool
) -> None:
    richer = Participation(
        p.segment, p.basis + more, p.programs, p.jkk_class, p.worker_share, p.birth_date
    )
    low = quote_month(RULES, p, *ym, bpu_discount=discount)
    high = quote_month(RULES, richer, *ym, bpu_discount=discount)
    assert high.desa + high.potongan >= low.desa + low.potongan
    for name in p.programs:
        a, b = low.programs[name], high.programs[name]
        assert b.desa + b.potongan >= a.desa + a.potongan
        assert b.potongan >= a.potongan
    if p.worker_share == "desa":
        assert high.desa >= low.desa
