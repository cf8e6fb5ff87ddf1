"""The open-price dialog's logic with a fake view: each refusal beside its own field, and
nothing reaches the cart until every field holds."""

from __future__ import annotations

import pytest

from booth_pos.model import Cart, CartError, KnownError
from booth_pos.ui.presenters.open_price import Field, OpenPriceForm


class FakeView:
    """Records what the presenter asks of the dialog."""

    def __init__(self):
        self.errors: list[tuple[Field | None, KnownError]] = []
        self.done = None

    def show_field_error(self, field, error):
        self.errors.append((field, error))

    def show_error(self, error):
        self.errors.append((None, error))

    def clear_errors(self):
        self.errors.clear()

    def added(self, line):
        self.done = line


def form(add=None):
    cart = Cart()
    view = FakeView()

    def default_add(artisan, price, name, qty):
        return cart.add_open(artisan, name or "Barang X", price, qty)

    return OpenPriceForm(view, add or default_add), view, cart


def test_a_good_line_goes_into_the_cart_and_closes_the_dialog():
    """ECO, "Tas", 'Rp 150.000', 2: one line at 150.000 each, the view told once."""
    presenter, view, cart = form()
    line = presenter.submit("ECO", " Tas  kecil ", "Rp 150.000", 2)
    assert view.done is line and view.errors == []
    assert (line.name, line.unit_price, line.qty, line.open_price) == (
        "Tas kecil",
        150_000,
        2,
        True,
    )
    assert cart.lines == [line]


@pytest.mark.parametrize(
    ("artisan", "name", "price", "qty", "field"),
    [
        ("", "", "150.000", 1, Field.ARTISAN),
        ("ECO", "Tas\x00", "150.000", 1, Field.NAME),
        ("ECO", "", "", 1, Field.PRICE),
        ("ECO", "", "seratus", 1, Field.PRICE),
        ("ECO", "", "150.000,50", 1, Field.PRICE),
        ("ECO", "", "٣٠٠٠", 1, Field.PRICE),  # Arabic-Indic digits are not ASCII digits
        ("ECO", "", "0", 1, Field.PRICE),
        ("ECO", "", "-150.000", 1, Field.PRICE),
        ("ECO", "", "1.000.000.001", 1, Field.PRICE),
        ("ECO", "", "8991234567890", 1, Field.PRICE),  # a barcode where the price goes
        ("ECO", "", "150.000", 0, Field.QTY),
        ("ECO", "", "150.000", 10_000, Field.QTY),
    ],
)
def test_each_refusal_is_said_beside_its_field_and_adds_nothing(artisan, name, price, qty, field):
    """No artisan, a bad name, a price that is not one (or absurd), a bad quantity."""
    presenter, view, cart = form()
    assert presenter.submit(artisan, name, price, qty) is None
    ((where, error),) = view.errors
    assert where is field and error.en and error.id
    assert cart.lines == [] and view.done is None


def test_an_artisan_refused_by_the_store_is_said_beside_the_artisan():
    """Deactivated meanwhile: the service refuses, the message sits under the artisan."""

    def add(*_args):
        raise CartError(en="ECO is deactivated", id="ECO dinonaktifkan")

    presenter, view, _cart = form(add)
    assert presenter.submit("ECO", "", "150.000", 1) is None
    assert [w for w, _ in view.errors] == [Field.ARTISAN]


def test_a_locked_file_is_nobodys_typo():
    """A store error is shown apart from the fields."""

    def add(*_args):
        raise KnownError(en="The database is locked", id="Database terkunci")

    presenter, view, _cart = form(add)
    assert presenter.submit("ECO", "", "150.000", 1) is None
    assert [w for w, _ in view.errors] == [None]


def test_a_second_try_clears_the_first_refusal():
    """Fixing the price removes the message that was beside it."""
    presenter, view, cart = form()
    presenter.submit("ECO", "", "0", 1)
    assert view.errors
    presenter.submit("ECO", "", "50.000", 1)
    assert view.errors == [] and len(cart.lines) == 1
