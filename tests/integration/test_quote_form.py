"""The quote form's logic with a fake view: saved or refused with the reason, scans add up."""

from __future__ import annotations

import pytest

from booth_pos.services import wholesale
from booth_pos.ui.presenters.quotes import QuoteFields, QuoteForm, add_scan, fields_of


class FakeView:
    def __init__(self):
        self.errors, self.quotes = [], []

    def show_error(self, error):
        self.errors.append(error)

    def saved(self, quote):
        self.quotes.append(quote)


@pytest.fixture
def stand(demo_store, clock):
    wholesale.set_terms(demo_store, "ECO-04", tiers=["10:135000"], moq="5", clock=clock)
    return demo_store


def test_scans_add_one_unit_to_their_line_or_start_one():
    """Scanning ECO-04 twice after 60*ECO-04 gives 62; a new code a new line."""
    items = add_scan("60*ECO-04", "ECO-04")
    items = add_scan(items, "eco-04")
    assert add_scan(items, "BKR-02") == "62*ECO-04\n1*BKR-02"


def test_a_new_quote_is_saved_and_the_view_told(stand, clock):
    """Buyer, currency, rate and items: the view hears of the stored quote."""
    view = FakeView()
    form = QuoteForm(view, stand, clock)
    quote = form.submit(QuoteFields(buyer="Camille", currency="EUR", rate="17250",
                                    items="10*ECO-04\n"))  # fmt: skip
    assert view.quotes == [quote] and not view.errors
    assert (quote.number, quote.total) == ("Q-0001", 10 * 135000)


def test_a_quantity_under_the_moq_is_said_and_nothing_saved(stand, clock):
    """4 under an MOQ of 5: the view shows why; no quote exists."""
    view = FakeView()
    QuoteForm(view, stand, clock).submit(
        QuoteFields(buyer="Camille", currency="EUR", rate="17250", items="4*ECO-04")
    )
    assert "MOQ 5" in view.errors[0].en and not view.quotes
    assert stand.quotes.quotes() == []


def test_editing_keeps_the_number_and_reprices(stand, clock):
    """The form of an open quote: new items, same number, the new tier."""
    view = FakeView()
    quote = QuoteForm(view, stand, clock).submit(
        QuoteFields(buyer="Camille", currency="EUR", rate="17250", items="5*ECO-04")
    )
    fields = fields_of(quote)
    assert fields.items == "5*ECO-04"
    edited = QuoteForm(view, stand, clock, number=quote.number).submit(
        QuoteFields(**{**fields.__dict__, "items": "12*ECO-04"})
    )
    assert (edited.number, edited.lines[0].unit_price) == ("Q-0001", 135000)
