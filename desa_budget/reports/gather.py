"""Reading what the annexes print from the database into one AnnexData."""

from datetime import date
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.budget import regulations, versions
from desa_budget.budget import settings as budget_settings
from desa_budget.budget.plan_defaults import year_plan
from desa_budget.budget.signers import signers_on
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.reports.data import AnnexData, Baseline, Regulation, jp_ceiling_text
from desa_budget.rules import RuleSet
from desa_budget.store.models import VillageProfile
from desa_budget.village.profile import get_profile


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
    if jenis == "perubahan" and "murni" not in adopted:
        raise UserError(
            _(
                "APBDes Perubahan {year} baru dapat dicetak sesudah APBDes Murni ditetapkan: "
                "kolom Semula memuat angka APBDes Murni."
            ).format(year=year)
        )
    if jenis in adopted:
        return versions.load_version(session, year, jenis)
    sim, lines = versions.current(session, rules, year)
    return versions.FrozenVersion(year=year, jenis=jenis, simulation=sim, lines=lines)


def gather_annex_data(
    session: Session,
    rules: RuleSet,
    *,
    year: int,
    jenis: str | None = None,
    today: date | None = None,
) -> AnnexData:
    """The profile, version, simulation, lines, checks, plan, regulations and signers of ``year``.

    A draft is dated ``today`` (default: the computer's date), which also picks who signs. A
    village without a profile, without covered persons or without budget lines gets a
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
    semula = None
    if version.jenis == "perubahan":
        murni = versions.load_version(session, year, "murni")
        semula = Baseline(murni.simulation, murni.lines)
    kegiatan_names: dict[str, str] = {}
    rekening_names: dict[str, str] = {}
    for line in version.lines.lines + (semula.lines.lines if semula else ()):
        for row in catalog.chain("kegiatan", line.kegiatan):
            kegiatan_names[row.kode] = row.uraian
        rekening_names[line.rekening] = catalog.uraian("rekening", line.rekening)
    numbers = regulations.regulation_numbers(session, year, version.jenis)
    adopted_on = version.info.ditetapkan.date() if version.info else None
    tanggal = regulations.version_date(numbers, adopted_on, today or date.today())
    logo = session.scalar(select(VillageProfile.logo_png).order_by(VillageProfile.id).limit(1))
    return AnnexData(
        profile=profile,
        year=year,
        jenis=version.jenis,
        adopted=version.info is not None,
        simulation=sim,
        lines=version.lines,
        regulations=MappingProxyType(
            {k: Regulation(n.nomor, n.tanggal) for k, n in numbers.items()}
        ),
        placements=MappingProxyType(regulations.placements(session)),
        tanggal=tanggal,
        signers=signers_on(session, profile, tanggal),
        pelaksana=MappingProxyType(regulations.pelaksana_list(session)),
        semula=semula,
        kegiatan_names=MappingProxyType(kegiatan_names),
        rekening_names=MappingProxyType(rekening_names),
        checks=versions.check_version(session, version),
        pagu=budget_settings.get_budget_year(session, year).pagu,
        plan=year_plan(session, rules, year),
        jp_ceilings=jp_ceiling_text(rules, year),
        logo_png=logo,
    )
