"""Command: project (the contributions over the RPJMDes years, under stated assumptions)."""

import argparse
import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from desa_budget.cli.common import open_from_args
from desa_budget.errors import UserError
from desa_budget.format import format_cell, format_growth, format_rp
from desa_budget.projection.assumptions import (
    MAX_YEARS,
    ProjectionParams,
    parse_percent,
    read_params,
    save_params,
    validate,
)
from desa_budget.projection.compute import Projection, project
from desa_budget.rules import PROGRAMS, load_rules
from desa_budget.store import audit
from desa_budget.village import categories


def register(subparsers: Any) -> None:
    cmd = subparsers.add_parser(
        "project", help="proyeksi iuran beberapa tahun ke depan (RPJMDes) dengan asumsi"
    )
    cmd.add_argument(
        "--from", dest="tahun_dasar", type=int, default=None,
        help="tahun dasar (bawaan: tahun ini); tahun itu sama dengan simulasinya",
    )  # fmt: skip
    cmd.add_argument(
        "--years", type=int, default=None,
        help=f"jumlah tahun, 1 sampai {MAX_YEARS} (bawaan: yang disimpan, atau 6)",
    )  # fmt: skip
    cmd.add_argument("--json", action="store_true", help="keluaran JSON")
    cmd.add_argument(
        "--jp-growth", metavar="PERSEN",
        help="kenaikan batas upah JP per tahun sesudah yang diterbitkan (bawaan: rata-rata "
        "kenaikan yang diterbitkan); 'rata-rata' kembali ke bawaan",
    )  # fmt: skip
    cmd.add_argument(
        "--wage-growth", metavar="KATEGORI=PERSEN", action="append", default=[],
        help="kenaikan dasar upah per tahun satu kategori, mis. perangkat_desa=5 (boleh diulang)",
    )  # fmt: skip
    cmd.add_argument(
        "--belanja-growth", metavar="PERSEN",
        help="kenaikan total belanja desa per tahun, untuk rasio 30%% tahun yang belum diisi",
    )  # fmt: skip
    cmd.add_argument(
        "--target", metavar="KATEGORI:TAHUN=ORANG", action="append", default=[],
        help="target peserta, mis. pekerja_rentan:2029=100 (boleh diulang)",
    )  # fmt: skip
    refill = cmd.add_mutually_exclusive_group()
    refill.add_argument(
        "--no-refill", dest="refill", action="store_false", default=None,
        help="jabatan yang berakhir tidak diisi kembali",
    )  # fmt: skip
    refill.add_argument(
        "--refill", dest="refill", action="store_true",
        help="jabatan yang berakhir diisi kembali dengan dasar yang sama (bawaan)",
    )  # fmt: skip
    cmd.add_argument(
        "--save", action="store_true", help="simpan asumsi ini untuk tahun dasar tersebut"
    )
    cmd.set_defaults(func=run_project)


def _category(key: str) -> str:
    if key not in categories.KEYS:
        raise UserError(f"Kategori '{key}' tidak dikenal; pilih dari {', '.join(categories.KEYS)}.")
    return key


def _wage_growth(items: list[str], params: ProjectionParams) -> dict[str, Decimal]:
    found = dict(params.kenaikan_upah)
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise UserError(f"--wage-growth '{item}' tidak sah; tulis KATEGORI=PERSEN.")
        found[_category(key.strip())] = parse_percent(value, "Kenaikan upah")
    return found


def _targets(items: list[str], params: ProjectionParams) -> dict[str, dict[int, int]]:
    found = {k: dict(v) for k, v in params.target.items()}
    for item in items:
        key, _sep, rest = item.partition(":")
        year, sep, count = rest.partition("=")
        if not sep or not year.strip().isdigit() or not count.strip().isdigit():
            raise UserError(f"--target '{item}' tidak sah; tulis KATEGORI:TAHUN=ORANG.")
        found.setdefault(_category(key.strip()), {})[int(year)] = int(count)
    return found


def params_from_args(args: argparse.Namespace, stored: ProjectionParams) -> ProjectionParams:
    """The stored assumptions with what the command line states instead."""
    params = stored
    if args.years is not None:
        params = replace(params, jumlah_tahun=args.years)
    if args.jp_growth is not None:
        growth = None if args.jp_growth.strip() in ("rata-rata", "") else args.jp_growth
        value = None if growth is None else parse_percent(growth, "Kenaikan batas upah JP")
        params = replace(params, kenaikan_batas_jp=value)
    if args.belanja_growth is not None:
        value = parse_percent(args.belanja_growth, "Kenaikan total belanja")
        params = replace(params, kenaikan_belanja=value)
    if args.refill is not None:
        params = replace(params, isi_kembali=args.refill)
    return validate(
        replace(
            params,
            kenaikan_upah=_wage_growth(args.wage_growth, params),
            target=_targets(args.target, params),
        )
    )


def projection_json(result: Projection) -> dict[str, Any]:
    params = result.params
    return {
        "from": params.tahun_dasar,
        "years": [
            {
                "year": y.year,
                "desa": y.desa,
                "potongan": y.potongan,
                "by_program": {
                    k: {"desa": v.desa, "potongan": v.potongan} for k, v in y.by_program.items()
                },
                "by_category": {
                    k: {"persons": v.persons, "desa": v.desa, "potongan": v.potongan}
                    for k, v in y.by_category.items()
                },
                "jp_ceiling": {"amount": y.jp_ceiling, "assumed": y.jp_ceiling_assumed},
                "total_belanja": y.total_belanja,
                "total_belanja_assumed": y.total_belanja_assumed,
                "ratio_30": None
                if y.ratio is None
                else {
                    "without_jamsos": str(y.ratio.persen_tanpa.quantize(Decimal("0.01"))),
                    "with_jamsos": str(y.ratio.persen_dengan.quantize(Decimal("0.01"))),
                    "limit": str(y.ratio.batas_persen),
                },
            }
            for y in result.years
        ],
        "assumptions": list(result.assumptions),
        "parameters": {
            "years": params.jumlah_tahun,
            "jp_growth": str(result.ceiling_growth),
            "jp_growth_is_average": params.kenaikan_batas_jp is None,
            "wage_growth": {k: str(v) for k, v in params.kenaikan_upah.items()},
            "belanja_growth": None
            if params.kenaikan_belanja is None
            else str(params.kenaikan_belanja),
            "refill": params.isi_kembali,
            "targets": {k: {str(y): n for y, n in v.items()} for k, v in params.target.items()},
        },
    }


def projection_table(result: Projection) -> str:
    first, last = result.years[0].year, result.years[-1].year
    lines = [f"Proyeksi iuran BPJS Ketenagakerjaan {first}-{last}", ""]
    row = "{:<6}" + " {:>14}" * (2 + len(PROGRAMS)) + " {:>12} {:>8}"
    lines.append(row.format("Tahun", "Dibayar desa", "Dipotong", *PROGRAMS, "Batas JP", "Rasio"))
    for y in result.years:
        ratio = "-" if y.ratio is None else y.ratio.teks_dengan
        ceiling = format_cell(y.jp_ceiling) + ("*" if y.jp_ceiling_assumed else "")
        programs = (format_cell(y.by_program[p].desa + y.by_program[p].potongan) for p in PROGRAMS)
        lines.append(
            row.format(
                y.year, format_cell(y.desa), format_cell(y.potongan), *programs, ceiling, ratio
            )
        )
    lines += [
        "",
        "Program: jumlah desa + dipotong. Batas JP bulan Desember; * = asumsi. "
        "Rasio: batas 30% dengan jaminan sosial, bila total belanja diketahui.",
        f"Jumlah dibayar desa {first}-{last}: {format_rp(sum(y.desa for y in result.years))}",
        f"Kenaikan batas upah JP: "
        f"{format_growth(result.ceiling_growth)}% "
        f"per tahun (rata-rata yang diterbitkan {format_growth(result.average_ceiling_growth)}%)",
        "",
        "Asumsi:",
    ]
    lines += [f"  - {a}" for a in result.assumptions]
    return "\n".join(lines)


def run_project(args: argparse.Namespace) -> int:
    year = args.tahun_dasar if args.tahun_dasar is not None else date.today().year
    db = open_from_args(args)
    with db.session() as session:
        stored = read_params(session, year)
        params = params_from_args(args, stored.params)
        result = project(session, load_rules(), params)
        if args.save:
            save_params(session, params, operator=audit.current_operator(session))
    if args.json:
        print(json.dumps(projection_json(result), ensure_ascii=False, indent=2))
    else:
        print(projection_table(result))
        if args.save:
            print(f"\nAsumsi proyeksi dari {year} disimpan.")
    return 0
