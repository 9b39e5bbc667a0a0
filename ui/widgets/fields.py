"""Form inputs the roster form needs: an optional date, a rupiah amount, a problem label."""

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QWidget

from desa_budget.format import format_number
from desa_budget.roster.data import Problem

DATE_FORMAT = "dd-MM-yyyy"
_EMPTY = QDate(1900, 1, 1)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateEdit(QDateEdit):
    """A day-month-year date with a calendar; ``optional`` shows "—" for no date (None)."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.optional = optional
        self.setMinimumDate(_EMPTY)
        self.setMaximumDate(QDate(2100, 12, 31))
        if optional:
            self.setSpecialValueText("—")
            self.setDate(_EMPTY)

    def value(self) -> date | None:
        if self.optional and self.date() == _EMPTY:
            return None
        return from_qdate(self.date())

    def set_value(self, value: date | None) -> None:
        self.setDate(_EMPTY if value is None else to_qdate(value))


class RupiahEdit(QLineEdit):
    """Whole rupiah, shown with dots as the user types (2.000.000); ``value()`` is an int."""

    value_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(r"[0-9.]{0,15}", self))
        self.textEdited.connect(self._on_text_edited)

    def value(self) -> int:
        digits = self.text().replace(".", "")
        return int(digits) if digits else 0

    def set_value(self, amount: int) -> None:
        self.setText(format_number(amount) if amount else "")

    def _on_text_edited(self, _text: str) -> None:
        amount = self.value()
        cursor_from_end = len(self.text()) - self.cursorPosition()
        self.set_value(amount)
        self.setCursorPosition(max(0, len(self.text()) - cursor_from_end))
        self.value_changed.emit(amount)


class ProblemLabel(QLabel):
    """The problems of one field, in the core's own words, under the field (hidden when none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)
        self.problems: list[Problem] = []

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = problems
        if not problems:
            self.clear()
            self.setVisible(False)
            return
        errors = any(p.is_error for p in problems)
        colour = "#b00020" if errors else "#8a5a00"
        self.setStyleSheet(f"color: {colour};")
        self.setText("\n".join(("⚠ " if not p.is_error else "✖ ") + p.message for p in problems))
        self.setVisible(True)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A wrapped label in a form gets its height before its final width: ask again once sized.
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
