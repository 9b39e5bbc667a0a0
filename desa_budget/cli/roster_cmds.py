"""Commands: roster template / export / import, and simulate (the year's contributions)."""

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.cli.common import open_from_args
from desa_budget.contributions.simulation import simulate
from desa_budget.contributions.summary import simulation_summary, simulation_table
from desa_budget.rules import load_rules
from desa_budget.store import audit
from desa_budget.store.models import VillageProfile
from desa_budget.village import categories
from desa_budget.village.identifiers import mask_nik

if TYPE_CHECKING:  # the workbook modules bring openpyxl: imported by the commands that use them
    from desa_budget.roster.workbook.parse import ImportEntry, ImportPlan


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("roster", help="templat, ekspor dan impor daftar peserta (.xlsx)")
    actions = group.add_subparsers(dest="roster_command", metavar="AKSI", required=True)

    template = actions.add_parser("template", help="tulis templat daftar peserta yang kosong")
    template.add_argument("file", metavar="BERKAS.xlsx")
    template.set_defaults(func=run_template)

    export = actions.add_parser("export", help="tulis daftar peserta tahun ini ke berkas")
    export.add_argument("file", metavar="BERKAS.xlsx")
    export.add_argument("--year", type=int, default=None, help="tahun anggaran (bawaan: tahun ini)")
    export.set_defaults(func=run_export)

    imp = actions.add_parser(
        "import", help="baca daftar peserta dari berkas (semua atau tidak sama sekali)"
    )
    imp.add_argument("file", metavar="BERKAS.xlsx")
    imp.add_argument("--year", type=int, default=None, help="tahun anggaran (bawaan: tahun ini)")
    imp.add_argument(
        "--dry-run", action="store_true", help="hanya tampilkan perubahan, tanpa menyimpan"
    )
    imp.set_defaults(func=run_import)

    sim = subparsers.add_parser("simulate", help="hitung iuran setahun untuk daftar peserta")
    sim.add_argument("--year", type=int, default=None, help="tahun anggaran (bawaan: tahun ini)")
    sim.add_argument("--json", action="store_true", help="keluaran JSON")
    sim.set_defaults(func=run_simulate)


def _year(args: argparse.Namespace) -> int:
    year: int | None = getattr(args, "year", None)
    return year if year is not None else date.today().year


def run_template(args: argparse.Namespace) -> int:
    from desa_budget.roster.workbook.export import write_template

    write_template(args.file)
    print(f"Templat daftar peserta ditulis ke {args.file}.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from desa_budget.roster.workbook.export import export_roster

    year = _year(args)
    db = open_from_args(args)
    with db.session() as session:
        rows = export_roster(session, args.file, year=year)
    print(f"{rows} baris daftar peserta tahun {year} ditulis ke {args.file}.")
    print("Perhatian: berkas ini memuat NIK lengkap dan nomor KPJ. Simpan dengan hati-hati.")
    return 0


def _who(entry: "ImportEntry") -> str:
    posts = ", ".join(f"{categories.label(p.kategori)}: {p.jabatan}" for p in entry.posts)
    rows = ", ".join(str(r) for r in entry.rows)
    return f"{mask_nik(entry.person.nik)} {entry.person.nama} ({posts}; baris {rows})"


def print_plan(plan: "ImportPlan") -> None:
    print(f"Berkas {plan.file_name}, tahun {plan.year}:")
    print(f"  ditambah: {len(plan.adds)} orang")
    print(f"  diubah:   {len(plan.changed)} orang")
    print(f"  tetap:    {len(plan.unchanged)} orang")
    if plan.adds:
        print("\nDitambah:")
        for entry in plan.adds:
            print(f"  + {_who(entry)}")
    if plan.changed:
        print("\nDiubah:")
        for entry in plan.changed:
            print(f"  * {_who(entry)}")
            for change in entry.changes:
                print(f"      {change.kolom}: {change.lama} -> {change.baru}")
    if plan.unchanged:
        print("\nTetap:")
        for entry in plan.unchanged:
            print(f"  = {_who(entry)}")
    if plan.warnings:
        print("\nPeringatan (tidak menghalangi impor):")
        for problem in plan.warnings:
            print(f"  ! {problem}")


def run_import(args: argparse.Namespace) -> int:
    from desa_budget.roster.workbook.apply import apply_import, plan_import

    year = _year(args)
    db = open_from_args(args)
    with db.session() as session:
        plan = plan_import(session, args.file, year=year)
        print_plan(plan)
        if args.dry_run:
            print("\nUji coba (--dry-run): tidak ada yang disimpan.")
            return 0
        summary = apply_import(session, plan, operator=audit.current_operator(session))
    print(
        f"\nImpor selesai: {summary.added} ditambah, {summary.changed} diubah, "
        f"{summary.unchanged} tetap."
    )
    return 0


def nama_desa(session: Session) -> str:
    return session.scalar(select(VillageProfile.nama_desa).limit(1)) or ""


def print_simulation(session: Session, year: int, *, as_json: bool = False) -> None:
    result = simulate(session, load_rules(), year)
    if as_json:
        print(json.dumps(simulation_summary(result), ensure_ascii=False, indent=2))
    else:
        print(simulation_table(result, nama_desa=nama_desa(session)))


def run_simulate(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    with db.session() as session:
        print_simulation(session, _year(args), as_json=args.json)
    return 0
