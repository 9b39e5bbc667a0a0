"""Command ``dokumen``: which regulation each document annexes and its number, who signs, and the
pelaksana kegiatan of each RAB (the same data the Dokumen page shows)."""

import argparse
from datetime import date
from typing import Any

from desa_budget.budget import regulations
from desa_budget.cli.common import open_from_args
from desa_budget.format import tanggal_indonesia
from desa_budget.rules import load_rules
from desa_budget.store import audit

PERATURAN_CHOICES = (*regulations.KINDS, "tanpa")


def register(subparsers: Any) -> None:
    group = subparsers.add_parser(
        "dokumen", help="peraturan, nomor, penanda tangan dan pelaksana kegiatan dokumen"
    )
    actions = group.add_subparsers(dest="dokumen_command", metavar="AKSI", required=True)

    show = actions.add_parser("tampil", help="tampilkan peraturan tiap dokumen dan penanda tangan")
    show.add_argument("--year", type=int, default=None, help="tahun anggaran (bawaan: tahun ini)")
    show.add_argument("--version", choices=("murni", "perubahan"), default=None)
    show.set_defaults(func=run_show)

    nomor = actions.add_parser("nomor", help="isi atau betulkan nomor dan tanggal peraturan")
    nomor.add_argument("--year", type=int, required=True, help="tahun anggaran")
    nomor.add_argument("--version", choices=("murni", "perubahan"), required=True)
    nomor.add_argument("--peraturan", choices=tuple(regulations.KINDS), required=True)
    nomor.add_argument("--nomor", required=True, help="nomor peraturan, mis. 4")
    nomor.add_argument("--tanggal", metavar="YYYY-MM-DD", help="tanggal peraturan")
    nomor.set_defaults(func=run_nomor)

    letak = actions.add_parser("letak", help="dokumen menjadi lampiran peraturan yang mana")
    letak.add_argument("--doc", choices=regulations.DOCUMENTS, required=True)
    letak.add_argument(
        "--peraturan", choices=PERATURAN_CHOICES, required=True, help="tanpa = tanpa blok LAMPIRAN"
    )
    letak.add_argument("--lampiran", default="", help="nomor lampiran Romawi (I, II, ...)")
    letak.set_defaults(func=run_letak)

    pelaksana = actions.add_parser("pelaksana", help="pelaksana kegiatan yang membuat RAB")
    pelaksana.add_argument("--kegiatan", required=True, metavar="KODE", help="mis. 1.1.03")
    pelaksana.add_argument("nama", help="nama pelaksana; kosong ('') = kembali ke profil desa")
    pelaksana.add_argument("--jabatan", default="", help="mis. Kaur Keuangan")
    pelaksana.set_defaults(func=run_pelaksana)


def run_show(args: argparse.Namespace) -> int:
    from desa_budget.reports import gather_annex_data

    year: int = args.year if args.year is not None else date.today().year
    db = open_from_args(args)
    try:
        with db.session() as session:
            data = gather_annex_data(session, load_rules(), year=year, jenis=args.version)
    finally:
        db.dispose()
    state = "ditetapkan" if data.adopted else "rancangan"
    print(f"APBDes {data.jenis.capitalize()} {year} ({state})")
    for doc in regulations.DOCUMENTS:
        placement = data.placement(doc)
        label = regulations.DOCUMENT_LABELS[doc]
        reg = data.regulation(doc)
        if reg is None:
            print(f"- {label}: tanpa lampiran (dokumen sendiri)")
            continue
        kind = regulations.KINDS[placement.peraturan]
        nomor = reg.nomor or ". . ."
        tanggal = tanggal_indonesia(reg.tanggal) if reg.tanggal else ". . ."
        lampiran = f" {placement.lampiran}" if placement.lampiran else ""
        print(f"- {label}: Lampiran{lampiran} {kind.label}, nomor {nomor}, tanggal {tanggal}")
    signers = data.who_signs
    title = {"pj": "Pj. ", "plt": "Plt. ", "an": "a.n. "}.get(signers.kepala.status, "")
    print(f"Penanda tangan: {title}Kepala Desa {signers.kepala.nama or '. . .'}; "
          f"Sekretaris Desa {signers.sekretaris.nama or '. . .'}")  # fmt: skip
    for code in sorted({line.kegiatan for line in data.lines.lines}):
        who = data.pelaksana_for(code)
        print(
            f"Pelaksana kegiatan {code}: {who.nama or '. . .'}"
            + (f" ({who.jabatan})" if who.jabatan else "")
        )
    for warning in signers.warnings:
        print(f"Perhatian: {warning}")
    return 0


def run_nomor(args: argparse.Namespace) -> int:
    from desa_budget.cli.version_cmds import parse_date

    tanggal = parse_date(args.tanggal, "Tanggal")
    db = open_from_args(args)
    try:
        with db.session() as session:
            saved = regulations.set_regulation_number(
                session, year=args.year, jenis=args.version, peraturan=args.peraturan,
                nomor=args.nomor, tanggal=tanggal, operator=audit.current_operator(session),
            )  # fmt: skip
    finally:
        db.dispose()
    when = tanggal_indonesia(saved.tanggal) if saved.tanggal else "tanpa tanggal"
    print(f"{regulations.KINDS[saved.peraturan].label} {args.year}: nomor {saved.nomor}, {when}.")
    return 0


def run_letak(args: argparse.Namespace) -> int:
    peraturan = "" if args.peraturan == "tanpa" else args.peraturan
    db = open_from_args(args)
    try:
        with db.session() as session:
            saved = regulations.set_placement(
                session, dokumen=args.doc, peraturan=peraturan, lampiran=args.lampiran,
                operator=audit.current_operator(session),
            )  # fmt: skip
    finally:
        db.dispose()
    label = regulations.DOCUMENT_LABELS[saved.dokumen]
    if not saved.peraturan:
        print(f"{label}: dicetak tanpa blok LAMPIRAN.")
    else:
        lampiran = f" {saved.lampiran}" if saved.lampiran else ""
        print(f"{label}: Lampiran{lampiran} {regulations.KINDS[saved.peraturan].label}.")
    return 0


def run_pelaksana(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        with db.session() as session:
            saved = regulations.set_pelaksana(
                session, kode_kegiatan=args.kegiatan, nama=args.nama, jabatan=args.jabatan,
                operator=audit.current_operator(session),
            )  # fmt: skip
    finally:
        db.dispose()
    if saved.nama:
        print(f"RAB kegiatan {saved.kode_kegiatan} dibuat oleh {saved.nama}.")
    else:
        print(f"RAB kegiatan {saved.kode_kegiatan} memakai pelaksana dari profil desa.")
    return 0
