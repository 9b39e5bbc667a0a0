"""Riwayat: the audit log — who changed what and when — newest first, searchable."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_budget.store.audit import list_audit
from ui.app_context import AppContext
from ui.i18n import _, ngettext
from ui.models.settings_models import AuditModel
from ui.pages import Page
from ui.widgets.tables import table_view

LIMIT = 500
SEARCH_DELAY_MS = 300


class RiwayatPage(Page):
    refreshed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = AuditModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Cari operator, nama, kolom atau nilai (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.timer.start)
        self.search.returnPressed.connect(self.refresh)
        self.refresh_button = QPushButton(_("Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        self.view = table_view(self.model, AuditModel.LABEL, sortable=True)
        header = self.view.horizontalHeader()
        for column in (AuditModel.LAMA, AuditModel.BARU):
            header.setSectionResizeMode(column, header.ResizeMode.Interactive)
            self.view.setColumnWidth(column, 200)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

    def refresh(self) -> None:
        self.timer.stop()
        text = self.search.text().strip()
        with self.ctx.db.session() as session:
            rows = list_audit(session, search=text, limit=LIMIT)
        self.model.set_rows(rows)
        if text:
            shown = ngettext(
                '{n} perubahan cocok dengan "{cari}"',
                '{n} perubahan cocok dengan "{cari}"',
                len(rows),
            ).format(n=len(rows), cari=text)
        else:
            shown = ngettext("{n} perubahan terbaru", "{n} perubahan terbaru", len(rows)).format(
                n=len(rows)
            )
        if len(rows) >= LIMIT:
            shown += " " + _("(hanya {batas} terbaru ditampilkan)").format(batas=LIMIT)
        self.count.setText(shown)
        self.refreshed.emit()

    def focus_search(self) -> bool:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True


def create_page(ctx: AppContext) -> Page:
    return RiwayatPage(ctx)
