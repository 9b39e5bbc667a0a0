"""A budget line as RAB detail rows: volume × harga satuan = jumlah to the rupiah on every row.

A line whose person-months all cost the same is one row; a line whose price changes during the
year (the JP ceiling in March, a JP age end) becomes one row per price. The printed RAB and the
Siskeudes export both use these rows."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from desa_budget.budget.lines import BudgetLine
from desa_budget.contributions.results import PersonYear, Simulation


@dataclass(frozen=True)
class PriceRow:
    volume: int  # person-months at this price
    harga_satuan: int
    persons: int

    @property
    def jumlah(self) -> int:
        return self.volume * self.harga_satuan


def price_groups(line: BudgetLine, persons: Mapping[int, PersonYear]) -> list[PriceRow]:
    """The line by price per person-month, cheapest first; [] when the months do not add up to
    the line (e.g. an inconsistent old snapshot), so a caller never prints a wrong product."""
    months: Counter[int] = Counter()
    people: dict[int, set[int]] = {}
    for pid in line.person_ids:
        person = persons.get(pid)
        if person is None:
            return []
        for month in person.monthly:
            months[month.desa] += 1
            people.setdefault(month.desa, set()).add(pid)
    groups = [
        PriceRow(months[price], price, len(people[price])) for price in sorted(months) if price
    ]
    if sum(g.jumlah for g in groups) != line.jumlah:
        return []
    return groups


def line_rows(line: BudgetLine, simulation: Simulation) -> list[PriceRow]:
    """The rows of one line: itself when it has one price, else its price groups."""
    if line.harga_satuan is not None and line.volume * line.harga_satuan == line.jumlah:
        return [PriceRow(line.volume, line.harga_satuan, len(line.person_ids))]
    return price_groups(line, {p.person_id: p for p in simulation.persons})
