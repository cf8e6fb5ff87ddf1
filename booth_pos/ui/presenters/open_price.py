"""An open-price line: what the dialog for unlabelled goods decides, without a widget.

The cashier picks the artisan, may type a name, types the price and the quantity. Each
refusal is said beside the field it is about (the price most of all: a typo there is the
artisan's money), and nothing reaches the cart until every field holds. The line itself is
added by the ``add`` callable (``selling.add_open`` on the sell page's cart in the window),
which checks the artisan against the store: one deactivated meanwhile is refused there.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

from booth_pos.model import MAX_QTY, CartError, CartLine, KnownError
from booth_pos.money import MoneyError, parse_rupiah
from booth_pos.services import selling

#: Adds the open-price line to the cart: (artisan code, price, name, qty) -> the line.
Add = Callable[[str, int, str, int], CartLine]


class Field(StrEnum):
    """The dialog's fields, each with its own message beside it."""

    ARTISAN = "artisan"
    NAME = "name"
    PRICE = "price"
    QTY = "qty"


class OpenPriceView(Protocol):
    """What the open-price presenter asks of its view."""

    def show_field_error(self, field: Field, error: KnownError) -> None:
        """Say beside ``field`` why it was refused, and put the keyboard there."""

    def show_error(self, error: KnownError) -> None:
        """Say why the line could not be added when no field is at fault (a locked file)."""

    def clear_errors(self) -> None:
        """Remove every refusal shown."""

    def added(self, line: CartLine) -> None:
        """The line is in the cart: close the dialog."""


BAD_PRICE = CartError(
    en="Type a price in whole rupiah, such as 150.000",
    id="Ketik harga dalam rupiah utuh, mis. 150.000",
)
NO_ARTISAN = CartError(en="Choose the artisan of the goods", id="Pilih pengrajin barang ini")


class OpenPriceForm:
    """Checks the fields in the order the cashier fills them and adds the line once all hold.

    Attributes:
        view: the dialog (``OpenPriceView``).
        add: puts the line in the cart (``Add``); raises ``KnownError`` to refuse it.
        line: the line added, once ``submit`` succeeded (None before).
    """

    def __init__(self, view: OpenPriceView, add: Add):
        self.view = view
        self.add = add
        self.line: CartLine | None = None

    def submit(self, artisan: str, name: str, price_text: str, qty: int) -> CartLine | None:
        """Check the fields and add the line; None (and a message beside a field) if refused.

        Args:
            artisan: the artisan's code picked ("" when none is).
            name: what the cashier typed as the name ("" for the default name).
            price_text: the price as typed (``150.000``, ``Rp 150.000``).
            qty: how many.
        """
        self.view.clear_errors()
        if not artisan:
            self.view.show_field_error(Field.ARTISAN, NO_ARTISAN)
            return None
        try:
            clean = selling.check_open_name(name)
        except CartError as exc:
            self.view.show_field_error(Field.NAME, exc)
            return None
        try:
            # Zero and minus are read, so the refusal says what a price must be.
            price = parse_rupiah(price_text, allow_zero=True, allow_negative=True)
        except MoneyError:
            self.view.show_field_error(Field.PRICE, BAD_PRICE)
            return None
        try:
            selling.check_open_price(price)
        except CartError as exc:
            self.view.show_field_error(Field.PRICE, exc)
            return None
        if not isinstance(qty, int) or isinstance(qty, bool) or not 1 <= qty <= MAX_QTY:
            self.view.show_field_error(
                Field.QTY,
                CartError(en=f"Quantity from 1 to {MAX_QTY}", id=f"Jumlah dari 1 sampai {MAX_QTY}"),
            )
            return None
        try:
            line = self.add(artisan, price, clean, qty)
        except CartError as exc:  # the artisan, checked against the store
            self.view.show_field_error(Field.ARTISAN, exc)
            return None
        except KnownError as exc:  # the file is locked or damaged: nobody's typo
            self.view.show_error(exc)
            return None
        self.line = line
        self.view.added(line)
        return line
