"""An import that can be undone: the people it touched, as they were before and after, and the
swap that puts either state back under the same ids (refused when someone changed them since)."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desa_budget.roster.bulk_add import Progress
from desa_budget.roster.data import Limits
from desa_budget.roster.read import PersonDetail, person_detail
from desa_budget.roster.removal import delete_person, restore_person
from desa_budget.roster.workbook.apply import ImportSummary, apply_import, find_people
from desa_budget.roster.workbook.parse import ImportPlan
from desa_budget.store.models import Person


@dataclass(frozen=True)
class ImportRecord:
    summary: ImportSummary
    before: tuple[PersonDetail, ...]  # the people the import changed, as they were
    after: tuple[PersonDetail, ...]  # the people it added or changed, as it left them


def _people(session: Session, niks: Sequence[str]) -> dict[str, PersonDetail]:
    session.flush()
    session.expire_all()  # read what the import wrote, posts and coverage included
    rows = session.scalars(
        select(Person)
        .where(Person.nik.in_(niks))
        .options(selectinload(Person.posts), selectinload(Person.coverages))
    )
    return {row.nik: person_detail(row) for row in rows if row.nik}


def apply_import_recorded(
    session: Session,
    plan: ImportPlan,
    *,
    operator: str,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> ImportRecord:
    """``apply_import`` in the caller's transaction, keeping what it needs to be undone."""
    niks = [entry.person.nik for entry in plan.entries]
    session.flush()
    session.expire_all()
    # Keyed by the file's NIK: a person completed by the import had none before.
    before = {nik: person_detail(row) for nik, row in find_people(session, plan.entries).items()}
    summary = apply_import(session, plan, operator=operator, limits=limits, progress=progress)
    after = _people(session, niks)
    touched = [nik for nik, detail in after.items() if before.get(nik) != detail]
    return ImportRecord(
        summary=summary,
        before=tuple(before[nik] for nik in touched if nik in before),
        after=tuple(after[nik] for nik in touched),
    )


def swap_people(
    session: Session,
    current: Sequence[PersonDetail],
    wanted: Sequence[PersonDetail],
    *,
    operator: str,
) -> tuple[PersonDetail, ...]:
    """Replace the people in ``current`` (exactly as read: a change since refuses the swap) by
    ``wanted``, under their own ids; returns ``wanted`` as stored now (their new versions)."""
    for detail in current:
        delete_person(session, detail.id, operator=operator, expected=detail)
    session.flush()
    return tuple(restore_person(session, detail, operator=operator) for detail in wanted)
