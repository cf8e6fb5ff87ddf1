"""Adapts a ``Cart`` to a Qt table: one model row per cart line."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle

from booth_pos.model import Cart, Pricing
from booth_pos.money import format_percent, format_rupiah

NBSP = "\u00a0"


def _money(amount: int, lang: str) -> str:
    """Rupiah that never wraps between the currency and the digits inside a table cell."""
    return format_rupiah(amount, lang).replace(" ", NBSP)


class CartModel(QStandardItemModel):
    """Rows are cart lines; the model owns the ``Cart`` and re-prices it on every change.

    The cell texts live in Qt's own item storage, so painting the cart calls no Python: a
    Python ``data()`` is called about 200 times per repaint and cost milliseconds per scan.

    A line holding more than the recorded stock carries a warning icon and tooltip on its
    name cell ("Stok tercatat hanya 2"), kept there while the banner moves on to the next
    scan, and gone once the quantity is back within the stock.

    Signals:
        totals_changed(): pricing changed (total label, pay button listen).
    """

    totals_changed = Signal()

    COL_NAME, COL_QTY, COL_PRICE, COL_DISCOUNT, COL_AMOUNT = range(5)

    def __init__(self, lang: str = "id", parent=None):
        super().__init__(0, 5, parent)
        self.lang = lang
        self.cart = Cart()
        self._pricing: Pricing = self.cart.pricing()
        self._stock: dict[str, int] = {}  # SKU -> recorded stock, for lines sold past it
        self.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Qty"),
                self.tr("Price"),
                self.tr("Discount"),
                self.tr("Amount"),
            ]
        )

    @property
    def pricing(self) -> Pricing:
        return self._pricing

    # -- cell texts ---------------------------------------------------------------------------

    def _row_texts(self, row: int) -> tuple[str, ...]:
        line = self.cart.lines[row]
        price = self._pricing.lines[row]
        discount = ""
        if line.discount:
            discount = "−" + _money(price.line_discount, self.lang)
            if line.discount.kind == "percent":
                discount += f" ({format_percent(line.discount.value, self.lang)})"
        # An open-price line has no SKU: it says what it is where the SKU would be.
        code = self.tr("open price") if line.open_price else line.sku
        return (
            f"{line.name}\n{code} · {line.artisan_code}",
            str(line.qty),
            _money(line.unit_price, self.lang),
            discount,
            _money(price.amount, self.lang),
        )

    def _new_items(self, row: int) -> list[QStandardItem]:
        items = []
        for col, text in enumerate(self._row_texts(row)):
            item = QStandardItem(text)
            item.setEditable(False)
            if col >= self.COL_QTY:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            else:
                item.setToolTip(text.replace("\n", " · "))
            items.append(item)
        return items

    def _update_row(self, row: int) -> None:
        for col, text in enumerate(self._row_texts(row)):
            item = self.item(row, col)
            if item.text() != text:
                item.setText(text)
        if self._stock:
            self._mark_stock(row)

    def stock_warning(self, row: int) -> str:
        """The warning on line ``row``, or "" when its quantity is within the stock."""
        line = self.cart.lines[row]
        stock = self._stock.get(line.sku)
        in_cart = sum(ln.qty for ln in self.cart.lines if ln.sku == line.sku)
        if stock is None or in_cart <= stock:
            return ""
        return self.tr("Recorded stock is only %1").replace("%1", str(stock))

    def _mark_stock(self, row: int) -> None:
        item = self.item(row, self.COL_NAME)
        warning = self.stock_warning(row)
        marked = bool(item.data(Qt.DecorationRole))
        if warning:
            icon = QApplication.style().standardIcon(QStyle.SP_MessageBoxWarning)
            item.setData(icon, Qt.DecorationRole)
            item.setToolTip(warning + "\n" + item.text().replace("\n", " · "))
        elif marked:
            item.setData(None, Qt.DecorationRole)
            item.setToolTip(item.text().replace("\n", " · "))

    def over_stock(self, row: int, stock: int) -> None:
        """Line ``row`` went past the recorded ``stock``: mark it (and keep it marked)."""
        self._stock[self.cart.lines[row].sku] = stock
        self._mark_stock(row)

    def _sync(self, rows: range | None = None) -> None:
        """Re-price and bring the rows' texts up to date (all rows, or only ``rows``)."""
        self._pricing = self.cart.pricing()
        n = len(self.cart.lines)
        while self.rowCount() > n:
            self.removeRow(self.rowCount() - 1)
        while self.rowCount() < n:
            self.appendRow(self._new_items(self.rowCount()))
        for row in rows if rows is not None else range(n):
            self._update_row(row)

    # -- cart operations ------------------------------------------------------------------

    def set_cart(self, cart: Cart) -> None:
        self.cart = cart
        self._stock = {}
        self.setRowCount(0)
        self._sync()
        self.totals_changed.emit()

    def clear(self) -> None:
        self.set_cart(Cart())

    def line_added(self, row: int, existed: bool) -> None:
        """Show a line the cart gained or raised; without a sale discount only that row moves."""
        self._sync(None if self.cart.discount else range(row, row + 1) if existed else range(0))
        self.totals_changed.emit()

    def changed(self) -> None:
        """After an edit that may touch every row (discounts, quantities)."""
        self._sync()
        self.totals_changed.emit()

    def remove_row(self, row: int) -> None:
        """Remove a line; raises ``CartError`` (cart and view untouched) if a rule forbids it."""
        trial = copy.deepcopy(self.cart)
        trial.remove(row)  # e.g. a sale discount larger than what would be left
        self.cart.remove(row)
        self.removeRow(row)
        self._sync()
        self.totals_changed.emit()
