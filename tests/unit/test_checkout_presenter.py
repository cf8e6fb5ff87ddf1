"""The checkout's rules (tenders, due, change, when to confirm, what to say) with a fake view:
no Qt, no database; the commit is a fake that records what it was given."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from booth_pos.model import KnownError, Method, Payment, Tender, settle
from booth_pos.store import StoreError
from booth_pos.ui.presenters.checkout import CheckoutPresenter, quick_cash_amounts


class FakeView:
    """Records every call the presenter makes, newest last."""

    def __init__(self):
        self.calls: list[tuple] = []
        self.due: int | None = None
        self.tenders: list[Payment] = []
        self.quick: list[int] = []
        self.error: str = ""
        self.confirm = None
        self.change = None

    def show_due(self, due):
        self.calls.append(("due", due))
        self.due = due

    def show_tenders(self, payments):
        self.tenders = list(payments)

    def show_quick_cash(self, amounts):
        self.quick = list(amounts)

    def show_error(self, error):
        self.calls.append(("error", error.en))
        self.error = error.en

    def show_bad_amount(self, text):
        self.calls.append(("bad_amount", text))
        self.error = f"not an amount: {text}"

    def clear_error(self):
        self.error = ""

    def clear_inputs(self):
        self.calls.append(("clear_inputs",))

    def focus_amount(self):
        self.calls.append(("focus",))

    def show_change(self, sale):
        self.calls.append(("change", sale.change))
        self.change = sale.change

    def enable_confirm(self, enabled):
        self.calls.append(("confirm", enabled))
        self.confirm = enabled


@dataclass
class FakeSale:
    receipt_no: str
    payments: list[Payment] = field(default_factory=list)

    @property
    def change(self) -> int:
        return sum(p.change for p in self.payments)


class FakeCommit:
    """Stands in for ``selling.complete``: fails with the given errors first, then sells."""

    def __init__(self, total: int, *failures: KnownError):
        self.total = total
        self.failures = list(failures)
        self.calls: list[list[Tender]] = []

    def __call__(self, tenders):
        self.calls.append(list(tenders))
        if self.failures:
            raise self.failures.pop(0)
        return FakeSale("T1-000001", settle(self.total, tenders))


def checkout(total: int, *failures: KnownError):
    view, commit = FakeView(), FakeCommit(total, *failures)
    presenter = CheckoutPresenter(view, total, commit)
    presenter.start()
    return presenter, view, commit


def test_the_checkout_opens_with_everything_due_and_nothing_to_confirm():
    """Before any tender: the total is due, exact and note amounts are offered, no confirm."""
    _, view, commit = checkout(285_000)
    assert view.due == 285_000 and view.confirm is False
    assert view.quick == [285_000, 300_000]
    assert commit.calls == []


def test_cash_above_the_total_gives_change_and_commits_once():
    """Rp 300.000 in cash for Rp 285.000: one commit, change Rp 15.000, confirm allowed."""
    presenter, view, commit = checkout(285_000)
    presenter.tender(Method.CASH, "300.000")
    assert commit.calls == [[Tender(Method.CASH, 300_000, "")]]
    assert view.change == 15_000 and view.confirm is True
    assert view.due == 0 and view.quick == []
    assert presenter.done and presenter.sale.receipt_no == "T1-000001"
    presenter.tender(Method.CASH, "")  # a second click after completion does nothing
    assert len(commit.calls) == 1


def test_split_tender_gives_change_only_in_cash():
    """Rp 100.000 by QRIS then Rp 200.000 cash for Rp 285.000: change 15.000 from the cash."""
    presenter, view, commit = checkout(285_000)
    presenter.tender(Method.QRIS, "100.000", "QR-77")
    assert view.due == 185_000 and commit.calls == []
    assert view.tenders == [Payment(Method.QRIS, 100_000, 100_000, "QR-77")]
    assert view.quick == [185_000, 200_000]
    assert view.calls[-1] == ("focus",)
    presenter.tender(Method.CASH, "200000", "ignored for cash")
    assert commit.calls[0][1] == Tender(Method.CASH, 200_000, "")
    assert view.change == 15_000


def test_an_empty_amount_pays_the_rest_by_that_method():
    """No amount typed and Card pressed: the card pays exactly what is due."""
    presenter, view, commit = checkout(125_000)
    presenter.tender(Method.CARD, "  ", "EDC-1")
    assert commit.calls == [[Tender(Method.CARD, None, "EDC-1")]]
    assert view.change == 0 and view.confirm is True


def test_a_card_above_what_is_due_is_refused_and_changes_nothing():
    """Only cash may exceed the amount due: a card for more is refused with the reason."""
    presenter, view, commit = checkout(125_000)
    presenter.tender(Method.CARD, "150.000")
    assert view.error.startswith("Only cash may exceed the amount due")
    assert presenter.tenders == [] and view.due == 125_000 and commit.calls == []
    assert ("clear_inputs",) not in view.calls  # the cashier corrects what was typed


def test_text_that_is_not_an_amount_is_named_back():
    """'abc' is not rupiah: the view is told which text, and no tender is taken."""
    presenter, view, commit = checkout(125_000)
    presenter.tender(Method.CASH, " abc ")
    assert view.calls[-1] == ("bad_amount", "abc")
    assert presenter.tenders == [] and commit.calls == []


def test_a_good_tender_clears_the_last_refusal():
    """After a refused tender, a good one removes the red message."""
    presenter, view, _ = checkout(285_000)
    presenter.tender(Method.CASH, "abc")
    presenter.tender(Method.QRIS, "100.000")
    assert view.error == ""


def test_a_failed_commit_keeps_the_checkout_open_and_paying_again_sells():
    """The disk is full at the commit: the error shows, nothing is confirmable, the tenders
    are forgotten; paying again once the disk has room commits the sale."""
    full = StoreError(en="Disk full: free some space", id="Disk penuh: kosongkan ruang")
    presenter, view, commit = checkout(285_000, full)
    presenter.tender(Method.CASH, "300.000")
    assert view.error == "Disk full: free some space"
    assert not presenter.done and view.confirm is False and view.change is None
    assert presenter.tenders == [] and view.due == 285_000
    assert view.quick == [285_000, 300_000] and view.calls[-1] == ("focus",)
    presenter.tender(Method.CASH, "300.000")
    assert len(commit.calls) == 2 and presenter.done and view.change == 15_000


def test_quick_cash_is_a_cash_tender_of_that_amount():
    """The 'next Rp 50.000' button pays that much in cash."""
    presenter, view, commit = checkout(285_000)
    presenter.quick_cash(300_000)
    assert commit.calls == [[Tender(Method.CASH, 300_000, "")]]


@pytest.mark.parametrize(
    ("due", "offered"),
    [
        (285_000, [285_000, 300_000]),
        (300_000, [300_000, 350_000, 400_000]),
        (25_000, [25_000, 50_000, 100_000]),
        (100_000, [100_000, 150_000, 200_000]),
    ],
)
def test_quick_cash_offers_exact_then_the_next_notes(due, offered):
    """Exact first, then the next 50.000 and 100.000 totals above it, never twice."""
    assert quick_cash_amounts(due) == offered
