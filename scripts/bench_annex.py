"""How long the full set of annexes (``--doc all``) takes: the demo village and a 2.000-person roster.

    python scripts/bench_annex.py [--year 2026] [--persons 2000] [--repeat 3]

The large roster is the demo village's simulation with its persons copied (new ids, names and
NIKs) up to ``--persons``; its budget lines are rebuilt with the village's own code mapping, so
the documents are those of a real village of that size. Times are the best of ``--repeat`` runs.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desa_budget.budget import settings as budget_settings
from desa_budget.budget.lines import build_lines
from desa_budget.contributions.results import Simulation
from desa_budget.demo import create_demo_village
from desa_budget.reports import AnnexData, gather_annex_data, render_documents
from desa_budget.rules import load_rules
from desa_budget.store.opening import open_database


def enlarged(data: AnnexData, persons: int, lines_for: object) -> AnnexData:
    base = data.simulation.persons
    grown = []
    for n in range(persons):
        p = base[n % len(base)]
        copy = n // len(base)
        grown.append(
            dataclasses.replace(
                p,
                person_id=100_000 + n,
                nama=p.nama if copy == 0 else f"{p.nama} {copy + 1}",
                nik=p.nik[:12] + f"{n % 10_000:04d}",
            )
        )
    counts: dict[str, int] = {}
    for p in grown:
        counts[p.kategori] = counts.get(p.kategori, 0) + 1
    sim = Simulation(data.year, tuple(grown), counts, data.simulation.assumptions)
    return dataclasses.replace(data, simulation=sim, lines=lines_for(sim))  # type: ignore[operator]


def best_of(repeat: int, data: AnnexData) -> tuple[float, int, int]:
    best = float("inf")
    size = 0
    for _ in range(repeat):
        start = time.perf_counter()
        pdf = render_documents(data, docs=["all"], paper="A4")
        best = min(best, time.perf_counter() - start)
        size = len(pdf)
    pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
    return best, size, pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rules = load_rules()
    with tempfile.TemporaryDirectory() as data_dir:
        db = open_database(data_dir=data_dir)
        with db.session() as session:
            create_demo_village(session, operator="bench", year=args.year)
        with db.session() as session:
            start = time.perf_counter()
            demo = gather_annex_data(session, rules, year=args.year)
            gathered = time.perf_counter() - start
            catalog = budget_settings.catalog_for(session)
            mapping = budget_settings.codes_mapping(session)
        db.dispose()

    def lines_for(sim: Simulation) -> object:
        return build_lines(sim, catalog=catalog, mapping=mapping)

    print(f"Pengumpulan data desa demo (basis data): {gathered:.2f} dtk")
    for label, data in (
        (f"Desa demo ({len(demo.simulation.persons)} orang)", demo),
        (f"Daftar {args.persons} orang", enlarged(demo, args.persons, lines_for)),
    ):
        seconds, size, pages = best_of(args.repeat, data)
        print(f"{label}: --doc all A4 {seconds:.2f} dtk, {pages} halaman, {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
