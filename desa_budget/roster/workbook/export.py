"""Writing the roster workbook: the empty template and the export of a year's roster."""

import os
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desa_budget.contributions.engine import months_in_post
from desa_budget.contributions.simulation import load_roster_year
from desa_budget.errors import UserError
from desa_budget.i18n import _
from desa_budget.roster.workbook.layout import (
    ALL_HEADERS,
    COLUMN,
    DATE_FORMAT,
    NOTES,
    SHEET_TITLE,
    VOCABULARY,
    WIDTHS,
    CellValue,
)
from desa_budget.rules import PROGRAMS
from desa_budget.store.models import Person
from desa_budget.village import categories


def _text(cell: Cell, value: str) -> None:
    """Write ``value`` as text, never a formula (a name may start with "=")."""
    cell.value = value
    cell.data_type = "s"
    if value.startswith(("=", "+", "-", "@")):
        cell.quotePrefix = True  # Excel keeps it as text when the user edits the cell


def _set(cell: Cell, value: CellValue) -> None:
    if value is None or value == "":
        return
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int):
        cell.value = value
        cell.number_format = "#,##0"
    else:
        _text(cell, value)


def _sheet(workbook: Workbook, rows: int) -> Worksheet:
    ws: Worksheet = workbook.active
    ws.title = SHEET_TITLE
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, header in enumerate(ALL_HEADERS, start=1):
        cell = ws.cell(row=1, column=index)
        _text(cell, header)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = WIDTHS[index - 1]
        if header in ("NIK", "Nomor SK", "Nomor KPJ", "No HP"):
            ws.column_dimensions[letter].number_format = "@"
    ws.freeze_panes = "A2"
    last = max(rows + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(ALL_HEADERS))}{last}"
    for header, values in VOCABULARY.items():
        letter = get_column_letter(COLUMN[header] + 1)
        check = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
        check.error = f"Pilih salah satu: {', '.join(values)}"
        check.errorTitle = header
        check.add(f"{letter}2:{letter}{max(last, 1000)}")
        ws.add_data_validation(check)
    return ws


def _notes(workbook: Workbook) -> None:
    ws = workbook.create_sheet("Petunjuk")
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 90
    for row, (column, text) in enumerate(NOTES, start=1):
        _text(ws.cell(row=row, column=1), column)
        ws.cell(row=row, column=1).font = Font(bold=True)
        _text(ws.cell(row=row, column=2), text)


def write_workbook(path: Path | str, rows: Sequence[Sequence[CellValue]], *, title: str) -> None:
    """Write the roster layout with ``rows`` to ``path`` atomically (temp file, then replace)."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise UserError(_("Nama berkas harus berakhiran .xlsx: {file}").format(file=target.name))
    workbook = Workbook()
    ws = _sheet(workbook, len(rows))
    for row_number, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            _set(ws.cell(row=row_number, column=index), value)
    _notes(workbook)
    workbook.properties.title = title
    workbook.properties.creator = "Jamsos Desa"
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(_("Folder tidak ditemukan: {folder}").format(folder=folder))
    handle, temp_name = tempfile.mkstemp(suffix=".xlsx", dir=folder)
    os.close(handle)
    try:
        workbook.save(temp_name)
        os.replace(temp_name, target)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise UserError(
            _("Berkas {file} tidak dapat ditulis: {error}").format(
                file=target.name, error=exc.strerror
            )
        ) from exc


def write_template(path: Path | str) -> None:
    """An empty roster workbook: headers, allowed-value lists and the Petunjuk sheet."""
    write_workbook(path, [], title="Templat daftar peserta BPJS Ketenagakerjaan desa")


def roster_rows(session: Session, year: int) -> list[list[CellValue]]:
    """The year's roster in the workbook layout: one row per post held during ``year``."""
    order = [e.person_id for e in load_roster_year(session, year)]
    people = {
        p.id: p
        for p in session.scalars(
            select(Person)
            .where(Person.id.in_(order))
            .options(selectinload(Person.posts), selectinload(Person.coverages))
        )
    }
    rows: list[list[CellValue]] = []
    for person_id in order:
        person = people[person_id]
        coverages = [c for c in person.coverages if c.tahun <= year]
        cov = max(coverages, key=lambda c: c.tahun) if coverages else None
        posts = [p for p in person.posts if months_in_post(p.mulai, p.akhir, year)]
        posts.sort(key=lambda p: (categories.BY_KEY[p.kategori].rank, p.id))
        for post in posts:
            programs = cov.programs.split(",") if cov and cov.programs else []
            rows.append(
                [
                    person.nik,
                    person.nama,
                    person.jenis_kelamin,
                    person.tanggal_lahir,
                    categories.label(post.kategori),
                    post.jabatan,
                    categories.POST_STATUSES.get(post.status, post.status),
                    post.nomor_sk,
                    post.tanggal_sk,
                    post.mulai,
                    post.akhir,
                    cov.segmen if cov else None,
                    cov.dasar_upah if cov else None,
                    ", ".join(p for p in PROGRAMS if p in programs),
                    str(cov.kelas_jkk) if cov else None,
                    categories.WORKER_SHARE.get(cov.iuran_pekerja) if cov else None,
                    categories.BPJS_STATUSES.get(cov.status_bpjs) if cov else None,
                    cov.nomor_kpj if cov else None,
                    person.tempat_lahir,
                    person.nama_ibu,
                    person.no_hp,
                    person.email,
                    person.alamat,
                    post.penghasilan,
                ]
            )
    return rows


def export_roster(session: Session, path: Path | str, *, year: int) -> int:
    """Write the roster of ``year`` to ``path``; returns the number of rows written."""
    rows = roster_rows(session, year)
    write_workbook(path, rows, title=f"Daftar peserta BPJS Ketenagakerjaan desa {year}")
    return len(rows)
