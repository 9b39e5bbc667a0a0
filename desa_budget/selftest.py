"""``app.py --self-test``, core part: every layer once on a fresh data folder (database and
migrations, demo village, simulation, lines, plan, every PDF, the DPMD workbook)."""

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from desa_budget.errors import UserError
from desa_budget.store import audit
from desa_budget.store.database import Database
from desa_budget.store.models import Person
from desa_budget.store.opening import open_database

log = logging.getLogger("jamsos.selftest")

Report = Callable[[str], None]


def run_core_checks(data_dir: Path | str | None, db_url: str | None, report: Report) -> Database:
    """Run the checks, reporting each passed step; raise on the first failure."""
    from desa_budget.budget.planner import plan
    from desa_budget.budget.versions import current
    from desa_budget.contributions.simulation import load_roster_year
    from desa_budget.demo import create_demo_village
    from desa_budget.reports.gather import gather_annex_data
    from desa_budget.reports.render import write_pdf
    from desa_budget.rules import load_rules
    from desa_budget.sheets.dpmd import export_dpmd, gather_dpmd_data

    db = open_database(data_dir=data_dir, url=db_url)
    report(f"basis data dibuka dan dimigrasi: {db.location}")
    year = date.today().year
    rules = load_rules()
    report(f"tabel aturan dimuat: {len(rules.tables)} tabel")
    with db.session() as s:
        if not s.scalar(select(func.count()).select_from(Person)):
            create_demo_village(s, operator=audit.current_operator(s), year=year)
            report("desa demo dibuat")
    with db.session() as s:
        sim, lines = current(s, rules, year)
        if not sim.persons or lines.total != sim.desa:
            raise RuntimeError(
                f"baris anggaran {lines.total} tidak sama dengan simulasi {sim.desa}"
            )
        report(f"simulasi {year}: {len(sim.persons)} orang, iuran desa {sim.desa}")
        result = plan(load_roster_year(s, year), rules, year, pagu=sim.desa // 2)
        report(f"rencana dengan pagu {sim.desa // 2}: terpakai {result.used}, sisa {result.left}")
        annex = gather_annex_data(s, rules, year=year)
        dpmd = gather_dpmd_data(s, rules, year=year)
    out = db.paths.root / "uji-mandiri"
    out.mkdir(exist_ok=True)
    for paper in ("A4", "F4"):
        pdf = write_pdf(out / f"lampiran-{paper}.pdf", annex, docs=["all"], paper=paper)
        if not pdf.read_bytes().startswith(b"%PDF"):
            raise RuntimeError(f"{pdf} bukan PDF")
        report(f"PDF {paper} ditulis: {pdf.name} ({pdf.stat().st_size} bita)")
    workbook = out / "dpmd.xlsx"
    export_dpmd(workbook, dpmd)
    _check_workbook(workbook)
    report(f"buku kerja DPMD ditulis: {workbook.name}")
    return db


def _check_workbook(path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        missing = {"Info", "Rekap", "Anggaran", "Rincian"} - set(book.sheetnames)
    finally:
        book.close()
    if missing:
        raise UserError(f"Buku kerja DPMD tanpa lembar {', '.join(sorted(missing))}.")
