"""The roster import as one undo step: undo puts back every person it added or changed as they
were; redo puts the import's result back. Both refuse, like any stale step, when someone changed
one of those people since."""

from sqlalchemy.orm import Session

from desa_budget.roster.import_record import ImportRecord, swap_people
from desa_budget.roster.read import PersonDetail
from ui.app_context import AppContext
from ui.commands.base import EditCommand
from ui.i18n import _


class ImportCommand(EditCommand):
    """Made by the worker that wrote the import (``apply_import_recorded``); pushed as done."""

    def __init__(self, ctx: AppContext, file_name: str, record: ImportRecord) -> None:
        super().__init__(ctx, _("Impor {file}").format(file=file_name))
        self.record = record
        self._before: tuple[PersonDetail, ...] = record.before  # what undo puts back
        self._after: tuple[PersonDetail, ...] = record.after  # as the database holds them now
        self._already_done = True  # the worker made the first step

    def forward(self, session: Session) -> None:
        self._after = swap_people(
            session, self._before, self.record.after, operator=self.ctx.operator
        )

    def backward(self, session: Session) -> None:
        self._before = swap_people(
            session, self._after, self.record.before, operator=self.ctx.operator
        )


def push_done(ctx: AppContext, command: ImportCommand) -> None:
    """Put an import already written on the undo stack (push() would write it again)."""
    ctx.undo_stack.push(command)
    ctx.notify_changed()
