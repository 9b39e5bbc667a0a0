"""Long work off the GUI thread: a QRunnable on the global pool, a busy dialog, a result callback.

The function runs in a worker thread and must open its own session (``ctx.db.session()``); the
callbacks run on the GUI thread. An exception is handed to ``on_error`` (default: the error funnel).
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desa_budget.collector import collector_paused
from ui import errors


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)  # done, total


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            # A page's reading makes many objects that live on in its result: a full collection
            # in the middle walks them all while holding every thread (the window stalls).
            with collector_paused():
                result = self.work()
        except BaseException as exc:  # noqa: BLE001 - carried to the GUI thread, reported there
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class Task(QObject):
    """One background job with its progress dialog; ``finished`` fires after the callbacks."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[], Any],
        *,
        label: str,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error or errors.report
        self._signals = _Signals(self)
        self._signals.succeeded.connect(self._on_job_succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_job_failed, Qt.ConnectionType.QueuedConnection)
        self._signals.progressed.connect(
            self._on_job_progressed, Qt.ConnectionType.QueuedConnection
        )
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setCancelButton(None)  # the core's import is one transaction: nothing to cancel
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._job = _Job(work, self._signals)
        self._job.setAutoDelete(False)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.dialog.setValue(0)
        QThreadPool.globalInstance().start(self._job)

    def _finish(self) -> None:
        self.running = False
        self.dialog.reset()
        self.dialog.close()

    def report(self, done: int, total: int) -> None:
        """Progress from the worker thread (thread-safe): the dialog's bar shows done / total."""
        self._signals.progressed.emit(done, total)

    def _on_job_progressed(self, done: int, total: int) -> None:
        if self.running and total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _on_job_succeeded(self, result: object) -> None:
        self._finish()
        try:
            self._on_done(result)
        finally:
            self.finished.emit()
            self.deleteLater()

    def _on_job_failed(self, exc: BaseException) -> None:
        self._finish()
        try:
            self._on_error(exc)
        finally:
            self.finished.emit()
            self.deleteLater()


Report = Callable[[int, int], None]  # (done, total), callable from the worker thread


class Background(QObject):
    """Reading for a page off the GUI thread, with no dialog: the page says "Memuat…" itself.
    ``on_done`` / ``on_error`` run on the GUI thread; this object is deleted after them."""

    def __init__(
        self,
        parent: QObject,
        work: Callable[[], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_done, self._on_error = on_done, on_error or errors.report
        self._signals = _Signals(self)
        self._signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._job = _Job(work, self._signals)
        self._job.setAutoDelete(False)
        QThreadPool.globalInstance().start(self._job)

    def _succeeded(self, result: object) -> None:
        try:
            self._on_done(result)
        finally:
            self.deleteLater()

    def _failed(self, exc: BaseException) -> None:
        try:
            self._on_error(exc)
        finally:
            self.deleteLater()


def run_task(
    parent: QWidget | None,
    work: Callable[[], Any],
    *,
    label: str,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> Task:
    task = Task(parent, work, label=label, on_done=on_done, on_error=on_error)
    task.start()
    return task


def run_progress_task(
    parent: QWidget,
    work: Callable[[Report], Any],
    *,
    label: str,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> Task:
    """``run_task`` for work that says how far it is: ``work(report)`` calls ``report(done,
    total)`` now and then, and the dialog's bar follows."""
    reporter: list[Report] = []
    task = Task(parent, lambda: work(reporter[0]), label=label, on_done=on_done, on_error=on_error)
    reporter.append(task.report)
    task.start()
    return task
