"""Command ``annex``: the PDF budget annexes (daftar nominatif, penjabaran, RAB, ringkasan)."""

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from desa_budget.cli.common import open_from_args
from desa_budget.collector import collector_paused
from desa_budget.reports import DOCS, gather_annex_data, write_pdf
from desa_budget.rules import load_rules


def register(subparsers: Any) -> None:
    annex = subparsers.add_parser(
        "annex", help="cetak lampiran anggaran iuran ke PDF (daftar nominatif, penjabaran, RAB)"
    )
    annex.add_argument("--year", type=int, default=None, help="tahun anggaran (bawaan: tahun ini)")
    annex.add_argument(
        "--version",
        choices=("murni", "perubahan"),
        default=None,
        help="versi anggaran (bawaan: versi terakhir yang ditetapkan, atau rancangan murni)",
    )
    annex.add_argument(
        "--doc",
        required=True,
        choices=(*DOCS, "all"),
        help="dokumen yang dicetak; all = keempatnya",
    )
    annex.add_argument("--paper", choices=("A4", "F4"), default="A4", help="ukuran kertas")
    orientation = annex.add_mutually_exclusive_group()
    orientation.add_argument(
        "--landscape", action="store_true", help="semua halaman mendatar (bawaan: daftar nominatif)"
    )
    orientation.add_argument("--portrait", action="store_true", help="semua halaman tegak")
    annex.add_argument(
        "--full-nik", action="store_true", help="cetak NIK lengkap (bawaan: disamarkan)"
    )
    annex.add_argument(
        "--kode",
        choices=("app", "siskeudes"),
        default="app",
        help="penulisan kode: app (1.1.03, 5.1.3.04) atau siskeudes (01.01.03., 5.1.3.04.)",
    )
    annex.add_argument(
        "--tanggal",
        metavar="YYYY-MM-DD",
        help="tanggal rancangan (bawaan: hari ini); menentukan siapa yang menandatangani",
    )
    annex.add_argument("--out", required=True, metavar="FILE.pdf", help="berkas PDF keluaran")
    annex.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desa_budget.cli.version_cmds import parse_date

    year: int = args.year if args.year is not None else date.today().year
    today = parse_date(args.tanggal, "Tanggal")
    rules = load_rules()
    db = open_from_args(args)
    try:
        # one village's simulation and lines: all of it lives until the PDF is written
        with collector_paused(), db.session() as session:
            data = gather_annex_data(session, rules, year=year, jenis=args.version, today=today)
    finally:
        db.dispose()
    landscape = True if args.landscape else (False if args.portrait else None)
    path = write_pdf(
        Path(args.out),
        data,
        docs=[args.doc],
        paper=args.paper,
        landscape=landscape,
        full_nik=args.full_nik,
        notation=args.kode,
    )
    state = "ditetapkan" if data.adopted else "rancangan"
    print(f"Lampiran {args.doc} tahun {year} ({data.jenis}, {state}) ditulis ke {path}")
    for warning in data.who_signs.warnings:
        print(f"Perhatian: {warning}")
    if data.checks.errors:
        print(
            f"Perhatian: {len(data.checks.errors)} kesalahan anggaran ditandai [!] pada "
            "penjabaran dan RAB; perbaiki sebelum ditetapkan."
        )
    return 0
