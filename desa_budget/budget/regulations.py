"""Which regulation each printed document is annexed to, the numbers and dates of an adopted
version's regulations, and who prepares each RAB: data the user sees and corrects.

A penjabaran belongs to a Peraturan Kepala Desa tentang Penjabaran APBDes; the daftar nominatif
to the Perkades on the contributions; the RAB (the pelaksana kegiatan's document) and the ringkasan
(a working summary) to none. A village may place them otherwise (``set_placement``). The numbers
given when a version was adopted stay in the adoption; a number set or corrected later is a row of
its own (``set_regulation_number``), removed with the adoption it belongs to.
"""

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.budget.versions import LABELS
from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.store import audit
from desa_budget.store.models import (
    BudgetVersion,
    DocumentPlacement,
    KegiatanPelaksana,
    RegulationNumber,
)
from desa_budget.store.versioning import ABSENT, check_version

NONE = ""  # no LAMPIRAN block


@dataclass(frozen=True)
class PeraturanKind:
    key: str
    bentuk: str  # printed: PERATURAN DESA / PERATURAN KEPALA DESA
    tentang: str  # printed after TENTANG; {perubahan} and {year} filled in
    label: str  # marked, for the window and the command line
    short: str = ""  # marked, where room is short ("Perkades Penjabaran")

    def tentang_text(self, year: int, perubahan: bool) -> str:
        return self.tentang.format(perubahan="PERUBAHAN " if perubahan else "", year=year)


KINDS: dict[str, PeraturanKind] = {
    k.key: k
    for k in (
        PeraturanKind(
            "perdes_apbdes", "PERATURAN DESA",
            "{perubahan}ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN {year}",
            N_("Peraturan Desa tentang APBDes"), N_("Perdes APBDes"),
        ),
        PeraturanKind(
            "perkades_penjabaran", "PERATURAN KEPALA DESA",
            "PENJABARAN {perubahan}ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN {year}",
            N_("Peraturan Kepala Desa tentang Penjabaran APBDes"), N_("Perkades Penjabaran"),
        ),
        PeraturanKind(
            "perkades_iuran", "PERATURAN KEPALA DESA",
            "{perubahan}BESARAN IURAN JAMINAN SOSIAL KETENAGAKERJAAN TAHUN ANGGARAN {year}",
            N_("Peraturan Kepala Desa tentang Besaran Iuran Jaminan Sosial Ketenagakerjaan"),
            N_("Perkades Besaran Iuran"),
        ),
    )
}  # fmt: skip
# The adoption's own columns of each regulation (budget_version). The window asks for the
# "Perkades penjabaran" when adopting, so that is what nomor_perkades holds; the Perkades on the
# contributions gets its number here, after the adoption.
ADOPTION_COLUMNS = {
    "perdes_apbdes": ("nomor_perdes", "tanggal_perdes"),
    "perkades_penjabaran": ("nomor_perkades", "tanggal_perkades"),
}
DOCUMENTS = ("lampiran", "penjabaran", "rab", "ringkasan")
DOCUMENT_LABELS = {
    "lampiran": N_("Daftar nominatif iuran"),
    "penjabaran": N_("Penjabaran APBDes"),
    "rab": N_("Rencana Anggaran Biaya (RAB)"),
    "ringkasan": N_("Ringkasan"),
}
_ROMAN = re.compile(r"^(X{0,2})(IX|IV|V?I{0,3})$")
_CODE = re.compile(r"^\d+(\.\d+)*$")


@dataclass(frozen=True)
class Placement:
    """Where one document sits: the regulation (NONE: no LAMPIRAN block) and its lampiran number."""

    dokumen: str
    peraturan: str
    lampiran: str = ""  # "I", "II", ... or "" when it is the regulation's only lampiran
    version: int = ABSENT  # ABSENT: the default, nothing saved


DEFAULT_PLACEMENTS: dict[str, Placement] = {
    "lampiran": Placement("lampiran", "perkades_iuran"),
    "penjabaran": Placement("penjabaran", "perkades_penjabaran"),
    "rab": Placement("rab", NONE),
    "ringkasan": Placement("ringkasan", NONE),
}


@dataclass(frozen=True)
class NumberData:
    """A regulation's number and date for an adopted version."""

    peraturan: str
    nomor: str
    tanggal: date | None
    version: int = ABSENT  # of the correction row; ABSENT: the adoption's own numbers


@dataclass(frozen=True)
class Pelaksana:
    kode_kegiatan: str
    nama: str
    jabatan: str = ""
    version: int = ABSENT


def placements(session: Session) -> dict[str, Placement]:
    """Every document's placement, the village's choice over the default."""
    found = dict(DEFAULT_PLACEMENTS)
    for row in session.scalars(select(DocumentPlacement)):
        if row.dokumen in found:
            found[row.dokumen] = Placement(row.dokumen, row.peraturan, row.lampiran, row.version_id)
    return found


def _clean_lampiran(text: str) -> str:
    value = " ".join(text.split()).upper()
    if value and not _ROMAN.match(value):
        raise UserError(
            _("Nomor lampiran '{value}' bukan angka Romawi (I, II, III, ...) atau kosong.").format(
                value=text
            )
        )
    return value


def set_placement(
    session: Session,
    *,
    dokumen: str,
    peraturan: str,
    lampiran: str = "",
    version: int | None = None,
    operator: str,
) -> Placement:
    """Annex ``dokumen`` to ``peraturan`` (NONE: print it without a LAMPIRAN block)."""
    if dokumen not in DOCUMENTS:
        raise UserError(
            _("Dokumen tidak dikenal: {dokumen}; pilih {docs}.").format(
                dokumen=dokumen, docs=", ".join(DOCUMENTS)
            )
        )
    if peraturan != NONE and peraturan not in KINDS:
        raise UserError(
            _("Peraturan tidak dikenal: {peraturan}; pilih {kinds} atau tanpa.").format(
                peraturan=peraturan, kinds=", ".join(KINDS)
            )
        )
    roman = _clean_lampiran(lampiran) if peraturan != NONE else ""
    row = session.get(DocumentPlacement, dokumen)
    check_version(row, version)
    old = placements(session)[dokumen]
    if row is None:
        row = DocumentPlacement(dokumen=dokumen)
        session.add(row)
    row.peraturan, row.lampiran = peraturan, roman
    session.flush()
    audit.record(
        session, operator=operator, entitas="dokumen", entitas_id=None, label=dokumen,
        changes={"peraturan": (old.peraturan, peraturan), "lampiran": (old.lampiran, roman)},
        keterangan="peraturan dokumen diubah",
    )  # fmt: skip
    return Placement(dokumen, peraturan, roman, row.version_id)


def _version_row(session: Session, year: int, jenis: str) -> BudgetVersion | None:
    return session.scalar(
        select(BudgetVersion).where(BudgetVersion.tahun == year, BudgetVersion.jenis == jenis)
    )


def regulation_numbers(session: Session, year: int, jenis: str) -> dict[str, NumberData]:
    """The numbers and dates of every regulation of an adopted version ({} for a draft)."""
    version = _version_row(session, year, jenis)
    if version is None:
        return {}
    found: dict[str, NumberData] = {}
    for key in KINDS:
        nomor_col, tanggal_col = ADOPTION_COLUMNS.get(key, ("", ""))
        found[key] = NumberData(
            key,
            getattr(version, nomor_col) if nomor_col else "",
            getattr(version, tanggal_col) if tanggal_col else None,
        )
    rows = session.scalars(
        select(RegulationNumber).where(RegulationNumber.budget_version_id == version.id)
    )
    for row in rows:
        if row.peraturan in found:
            found[row.peraturan] = NumberData(row.peraturan, row.nomor, row.tanggal, row.version_id)
    return found


def version_date(numbers: dict[str, NumberData], adopted_on: date | None, today: date) -> date:
    """A version's date: its first dated regulation, else the day it was adopted; a draft's is
    ``today`` (the day it is printed)."""
    if adopted_on is None:
        return today
    dated = [numbers[k].tanggal for k in KINDS if k in numbers]
    return next((d for d in dated if d is not None), adopted_on)


def set_regulation_number(
    session: Session,
    *,
    year: int,
    jenis: str,
    peraturan: str,
    nomor: str,
    tanggal: date | None,
    version: int | None = None,
    operator: str,
) -> NumberData:
    """Set or correct a regulation's number and date for the adopted ``jenis`` of ``year``."""
    if peraturan not in KINDS:
        raise UserError(
            _("Peraturan tidak dikenal: {peraturan}; pilih {kinds}.").format(
                peraturan=peraturan, kinds=", ".join(KINDS)
            )
        )
    budget_version = _version_row(session, year, jenis)
    if budget_version is None:
        raise UserError(
            _(
                "Nomor peraturan hanya dapat diisi untuk versi yang sudah ditetapkan; "
                "{versi} {year} belum ditetapkan."
            ).format(versi=LABELS.get(jenis, jenis), year=year)
        )
    nomor = " ".join(nomor.split())
    if len(nomor) > 50:
        raise UserError(_("Nomor peraturan terlalu panjang (paling banyak 50 huruf)."))
    if tanggal is not None and tanggal.year not in (year - 1, year, year + 1):
        raise UserError(
            _("Tanggal peraturan {tanggal} jauh dari tahun anggaran {year}.").format(
                tanggal=tanggal.isoformat(), year=year
            )
        )
    old = regulation_numbers(session, year, jenis)[peraturan]
    row = session.scalar(
        select(RegulationNumber).where(
            RegulationNumber.budget_version_id == budget_version.id,
            RegulationNumber.peraturan == peraturan,
        )
    )
    check_version(row, version)
    if row is None:
        row = RegulationNumber(budget_version_id=budget_version.id, peraturan=peraturan)
        session.add(row)
    row.nomor, row.tanggal = nomor, tanggal
    session.flush()
    audit.record(
        session, operator=operator, entitas="peraturan", entitas_id=budget_version.id,
        label=f"{peraturan} {jenis} {year}",
        changes={"nomor": (old.nomor, nomor), "tanggal": (old.tanggal, tanggal)},
        keterangan="nomor peraturan diubah",
    )  # fmt: skip
    return NumberData(peraturan, nomor, tanggal, row.version_id)


def pelaksana_list(session: Session) -> dict[str, Pelaksana]:
    """The pelaksana kegiatan set per kegiatan (a kegiatan without one uses the profile's)."""
    rows = session.scalars(select(KegiatanPelaksana).order_by(KegiatanPelaksana.kode_kegiatan))
    return {
        r.kode_kegiatan: Pelaksana(r.kode_kegiatan, r.nama, r.jabatan, r.version_id) for r in rows
    }


def set_pelaksana(
    session: Session,
    *,
    kode_kegiatan: str,
    nama: str,
    jabatan: str = "",
    version: int | None = None,
    operator: str,
) -> Pelaksana:
    """Name who prepares the RAB of ``kode_kegiatan``; an empty name goes back to the profile's."""
    kode = kode_kegiatan.strip()
    if not _CODE.match(kode) or len(kode) > 12:
        raise UserError(_("Kode kegiatan '{kode}' tidak sah (mis. 1.1.03).").format(kode=kode))
    nama, jabatan = " ".join(nama.split()), " ".join(jabatan.split())
    if len(nama) > 100 or len(jabatan) > 100:
        raise UserError(_("Nama atau jabatan pelaksana terlalu panjang (paling banyak 100 huruf)."))
    row = session.get(KegiatanPelaksana, kode)
    check_version(row, version)
    old = (row.nama, row.jabatan) if row is not None else ("", "")
    if not nama:
        if row is not None:
            session.delete(row)
            session.flush()
        result = Pelaksana(kode, "", "", ABSENT)
    else:
        if row is None:
            row = KegiatanPelaksana(kode_kegiatan=kode)
            session.add(row)
        row.nama, row.jabatan = nama, jabatan
        session.flush()
        result = Pelaksana(kode, nama, jabatan, row.version_id)
    audit.record(
        session, operator=operator, entitas="pelaksana_kegiatan", entitas_id=None, label=kode,
        changes={"nama": (old[0], nama), "jabatan": (old[1], jabatan)},
        keterangan="pelaksana kegiatan diubah",
    )  # fmt: skip
    return result
