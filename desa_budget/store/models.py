"""The database tables (SQLAlchemy 2 typed ORM). Schema changes go through Alembic migrations."""

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Mapper,
    Session,
    mapped_column,
    object_mapper,
    relationship,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def content_version(row: object) -> int:
    """A row's version: a token made from its content (every column but the version itself).

    The same content always gives the same token. So an undo that puts a row back as it was also
    puts back the version the earlier undo step holds, and several edits in a row undo and redo in
    turn; any other content (a colleague's save) gives another token, and a stale step is refused.
    Never 0 (``versioning.ABSENT``) and within a 32-bit INTEGER on every database.
    """
    mapper = object_mapper(row)
    return _token([(key, getattr(row, key)) for key in _content_keys(mapper)])


def content_version_of(model: type[Any], values: Mapping[str, Any]) -> int:
    """``content_version`` of a new row of ``model`` with these column values (the others take
    their defaults), for rows inserted in bulk without an ORM object."""
    mapper: Mapper[Any] = inspect(model)
    pairs = []
    for key in _content_keys(mapper):
        value = values.get(key)
        if value is None:
            default = mapper.column_attrs[key].columns[0].default
            if default is not None and default.is_scalar:
                value = default.arg
        pairs.append((key, value))
    return _token(pairs)


def _token(pairs: Sequence[tuple[str, Any]]) -> int:
    parts = [f"{key}={value!r}" for key, value in pairs]
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % (2**31 - 1) + 1


def _content_keys(mapper: Mapper[Any]) -> list[str]:
    """The columns that make a row's content: not its version, its own id or its parent's id
    (ids are given at insert, after the version is set, and stay the same for the row's life)."""
    keys = []
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if column is mapper.version_id_col or column.primary_key or column.foreign_keys:
            continue
        keys.append(attr.key)
    return keys


def _fill_defaults(row: object, mapper: Mapper[Any]) -> None:
    """A new row's Python-side defaults, set before hashing, so the token made at insert is the
    one the same content gives when read back later."""
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        default = column.default
        if getattr(row, attr.key) is None and default is not None and default.is_scalar:
            setattr(row, attr.key, default.arg)


def versioned(version_id: Mapped[int]) -> dict[str, object]:
    """The mapper arguments of a table whose rows carry a version (optimistic locking); the
    version is set from the content at every flush (``content_version``)."""
    return {"version_id_col": version_id, "version_id_generator": False}


@event.listens_for(Session, "before_flush")
def _set_versions(session: Session, _context: object, _instances: object) -> None:
    new, dirty = session.new, session.dirty  # each a new set per call: taken once (an import)
    for row in (*new, *dirty):
        mapper = object_mapper(row)
        if mapper.version_id_col is None:
            continue
        if row in dirty and not session.is_modified(row, include_collections=False):
            continue
        if row in new:
            _fill_defaults(row, mapper)
        key = mapper.get_property_by_column(mapper.version_id_col).key
        setattr(row, key, content_version(row))


class VillageProfile(Base):
    """The village: one row. Names print on every document; kode desa identifies it at the DPMD."""

    __tablename__ = "village_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    nama_desa: Mapped[str] = mapped_column(String(100))
    kode_desa: Mapped[str] = mapped_column(String(13))
    kecamatan: Mapped[str] = mapped_column(String(100))
    kabupaten: Mapped[str] = mapped_column(String(100))
    provinsi: Mapped[str] = mapped_column(String(100))
    alamat: Mapped[str] = mapped_column(String(300), default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    kepala_desa_nama: Mapped[str] = mapped_column(String(100), default="")
    # "definitif", "plt" or "pj": decides the signature title (KEPALA DESA / Plt. / Pj. KEPALA DESA)
    kepala_desa_status: Mapped[str] = mapped_column(String(10), default="definitif")
    sekretaris_desa_nama: Mapped[str] = mapped_column(String(100), default="")
    pelaksana_kegiatan_nama: Mapped[str] = mapped_column(String(100), default="")
    operator_nama: Mapped[str] = mapped_column(String(100), default="")
    kabupaten_profil: Mapped[str] = mapped_column(String(60), default="nasional")
    target_pekerja_rentan: Mapped[int] = mapped_column(Integer, default=100)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class Person(Base):
    """Someone the village protects, identified by NIK."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    # NIK, sex and birth date are None only for a person taken from Siskeudes (which keeps none of
    # them) until the secretary completes them: roster.completeness says what is missing.
    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    nama: Mapped[str] = mapped_column(String(150))
    jenis_kelamin: Mapped[str | None] = mapped_column(String(1))  # "L" or "P"
    tanggal_lahir: Mapped[date | None] = mapped_column(Date)
    tempat_lahir: Mapped[str] = mapped_column(String(100), default="")
    nama_ibu: Mapped[str] = mapped_column(String(150), default="")
    # Optional contact data BPJS TK registration asks for; personal data, never in a DPMD export.
    no_hp: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    alamat: Mapped[str] = mapped_column(String(300), default="")
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    posts: Mapped[list["Post"]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Post.id"
    )
    coverages: Mapped[list["Coverage"]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Coverage.tahun"
    )

    __mapper_args__ = versioned(version_id)


class Post(Base):
    """A post a person holds (jabatan), with its SK and term. One person may hold two."""

    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kategori: Mapped[str] = mapped_column(String(30))  # a key of categories.CATEGORIES
    jabatan: Mapped[str] = mapped_column(String(150))
    status: Mapped[str] = mapped_column(String(10), default="definitif")  # definitif / plt / pj
    nomor_sk: Mapped[str] = mapped_column(String(100), default="")
    tanggal_sk: Mapped[date | None] = mapped_column(Date, default=None)
    mulai: Mapped[date | None] = mapped_column(Date, default=None)  # TMT
    akhir: Mapped[date | None] = mapped_column(Date, default=None)  # end of term / date ended
    # Siltap + tunjangan per month, for the 30 % ceiling; None: not entered (the BPJS basis is used)
    penghasilan: Mapped[int | None] = mapped_column(BigInteger, default=None)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    person: Mapped[Person] = relationship(back_populates="posts")

    __mapper_args__ = versioned(version_id)


class Coverage(Base):
    """How a person is covered from a year on (the newest row with tahun <= the year applies)."""

    __tablename__ = "coverage"
    __table_args__ = (UniqueConstraint("person_id", "tahun"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    tahun: Mapped[int] = mapped_column(Integer)
    segmen: Mapped[str] = mapped_column(String(3))  # "PU" or "BPU"
    dasar_upah: Mapped[int] = mapped_column(BigInteger)  # wage basis or declared income, rupiah
    programs: Mapped[str] = mapped_column(String(20))  # "JKK,JKM,JHT,JP" in that order
    kelas_jkk: Mapped[int] = mapped_column(Integer, default=1)
    iuran_pekerja: Mapped[str] = mapped_column(String(6), default="desa")  # "desa" or "potong"
    status_bpjs: Mapped[str] = mapped_column(
        String(10), default="belum"
    )  # belum/terdaftar/nonaktif
    nomor_kpj: Mapped[str | None] = mapped_column(String(20), default=None)
    dibayar_oleh: Mapped[str] = mapped_column(String(6), default="desa")  # "desa" or "pemda"
    kode_kegiatan: Mapped[str | None] = mapped_column(String(12), default=None)  # override
    kode_rekening: Mapped[str | None] = mapped_column(String(12), default=None)  # override
    sumber_dana: Mapped[str | None] = mapped_column(String(3), default=None)  # override
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    person: Mapped[Person] = relationship(back_populates="coverages")

    __mapper_args__ = versioned(version_id)


class AuditEntry(Base):
    """One recorded change: when, who, what, old and new value."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    waktu: Mapped[datetime] = mapped_column(DateTime, index=True)
    operator: Mapped[str] = mapped_column(String(100))
    entitas: Mapped[str] = mapped_column(String(40))  # "person", "post", "coverage", "profil", ...
    entitas_id: Mapped[int | None] = mapped_column(Integer, default=None)
    label: Mapped[str] = mapped_column(String(200), default="")  # e.g. the person's name
    kolom: Mapped[str] = mapped_column(String(60), default="")
    nilai_lama: Mapped[str | None] = mapped_column(Text, default=None)
    nilai_baru: Mapped[str | None] = mapped_column(Text, default=None)
    keterangan: Mapped[str] = mapped_column(String(300), default="")


class LocalCode(Base):
    """A code the village adds itself (kegiatan or objek numbered 90–99)."""

    __tablename__ = "local_code"
    __table_args__ = (UniqueConstraint("jenis", "kode"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    jenis: Mapped[str] = mapped_column(String(10))  # "kegiatan" or "rekening"
    kode: Mapped[str] = mapped_column(String(12))
    uraian: Mapped[str] = mapped_column(String(200))
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class CategoryMapping(Base):
    """The village's own choice of kegiatan / objek / sumber dana for a category."""

    __tablename__ = "category_mapping"

    kategori: Mapped[str] = mapped_column(String(30), primary_key=True)
    kode_kegiatan: Mapped[str] = mapped_column(String(12))
    kode_rekening: Mapped[str] = mapped_column(String(12))
    sumber_dana: Mapped[str] = mapped_column(String(3))
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class BudgetYear(Base):
    """Inputs for one budget year that are not about people (pagu, total belanja desa)."""

    __tablename__ = "budget_year"

    tahun: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    total_belanja: Mapped[int | None] = mapped_column(BigInteger, default=None)
    pagu: Mapped[int | None] = mapped_column(BigInteger, default=None)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class Scenario(Base):
    """A named planner scenario: its inputs as JSON (pagu, programs, tiers, worker shares)."""

    __tablename__ = "scenario"
    __table_args__ = (UniqueConstraint("tahun", "nama"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer)
    nama: Mapped[str] = mapped_column(String(100))
    params_json: Mapped[str] = mapped_column(Text)
    dibuat: Mapped[datetime] = mapped_column(DateTime)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class BudgetVersion(Base):
    """An adopted APBDes version (murni / perubahan): its legal numbers and frozen lines."""

    __tablename__ = "budget_version"
    __table_args__ = (UniqueConstraint("tahun", "jenis"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer)
    jenis: Mapped[str] = mapped_column(String(10))  # "murni" or "perubahan"
    nomor_perdes: Mapped[str] = mapped_column(String(50), default="")
    tanggal_perdes: Mapped[date | None] = mapped_column(Date, default=None)
    nomor_perkades: Mapped[str] = mapped_column(String(50), default="")
    tanggal_perkades: Mapped[date | None] = mapped_column(Date, default=None)
    ditetapkan: Mapped[datetime] = mapped_column(DateTime)
    snapshot_json: Mapped[str] = mapped_column(Text)  # the simulation and lines, frozen
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class AppliedPlan(Base):
    """A year's coverage decision: the plan applied to the budget (who the village pays for, and
    for which programs). No row: the year pays for everything on the roster."""

    __tablename__ = "applied_plan"

    tahun: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    pagu: Mapped[int] = mapped_column(BigInteger)
    mode: Mapped[str] = mapped_column(String(10))  # strict / fill
    terpakai: Mapped[int] = mapped_column(BigInteger)  # the plan's desa total when applied
    # [{"id", "nama", "programs", "roster", "desa"}, ...] and the tiers, see contributions.coverage
    decision_json: Mapped[str] = mapped_column(Text)
    diterapkan: Mapped[datetime] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(100))
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class RegulationNumber(Base):
    """The number and date of one regulation of an adopted version, set or corrected after the
    adoption (the adoption's own Perdes / Perkades numbers apply while there is no row)."""

    __tablename__ = "regulation_number"
    __table_args__ = (UniqueConstraint("budget_version_id", "peraturan"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    budget_version_id: Mapped[int] = mapped_column(
        ForeignKey("budget_version.id", ondelete="CASCADE"), index=True
    )
    peraturan: Mapped[str] = mapped_column(String(30))  # a key of budget.regulations.KINDS
    nomor: Mapped[str] = mapped_column(String(50), default="")
    tanggal: Mapped[date | None] = mapped_column(Date, default=None)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class DocumentPlacement(Base):
    """The village's choice of the regulation a printed document is annexed to ("" = none)."""

    __tablename__ = "document_placement"

    dokumen: Mapped[str] = mapped_column(String(20), primary_key=True)
    peraturan: Mapped[str] = mapped_column(String(30), default="")
    lampiran: Mapped[str] = mapped_column(String(10), default="")  # "I", "II" or "" (the only one)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class KegiatanPelaksana(Base):
    """Who prepares (and signs) the RAB of one kegiatan: the pelaksana kegiatan."""

    __tablename__ = "kegiatan_pelaksana"

    kode_kegiatan: Mapped[str] = mapped_column(String(12), primary_key=True)
    nama: Mapped[str] = mapped_column(String(100))
    jabatan: Mapped[str] = mapped_column(String(100), default="")
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)


class ProjectionAssumptions(Base):
    """The assumptions of the projection from one base year (issue 18), as JSON: the JP
    ceiling's growth, wage growth per category, total belanja growth, refilling posts, targets."""

    __tablename__ = "projection"

    tahun_dasar: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    asumsi_json: Mapped[str] = mapped_column(Text)  # see desa_budget.projection.assumptions
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = versioned(version_id)
