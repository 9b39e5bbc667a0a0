"""A read-only table model over a list of frozen DTOs, after Vorta's archive table model.

Subclasses declare their columns once (constants + a ``COLUMNS`` tuple). ``SORT_ROLE`` returns raw
values for QSortFilterProxyModel, ``ROW_ROLE`` returns the row's DTO through any proxy.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ui.i18n import _

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # a message id (marked with N_), translated when shown
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None  # default: the text
    numeric: bool = False  # right-aligned
    tooltip: Callable[[T], str] | None = None


class DtoTableModel(QAbstractTableModel, Generic[T]):
    COLUMNS: ClassVar[Sequence[Column[Any]]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._given: list[T] = []  # the order set_rows received (column -1)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # Qt interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            column = self.COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _(column.header)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(RIGHT if column.numeric else LEFT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if column.numeric else LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: T, column: int, role: int) -> Any:
        """Other roles (colours, fonts) for subclasses."""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``'s sort key (-1: the order given), keeping selections on their rows.

        One key per row and Python's sort: a QSortFilterProxyModel would call ``data()`` for
        both rows of every comparison (a 5.000-person roster: some 120.000 calls)."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        positions = {id(row): n for n, row in enumerate(self._rows)}
        self._rows = self._sorted(self._given)
        moved = [positions[id(row)] for row in self._rows]  # new row -> old row
        old_to_new = {old: new for new, old in enumerate(moved)}
        before = self.persistentIndexList()
        after = [
            self.index(old_to_new.get(index.row(), index.row()), index.column()) for index in before
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[T]) -> list[T]:
        if not 0 <= self._sort_column < len(self.COLUMNS):
            return list(rows)
        column = self.COLUMNS[self._sort_column]
        key = column.sort or column.text

        def none_last(row: T) -> tuple[bool, Any]:
            value = key(row)
            return (value is None, value)

        # Python's sort is stable both ways, as Qt's: equal rows keep the order given.
        return sorted(rows, key=none_last, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    # Our interface
    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace everything (a full reload), in the current sort order."""
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._sorted(self._given)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]
