"""The village profile (one row): read as a DTO, validated and saved with an audit entry per change."""

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desa_budget.errors import UserError
from desa_budget.i18n import N_, _
from desa_budget.store import audit
from desa_budget.store.models import Person, VillageProfile
from desa_budget.village import categories
from desa_budget.village.identifiers import validate_kode_desa

ENTITAS = "profil"

# Field: (label in messages, required, max length)
_TEXT_FIELDS: dict[str, tuple[str, bool, int]] = {
    "nama_desa": (N_("Nama desa"), True, 100),
    "kecamatan": (N_("Kecamatan"), True, 100),
    "kabupaten": (N_("Kabupaten/kota"), True, 100),
    "provinsi": (N_("Provinsi"), True, 100),
    "alamat": (N_("Alamat"), False, 300),
    "kepala_desa_nama": (N_("Nama kepala desa"), False, 100),
    "sekretaris_desa_nama": (N_("Nama sekretaris desa"), False, 100),
    "pelaksana_kegiatan_nama": (N_("Nama pelaksana kegiatan"), False, 100),
    "operator_nama": (N_("Nama operator"), False, 100),
    "kabupaten_profil": (N_("Profil kabupaten"), True, 60),
}


@dataclass(frozen=True)
class ProfileData:
    """The profile as the UI and commands see it. ``version`` guards against a stale save."""

    nama_desa: str
    kode_desa: str
    kecamatan: str
    kabupaten: str
    provinsi: str
    alamat: str = ""
    kepala_desa_nama: str = ""
    kepala_desa_status: str = "definitif"  # definitif / plt / pj
    sekretaris_desa_nama: str = ""
    pelaksana_kegiatan_nama: str = ""
    operator_nama: str = ""
    kabupaten_profil: str = "nasional"
    target_pekerja_rentan: int = 100
    version: int | None = None  # from get_profile; None saves without the check


_COLUMNS = tuple(f.name for f in fields(ProfileData) if f.name != "version")


def is_new_database(session: Session) -> bool:
    """No village profile and nobody on the roster: a brand-new database (the first start)."""
    has_profile = session.scalar(select(VillageProfile.id).limit(1)) is not None
    return not has_profile and session.scalar(select(Person.id).limit(1)) is None


def get_profile(session: Session) -> ProfileData | None:
    row = session.scalar(select(VillageProfile).order_by(VillageProfile.id).limit(1))
    if row is None:
        return None
    values: dict[str, Any] = {name: getattr(row, name) for name in _COLUMNS}
    return ProfileData(**values, version=row.version_id)


def validate_profile(data: ProfileData) -> ProfileData:
    """The profile with names trimmed and the kode desa normalised; all problems in one UserError."""
    problems: list[str] = []
    cleaned: dict[str, Any] = {}
    for name, (label, required, limit) in _TEXT_FIELDS.items():
        value = " ".join(str(getattr(data, name) or "").split())
        if required and not value:
            problems.append(_("{label} wajib diisi.").format(label=_(label)))
        elif len(value) > limit:
            problems.append(
                _("{label} terlalu panjang (paling banyak {limit} huruf).").format(
                    label=_(label), limit=limit
                )
            )
        cleaned[name] = value
    try:
        cleaned["kode_desa"] = validate_kode_desa(data.kode_desa)
    except UserError as exc:
        problems.append(exc.message)
    if data.kepala_desa_status not in categories.POST_STATUSES:
        problems.append(_("Status kepala desa harus definitif, plt atau pj."))
    if not 0 <= data.target_pekerja_rentan <= 100_000:
        problems.append(_("Target pekerja rentan harus bilangan 0 sampai 100.000."))
    if problems:
        raise UserError(_("Profil desa belum dapat disimpan."), details=problems)
    return replace(data, **cleaned)


def save_profile(session: Session, data: ProfileData, *, operator: str) -> ProfileData:
    """Create or update the profile; every changed column goes to the audit log. Returns it saved."""
    data = validate_profile(data)
    values = {k: v for k, v in asdict(data).items() if k != "version"}
    row = session.scalar(select(VillageProfile).order_by(VillageProfile.id).limit(1))
    if row is None:
        row = VillageProfile(**values)
        session.add(row)
        session.flush()
        changes = {k: (None, v) for k, v in values.items() if v not in (None, "")}
        keterangan = "profil dibuat"
    else:
        if data.version is not None and data.version != row.version_id:
            raise StaleDataError("profil desa telah diubah oleh pengguna lain")
        changes = {}
        for name, new in values.items():
            old = getattr(row, name)
            if old != new:
                setattr(row, name, new)
                changes[name] = (old, new)
        keterangan = "profil diubah"
        session.flush()
    audit.record(
        session,
        operator=operator,
        entitas=ENTITAS,
        entitas_id=row.id,
        label=f"Desa {row.nama_desa}",
        changes=changes,
        keterangan=keterangan,
    )
    return replace(data, version=row.version_id)


def remove_profile(session: Session, *, version: int | None, operator: str) -> ProfileData:
    """Remove the profile (the undo of creating it); returns it as it was."""
    row = session.scalar(select(VillageProfile).order_by(VillageProfile.id).limit(1))
    if row is None or (version is not None and version != row.version_id):
        raise StaleDataError("profil desa telah diubah oleh pengguna lain")
    data = get_profile(session)
    assert data is not None
    values = {k: v for k, v in asdict(data).items() if k != "version"}
    audit.record(
        session,
        operator=operator,
        entitas=ENTITAS,
        entitas_id=row.id,
        label=f"Desa {row.nama_desa}",
        changes={k: (v, None) for k, v in values.items() if v not in (None, "")},
        keterangan="profil dihapus (batal)",
    )
    session.delete(row)
    session.flush()
    return data
