"""The one "full cost": what covering everything the roster asks for costs the APBDes in a year."""

from collections.abc import Mapping, Sequence
from dataclasses import replace

from desa_budget.contributions.results import Simulation
from desa_budget.contributions.simulation import RosterEntry, simulate_entries
from desa_budget.rules import RuleSet


def full_cost(
    rules: RuleSet,
    entries: Sequence[RosterEntry],
    year: int,
    *,
    bpu_discount: bool = False,
    programs_by_category: Mapping[str, Sequence[str]] | None = None,
    iuran_pekerja: str | None = None,
) -> int:
    """The simulation's desa total of ``entries``: every program each person asks for, every month
    in post, persons the Pemda pays for left out. Without the what-if arguments this is the
    roster's own cost, the number Beranda, Simulasi & Rencana and the documents show; with them,
    a scenario's. Persons without a wage basis cannot be priced and count nothing."""
    priced = [e for e in entries if e.dasar_upah > 0]
    if iuran_pekerja is not None:
        priced = [replace(e, iuran_pekerja=iuran_pekerja) for e in priced]
    chosen = (
        {k: tuple(v) for k, v in programs_by_category.items()} if programs_by_category else None
    )
    sim = simulate_entries(
        rules, priced, year, bpu_discount=bpu_discount, programs_by_category=chosen
    )
    return sim.desa


def simulated_full_cost(sim: Simulation) -> int:
    """``full_cost`` of the entries ``sim`` was run on (simulate_entries, with the same what-if
    choices), without running them again: each person's year is their own, so leaving out the
    persons without a wage basis afterwards gives the same total as before."""
    return sum(p.desa for p in sim.apbdes_persons if p.dasar_upah > 0)
