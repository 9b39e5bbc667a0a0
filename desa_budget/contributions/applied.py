"""A year's applied plan as stored: who the village pays for, for which programs (read side).

The decision is one row per year (``store.models.AppliedPlan``). Each person the plan looked at
is listed with the programs paid this year, the roster's programs when the plan was applied and
the amount then, so later changes to the roster can be told apart from the plan's choices.
Applying, clearing and restoring it are budget edits (``budget.coverage``).
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from desa_budget.contributions.results import PlannedTier
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.rules import PROGRAMS
from desa_budget.store.models import AppliedPlan
from desa_budget.store.versioning import ABSENT

DECISION_FORMAT = 1


@dataclass(frozen=True)
class PlannedPerson:
    """One person as the plan decided: the programs paid this year (empty: not covered)."""

    person_id: int
    nama: str
    programs: tuple[str, ...]
    roster: tuple[str, ...]  # the roster's programs when the plan was applied
    desa: int  # the desa-paid amount of ``programs`` when the plan was applied


@dataclass(frozen=True)
class AppliedPlanData:
    """A year's applied plan, exactly as stored: what clearing returns and restoring puts back."""

    tahun: int
    pagu: int
    mode: str
    used: int  # the plan's desa total when applied
    persons: tuple[PlannedPerson, ...]  # every desa-paid person on the roster then
    tiers: tuple[PlannedTier, ...]
    operator: str
    diterapkan: datetime
    version: int = ABSENT  # of the stored row

    def by_person(self) -> Mapping[int, PlannedPerson]:
        return {p.person_id: p for p in self.persons}

    @property
    def covered(self) -> tuple[PlannedPerson, ...]:
        return tuple(p for p in self.persons if p.programs)


def ordered(programs: Sequence[str]) -> tuple[str, ...]:
    return tuple(p for p in PROGRAMS if p in programs)


def decision_to_json(persons: Sequence[PlannedPerson], tiers: Sequence[PlannedTier]) -> str:
    data = {
        "format": DECISION_FORMAT,
        "persons": [
            {"id": p.person_id, "nama": p.nama, "programs": list(p.programs),
             "roster": list(p.roster), "desa": p.desa}
            for p in persons
        ],
        "tiers": [
            {"tier": t.tier, "name": t.name, "covered": t.covered, "eligible": t.eligible,
             "cost": t.cost}
            for t in tiers
        ],
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def decision_from_json(
    text: str, year: int
) -> tuple[tuple[PlannedPerson, ...], tuple[PlannedTier, ...]]:
    """The persons and tiers of a stored decision; a damaged one is a UserError."""
    try:
        data: Any = json.loads(text)
        if data.get("format") != DECISION_FORMAT:
            raise ValueError(data.get("format"))
        persons = tuple(
            PlannedPerson(int(p["id"]), str(p["nama"]), ordered(p["programs"]),
                          ordered(p["roster"]), int(p["desa"]))
            for p in data["persons"]
        )  # fmt: skip
        tiers = tuple(
            PlannedTier(int(t["tier"]), str(t["name"]), int(t["covered"]), int(t["eligible"]),
                        int(t["cost"]))
            for t in data["tiers"]
        )  # fmt: skip
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UserError(
            _(
                "Rencana yang diterapkan untuk tahun {year} rusak dan tidak dapat dibaca: {error}. "
                "Terapkan rencana lagi atau kembalikan ke daftar peserta."
            ).format(year=year, error=exc)
        ) from exc
    return persons, tiers


def applied_data(row: AppliedPlan) -> AppliedPlanData:
    persons, tiers = decision_from_json(row.decision_json, row.tahun)
    return AppliedPlanData(
        tahun=row.tahun, pagu=row.pagu, mode=row.mode, used=row.terpakai, persons=persons,
        tiers=tiers, operator=row.operator, diterapkan=row.diterapkan, version=row.version_id,
    )  # fmt: skip


def read_applied(session: Session, year: int) -> AppliedPlanData | None:
    """The plan applied to ``year``; None while the year follows the whole roster."""
    row = session.get(AppliedPlan, year)
    return applied_data(row) if row is not None else None
