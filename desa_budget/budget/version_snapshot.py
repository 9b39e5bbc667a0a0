"""Freeze a simulation to JSON-ready data and rebuild the same frozen DTOs from it (versions).

The applied plan a simulation followed (``Simulation.coverage``) is frozen with it; a snapshot
from before plans could be applied has none and reads back as the whole roster."""

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from desa_budget.contributions.results import (
    CoverageNote,
    LeftOut,
    MonthAmounts,
    PersonYear,
    PlannedTier,
    PostPay,
    ProgramAmount,
    Simulation,
)
from desa_budget.errors import UserError
from desa_budget.i18n import _

SNAPSHOT_FORMAT = 1

_PERSON_SCALARS = (
    "person_id", "nik", "nama", "kategori", "jabatan", "status_jabatan", "segmen", "dasar_upah",
    "kelas_jkk", "iuran_pekerja", "status_bpjs", "dibayar_oleh", "kode_kegiatan",
    "kode_rekening", "sumber_dana", "desa", "potongan",
)  # fmt: skip


def _amounts(programs: Mapping[str, ProgramAmount]) -> dict[str, list[int]]:
    return {name: [a.desa, a.potongan] for name, a in programs.items()}


def _read_amounts(data: Mapping[str, Any]) -> Mapping[str, ProgramAmount]:
    return MappingProxyType({str(k): ProgramAmount(int(v[0]), int(v[1])) for k, v in data.items()})


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def simulation_to_data(sim: Simulation) -> dict[str, Any]:
    """Every person with their monthly amounts per program, as plain JSON types."""
    persons = []
    for p in sim.persons:
        item: dict[str, Any] = {name: getattr(p, name) for name in _PERSON_SCALARS}
        item["programs"] = list(p.programs)
        item["by_program"] = _amounts(p.by_program)
        item["tanggal_lahir"] = p.tanggal_lahir.isoformat() if p.tanggal_lahir else None
        item["monthly"] = [
            {
                "year": m.year,
                "month": m.month,
                "programs": _amounts(m.programs),
                "desa": m.desa,
                "potongan": m.potongan,
            }
            for m in p.monthly
        ]
        persons.append(item)
    data: dict[str, Any] = {
        "year": sim.year,
        "persons": persons,
        "roster_counts": dict(sim.roster_counts),
        "assumptions": list(sim.assumptions),
    }
    if sim.coverage is not None:
        data["coverage"] = _coverage_to_data(sim.coverage)
    if sim.pay_roster is not None:  # the 30 % ceiling's group as adopted, insured or not
        data["pay_roster"] = [dataclasses.asdict(p) for p in sim.pay_roster]
    return data


def _coverage_to_data(note: CoverageNote) -> dict[str, Any]:
    return {
        "pagu": note.pagu, "mode": note.mode, "used": note.used,
        "diterapkan": note.diterapkan.isoformat(), "operator": note.operator,
        "tiers": [[t.tier, t.name, t.covered, t.eligible, t.cost] for t in note.tiers],
        "left_out": [
            {"person_id": p.person_id, "nama": p.nama, "kategori": p.kategori,
             "programs": list(p.programs), "paid": list(p.paid), "after_plan": p.after_plan}
            for p in note.left_out
        ],
    }  # fmt: skip


def _coverage_from_data(data: Mapping[str, Any] | None) -> CoverageNote | None:
    if data is None:
        return None
    return CoverageNote(
        pagu=int(data["pagu"]), mode=str(data["mode"]), used=int(data["used"]),
        diterapkan=datetime.fromisoformat(data["diterapkan"]), operator=str(data["operator"]),
        tiers=tuple(
            PlannedTier(int(t[0]), str(t[1]), int(t[2]), int(t[3]), int(t[4]))
            for t in data["tiers"]
        ),
        left_out=tuple(
            LeftOut(int(p["person_id"]), str(p["nama"]), str(p["kategori"]),
                    tuple(str(x) for x in p["programs"]), tuple(str(x) for x in p["paid"]),
                    bool(p["after_plan"]))
            for p in data["left_out"]
        ),
    )  # fmt: skip


def _pay_roster_from_data(items: Any) -> tuple[PostPay, ...] | None:
    """None for a version adopted before the pay roster was kept (issue 18)."""
    if items is None:
        return None
    return tuple(
        PostPay(
            person_id=int(item["person_id"]),
            nama=str(item["nama"]),
            kategori=str(item["kategori"]),
            status_jabatan=str(item["status_jabatan"]),
            months=int(item["months"]),
            dasar_upah=int(item["dasar_upah"]),
            penghasilan=None if item["penghasilan"] is None else int(item["penghasilan"]),
        )
        for item in items
    )


def simulation_from_data(data: Mapping[str, Any]) -> Simulation:
    """The Simulation exactly as it was frozen; a damaged snapshot is a UserError."""
    try:
        persons = []
        for item in data["persons"]:
            values = {name: item[name] for name in _PERSON_SCALARS}
            monthly = tuple(
                MonthAmounts(
                    year=int(m["year"]),
                    month=int(m["month"]),
                    programs=_read_amounts(m["programs"]),
                    desa=int(m["desa"]),
                    potongan=int(m["potongan"]),
                )
                for m in item["monthly"]
            )
            persons.append(
                PersonYear(
                    **values,
                    programs=tuple(str(p) for p in item["programs"]),
                    monthly=monthly,
                    by_program=_read_amounts(item["by_program"]),
                    tanggal_lahir=_date(item.get("tanggal_lahir")),
                )
            )
        return Simulation(
            year=int(data["year"]),
            persons=tuple(persons),
            roster_counts=MappingProxyType(
                {str(k): int(v) for k, v in data["roster_counts"].items()}
            ),
            assumptions=tuple(str(a) for a in data["assumptions"]),
            coverage=_coverage_from_data(data.get("coverage")),
            pay_roster=_pay_roster_from_data(data.get("pay_roster")),
        )
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise UserError(
            _("Salinan versi anggaran rusak dan tidak dapat dibaca: {error}").format(error=exc)
        ) from exc
