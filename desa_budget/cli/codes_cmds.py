"""Command ``codes``: the village's budget codes (mapping per category, local codes, per-person
overrides) and the year's figures the checks need (total belanja desa, pagu)."""

import argparse
from typing import Any

from desa_budget.budget import settings as budget_settings
from desa_budget.budget.codes.forms import format_siskeudes
from desa_budget.cli.common import open_from_args, parse_rupiah
from desa_budget.errors import UserError
from desa_budget.roster.read import find_person_id
from desa_budget.store import audit
from desa_budget.village import categories


def register(subparsers: Any) -> None:
    group = subparsers.add_parser(
        "codes", help="kode anggaran desa: pemetaan, kode lokal, per orang"
    )
    actions = group.add_subparsers(dest="codes_command", metavar="AKSI", required=True)

    show = actions.add_parser("show", help="pemetaan kategori dan kode lokal yang berlaku")
    show.set_defaults(func=run_show)

    mapping = actions.add_parser("map", help="tetapkan kode satu kategori untuk desa ini")
    mapping.add_argument("--kategori", required=True, choices=categories.KEYS)
    mapping.add_argument("--kegiatan", required=True, help="mis. 1.1.03 atau 01.01.03.")
    mapping.add_argument("--rekening", required=True, help="mis. 5.1.3.04")
    mapping.add_argument(
        "--sumber-dana", required=True, help="PAD, ADD, DDS, PBH, PBP, PBK, SWD, DLL"
    )
    mapping.set_defaults(func=run_map)

    reset = actions.add_parser("reset", help="kembalikan kode satu kategori ke profil kabupaten")
    reset.add_argument("--kategori", required=True, choices=categories.KEYS)
    reset.set_defaults(func=run_reset)

    local = actions.add_parser("local", help="tambah atau hapus kode lokal (nomor 90-99)")
    local.add_argument("action", choices=("add", "remove"))
    local.add_argument("--jenis", required=True, choices=("kegiatan", "rekening"))
    local.add_argument("--kode", required=True)
    local.add_argument("--uraian", default="", help="uraian (wajib untuk add)")
    local.set_defaults(func=run_local)

    person = actions.add_parser("person", help="kode khusus untuk satu orang (kosong = kategori)")
    person.add_argument("--nik", required=True)
    person.add_argument("--year", type=int, required=True)
    person.add_argument("--kegiatan")
    person.add_argument("--rekening")
    person.add_argument("--sumber-dana")
    person.set_defaults(func=run_person)

    year = subparsers.add_parser("budget-year", help="total belanja desa dan pagu satu tahun")
    year.add_argument("--year", type=int, required=True)
    year.add_argument(
        "--total-belanja", metavar="RUPIAH", help="total belanja APBDes (untuk batas 30%%)"
    )
    year.add_argument("--pagu", metavar="RUPIAH", help="dana tersedia untuk iuran")
    year.set_defaults(func=run_budget_year)


def run_show(args: argparse.Namespace) -> int:
    with open_from_args(args).session() as s:
        mapping = budget_settings.effective_mapping(s)
        catalog = budget_settings.catalog_for(s)
        print(f"Profil kabupaten: {budget_settings.kabupaten_profile(s).title}\n")
        print(f"{'Kategori':<16} {'Kegiatan':<10} {'Siskeudes':<10} {'Rekening':<10} SD   Asal")
        for key, row in mapping.items():
            origin = "desa" if row.village_set else "profil"
            print(
                f"{categories.label(key):<16} {row.kode_kegiatan:<10} "
                f"{format_siskeudes(row.kode_kegiatan, 'kegiatan'):<10} {row.kode_rekening:<10} "
                f"{row.sumber_dana:<4} {origin}"
            )
        local = budget_settings.local_codes(s)
        if local:
            print("\nKode lokal desa:")
            for code in local:
                print(f"  {code.jenis:<9} {code.kode:<10} {code.uraian}")
        print(f"\nKode tersedia: {len(catalog.items('kegiatan'))} kegiatan, "
              f"{len(catalog.items('rekening'))} rekening, {len(catalog.items('sumber_dana'))} sumber dana.")  # fmt: skip
    return 0


def run_map(args: argparse.Namespace) -> int:
    with open_from_args(args).session() as s:
        row = budget_settings.set_category_mapping(
            s, args.kategori, kode_kegiatan=args.kegiatan, kode_rekening=args.rekening,
            sumber_dana=args.sumber_dana, operator=audit.current_operator(s),
        )  # fmt: skip
    print(
        f"{categories.label(row.kategori)}: {row.kode_kegiatan} / {row.kode_rekening} / {row.sumber_dana}"
    )
    return 0


def run_reset(args: argparse.Namespace) -> int:
    with open_from_args(args).session() as s:
        budget_settings.reset_category_mapping(s, args.kategori, operator=audit.current_operator(s))
    print(f"{categories.label(args.kategori)} kembali memakai kode profil kabupaten.")
    return 0


def run_local(args: argparse.Namespace) -> int:
    with open_from_args(args).session() as s:
        operator = audit.current_operator(s)
        if args.action == "add":
            if not args.uraian.strip():
                raise UserError("Uraian kode lokal wajib diisi (--uraian).")
            budget_settings.add_local_code(
                s, jenis=args.jenis, kode=args.kode, uraian=args.uraian.strip(), operator=operator
            )
            print(f"Kode lokal {args.kode} ditambahkan.")
        else:
            budget_settings.remove_local_code(
                s, jenis=args.jenis, kode=args.kode, operator=operator
            )
            print(f"Kode lokal {args.kode} dihapus.")
    return 0


def run_person(args: argparse.Namespace) -> int:
    with open_from_args(args).session() as s:
        person_id = find_person_id(s, args.nik.strip())
        if person_id is None:
            raise UserError(f"NIK {args.nik} tidak ada dalam daftar peserta.")
        budget_settings.set_person_codes(
            s, person_id, args.year, kode_kegiatan=args.kegiatan, kode_rekening=args.rekening,
            sumber_dana=args.sumber_dana, operator=audit.current_operator(s),
        )  # fmt: skip
    print("Kode khusus peserta disimpan.")
    return 0


def run_budget_year(args: argparse.Namespace) -> int:
    total = parse_rupiah(args.total_belanja, "Total belanja desa") if args.total_belanja else None
    pagu = parse_rupiah(args.pagu, "Pagu") if args.pagu else None
    with open_from_args(args).session() as s:
        operator = audit.current_operator(s)
        if total is not None:
            budget_settings.set_total_belanja(s, args.year, total, operator=operator)
        if pagu is not None:
            budget_settings.set_pagu(s, args.year, pagu, operator=operator)
    print(f"Tahun anggaran {args.year} disimpan.")
    return 0
