"""The shipped rule tables and their loader: the figures of domain.md §2 and every load error."""

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from desa_budget.errors import UserError
from desa_budget.paths import resources_dir
from desa_budget.rules import RuleSet, load_rules

SHIPPED = resources_dir() / "rules"

# domain.md §2.2, typed in by hand: (first month, Rp / month)
JP_CEILINGS = [
    ((2015, 7), 7_000_000),
    ((2016, 3), 7_335_300),
    ((2017, 3), 7_703_500),
    ((2018, 3), 8_094_000),
    ((2019, 3), 8_512_400),
    ((2020, 3), 8_939_700),
    ((2021, 3), 8_754_600),
    ((2022, 3), 9_077_600),
    ((2023, 3), 9_559_600),
    ((2024, 3), 10_042_300),
    ((2025, 3), 10_547_400),
    ((2026, 3), 11_086_300),
]


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def test_every_row_names_its_source_and_confidence(rules: RuleSet) -> None:
    assert set(rules.tables) == {
        "pu_rates.csv",
        "jp_ceiling.csv",
        "jp_age.csv",
        "bpu.csv",
        "bpu_income_brackets.csv",
        "bpu_discount.csv",
    }
    for table in rules.tables.values():
        assert table.title and table.rows
        for row in table.rows:
            assert row.source.strip() and row.confidence in {"H", "M", "L"}
            assert set(row.cells) == set(table.columns)
    assert len(rules.tables["jp_ceiling.csv"].rows) == len(JP_CEILINGS)
    assert len(rules.tables["pu_rates.csv"].rows) == 8


def test_the_jp_ceiling_cites_the_article_that_sets_it(rules: RuleSet) -> None:
    # PP 45/2015 sets the ceiling and its yearly adjustment in Pasal 29, not Pasal 19 (issue 18).
    for row in rules.tables["jp_ceiling.csv"].rows:
        assert "Pasal 19" not in row.source
    first = rules.tables["jp_ceiling.csv"].rows[0]
    assert "PP 45/2015 Pasal 29" in first.source


def test_the_unretrieved_bracket_table_says_so(rules: RuleSet) -> None:
    (row,) = rules.tables["bpu_income_brackets.csv"].rows
    assert row.confidence == "L" and "belum diperoleh" in row.source


@pytest.mark.parametrize(("start", "amount"), JP_CEILINGS)
def test_jp_ceiling_takes_effect_in_its_month(
    rules: RuleSet, start: tuple[int, int], amount: int
) -> None:
    assert rules.jp_ceiling(*start) == (amount, False)
    year, month = start
    assert rules.jp_ceiling(year, 12) == (amount, False)
    if month == 3:  # January and February still use the previous year's ceiling
        previous = JP_CEILINGS[JP_CEILINGS.index((start, amount)) - 1][1]
        assert rules.jp_ceiling(year, 2) == (previous, False)
        assert rules.jp_ceiling(year, 1) == (previous, False)


def test_after_the_last_published_ceiling_it_is_assumed(rules: RuleSet) -> None:
    # Issue 18: reusing the last value under-budgets JP; with no growth (0 %) it is still that.
    flat = rules.with_ceiling_growth(Decimal(0))
    assert flat.jp_ceiling(2027, 2) == (11_086_300, False)
    assert flat.jp_ceiling(2027, 3) == (11_086_300, True)
    assert flat.jp_ceiling(2031, 7) == (11_086_300, True)


def test_the_default_ceiling_growth_is_the_published_average(rules: RuleSet) -> None:
    # The 11 published changes 2016..2026 (the 2021 fall included) average 4,29 % a year.
    assert rules.average_ceiling_growth == Decimal("4.29")
    assert rules.jp_ceiling(2027, 2) == (11_086_300, False)  # published: no assumption
    # 11.086.300 × 1,0429 = 11.561.902,27 -> rounded down to Rp 100 from March 2027
    assert rules.jp_ceiling(2027, 3) == (11_561_900, True)
    assert rules.jp_ceiling(2028, 2) == (11_561_900, True)  # January, February: last year's
    # 11.561.900 × 1,0429 = 12.057.905,51 -> 12.057.900 from March 2028
    assert rules.jp_ceiling(2028, 3) == (12_057_900, True)
    assert rules.with_ceiling_growth(Decimal(5)).jp_ceiling(2027, 3) == (11_640_600, True)


@pytest.mark.parametrize(
    ("year", "age"),
    [(2015, 56), (2018, 56), (2019, 57), (2021, 57), (2022, 58), (2025, 59), (2027, 59),
     (2028, 60), (2031, 61), (2034, 62), (2037, 63), (2040, 64), (2042, 64), (2043, 65),
     (2070, 65)],
)  # fmt: skip
def test_jp_age(rules: RuleSet, year: int, age: int) -> None:
    assert rules.jp_age(year) == age


@pytest.mark.parametrize(
    ("program", "kelas", "employer", "worker"),
    [("JKK", 1, "0.0024", "0"), ("JKK", 2, "0.0054", "0"), ("JKK", 3, "0.0089", "0"),
     ("JKK", 4, "0.0127", "0"), ("JKK", 5, "0.0174", "0"), ("JKM", 1, "0.0030", "0"),
     ("JHT", 1, "0.037", "0.02"), ("JP", 1, "0.02", "0.01")],
)  # fmt: skip
def test_pu_rates(rules: RuleSet, program: str, kelas: int, employer: str, worker: str) -> None:
    for year, month in [(2015, 7), (2026, 3), (2040, 1)]:
        rate = rules.pu_rate(program, kelas, year, month)
        assert (rate.employer, rate.worker) == (Decimal(employer), Decimal(worker))


def test_bpu_parameters_and_discount_months(rules: RuleSet) -> None:
    bpu = rules.bpu(2026, 1)
    assert (bpu.min_income, bpu.jkk, bpu.jkm_flat, bpu.jht) == (
        1_000_000,
        Decimal("0.01"),
        6_800,
        Decimal("0.02"),
    )
    general = [m for m in range(1, 13) if rules.bpu_discount_factor(2026, m)]
    assert general == list(range(4, 13))
    assert rules.bpu_discount_factor(2026, 4) == Decimal("0.5")
    assert rules.bpu_discount_factor(2027, 1) is None
    transport = [
        (y, m)
        for y in (2025, 2026, 2027)
        for m in range(1, 13)
        if rules.bpu_discount_factor(y, m, "transportasi")
    ]
    assert transport[0] == (2026, 1) and transport[-1] == (2027, 3) and len(transport) == 15


def test_a_month_before_the_first_rule_is_refused(rules: RuleSet) -> None:
    assert rules.first_month == (2015, 7)
    with pytest.raises(UserError, match="Juni 2015.*Juli 2015"):
        rules.pu_rate("JKK", 1, 2015, 6)
    with pytest.raises(UserError, match="Juni 2015"):
        rules.jp_ceiling(2015, 6)


# --- load errors: a copy of the shipped tables with one file broken -----------------------------


def _broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(SHIPPED, folder)
    text = (folder / file).read_text(encoding="utf-8")
    assert old in text
    (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def _load_error(folder: Path) -> str:
    with pytest.raises(UserError) as caught:
        load_rules(folder)
    return caught.value.message


def test_a_copy_of_the_shipped_tables_loads(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(SHIPPED, folder)
    assert load_rules(folder).jp_ceiling(2026, 3) == (11_086_300, False)


def test_overlapping_periods_name_file_and_row(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "jp_ceiling.csv", "7335300,2016-03", "7335300,2016-02")
    message = _load_error(folder)
    assert "jp_ceiling.csv baris 3" in message and "tumpang tindih" in message
    assert "baris 2" in message


def test_a_gap_names_file_row_and_missing_months(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "jp_ceiling.csv", "7703500,2017-03", "7703500,2017-05")
    message = _load_error(folder)
    assert "jp_ceiling.csv baris 4" in message and "celah" in message
    assert "2017-03..2017-04" in message


def test_a_negative_rate_names_file_and_row(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "pu_rates.csv", "JKK,2,0.54", "JKK,2,-0.54")
    message = _load_error(folder)
    assert "pu_rates.csv baris 3" in message and "negatif" in message


def test_a_malformed_date_names_file_and_row(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "jp_ceiling.csv", "8094000,2018-03", "8094000,2018-3")
    message = _load_error(folder)
    assert "jp_ceiling.csv baris 5" in message and "2018-3" in message


def test_a_malformed_number_names_file_and_row(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "bpu.csv", "1000000,1,6800", "1.000.000,1,6800")
    message = _load_error(folder)
    assert "bpu.csv baris 2" in message and "min_income" in message


def test_valid_to_before_valid_from(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "bpu_discount.csv", "2026-04,2026-12", "2026-04,2026-02")
    message = _load_error(folder)
    assert "bpu_discount.csv baris 2" in message and "lebih awal" in message


def test_unknown_program_and_class(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, "pu_rates.csv", "JKM,,0.30", "JKP,,0.30"))
    assert "pu_rates.csv baris 7" in message and "JKP" in message
    shutil.rmtree(tmp_path / "rules")
    message = _load_error(_broken(tmp_path, "pu_rates.csv", "JKK,5,1.74", "JKK,6,1.74"))
    assert "pu_rates.csv baris 6" in message and "'6'" in message


def test_a_year_table_gap_and_a_missing_file(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, "jp_age.csv", "58,2022,2024", "58,2023,2024"))
    assert "jp_age.csv baris 4" in message and "2022..2022" in message
    (tmp_path / "rules" / "bpu.csv").unlink()
    with pytest.raises(UserError) as caught:
        load_rules(tmp_path / "rules")
    assert any("bpu.csv tidak ditemukan" in line for line in str(caught.value).splitlines())


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    folder = _broken(tmp_path, "pu_rates.csv", "JKK,2,0.54", "JKK,2,-0.54")
    text = (folder / "jp_age.csv").read_text(encoding="utf-8").replace("57,2019", "57,20x9")
    (folder / "jp_age.csv").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_rules(folder)
    assert "pu_rates.csv baris 3" in caught.value.message
    assert any("jp_age.csv baris 3" in d for d in caught.value.details)
