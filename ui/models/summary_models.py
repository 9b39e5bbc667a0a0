"""The Beranda tables: persons and cost per category, cost per program, and findings to fix."""

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desa_budget.contributions.summary import CategoryTotal, ProgramTotal
from desa_budget.format import format_cell
from desa_budget.rules import PROGRAMS
from desa_budget.village import categories
from ui.app_context import NavTarget
from ui.i18n import N_, _
from ui.models.table_model import Column, DtoTableModel


class CategoryModel(DtoTableModel[CategoryTotal]):
    KATEGORI, IKUT, DESA, POTONGAN = range(4)
    COLUMNS: ClassVar[tuple[Column[CategoryTotal], ...]] = (
        Column(
            N_("Kategori"),
            lambda c: categories.label(c.kategori),
            lambda c: categories.BY_KEY[c.kategori].rank,
        ),
        Column(
            N_("Ikut / di daftar"),
            # Pemda-paid persons apart, as every head count (results.HEAD_COUNT_RULE)
            lambda c: f"{c.ikut} / {c.di_daftar}" + (f" (+{c.pemda} Pemda)" if c.pemda else ""),
            lambda c: c.ikut,
            True,
        ),
        Column(N_("Iuran desa"), lambda c: format_cell(c.desa), lambda c: c.desa, True),
        Column(N_("Potongan"), lambda c: format_cell(c.potongan), lambda c: c.potongan, True),
    )

    def extra_data(self, row: CategoryTotal, column: int, role: int) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.IKUT
            and row.ikut + row.pemda < row.di_daftar
        ):
            return QBrush(QColor("#8a5a00"))
        return None


PROGRAM_NAMES = {
    "JKK": N_("Jaminan Kecelakaan Kerja"),
    "JKM": N_("Jaminan Kematian"),
    "JHT": N_("Jaminan Hari Tua"),
    "JP": N_("Jaminan Pensiun"),
}


class ProgramModel(DtoTableModel[ProgramTotal]):
    PROGRAM, DESA, POTONGAN, JUMLAH = range(4)
    COLUMNS: ClassVar[tuple[Column[ProgramTotal], ...]] = (
        Column(
            N_("Program"),
            lambda p: p.program,
            lambda p: PROGRAMS.index(p.program),
            tooltip=lambda p: _(PROGRAM_NAMES[p.program]),
        ),
        Column(N_("Dibayar desa"), lambda p: format_cell(p.desa), lambda p: p.desa, True),
        Column(N_("Dipotong"), lambda p: format_cell(p.potongan), lambda p: p.potongan, True),
        Column(N_("Jumlah"), lambda p: format_cell(p.jumlah), lambda p: p.jumlah, True),
    )


ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_LABELS = {ERROR: N_("Galat"), WARNING: N_("Peringatan"), INFO: N_("Catatan")}
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Finding:
    """A warning or error to act on; ``target`` is where the fix is made (None: nothing to open)."""

    severity: str
    message: str
    target: NavTarget | None = None


class FindingModel(DtoTableModel[Finding]):
    JENIS, PESAN = range(2)
    COLUMNS: ClassVar[tuple[Column[Finding], ...]] = (
        Column(
            N_("Jenis"),
            lambda f: _(SEVERITY_LABELS.get(f.severity, f.severity)),
            lambda f: SEVERITY_ORDER.get(f.severity, 9),
        ),
        # The core's findings and assumptions are marked Indonesian text: shown translated here.
        Column(N_("Pesan"), lambda f: _(f.message), tooltip=lambda f: _(f.message)),
    )

    def extra_data(self, row: Finding, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.JENIS:
            return QBrush(
                QColor({ERROR: "#b00020", WARNING: "#8a5a00"}.get(row.severity, "#555555"))
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == self.JENIS and row.target is not None:
            return _("Klik dua kali untuk membuka tempat memperbaikinya.")
        return None
