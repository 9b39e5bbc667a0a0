"""A read-only table whose columns are only known at run time (scenario comparison, rule tables).

Rows are tuples of display texts; ``numeric`` columns are right-aligned. ``ROW_ROLE`` returns the
row's tuple, ``SORT_ROLE`` the text (a number when the column is numeric and the text parses).
"""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from ui.models.table_model import LEFT, RIGHT, ROW_ROLE, SORT_ROLE, Index


def _number(text: str) -> int | str:
    digits = text.replace(".", "").replace("-", "").strip()
    return int(digits) if digits.isdigit() else text


class GridModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._rows: list[tuple[str, ...]] = []
        self._numeric: frozenset[int] = frozenset()
        self._tooltips: list[tuple[str, ...]] = []

    def set_grid(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        numeric: Sequence[int] = (),
        tooltips: Sequence[Sequence[str]] | None = None,
    ) -> None:
        self.beginResetModel()
        self._headers = tuple(headers)
        width = len(self._headers)
        self._rows = [tuple(row[:width]) + ("",) * (width - len(row)) for row in rows]
        self._numeric = frozenset(numeric)
        self._tooltips = [tuple(t) for t in tooltips] if tooltips is not None else []
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def rows(self) -> list[tuple[str, ...]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(RIGHT if section in self._numeric else LEFT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._headers):
            return None
        row = self._rows[index.row()]
        text = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return _number(text) if index.column() in self._numeric else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if index.column() in self._numeric else LEFT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.row() < len(self._tooltips) and index.column() < len(
                self._tooltips[index.row()]
            ):
                return self._tooltips[index.row()][index.column()] or None
            return text if len(text) > 40 else None
        return None
