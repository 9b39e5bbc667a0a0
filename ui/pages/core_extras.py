"""Beranda's links to core modules that other engineers are still writing (codes.checks, the
budget settings that hold the pagu). Each returns "nothing" until its module exists, so the Beranda
works today and picks them up the day they land; a module that exists but fails is a real bug."""

import importlib
import logging
from collections.abc import Callable
from types import ModuleType

from sqlalchemy.orm import Session

from desa_budget.contributions.results import Simulation
from desa_budget.format import format_rp
from desa_budget.rules import RuleSet
from ui.app_context import NavTarget
from ui.i18n import _
from ui.models.summary_models import ERROR, WARNING, Finding

log = logging.getLogger("jamsos.ui")


def _optional(name: str) -> ModuleType | None:
    """The core module ``name``, or None while it (or a core module it needs) is not written yet."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and exc.name.startswith("desa_budget"):
            log.warning("core module %s not available yet: %s", name, exc)
            return None
        raise


def _target(kind: str, target: str, exists: Callable[[str], bool]) -> NavTarget | None:
    """Where a codes.checks finding is fixed; the roster when the better page is not built yet."""
    if kind == "person" and target.isdigit():
        return NavTarget("peserta", person_id=int(target), field="dasar_upah")
    if kind in ("kategori", "line"):
        if exists("kode"):
            return NavTarget("kode", field=target)
        if kind == "kategori":
            return NavTarget("peserta", filters=(("kategori", target),))
        return None
    if kind == "tahun":
        return NavTarget("rencana") if exists("rencana") else None
    if kind == "profil":
        return NavTarget("pengaturan") if exists("pengaturan") else None
    return None


def check_findings(
    session: Session, sim: Simulation, exists: Callable[[str], bool]
) -> list[Finding]:
    """The findings of desa_budget.budget.checks (codes, DDS, siltap, the 30 % ceiling, kabupaten)."""
    versions_lines = _optional("desa_budget.budget.version_lines")
    if versions_lines is None:
        return []
    lines = versions_lines.build_for(session, sim)
    result = versions_lines.check_for(session, sim, lines)
    return [
        Finding(
            ERROR if item.severity == "error" else WARNING,
            item.message,
            _target(item.target_kind, str(item.target), exists),
        )
        for item in (*result.errors, *result.warnings)
    ]


def planner_summary(session: Session, rules: RuleSet, year: int) -> str | None:
    """The planner's result in a few lines when the year has a pagu; None otherwise.

    Uses the default tier order with the village's pekerja-rentan target, strict mode (what
    ``app.py plan`` does); the Simulasi & Rencana page shows and changes the details.
    """
    settings = _optional("desa_budget.budget.settings")
    planner = _optional("desa_budget.budget.planner")
    if settings is None or planner is None:
        return None
    pagu = settings.get_budget_year(session, year).pagu
    if pagu is None:
        return None
    from desa_budget.contributions.simulation import load_roster_year
    from desa_budget.village.profile import get_profile

    profile = get_profile(session)
    target = profile.target_pekerja_rentan if profile is not None else 100
    result = planner.plan(
        load_roster_year(session, year),
        rules,
        year,
        pagu=pagu,
        tiers=planner.default_tiers(target_pekerja_rentan=target),
    )
    lines = [
        _("Pagu {pagu}: terpakai {used}, sisa {left}.").format(
            pagu=format_rp(result.pagu),
            used=format_rp(result.used),
            left=format_rp(result.pagu - result.used),
        )
    ]
    for tier in result.tiers:
        mark = "✔" if tier.covered >= tier.eligible else "✖"
        lines.append(f"{mark} {_(tier.name)}: {tier.covered}/{tier.eligible}")
    return "\n".join(lines)
