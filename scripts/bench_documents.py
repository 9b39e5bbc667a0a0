"""All documents (``annex --doc all``) beside LibreOffice printing the same village's formula sheet.

    python scripts/bench_documents.py [--persons 2000] [--runs 3] [--json]

Two villages: a generated one of ``--persons`` (bench_common.members) and the demo village. For
each, ours is a fresh ``app.py annex --doc all`` process and the peer a fresh
``soffice --headless --convert-to pdf`` of a workbook with the same persons, one row each, whose
contributions are spreadsheet formulas (=ROUND(wage * rate; 0) * months) with a total row: what a
secretary would otherwise print. Medians of wall-clock time, taking turns. Also the 2.000-person
documents in-process (gathering and rendering, no start-up) beside the same LibreOffice run.
Without LibreOffice (``soffice``) the rows are skipped with a message.
Goals: whole process >= 1,5 x faster than LibreOffice (ratio <= 0,667); in-process <= 0,5 s where
LibreOffice took 1,1 s (ratio <= 0,455).
"""
# ruff: noqa: E402  (sys.path is set up before the project's imports)

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import (
    ROOT,
    YEAR,
    Row,
    build_village,
    interleaved,
    number,
    print_rows,
    run_process,
)
from bench_common import spread as noise_of

from desa_budget.contributions.results import Simulation
from desa_budget.contributions.simulation import simulate
from desa_budget.demo import create_demo_village
from desa_budget.reports import gather_annex_data, render_documents
from desa_budget.rules import load_rules
from desa_budget.store.opening import open_database

# Rates of March 2026 as a secretary would type them (percent), and the JP ceiling.
PU_RATES = {"JKK": "0.24%", "JKM": "0.3%", "JHT": "5.7%", "JP": "3%"}
JP_CEILING = 11_086_300
HEADERS = ("No", "Nama", "Kategori", "Segmen", "Dasar upah", "Bulan", "JKK", "JKM", "JHT", "JP")


def formula_sheet(path: Path, sim: Simulation) -> Path:
    """The village's persons with their contributions as formulas, ready to print on A4."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Iuran"
    ws.append([f"Iuran BPJS Ketenagakerjaan tahun {sim.year}"])
    ws.append([*HEADERS, "Jumlah"])
    first = 3
    for n, p in enumerate(sim.persons, start=1):
        r = first + n - 1
        cells: list[object] = [n, p.nama, p.kategori, p.segmen, p.dasar_upah, len(p.monthly)]
        for name in ("JKK", "JKM", "JHT", "JP"):
            if name not in p.programs:
                cells.append(0)
            elif p.segmen == "BPU":
                bpu = {"JKK": f"=ROUND(E{r}*1%,0)*F{r}", "JKM": f"=6800*F{r}"}
                cells.append(bpu.get(name, f"=ROUND(E{r}*2%,0)*F{r}"))
            elif name == "JP":
                cells.append(f"=ROUND(MIN(E{r},{JP_CEILING})*{PU_RATES[name]},0)*F{r}")
            else:
                cells.append(f"=ROUND(E{r}*{PU_RATES[name]},0)*F{r}")
        cells.append(f"=SUM(G{r}:J{r})")
        ws.append(cells)
    last = first + len(sim.persons) - 1
    ws.append(["", "Jumlah", "", "", "", ""] + [f"=SUM({c}{first}:{c}{last})" for c in "GHIJK"])
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "2:2"
    wb.save(path)
    return path


def in_process(data_dir: Path) -> float:
    """Gathering and rendering every document, without the process start."""
    rules = load_rules()
    db = open_database(data_dir=data_dir)
    try:
        started = time.perf_counter()
        with db.session() as session:
            data = gather_annex_data(session, rules, year=YEAR)
        render_documents(data, docs=["all"], paper="A4")
        return time.perf_counter() - started
    finally:
        db.dispose()


def simulation_of(data_dir: Path) -> Simulation:
    db = open_database(data_dir=data_dir)
    try:
        with db.session() as session:
            return simulate(session, load_rules(), YEAR)
    finally:
        db.dispose()


def demo_village(data_dir: Path) -> None:
    db = open_database(data_dir=data_dir)
    with db.session() as session:
        create_demo_village(session, operator="bench", year=YEAR)
    db.dispose()


def measure(persons: int, runs: int) -> list[Row]:
    soffice = shutil.which("soffice")
    if soffice is None:
        print(
            "documents: LibreOffice (soffice) is not installed: the rows beside it are skipped "
            "(apt-get install -y libreoffice-calc-nogui)",
            file=sys.stderr,
        )
        return []
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_documents_") as tmp:
        base = Path(tmp)
        profile = f"-env:UserInstallation={(base / 'lo_profile').as_uri()}"
        for label, size, make in (
            (f"{number(persons)}-person village", persons, lambda d: build_village(d, persons)),
            ("demo village", None, demo_village),
        ):
            folder = base / f"village_{size or 'demo'}"
            make(folder)
            sim = simulation_of(folder)
            sheet = formula_sheet(base / f"sheet_{size or 'demo'}.xlsx", sim)
            ours = [
                sys.executable, str(ROOT / "app.py"), "--data-dir", str(folder), "annex",
                "--year", str(YEAR), "--doc", "all", "--out", str(base / "ours.pdf"),
            ]  # fmt: skip
            theirs = [
                soffice, profile, "--headless", "--convert-to", "pdf", "--outdir",
                str(base / "lo"), str(sheet),
            ]  # fmt: skip
            run_process(ours), run_process(theirs)  # LibreOffice's profile, the file cache
            measures = [
                lambda c=ours: run_process(c).wall,
                lambda c=theirs: run_process(c).wall,
            ]
            if size is not None:  # in-process too, in turn with the others (same load)
                in_process(folder)  # imports, fonts
                measures.append(lambda f=folder: in_process(f))
            mine, lo, *inside_runs = interleaved(runs, *measures)
            who = f"{len(sim.persons)} persons"
            rows.append(
                Row(
                    f"all documents, {label} ({who}), whole process",
                    statistics.median(mine),
                    statistics.median(lo),
                    1 / 1.5,
                    note=f"median wall-clock of {runs}; noise {noise_of(mine)} / {noise_of(lo)}",
                    peer_name="LibreOffice printing the formula sheet",
                )
            )
            if inside_runs:
                inside = inside_runs[0]
                rows.append(
                    Row(
                        f"all documents, {label} ({who}), in-process",
                        statistics.median(inside),
                        statistics.median(lo),
                        0.5 / 1.1,
                        note=f"gathering + rendering, median of {runs}; noise {noise_of(inside)}",
                        peer_name="LibreOffice printing the formula sheet",
                    )
                )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="rows for bench_all.py")
    args = parser.parse_args()
    print_rows(measure(args.persons, args.runs), as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
