"""Pengaturan's rule tables: the dated rates, ceilings, ages and discounts, read-only, with the
chosen row's source written out in full."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from desa_budget.rules.labels import column_label
from ui.app_context import AppContext
from ui.i18n import _
from ui.models.grid_model import GridModel
from ui.widgets.tables import table_view


class RulesTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rule_model = GridModel(self)
        self.rule_table = QComboBox()
        for name, table in self.ctx.rules.tables.items():
            self.rule_table.addItem(f"{_(table.title)} ({name})", name)
        self.rule_table.currentIndexChanged.connect(self._show_rule_table)
        self.rule_view = table_view(self.rule_model, None, sortable=True)
        self.rule_view.setWordWrap(True)
        # The source is the row's longest text and the last column, off screen on a narrow
        # window: the chosen row's source is also written out in full under the table.
        self.rule_source = QLabel()
        self.rule_source.setWordWrap(True)
        self.rule_source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule_view.selectionModel().currentRowChanged.connect(self._show_rule_source)
        note = QLabel(
            _(
                "Tarif, batas upah, usia dan diskon dibaca dari tabel bertanggal di folder "
                "resources (hanya dibaca di sini). Keyakinan: H = naskah resmi, M = satu sumber "
                "yang baik, L = lemah."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.rule_table)
        layout.addWidget(self.rule_view, 1)
        layout.addWidget(self.rule_source)
        self._show_rule_table()

    def _show_rule_table(self) -> None:
        table = self.ctx.rules.tables.get(str(self.rule_table.currentData()))
        if table is None:
            self.rule_model.set_grid((), ())
            return
        headers = (
            *(_(column_label(c)) for c in table.columns),
            _("Berlaku dari"),
            _("Berlaku sampai"),
            _("Keyakinan"),
            _("Sumber"),
        )
        rows = [
            (
                *(row.cells.get(c, "") for c in table.columns),
                row.valid_from,
                row.valid_to or "—",
                row.confidence,
                row.source,
            )
            for row in table.rows
        ]
        self.rule_model.set_grid(headers, rows)
        header = self.rule_view.horizontalHeader()
        header.setSectionResizeMode(len(headers) - 1, header.ResizeMode.Stretch)
        self.rule_view.resizeRowsToContents()
        self.rule_view.selectRow(0)
        self._show_rule_source()

    def _show_rule_source(self) -> None:
        current = self.rule_view.currentIndex()
        last = self.rule_model.columnCount() - 1
        source = current.siblingAtColumn(last).data() if current.isValid() else None
        self.rule_source.setText(
            _("Sumber baris terpilih: {source}").format(source=source) if source else ""
        )
