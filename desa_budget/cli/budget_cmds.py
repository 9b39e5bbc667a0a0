"""Commands: ``lines`` (APBDes lines of a year) and ``plan`` (what the pagu can cover; with
``--apply`` it becomes the year's coverage, ``--clear`` returns the year to the whole roster).

Their JSON shapes are stable (issue 4 part 6, issue 13); automated checks read them.
"""

import argparse
import json
from typing import Any

from desa_budget.budget import coverage
from desa_budget.budget.plan_defaults import default_plan
from desa_budget.budget.planner import MODES, PersonPlan, PlanResult
from desa_budget.cli.common import open_from_args, parse_rupiah, year_of
from desa_budget.errors import UserError
from desa_budget.format import format_cell, format_decimal, format_rp
from desa_budget.rules import load_rules
from desa_budget.store import audit


def register(subparsers: Any) -> None:
    lines = subparsers.add_parser("lines", help="baris anggaran APBDes untuk iuran setahun")
    lines.add_argument("--year", type=int, default=None, help="tahun anggaran (bawaan: tahun ini)")
    lines.add_argument(
        "--version",
        choices=("murni", "perubahan"),
        default=None,
        help="tampilkan versi yang sudah ditetapkan, bukan angka terkini",
    )
    lines.add_argument("--json", action="store_true", help="keluaran JSON")
    lines.set_defaults(func=run_lines)

    planner = subparsers.add_parser("plan", help="berapa yang dapat ditanggung dengan pagu ini")
    planner.add_argument(
        "--year", type=int, default=None, help="tahun anggaran (bawaan: tahun ini)"
    )
    planner.add_argument(
        "--pagu", default=None, metavar="RUPIAH", help="dana tersedia, angka saja (wajib)"
    )
    planner.add_argument(
        "--mode", choices=MODES, default="strict", help="strict (bawaan) atau fill"
    )
    planner.add_argument(
        "--apply",
        action="store_true",
        help="terapkan rencana ke anggaran tahun itu (yang tidak ditanggung tidak dibayar) "
        "dan simpan pagunya",
    )
    planner.add_argument(
        "--clear",
        action="store_true",
        help="lepas rencana yang diterapkan: anggaran kembali ke seluruh daftar peserta",
    )
    planner.add_argument("--json", action="store_true", help="keluaran JSON")
    planner.set_defaults(func=run_plan)


def run_lines(args: argparse.Namespace) -> int:
    from desa_budget.budget import versions

    year = year_of(args)
    rules = load_rules()
    db = open_from_args(args)
    with db.session() as session:
        if args.version:
            version = versions.load_version(session, year, args.version)
        else:
            sim, built = versions.current(session, rules, year)
            version = versions.FrozenVersion(year, "", sim, built)
        checked = versions.check_version(session, version)
    lines = version.lines
    if args.json:
        data = {
            "year": year,
            "lines": [
                {
                    "kegiatan": line.kegiatan,
                    "rekening": line.rekening,
                    "sumber_dana": line.sumber_dana,
                    "uraian": line.uraian,
                    "volume": line.volume,
                    "satuan": line.satuan,
                    "jumlah": line.jumlah,
                }
                for line in lines.lines
            ],
            "total": lines.total,
            "potongan": lines.potongan,
            "warnings": [str(w) for w in checked.warnings],
            "errors": [str(e) for e in checked.errors],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    title = versions.LABELS[args.version] if args.version else "Angka terkini (belum ditetapkan)"
    print(f"Baris anggaran iuran BPJS Ketenagakerjaan tahun {year}: {title}")
    if version.info is not None:
        print(
            f"Perdes {version.info.nomor_perdes or '-'} tanggal "
            f"{version.info.tanggal_perdes or '-'}; ditetapkan {version.info.ditetapkan:%Y-%m-%d}"
        )
    print_lines(lines)
    ratio = checked.ratio
    if ratio is not None:
        print(
            f"\nBatas 30%: {ratio.teks_tanpa} tanpa iuran, {ratio.teks_dengan} dengan iuran "
            f"jaminan sosial (batas {format_decimal(ratio.batas_persen, 0)}%); penghasilan "
            f"{format_rp(ratio.penghasilan)} dari {ratio.sumber}."
        )
    for label, items in (("Kesalahan", checked.errors), ("Peringatan", checked.warnings)):
        if items:
            print(f"\n{label}:")
            for item in items:
                print(f"  ! {item}")
    return 0


def print_lines(lines: Any) -> None:
    header = f"{'Kegiatan':<9} {'Rekening':<10} {'SD':<4} {'Uraian':<46} {'Vol':>5} {'Sat':<4}"
    print(header + f" {'Jumlah':>13}")
    print("-" * (len(header) + 14))
    for line in lines.lines:
        print(
            f"{line.kegiatan:<9} {line.rekening:<10} {line.sumber_dana:<4} "
            f"{line.uraian[:46]:<46} {line.volume:>5} {line.satuan:<4} "
            f"{format_cell(line.jumlah):>13}"
        )
    print(f"\nJumlah belanja: {format_rp(lines.total)}")
    print(
        "Iuran pekerja dipotong atau dibayar sendiri (bukan belanja, disetor atas nama peserta): "
        f"{format_rp(lines.potongan)}"
    )
    for withheld in lines.potongan_lines:  # a BPU worker's own JHT is named as such
        print(f"  {withheld.uraian}: {format_rp(withheld.jumlah)}")


def plan_to_json(result: PlanResult) -> dict[str, Any]:
    return {
        "year": result.year,
        "pagu": result.pagu,
        "mode": result.mode,
        "tiers": [
            {
                "tier": t.tier,
                "name": t.name,
                "eligible": t.eligible,
                "covered": t.covered,
                "cost": t.cost,
            }
            for t in result.tiers
        ],
        "used": result.used,
        "left": result.left,
        "cost_full": result.cost_full,
        "persons": [person_to_json(p) for p in result.persons],
    }


def person_to_json(person: PersonPlan) -> dict[str, Any]:
    """One person of the plan. The NIK is whole, as in ``simulate --json``: this output is for
    the village itself."""
    return {
        "nik": person.nik,
        "nama": person.nama,
        "covered": person.covered,
        "programs": list(person.programs),
        "left_out": list(person.left_out),
        "months": len(person.months),
        "desa": person.desa,
        "potongan": person.potongan,
        "reason": person.reason,
    }


def run_plan(args: argparse.Namespace) -> int:
    if args.clear:
        return run_plan_clear(args)
    if args.pagu is None:
        raise UserError("--pagu wajib diisi (kecuali dengan --clear).")
    pagu = parse_rupiah(args.pagu)
    year = year_of(args)
    rules = load_rules()
    db = open_from_args(args)
    with db.session() as session:
        result = default_plan(session, rules, year, pagu=pagu, mode=args.mode)
        if args.apply:
            coverage.apply_default_plan(
                session, rules, year, pagu=pagu, mode=args.mode,
                operator=audit.current_operator(session),
            )  # fmt: skip
        applied = coverage.is_applied(session, result)
    if args.json:
        print(
            json.dumps({**plan_to_json(result), "applied": applied}, ensure_ascii=False, indent=2)
        )
        return 0
    print_plan(result)
    if args.apply:
        print(f"\nRencana diterapkan ke anggaran {year}: yang tidak ditanggung tidak dibayar.")
    return 0


def run_plan_clear(args: argparse.Namespace) -> int:
    """``plan --clear``: the year's budget follows the whole roster again."""
    if args.pagu is not None or args.apply:
        raise UserError("--clear tidak dapat digabung dengan --pagu atau --apply.")
    year = year_of(args)
    db = open_from_args(args)
    with db.session() as session:
        coverage.clear_plan(session, year, operator=audit.current_operator(session))
    if args.json:
        print(json.dumps({"year": year, "applied": False}, ensure_ascii=False, indent=2))
    else:
        print(f"Rencana {year} dilepas: anggaran kembali ke seluruh daftar peserta.")
    return 0


def print_plan(result: PlanResult) -> None:
    print(
        f"Rencana pertanggungan tahun {result.year}: pagu {format_rp(result.pagu)}, "
        f"mode {result.mode}"
    )
    header = f"{'No':>2}  {'Tingkat':<58} {'Ditanggung':>10} {'Biaya':>13} {'Biaya penuh':>13}"
    print(header)
    print("-" * len(header))
    for t in result.tiers:
        print(
            f"{t.tier:>2}  {t.name[:58]:<58} {f'{t.covered}/{t.eligible}':>10} "
            f"{format_cell(t.cost):>13} {format_cell(t.cost_full):>13}"
        )
    print(f"\nTerpakai: {format_rp(result.used)}")
    print(f"Sisa: {format_rp(result.left)}")
    print(f"Biaya menanggung seluruh daftar peserta: {format_rp(result.cost_full)}")
    if result.cost_not_planned:
        print(
            f"Di luar tingkat prioritas atau melebihi target: {format_rp(result.cost_not_planned)}"
        )
    if result.unpriced:
        print(f"Catatan: {len(result.unpriced)} orang tanpa dasar upah/penghasilan tidak dihitung.")
    for note in result.assumptions:
        print(f"Asumsi: {note}")
    short = [p for p in result.persons if p.left_out]
    if short:
        print(f"\nPeserta yang tidak seluruhnya ditanggung ({len(short)} orang):")
        for p in short:
            print(f"  {p.nama}: {', '.join(p.left_out)} ({p.reason})")
