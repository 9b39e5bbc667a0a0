"""The ``quote`` command: one participation's contributions for a month or a year (issue 2 part 5)."""

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from desa_budget.contributions.engine import Participation, Quote, quote_months
from desa_budget.contributions.results import ROUNDING_RULE
from desa_budget.errors import UserError
from desa_budget.format import format_cell, format_rp, month_label
from desa_budget.roster.data import bpu_programs_problem
from desa_budget.rules import PROGRAMS, load_rules
from desa_budget.rules.months import iso_month, parse_year_month

_DIGITS = re.compile(r"[0-9]{1,15}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ROUNDING_NOTE = f"Pembulatan: {ROUNDING_RULE}."


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "quote",
        help="hitung iuran satu peserta untuk satu bulan atau satu tahun",
        description="Hitung iuran BPJS Ketenagakerjaan satu peserta, bulan per bulan.",
    )
    parser.add_argument("--segment", required=True, metavar="PU|BPU", help="segmen kepesertaan")
    parser.add_argument(
        "--basis",
        required=True,
        metavar="RUPIAH",
        help="dasar upah (PU) atau penghasilan yang dilaporkan (BPU), angka saja: 2000000",
    )
    parser.add_argument(
        "--programs", required=True, metavar="JKK,JKM[,JHT][,JP]", help="program, dipisah koma"
    )
    parser.add_argument(
        "--jkk-class", default="1", metavar="1..5", help="kelas risiko JKK (bawaan 1)"
    )
    parser.add_argument(
        "--worker-share",
        default="desa",
        metavar="desa|potong",
        help="iuran pekerja JHT/JP dibayar desa (bawaan) atau dipotong dari penghasilan (BPU: "
        "iuran mandiri yang dibayar sendiri oleh peserta)",
    )
    parser.add_argument("--birth-date", metavar="YYYY-MM-DD", help="tanggal lahir (uji usia JP)")
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", metavar="YYYY-MM", help="satu bulan iuran")
    when.add_argument("--year", metavar="YYYY", help="dua belas bulan satu tahun")
    parser.add_argument(
        "--bpu-discount",
        default="off",
        metavar="on|off",
        help="terapkan diskon BPU PP 50/2025 (bawaan off: iuran penuh)",
    )
    parser.add_argument("--json", action="store_true", help="keluaran satu objek JSON")
    parser.set_defaults(func=run)


@dataclass(frozen=True)
class QuoteRequest:
    participation: Participation
    months: tuple[tuple[int, int], ...]
    bpu_discount: bool
    programs: tuple[str, ...]  # requested, in JKK, JKM, JHT, JP order


def _choice(value: str, choices: tuple[str, ...], what: str) -> str:
    for choice in choices:
        if value.strip().casefold() == choice.casefold():
            return choice
    raise UserError(f"{what} '{value}' tidak sah; pilih {' atau '.join(choices)}.")


def parse_basis(text: str) -> int:
    """Digits only: "2000000". Dots, commas, signs and decimals are refused, never guessed."""
    if not _DIGITS.fullmatch(text.strip()):
        raise UserError(
            f"Dasar upah/penghasilan '{text}' tidak sah; tulis bilangan bulat rupiah yang tidak "
            "negatif, angka saja tanpa titik atau koma, misalnya 2000000."
        )
    return int(text.strip())


def parse_programs(text: str) -> tuple[str, ...]:
    names = [part.strip().upper() for part in text.split(",")]
    if not any(names) or "" in names:
        raise UserError(
            f"Daftar program '{text}' tidak sah; tulis nama program dipisah koma, misalnya JKK,JKM."
        )
    unknown = [n for n in names if n not in PROGRAMS]
    if unknown:
        raise UserError(
            f"Program tidak dikenal: {', '.join(unknown)}; pilih dari {', '.join(PROGRAMS)}."
        )
    return tuple(p for p in PROGRAMS if p in names)


def _jkk_class(text: str) -> int:
    if text.strip() not in {"1", "2", "3", "4", "5"}:
        raise UserError(f"Kelas risiko JKK '{text}' tidak sah; pilih 1 sampai 5.")
    return int(text.strip())


def _birth_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        if not _DATE.fullmatch(text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"Tanggal lahir '{text}' tidak sah; tulis YYYY-MM-DD, misalnya 1975-08-17."
        ) from None


def _months(month: str | None, year: str | None) -> tuple[tuple[int, int], ...]:
    if month is not None:
        parsed = parse_year_month(month)
        if parsed is None or len(month.strip()) != 7:
            raise UserError(f"Bulan '{month}' tidak sah; tulis YYYY-MM, misalnya 2026-03.")
        return (parsed,)
    assert year is not None  # argparse requires one of --month / --year
    if not re.fullmatch(r"[0-9]{4}", year.strip()) or int(year) < 1:
        raise UserError(f"Tahun '{year}' tidak sah; tulis empat angka, misalnya 2026.")
    return tuple((int(year), m) for m in range(1, 13))


def parse_request(args: argparse.Namespace) -> QuoteRequest:
    """Check every argument; each problem is one Indonesian sentence naming the option."""
    segment = _choice(args.segment, ("PU", "BPU"), "Segmen")
    basis = parse_basis(args.basis)
    programs = parse_programs(args.programs)
    problem = bpu_programs_problem(programs) if segment == "BPU" else None
    if problem is not None:
        raise UserError(problem)
    participation = Participation(
        segment=segment,
        basis=basis,
        programs=frozenset(programs),
        jkk_class=_jkk_class(args.jkk_class),
        worker_share=_choice(args.worker_share, ("desa", "potong"), "Pembayar iuran pekerja"),
        birth_date=_birth_date(args.birth_date),
    )
    return QuoteRequest(
        participation=participation,
        months=_months(args.month, args.year),
        bpu_discount=_choice(args.bpu_discount, ("on", "off"), "Diskon BPU") == "on",
        programs=programs,
    )


def quote_json(quote: Quote, programs: tuple[str, ...]) -> dict[str, Any]:
    """The stable JSON of issue 2 part 5."""
    return {
        "months": [
            {
                "month": iso_month(m.year, m.month),
                "programs": {
                    name: {"desa": m.programs[name].desa, "potongan": m.programs[name].potongan}
                    for name in programs
                },
                "desa": m.desa,
                "potongan": m.potongan,
            }
            for m in quote.months
        ],
        "desa": quote.desa,
        "potongan": quote.potongan,
        "assumptions": list(quote.assumptions),
    }


def _header(request: QuoteRequest) -> list[str]:
    p = request.participation
    names = [
        f"JKK (kelas risiko {p.jkk_class})" if n == "JKK" and p.segment == "PU" else n
        for n in request.programs
    ]
    pairs = [
        (
            "Segmen",
            f"{p.segment} ({'Penerima Upah' if p.segment == 'PU' else 'Bukan Penerima Upah'})",
        ),
        ("Dasar upah" if p.segment == "PU" else "Penghasilan dilaporkan", format_rp(p.basis)),
        ("Program", ", ".join(names)),
        ("Iuran pekerja", _worker_share_text(p)),
    ]
    if p.birth_date is not None:
        pairs.append(("Tanggal lahir", p.birth_date.isoformat()))
    if p.segment == "BPU":
        pairs.append(
            ("Diskon PP 50/2025", "diterapkan" if request.bpu_discount else "tidak diterapkan")
        )
    width = max(len(label) for label, _ in pairs)
    return ["Perkiraan iuran BPJS Ketenagakerjaan"] + [
        f"  {label:<{width}} : {value}" for label, value in pairs
    ]


def _worker_share_text(p: Participation) -> str:
    if p.worker_share != "potong":
        return "dibayar desa"
    if p.segment == "BPU":  # no siltap to withhold from: the worker pays it
        return "iuran mandiri peserta (dibayar sendiri oleh peserta)"
    return "dipotong dari penghasilan"


def quote_text(quote: Quote, request: QuoteRequest) -> str:
    """A readable Indonesian table: one row per month, each program's full amount, desa, potongan."""
    programs = request.programs
    own = request.participation.segment == "BPU"
    share = "Iuran mandiri" if own else "Dipotong"
    heads = ["Bulan", *programs, "Dibayar desa", share]
    rows = [
        [month_label(m.year, m.month)]
        + [format_cell(m.programs[n].desa + m.programs[n].potongan) for n in programs]
        + [format_cell(m.desa), format_cell(m.potongan)]
        for m in quote.months
    ]
    total = (
        ["Jumlah"]
        + [format_cell(quote.by_program[n].desa + quote.by_program[n].potongan) for n in programs]
        + [format_cell(quote.desa), format_cell(quote.potongan)]
    )
    widths = [max(len(r[i]) for r in [heads, *rows, total]) for i in range(len(heads))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    rule = "-" * len(line(heads))
    out = [*_header(request), "", line(heads), rule, *(line(r) for r in rows)]
    if len(rows) > 1:
        out += [rule, line(total)]
    out += ["", f"Kolom program: iuran penuh (dibayar desa + {share.lower()}) dalam rupiah."]
    if quote.potongan:
        out.append(f"Rincian per program (dibayar desa / {share.lower()}):")
        for name in programs:
            amount = quote.by_program[name]
            out.append(f"  {name:<4} {format_rp(amount.desa)} / {format_rp(amount.potongan)}")
    out.append(ROUNDING_NOTE)
    if quote.assumptions:
        out += ["", "Asumsi:"] + [f"  - {a}" for a in quote.assumptions]
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    request = parse_request(args)
    quote = quote_months(
        load_rules(), request.participation, request.months, bpu_discount=request.bpu_discount
    )
    if args.json:
        print(json.dumps(quote_json(quote, request.programs)))
    else:
        print(quote_text(quote, request))
    return 0
