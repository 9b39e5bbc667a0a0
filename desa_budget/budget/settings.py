"""Village-level budget settings: category code mapping, local codes, per-person codes.

Every write is audited and takes the version the caller read (store.versioning), so a stale edit
or undo is refused. The mapping a village has not set itself falls back to its kabupaten
profile's mapping (the national default when the profile names no other). The budget year's own
figures live in budget.year (re-exported here for older callers).
"""

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.budget.codes import catalog as code_catalog
from desa_budget.budget.codes import profiles as code_profiles
from desa_budget.budget.year import BudgetYearData as BudgetYearData
from desa_budget.budget.year import get_budget_year as get_budget_year
from desa_budget.budget.year import set_budget_year as set_budget_year
from desa_budget.budget.year import set_pagu as set_pagu
from desa_budget.budget.year import set_total_belanja as set_total_belanja
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster import service as roster
from desa_budget.roster.read import CoverageRecord
from desa_budget.store import audit
from desa_budget.store.database import ConcurrentEditError
from desa_budget.store.models import CategoryMapping, Coverage, LocalCode, Person
from desa_budget.store.versioning import ABSENT, check_version
from desa_budget.village import categories
from desa_budget.village.profile import get_profile

LOCAL_KINDS = ("kegiatan", "rekening")


@dataclass(frozen=True)
class CategoryCodes:
    kategori: str
    kode_kegiatan: str
    kode_rekening: str
    sumber_dana: str
    village_set: bool  # False: the kabupaten profile's default
    version: int = ABSENT  # the village's own row (ABSENT when the profile's default applies)

    def same_codes(self, other: "CategoryCodes") -> bool:
        return (self.kode_kegiatan, self.kode_rekening, self.sumber_dana) == (
            other.kode_kegiatan,
            other.kode_rekening,
            other.sumber_dana,
        )


@dataclass(frozen=True)
class LocalCodeData:
    id: int
    jenis: str  # kegiatan / rekening
    kode: str
    uraian: str
    version: int = ABSENT


@dataclass(frozen=True)
class CoverageChange:
    """A per-person code change: the row of exactly that year before (None: there was none)."""

    before: CoverageRecord | None
    after: CoverageRecord


def kabupaten_profile_name(session: Session) -> str:
    profile = get_profile(session)
    return profile.kabupaten_profil if profile is not None else "nasional"


def local_codes(session: Session) -> list[LocalCodeData]:
    rows = session.scalars(select(LocalCode).order_by(LocalCode.jenis, LocalCode.kode))
    return [_local(r) for r in rows]


def _local(row: LocalCode) -> LocalCodeData:
    return LocalCodeData(row.id, row.jenis, row.kode, row.uraian, row.version_id)


def catalog_for(session: Session) -> code_catalog.Catalog:
    """The national catalog, the kabupaten profile's additions and the village's local codes."""
    return code_profiles.catalog_for(
        kabupaten_profile_name(session),
        [(c.jenis, c.kode, c.uraian) for c in local_codes(session)],
    )


def kabupaten_profile(session: Session) -> code_profiles.KabupatenProfile:
    """The kabupaten profile the village profile names."""
    return code_profiles.get_kabupaten_profile(kabupaten_profile_name(session))


def default_mapping(session: Session) -> dict[str, CategoryCodes]:
    """The kabupaten profile's mapping, for every category."""
    profile = kabupaten_profile(session)
    return {
        key: CategoryCodes(key, row.kegiatan, row.rekening, row.sumber_dana, village_set=False)
        for key, row in profile.mapping.items()
    }


def effective_mapping(session: Session) -> dict[str, CategoryCodes]:
    """The village's own mapping where it set one, else the profile's, in category order."""
    mapping = default_mapping(session)
    for row in session.scalars(select(CategoryMapping)):
        mapping[row.kategori] = _village_codes(row)
    return {key: mapping[key] for key in categories.KEYS if key in mapping}


def _village_codes(row: CategoryMapping) -> CategoryCodes:
    return CategoryCodes(
        row.kategori, row.kode_kegiatan, row.kode_rekening, row.sumber_dana,
        village_set=True, version=row.version_id,
    )  # fmt: skip


def codes_mapping(session: Session) -> dict[str, CategoryCodes]:
    """The effective mapping in the form codes.lines.build_lines takes."""
    return effective_mapping(session)


def sumber_by_category(session: Session) -> dict[str, str]:
    return {k: v.sumber_dana for k, v in effective_mapping(session).items()}


def _check_codes(
    session: Session, kegiatan: str | None, rekening: str | None, sumber_dana: str | None
) -> tuple[str | None, str | None, str | None]:
    """The codes in their canonical form; every unknown one in a single UserError."""
    cat = catalog_for(session)
    problems: list[str] = []
    out: list[str | None] = []
    for value, kind, label in (
        (kegiatan, "kegiatan", _("Kode kegiatan")),
        (rekening, "rekening", _("Kode rekening")),
        (sumber_dana, "sumber_dana", _("Sumber dana")),
    ):
        if value is None or not value.strip():
            out.append(None)
            continue
        found = cat.find(kind, value.strip())
        if found is None:
            problems.append(
                _("{label} '{kode}' tidak ada dalam daftar kode.").format(
                    label=label, kode=value.strip()
                )
            )
        out.append(found)
    if problems:
        raise UserError(_("Kode anggaran tidak sah."), details=problems)
    return out[0], out[1], out[2]


def set_category_mapping(
    session: Session,
    kategori: str,
    *,
    kode_kegiatan: str,
    kode_rekening: str,
    sumber_dana: str,
    operator: str,
    version: int | None = None,
) -> CategoryCodes:
    """Set the village's own codes for a category (all three are required); returns them saved.

    ``version`` is the village's row as the caller read it (ABSENT: the profile's default)."""
    if kategori not in categories.BY_KEY:
        raise UserError(_("Kategori '{kategori}' tidak dikenal.").format(kategori=kategori))
    keg, rek, sd = _check_codes(session, kode_kegiatan, kode_rekening, sumber_dana)
    if keg is None or rek is None or sd is None:
        raise UserError(_("Kode kegiatan, kode rekening dan sumber dana wajib diisi semuanya."))
    row = session.get(CategoryMapping, kategori)
    check_version(row, version)
    before = effective_mapping(session).get(kategori)
    if row is None:
        row = CategoryMapping(kategori=kategori)
        session.add(row)
    row.kode_kegiatan, row.kode_rekening, row.sumber_dana = keg, rek, sd
    session.flush()
    audit.record(
        session, operator=operator, entitas="pemetaan_kode", entitas_id=None,
        label=categories.label(kategori),
        changes={
            "kode_kegiatan": (before.kode_kegiatan if before else None, keg),
            "kode_rekening": (before.kode_rekening if before else None, rek),
            "sumber_dana": (before.sumber_dana if before else None, sd),
        },
        keterangan="pemetaan kode kategori diubah",
    )  # fmt: skip
    return _village_codes(row)


def reset_category_mapping(
    session: Session, kategori: str, *, operator: str, version: int | None = None
) -> CategoryCodes | None:
    """Drop the village's own codes for a category: the kabupaten profile's apply again.

    Returns the codes dropped (None: the village had none)."""
    row = session.get(CategoryMapping, kategori)
    check_version(row, version)
    if row is None:
        return None
    dropped = _village_codes(row)
    fallback = default_mapping(session).get(kategori)
    audit.record(
        session, operator=operator, entitas="pemetaan_kode", entitas_id=None,
        label=categories.label(kategori),
        changes={
            "kode_kegiatan": (row.kode_kegiatan, fallback.kode_kegiatan if fallback else None),
            "kode_rekening": (row.kode_rekening, fallback.kode_rekening if fallback else None),
            "sumber_dana": (row.sumber_dana, fallback.sumber_dana if fallback else None),
        },
        keterangan="pemetaan kode kembali ke profil kabupaten",
    )  # fmt: skip
    session.delete(row)
    session.flush()
    return dropped


def add_local_code(
    session: Session, *, jenis: str, kode: str, uraian: str, operator: str
) -> LocalCodeData:
    """Add a village code numbered 90-99 under a known parent; returns it as saved."""
    if jenis not in LOCAL_KINDS:
        raise UserError(_("Jenis kode lokal harus 'kegiatan' atau 'rekening'."))
    uraian = " ".join(uraian.split())
    if not uraian:
        raise UserError(_("Uraian kode lokal wajib diisi."))
    if len(uraian) > 200:
        raise UserError(_("Uraian kode lokal terlalu panjang (paling banyak 200 huruf)."))
    canonical = catalog_for(session).validate_local(jenis, kode.strip())  # UserError if bad
    exists = session.scalar(
        select(LocalCode).where(LocalCode.jenis == jenis, LocalCode.kode == canonical)
    )
    if exists is not None:
        raise UserError(
            _("Kode lokal {kode} sudah ada ({uraian}).").format(
                kode=canonical, uraian=exists.uraian
            )
        )
    row = LocalCode(jenis=jenis, kode=canonical, uraian=uraian)
    session.add(row)
    session.flush()
    audit.record(
        session, operator=operator, entitas="kode_lokal", entitas_id=row.id,
        label=f"{jenis} {canonical}", changes={"kode": (None, canonical), "uraian": (None, uraian)},
        keterangan="kode lokal ditambah",
    )  # fmt: skip
    return _local(row)


def remove_local_code(
    session: Session, *, jenis: str, kode: str, operator: str, version: int | None = None
) -> LocalCodeData:
    """Remove a local code that no mapping and no person's coverage uses; returns it as it was.

    ``version`` is the row the caller read: gone or made again since, the removal is refused."""
    row = session.scalar(
        select(LocalCode).where(LocalCode.jenis == jenis, LocalCode.kode == kode.strip())
    )
    check_version(row, version)
    if row is None:
        raise UserError(_("Kode lokal {kode} tidak ada.").format(kode=kode))
    column = "kode_kegiatan" if jenis == "kegiatan" else "kode_rekening"
    used_by_mapping = session.scalar(
        select(CategoryMapping.kategori).where(getattr(CategoryMapping, column) == row.kode)
    )
    used_by_person = session.scalar(
        select(Person.nama).join(Coverage).where(getattr(Coverage, column) == row.kode).limit(1)
    )
    if used_by_mapping is not None or used_by_person is not None:
        who = (
            _("kategori {kategori}").format(kategori=categories.label(used_by_mapping))
            if used_by_mapping
            else _("kepesertaan {nama}").format(nama=used_by_person)
        )
        raise UserError(
            _("Kode lokal {kode} masih dipakai oleh {who}; ganti dulu kodenya.").format(
                kode=row.kode, who=who
            )
        )
    audit.record(
        session, operator=operator, entitas="kode_lokal", entitas_id=row.id,
        label=f"{jenis} {row.kode}", changes={"kode": (row.kode, None), "uraian": (row.uraian, None)},
        keterangan="kode lokal dihapus",
    )  # fmt: skip
    removed = _local(row)
    session.delete(row)
    session.flush()
    return removed


def restore_local_code(session: Session, code: LocalCodeData, *, operator: str) -> LocalCodeData:
    """Put a removed local code back under its own id; refused if the code or id is taken again."""
    taken = session.scalar(
        select(LocalCode.id).where(LocalCode.jenis == code.jenis, LocalCode.kode == code.kode)
    )
    if taken is not None or session.get(LocalCode, code.id) is not None:
        raise ConcurrentEditError()
    row = LocalCode(id=code.id, jenis=code.jenis, kode=code.kode, uraian=code.uraian)
    session.add(row)
    session.flush()
    audit.record(
        session, operator=operator, entitas="kode_lokal", entitas_id=code.id,
        label=f"{code.jenis} {code.kode}",
        changes={"kode": (None, code.kode), "uraian": (None, code.uraian)},
        keterangan="kode lokal dipulihkan",
    )  # fmt: skip
    return _local(row)


def set_person_codes(
    session: Session,
    person_id: int,
    year: int,
    *,
    kode_kegiatan: str | None,
    kode_rekening: str | None,
    sumber_dana: str | None,
    operator: str,
    version: int | None = None,
) -> CoverageChange:
    """Override one person's codes from ``year`` on (None = the category's mapping).

    When the coverage that applies was set in an earlier year, it is copied to ``year`` first,
    so earlier years keep their codes. ``version`` is the applying row as the caller read it."""
    person = session.get(Person, person_id)
    if person is None:
        raise UserError(_("Orang tidak ditemukan (mungkin sudah dihapus oleh pengguna lain)."))
    rows = [c for c in person.coverages if c.tahun <= year]
    if not rows:
        raise UserError(
            _("{nama} belum punya kepesertaan untuk tahun {year}.").format(
                nama=person.nama, year=year
            )
        )
    applying = max(rows, key=lambda c: c.tahun)
    check_version(applying, version)
    keg, rek, sd = _check_codes(session, kode_kegiatan, kode_rekening, sumber_dana)
    exact = next((c for c in rows if c.tahun == year), None)
    before = roster.coverage_record(exact) if exact is not None else None
    current = roster.coverage_data(applying)
    wanted = replace(current, tahun=year, kode_kegiatan=keg, kode_rekening=rek, sumber_dana=sd)
    after = roster.set_coverage(session, person_id, wanted, operator=operator)
    return CoverageChange(before, after)
