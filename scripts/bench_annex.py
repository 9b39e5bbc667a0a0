"""How long rendering the full set of annexes (``--doc all``) takes, in-process: the demo village
and a 2.000-person roster, each beside LibreOffice printing the same persons' formula sheet.

    python scripts/bench_annex.py [--year 2026] [--persons 2000] [--repeat 3]

The large roster is the demo village's simulation with its persons copied (new ids, names and
NIKs) up to ``--persons``; its budget lines are rebuilt with the village's own code mapping, so
the documents are those of a real village of that size. Times are the best of ``--repeat`` runs,
taking turns with LibreOffice (``soffice``; without it the peer is skipped with a message and
only our times are printed). Rendering only: bench_documents.py times the whole command.
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_common import Row, interleaved, print_rows, run_process
from bench_documents import formula_sheet

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


def render_once(data: AnnexData) -> tuple[float, bytes]:
    start = time.perf_counter()
    pdf = render_documents(data, docs=["all"], paper="A4")
    return time.perf_counter() - start, pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="rows for bench_all.py")
    args = parser.parse_args(argv)
    rules = load_rules()
    soffice = shutil.which("soffice")
    if soffice is None:
        print(
            "annex: LibreOffice (soffice) is not installed: the peer is skipped "
            "(apt-get install -y libreoffice-calc-nogui)",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory() as data_dir:
        db = open_database(data_dir=data_dir)
        with db.session() as session:
            create_demo_village(session, operator="bench", year=args.year)
        with db.session() as session:
            demo = gather_annex_data(session, rules, year=args.year)
            catalog = budget_settings.catalog_for(session)
            mapping = budget_settings.codes_mapping(session)
        db.dispose()

        def lines_for(sim: Simulation) -> object:
            return build_lines(sim, catalog=catalog, mapping=mapping)

        rows = []
        for label, data, goal in (
            (f"demo village ({len(demo.simulation.persons)} persons)", demo, None),
            (f"{args.persons} persons", enlarged(demo, args.persons, lines_for), 0.5 / 1.1),
        ):
            seconds, pdf = render_once(data)  # the first render registers the fonts
            pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
            what = f"annexes in-process, {label}, {pages} pages, {len(pdf) / 1024:.0f} KiB"
            if soffice is None:
                mine = [render_once(data)[0] for _ in range(args.repeat)]
                print(f"{what}: {min(mine):.3f} s (no peer)")
                continue
            sheet = formula_sheet(Path(data_dir) / f"sheet_{len(data.simulation.persons)}.xlsx",
                                  data.simulation)  # fmt: skip
            theirs = [
                soffice, f"-env:UserInstallation={(Path(data_dir) / 'lo').as_uri()}",
                "--headless", "--convert-to", "pdf", "--outdir", str(Path(data_dir) / "lo_out"),
                str(sheet),
            ]  # fmt: skip
            run_process(theirs)  # LibreOffice's profile
            mine, lo = interleaved(
                args.repeat, lambda d=data: render_once(d)[0], lambda c=theirs: run_process(c).wall
            )
            rows.append(
                Row(
                    what,
                    min(mine),
                    min(lo),
                    goal if goal is not None else 1.0,
                    note=f"best of {args.repeat}, rendering only",
                    peer_name="LibreOffice printing the formula sheet",
                    informative=goal is None,
                )
            )
    print_rows(rows, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
