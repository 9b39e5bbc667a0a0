"""Kode Anggaran tables: the category mapping, local codes, per-person codes and budget lines."""

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desa_budget.budget.codes.catalog import Catalog
from desa_budget.budget.codes.forms import format_siskeudes
from desa_budget.budget.lines import BudgetLine, PotonganLine
from desa_budget.budget.settings import CategoryCodes, LocalCodeData
from desa_budget.contributions.results import PersonYear
from desa_budget.errors import UserError
from desa_budget.format import format_cell
from desa_budget.village import categories
from ui.i18n import N_, _
from ui.models.table_model import Column, DtoTableModel


def siskeudes(code: str | None, kind: str) -> str:
    """The Siskeudes form of a code; a malformed code is shown as written (the checks report it)."""
    if not code:
        return ""
    try:
        return format_siskeudes(code, kind)
    except UserError:
        return code


def _rank(key: str) -> int:
    category = categories.BY_KEY.get(key)
    return category.rank if category else 99


@dataclass(frozen=True)
class MappingRow:
    kategori: str
    kegiatan: str
    rekening: str
    sumber_dana: str
    village_set: bool
    uraian_kegiatan: str
    uraian_rekening: str
    uraian_sumber: str


def mapping_rows(mapping: dict[str, CategoryCodes], catalog: Catalog) -> list[MappingRow]:
    return [
        MappingRow(
            kategori=c.kategori,
            kegiatan=c.kode_kegiatan,
            rekening=c.kode_rekening,
            sumber_dana=c.sumber_dana,
            village_set=c.village_set,
            uraian_kegiatan=catalog.uraian("kegiatan", c.kode_kegiatan),
            uraian_rekening=catalog.uraian("rekening", c.kode_rekening),
            uraian_sumber=catalog.uraian("sumber_dana", c.sumber_dana),
        )
        for c in mapping.values()
    ]


class MappingModel(DtoTableModel[MappingRow]):
    KATEGORI, KEGIATAN, KEGIATAN_SISKEUDES, REKENING, REKENING_SISKEUDES, SUMBER, ASAL = range(7)
    COLUMNS: ClassVar[tuple[Column[MappingRow], ...]] = (
        Column(N_("Kategori"), lambda r: categories.label(r.kategori), lambda r: _rank(r.kategori)),
        Column(N_("Kegiatan"), lambda r: r.kegiatan, tooltip=lambda r: r.uraian_kegiatan),
        Column(
            N_("Kegiatan (Siskeudes)"),
            lambda r: siskeudes(r.kegiatan, "kegiatan"),
            tooltip=lambda r: r.uraian_kegiatan,
        ),
        Column(N_("Rekening"), lambda r: r.rekening, tooltip=lambda r: r.uraian_rekening),
        Column(
            N_("Rekening (Siskeudes)"),
            lambda r: siskeudes(r.rekening, "rekening"),
            tooltip=lambda r: r.uraian_rekening,
        ),
        Column(N_("Sumber dana"), lambda r: r.sumber_dana, tooltip=lambda r: r.uraian_sumber),
        Column(
            N_("Asal"),
            lambda r: _("desa") if r.village_set else _("profil"),
            tooltip=lambda r: (
                _("Diatur sendiri oleh desa") if r.village_set else _("Bawaan profil kabupaten")
            ),
        ),
    )

    def extra_data(self, row: MappingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.village_set:
            font = QFont()
            font.setBold(column == self.ASAL)
            return font
        return None


class LocalCodeModel(DtoTableModel[LocalCodeData]):
    JENIS, KODE, SISKEUDES, URAIAN = range(4)
    COLUMNS: ClassVar[tuple[Column[LocalCodeData], ...]] = (
        Column(N_("Jenis"), lambda c: c.jenis),
        Column(N_("Kode"), lambda c: c.kode),
        Column(N_("Siskeudes"), lambda c: siskeudes(c.kode, c.jenis)),
        Column(N_("Uraian"), lambda c: c.uraian, tooltip=lambda c: c.uraian),
    )


@dataclass(frozen=True)
class PersonCodes:
    """A person whose own codes override the category's mapping in the year."""

    person_id: int
    nama: str
    kategori: str
    jabatan: str
    kegiatan: str
    rekening: str
    sumber_dana: str


def person_code_rows(persons: tuple[PersonYear, ...]) -> list[PersonCodes]:
    return [
        PersonCodes(
            p.person_id,
            p.nama,
            p.kategori,
            p.jabatan,
            p.kode_kegiatan or "",
            p.kode_rekening or "",
            p.sumber_dana or "",
        )
        for p in persons
        if p.kode_kegiatan or p.kode_rekening or p.sumber_dana
    ]


class PersonCodeModel(DtoTableModel[PersonCodes]):
    NAMA, JABATAN, KEGIATAN, REKENING, SUMBER = range(5)
    COLUMNS: ClassVar[tuple[Column[PersonCodes], ...]] = (
        Column(N_("Nama"), lambda p: p.nama, lambda p: p.nama.casefold()),
        Column(N_("Jabatan"), lambda p: p.jabatan),
        Column(N_("Kegiatan"), lambda p: p.kegiatan or "—"),
        Column(N_("Rekening"), lambda p: p.rekening or "—"),
        Column(N_("Sumber dana"), lambda p: p.sumber_dana or "—"),
    )


class BudgetLineModel(DtoTableModel[BudgetLine]):
    KEGIATAN, REKENING, SUMBER, URAIAN, VOLUME, HARGA, JUMLAH = range(7)
    COLUMNS: ClassVar[tuple[Column[BudgetLine], ...]] = (
        Column(
            N_("Kegiatan"),
            lambda b: siskeudes(b.kegiatan, "kegiatan"),
            lambda b: b.kegiatan,
            tooltip=lambda b: b.kegiatan,
        ),
        Column(
            N_("Rekening"),
            lambda b: siskeudes(b.rekening, "rekening"),
            lambda b: b.rekening,
            tooltip=lambda b: b.rekening,
        ),
        Column(N_("Sumber"), lambda b: b.sumber_dana),
        Column(N_("Uraian"), lambda b: b.uraian, tooltip=lambda b: b.uraian),
        Column(N_("Volume"), lambda b: f"{b.volume} {b.satuan}", lambda b: b.volume, True),
        Column(
            N_("Harga satuan"),
            lambda b: format_cell(b.harga_satuan) if b.harga_satuan is not None else _("beragam"),
            lambda b: b.harga_satuan or 0,
            True,
        ),
        Column(N_("Jumlah"), lambda b: format_cell(b.jumlah), lambda b: b.jumlah, True),
    )

    def extra_data(self, row: BudgetLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SUMBER:
            if row.sumber_dana == "DDS":
                return QBrush(QColor("#b00020"))
        return None


class PotonganModel(DtoTableModel[PotonganLine]):
    KATEGORI, URAIAN, ORANG, JUMLAH = range(4)
    COLUMNS: ClassVar[tuple[Column[PotonganLine], ...]] = (
        Column(N_("Kategori"), lambda p: categories.label(p.kategori), lambda p: _rank(p.kategori)),
        Column(N_("Uraian"), lambda p: p.uraian, tooltip=lambda p: p.uraian),
        Column(N_("Orang"), lambda p: str(len(p.person_ids)), lambda p: len(p.person_ids), True),
        Column(N_("Jumlah"), lambda p: format_cell(p.jumlah), lambda p: p.jumlah, True),
    )
