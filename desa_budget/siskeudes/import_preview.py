"""What importing a Siskeudes database would change: profile, logo, Perdes numbers, perangkat.

Nothing is written here. Siskeudes keeps no NIK, birth date or sex: a perangkat not on the roster
is added incomplete (roster.completeness), in post from 1 January of the year and without
coverage, and the roster says what is missing until the secretary completes it.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desa_budget.budget import regulations
from desa_budget.errors import UserError
from desa_budget.format import format_date
from desa_budget.i18n import N_, _
from desa_budget.roster.completeness import IDENTITY_FIELDS, MISSING_LABELS
from desa_budget.roster.data import phone_digits
from desa_budget.siskeudes.compare import choose_desa
from desa_budget.siskeudes.data import Desa, Pemda, Perangkat, SiskeudesData
from desa_budget.store.models import Person, VillageProfile
from desa_budget.village.profile import ProfileData, get_profile

PROFILE_LABELS = {
    "nama_desa": N_("Nama desa"),
    "kecamatan": N_("Kecamatan"),
    "kabupaten": N_("Kabupaten/kota"),
    "provinsi": N_("Provinsi"),
    "alamat": N_("Alamat"),
    "kepala_desa_nama": N_("Nama kepala desa"),
    "sekretaris_desa_nama": N_("Nama sekretaris desa"),
}
MISSING = (*(MISSING_LABELS[f] for f in IDENTITY_FIELDS), N_("kepesertaan (segmen, dasar upah)"))
ADA, BEDA, DITAMBAH, TIDAK_DIKENAL = "ada", "beda", "ditambah", "tidak_dikenal"
PERSON_LABELS = {
    ADA: N_("Sudah ada, sama"),
    BEDA: N_("Sudah ada, kontak berbeda"),
    DITAMBAH: N_("Ditambahkan (belum lengkap)"),
    TIDAK_DIKENAL: N_("Jabatan tidak dikenal"),
}


@dataclass(frozen=True)
class Change:
    field: str
    label: str  # N_ text
    old: str
    new: str


@dataclass(frozen=True)
class PerdesChange:
    jenis: str  # murni / perubahan: the adopted version the number belongs to
    nomor: str
    tanggal: date | None
    old: str  # "-" when none yet


@dataclass(frozen=True)
class PersonPreview:
    nama: str
    jabatan: str
    kategori: str | None
    alamat: str
    no_hp: str
    status: str  # ADA / BEDA / BARU / TIDAK_DIKENAL
    person_id: int | None
    changes: tuple[Change, ...]  # contact fields a matched person would take over
    missing: tuple[str, ...]  # N_ texts: what the secretary must still fill in


@dataclass(frozen=True)
class ImportPreview:
    year: int
    version: str  # Siskeudes' version
    kd_desa: str
    new_profile: bool
    profile: tuple[Change, ...]
    logo: bool  # the Pemda logo would be set (the profile has none or another)
    perdes: tuple[PerdesChange, ...]
    persons: tuple[PersonPreview, ...]
    notes: tuple[str, ...]  # told once, e.g. what the mapping did not find

    @property
    def changes_anything(self) -> bool:
        return bool(self.profile or self.logo or self.perdes
                    or any(p.status in (BEDA, DITAMBAH) for p in self.persons))  # fmt: skip


def region_name(text: str) -> str:
    """ "PEMERINTAH KABUPATEN PATI" -> "Pati"; "PROVINSI JAWA TENGAH" -> "Jawa Tengah"."""
    words = text.split()
    for prefix in ("PEMERINTAH", "KABUPATEN", "PROVINSI"):
        if words and words[0].upper() == prefix:
            words = words[1:]
    return " ".join(w.capitalize() for w in words)


def wanted_profile(desa: Desa | None, pemda: Pemda | None) -> dict[str, str]:
    found = {
        "nama_desa": desa.nama_desa if desa else "",
        "kecamatan": desa.kecamatan if desa else "",
        "kabupaten": region_name(pemda.nama_pemda) if pemda else "",
        "provinsi": region_name(pemda.nama_provinsi) if pemda else "",
        "alamat": desa.alamat if desa else "",
        "kepala_desa_nama": desa.kepala_desa if desa else "",
        "sekretaris_desa_nama": desa.sekretaris_desa if desa else "",
    }
    return {k: v for k, v in found.items() if v}


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _person(p: Perangkat, people: dict[tuple[str, str], Person]) -> PersonPreview:
    no_hp = phone_digits(p.no_hp)

    def preview(status: str, row: Person | None, changes: tuple[Change, ...] = ()) -> PersonPreview:
        return PersonPreview(
            nama=p.nama, jabatan=p.jabatan, kategori=p.kategori, alamat=p.alamat, no_hp=no_hp,
            status=status, person_id=row.id if row else None, changes=changes,
            missing=MISSING if status == DITAMBAH else (),
        )  # fmt: skip

    if p.kategori is None:
        return preview(TIDAK_DIKENAL, None)
    row = people.get((_key(p.nama), p.kategori))
    if row is None:
        return preview(DITAMBAH, None)
    changes = tuple(
        Change(field, label, getattr(row, field) or "-", new)
        for field, label, new in (("no_hp", N_("No HP"), no_hp), ("alamat", N_("Alamat"), p.alamat))
        if new and new != getattr(row, field)
    )
    return preview(BEDA if changes else ADA, row, changes)


def _perdes(session: Session, desa: Desa | None, year: int) -> tuple[PerdesChange, ...]:
    found = []
    for perdes in desa.perdes if desa else ():
        jenis = {"apbdes": "murni", "perubahan": "perubahan"}.get(perdes.jenis)
        numbers = regulations.regulation_numbers(session, year, jenis) if jenis else {}
        old = numbers.get("perdes_apbdes")
        if old is None or (old.nomor, old.tanggal) == (perdes.nomor, perdes.tanggal):
            continue  # not adopted here (nothing to attach it to), or already the same
        found.append(PerdesChange(jenis or "", perdes.nomor, perdes.tanggal,
                                  old.nomor or "-"))  # fmt: skip
    return tuple(found)


def preview_import(session: Session, data: SiskeudesData, *, year: int,
                   kd_desa: str | None = None) -> ImportPreview:  # fmt: skip
    """Compare the year's Siskeudes pemda, desa and perangkat with the village; write nothing."""
    data = data.for_year(year)
    code = choose_desa(data, year, kd_desa) if data.desa or data.lines else ""
    desa = next((d for d in data.desa if d.kd_desa == code), None)
    pemda = data.pemda[0] if data.pemda else None
    profile = get_profile(session)
    wanted = wanted_profile(desa, pemda)
    old = profile or ProfileData("", "", "", "", "")
    changes = tuple(
        Change(f, PROFILE_LABELS[f], getattr(old, f) or "-", new)
        for f, new in wanted.items()
        if new != getattr(old, f)
    )
    stored_logo = session.scalar(select(VillageProfile.logo_png).limit(1))
    notes = []
    if (
        pemda
        and profile
        and not profile.kode_desa.startswith(f"{pemda.kode_provinsi}.{pemda.kode_kabupaten}")
    ):
        notes.append(
            _("Kode desa {kode} tidak diawali kode provinsi dan kabupaten Siskeudes ({prov}.{kab})."
              ).format(kode=profile.kode_desa, prov=pemda.kode_provinsi, kab=pemda.kode_kabupaten)
        )  # fmt: skip
    if data.unmatched:
        notes.append(_("Tidak ditemukan di berkas Siskeudes (versi {versi}): {daftar}.").format(
            versi=data.version or "?", daftar=", ".join(data.unmatched)))  # fmt: skip
    people = {
        (_key(row.nama), post.kategori): row
        for row in session.scalars(select(Person).options(selectinload(Person.posts)))
        for post in row.posts
    }
    mine = [p for p in data.perangkat if not code or p.kd_desa == code]
    return ImportPreview(
        year=year, version=data.version, kd_desa=code, new_profile=profile is None,
        profile=changes,
        logo=bool(pemda and pemda.logo) and stored_logo is None,
        perdes=_perdes(session, desa, year),
        persons=tuple(_person(p, people) for p in mine), notes=tuple(notes),
    )  # fmt: skip


def latest_year(data: SiskeudesData) -> int:
    """The newest year the file holds a desa or Pemda for (what an import takes by default)."""
    years = {int(d.tahun) for d in data.desa if d.tahun.isdigit()}
    years |= {int(p.tahun) for p in data.pemda if p.tahun.isdigit()}
    if not years:
        raise UserError(_("Berkas Siskeudes tidak berisi data desa untuk tahun mana pun."))
    return max(years)


def describe_perdes(change: PerdesChange) -> str:
    tanggal = format_date(change.tanggal) if change.tanggal else "-"
    return f"{change.nomor} ({tanggal})"
