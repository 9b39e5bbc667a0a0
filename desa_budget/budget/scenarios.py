"""Named planner scenarios: saved as JSON per year, loaded with validation, compared side by side."""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.budget.plan_defaults import village_tiers
from desa_budget.budget.planner import MODES, PlanResult, plan
from desa_budget.budget.tiers import tiers_in_order
from desa_budget.contributions.results import Simulation, mode_label
from desa_budget.contributions.simulation import RosterEntry, load_roster_year, simulate_entries
from desa_budget.errors import UserError
from desa_budget.format import format_number
from desa_budget.i18n import _
from desa_budget.rules import PROGRAMS, RuleSet
from desa_budget.store import audit
from desa_budget.store.database import ConcurrentEditError
from desa_budget.store.models import Scenario
from desa_budget.store.versioning import check_version
from desa_budget.village import categories

ENTITAS = "skenario"
FORMAT_VERSION = 1
WORKER_SHARES = ("desa", "potong")


@dataclass(frozen=True)
class ScenarioParams:
    """A scenario's inputs. Empty ``programs`` / None ``iuran_pekerja`` keep the roster's own.
    ``tier_order`` lists tier numbers to put first; the profile's other tiers follow in its order
    and numbers the profile does not have are passed over (the profile may change)."""

    pagu: int
    mode: str = "strict"
    tier_order: tuple[int, ...] = ()
    programs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # per category
    iuran_pekerja: str | None = None  # desa / potong for everyone, None = each person's own
    bpu_discount: bool = False
    pagu_per_sumber: Mapping[str, int] | None = None


@dataclass(frozen=True)
class ScenarioInfo:
    id: int
    tahun: int
    nama: str
    dibuat: datetime
    params: ScenarioParams
    version: int = 0  # of the stored row, for a save or delete that refuses a stale list


@dataclass(frozen=True)
class ScenarioRecord:
    """A stored scenario exactly as saved: what a delete returns and a restore puts back."""

    id: int
    tahun: int
    nama: str
    params_json: str
    dibuat: datetime
    version: int


def _record(row: Scenario) -> ScenarioRecord:
    return ScenarioRecord(row.id, row.tahun, row.nama, row.params_json, row.dibuat, row.version_id)


def to_json(params: ScenarioParams) -> str:
    data: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "pagu": params.pagu,
        "mode": params.mode,
        "tiers": list(params.tier_order),
        "programs": {k: list(v) for k, v in params.programs.items()},
        "iuran_pekerja": params.iuran_pekerja,
        "bpu_discount": params.bpu_discount,
        "pagu_per_sumber": dict(params.pagu_per_sumber) if params.pagu_per_sumber else None,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def validate_params(params: ScenarioParams) -> ScenarioParams:
    """The params if sound; otherwise one UserError listing every problem."""
    problems: list[str] = []
    if not _whole(params.pagu):
        problems.append(_("Pagu harus bilangan bulat rupiah yang tidak negatif."))
    if params.mode not in MODES:
        problems.append(
            _("Mode '{mode}' tidak dikenal; pilih strict atau fill.").format(mode=params.mode)
        )
    if not all(_whole(n) and n >= 1 for n in params.tier_order):
        problems.append(_("Nomor tingkat prioritas harus bilangan bulat mulai 1."))
    elif len(set(params.tier_order)) != len(params.tier_order):
        problems.append(_("Urutan tingkat prioritas memuat nomor yang sama dua kali."))
    for kategori, programs in params.programs.items():
        if kategori not in categories.BY_KEY:
            problems.append(_("Kategori '{kategori}' tidak dikenal.").format(kategori=kategori))
        bad = [p for p in programs if p not in PROGRAMS]
        if bad:
            problems.append(
                _("Program tidak dikenal untuk {kategori}: {programs}.").format(
                    kategori=kategori, programs=", ".join(map(str, bad))
                )
            )
    if params.iuran_pekerja is not None and params.iuran_pekerja not in WORKER_SHARES:
        problems.append(_("Iuran pekerja harus 'desa' atau 'potong'."))
    if not isinstance(params.bpu_discount, bool):
        problems.append(_("Pilihan diskon BPU harus ya atau tidak."))
    for key, amount in (params.pagu_per_sumber or {}).items():
        if not isinstance(key, str) or not _whole(amount):
            problems.append(
                _("Pagu sumber dana {key} harus bilangan bulat yang tidak negatif.").format(key=key)
            )
    if problems:
        raise UserError(_("Skenario tidak sah."), details=problems)
    return params


def from_json(text: str, *, name: str = "") -> ScenarioParams:
    """Parse and check a stored scenario; a damaged one is a UserError, never a crash."""
    where = _("Skenario '{name}'").format(name=name) if name else _("Skenario")
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError(_("bukan objek JSON"))
        programs = data.get("programs") or {}
        per_sumber = data.get("pagu_per_sumber")
        if not isinstance(programs, dict) or not all(
            isinstance(v, list) for v in programs.values()
        ):
            raise ValueError(_("program per kategori harus berupa daftar"))
        if per_sumber is not None and not isinstance(per_sumber, dict):
            raise ValueError(_("pagu per sumber dana harus berupa objek"))
        order = data.get("tiers") or []
        if not isinstance(order, list):
            raise ValueError(_("urutan tingkat harus berupa daftar"))
        params = ScenarioParams(
            pagu=data["pagu"],
            mode=data.get("mode", "strict"),
            tier_order=tuple(order),
            programs=MappingProxyType({str(k): tuple(v) for k, v in programs.items()}),
            iuran_pekerja=data.get("iuran_pekerja"),
            bpu_discount=data.get("bpu_discount", False),
            pagu_per_sumber=MappingProxyType(dict(per_sumber)) if per_sumber else None,
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(
            _("{what} rusak dan tidak dapat dibaca: {error}").format(what=where, error=exc)
        ) from exc
    try:
        return validate_params(params)
    except UserError as exc:
        raise UserError(
            _("{what} rusak: {error}").format(what=where, error=exc.message), details=exc.details
        ) from exc


def _row(session: Session, year: int, name: str) -> Scenario | None:
    return session.scalar(select(Scenario).where(Scenario.tahun == year, Scenario.nama == name))


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError(_("Nama skenario wajib diisi."))
    if len(cleaned) > 100:
        raise UserError(_("Nama skenario terlalu panjang (paling banyak 100 huruf)."))
    return cleaned


def save_scenario(
    session: Session,
    *,
    year: int,
    name: str,
    params: ScenarioParams,
    operator: str,
    version: int | None = None,
) -> ScenarioRecord:
    """Save (or overwrite) the scenario ``name`` of ``year``; returns it as stored.

    ``version`` is the stored scenario of that name as the caller read it (ABSENT: none)."""
    name = _clean_name(name)
    text = to_json(validate_params(params))
    row = _row(session, year, name)
    check_version(row, version)
    old = row.params_json if row is not None else None
    if row is None:
        row = Scenario(tahun=year, nama=name, params_json=text, dibuat=datetime.now())
        session.add(row)
    else:
        row.params_json = text
    session.flush()
    audit.record(
        session, operator=operator, entitas=ENTITAS, entitas_id=row.id,
        label=f"{name} ({year})", changes={"params_json": (old, text)},
        keterangan="skenario disimpan",
    )  # fmt: skip
    return _record(row)


def list_scenarios(session: Session, year: int) -> list[ScenarioInfo]:
    """The year's scenarios by name; a damaged one raises a UserError naming it."""
    rows = session.scalars(select(Scenario).where(Scenario.tahun == year).order_by(Scenario.nama))
    return [
        ScenarioInfo(
            r.id, r.tahun, r.nama, r.dibuat, from_json(r.params_json, name=r.nama), r.version_id
        )
        for r in rows
    ]


def load_scenario(session: Session, year: int, name: str) -> ScenarioParams:
    row = _row(session, year, " ".join(name.split()))
    if row is None:
        raise UserError(
            _("Skenario '{name}' untuk tahun {year} tidak ada.").format(name=name, year=year)
        )
    return from_json(row.params_json, name=row.nama)


def delete_scenario(
    session: Session, *, year: int, name: str, operator: str, version: int | None = None
) -> ScenarioRecord:
    """Delete a scenario; returns it as it was, for ``restore_scenario``."""
    row = _row(session, year, " ".join(name.split()))
    if row is None:
        if version is not None:
            raise ConcurrentEditError()
        raise UserError(
            _("Skenario '{name}' untuk tahun {year} tidak ada.").format(name=name, year=year)
        )
    check_version(row, version)
    audit.record(
        session, operator=operator, entitas=ENTITAS, entitas_id=row.id,
        label=f"{row.nama} ({year})", changes={"params_json": (row.params_json, None)},
        keterangan="skenario dihapus",
    )  # fmt: skip
    record = _record(row)
    session.delete(row)
    session.flush()
    return record


def restore_scenario(session: Session, record: ScenarioRecord, *, operator: str) -> ScenarioRecord:
    """Put a deleted scenario back under its own id; refused if the name or id is taken again."""
    taken = session.get(Scenario, record.id)
    if taken is not None or _row(session, record.tahun, record.nama) is not None:
        raise ConcurrentEditError()
    row = Scenario(
        id=record.id, tahun=record.tahun, nama=record.nama, params_json=record.params_json,
        dibuat=record.dibuat,
    )  # fmt: skip
    session.add(row)
    session.flush()
    audit.record(
        session, operator=operator, entitas=ENTITAS, entitas_id=row.id,
        label=f"{row.nama} ({row.tahun})", changes={"params_json": (None, row.params_json)},
        keterangan="skenario dipulihkan",
    )  # fmt: skip
    return _record(row)


@dataclass(frozen=True)
class ScenarioColumn:
    name: str
    params: ScenarioParams
    simulation: Simulation  # the roster's year with the scenario's programs and choices
    plan: PlanResult

    @property
    def desa(self) -> int:
        """APBDes spending of the roster with the scenario's programs and choices."""
        return self.simulation.desa

    @property
    def potongan(self) -> int:
        return self.simulation.potongan


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    values: tuple[str, ...]  # one formatted cell per scenario


@dataclass(frozen=True)
class Comparison:
    year: int
    columns: tuple[ScenarioColumn, ...]

    @property
    def rows(self) -> tuple[ComparisonRow, ...]:
        """Side-by-side rows for a table: money formatted, coverage as covered/eligible; the
        labels in the current language (this is only shown, never stored or printed)."""

        def money(f: Any) -> tuple[str, ...]:
            return tuple(format_number(f(c)) for c in self.columns)

        rows = [
            ComparisonRow(_("Pagu"), money(lambda c: c.plan.pagu)),
            ComparisonRow(_("Mode"), tuple(_(mode_label(c.plan.mode)) for c in self.columns)),
            ComparisonRow(_("Biaya menanggung semua (pilihan skenario)"), money(lambda c: c.desa)),
            ComparisonRow(_("Potongan siltap"), money(lambda c: c.potongan)),
        ]
        numbers = sorted({t.tier for c in self.columns for t in c.plan.tiers})
        for number in numbers:
            cells = []
            label = _("Tingkat {number}").format(number=number)
            for c in self.columns:
                found = next((t for t in c.plan.tiers if t.tier == number), None)
                cells.append(f"{found.covered}/{found.eligible}" if found else "-")
                if found:
                    label = f"{number}. {_(found.name)}"
            rows.append(ComparisonRow(label, tuple(cells)))
        rows.append(ComparisonRow(_("Terpakai"), money(lambda c: c.plan.used)))
        rows.append(ComparisonRow(_("Sisa"), money(lambda c: c.plan.left)))
        rows.append(
            ComparisonRow(
                _("Biaya menanggung semua (daftar peserta)"), money(lambda c: c.plan.cost_full)
            )
        )
        return tuple(rows)


def run_scenario(
    session: Session,
    rules: RuleSet,
    year: int,
    params: ScenarioParams,
    *,
    name: str = "",
    sumber_of: Mapping[str, str] | None = None,
    entries: Sequence[RosterEntry] | None = None,
    roster_sim: Simulation | None = None,
) -> ScenarioColumn:
    """One scenario on the roster of ``year``: the year's simulation and the plan, both with the
    scenario's choices. Each person keeps their own worker-share setting from the roster unless
    the scenario sets one for everyone; it is applied here, once, for both.

    A caller that has already read the roster of ``year`` (load_roster_year) in this session
    gives it as ``entries``, and, when it also ran them as they are (simulate_entries without
    what-if choices), that run as ``roster_sim``: neither is computed again."""
    roster = load_roster_year(session, year) if entries is None else tuple(entries)
    chosen = dict(params.programs) or None
    as_is = chosen is None and params.iuran_pekerja is None and not params.bpu_discount
    if as_is and roster_sim is not None:
        sim = roster_sim
    else:
        scenario_entries = roster
        if params.iuran_pekerja is not None:
            scenario_entries = tuple(replace(e, iuran_pekerja=params.iuran_pekerja) for e in roster)
        sim = simulate_entries(
            rules, scenario_entries, year, bpu_discount=params.bpu_discount,
            programs_by_category=chosen,
        )  # fmt: skip
    tiers = tiers_in_order(village_tiers(session), params.tier_order)
    if params.pagu_per_sumber is not None and sumber_of is None:
        from desa_budget.budget.settings import sumber_by_category

        sumber_of = sumber_by_category(session)
    result = plan(
        roster, rules, year, pagu=params.pagu, tiers=tiers, mode=params.mode,
        pagu_per_sumber=params.pagu_per_sumber, sumber_of=sumber_of,
        bpu_discount=params.bpu_discount, programs_by_category=params.programs or None,
        iuran_pekerja=params.iuran_pekerja, roster_sim=sim if as_is else roster_sim,
        scenario_sim=sim,
    )  # fmt: skip
    return ScenarioColumn(name, params, sim, result)


def compare(session: Session, rules: RuleSet, year: int, names: Sequence[str]) -> Comparison:
    """Run each named scenario and put them side by side (at least two names)."""
    if len(names) < 2:
        raise UserError(_("Pilih paling sedikit dua skenario untuk dibandingkan."))
    columns = tuple(
        run_scenario(session, rules, year, load_scenario(session, year, n), name=n) for n in names
    )
    return Comparison(year, columns)
