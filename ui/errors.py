"""The one funnel for uncaught exceptions: a UserError is a warning box, anything else is a bug.

A bug is logged with its traceback and shown in the crash dialog with the log file's path, NIK and
KPJ masked in both (desa_budget.logging_setup); nothing is swallowed (the previous hook still
runs for bugs, so a console keeps its traceback).
"""

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from desa_budget.errors import UserError
from desa_budget.logging_setup import mask_identifiers
from ui import msgbox
from ui.i18n import _

log = logging.getLogger("jamsos.ui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def show_user_error(parent: QWidget | None, exc: UserError) -> None:
    msgbox.warning(parent, _("Perhatian"), exc.message, "\n".join(exc.details) or None)


class ExceptionFunnel:
    """The ``sys.excepthook`` of the window. Re-entrant bugs (a crash while showing a crash) only log."""

    def __init__(self, log_file: Path, previous: ExceptHook | None = None) -> None:
        self.log_file = log_file
        self.previous = previous
        self._showing = False

    def __call__(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        parent = QApplication.activeWindow()
        if isinstance(exc, UserError):
            log.info("user error: %s", exc)
            show_user_error(parent, exc)
            return
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unexpected error\n%s", details)
        if self.previous is not None and self.previous is not sys.__excepthook__:
            self.previous(kind, exc, tb)
        else:
            sys.__excepthook__(kind, exc, tb)
        if self._showing:
            return
        self._showing = True
        try:
            # The report is meant to be copied to whoever helps: no full NIK or KPJ in it.
            summary = mask_identifiers(f"{kind.__name__}: {exc}")
            msgbox.crash(parent, summary, mask_identifiers(details), str(self.log_file))
        finally:
            self._showing = False


def install_excepthook(log_file: Path) -> ExceptionFunnel:
    funnel = ExceptionFunnel(log_file, sys.excepthook)
    sys.excepthook = funnel
    return funnel


def report(exc: BaseException) -> None:
    """Send an exception caught elsewhere (e.g. in a worker thread) through the funnel."""
    sys.excepthook(type(exc), exc, exc.__traceback__)
