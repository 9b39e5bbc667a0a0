"""Commands: ``siskeudes read`` / ``import`` / ``compare`` (a Siskeudes database, read-only)."""

import argparse
import json
from typing import Any

from desa_budget.budget.version_lines import _plain
from desa_budget.cli.common import open_from_args
from desa_budget.format import format_date, format_number
from desa_budget.rules import load_rules
from desa_budget.siskeudes.compare import STATUS_LABELS, Amounts, Comparison, compare_year
from desa_budget.siskeudes.data import SiskeudesData
from desa_budget.siskeudes.import_preview import (
    PERSON_LABELS,
    ImportPreview,
    latest_year,
    preview_import,
)
from desa_budget.siskeudes.source import read_siskeudes
from desa_budget.store import audit


def register(subparsers: Any) -> None:
    group = subparsers.add_parser(
        "siskeudes", help="baca basis data Siskeudes (tidak pernah diubah)"
    )
    actions = group.add_subparsers(dest="siskeudes_command", metavar="AKSI", required=True)
    read = actions.add_parser("read", help="isi berkas: versi, pemda, desa, perangkat, baris RAB")
    read.add_argument(
        "file", metavar="BERKAS", help="DataAPBDES .mde/.mdb/.accdb, zip atau folder CSV"
    )
    read.add_argument("--year", type=int, help="hanya tahun ini")
    read.add_argument("--json", action="store_true", help="keluaran JSON")
    read.set_defaults(func=run_read)
    imp = actions.add_parser("import", help="profil desa dan perangkat ke aplikasi, pratinjau dulu")
    imp.add_argument("file", metavar="BERKAS")
    imp.add_argument("--year", type=int, help="tahun data Siskeudes (bawaan: tahun terbaru)")
    imp.add_argument(
        "--desa", metavar="KD_DESA", help="kode desa Siskeudes bila berisi banyak desa"
    )
    imp.add_argument("--kode-desa", help="kode desa Kemendagri, untuk desa yang belum berprofil")
    imp.add_argument("--daftar", metavar="BERKAS.xlsx",
                     help="tulis perangkat yang ditambahkan belum lengkap untuk dilengkapi")  # fmt: skip
    imp.add_argument("--dry-run", action="store_true", help="pratinjau saja, tidak menyimpan")
    imp.set_defaults(func=run_import)
    comp = actions.add_parser("compare", help="baris anggaran tahun ini dibanding RAB Siskeudes")
    comp.add_argument("file", metavar="BERKAS")
    comp.add_argument("--year", type=int, required=True, help="tahun anggaran")
    comp.add_argument(
        "--desa", metavar="KD_DESA", help="kode desa Siskeudes bila berisi banyak desa"
    )
    comp.add_argument("--json", action="store_true", help="keluaran JSON")
    comp.set_defaults(func=run_compare)


def read_json(data: SiskeudesData) -> dict[str, Any]:
    pemda = _plain(data.pemda[-1]) if data.pemda else {}
    if pemda:
        pemda["logo"] = len(data.pemda[-1].logo or b"")  # bytes: its size, not its content
    return {
        "version": data.version,
        "chart_2018": data.chart_2018,
        "pemda": pemda,
        "desa": _plain(data.desa),
        "perangkat": _plain(data.perangkat),
        "lines": _plain(data.lines),
        "unmatched": list(data.unmatched),
    }


def run_read(args: argparse.Namespace) -> int:
    data = read_siskeudes(args.file).for_year(args.year)
    if args.json:
        print(json.dumps(read_json(data), ensure_ascii=False, indent=2))
        return 0
    chart = "Permendagri 20/2018" if data.chart_2018 else "sebelum Permendagri 20/2018"
    print(f"Siskeudes {data.version or '(versi tidak diketahui)'}, bagan akun {chart}")
    for p in data.pemda:
        print(f"Pemda {p.tahun}: {p.nama_pemda} ({p.kode_provinsi}.{p.kode_kabupaten}), "
              f"{p.nama_provinsi}; logo {'ada' if p.logo else 'tidak ada'}")  # fmt: skip
    for d in data.desa:
        print(f"Desa {d.tahun} {d.kd_desa} {d.nama_desa}: kepala desa {d.kepala_desa or '-'}, "
              f"sekretaris desa {d.sekretaris_desa or '-'}")  # fmt: skip
        for perdes in d.perdes:
            print(f"  Perdes {perdes.jenis}: {perdes.nomor} ({format_date(perdes.tanggal, '-')})")
    print(f"Perangkat: {len(data.perangkat)} orang")
    for person in data.perangkat:
        print(f"  {person.tahun} {person.kd_desa} {person.jabatan}: {person.nama}")
    print(
        f"Baris RAB: {len(data.lines)}, jumlah {format_number(sum(r.anggaran for r in data.lines))}"
    )
    if data.unmatched:
        print("Tidak ditemukan: " + ", ".join(data.unmatched))
    return 0


def print_preview(preview: ImportPreview) -> None:
    print(f"Siskeudes {preview.version}, tahun {preview.year}, desa {preview.kd_desa or '-'}")
    print("Profil desa (baru):" if preview.new_profile else "Profil desa:")
    for c in preview.profile:
        print(f"  ~ {c.label}: {c.old} -> {c.new}")
    if not preview.profile:
        print("  (tidak ada perubahan)")
    if preview.logo:
        print("  + logo Pemda")
    for p in preview.perdes:
        print(f"  ~ Nomor Perdes APBDes {p.jenis}: {p.old} -> {p.nomor} "
              f"({format_date(p.tanggal, '-')})")  # fmt: skip
    print("Perangkat:")
    for person in preview.persons:
        print(f"  {person.jabatan}: {person.nama} - {PERSON_LABELS[person.status]}")
        for c in person.changes:
            print(f"      ~ {c.label}: {c.old} -> {c.new}")
        if person.missing:
            print(f"      belum ada: {', '.join(person.missing)}")
    for note in preview.notes:
        print(f"Catatan: {note}")


def run_import(args: argparse.Namespace) -> int:
    # Here, not at the top: it brings the roster workbook's openpyxl, which no other command needs.
    from desa_budget.siskeudes.import_apply import apply_import, write_completion_workbook

    data = read_siskeudes(args.file)
    year = args.year if args.year is not None else latest_year(data)
    db = open_from_args(args)
    with db.session() as session:
        preview = preview_import(session, data, year=year, kd_desa=args.desa)
        print_preview(preview)
        if args.dry_run:
            print("\nUji coba (--dry-run): tidak ada yang disimpan.")
            return 0
        result = apply_import(session, data, year=year, kd_desa=args.desa, confirmed=preview,
                              kode_desa=args.kode_desa,
                              operator=audit.current_operator(session))  # fmt: skip
    print(f"\nImpor selesai: profil {'diubah' if result.profile_changed else 'tetap'}, "
          f"{result.persons_updated} orang diperbarui, {len(result.added)} perangkat ditambahkan "
          "ke daftar peserta dengan data belum lengkap.")  # fmt: skip
    if result.added and args.daftar:
        write_completion_workbook(args.daftar, result.added)
        print(f"Lengkapi NIK, tanggal lahir dan jenis kelamin di {args.daftar}, lalu impor "
              "lewat 'app.py roster import' (baris dicocokkan dengan nama dan jabatan).")  # fmt: skip
    elif result.added:
        print("Lengkapi NIK, tanggal lahir dan jenis kelamin mereka di Daftar Peserta.")
    return 0


def _amount(value: int | None) -> str:
    return "-" if value is None else format_number(value)


def _cells(a: Amounts) -> str:
    selisih = "" if a.selisih in (None, 0) else f" selisih {format_number(a.selisih or 0)}"
    return (f"{_amount(a.app):>14} {_amount(a.siskeudes):>14}  "
            f"{STATUS_LABELS[a.status]}{selisih}")  # fmt: skip


def print_comparison(c: Comparison) -> None:
    print(f"Tahun {c.year}, desa Siskeudes {c.kd_desa or '-'}, aplikasi: {c.versi_app}")
    print(f"{'kegiatan':<11}{'rekening':<11}{'sumber':<7}{'aplikasi':>14} {'Siskeudes':>14}")
    for ln in c.lines:
        print(f"{ln.kegiatan:<11}{ln.rekening:<11}{ln.sumber_dana:<7}{_cells(ln.murni)}")
        if ln.perubahan is not None:
            print(f"{'  perubahan':<29}{_cells(ln.perubahan)}")
    if not c.lines:
        print("Tidak ada baris anggaran untuk dibandingkan.")
    print("Semua sama." if c.all_equal else "Ada perbedaan.")


def run_compare(args: argparse.Namespace) -> int:
    data = read_siskeudes(args.file)
    db = open_from_args(args)
    with db.session() as session:
        result = compare_year(session, load_rules(), data, year=args.year, kd_desa=args.desa)
    if args.json:
        out = _plain(result)
        for line, plain in zip(result.lines, out["lines"], strict=True):
            for key in ("murni", "perubahan"):
                amounts = getattr(line, key)
                if amounts is not None:
                    plain[key].update(status=amounts.status, selisih=amounts.selisih)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print_comparison(result)
    return 0
