"""The year's budget lines against the RAB keyed in Siskeudes: equal, different, missing, perubahan.

Only the kegiatan and rekening this app's lines use are compared (a Siskeudes RAB holds the whole
APBDes); amounts are added up per kegiatan, rekening and sumber dana on both sides, since
Siskeudes may split a line into other rows than ours. The app's side is the adopted murni (else
the live draft of the applied plan) and, for the PAK columns, the adopted perubahan.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desa_budget.budget import versions
from desa_budget.budget.codes.notation import siskeudes_kegiatan, siskeudes_rekening
from desa_budget.budget.lines import BudgetLines
from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.rules import RuleSet
from desa_budget.siskeudes.data import RabLine, SiskeudesData

SAMA, BEDA, HANYA_APP, HANYA_SISKEUDES = "sama", "beda", "hanya_app", "hanya_siskeudes"
STATUS_LABELS = {
    SAMA: N_("Sama"),
    BEDA: N_("Berbeda"),
    HANYA_APP: N_("Belum ada di Siskeudes"),
    HANYA_SISKEUDES: N_("Hanya di Siskeudes"),
}
Key = tuple[str, str, str]  # kegiatan, rekening (Siskeudes notation), sumber dana


@dataclass(frozen=True)
class Amounts:
    app: int | None
    siskeudes: int | None

    @property
    def status(self) -> str:
        if self.siskeudes is None:
            return HANYA_APP
        if self.app is None:
            return HANYA_SISKEUDES
        return SAMA if self.app == self.siskeudes else BEDA

    @property
    def selisih(self) -> int | None:
        """Siskeudes minus the app; None when one side is missing."""
        if self.app is None or self.siskeudes is None:
            return None
        return self.siskeudes - self.app


@dataclass(frozen=True)
class ComparedLine:
    kegiatan: str
    rekening: str
    sumber_dana: str
    uraian: str
    murni: Amounts
    perubahan: Amounts | None  # None: neither side has a perubahan


@dataclass(frozen=True)
class Comparison:
    year: int
    kd_desa: str
    versi_app: str  # "murni" (adopted) or "draf" (the live lines of the applied plan)
    has_perubahan_app: bool
    has_perubahan_siskeudes: bool
    lines: tuple[ComparedLine, ...]

    @property
    def all_equal(self) -> bool:
        return all(
            ln.murni.status == SAMA and (ln.perubahan is None or ln.perubahan.status == SAMA)
            for ln in self.lines
        )


def _ours(lines: BudgetLines) -> dict[Key, tuple[int, str]]:
    out: dict[Key, tuple[int, str]] = {}
    for ln in lines.lines:
        key = (siskeudes_kegiatan(ln.kegiatan), siskeudes_rekening(ln.rekening), ln.sumber_dana)
        total, uraian = out.get(key, (0, ln.uraian))
        out[key] = (total + ln.jumlah, uraian)
    return out


def _theirs(rows: Iterable[RabLine], pak: bool) -> dict[Key, tuple[int, str]]:
    out: dict[Key, tuple[int, str]] = {}
    for r in rows:
        amount = (r.anggaran if r.anggaran_pak is None else r.anggaran_pak) if pak else r.anggaran
        key = (r.kegiatan, r.rekening, r.sumber_dana)
        total, uraian = out.get(key, (0, r.uraian))
        out[key] = (total + amount, uraian)
    return out


def choose_desa(data: SiskeudesData, year: int, kd_desa: str | None) -> str:
    """The Siskeudes desa code whose rows to compare: the one given, or the only one of the year."""
    codes = sorted({r.kd_desa for r in data.lines if r.tahun == str(year)}
                   | {d.kd_desa for d in data.desa if d.tahun == str(year)})  # fmt: skip
    if kd_desa is not None:
        if kd_desa not in codes:
            raise UserError(
                _("Desa {kode} tidak ada di data Siskeudes tahun {year}.").format(
                    kode=kd_desa, year=year
                )
            )
        return kd_desa
    if len(codes) > 1:
        raise UserError(
            _("Data Siskeudes tahun {year} berisi beberapa desa ({kode}); pilih satu.").format(
                year=year, kode=", ".join(codes)
            )
        )
    return codes[0] if codes else ""


def compare_lines(
    data: SiskeudesData,
    *,
    year: int,
    murni: BudgetLines,
    perubahan: BudgetLines | None,
    versi_app: str,
    kd_desa: str | None = None,
) -> Comparison:
    """Compare ``murni`` (and ``perubahan`` when adopted) with the Siskeudes RAB of ``year``."""
    if not data.chart_2018:
        raise UserError(
            _(
                "Basis data Siskeudes ini versi {versi}, memakai kode rekening sebelum "
                "Permendagri 20/2018, jadi tidak dapat dibandingkan dengan kode aplikasi ini."
            ).format(versi=data.version)
        )
    desa = choose_desa(data, year, kd_desa)
    ours = _ours(murni)
    ours_pak = _ours(perubahan) if perubahan is not None else None
    pairs = {(k[0], k[1]) for k in ours} | {(k[0], k[1]) for k in ours_pak or {}}
    rows = [r for r in data.lines
            if r.tahun == str(year) and r.kd_desa == desa and (r.kegiatan, r.rekening) in pairs]  # fmt: skip
    theirs, theirs_pak = _theirs(rows, pak=False), _theirs(rows, pak=True)
    siskeudes_pak = any(r.anggaran_pak is not None and r.anggaran_pak != r.anggaran for r in rows)
    show_pak = siskeudes_pak or ours_pak is not None
    keys = sorted(set(ours) | set(theirs) | set(ours_pak or {}))
    lines = []
    for key in keys:
        app, sis = ours.get(key), theirs.get(key)
        pak_app = (ours_pak or {}).get(key)
        uraian = (app or pak_app or sis or (0, ""))[1]
        perubahan_amounts = None
        if show_pak:
            pak_sis = theirs_pak.get(key)
            perubahan_amounts = Amounts(pak_app[0] if pak_app else None,
                                        pak_sis[0] if pak_sis else None)  # fmt: skip
        lines.append(
            ComparedLine(
                kegiatan=key[0],
                rekening=key[1],
                sumber_dana=key[2],
                uraian=uraian,
                murni=Amounts(app[0] if app else None, sis[0] if sis else None),
                perubahan=perubahan_amounts,
            )  # fmt: skip
        )
    return Comparison(
        year=year,
        kd_desa=desa,
        versi_app=versi_app,
        has_perubahan_app=ours_pak is not None,
        has_perubahan_siskeudes=siskeudes_pak,
        lines=tuple(lines),
    )


def compare_year(
    session: Session, rules: RuleSet, data: SiskeudesData, *, year: int, kd_desa: str | None = None
) -> Comparison:
    """The year's lines (adopted murni, else the draft of the applied plan) against Siskeudes."""
    adopted = {v.jenis for v in versions.list_versions(session, year)}
    if "murni" in adopted:
        murni, versi = versions.load_version(session, year, "murni").lines, "murni"
    else:
        murni, versi = versions.current_lines(session, rules, year), "draf"
    perubahan = (
        versions.load_version(session, year, "perubahan").lines if "perubahan" in adopted else None
    )
    return compare_lines(
        data, year=year, murni=murni, perubahan=perubahan, versi_app=versi, kd_desa=kd_desa
    )
