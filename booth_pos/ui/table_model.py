"""A read-only table model over a list of rows, with per-column formatting."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

#: ``headerData(section, Qt.Horizontal, COLUMN_KEY_ROLE)`` is a column's ``key``: a name that
#: stays the same in every language (Qt header items have no objectName), e.g.
#: ``"historyStatus"``. Tests and tools find a column by it (``RowsModel.column``).
COLUMN_KEY_ROLE = Qt.UserRole + 2


@dataclass(frozen=True)
class Column:
    """One column: its translated title, how a row shows in it, and its stable ``key``."""

    title: str
    value: Callable[[object], object]
    align_right: bool = False
    sort_key: Callable[[object], object] | None = None
    key: str = ""


class RowsModel(QAbstractTableModel):
    """Shows ``rows`` through ``columns``; ``Qt.UserRole`` gives the row object itself."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list = []
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if self._order is not None:
            self._sort_rows(*self._order)
        self.endResetModel()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sort the rows themselves, once, by the column's key (kept for later rows)."""
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order) -> None:
        col = self.columns[column]
        self.rows.sort(key=col.sort_key or col.value, reverse=order == Qt.DescendingOrder)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.DisplayRole:
                return self.columns[section].title
            if role == COLUMN_KEY_ROLE:
                return self.columns[section].key or None
        return None

    def roleNames(self):  # noqa: N802 - Qt API
        names = dict(super().roleNames())
        names[COLUMN_KEY_ROLE] = b"columnKey"
        return names

    def column(self, key: str) -> int:
        """The section of the column whose ``key`` is ``key``; -1 if there is none."""
        return next((i for i, c in enumerate(self.columns) if c.key and c.key == key), -1)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.DisplayRole:
            return str(col.value(row))
        if role == Qt.UserRole:
            return row
        if role == Qt.InitialSortOrderRole:
            return None
        if role == Qt.TextAlignmentRole and col.align_right:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.UserRole + 1:
            return (col.sort_key or col.value)(row)
        return None


class FilterProxy(QSortFilterProxyModel):
    """Filters rows in Qt, but sorts by asking the source ``RowsModel``, which sorts its
    Python list once: a proxy sorting by comparisons calls a Python ``data()`` some 40,000
    times for 3,000 products (two seconds with the Products page frozen)."""

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
