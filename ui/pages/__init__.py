"""The page registry: every screen of the main window, in navigation order.

A page lives in its own module under ui/pages/ with ``create_page(ctx) -> Page``, imported the
first time the page is shown (start-up stays fast). Every registered page must exist: a missing
module is an error when the page is built, never silently left out (tests/ui/test_page_registry.py
builds them all). See ui/README.md.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desa_budget.errors import UserError
from ui.app_context import AppContext, NavTarget
from ui.i18n import N_

T = TypeVar("T")


class Page(QWidget):
    """Base of every page. Override what applies; the main window calls these hooks."""

    loaded = Signal()  # a first load in the background (``open``) is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loading = False  # True while ``open`` reads in the background
        self.loads = 0  # loads started: the newest is shown, an older one arriving late is not
        self._when_loaded: list[Callable[[], None]] = []

    def refresh(self) -> None:
        """Reload from the database (called when the page is shown and after data/year changes)."""

    def open(self) -> None:
        """The first load, when the window first shows the page: ``refresh()`` unless the page
        reads a lot, then it reads in the background (``loading`` meanwhile, ``loaded`` after)."""
        self.refresh()

    def when_loaded(self, action: Callable[[], None]) -> None:
        """Run ``action`` now, or once the page's first load is on screen."""
        if self.loading:
            self._when_loaded.append(action)
        else:
            action()

    def load_in_background(self, read: Callable[[], T], show: Callable[[T], None]) -> None:
        """``read()`` (its own session) off the GUI thread, then ``show`` its result, unless a
        ``refresh()`` (which adds 1 to ``loads``) showed newer data meanwhile."""
        from ui import errors
        from ui.workers import Background

        self.loads += 1
        load, self.loading = self.loads, True

        def done(result: T) -> None:
            if load != self.loads:  # a refresh showed newer data meanwhile
                self._finish_loading()
                return
            show(result)
            if load == self.loads:  # else ``show`` started the next stage, which finishes
                self._finish_loading()

        def failed(exc: BaseException) -> None:
            self._finish_loading()
            if isinstance(exc, UserError):
                errors.show_user_error(self, exc)
            else:
                errors.report(exc)

        Background(self, read, on_done=done, on_error=failed)

    def _finish_loading(self) -> None:
        self.loading = False
        actions, self._when_loaded = self._when_loaded, []
        for action in actions:
            action()
        self.loaded.emit()

    def navigate_to(self, target: NavTarget) -> None:
        """Show what ``target`` points at (a person, a field)."""

    def focus_search(self) -> bool:
        """Ctrl+F: put the cursor in this page's search box; False when the page has none."""
        return False

    def new_item(self) -> bool:
        """Ctrl+N: start adding; False when the page adds nothing."""
        return False

    def print_page(self) -> bool:
        """Ctrl+P: print or open the print preview; False when there is nothing to print here."""
        return False


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable: kept in the settings as the last tab and used by NavTarget.page
    title: str  # a message id, translated when shown
    module: str  # importable module with create_page(ctx) -> Page

    def create(self, ctx: AppContext) -> Page:
        """Import the module and build the page (done the first time the page is shown)."""
        module: ModuleType = importlib.import_module(self.module)
        factory: Callable[[AppContext], Page] = module.create_page
        return factory(ctx)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("beranda", N_("Beranda"), "ui.pages.beranda"),
    PageSpec("peserta", N_("Daftar Peserta"), "ui.pages.roster"),
    PageSpec("kode", N_("Kode Anggaran"), "ui.pages.kode_anggaran"),
    PageSpec("rencana", N_("Simulasi & Rencana"), "ui.pages.rencana"),
    PageSpec("dokumen", N_("Dokumen"), "ui.pages.dokumen"),
    PageSpec("pengaturan", N_("Pengaturan"), "ui.pages.pengaturan"),
    PageSpec("riwayat", N_("Riwayat"), "ui.pages.riwayat"),
    PageSpec("tentang", N_("Tentang / Manfaat"), "ui.pages.tentang"),
)
