"""The engine shares work between people quoted alike: a quote must not depend on who came before."""

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desa_budget.contributions.engine import Participation, Quote, quote_month, quote_months
from desa_budget.errors import UserError
from desa_budget.rules import RuleSet, load_rules

# Few wages, births and months, so that people often share a plan or a whole result.
# 10.547.400 and 11.086.300 are the JP ceilings before and from March 2026.
bases = st.sampled_from(
    [1_000_000, 2_000_000, 10_547_400, 10_547_500, 11_086_300, 11_086_400, 12_000_000]
) | st.integers(1_000_000, 13_000_000)
births = st.none() | st.sampled_from(
    [date(1967, 5, 20), date(1967, 5, 2), date(1967, 6, 1), date(1968, 11, 2), date(1980, 1, 1)]
)
years = st.sampled_from([2025, 2026, 2027])


@st.composite
def people(draw: st.DrawFn) -> Participation:
    segment = draw(st.sampled_from(["PU", "BPU"]))
    names = ["JKK", "JKM", "JHT", "JP"] if segment == "PU" else ["JKK", "JKM", "JHT"]
    packages = st.sampled_from([frozenset(names), frozenset({"JKK", "JKM"})])
    return Participation(
        segment,
        draw(bases),
        draw(packages | st.frozensets(st.sampled_from(names), min_size=1)),
        jkk_class=draw(st.sampled_from([1, 2])),
        worker_share=draw(st.sampled_from(["desa", "potong"])),
        birth_date=draw(births),
    )


@st.composite
def month_lists(draw: st.DrawFn) -> list[tuple[int, int]]:
    year = draw(years)
    common = st.sampled_from([range(1, 13), range(1, 7), range(3, 13), range(7, 13), [5]])
    chosen = draw(common | st.lists(st.integers(1, 12), max_size=12, unique=True))
    return [(year, m) for m in sorted(chosen)]


def seen(quote: Quote) -> tuple[object, ...]:
    return quote.desa, quote.potongan, dict(quote.by_program), quote.months, quote.assumptions


Ask = tuple[Participation, list[tuple[int, int]], bool]


@st.composite
def neighbours(draw: st.DrawFn) -> list[Ask]:
    """A person, then people who differ from the one before in one thing only: the cases where a
    result shared too widely would show."""
    person, months, discount = draw(people()), draw(month_lists()), draw(st.booleans())
    asks = [(person, months, discount)]
    for _ in range(draw(st.integers(1, 8))):
        change = draw(st.sampled_from(["basis", "programs", "class", "share", "birth", "months"]))
        if change == "months":
            months = draw(month_lists())
        elif change == "basis":
            person = replace(person, basis=draw(bases))
        elif change == "class":
            person = replace(person, jkk_class=3 - person.jkk_class)
        elif change == "share":
            person = replace(person, worker_share=draw(st.sampled_from(["desa", "potong"])))
        elif change == "birth":
            person = replace(person, birth_date=draw(births))
        else:
            person = replace(person, programs=draw(people()).programs - {"JP"} or person.programs)
        asks.append((person, months, draw(st.booleans()) if change == "months" else discount))
    return asks


def outcome(rules: RuleSet, ask: Ask) -> tuple[object, ...]:
    person, months, discount = ask
    try:
        return seen(quote_months(rules, person, months, bpu_discount=discount))
    except UserError as refused:
        return ("refused", refused.message)


@given(st.lists(st.tuples(people(), month_lists(), st.booleans()), min_size=1, max_size=12))
def test_a_quote_is_the_same_alone_and_after_others(asks: list[Ask]) -> None:
    shared = load_rules()
    for ask in asks:
        assert outcome(shared, ask) == outcome(load_rules(), ask)


@given(neighbours())
def test_a_quote_is_the_same_alone_and_after_its_neighbours(asks: list[Ask]) -> None:
    shared = load_rules()
    for ask in asks:
        assert outcome(shared, ask) == outcome(load_rules(), ask)


@given(people(), month_lists(), st.booleans())
def test_a_quote_of_many_months_is_its_months_quoted_one_by_one(
    person: Participation, months: list[tuple[int, int]], discount: bool
) -> None:
    """Single months are checked against the oracle in test_engine.py; months sharing work
    (and wages under every JP ceiling sharing one computation) must give the same."""
    rules = load_rules()
    try:
        quote = quote_months(rules, person, months, bpu_discount=discount)
    except UserError:
        return
    singles = [quote_month(load_rules(), person, y, m, bpu_discount=discount) for y, m in months]
    assert quote.months == tuple(singles)
    assert quote.desa == sum(m.desa for m in singles)
    assert quote.potongan == sum(m.potongan for m in singles)
    for name, amount in quote.by_program.items():
        assert amount.desa == sum(m.programs[name].desa for m in singles)
        assert amount.potongan == sum(m.programs[name].potongan for m in singles)


def test_people_alike_share_one_month_detail_and_differ_where_they_should() -> None:
    rules = load_rules()
    year = [(2026, m) for m in range(1, 13)]
    jp = frozenset({"JKK", "JKM", "JHT", "JP"})
    # both born in May 1967: JP ends after May 2026 for both, whatever the day
    a = quote_months(rules, Participation("PU", 3_000_000, jp, birth_date=date(1967, 5, 20)), year)
    b = quote_months(rules, Participation("PU", 3_000_000, jp, birth_date=date(1967, 5, 2)), year)
    assert a.months is b.months and a.desa == b.desa
    # born a month later: JP runs one month longer
    c = quote_months(rules, Participation("PU", 3_000_000, jp, birth_date=date(1967, 6, 1)), year)
    assert c.desa == a.desa + 90_000
    assert [m.programs["JP"].desa for m in c.months] == [90_000] * 6 + [0] * 6
