"""Commands: ``version`` (adopt / list / diff APBDes versions) and ``scenario`` (save / compare)."""

import argparse
import json
from datetime import date
from typing import Any

from desa_budget.budget.planner import MODES
from desa_budget.cli.common import open_from_args, parse_rupiah
from desa_budget.errors import UserError
from desa_budget.format import format_cell, format_rp
from desa_budget.rules import PROGRAMS, load_rules
from desa_budget.store import audit
from desa_budget.village import categories


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("version", help="tetapkan dan bandingkan APBDes murni/perubahan")
    actions = group.add_subparsers(dest="version_command", metavar="AKSI", required=True)

    adopt = actions.add_parser("adopt", help="tetapkan (bekukan) versi anggaran tahun ini")
    adopt.add_argument("--year", type=int, required=True, help="tahun anggaran")
    adopt.add_argument("--jenis", choices=("murni", "perubahan"), required=True)
    adopt.add_argument("--nomor-perdes", default="", help="nomor Peraturan Desa APBDes")
    adopt.add_argument("--tanggal-perdes", metavar="YYYY-MM-DD", help="tanggal Perdes")
    adopt.add_argument(
        "--nomor-perkades", default="", help="nomor Peraturan Kepala Desa tentang Penjabaran APBDes"
    )
    adopt.add_argument("--tanggal-perkades", metavar="YYYY-MM-DD", help="tanggal Perkades")
    adopt.set_defaults(func=run_adopt)

    listing = actions.add_parser("list", help="daftar versi yang sudah ditetapkan")
    listing.add_argument("--year", type=int, required=True, help="tahun anggaran")
    listing.set_defaults(func=run_list)

    diff = actions.add_parser("diff", help="selisih murni dan perubahan, baris per baris")
    diff.add_argument("--year", type=int, required=True, help="tahun anggaran")
    diff.add_argument("--json", action="store_true", help="keluaran JSON")
    diff.set_defaults(func=run_diff)

    scen = subparsers.add_parser("scenario", help="simpan dan bandingkan skenario perencanaan")
    sactions = scen.add_subparsers(dest="scenario_command", metavar="AKSI", required=True)
    save = sactions.add_parser("save", help="simpan skenario (menimpa nama yang sama)")
    save.add_argument("--year", type=int, required=True, help="tahun anggaran")
    save.add_argument("--name", required=True, help="nama skenario")
    save.add_argument("--pagu", required=True, metavar="RUPIAH", help="dana tersedia, angka saja")
    save.add_argument("--mode", choices=MODES, default="strict")
    save.add_argument(
        "--tiers",
        metavar="1,2,3",
        help="urutan tingkat prioritas (bawaan: urutan profil kabupaten)",
    )
    save.add_argument("--iuran-pekerja", choices=("desa", "potong"), default=None)
    save.add_argument("--bpu-discount", action="store_true", help="terapkan diskon BPU PP 50/2025")
    save.add_argument(
        "--programs",
        action="append",
        default=[],
        metavar="KATEGORI=JKK,JKM",
        help="program untuk satu kategori (boleh diulang)",
    )
    save.set_defaults(func=run_scenario_save)
    slist = sactions.add_parser("list", help="daftar skenario tahun ini")
    slist.add_argument("--year", type=int, required=True, help="tahun anggaran")
    slist.set_defaults(func=run_scenario_list)
    comp = sactions.add_parser("compare", help="bandingkan dua skenario atau lebih")
    comp.add_argument("--year", type=int, required=True, help="tahun anggaran")
    comp.add_argument("names", nargs="+", metavar="NAMA")
    comp.set_defaults(func=run_scenario_compare)
    delete = sactions.add_parser("delete", help="hapus skenario")
    delete.add_argument("--year", type=int, required=True, help="tahun anggaran")
    delete.add_argument("--name", required=True, help="nama skenario")
    delete.set_defaults(func=run_scenario_delete)


def parse_date(text: str | None, what: str) -> date | None:
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UserError(f"{what} '{text}' tidak sah; tulis YYYY-MM-DD.") from exc


def run_adopt(args: argparse.Namespace) -> int:
    from desa_budget.budget import versions

    tanggal_perdes = parse_date(args.tanggal_perdes, "Tanggal Perdes")
    tanggal_perkades = parse_date(args.tanggal_perkades, "Tanggal Perkades")
    rules = load_rules()
    db = open_from_args(args)
    with db.session() as session:
        info = versions.adopt_version(
            session, rules, year=args.year, jenis=args.jenis,
            nomor_perdes=args.nomor_perdes, tanggal_perdes=tanggal_perdes,
            nomor_perkades=args.nomor_perkades, tanggal_perkades=tanggal_perkades,
            operator=audit.current_operator(session),
        )  # fmt: skip
    print(
        f"{versions.LABELS[info.jenis]} {info.tahun} ditetapkan: belanja {format_rp(info.total)}, "
        f"potongan siltap {format_rp(info.potongan)}."
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from desa_budget.budget import versions

    db = open_from_args(args)
    with db.session() as session:
        infos = versions.list_versions(session, args.year)
    if not infos:
        print(f"Belum ada versi APBDes yang ditetapkan untuk tahun {args.year}.")
        return 0
    print(f"{'Versi':<18} {'Nomor Perdes':<20} {'Tgl Perdes':<11} {'Nomor Perkades':<20} "
          f"{'Tgl Perkades':<12} {'Ditetapkan':<11} {'Belanja':>13}")  # fmt: skip
    for v in infos:
        print(
            f"{versions.LABELS[v.jenis]:<18} {v.nomor_perdes or '-':<20} "
            f"{str(v.tanggal_perdes or '-'):<11} {v.nomor_perkades or '-':<20} "
            f"{str(v.tanggal_perkades or '-'):<12} {v.ditetapkan:%Y-%m-%d} "
            f"{format_cell(v.total):>13}"
        )
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from desa_budget.budget import versions

    rules = load_rules()
    db = open_from_args(args)
    with db.session() as session:
        murni = versions.load_version(session, args.year, "murni")
        adopted = {v.jenis for v in versions.list_versions(session, args.year)}
        if "perubahan" in adopted:
            other = versions.load_version(session, args.year, "perubahan")
        else:
            other = versions.draft(session, rules, args.year)
    diffs = versions.diff_versions(murni, other)
    if args.json:
        rows = [
            {"kegiatan": d.kegiatan, "rekening": d.rekening, "sumber_dana": d.sumber_dana,
             "uraian": d.uraian, "lama": d.old, "baru": d.new, "selisih": d.selisih}
            for d in diffs
        ]  # fmt: skip
        data = {"year": args.year, "perubahan_adopted": other.adopted, "lines": rows}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"Selisih APBDes Murni dan {other.label} tahun {args.year}:")
    if not diffs:
        print("Tidak ada baris yang berubah.")
        return 0
    print(f"{'Kegiatan':<9} {'Rekening':<10} {'SD':<4} {'Uraian':<44} "
          f"{'Murni':>12} {'Perubahan':>12} {'Selisih':>12}")  # fmt: skip
    for d in diffs:
        print(
            f"{d.kegiatan:<9} {d.rekening:<10} {d.sumber_dana:<4} {d.uraian[:44]:<44} "
            f"{format_cell(d.old):>12} {format_cell(d.new):>12} {format_cell(d.selisih):>12}"
        )
    return 0


def _programs(items: list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for item in items:
        kategori, sep, text = item.partition("=")
        if not sep or kategori.strip() not in categories.BY_KEY:
            raise UserError(f"'{item}' tidak sah; tulis KATEGORI=JKK,JKM (mis. rt_rw=JKK,JKM).")
        names = tuple(p.strip().upper() for p in text.split(",") if p.strip())
        out[kategori.strip()] = tuple(p for p in PROGRAMS if p in names)
        if len(out[kategori.strip()]) != len(set(names)):
            raise UserError(f"Program tidak dikenal dalam '{item}'; pilih dari JKK, JKM, JHT, JP.")
    return out


def run_scenario_save(args: argparse.Namespace) -> int:
    from desa_budget.budget import scenarios

    order: tuple[int, ...] = ()  # the village profile's order
    if args.tiers:
        try:
            order = tuple(int(t) for t in args.tiers.split(",") if t.strip())
        except ValueError as exc:
            raise UserError(f"Urutan tingkat '{args.tiers}' tidak sah; tulis mis. 1,2,4.") from exc
    params = scenarios.ScenarioParams(
        pagu=parse_rupiah(args.pagu), mode=args.mode, tier_order=order,
        programs=_programs(args.programs), iuran_pekerja=args.iuran_pekerja,
        bpu_discount=args.bpu_discount,
    )  # fmt: skip
    db = open_from_args(args)
    with db.session() as session:
        scenarios.save_scenario(
            session, year=args.year, name=args.name, params=params,
            operator=audit.current_operator(session),
        )  # fmt: skip
    print(f"Skenario '{args.name}' tahun {args.year} disimpan.")
    return 0


def run_scenario_list(args: argparse.Namespace) -> int:
    from desa_budget.budget import scenarios

    db = open_from_args(args)
    with db.session() as session:
        items = scenarios.list_scenarios(session, args.year)
    if not items:
        print(f"Belum ada skenario untuk tahun {args.year}.")
    for s in items:
        tiers = ",".join(map(str, s.params.tier_order)) or "urutan profil"
        print(
            f"{s.nama}: pagu {format_rp(s.params.pagu)}, mode {s.params.mode}, tingkat {tiers}, "
            f"iuran pekerja {s.params.iuran_pekerja or 'sesuai data'}, "
            f"diskon BPU {'ya' if s.params.bpu_discount else 'tidak'}"
        )
    return 0


def run_scenario_compare(args: argparse.Namespace) -> int:
    from desa_budget.budget import scenarios

    rules = load_rules()
    db = open_from_args(args)
    with db.session() as session:
        comparison = scenarios.compare(session, rules, args.year, args.names)
    width = max(len(r.label) for r in comparison.rows)
    width = min(width, 60)
    print(f"Perbandingan skenario tahun {args.year}")
    print(f"{'':<{width}} " + " ".join(f"{c.name[:16]:>16}" for c in comparison.columns))
    for row in comparison.rows:
        print(f"{row.label[:width]:<{width}} " + " ".join(f"{v:>16}" for v in row.values))
    return 0


def run_scenario_delete(args: argparse.Namespace) -> int:
    from desa_budget.budget import scenarios

    db = open_from_args(args)
    with db.session() as session:
        scenarios.delete_scenario(
            session, year=args.year, name=args.name, operator=audit.current_operator(session)
        )
    print(f"Skenario '{args.name}' tahun {args.year} dihapus.")
    return 0
