"""The one loader: reads every rule table under resources/rules/, checks it and builds a RuleSet."""

from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from desa_budget import paths
from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.money import pct
from desa_budget.rules.ruleset import (
    PROGRAMS,
    BpuParams,
    Discount,
    IncomeBracket,
    PuRate,
    RuleSet,
    Series,
)
from desa_budget.rules.table import (
    CellError,
    Column,
    ParsedRow,
    RuleTable,
    TableSpec,
    decimal_value,
    one_of,
    optional,
    read_table,
    whole_value,
)

T = TypeVar("T")
JKK_CLASSES = (1, 2, 3, 4, 5)


def _jkk_class(text: str) -> object:
    if text == "":
        return None
    if text not in {str(c) for c in JKK_CLASSES}:
        raise CellError(
            _("kelas risiko '{text}' tidak dikenal (pilih 1 sampai 5 atau kosong)").format(
                text=text
            )
        )
    return int(text)


def _pu_check(values: Mapping[str, object]) -> str | None:
    if values["program"] == "JKK" and values["jkk_class"] is None:
        return _("program JKK harus mempunyai jkk_class 1 sampai 5")
    if values["program"] != "JKK" and values["jkk_class"] is not None:
        return _("jkk_class hanya untuk JKK, harus kosong untuk {program}").format(
            program=values["program"]
        )
    return None


def _brackets_check(values: Mapping[str, object]) -> str | None:
    low, high = values["income_from"], values["income_to"]
    if isinstance(low, int) and isinstance(high, int) and high < low:
        return _("income_to lebih kecil daripada income_from")
    return None


PU_RATES = TableSpec(
    file="pu_rates.csv",
    title=N_("Tarif iuran Penerima Upah (PU)"),
    columns=(
        Column("program", one_of(*PROGRAMS)),
        Column("jkk_class", _jkk_class),
        Column("employer_pct", decimal_value),
        Column("worker_pct", decimal_value),
    ),
    key=("program", "jkk_class"),
    check=_pu_check,
)
JP_CEILING = TableSpec(
    file="jp_ceiling.csv",
    title=N_("Batas upah tertinggi JP"),
    columns=(Column("amount", whole_value),),
)
JP_AGE = TableSpec(
    file="jp_age.csv",
    title=N_("Usia pensiun JP"),
    columns=(Column("age", whole_value),),
    by_year=True,
)
BPU = TableSpec(
    file="bpu.csv",
    title=N_("Iuran Bukan Penerima Upah (BPU)"),
    columns=(
        Column("min_income", whole_value),
        Column("jkk_pct", decimal_value),
        Column("jkm_flat", whole_value),
        Column("jht_pct", decimal_value),
    ),
)
BPU_BRACKETS = TableSpec(
    file="bpu_income_brackets.csv",
    title=N_("Tabel penghasilan BPU"),
    columns=(Column("income_from", whole_value), Column("income_to", optional(whole_value))),
    key=("income_from",),
    check=_brackets_check,
)
BPU_DISCOUNT = TableSpec(
    file="bpu_discount.csv",
    title=N_("Diskon iuran BPU (PP 50/2025)"),
    columns=(Column("sector", one_of("umum", "transportasi")), Column("factor", decimal_value)),
    key=("sector",),
    contiguous=False,
)
SPECS = (PU_RATES, JP_CEILING, JP_AGE, BPU, BPU_BRACKETS, BPU_DISCOUNT)


def _series(rows: list[ParsedRow], value: Callable[[Mapping[str, object]], T]) -> Series[T]:
    ordered = sorted(rows, key=lambda r: r.start)
    return Series(
        starts=tuple(r.start for r in ordered),
        ends=tuple(r.end for r in ordered),
        values=tuple(value(r.values) for r in ordered),
    )


def _grouped(rows: list[ParsedRow], key: str) -> dict[object, list[ParsedRow]]:
    groups: dict[object, list[ParsedRow]] = {}
    for row in rows:
        groups.setdefault(row.values[key], []).append(row)
    return groups


def _dec(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


def _pu_rate(values: Mapping[str, object]) -> PuRate:
    return PuRate(pct(str(_dec(values["employer_pct"]))), pct(str(_dec(values["worker_pct"]))))


def _bpu(values: Mapping[str, object]) -> BpuParams:
    return BpuParams(
        min_income=_int(values["min_income"]),
        jkk=pct(str(_dec(values["jkk_pct"]))),
        jkm_flat=_int(values["jkm_flat"]),
        jht=pct(str(_dec(values["jht_pct"]))),
    )


def _bracket(values: Mapping[str, object]) -> IncomeBracket:
    high = values["income_to"]
    return IncomeBracket(_int(values["income_from"]), None if high is None else _int(high))


def _required(parsed: dict[str, list[ParsedRow]], errors: list[str]) -> None:
    """Tables that must have rows, and the PU rates every program and class needs."""
    for spec in (PU_RATES, JP_CEILING, JP_AGE, BPU):
        if not parsed[spec.file] and not any(spec.file in e for e in errors):
            errors.append(
                _("Tabel aturan {file} tidak berisi satu baris pun.").format(file=spec.file)
            )
    present = {(r.values["program"], r.values["jkk_class"]) for r in parsed[PU_RATES.file]}
    wanted = [("JKK", c) for c in JKK_CLASSES] + [(p, None) for p in PROGRAMS if p != "JKK"]
    for program, kelas in wanted:
        if parsed[PU_RATES.file] and (program, kelas) not in present:
            label = (
                _("{program} kelas {kelas}").format(program=program, kelas=kelas)
                if kelas
                else program
            )
            errors.append(
                _("Tabel aturan {file} tidak sah: tidak ada baris untuk {label}.").format(
                    file=PU_RATES.file, label=label
                )
            )


def load_rules(folder: Path | None = None) -> RuleSet:
    """Read and check every rule table; any problem is a UserError naming the file and row."""
    folder = folder if folder is not None else paths.resources_dir() / "rules"
    errors: list[str] = []
    tables: dict[str, RuleTable] = {}
    parsed: dict[str, list[ParsedRow]] = {}
    for spec in SPECS:
        tables[spec.file], parsed[spec.file] = read_table(folder, spec, errors)
    _required(parsed, errors)
    if errors:
        raise UserError(errors[0], details=errors[1:])
    pu_rows = parsed[PU_RATES.file]
    pu_keys = {(str(r.values["program"]), r.values["jkk_class"]) for r in pu_rows}
    pu_series = {
        (program, kelas if isinstance(kelas, int) else None): _series(
            [
                r
                for r in pu_rows
                if (r.values["program"], r.values["jkk_class"]) == (program, kelas)
            ],
            _pu_rate,
        )
        for program, kelas in pu_keys
    }
    brackets = {
        _int(income_from): _series(rows, _bracket)
        for income_from, rows in _grouped(parsed[BPU_BRACKETS.file], "income_from").items()
    }
    discounts = {
        str(sector): Series(
            starts=tuple(r.start for r in rows),
            ends=tuple(r.end for r in rows),
            values=tuple(Discount(_dec(r.values["factor"]), r.start, r.end) for r in rows),
        )
        for sector, rows in _grouped(
            sorted(parsed[BPU_DISCOUNT.file], key=lambda r: r.start), "sector"
        ).items()
    }
    return RuleSet(
        tables=MappingProxyType(tables),
        pu_series=MappingProxyType(pu_series),
        ceiling_series=_series(parsed[JP_CEILING.file], lambda v: _int(v["amount"])),
        age_series=_series(parsed[JP_AGE.file], lambda v: _int(v["age"])),
        bpu_series=_series(parsed[BPU.file], _bpu),
        bracket_series=MappingProxyType(brackets),
        discount_series=MappingProxyType(discounts),
        first_index=min(r.start for r in pu_rows),
    )
