"""Riwayat: who changed what and when, newest first, in words a person reads (the core's
desa_budget.history): search, filters by person, date and kind, pages of 200, NIK and KPJ masked
unless asked, and an export of everything the filters show."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_budget.format import format_number
from desa_budget.history import (
    KINDS,
    PAGE_SIZE,
    HistoryFilter,
    export_history,
    people_in_history,
    read_history,
)
from ui import file_dialogs, msgbox
from ui.app_context import AppContext
from ui.i18n import _, ngettext
from ui.models.settings_models import HistoryModel
from ui.pages import Page
from ui.widgets.fields import DateEdit
from ui.widgets.tables import table_view
from ui.workers import Task, run_task

SEARCH_DELAY_MS = 300
EVERYONE = ""


class RiwayatPage(Page):
    refreshed = Signal()
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.offset = 0
        self.total = 0
        self.task: Task | None = None
        self.model = HistoryModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Cari operator, nama, kolom atau nilai (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.first_page)
        self.search.textChanged.connect(self.timer.start)
        self.search.returnPressed.connect(self.first_page)
        self.person = QComboBox()
        self.person.setMinimumContentsLength(14)
        self.person.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind = QComboBox()
        self.kind.addItem(_("Semua jenis"), "")
        for key, label in KINDS.items():
            self.kind.addItem(_(label), key)
        self.start = DateEdit(optional=True)
        self.end = DateEdit(optional=True)
        self.start.setToolTip(_("Dari tanggal"))
        self.end.setToolTip(_("Sampai tanggal"))
        self.reveal = QCheckBox(_("NIK dan KPJ lengkap"))
        self.reveal.setToolTip(_("Tanpa centang, NIK dan nomor KPJ disamarkan (data pribadi)."))
        for combo in (self.person, self.kind):
            combo.currentIndexChanged.connect(self.first_page)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.first_page)
        self.reveal.toggled.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.person, 1)
        top.addWidget(self.kind)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("Tanggal")))
        filters.addWidget(self.start)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.end)
        filters.addWidget(self.reveal)
        filters.addStretch()
        self.export_button = QPushButton(_("Ekspor xlsx…"))
        self.export_button.clicked.connect(self.choose_export)
        filters.addWidget(self.export_button)
        # Whose row it is (a person's name) keeps a readable width and the old and new values
        # share the rest, so on a 1024 × 768 screen none is cut to "Mul…".
        self.view = table_view(self.model, HistoryModel.BARU, sortable=True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(HistoryModel.LAMA, header.ResizeMode.Stretch)
        header.setSectionResizeMode(HistoryModel.DATA, header.ResizeMode.Interactive)
        self.view.setColumnWidth(HistoryModel.DATA, 150)
        self.count = QLabel()
        self.previous_button = QPushButton(_("‹ Sebelumnya"))
        self.next_button = QPushButton(_("Berikutnya ›"))
        self.previous_button.clicked.connect(lambda: self.go(-PAGE_SIZE))
        self.next_button.clicked.connect(lambda: self.go(PAGE_SIZE))
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def filters(self) -> HistoryFilter:
        return HistoryFilter(
            search=self.search.text().strip(),
            person=str(self.person.currentData() or ""),
            kind=str(self.kind.currentData() or ""),
            start=self.start.value(),
            end=self.end.value(),
        )

    def refresh(self) -> None:
        chosen = self.person.currentData()
        with self.ctx.db.session() as session:
            names = people_in_history(session)
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(_("Semua orang"), EVERYONE)
        for name in names:
            self.person.addItem(name, name)
        self.person.setCurrentIndex(max(self.person.findData(chosen), 0))
        self.person.blockSignals(False)
        self.load()

    def first_page(self) -> None:
        self.offset = 0
        self.load()

    def go(self, step: int) -> None:
        self.offset = min(max(self.offset + step, 0), max(self.total - 1, 0))
        self.load()

    def load(self) -> None:
        self.timer.stop()
        with self.ctx.db.session() as session:
            page = read_history(
                session, self.filters(), offset=self.offset, reveal=self.reveal.isChecked()
            )
        self.total = page.total
        self.model.set_rows(list(page.rows))
        first, last = page.offset + 1, page.offset + len(page.rows)
        filtered = self.filters() != HistoryFilter()
        if not page.rows:
            text = _("Tidak ada perubahan yang cocok.") if filtered else _("Belum ada perubahan.")
        else:
            text = ngettext(
                "Perubahan {first}–{last} dari {n}",
                "Perubahan {first}–{last} dari {n}",
                page.total,
            ).format(first=format_number(first), last=format_number(last),
                     n=format_number(page.total))  # fmt: skip
            if filtered:
                text += " " + _("(disaring)")
        self.count.setText(text)
        self.previous_button.setEnabled(page.offset > 0)
        self.next_button.setEnabled(last < page.total)
        self.refreshed.emit()

    def focus_search(self) -> bool:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    # Export: everything the filters show, not only this page
    def choose_export(self) -> None:
        from desa_budget.village.file_names import suggested_name

        with self.ctx.db.session() as session:
            name = suggested_name(session, "riwayat", self.ctx.year, ".xlsx")
        folder = Path(self.ctx.settings.last_export_dir or Path.home())
        path = file_dialogs.save_xlsx(self, title=_("Ekspor riwayat"), suggested=folder / name)
        if path is not None:
            self.ctx.settings.last_export_dir = str(path.parent)
            self.export(path)

    def export(self, path: Path) -> None:
        filters, reveal, db = self.filters(), self.reveal.isChecked(), self.ctx.db

        def work() -> Path:
            with db.session() as session:
                rows = read_history(session, filters, limit=None, reveal=reveal).rows
            return export_history(path, rows)

        def done(written: Any) -> None:
            msgbox.info(
                self,
                _("Ekspor riwayat"),
                _("Riwayat tersimpan di {path}.").format(path=written),
            )
            self.exported.emit(str(written))

        self.task = run_task(
            self, work, label=_("Menulis {file}…").format(file=path.name), on_done=done
        )


def create_page(ctx: AppContext) -> Page:
    return RiwayatPage(ctx)
