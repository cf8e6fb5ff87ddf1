"""Adapts a ``Cart`` to a Qt table: one model row per cart line."""

from __future__ import annotations

import copy

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from booth_pos.model import Cart, Pricing
from booth_pos.money import format_percent, format_rupiah

NBSP = "\u00a0"


def _money(amount: int, lang: str) -> str:
    """Rupiah that never wraps between the currency and the digits inside a table cell."""
    return format_rupiah(amount, lang).replace(" ", NBSP)


class CartModel(QAbstractTableModel):
    """Rows are cart lines; the model owns the ``Cart`` and re-prices it on every change.

    Signals:
        totals_changed(): pricing changed (total label, pay button listen).
    """

    totals_changed = Signal()

    COL_NAME, COL_QTY, COL_PRICE, COL_DISCOUNT, COL_AMOUNT = range(5)

    def __init__(self, lang: str = "id", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.cart = Cart()
        self._pricing: Pricing = self.cart.pricing()
        self._headers = [
            self.tr("Product"),
            self.tr("Qty"),
            self.tr("Price"),
            self.tr("Discount"),
            self.tr("Amount"),
        ]

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.cart.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt API
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        line = self.cart.lines[index.row()]
        price = self._pricing.lines[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.COL_NAME:
                return f"{line.name}\n{line.sku} · {line.artisan_code}"
            if col == self.COL_QTY:
                return str(line.qty)
            if col == self.COL_PRICE:
                return _money(line.unit_price, self.lang)
            if col == self.COL_DISCOUNT:
                if not line.discount:
                    return ""
                text = "−" + _money(price.line_discount, self.lang)
                if line.discount.kind == "percent":
                    text += f" ({format_percent(line.discount.value, self.lang)})"
                return text
            if col == self.COL_AMOUNT:
                return _money(price.amount, self.lang)
        if role == Qt.TextAlignmentRole and col >= self.COL_QTY:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and col == self.COL_NAME:
            return f"{line.name} ({line.sku})"
        return None

    # -- cart operations ------------------------------------------------------------------

    @property
    def pricing(self) -> Pricing:
        return self._pricing

    def set_cart(self, cart: Cart) -> None:
        self.beginResetModel()
        self.cart = cart
        self._pricing = cart.pricing()
        self.endResetModel()
        self.totals_changed.emit()

    def clear(self) -> None:
        self.set_cart(Cart())

    def line_added(self, row: int, existed: bool) -> None:
        """Tell views about a line the cart gained or raised, touching only that row."""
        self._pricing = self.cart.pricing()
        if existed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        else:
            self.beginInsertRows(QModelIndex(), row, row)
            self.endInsertRows()
        if self.cart.discount:  # a sale discount moves every line's share
            self._all_changed()
        self.totals_changed.emit()

    def changed(self) -> None:
        """After an edit that may touch every row (discounts, quantities)."""
        self._pricing = self.cart.pricing()
        self._all_changed()
        self.totals_changed.emit()

    def remove_row(self, row: int) -> None:
        """Remove a line; raises ``CartError`` (cart and view untouched) if a rule forbids it."""
        trial = copy.deepcopy(self.cart)
        trial.remove(row)  # e.g. a sale discount larger than what would be left
        self.beginRemoveRows(QModelIndex(), row, row)
        self.cart.remove(row)
        self._pricing = self.cart.pricing()
        self.endRemoveRows()
        self._all_changed()
        self.totals_changed.emit()

    def _all_changed(self) -> None:
        if self.cart.lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.cart.lines) - 1, self.columnCount() - 1)
            )
