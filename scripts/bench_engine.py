"""Benchmark of the contribution engine: a kabupaten's 50.000 person-years, beside the engine as it
was before issue 17 (Decimal per program and month, kept in ``bench_engine_decimal.py``).

    python scripts/bench_engine.py [--persons 50000] [--runs 3] [--json]

Two mixes: a kabupaten (apparatus on their own siltap, RT/RW and BPD on a few nominals, BPU
rentan) and one where every wage differs. Each run starts from freshly loaded rules (empty
caches) on one core; the median of ``--runs`` is printed. Both engines must give the same
rupiah for every person (desa, potongan, per program, per month), or the script fails.
The issue's goal is <= 0,25 s where the old engine took 1,46 s (mixed) and 2,17 s (all
different): as a ratio to the old engine, <= 0,171 and <= 0,115.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_engine_decimal as decimal_engine
from bench_common import Row, number, print_rows, spread

from desa_budget.contributions.engine import Participation, quote_months
from desa_budget.rules import load_rules

PACKAGES = (
    frozenset({"JKK", "JKM"}),
    frozenset({"JKK", "JKM", "JHT"}),
    frozenset({"JKK", "JKM", "JHT", "JP"}),
)
GOALS = {False: 0.25 / 1.46, True: 0.25 / 2.17}  # the goal over its "now", both seconds


def participations(count: int, *, seed: int, distinct: bool) -> list[Participation]:
    """A kabupaten-like mix: apparatus on their own siltap, RT/RW on a nominal, BPU rentan."""
    rng = random.Random(seed)
    people = []
    for _ in range(count):
        kind = rng.random()
        birth = date(rng.randint(1958, 2004), rng.randint(1, 12), rng.randint(1, 28))
        if kind < 0.35 or distinct:  # apparatus: every wage different
            people.append(
                Participation(
                    segment="PU",
                    basis=rng.randint(2_022_200, 14_000_000),
                    programs=rng.choice(PACKAGES),
                    jkk_class=rng.choice((1, 1, 1, 2, 3)),
                    worker_share=rng.choice(("desa", "potong")),
                    birth_date=birth,
                )
            )
        elif kind < 0.6:  # RT/RW, BPD, LKD on a nominal or the UMK
            basis = rng.choice((1_500_000, 2_000_000, 2_150_000, 3_000_000))
            people.append(Participation("PU", basis, PACKAGES[0], birth_date=birth))
        else:  # pekerja rentan, BPU on a declared income
            basis = rng.choice((1_000_000, 1_000_000, 1_500_000, 2_000_000))
            programs = rng.choice((PACKAGES[0], PACKAGES[0], PACKAGES[1]))
            people.append(Participation("BPU", basis, programs, birth_date=birth))
    return people


Quote = Callable[..., Any]


def run(quote: Quote, people: list[Participation], year: int, *, detail: bool) -> float:
    """Seconds to quote everyone's year on fresh rules; ``detail`` also reads every month."""
    rules = load_rules()
    months = [(year, m) for m in range(1, 13)]
    started = time.perf_counter()
    if detail:
        for person in people:
            quote(rules, person, months).months  # noqa: B018  (reading it is the work)
    else:
        for person in people:
            quote(rules, person, months).desa  # noqa: B018
    return time.perf_counter() - started


def same_rupiah(people: list[Participation], year: int) -> None:
    """Both engines, every person: the same totals, per-program sums and months."""
    new_rules, old_rules = load_rules(), load_rules()
    months = [(year, m) for m in range(1, 13)]
    for person in people:
        new = quote_months(new_rules, person, months)
        old = decimal_engine.quote_months(old_rules, person, months)
        if (new.desa, new.potongan, dict(new.by_program), new.assumptions) != (
            old.desa,
            old.potongan,
            dict(old.by_program),
            old.assumptions,
        ) or new.months != old.months:
            raise SystemExit(f"the engines differ for {person}: {new} != {old}")


def measure(persons: int, runs: int, year: int) -> list[Row]:
    rows = []
    for label, distinct in (("campuran kabupaten", False), ("semua upah berbeda", True)):
        people = participations(persons, seed=2026, distinct=distinct)
        same_rupiah(people, year)
        old, new, detailed = [], [], []
        for _ in range(runs):  # taking turns, so a busy moment of the machine hits both
            old.append(run(decimal_engine.quote_months, people, year, detail=False))
            new.append(run(quote_months, people, year, detail=False))
            detailed.append(run(quote_months, people, year, detail=True))
        noise = f"noise {spread(new)} / old {spread(old)}"
        rows.append(
            Row(
                f"engine, {number(persons)} person-years, {label}",
                statistics.median(new),
                statistics.median(old),
                GOALS[distinct],
                note=(
                    f"{number(round(persons / statistics.median(new)))} persons/s (absolute goal "
                    f"<= 0,25 s); {noise}"
                ),
                peer_name="old Decimal engine",
            )
        )
        rows.append(
            Row(
                f"  ... reading every month's detail too, {label}",
                statistics.median(detailed),
                statistics.median(old),
                GOALS[distinct],
                note="what the simulation reads; the table's figure is the line above",
                peer_name="old Decimal engine",
                informative=True,
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="rows for bench_all.py")
    args = parser.parse_args()
    print_rows(measure(args.persons, args.runs, args.year), as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
