"""Daftar Peserta's files: the roster workbook imported (read and checked in a worker, previewed,
then written all or nothing) and exported."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desa_budget.errors import UserError
from ui import errors, file_dialogs, msgbox
from ui.i18n import _, ngettext
from ui.workers import Report, Task, run_progress_task, run_task

if TYPE_CHECKING:
    from ui.pages.roster import RosterPage


class RosterFiles(QObject):
    """The import and export buttons of the roster page."""

    import_finished = Signal(bool)  # True when an import was written
    export_finished = Signal(str)  # the file written

    def __init__(self, page: "RosterPage") -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.task: Task | None = None

    def choose_import(self) -> None:
        path = file_dialogs.open_xlsx(
            self.page,
            title=_("Impor daftar peserta"),
            folder=self.ctx.settings.last_import_dir,
        )
        if path is not None:
            self.ctx.settings.last_import_dir = str(path.parent)
            self.start_import(path)

    def start_import(self, path: Path) -> None:
        """Read and check the file in a worker, then preview; nothing is written before "Impor"."""
        year, db = self.ctx.year, self.ctx.db
        limits = self.page.limits_for(year)

        def work() -> object:
            from desa_budget.roster.workbook.apply import plan_import

            with db.session() as session:
                return plan_import(session, path, year=year, limits=limits)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                from ui.dialogs.import_preview import ImportPreviewDialog

                ImportPreviewDialog.show_errors(self.page, file_name=path.name, error=exc)
                self.import_finished.emit(False)
            else:
                self.import_finished.emit(False)
                errors.report(exc)

        self.task = run_task(
            self.page,
            work,
            label=_("Memeriksa {file}…").format(file=path.name),
            on_done=lambda plan: self._preview_import(path, plan),
            on_error=failed,
        )

    def _preview_import(self, path: Path, plan: Any) -> None:
        from ui.dialogs.import_preview import ImportPreviewDialog

        if not ImportPreviewDialog.ask(self.page, file_name=path.name, plan=plan):
            self.import_finished.emit(False)
            return
        db, operator = self.ctx.db, self.ctx.operator
        limits = self.page.limits_for(self.ctx.year)

        def work(report: Report) -> object:
            from desa_budget.roster.import_record import apply_import_recorded

            with db.session() as session:
                return apply_import_recorded(
                    session, plan, operator=operator, limits=limits, progress=report
                )

        def done(record: Any) -> None:
            from ui.commands.imports import ImportCommand, push_done

            # The import is one undo step (Ctrl+Z puts every touched person back as they were).
            push_done(self.ctx, ImportCommand(self.ctx, path.name, record))
            summary = record.summary
            msgbox.info(
                self.page,
                _("Impor selesai"),
                ngettext(
                    "{added} orang ditambahkan, {changed} diubah, {unchanged} tetap.",
                    "{added} orang ditambahkan, {changed} diubah, {unchanged} tetap.",
                    summary.added,
                ).format(added=summary.added, changed=summary.changed, unchanged=summary.unchanged),
                "\n".join(
                    [
                        _("Impor ini dapat dibatalkan dengan Ctrl+Z."),
                        *(str(w) for w in summary.warnings),
                    ]
                ),
            )
            self.import_finished.emit(True)

        def failed(exc: BaseException) -> None:
            self.import_finished.emit(False)
            errors.report(exc)

        self.task = run_progress_task(
            self.page,
            work,
            label=_("Menyimpan impor…"),
            on_done=done,
            on_error=failed,
        )

    def choose_export(self) -> None:
        year = self.ctx.year
        from desa_budget.village.file_names import suggested_name

        folder = Path(self.ctx.settings.last_export_dir or Path.home())
        with self.ctx.db.session() as session:
            name = suggested_name(session, "daftar", year, ".xlsx")
        path = file_dialogs.save_xlsx(
            self.page, title=_("Ekspor daftar peserta"), suggested=folder / name
        )
        if path is not None:
            self.ctx.settings.last_export_dir = str(path.parent)
            self.start_export(path)

    def start_export(self, path: Path) -> None:
        year, db = self.ctx.year, self.ctx.db

        def work() -> object:
            from desa_budget.roster.workbook.export import export_roster

            with db.session() as session:
                return export_roster(session, path, year=year)

        def done(count: Any) -> None:
            msgbox.info(
                self.page,
                _("Ekspor selesai"),
                ngettext(
                    "{n} baris ditulis ke {path}.", "{n} baris ditulis ke {path}.", count
                ).format(n=count, path=path),
            )
            self.export_finished.emit(str(path))

        self.task = run_task(
            self.page, work, label=_("Menulis {file}…").format(file=path.name), on_done=done
        )
