"""The undo step every edit is: one QUndoCommand per user intent, after Orange's document commands.

``forward`` and ``backward`` each call one core function with the version the command last saw,
and keep what it returns — the row's new version, or the rows a delete removed, which the core
puts back under the same ids. So an undo or redo of a row a colleague changed meanwhile is
refused by the core like any stale edit, and no step ever needs to learn a new id.
"""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from ui.app_context import AppContext


class EditCommand(QUndoCommand):
    """A user edit. Subclasses implement ``forward`` and ``backward`` with one core call each."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._already_done = False

    def forward(self, session: Session) -> None:
        raise NotImplementedError

    def backward(self, session: Session) -> None:
        raise NotImplementedError

    def apply_first(self) -> None:
        """The first redo, before the push; raises UserError when the core refuses the edit."""
        with self.ctx.db.session() as session:
            self.forward(session)
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False  # push() calls redo() once more: the edit is already made
            return
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)

    def _run(self, step: Callable[[Session], None]) -> None:
        try:
            with self.ctx.db.session() as session:
                step(session)
        except Exception as exc:  # noqa: BLE001 - handed on: the window reports it and drops history
            self.ctx.command_failed.emit(exc)
        finally:
            self.ctx.notify_changed()


class SwapCommand(EditCommand):
    """An edit that writes one set of values on redo and the values before it on undo, each with
    the version its last step left. Subclasses give ``write``, returning the row's new version."""

    def __init__(
        self, ctx: AppContext, text: str, *, before: tuple[Any, ...], after: tuple[Any, ...],
        version: int,
    ) -> None:  # fmt: skip
        super().__init__(ctx, text)
        self.values_before, self.values_after = before, after
        self.version = version  # the row as last seen: read by the page, then our own

    def write(self, session: Session, *values: Any) -> int:
        raise NotImplementedError

    def forward(self, session: Session) -> None:
        self.version = self.write(session, *self.values_after)

    def backward(self, session: Session) -> None:
        self.version = self.write(session, *self.values_before)


class MacroCommand(EditCommand):
    """Several edits as one step, made (and undone) in one transaction: all of them or none."""

    def __init__(self, ctx: AppContext, text: str, commands: Sequence[EditCommand]) -> None:
        super().__init__(ctx, text)
        self.commands = tuple(commands)

    def forward(self, session: Session) -> None:
        for command in self.commands:
            command.forward(session)

    def backward(self, session: Session) -> None:
        for command in reversed(self.commands):
            command.backward(session)


def push(ctx: AppContext, command: EditCommand) -> None:
    """Make the edit and put it on the undo stack (nothing is pushed if the core refuses it)."""
    command.apply_first()
    ctx.undo_stack.push(command)
    ctx.notify_changed()


def push_macro(ctx: AppContext, text: str, commands: Sequence[EditCommand]) -> None:
    """Several edits as one undo step; if the core refuses one, none of them is made."""
    push(ctx, commands[0] if len(commands) == 1 else MacroCommand(ctx, text, commands))
