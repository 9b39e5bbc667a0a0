"""What every window, page and command is given: the database, rules, settings, operator and year.

Built once in ui.main and passed down (no module-level singletons). Its signals tell every page that
the data or the year changed, so pages refresh without knowing about each other.
"""

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desa_budget.rules import RuleSet
from desa_budget.store.database import Database
from ui.settings import Settings


@dataclass(frozen=True)
class NavTarget:
    """Where a click should lead: a page key, optionally a person and the field that needs fixing.

    ``filters`` are (name, value) pairs the page applies, e.g. (("status_bpjs", "belum"),).
    """

    page: str
    person_id: int | None = None
    field: str | None = None
    filters: tuple[tuple[str, str], ...] = ()


class AppContext(QObject):
    """The open village: pass it to pages, dialogs and undo commands."""

    year_changed = Signal(int)
    data_changed = Signal()  # anything in the database changed (edit, undo, import, restore)
    navigate_requested = Signal(object)  # a NavTarget
    print_requested = Signal(str)  # Ctrl+P on the page with this key
    command_failed = Signal(object)  # an undo/redo step raised: the exception

    def __init__(
        self,
        *,
        db: Database,
        rules: RuleSet,
        settings: Settings,
        operator: str,
        year: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.rules = rules
        self.settings = settings
        self.operator = operator
        self._year = year or date.today().year
        self.undo_stack = QUndoStack(self)

    @property
    def year(self) -> int:
        return self._year

    def set_year(self, year: int) -> None:
        if year != self._year:
            self._year = year
            self.settings.last_year = year
            self.year_changed.emit(year)

    def year_range(self) -> list[int]:
        """The years a user can pick: from the first month the rule tables cover to next year."""
        first = self.rules.first_month[0]
        last = max(date.today().year + 1, self._year)
        return list(range(min(first, self._year), last + 1))

    def navigate(self, target: NavTarget) -> None:
        self.navigate_requested.emit(target)

    def notify_changed(self) -> None:
        self.data_changed.emit()

    def reset_history(self) -> None:
        """After an import or a restore the old undo steps no longer describe the data: drop them."""
        self.undo_stack.clear()
