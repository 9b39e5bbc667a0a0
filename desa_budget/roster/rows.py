"""Writing roster rows: fetching, setting the columns that differ, and the audit entries."""

from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster.data import CoverageData, PersonData, PostData
from desa_budget.store import audit
from desa_budget.store.models import Person


def get_row(session: Session, model: type[Any], obj_id: int, what: str) -> Any:
    obj = session.get(model, obj_id)
    if obj is None:
        raise UserError(
            _("{what} tidak ditemukan (mungkin sudah dihapus oleh pengguna lain).").format(
                what=what
            )
        )
    return obj


def values_of(data: PersonData | PostData | CoverageData) -> dict[str, Any]:
    # The fields are flat (text, numbers, dates, a tuple of texts): no need for asdict's deep copy.
    values: dict[str, Any] = {f.name: getattr(data, f.name) for f in fields(data)}
    if isinstance(data, PersonData):  # missing identity is stored as NULL (the NIK stays unique)
        for name in ("nik", "jenis_kelamin"):
            values[name] = values[name] or None
    if "programs" in values:
        values["programs"] = ",".join(values["programs"])
    return values


def apply_values(obj: object, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Set the attributes that differ; return {column: (old, new)} for the audit log."""
    changes: dict[str, tuple[Any, Any]] = {}
    for name, new in values.items():
        old = getattr(obj, name)
        if old != new:
            setattr(obj, name, new)
            changes[name] = (old, new)
    return changes


def log(
    session: Session,
    operator: str,
    entitas: str,
    entitas_id: int | None,
    label: str,
    changes: Mapping[str, tuple[Any, Any]],
    keterangan: str,
) -> None:
    if changes:
        audit.record(
            session,
            operator=operator,
            entitas=entitas,
            entitas_id=entitas_id,
            label=label,
            changes=changes,
            keterangan=keterangan,
        )


def added(values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (None, v) for k, v in values.items() if v not in (None, "")}


def removed(obj: object, fields: Sequence[str]) -> dict[str, tuple[Any, Any]]:
    values = {name: getattr(obj, name) for name in fields}
    return {k: (v, None) for k, v in values.items() if v not in (None, "")}


class DuplicateNikError(UserError):
    """The NIK belongs to someone else on the roster."""


def nik_holder(session: Session, nik: str, person_id: int | None = None) -> str | None:
    """The name of someone else on the roster with this NIK (None: the NIK is free)."""
    other = session.scalar(select(Person).where(Person.nik == nik))
    return other.nama if other is not None and other.id != person_id else None


def duplicate_nik_message(nik: str, nama: str) -> str:
    return _("NIK {nik} sudah terdaftar atas nama {nama}.").format(nik=nik, nama=nama)


def refuse_duplicate_nik(session: Session, nik: str, person_id: int | None = None) -> None:
    if not nik:
        return  # not filled in yet: nobody's NIK to collide with
    holder = nik_holder(session, nik, person_id)
    if holder is not None:
        raise DuplicateNikError(
            _("NIK {nik} sudah terdaftar atas nama {nama}.").format(nik=nik, nama=holder)
        )
