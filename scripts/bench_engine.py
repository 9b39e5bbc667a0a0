"""Benchmark of the contribution engine: a kabupaten's person-years, printed as persons per second.

Run from the repository root: ``python3 scripts/bench_engine.py [--persons 50000]``. Not a test:
the figure depends on the machine. Each run starts from freshly loaded rules (empty caches).
"""

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desa_budget.contributions.engine import Participation, quote_months
from desa_budget.format import format_number, format_rp
from desa_budget.rules import load_rules  # noqa: E402

PACKAGES = (
    frozenset({"JKK", "JKM"}),
    frozenset({"JKK", "JKM", "JHT"}),
    frozenset({"JKK", "JKM", "JHT", "JP"}),
)


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


def run(people: list[Participation], year: int) -> tuple[float, int]:
    rules = load_rules()
    months = [(year, m) for m in range(1, 13)]
    started = time.perf_counter()
    total = 0
    for person in people:
        total += quote_months(rules, person, months).desa
    return time.perf_counter() - started, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--year", type=int, default=2026)
    args = parser.parse_args()
    for label, distinct in (("campuran kabupaten", False), ("semua upah berbeda", True)):
        people = participations(args.persons, seed=2026, distinct=distinct)
        seconds, total = run(people, args.year)
        print(
            f"{label}: {format_number(args.persons)} orang x 12 bulan dalam {seconds:.2f} detik = "
            f"{format_number(round(args.persons / seconds))} orang per detik "
            f"(jumlah dibayar desa {format_rp(total)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
