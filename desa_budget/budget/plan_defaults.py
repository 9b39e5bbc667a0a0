"""The plan when nothing is changed: the village's tiers, the year's pagu, the roster's programs."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from sqlalchemy.orm import Session

from desa_budget.budget import settings as budget_settings
from desa_budget.budget.planner import PlanResult, plan
from desa_budget.budget.tiers import DEFAULT_TARGET_RENTAN, Tier, with_target
from desa_budget.contributions.simulation import RosterEntry, load_roster_year
from desa_budget.rules import PROGRAMS, RuleSet
from desa_budget.village.profile import get_profile


def village_tiers(session: Session) -> tuple[Tier, ...]:
    """The tiers of the village's kabupaten profile, pekerja rentan up to the village profile's
    target (100 without one)."""
    profile = get_profile(session)
    target = profile.target_pekerja_rentan if profile is not None else DEFAULT_TARGET_RENTAN
    return with_target(budget_settings.kabupaten_profile(session).tiers, target)


def default_plan(
    session: Session,
    rules: RuleSet,
    year: int,
    *,
    pagu: int,
    mode: str = "strict",
    priority: Mapping[int, int] | None = None,
) -> PlanResult:
    """What ``pagu`` covers of the roster of ``year`` in the village's tier order; ``priority``
    (person id -> number, lowest first) puts persons ahead of the default order."""
    entries = load_roster_year(session, year)
    return plan(
        entries, rules, year, pagu=pagu, tiers=village_tiers(session), mode=mode, priority=priority
    )


def year_plan(session: Session, rules: RuleSet, year: int) -> PlanResult | None:
    """The default plan (strict) for the year's saved pagu; None while the year has no pagu."""
    pagu = budget_settings.get_budget_year(session, year).pagu
    if pagu is None:
        return None
    return default_plan(session, rules, year, pagu=pagu)


@dataclass(frozen=True)
class PlanDefaults:
    """Where Simulasi & Rencana starts for a year."""

    tiers: tuple[Tier, ...]  # default order, the village's pekerja-rentan target
    pagu: int | None  # the year's saved pagu
    programs: Mapping[str, tuple[str, ...]]  # per category in the roster: programs anyone has


def plan_defaults(
    session: Session, year: int, *, entries: Sequence[RosterEntry] | None = None
) -> PlanDefaults:
    """The village's tiers, the saved pagu and, per category, the programs its people have.
    ``entries``: the roster of ``year`` already read (load_roster_year), not read again."""
    found: dict[str, set[str]] = {}
    for entry in load_roster_year(session, year) if entries is None else entries:
        found.setdefault(entry.kategori, set()).update(entry.programs)
    programs = {k: tuple(p for p in PROGRAMS if p in v) for k, v in found.items()}
    return PlanDefaults(
        tiers=village_tiers(session),
        pagu=budget_settings.get_budget_year(session, year).pagu,
        programs=MappingProxyType(programs),
    )
