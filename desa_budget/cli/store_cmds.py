"""Commands: init (a village, or the demo village), backup and restore."""

import argparse
from typing import Any

from desa_budget.cli.common import open_from_args
from desa_budget.errors import UserError
from desa_budget.store import audit
from desa_budget.store.backup import KIND_WORDS, list_backups, make_backup, restore_backup
from desa_budget.village.profile import ProfileData, get_profile, save_profile, validate_profile

_REQUIRED = (("kode_desa", "--kode-desa"), ("kecamatan", "--kecamatan"), ("kabupaten", "--kabupaten"),
             ("provinsi", "--provinsi"))  # fmt: skip


def register(subparsers: Any) -> None:
    init = subparsers.add_parser("init", help="buat desa baru (profil desa) atau desa demo")
    which = init.add_mutually_exclusive_group(required=True)
    which.add_argument("--desa", metavar="NAMA", help="nama desa")
    which.add_argument("--demo", action="store_true", help="buat desa demo (Desa Sukamaju)")
    init.add_argument("--kode-desa", metavar="PP.KK.CC.DDDD", help="kode desa Kemendagri")
    init.add_argument("--kecamatan", metavar="NAMA")
    init.add_argument("--kabupaten", metavar="NAMA", help="kabupaten atau kota")
    init.add_argument("--provinsi", metavar="NAMA")
    init.add_argument("--alamat", default="", help="alamat kantor desa")
    init.add_argument("--kepala-desa", default="", metavar="NAMA", help="nama kepala desa")
    init.add_argument("--sekretaris-desa", default="", metavar="NAMA", help="nama sekretaris desa")
    init.add_argument(
        "--year", type=int, default=None, help="tahun anggaran desa demo (bawaan: tahun ini)"
    )
    init.set_defaults(func=run_init)

    backup = subparsers.add_parser("backup", help="buat cadangan basis data sekarang")
    backup.add_argument("--list", action="store_true", help="tampilkan cadangan yang ada")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser("restore", help="pulihkan basis data dari berkas cadangan")
    restore.add_argument("file", metavar="BERKAS")
    restore.set_defaults(func=run_restore)


def _profile_from_args(args: argparse.Namespace) -> ProfileData:
    missing = [flag for name, flag in _REQUIRED if not getattr(args, name)]
    if missing:
        raise UserError(f"Untuk membuat desa, isi juga: {', '.join(missing)}.")
    return validate_profile(
        ProfileData(
            nama_desa=args.desa,
            kode_desa=args.kode_desa,
            kecamatan=args.kecamatan,
            kabupaten=args.kabupaten,
            provinsi=args.provinsi,
            alamat=args.alamat,
            kepala_desa_nama=args.kepala_desa,
            sekretaris_desa_nama=args.sekretaris_desa,
        )
    )


def run_init(args: argparse.Namespace) -> int:
    # Check the arguments before any database file is created.
    data = None if args.demo else _profile_from_args(args)
    db = open_from_args(args)
    try:
        with db.session() as session:
            existing = get_profile(session)
            if existing is not None:
                raise UserError(
                    f"Basis data ini sudah berisi Desa {existing.nama_desa} "
                    f"({existing.kode_desa}); profil desa tidak ditimpa. Ubah profil lewat "
                    "aplikasi, atau pakai --data-dir lain untuk desa lain."
                )
            operator = audit.current_operator(session)
            if data is None:
                from desa_budget.demo import create_demo_village

                create_demo_village(session, operator=operator, year=args.year)
                name = "Desa demo Sukamaju"
            else:
                save_profile(session, data, operator=operator)
                name = f"Desa {data.nama_desa} ({data.kode_desa})"
    finally:
        db.dispose()
    print(f"{name} dibuat di {db.location}.")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.list:
            for info in list_backups(db):
                print(
                    f"{info.time:%d-%m-%Y %H:%M:%S}  {KIND_WORDS[info.kind]:<16} {info.size:>10}  {info.path}"
                )
            return 0
        path = make_backup(db, reason="manual")
    finally:
        db.dispose()
    print(path)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        kept = restore_backup(db, args.file)
    finally:
        db.dispose()
    print(f"Basis data dipulihkan dari {args.file}.")
    print(f"Basis data sebelumnya disimpan sebagai {kept}.")
    return 0
