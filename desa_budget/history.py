"""Riwayat as a person reads it: the audit log with Indonesian labels and formatted values, NIK and
KPJ masked unless asked, filtered by text, person, date and kind, read page by page, and exported.

The log itself (store/audit.py) keeps raw column names and values; this module only shows them.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import ColumnElement, and_, distinct, func, or_, select
from sqlalchemy.orm import Session

from desa_budget.format import format_date, format_number, format_time
from desa_budget.i18n import N_
from desa_budget.roster.data import FIELD_LABELS
from desa_budget.store.models import AuditEntry
from desa_budget.village import categories
from desa_budget.village.identifiers import mask_nik

KINDS: dict[str, str] = {
    "person": N_("Orang"),
    "post": N_("Jabatan"),
    "coverage": N_("Kepesertaan"),
    "profil": N_("Profil desa"),
    "tahun_anggaran": N_("Tahun anggaran"),
    "pemetaan_kode": N_("Pemetaan kode"),
    "kode_lokal": N_("Kode lokal"),
    "skenario": N_("Skenario"),
    "versi_anggaran": N_("Versi APBDes"),
}
COLUMNS: dict[str, str] = {
    **FIELD_LABELS,
    "nama_desa": N_("Nama desa"),
    "kode_desa": N_("Kode desa"),
    "kecamatan": N_("Kecamatan"),
    "kabupaten": N_("Kabupaten/kota"),
    "provinsi": N_("Provinsi"),
    "alamat": N_("Alamat"),
    "kepala_desa_nama": N_("Kepala desa"),
    "kepala_desa_status": N_("Status kepala desa"),
    "sekretaris_desa_nama": N_("Sekretaris desa"),
    "pelaksana_kegiatan_nama": N_("Pelaksana kegiatan"),
    "kabupaten_profil": N_("Profil kabupaten"),
    "target_pekerja_rentan": N_("Target pekerja rentan"),
    "operator_nama": N_("Nama operator"),
    "total_belanja": N_("Total belanja desa"),
    "pagu": N_("Pagu iuran"),
}
_RUPIAH = {"dasar_upah", "total_belanja", "pagu"}
_DATES = {"tanggal_lahir", "tanggal_sk", "mulai", "akhir"}
_CHOICES: dict[str, dict[str, str]] = {
    "kategori": {c.key: c.label for c in categories.CATEGORIES},
    "status": dict(categories.POST_STATUSES),
    "kepala_desa_status": dict(categories.POST_STATUSES),
    "iuran_pekerja": dict(categories.WORKER_SHARE),
    "status_bpjs": dict(categories.BPJS_STATUSES),
    "jenis_kelamin": {"L": N_("Laki-laki"), "P": N_("Perempuan")},
    "dibayar_oleh": {"desa": N_("Desa (APBDes)"), "pemda": N_("Pemda (APBD)")},
}
PAGE_SIZE = 200


@dataclass(frozen=True)
class HistoryFilter:
    search: str = ""  # any text: operator, name, column, value, note
    person: str = ""  # a person's name as the log labels them
    kind: str = ""  # a key of KINDS ("" = every kind)
    start: date | None = None
    end: date | None = None  # inclusive


@dataclass(frozen=True)
class HistoryRow:
    """One change as shown (marked texts: the window shows ``jenis`` and ``kolom`` with ``_()``)."""

    id: int
    waktu: datetime
    operator: str
    jenis: str
    data: str  # whose row: a person's name, "Desa …", a year
    kolom: str
    lama: str
    baru: str
    keterangan: str


@dataclass(frozen=True)
class HistoryPage:
    rows: tuple[HistoryRow, ...]
    total: int  # entries matching the filter, on every page
    offset: int


def show_value(kolom: str, raw: str | None, *, reveal: bool = False) -> str:
    """A logged value as a person reads it; a NIK or KPJ masked unless ``reveal``."""
    if raw is None or raw == "":
        return "—"
    if kolom == "nik" and not reveal:
        return mask_nik(raw)
    if kolom == "nomor_kpj" and not reveal:
        return "*" * max(len(raw) - 4, 0) + raw[-4:]
    if kolom in _RUPIAH and raw.lstrip("-").isdigit():
        return format_number(int(raw))
    if kolom in _DATES:
        try:
            return format_date(date.fromisoformat(raw))
        except ValueError:
            return raw
    if kolom == "programs":
        return ", ".join(p for p in raw.split(",") if p)
    return _CHOICES.get(kolom, {}).get(raw, raw)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(filters: HistoryFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    text = filters.search.strip()
    if text:
        pattern = _like(text)
        columns = (
            AuditEntry.operator, AuditEntry.label, AuditEntry.kolom, AuditEntry.nilai_lama,
            AuditEntry.nilai_baru, AuditEntry.keterangan,
        )  # fmt: skip
        conditions.append(or_(*(c.ilike(pattern, escape="\\") for c in columns)))
    person = filters.person.strip()
    if person:
        # a person's own rows carry the name; their posts "name (jabatan)"
        prefix = person.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " (%"
        conditions.append(
            and_(
                AuditEntry.entitas.in_(("person", "post", "coverage")),
                or_(AuditEntry.label == person, AuditEntry.label.like(prefix, escape="\\")),
            )
        )
    if filters.kind:
        conditions.append(AuditEntry.entitas == filters.kind)
    if filters.start is not None:
        conditions.append(AuditEntry.waktu >= datetime.combine(filters.start, time.min))
    if filters.end is not None:
        conditions.append(AuditEntry.waktu <= datetime.combine(filters.end, time.max))
    return conditions


def _row(entry: AuditEntry, reveal: bool) -> HistoryRow:
    return HistoryRow(
        id=entry.id,
        waktu=entry.waktu,
        operator=entry.operator,
        jenis=KINDS.get(entry.entitas, entry.entitas),
        data=entry.label,
        kolom=COLUMNS.get(entry.kolom, entry.kolom),
        lama=show_value(entry.kolom, entry.nilai_lama, reveal=reveal),
        baru=show_value(entry.kolom, entry.nilai_baru, reveal=reveal),
        keterangan=entry.keterangan,
    )


def read_history(
    session: Session,
    filters: HistoryFilter = HistoryFilter(),
    *,
    offset: int = 0,
    limit: int | None = PAGE_SIZE,
    reveal: bool = False,
) -> HistoryPage:
    """The newest changes first, ``limit`` from ``offset`` on (None: all of them)."""
    conditions = _where(filters)
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*conditions)) or 0
    query = (
        select(AuditEntry)
        .where(*conditions)
        .order_by(AuditEntry.waktu.desc(), AuditEntry.id.desc())
        .offset(max(offset, 0))
    )
    if limit is not None:
        query = query.limit(limit)
    rows = tuple(_row(e, reveal) for e in session.scalars(query))
    return HistoryPage(rows=rows, total=total, offset=max(offset, 0))


def people_in_history(session: Session) -> list[str]:
    """The names the log holds for people, for the person filter."""
    names = session.scalars(
        select(distinct(AuditEntry.label)).where(AuditEntry.entitas == "person")
    )
    return sorted((n for n in names if n), key=str.casefold)


HEADERS = (
    N_("Waktu"), N_("Operator"), N_("Jenis"), N_("Data"), N_("Kolom"), N_("Lama"), N_("Baru"),
    N_("Keterangan"),
)  # fmt: skip


def export_history(path: Path | str, rows: Sequence[HistoryRow]) -> Path:
    """Write the rows as a workbook (text cells, never formulas), as the window shows them."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Riwayat"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values = (
            format_time(row.waktu, seconds=True), row.operator, row.jenis, row.data, row.kolom,
            row.lama, row.baru, row.keterangan,
        )  # fmt: skip
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # a value starting with "=" stays text
    for letter, width in zip("ABCDEFGH", (20, 16, 14, 28, 20, 24, 24, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    workbook.save(path)
    return path
