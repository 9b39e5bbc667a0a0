"""Tables of the import preview: people to add, field-by-field changes, and the file's problems."""

from dataclasses import dataclass
from typing import ClassVar

from desa_budget.roster.workbook.parse import ImportEntry, ImportPlan
from desa_budget.roster.workbook.problems import ImportProblem
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


class ImportProblemModel(DtoTableModel[ImportProblem]):
    """Problems or warnings of a workbook, straight from the core's records."""

    BARIS, KOLOM, ISI, MASALAH = range(4)
    COLUMNS: ClassVar[tuple[Column[ImportProblem], ...]] = (
        Column(
            N_("Baris"),
            lambda p: "" if p.row is None else str(p.row),
            lambda p: p.row or 0,
            True,
        ),
        Column(N_("Kolom"), lambda p: p.column),
        Column(N_("Isi sel"), lambda p: p.value),
        Column(N_("Masalah"), lambda p: p.message[:1].upper() + p.message[1:]),  # a sentence
    )
