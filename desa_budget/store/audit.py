"""The audit log: who changed what, when, with the old and new value of every changed column."""

import getpass
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, insert, or_, select
from sqlalchemy.orm import Session

from desa_budget.store.models import AuditEntry, VillageProfile

FALLBACK_OPERATOR = "operator"


@dataclass(frozen=True)
class AuditRow:
    id: int
    waktu: datetime
    operator: str
    entitas: str
    entitas_id: int | None
    label: str
    kolom: str
    nilai_lama: str | None
    nilai_baru: str | None
    keterangan: str


def render(value: Any) -> str | None:
    """A value as the log stores it: text, dates in ISO form, None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, bytes):
        return f"<{len(value)} bita>"
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(v) for v in value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


Entry = dict[str, Any]  # the columns of one AuditEntry, for ``insert_entries``


def entries(
    *,
    operator: str,
    entitas: str,
    entitas_id: int | None,
    label: str,
    changes: Mapping[str, tuple[Any, Any]],
    keterangan: str = "",
) -> list[Entry]:
    """One entry per changed column (pairs whose old and new text are equal are skipped)."""
    now = datetime.now().replace(microsecond=0)
    rows: list[Entry] = []
    for kolom, (old, new) in changes.items():
        lama, baru = render(old), render(new)
        if lama == baru:
            continue
        rows.append(
            {
                "waktu": now,
                "operator": _fit(operator or FALLBACK_OPERATOR, 100),
                "entitas": _fit(entitas, 40),
                "entitas_id": entitas_id,
                "label": _fit(label, 200),
                "kolom": _fit(kolom, 60),
                "nilai_lama": lama,
                "nilai_baru": baru,
                "keterangan": _fit(keterangan, 300),
            }
        )
    return rows


def record(
    session: Session,
    *,
    operator: str,
    entitas: str,
    entitas_id: int | None,
    label: str,
    changes: Mapping[str, tuple[Any, Any]],
    keterangan: str = "",
) -> None:
    """Add one entry per changed column (pairs whose old and new text are equal are skipped)."""
    for values in entries(
        operator=operator, entitas=entitas, entitas_id=entitas_id, label=label,
        changes=changes, keterangan=keterangan,
    ):  # fmt: skip
        session.add(AuditEntry(**values))


def insert_entries(session: Session, rows: Sequence[Entry]) -> None:
    """Many entries in one statement (an import's thousands), in the order given."""
    if rows:
        table = cast(Table, AuditEntry.__table__)  # a Core insert: no ORM object per entry
        session.execute(insert(table), list(rows))


def os_user() -> str:
    try:
        return getpass.getuser() or FALLBACK_OPERATOR
    except (OSError, KeyError, ImportError):  # no login name in some service accounts
        return FALLBACK_OPERATOR


def current_operator(session: Session) -> str:
    """The operator name set in the village profile, else the operating-system user."""
    name = session.scalar(select(VillageProfile.operator_nama).limit(1))
    return name.strip() if name and name.strip() else os_user()


def _like(search: str) -> str:
    escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def list_audit(session: Session, *, search: str = "", limit: int = 500) -> list[AuditRow]:
    """The newest entries first; ``search`` matches any text column, ignoring case."""
    query = select(AuditEntry).order_by(AuditEntry.waktu.desc(), AuditEntry.id.desc()).limit(limit)
    if search.strip():
        pattern = _like(search.strip())
        query = query.where(
            or_(
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (
                        AuditEntry.operator,
                        AuditEntry.entitas,
                        AuditEntry.label,
                        AuditEntry.kolom,
                        AuditEntry.nilai_lama,
                        AuditEntry.nilai_baru,
                        AuditEntry.keterangan,
                    )
                )
            )
        )
    return [
        AuditRow(
            id=e.id,
            waktu=e.waktu,
            operator=e.operator,
            entitas=e.entitas,
            entitas_id=e.entitas_id,
            label=e.label,
            kolom=e.kolom,
            nilai_lama=e.nilai_lama,
            nilai_baru=e.nilai_baru,
            keterangan=e.keterangan,
        )
        for e in session.scalars(query)
    ]
