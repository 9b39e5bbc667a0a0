"""Tables of the import preview: people to add, field-by-field changes, and file errors."""

import re
from dataclasses import dataclass
from typing import ClassVar

from desa_budget.roster.workbook.parse import ImportEntry, ImportPlan
from desa_budget.village import categories
from ui.i18n import N_
from ui.models.table_model import Column, DtoTableModel


def _rows(entry: ImportEntry) -> str:
    return ", ".join(str(n) for n in entry.rows)


class ImportAddModel(DtoTableModel[ImportEntry]):
    BARIS, NIK, NAMA, JABATAN = range(4)
    COLUMNS: ClassVar[tuple[Column[ImportEntry], ...]] = (
        Column(N_("Baris"), _rows, lambda e: e.rows[0] if e.rows else 0, True),
        Column(N_("NIK"), lambda e: e.person.nik),
        Column(N_("Nama"), lambda e: e.person.nama),
        Column(
            N_("Jabatan"),
            lambda e: "; ".join(
                f"{categories.label(p.kategori)}: {p.jabatan}"
                for p in e.posts
                if p.kategori in categories.BY_KEY
            ),
        ),
    )


@dataclass(frozen=True)
class ChangeRow:
    rows: str
    nama: str
    kolom: str
    lama: str
    baru: str


def change_rows(plan: ImportPlan) -> list[ChangeRow]:
    return [
        ChangeRow(_rows(entry), entry.person.nama, change.kolom, change.lama, change.baru)
        for entry in plan.changed
        for change in entry.changes
    ]


class ImportChangeModel(DtoTableModel[ChangeRow]):
    BARIS, NAMA, KOLOM, LAMA, BARU = range(5)
    COLUMNS: ClassVar[tuple[Column[ChangeRow], ...]] = (
        Column(N_("Baris"), lambda c: c.rows, numeric=True),
        Column(N_("Nama"), lambda c: c.nama),
        Column(N_("Kolom"), lambda c: c.kolom),
        Column(N_("Nilai lama"), lambda c: c.lama),
        Column(N_("Nilai baru"), lambda c: c.baru),
    )


@dataclass(frozen=True)
class FileError:
    baris: int | None
    kolom: str
    masalah: str


_WHERE = re.compile(r"^Baris (\d+), kolom ([^:]+): (.*)$", re.DOTALL)
_ROW_ONLY = re.compile(r"^Baris (\d+): (.*)$", re.DOTALL)


def parse_error(line: str) -> FileError:
    """ "Baris 7, kolom Tanggal Lahir: ..." -> (7, "Tanggal Lahir", "..."); other lines whole."""
    match = _WHERE.match(line)
    if match:
        return FileError(int(match.group(1)), match.group(2).strip(), match.group(3).strip())
    match = _ROW_ONLY.match(line)
    if match:
        return FileError(int(match.group(1)), "", match.group(2).strip())
    return FileError(None, "", line.strip())


class ImportErrorModel(DtoTableModel[FileError]):
    BARIS, KOLOM, MASALAH = range(3)
    COLUMNS: ClassVar[tuple[Column[FileError], ...]] = (
        Column(
            N_("Baris"),
            lambda e: "" if e.baris is None else str(e.baris),
            lambda e: e.baris or 0,
            True,
        ),
        Column(N_("Kolom"), lambda e: e.kolom),
        Column(N_("Masalah"), lambda e: e.masalah),
    )
