"""APBDes versions per year: the live draft, adopting (menetapkan) murni / perubahan, and diffs.

Adopting freezes the simulation (every person's monthly amounts) and the budget lines as JSON, so
an adopted version prints exactly as adopted even after the roster changes. Later changes go into
the perubahan.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.budget.checks import CheckResult
from desa_budget.budget.lines import BudgetLines
from desa_budget.budget.version_lines import build_for, check_for, lines_from_data, lines_to_data
from desa_budget.budget.version_snapshot import (
    SNAPSHOT_FORMAT,
    simulation_from_data,
    simulation_to_data,
)
from desa_budget.contributions.results import Simulation
from desa_budget.contributions.simulation import simulate
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.rules import RuleSet
from desa_budget.store import audit, versioning
from desa_budget.store.database import ConcurrentEditError
from desa_budget.store.models import BudgetVersion
from desa_budget.store.versioning import ABSENT

JENIS = ("murni", "perubahan")
LABELS = {"murni": "APBDes Murni", "perubahan": "APBDes Perubahan"}
ENTITAS = "versi_anggaran"


@dataclass(frozen=True)
class VersionInfo:
    tahun: int
    jenis: str
    nomor_perdes: str
    tanggal_perdes: date | None
    nomor_perkades: str
    tanggal_perkades: date | None
    ditetapkan: datetime
    total: int
    potongan: int
    version: int = ABSENT  # of the stored row: withdrawing it (the undo of adopting) checks it


@dataclass(frozen=True)
class AdoptedRecord:
    """An adopted version's row exactly as stored: what a withdrawal returns and a redo restores."""

    id: int
    tahun: int
    jenis: str
    nomor_perdes: str
    tanggal_perdes: date | None
    nomor_perkades: str
    tanggal_perkades: date | None
    ditetapkan: datetime
    snapshot_json: str


@dataclass(frozen=True)
class FrozenVersion:
    """A version's numbers: adopted (``info`` set) or the live draft (``info`` None)."""

    year: int
    jenis: str
    simulation: Simulation
    lines: BudgetLines
    info: VersionInfo | None = None

    @property
    def adopted(self) -> bool:
        return self.info is not None

    @property
    def label(self) -> str:
        return LABELS[self.jenis] + ("" if self.adopted else " (rancangan)")


@dataclass(frozen=True)
class LineDiff:
    kegiatan: str
    rekening: str
    sumber_dana: str
    uraian: str
    old: int
    new: int

    @property
    def selisih(self) -> int:
        return self.new - self.old


def current(session: Session, rules: RuleSet, year: int) -> tuple[Simulation, BudgetLines]:
    """The live simulation of the roster and its lines with the effective codes."""
    sim = simulate(session, rules, year)
    return sim, build_for(session, sim)


def current_lines(session: Session, rules: RuleSet, year: int) -> BudgetLines:
    return current(session, rules, year)[1]


def check_version(session: Session, version: FrozenVersion) -> CheckResult:
    """The checks of codes.checks on a version's own simulation and lines."""
    return check_for(session, version.simulation, version.lines)


def _row(session: Session, year: int, jenis: str) -> BudgetVersion | None:
    return session.scalar(
        select(BudgetVersion).where(BudgetVersion.tahun == year, BudgetVersion.jenis == jenis)
    )


def _info(row: BudgetVersion, data: dict[str, object]) -> VersionInfo:
    lines = data.get("lines")
    total = lines.get("total", 0) if isinstance(lines, dict) else 0
    potongan = lines.get("potongan", 0) if isinstance(lines, dict) else 0
    return VersionInfo(
        tahun=row.tahun,
        jenis=row.jenis,
        nomor_perdes=row.nomor_perdes,
        tanggal_perdes=row.tanggal_perdes,
        nomor_perkades=row.nomor_perkades,
        tanggal_perkades=row.tanggal_perkades,
        ditetapkan=row.ditetapkan,
        total=int(total) if isinstance(total, int) else 0,
        potongan=int(potongan) if isinstance(potongan, int) else 0,
        version=row.version_id,
    )


def _load_json(row: BudgetVersion) -> dict[str, object]:
    try:
        data = json.loads(row.snapshot_json)
    except ValueError as exc:
        raise UserError(
            _("Salinan {versi} {tahun} rusak: {error}").format(
                versi=LABELS[row.jenis], tahun=row.tahun, error=exc
            )
        ) from exc
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise UserError(
            _("Salinan {versi} {tahun} rusak atau dari versi lain.").format(
                versi=LABELS[row.jenis], tahun=row.tahun
            )
        )
    return data


def _check_jenis(jenis: str) -> None:
    if jenis not in JENIS:
        raise UserError(
            _("Jenis versi '{jenis}' tidak dikenal; pilih murni atau perubahan.").format(
                jenis=jenis
            )
        )


def list_versions(session: Session, year: int) -> list[VersionInfo]:
    rows = session.scalars(select(BudgetVersion).where(BudgetVersion.tahun == year))
    infos = [_info(r, _load_json(r)) for r in rows]
    return sorted(infos, key=lambda v: JENIS.index(v.jenis))


def adopt_version(
    session: Session,
    rules: RuleSet,
    *,
    year: int,
    jenis: str,
    nomor_perdes: str = "",
    tanggal_perdes: date | None = None,
    nomor_perkades: str = "",
    tanggal_perkades: date | None = None,
    operator: str,
) -> VersionInfo:
    """Freeze the year's live numbers as ``jenis``; refused twice, or perubahan before murni."""
    _check_jenis(jenis)
    if _row(session, year, jenis) is not None:
        raise UserError(
            _("{versi} tahun {tahun} sudah ditetapkan dan tidak dapat ditetapkan ulang.").format(
                versi=LABELS[jenis], tahun=year
            )
            + (
                " " + _("Perubahan berikutnya dimasukkan ke APBDes Perubahan.")
                if jenis == "murni"
                else ""
            )
        )
    if jenis == "perubahan" and _row(session, year, "murni") is None:
        raise UserError(
            _("APBDes Perubahan {tahun} hanya dapat ditetapkan sesudah APBDes Murni.").format(
                tahun=year
            )
        )
    for text, label in ((nomor_perdes, _("Nomor Perdes")), (nomor_perkades, _("Nomor Perkades"))):
        if len(text.strip()) > 50:
            raise UserError(
                _("{label} terlalu panjang (paling banyak 50 huruf).").format(label=label)
            )
    sim, lines = current(session, rules, year)
    checked = check_for(session, sim, lines)
    if checked.errors:
        raise UserError(
            _("{versi} {tahun} belum dapat ditetapkan: ada kesalahan anggaran.").format(
                versi=LABELS[jenis], tahun=year
            ),
            details=[_(e.message) for e in checked.errors],
        )
    snapshot = {
        "format": SNAPSHOT_FORMAT,
        "simulation": simulation_to_data(sim),
        "lines": lines_to_data(lines),
    }
    row = BudgetVersion(
        tahun=year,
        jenis=jenis,
        nomor_perdes=nomor_perdes.strip(),
        tanggal_perdes=tanggal_perdes,
        nomor_perkades=nomor_perkades.strip(),
        tanggal_perkades=tanggal_perkades,
        ditetapkan=datetime.now().replace(microsecond=0),
        snapshot_json=json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
    )
    session.add(row)
    session.flush()
    audit.record(
        session, operator=operator, entitas=ENTITAS, entitas_id=row.id,
        label=f"{LABELS[jenis]} {year}",
        changes={
            "nomor_perdes": (None, row.nomor_perdes), "tanggal_perdes": (None, tanggal_perdes),
            "nomor_perkades": (None, row.nomor_perkades),
            "tanggal_perkades": (None, tanggal_perkades), "total": (None, lines.total),
        },
        keterangan="versi anggaran ditetapkan",
    )  # fmt: skip
    return _info(row, snapshot)


def _adopted_fields(row: BudgetVersion) -> dict[str, object]:
    return {
        "nomor_perdes": row.nomor_perdes, "tanggal_perdes": row.tanggal_perdes,
        "nomor_perkades": row.nomor_perkades, "tanggal_perkades": row.tanggal_perkades,
    }  # fmt: skip


def withdraw_version(
    session: Session, *, year: int, jenis: str, version: int | None, operator: str
) -> AdoptedRecord:
    """Take back an adoption (its undo): the stored ``jenis`` of ``year`` is removed.

    ``version`` is the adoption as the caller saw it: withdrawn or adopted again since, refused;
    so is the murni once the perubahan is adopted. Returns the row, for ``restore_version``."""
    _check_jenis(jenis)
    row = _row(session, year, jenis)
    if row is None:
        raise ConcurrentEditError()
    versioning.check_version(row, version)
    if jenis == "murni" and _row(session, year, "perubahan") is not None:
        raise UserError(
            _(
                "Penetapan APBDes Murni {year} tidak dapat dibatalkan: APBDes Perubahan sudah "
                "ditetapkan."
            ).format(year=year)
        )
    record = AdoptedRecord(
        id=row.id, tahun=row.tahun, jenis=row.jenis, nomor_perdes=row.nomor_perdes,
        tanggal_perdes=row.tanggal_perdes, nomor_perkades=row.nomor_perkades,
        tanggal_perkades=row.tanggal_perkades, ditetapkan=row.ditetapkan,
        snapshot_json=row.snapshot_json,
    )  # fmt: skip
    audit.record(
        session, operator=operator, entitas=ENTITAS, entitas_id=row.id,
        label=f"{LABELS[jenis]} {year}",
        changes={k: (v, None) for k, v in _adopted_fields(row).items()},
        keterangan="penetapan versi anggaran dibatalkan",
    )  # fmt: skip
    session.delete(row)
    session.flush()
    return record


def restore_version(session: Session, record: AdoptedRecord, *, operator: str) -> VersionInfo:
    """Put a withdrawn adoption back exactly as it was adopted (same id, same frozen numbers)."""
    if _row(session, record.tahun, record.jenis) is not None:
        raise ConcurrentEditError()
    if session.get(BudgetVersion, record.id) is not None:
        raise ConcurrentEditError()
    if record.jenis == "perubahan" and _row(session, record.tahun, "murni") is None:
        raise UserError(
            _("APBDes Perubahan {year} hanya dapat ditetapkan sesudah APBDes Murni.").format(
                year=record.tahun
            )
        )
    row = BudgetVersion(
        id=record.id, tahun=record.tahun, jenis=record.jenis, nomor_perdes=record.nomor_perdes,
        tanggal_perdes=record.tanggal_perdes, nomor_perkades=record.nomor_perkades,
        tanggal_perkades=record.tanggal_perkades, ditetapkan=record.ditetapkan,
        snapshot_json=record.snapshot_json,
    )  # fmt: skip
    session.add(row)
    session.flush()
    audit.record(
        session, operator=operator, entitas=ENTITAS, entitas_id=row.id,
        label=f"{LABELS[row.jenis]} {row.tahun}",
        changes={k: (None, v) for k, v in _adopted_fields(row).items()},
        keterangan="versi anggaran ditetapkan kembali",
    )  # fmt: skip
    return _info(row, _load_json(row))


def load_version(session: Session, year: int, jenis: str) -> FrozenVersion:
    """An adopted version exactly as adopted (rebuilt from its snapshot)."""
    _check_jenis(jenis)
    row = _row(session, year, jenis)
    if row is None:
        raise UserError(
            _("{versi} tahun {tahun} belum ditetapkan.").format(versi=LABELS[jenis], tahun=year)
        )
    data = _load_json(row)
    sim_data, lines_data = data.get("simulation"), data.get("lines")
    if not isinstance(sim_data, dict) or not isinstance(lines_data, dict):
        raise UserError(_("Salinan {versi} {tahun} rusak.").format(versi=LABELS[jenis], tahun=year))
    return FrozenVersion(
        year=year,
        jenis=jenis,
        simulation=simulation_from_data(sim_data),
        lines=lines_from_data(lines_data),
        info=_info(row, data),
    )


def draft(session: Session, rules: RuleSet, year: int) -> FrozenVersion:
    """The live numbers of the version not adopted yet: murni, or perubahan after murni."""
    adopted = {v.jenis for v in list_versions(session, year)}
    if "perubahan" in adopted:
        raise UserError(
            _("APBDes Murni dan Perubahan {tahun} sudah ditetapkan keduanya.").format(tahun=year)
        )
    jenis = "perubahan" if "murni" in adopted else "murni"
    sim, lines = current(session, rules, year)
    return FrozenVersion(year=year, jenis=jenis, simulation=sim, lines=lines)


def diff_versions(murni: FrozenVersion, perubahan: FrozenVersion) -> list[LineDiff]:
    """Line by line (kegiatan + rekening + sumber dana + uraian), changed lines only."""
    Key = tuple[str, str, str, str]

    def amounts(version: FrozenVersion) -> dict[Key, int]:
        out: dict[Key, int] = {}
        for line in version.lines.lines:
            key = (line.kegiatan, line.rekening, line.sumber_dana, line.uraian)
            out[key] = out.get(key, 0) + line.jumlah
        return out

    old, new = amounts(murni), amounts(perubahan)
    keys: Sequence[Key] = list(old) + [k for k in new if k not in old]
    return [
        LineDiff(*key, old=old.get(key, 0), new=new.get(key, 0))
        for key in sorted(keys)
        if old.get(key, 0) != new.get(key, 0)
    ]
