"""The budget lines of a simulation with the village's codes, their checks, and their JSON form."""

import dataclasses
import types
import typing
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desa_budget.budget import settings as budget_settings
from desa_budget.budget.checks import CheckResult, check_budget
from desa_budget.budget.lines import BudgetLines, build_lines
from desa_budget.contributions.results import Simulation
from desa_budget.errors import UserError
from desa_budget.i18n import _


def build_for(session: Session, sim: Simulation) -> BudgetLines:
    """Lines with the effective mapping (profile + village overrides) and the local codes."""
    return build_lines(
        sim,
        catalog=budget_settings.catalog_for(session),
        mapping=budget_settings.codes_mapping(session),
    )


def check_for(session: Session, sim: Simulation, lines: BudgetLines) -> CheckResult:
    """codes.checks on these lines, with the year's total belanja desa and the profile."""
    year = budget_settings.get_budget_year(session, sim.year)
    return check_budget(
        sim,
        lines,
        catalog=budget_settings.catalog_for(session),
        profile=budget_settings.kabupaten_profile(session),
        total_belanja=year.total_belanja,
    )


def _plain(value: Any) -> Any:
    """A frozen DTO value as JSON types (dataclasses by field, tuples as lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def _typed(hint: Any, value: Any) -> Any:
    """``value`` (JSON types) rebuilt as ``hint`` says: dataclasses, tuples, mappings, dates."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        return _typed(next(a for a in args if a is not type(None)), value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        fields = [f for f in dataclasses.fields(hint) if f.init]
        return hint(**{f.name: _typed(hints[f.name], value[f.name]) for f in fields})
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v) for v in value)
        return tuple(_typed(a, v) for a, v in zip(args, value, strict=True))
    if origin in (frozenset, set):
        return frozenset(_typed(args[0], v) for v in value)
    if origin in (dict, Mapping) or hint is Mapping:
        key, item = args if args else (str, Any)
        return types.MappingProxyType({_typed(key, k): _typed(item, v) for k, v in value.items()})
    if hint is date:
        return date.fromisoformat(value)
    if hint is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"bukan bilangan bulat: {value!r}")
    return value


def lines_to_data(lines: BudgetLines) -> dict[str, Any]:
    data: dict[str, Any] = _plain(lines)
    # Totals may be properties; keep them so a version's list needs no rebuild.
    data.setdefault("total", lines.total)
    data.setdefault("potongan", lines.potongan)
    return data


def lines_from_data(data: Mapping[str, Any]) -> BudgetLines:
    """The BudgetLines exactly as frozen; a damaged snapshot is a UserError."""
    try:
        fields = {f.name for f in dataclasses.fields(BudgetLines) if f.init}
        rebuilt: BudgetLines = _typed(BudgetLines, {k: v for k, v in data.items() if k in fields})
    except (KeyError, TypeError, ValueError, StopIteration) as exc:
        raise UserError(
            _("Salinan baris anggaran rusak dan tidak dapat dibaca: {error}").format(error=exc)
        ) from exc
    return rebuilt
