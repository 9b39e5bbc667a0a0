"""Dokumen tables: the files a consolidation used or left out, with the reason."""

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ui.i18n import N_, _
from ui.models.table_model import Column, DtoTableModel

if TYPE_CHECKING:  # the sheets package loads openpyxl: only when a consolidation runs
    from desa_budget.sheets.consolidate import FileOutcome


class FileOutcomeModel(DtoTableModel["FileOutcome"]):
    BERKAS, DIPAKAI, DESA, ALASAN = range(4)
    COLUMNS: ClassVar[tuple[Column["FileOutcome"], ...]] = (
        Column(N_("Berkas"), lambda f: f.path.name, tooltip=lambda f: str(f.path)),
        Column(N_("Dipakai"), lambda f: _("ya") if f.used else _("tidak"), lambda f: f.used),
        Column(N_("Desa"), lambda f: f"{f.kode_desa} {f.nama_desa}".strip() or "—"),
        Column(
            N_("Alasan ditinggalkan"),
            lambda f: _(f.reason) if f.reason else "—",
            tooltip=lambda f: _(f.reason) if f.reason else "",
        ),
    )

    def extra_data(self, row: "FileOutcome", column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DIPAKAI:
            return QBrush(QColor("#2e7d5b" if row.used else "#b00020"))
        return None
