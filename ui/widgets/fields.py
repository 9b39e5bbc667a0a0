"""Form inputs the forms need: a typed date with a calendar, a rupiah amount, a problem line."""

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFontMetrics, QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from desa_budget.format import format_date, format_number, parse_typed_date
from desa_budget.roster.data import Problem
from ui.i18n import _

DATE_FORMAT = "dd-MM-yyyy"
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateEdit(QWidget):
    """A day-month-year date typed as people type it ("05-07-1985", "05/07/1985", "05071985")
    or picked from a calendar. ``optional`` allows no date (None, an empty field).

    ``dateChanged`` fires when the date changes; ``edited`` on every keystroke. While the text is
    not a whole date, ``value()`` keeps the last whole one and ``is_complete()`` is False."""

    dateChanged = Signal(QDate)  # noqa: N815 - the QDateEdit name the forms connect to
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional
        self._value: date | None = None if optional else date.today()
        self.line = QLineEdit()
        self.line.setPlaceholderText(_("hh-bb-tttt"))
        self.line.setValidator(QRegularExpressionValidator(r"[0-9 ./-]{0,10}", self))
        self.line.setClearButtonEnabled(optional)
        width = QFontMetrics(self.line.font()).horizontalAdvance("00-00-00000") + 36
        self.line.setMinimumWidth(width)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(_("Pilih dari kalender"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.show_calendar)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(to_qdate(FIRST_DAY))
        self.calendar.setMaximumDate(to_qdate(LAST_DAY))
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.activated.connect(self._on_calendar_clicked)
        self.menu = QMenu(self)
        holder = QWidgetAction(self.menu)
        holder.setDefaultWidget(self.calendar)
        self.menu.addAction(holder)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.line.textEdited.connect(self._on_line_text_edited)
        self.line.editingFinished.connect(self._on_line_editing_finished)
        self._show()

    # Reading and writing
    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        if value is None and not self.optional:
            return
        changed = value != self._value
        self._value = value
        self._show()
        if changed:
            self.dateChanged.emit(self.date())

    def date(self) -> QDate:
        return to_qdate(self._value) if self._value is not None else QDate()

    def setDate(self, value: QDate) -> None:  # noqa: N802 - the QDateEdit name
        self.set_value(from_qdate(value) if value.isValid() else None)

    def text(self) -> str:
        return self.line.text()

    def is_complete(self) -> bool:
        """The text is a whole date (or empty in an optional field)."""
        text = self.line.text().strip()
        if not text:
            return self.optional
        found = parse_typed_date(text)
        return found is not None and FIRST_DAY <= found <= LAST_DAY

    def problem(self) -> str | None:
        """Why the text is not a date yet, in plain words (None when it is one)."""
        if self.is_complete():
            return None
        if not self.line.text().strip():
            return _("Tanggal wajib diisi.")
        return _("Tulis tanggal sebagai hh-bb-tttt, mis. 05-07-1985.")

    # Reacting
    def _show(self) -> None:
        self.line.setText(format_date(self._value))

    def _on_line_text_edited(self, text: str) -> None:
        found = parse_typed_date(text)
        if found is not None and FIRST_DAY <= found <= LAST_DAY and found != self._value:
            self._value = found
            self.dateChanged.emit(self.date())
        elif not text.strip() and self.optional and self._value is not None:
            self._value = None
            self.dateChanged.emit(self.date())
        self.edited.emit()

    def _on_line_editing_finished(self) -> None:
        if self.is_complete():
            self._show()  # "5/7/1985" becomes "05-07-1985"

    def show_calendar(self) -> None:
        shown = self._value or parse_typed_date(self.line.text()) or date.today()
        self.calendar.setSelectedDate(to_qdate(shown))
        self.calendar.setLocale(QLocale())
        self.menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def _on_calendar_clicked(self, picked: QDate) -> None:
        self.menu.close()
        self.set_value(from_qdate(picked))
        self.edited.emit()


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
    """The problems of one field, in the core's own words, under the field.

    It keeps the height of ``lines`` lines whether or not there is a problem, so the fields below
    never move while the user types; a longer text is cut with "…" and shown whole as a tooltip
    (the form lists every problem in full as well)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 1) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self._full = ""
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.setFont(font)
        self.setFixedHeight(QFontMetrics(font).lineSpacing() * lines + 2)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = any(p.is_error for p in problems)
        self.setStyleSheet(f"color: {'#b00020' if errors else '#8a5a00'};")
        self._full = " ".join(("✖ " if p.is_error else "⚠ ") + p.message for p in problems)
        self.setToolTip(self._full)
        self._fit()

    def full_text(self) -> str:
        return self._full

    def _fit(self) -> None:
        metrics = QFontMetrics(self.font())
        width = max(self.width(), 40)
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
