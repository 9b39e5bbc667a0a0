"""What the printed annexes need, gathered into one frozen DTO (no ORM object reaches the renderers)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.budget import settings as budget_settings
from desa_budget.budget import versions
from desa_budget.budget.checks import CheckResult
from desa_budget.budget.lines import BudgetLines
from desa_budget.budget.plan_defaults import year_plan
from desa_budget.budget.planner import PlanResult
from desa_budget.contributions.results import Simulation
from desa_budget.errors import UserError
from desa_budget.format import MONTH_NAMES, format_rp
from desa_budget.i18n import _
from desa_budget.rules import RuleSet
from desa_budget.store.models import VillageProfile
from desa_budget.village.profile import ProfileData, get_profile


@dataclass(frozen=True)
class Regulation:
    """A Perdes or Perkades of the version: its number and date (empty / None while a draft)."""

    nomor: str = ""
    tanggal: date | None = None


@dataclass(frozen=True)
class AnnexData:
    """Everything the four documents print for one year and one budget version."""

    profile: ProfileData
    year: int
    jenis: str  # murni / perubahan
    adopted: bool  # False: a draft (rancangan), numbers and dates printed as dotted lines
    simulation: Simulation
    lines: BudgetLines
    perdes: Regulation = Regulation()
    perkades: Regulation = Regulation()
    # Uraian of the codes the lines use: bidang, sub bidang and kegiatan; objek (kode rekening).
    kegiatan_names: Mapping[str, str] = field(default_factory=dict)
    rekening_names: Mapping[str, str] = field(default_factory=dict)
    checks: CheckResult = CheckResult((), ())
    pagu: int | None = None
    plan: PlanResult | None = None
    jp_ceilings: str = ""  # "batas upah JP Rp10.547.400 (Januari–Februari 2026) dan ..."
    logo_png: bytes | None = None


def _month_span(first: int, last: int, year: int) -> str:
    if first == 1 and last == 12:
        return f"sepanjang {year}"
    if last == 12:
        return f"mulai {MONTH_NAMES[first - 1]} {year}"
    if first == last:
        return f"{MONTH_NAMES[first - 1]} {year}"
    return f"{MONTH_NAMES[first - 1]}–{MONTH_NAMES[last - 1]} {year}"


def jp_ceiling_text(rules: RuleSet, year: int) -> str:
    """The JP wage ceilings in force during ``year``, assumed ones marked "asumsi"."""
    spans: list[list[int]] = []  # [amount, assumed, first month, last month]
    for month in range(1, 13):
        try:
            amount, assumed = rules.jp_ceiling(year, month)
        except UserError:
            continue
        last = spans[-1] if spans else None
        if last and last[0] == amount and last[1] == int(assumed) and last[3] == month - 1:
            last[3] = month
        else:
            spans.append([amount, int(assumed), month, month])
    parts = [
        f"{format_rp(amount)} ({_month_span(first, last, year)}"
        + (", asumsi: belum diumumkan)" if assumed else ")")
        for amount, assumed, first, last in spans
    ]
    if not parts:
        return ""
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]
    return "batas upah JP " + joined


def _version(
    session: Session, rules: RuleSet, year: int, jenis: str | None
) -> versions.FrozenVersion:
    """The adopted version asked for, else the live numbers as its draft.

    Without ``jenis``: the latest adopted version, or the draft APBDes Murni when none is."""
    adopted = [v.jenis for v in versions.list_versions(session, year)]
    if jenis is None:
        jenis = adopted[-1] if adopted else "murni"
    if jenis not in versions.JENIS:
        raise UserError(
            _("Jenis versi '{jenis}' tidak dikenal; pilih murni atau perubahan.").format(
                jenis=jenis
            )
        )
    if jenis in adopted:
        return versions.load_version(session, year, jenis)
    sim, lines = versions.current(session, rules, year)
    return versions.FrozenVersion(year=year, jenis=jenis, simulation=sim, lines=lines)


def gather_annex_data(
    session: Session, rules: RuleSet, *, year: int, jenis: str | None = None
) -> AnnexData:
    """The profile, version, simulation, lines, checks, plan and JP ceilings of ``year``.

    A village without a profile, without covered persons or without budget lines gets a
    UserError: an empty annex is never printed."""
    profile = get_profile(session)
    if profile is None:
        raise UserError(
            _(
                "Profil desa belum diisi. Isi profil desa (nama desa, kecamatan, kabupaten, "
                "kepala desa) sebelum mencetak lampiran."
            )
        )
    version = _version(session, rules, year, jenis)
    sim = version.simulation
    if not sim.persons:
        raise UserError(
            _(
                "Tidak ada peserta yang ditanggung pada tahun {year}: daftar peserta kosong atau "
                "belum ada yang diikutsertakan. Lampiran tidak dibuat."
            ).format(year=year)
        )
    if not version.lines.lines:
        raise UserError(
            _(
                "Tahun {year} belum punya baris anggaran iuran yang dibayar desa. "
                "Lampiran tidak dibuat."
            ).format(year=year)
        )
    catalog = budget_settings.catalog_for(session)
    kegiatan_names: dict[str, str] = {}
    rekening_names: dict[str, str] = {}
    for line in version.lines.lines:
        for row in catalog.chain("kegiatan", line.kegiatan):
            kegiatan_names[row.kode] = row.uraian
        rekening_names[line.rekening] = catalog.uraian("rekening", line.rekening)
    pagu = budget_settings.get_budget_year(session, year).pagu
    info = version.info
    logo = getattr(profile, "logo_png", None) or session.scalar(
        select(VillageProfile.logo_png).order_by(VillageProfile.id).limit(1)
    )
    return AnnexData(
        profile=profile,
        year=year,
        jenis=version.jenis,
        adopted=info is not None,
        simulation=sim,
        lines=version.lines,
        perdes=Regulation(info.nomor_perdes, info.tanggal_perdes) if info else Regulation(),
        perkades=Regulation(info.nomor_perkades, info.tanggal_perkades) if info else Regulation(),
        kegiatan_names=MappingProxyType(kegiatan_names),
        rekening_names=MappingProxyType(rekening_names),
        checks=versions.check_version(session, version),
        pagu=pagu,
        plan=year_plan(session, rules, year),
        jp_ceilings=jp_ceiling_text(rules, year),
        logo_png=logo,
    )
