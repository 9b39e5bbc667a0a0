"""The engine as it was before issue 17 (Decimal arithmetic per program and month, one
MonthAmounts per month), kept as the benchmark's peer: ``bench_engine.py`` times the engine
beside it and checks that both give the same rupiah for every person.

Not part of the app. Copied from desa_budget/contributions/engine.py at b26cdde; only the
rounding is spelled out here as it was there (Decimal.quantize, ROUND_HALF_UP) and the cache
keys are prefixed so both engines can share one RuleSet.
"""
# ruff: noqa: E402, E501  (a verbatim copy; sys.path is set up before the project's imports)

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import MappingProxyType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desa_budget.contributions.amounts import _discount_note, ceiling_note, jp_stop, jp_stop_note
from desa_budget.contributions.engine import Participation, validate
from desa_budget.contributions.results import MonthAmounts, ProgramAmount
from desa_budget.errors import UserError
from desa_budget.format import format_rp
from desa_budget.i18n import N_, _
from desa_budget.rules import PROGRAMS, MonthRules, PuRate, RuleSet
from desa_budget.rules.months import label_of_index, month_index

_ONE = Decimal(1)
NO_BIRTH_DATE = N_(
    "Tanggal lahir tidak diisi; JP dihitung untuk semua bulan tanpa uji usia pensiun."
)


def round_rupiah(amount: Decimal) -> int:
    return int(amount.quantize(_ONE, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Quote:
    months: tuple[MonthAmounts, ...]
    desa: int
    potongan: int
    by_program: Mapping[str, ProgramAmount]
    assumptions: tuple[str, ...]


def quote_months(
    rules: RuleSet,
    p: Participation,
    months: Iterable[tuple[int, int]],
    *,
    bpu_discount: bool = False,
) -> Quote:
    """Several (year, month) pairs, each with that month's rules, summed."""
    validate(p)
    amounts: list[MonthAmounts] = []
    assumptions: dict[str, None] = {}
    names = [name for name in PROGRAMS if name in p.programs]
    desa = dict.fromkeys(names, 0)
    potongan = dict.fromkeys(names, 0)
    for year, month in months:
        result, said = _month(rules, p, year, month, bpu_discount)
        amounts.append(result)
        if said:
            assumptions.update(dict.fromkeys(said))
        for name, amount in result.programs.items():
            desa[name] += amount.desa
            potongan[name] += amount.potongan
    return Quote(
        months=tuple(amounts),
        desa=sum(desa.values()),
        potongan=sum(potongan.values()),
        by_program=MappingProxyType({n: ProgramAmount(desa[n], potongan[n]) for n in names}),
        assumptions=tuple(assumptions),
    )


# What a month's amounts depend on besides the participation: the rules epoch and the JP state.
_Amounts = tuple[Mapping[str, ProgramAmount], int, int, tuple[str, ...]]
_JpState = tuple[int, int, int] | bool | None  # (last JP month, age, month reached) when ended


def _month(
    rules: RuleSet, p: Participation, year: int, month: int, discount: bool
) -> tuple[MonthAmounts, tuple[str, ...]]:
    now = rules.month(year, month)
    if p.segment == "PU":
        jp = _jp_state(rules, now, p) if "JP" in p.programs else None
        key: tuple[object, ...] = (
            "decimal-PU",
            p.basis,
            p.programs,
            p.jkk_class,
            p.worker_share,
            now.pu_epoch,
            jp,
        )
        programs, desa, potongan, notes = rules.cached(key, lambda: _pu(now, p, jp))
    else:
        key = ("decimal-BPU", p.basis, p.programs, p.worker_share, now.bpu_epoch, discount)
        programs, desa, potongan, notes = rules.cached(key, lambda: _bpu(now, p, discount))
    return MonthAmounts(year, month, programs, desa, potongan), notes


def _done(amounts: dict[str, ProgramAmount], notes: list[str]) -> _Amounts:
    desa = sum(a.desa for a in amounts.values())
    potongan = sum(a.potongan for a in amounts.values())
    return MappingProxyType(amounts), desa, potongan, tuple(notes)


def _split(base: int, rate: PuRate, worker_share: str) -> ProgramAmount:
    """The decided rounding: the full amount and the worker part are each rounded once."""
    full = round_rupiah(base * rate.total)
    if worker_share == "potong" and rate.worker:
        withheld = round_rupiah(base * rate.worker)
        return ProgramAmount(full - withheld, withheld)
    return ProgramAmount(full, 0)


def _pu(now: MonthRules, p: Participation, jp: _JpState) -> _Amounts:
    amounts: dict[str, ProgramAmount] = {}
    notes: list[str] = []
    here = label_of_index(month_index(now.year, now.month))
    for name in PROGRAMS:
        if name not in p.programs:
            continue
        rate = now.pu.get((name, p.jkk_class if name == "JKK" else None))
        if rate is None:
            raise UserError(
                _("Tidak ada tarif {program} untuk {month}.").format(program=name, month=_(here))
            )
        base = p.basis
        if name == "JP":
            if jp is False:
                notes.append(NO_BIRTH_DATE)
            elif isinstance(jp, tuple):
                notes.append(jp_stop_note(jp))
                amounts[name] = ProgramAmount()
                continue
            ceiling = now.jp_ceiling
            if ceiling is None:
                raise UserError(_("Tidak ada batas upah JP untuk {month}.").format(month=_(here)))
            if ceiling.assumed and ceiling.unpublished_from is not None:
                notes.append(ceiling_note(ceiling))
            base = min(base, ceiling.amount)
        amounts[name] = _split(base, rate, p.worker_share)
    return _done(amounts, notes)


def _jp_state(rules: RuleSet, now: MonthRules, p: Participation) -> _JpState:
    """True: JP due; False: due, but no birth date to test; (month, age): ended after that month.

    JP runs up to and including the month of the birthday on which the person reaches the JP
    retirement age in force that year (domain.md §2.3; the month rule is inferred)."""
    birth = p.birth_date
    if birth is None:
        return False
    stop = rules.cached(
        ("decimal-jp_stop", birth.year, birth.month), lambda: _jp_stop(rules, birth)
    )
    if stop is None or month_index(now.year, now.month) <= stop[0]:
        return True
    return stop


def _jp_stop(rules: RuleSet, birth: date) -> tuple[int, int, int] | None:
    """Who gets JP is a rule, not arithmetic: the engine's own (JP began July 2015)."""
    return jp_stop(rules, birth)


def _bpu(now: MonthRules, p: Participation, discount: bool) -> _Amounts:
    notes: list[str] = []
    here = label_of_index(month_index(now.year, now.month))
    params = now.bpu
    if params is None:
        raise UserError(_("Tidak ada aturan iuran BPU untuk {month}.").format(month=_(here)))
    if p.basis < params.min_income:
        raise UserError(
            _("Penghasilan BPU {income} di bawah minimum {minimum}.").format(
                income=format_rp(p.basis), minimum=format_rp(params.min_income)
            )
        )
    if now.bpu_brackets and not any(
        b.income_from <= p.basis and (b.income_to is None or p.basis <= b.income_to)
        for b in now.bpu_brackets
    ):
        raise UserError(
            _("Penghasilan BPU {income} tidak termasuk dalam tabel penghasilan BPU.").format(
                income=format_rp(p.basis)
            )
        )
    jkk = round_rupiah(p.basis * params.jkk)
    jkm = params.jkm_flat
    if now.discount is not None and ("JKK" in p.programs or "JKM" in p.programs):
        factor = now.discount.factor
        if discount:
            jkk, jkm = round_rupiah(jkk * factor), round_rupiah(jkm * factor)
        notes.append(_discount_note(now.discount, applied=discount))
    amounts: dict[str, ProgramAmount] = {}
    if "JKK" in p.programs:
        amounts["JKK"] = ProgramAmount(jkk, 0)
    if "JKM" in p.programs:
        amounts["JKM"] = ProgramAmount(jkm, 0)
    if "JHT" in p.programs:
        jht = round_rupiah(p.basis * params.jht)
        amounts["JHT"] = (
            ProgramAmount(0, jht) if p.worker_share == "potong" else ProgramAmount(jht, 0)
        )
    return _done(amounts, notes)
