"""Apply a Siskeudes import in the caller's one transaction; perangkat not on the roster join it
incomplete (roster.completeness) for the secretary to complete in Daftar Peserta, or in the
workbook written here, whose roster import completes them.

Like the roster import: recomputed from the database at the moment of applying, refused when it
no longer matches the preview the user confirmed, written together or not at all (the window then
clears its undo history, as after every import).
"""

import io
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_budget.budget import regulations
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster import service as roster
from desa_budget.roster.data import PersonData, PostData
from desa_budget.roster.read import person_data
from desa_budget.roster.workbook.export import write_workbook
from desa_budget.roster.workbook.layout import ALL_HEADERS, COLUMN, CellValue
from desa_budget.siskeudes.data import SiskeudesData
from desa_budget.siskeudes.import_preview import (
    BEDA,
    DITAMBAH,
    Change,
    ImportPreview,
    PersonPreview,
    preview_import,
)
from desa_budget.store import audit
from desa_budget.store.models import Person, VillageProfile
from desa_budget.village import categories
from desa_budget.village.profile import ProfileData, get_profile, save_profile


@dataclass(frozen=True)
class ImportResult:
    profile_changed: bool
    logo: bool
    perdes: int
    persons_updated: int
    added: tuple[PersonPreview, ...]  # perangkat added to the roster incomplete: NIK etc. missing


def _fields(changes: tuple[Change, ...]) -> dict[str, Any]:
    return {c.field: c.new for c in changes}


def logo_png(data: bytes) -> bytes | None:
    """Siskeudes' BMP logo as PNG (what the documents print); None when it is not an image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            out = io.BytesIO()
            image.save(out, format="PNG")
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def apply_import(
    session: Session,
    data: SiskeudesData,
    *,
    year: int,
    operator: str,
    confirmed: ImportPreview | None = None,
    kd_desa: str | None = None,
    kode_desa: str | None = None,
) -> ImportResult:
    """Write what ``preview_import`` shows; ``kode_desa`` is needed for a village without profile
    (Siskeudes keeps its own desa code, not Kemendagri's)."""
    preview = preview_import(session, data, year=year, kd_desa=kd_desa)
    if confirmed is not None and preview != confirmed:
        raise UserError(_("Data desa berubah sejak pratinjau dibuat; buka pratinjaunya lagi."))
    profile = get_profile(session)
    if preview.profile or (profile is None and kode_desa):
        if profile is None and not kode_desa:
            raise UserError(
                _("Isi kode desa dulu: Siskeudes tidak menyimpan kode desa Kemendagri.")
            )
        base = profile or ProfileData("", kode_desa or "", "", "", "")
        save_profile(session, replace(base, **_fields(preview.profile)),
                     operator=operator)  # fmt: skip
    logo = False
    pemda = data.for_year(year).pemda
    if preview.logo and pemda and pemda[0].logo:
        png = logo_png(pemda[0].logo)
        row = session.scalar(select(VillageProfile).order_by(VillageProfile.id).limit(1))
        if png is not None and row is not None:
            row.logo_png = png
            audit.record(session, operator=operator, entitas="profil", entitas_id=row.id,
                         label=f"Desa {row.nama_desa}", changes={"logo": (None, "logo Pemda")},
                         keterangan="logo dari Siskeudes")  # fmt: skip
            logo = True
    for change in preview.perdes:
        regulations.set_regulation_number(
            session, year=year, jenis=change.jenis, peraturan="perdes_apbdes",
            nomor=change.nomor, tanggal=change.tanggal, operator=operator,
        )  # fmt: skip
    updated = 0
    for person in preview.persons:
        if person.status != BEDA or person.person_id is None:
            continue
        row_person = session.get(Person, person.person_id)
        assert row_person is not None
        new = replace(person_data(row_person), **_fields(person.changes))
        roster.update_person(session, person.person_id, new, operator=operator)
        updated += 1
    added = tuple(p for p in preview.persons if p.status == DITAMBAH)
    for person in added:
        assert person.kategori is not None  # DITAMBAH only for a known jabatan
        roster.add_incomplete_person(
            session,
            PersonData(nik="", nama=person.nama, jenis_kelamin="", tanggal_lahir=None,
                       no_hp=person.no_hp, alamat=person.alamat),
            # Siskeudes lists who holds the post in the year; the start of the post is unknown,
            # so from 1 January: every month of the year is budgeted, none of an earlier year.
            [PostData(person.kategori, person.jabatan, mulai=date(year, 1, 1))],
            operator=operator,
        )  # fmt: skip
    session.flush()
    return ImportResult(
        profile_changed=bool(preview.profile) or profile is None,
        logo=logo,
        perdes=len(preview.perdes),
        persons_updated=updated,
        added=added,
    )


def completion_rows(persons: tuple[PersonPreview, ...]) -> list[list[CellValue]]:
    """The roster workbook's rows for them: name, category, post and contact filled, NIK, sex,
    birth date and wage left empty for the secretary. Imported in Daftar Peserta, each row
    completes the person added incomplete (matched by name and post), never adds a twin."""
    rows = []
    for p in persons:
        row: list[CellValue] = [None] * len(ALL_HEADERS)
        row[COLUMN["Nama"]] = p.nama
        row[COLUMN["Kategori"]] = categories.label(p.kategori) if p.kategori else None
        row[COLUMN["Jabatan"]] = p.jabatan
        row[COLUMN["No HP"]] = p.no_hp or None
        row[COLUMN["Alamat"]] = p.alamat or None
        rows.append(row)
    return rows


def write_completion_workbook(path: Path | str, persons: tuple[PersonPreview, ...]) -> None:
    write_workbook(path, completion_rows(persons),
                   title="Perangkat dari Siskeudes: lengkapi NIK, jenis kelamin dan tanggal lahir")  # fmt: skip
