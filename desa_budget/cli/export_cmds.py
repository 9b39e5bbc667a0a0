"""Commands: ``export dpmd``, ``export sipp``, ``export siskeudes`` (village workbooks) and
``consolidate`` (the DPMD recap)."""

import argparse
import sys
from pathlib import Path
from typing import Any

from desa_budget.cli.common import open_from_args
from desa_budget.format import format_rp

EXIT_NOTHING_USED = 2
# sheets.xlsx_style.PAPER_SIZES' keys: that module brings openpyxl, which only the commands that
# write a workbook import (every other command starts without it)
PAPERS = ("A4", "F4")


def register(subparsers: Any) -> None:
    export = subparsers.add_parser("export", help="buku kerja Excel untuk DPMD dan BPJS TK")
    kinds = export.add_subparsers(dest="export_command", metavar="JENIS", required=True)

    dpmd = kinds.add_parser("dpmd", help="data desa untuk DPMD (Info, Rekap, Anggaran, Rincian)")
    dpmd.add_argument("--year", type=int, required=True, help="tahun anggaran")
    dpmd.add_argument(
        "--version",
        choices=("murni", "perubahan", "draf"),
        default=None,
        help="versi anggaran (bawaan: versi terakhir yang ditetapkan, atau draf)",
    )
    dpmd.add_argument("--out", required=True, metavar="BERKAS.xlsx", help="berkas keluaran")
    dpmd.add_argument(
        "--full-nik", action="store_true", help="tulis NIK lengkap (bawaan: disamarkan)"
    )
    dpmd.add_argument(
        "--include-kpj", action="store_true", help="tambahkan kolom Nomor KPJ (rahasia)"
    )
    dpmd.add_argument("--paper", choices=PAPERS, default="A4", help="ukuran kertas")
    dpmd.add_argument(
        "--projection", action="store_true",
        help="tambahkan sheet Proyeksi (tahun-tahun ke depan dengan asumsi yang disimpan)",
    )  # fmt: skip
    dpmd.set_defaults(func=run_dpmd)

    sipp = kinds.add_parser("sipp", help="daftar peserta belum terdaftar untuk pendaftaran BPJS TK")
    sipp.add_argument("--year", type=int, required=True, help="tahun anggaran")
    sipp.add_argument("--out", required=True, metavar="BERKAS.xlsx", help="berkas keluaran")
    sipp.set_defaults(func=run_sipp)

    sisk = kinds.add_parser(
        "siskeudes", help="rincian RAB iuran untuk diketik/ditempel ke Siskeudes"
    )
    sisk.add_argument("--year", type=int, required=True, help="tahun anggaran")
    sisk.add_argument(
        "--version",
        choices=("murni", "perubahan", "draf"),
        default=None,
        help="versi anggaran (bawaan: versi terakhir yang ditetapkan, atau draf)",
    )
    sisk.add_argument("--out", required=True, metavar="BERKAS.xlsx", help="berkas keluaran")
    sisk.add_argument("--paper", choices=PAPERS, default="A4", help="ukuran kertas")
    sisk.set_defaults(func=run_siskeudes)

    cons = subparsers.add_parser("consolidate", help="gabungkan berkas DPMD banyak desa jadi rekap")
    cons.add_argument(
        "inputs", nargs="+", metavar="BERKAS_ATAU_FOLDER", help="berkas .xlsx / folder"
    )
    cons.add_argument("--out", required=True, metavar="REKAP.xlsx", help="buku kerja rekap")
    cons.add_argument("--pdf", metavar="REKAP.pdf", help="juga rekap siap cetak (PDF)")
    cons.add_argument("--year", type=int, help="tahun anggaran (bawaan: tahun berkas pertama)")
    cons.add_argument(
        "--profil-kabupaten",
        metavar="NAMA",
        help="aturan kabupaten untuk catatan (mis. contoh_kudus)",
    )
    cons.add_argument("--paper", choices=PAPERS, default="A4", help="ukuran kertas")
    cons.set_defaults(func=run_consolidate)


def run_dpmd(args: argparse.Namespace) -> int:
    from desa_budget.rules import load_rules
    from desa_budget.sheets.dpmd import export_dpmd, gather_dpmd_data
    from desa_budget.sheets.xlsx_style import check_target

    check_target(args.out)
    rules = load_rules()
    db = open_from_args(args)
    with db.session() as session:
        data = gather_dpmd_data(
            session, rules, year=args.year, jenis=args.version, include_kpj=args.include_kpj,
            projection=args.projection,
        )  # fmt: skip
    written = export_dpmd(
        args.out, data, full_nik=args.full_nik, include_kpj=args.include_kpj, paper=args.paper
    )
    sim = data.simulation
    print(
        f"Ditulis {written}: {data.nama_desa} {data.year} versi {data.versi}, "
        f"peserta {sim.head_count_text}, iuran desa {format_rp(sim.desa)}, "
        f"potongan {format_rp(sim.potongan)}."
    )
    if args.full_nik or args.include_kpj:
        what = " dan ".join(
            w for w, on in (("NIK lengkap", args.full_nik), ("nomor KPJ", args.include_kpj)) if on
        )
        print(f"Perhatian: berkas berisi {what}; kirim hanya lewat saluran resmi.")
    return 0


def run_sipp(args: argparse.Namespace) -> int:
    from desa_budget.rules import load_rules
    from desa_budget.sheets.sipp import export_sipp, gather_sipp_data
    from desa_budget.sheets.xlsx_style import check_target

    check_target(args.out)
    db = open_from_args(args)
    with db.session() as session:
        data = gather_sipp_data(session, year=args.year, rules=load_rules())
    warnings = export_sipp(args.out, data)
    pu = sum(1 for p in data.persons if p.segmen != "BPU")
    print(
        f"Ditulis {args.out}: {len(data.persons)} orang belum terdaftar "
        f"({pu} PU, {len(data.persons) - pu} BPU). Kolom mengikuti perkiraan; templat resmi "
        "SIPP tidak publik."
    )
    print(
        "Perhatian: RAHASIA. Berkas ini memuat NIK lengkap (diperlukan BPJS untuk pendaftaran); "
        "kirim hanya ke BPJS Ketenagakerjaan dan hapus setelah dipakai."
    )
    for line in warnings:
        print(f"Perhatian: {line}")
    return 0


def run_siskeudes(args: argparse.Namespace) -> int:
    from desa_budget.rules import load_rules
    from desa_budget.sheets.dpmd import gather_dpmd_data
    from desa_budget.sheets.siskeudes import export_siskeudes, rab_rows
    from desa_budget.sheets.xlsx_style import check_target

    check_target(args.out)
    db = open_from_args(args)
    with db.session() as session:
        data = gather_dpmd_data(session, load_rules(), year=args.year, jenis=args.version)
    written = export_siskeudes(args.out, data, paper=args.paper)
    print(
        f"Ditulis {written}: {len(rab_rows(data))} baris rincian RAB {data.nama_desa} "
        f"{data.year} versi {data.versi}, jumlah {format_rp(data.lines.total)}."
    )
    return 0


def run_consolidate(args: argparse.Namespace) -> int:
    from desa_budget.budget.codes.profiles import get_kabupaten_profile
    from desa_budget.sheets.consolidate import consolidate
    from desa_budget.sheets.recap import write_recap
    from desa_budget.sheets.xlsx_style import check_target

    check_target(args.out)
    if args.pdf:
        check_target(args.pdf, ".pdf")
    profile = get_kabupaten_profile(args.profil_kabupaten) if args.profil_kabupaten else None
    result = consolidate([Path(p) for p in args.inputs], year=args.year, profile=profile)
    for outcome in result.left_out:
        print(outcome.line, file=sys.stderr)
    if not result.villages:
        print(
            f"Galat: tidak ada berkas yang dapat dipakai ({len(result.files)} berkas ditolak); "
            "rekap tidak ditulis.",
            file=sys.stderr,
        )
        return EXIT_NOTHING_USED
    write_recap(args.out, result, paper=args.paper)
    if args.pdf:
        from desa_budget.reports.recap import write_recap_pdf

        write_recap_pdf(args.pdf, result, paper=args.paper)
    total = result.total
    print(
        f"Rekap tahun {result.year}: {len(result.used)} berkas dipakai, "
        f"{len(result.left_out)} tidak dipakai. {total.covered} dari {total.roster} orang "
        f"dilindungi; iuran desa {format_rp(total.desa)}. Ditulis {args.out}"
        + (f" dan {args.pdf}." if args.pdf else ".")
    )
    return 0
