"""The main window: navigation on the left, the registered pages on the right, the year in the
toolbar, undo/redo, and the shortcuts (Ctrl+N, Ctrl+F, Ctrl+Z/Ctrl+Y, Ctrl+P)."""

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desa_budget.errors import UserError
from ui import errors
from ui.app_context import AppContext, NavTarget
from ui.i18n import _
from ui.pages import PAGES, Page, PageSpec
from ui.start_frame import DEFAULT_SIZE

MINIMUM_SIZE = QSize(760, 520)  # the pages' own minimums decide beyond this
# Every page fits this (tests/ui/test_small_screen.py): a 1024 × 768 screen less its taskbar
# and the window's frame and title bar.
SMALL_SCREEN = QSize(1008, 688)
FRAME = QSize(16, 40)  # room for the window's own frame and title bar on the screen


class MainWindow(QMainWindow):
    first_painted = Signal()
    page_changed = Signal(str)

    def __init__(self, ctx: AppContext, *, village: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self._painted = False
        self.setWindowTitle(
            _("Jamsos Desa — {desa}").format(desa=village) if village else _("Jamsos Desa")
        )
        self.setMinimumSize(MINIMUM_SIZE)
        self.specs: list[PageSpec] = list(PAGES)
        self.pages: dict[str, Page] = {}
        self._stale: set[str] = set()

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setSpacing(2)
        widest = max(self.nav.fontMetrics().horizontalAdvance(_(s.title)) for s in self.specs)
        self.nav.setFixedWidth(min(max(widest + 28, 130), 190))  # as wide as the titles need
        for spec in self.specs:
            item = QListWidgetItem(_(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(widest + 16, 32))
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self._slots: dict[str, QWidget] = {}
        for spec in self.specs:
            holder = QWidget()  # replaced by the page the first time it is shown
            self._slots[spec.key] = holder
            self.stack.addWidget(holder)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 6, 6)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._build_shortcuts()
        self._build_menus()
        self.statusBar().showMessage(_("Data: {lokasi}").format(lokasi=ctx.db.location))

        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        ctx.year_changed.connect(self._on_ctx_data_changed)
        ctx.data_changed.connect(self._on_ctx_data_changed)
        ctx.navigate_requested.connect(self.navigate)
        ctx.command_failed.connect(self._on_ctx_command_failed)
        self._restore_state()

    # Building
    def _build_toolbar(self) -> None:
        bar = QToolBar(_("Alat"))
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        bar.addWidget(QLabel(_("Tahun anggaran ")))
        self.year_box = QComboBox()
        self.year_box.setObjectName("year")
        for year in self.ctx.year_range():
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(max(self.year_box.findData(self.ctx.year), 0))
        self.year_box.currentIndexChanged.connect(self._on_year_box_changed)
        bar.addWidget(self.year_box)
        bar.addSeparator()
        stack = self.ctx.undo_stack
        self.undo_action = stack.createUndoAction(self, _("Batalkan"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self, _("Ulangi"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        # Qt's action texts would prefix the step in English ("Undo ..."): use our own words.
        stack.undoTextChanged.connect(self._on_undo_text_changed)
        stack.redoTextChanged.connect(self._on_redo_text_changed)
        self._on_undo_text_changed(stack.undoText())
        self._on_redo_text_changed(stack.redoText())
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)

    def _build_shortcuts(self) -> None:
        def action(text: str, keys: str, slot: object) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.new_action = action(_("Tambah peserta"), "Ctrl+N", self.new_person)
        self.search_action = action(_("Cari"), "Ctrl+F", self.focus_search)
        self.print_action = action(_("Cetak"), "Ctrl+P", self.print_current)

    def _build_menus(self) -> None:
        """The common actions with their shortcuts, where a Windows user looks for them."""
        bar = self.menuBar()
        berkas = bar.addMenu(_("&Berkas"))
        self.import_action = berkas.addAction(_("Impor daftar peserta dari Excel…"))
        self.import_action.triggered.connect(lambda: self._roster_files("choose_import"))
        self.export_action = berkas.addAction(_("Ekspor daftar peserta ke Excel…"))
        self.export_action.triggered.connect(lambda: self._roster_files("choose_export"))
        berkas.addSeparator()
        backup_action = berkas.addAction(_("Simpan cadangan ke…"))
        backup_action.triggered.connect(self._backup_to)
        berkas.addAction(self.print_action)
        berkas.addSeparator()
        quit_action = berkas.addAction(_("Keluar"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        ubah = bar.addMenu(_("&Ubah"))
        for act in (self.undo_action, self.redo_action, None, self.new_action, self.search_action):
            if act is None:
                ubah.addSeparator()
            else:
                ubah.addAction(act)
        buka = bar.addMenu(_("B&uka"))
        for number, spec in enumerate(self.specs, start=1):
            go = buka.addAction(_(spec.title))
            go.setShortcut(QKeySequence(f"Ctrl+{number}"))
            go.triggered.connect(lambda _on=False, key=spec.key: self.show_page(key))
        anggaran = bar.addMenu(_("&Anggaran"))
        adopt = anggaran.addAction(_("Tetapkan APBDes…"))
        adopt.triggered.connect(self.adopt_budget)
        alat = bar.addMenu(_("A&lat"))
        self.dpmd_action = alat.addAction(_("Mode petugas DPMD (rekap kabupaten)"))
        self.dpmd_action.setCheckable(True)
        self.dpmd_action.setChecked(self.ctx.settings.dpmd_mode)
        self.dpmd_action.toggled.connect(self._on_dpmd_action_toggled)
        bantuan = bar.addMenu(_("Ban&tuan"))
        self.help_action = bantuan.addAction(_("Bantuan halaman ini"))
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.help_action.triggered.connect(self.show_help)
        about = bantuan.addAction(_("Tentang Jamsos Desa"))
        about.triggered.connect(lambda: self.show_page("tentang"))

    def show_help(self) -> None:
        from ui.help import show_help

        key = self.current_key()
        spec = next((s for s in self.specs if s.key == key), None)
        self.help_box = show_help(self, key, _(spec.title) if spec else "")

    def _roster_files(self, action: str) -> None:
        page = self.show_page("peserta")
        if page is not None:
            getattr(page.files, action)()  # type: ignore[attr-defined]

    def _backup_to(self) -> None:
        page = self.show_page("pengaturan")
        if page is not None:
            page.choose_backup_folder()  # type: ignore[attr-defined]

    def adopt_budget(self) -> None:
        """Tetapkan APBDes: the Versi APBDes tab of Simulasi & Rencana, and its form."""
        page = self.show_page("rencana")
        if page is not None:
            page.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
            page.adopt()  # type: ignore[attr-defined]

    def _on_dpmd_action_toggled(self, on: bool) -> None:
        self.ctx.settings.dpmd_mode = on
        dokumen = self.pages.get("dokumen")
        if dokumen is not None:
            dokumen.show_dpmd_tools(on)  # type: ignore[attr-defined]

    def _on_undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(
            _("Batalkan {langkah}").format(langkah=text) if text else _("Batalkan")
        )

    def _on_redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(
            _("Ulangi {langkah}").format(langkah=text) if text else _("Ulangi")
        )

    # Pages
    def page_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def current_key(self) -> str:
        row = self.nav.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else ""

    def page(self, key: str) -> Page:
        """The page for ``key``, built on first use (start-up builds only the first one shown)."""
        if key not in self.pages:
            spec = next(s for s in self.specs if s.key == key)
            page = spec.create(self.ctx)
            holder = self._slots[key]
            index = self.stack.indexOf(holder)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(holder)
            holder.deleteLater()
            self._slots[key] = page
            self.pages[key] = page
            page.open()
        return self.pages[key]

    def show_page(self, key: str) -> Page | None:
        if key not in self.page_keys():
            return None
        self.nav.setCurrentRow(self.page_keys().index(key))
        return self.pages.get(key)

    def _on_nav_current_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        key = self.specs[row].key
        page = self.page(key)
        if key in self._stale:
            self._stale.discard(key)
            page.refresh()
        self.stack.setCurrentWidget(page)
        self.ctx.settings.last_page = key
        self.page_changed.emit(key)

    def _on_ctx_data_changed(self) -> None:
        """Refresh the visible page now, the others when they are next shown."""
        current = self.current_key()
        for key, page in self.pages.items():
            if key == current:
                page.refresh()
            else:
                self._stale.add(key)

    def _on_year_box_changed(self, index: int) -> None:
        year = self.year_box.itemData(index)
        if isinstance(year, int):
            self.ctx.set_year(year)

    def navigate(self, target: NavTarget) -> None:
        page = self.show_page(target.page)
        if page is None:
            self.statusBar().showMessage(_("Halaman itu belum tersedia di versi ini."), 5000)
            return
        page.when_loaded(lambda: page.navigate_to(target))

    # Shortcuts
    def new_person(self) -> None:
        page = self.pages.get(self.current_key())
        if page is not None and page.new_item():
            return
        roster = self.show_page("peserta")
        if roster is not None:
            roster.new_item()

    def focus_search(self) -> None:
        page = self.pages.get(self.current_key())
        if page is None or not page.focus_search():
            self.statusBar().showMessage(_("Halaman ini tidak punya kotak pencarian."), 4000)

    def print_current(self) -> None:
        key = self.current_key()
        self.ctx.print_requested.emit(key)
        page = self.pages.get(key)
        if page is None or not page.print_page():
            self.statusBar().showMessage(
                _("Tidak ada yang dicetak dari halaman ini; dokumen dicetak dari halaman Dokumen."),
                5000,
            )

    # Undo steps that fail later (e.g. someone else changed the row meanwhile)
    def _on_ctx_command_failed(self, exc: BaseException) -> None:
        QTimer.singleShot(0, self.ctx.reset_history)  # not while the stack is mid-undo
        if isinstance(exc, UserError):
            errors.show_user_error(
                self,
                UserError(
                    _("Langkah itu tidak dapat dibatalkan/diulang: {pesan}").format(
                        pesan=exc.message
                    )
                    + " "
                    + _("Riwayat batal/ulang dikosongkan."),
                    exc.details,
                ),
            )
        else:
            errors.report(exc)

    # Window state
    def _restore_state(self) -> None:
        settings = self.ctx.settings
        geometry = settings.window_geometry
        if not geometry or not self.restoreGeometry(QByteArray(geometry)):
            self.resize(DEFAULT_SIZE)
        self._fit_screen()
        state = settings.window_state
        if state:
            self.restoreState(QByteArray(state))
        keys = self.page_keys()
        last = settings.last_page
        if keys:
            self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def _fit_screen(self) -> None:
        """Open within the screen: a window saved on a larger screen, or the default size on a
        1024 × 768 one, is made to fit, and placed at its top left."""
        screen = self.screen().availableGeometry()
        room = screen.size() - FRAME
        size = self.size().boundedTo(room).expandedTo(self.minimumSize().boundedTo(room))
        if size != self.size() or not screen.contains(self.frameGeometry()):
            self.resize(size)
            self.move(screen.topLeft())

    def save_state(self) -> None:
        settings = self.ctx.settings
        settings.window_geometry = bytes(self.saveGeometry().data())
        settings.window_state = bytes(self.saveState().data())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
