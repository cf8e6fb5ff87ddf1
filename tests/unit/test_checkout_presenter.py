"""The checkout's rules (tenders, due, change, when to confirm, what to say) with a fake view:
no Qt, no database; the commit is a fake that records what it was given. A tender never
commits: only ``confirm`` does, once the tenders cover the total."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booth_pos.model import KnownError, Method, Payment, Tender, settle
from booth_pos.store import StoreError
from booth_pos.ui.presenters.checkout import (
    BIG_CHANGE,
    CheckoutPresenter,
    cash_refusal,
    quick_cash_amounts,
)


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
        self.pending_change = None
        self.asked_change = None

    def show_due(self, due):
        self.calls.append(("due", due))
        self.due = due

    def show_tenders(self, payments):
        self.tenders = list(payments)

    def show_pending_change(self, change):
        self.pending_change = change

    def ask_big_change(self, change):
        self.calls.append(("ask_change", change))
        self.asked_change = change

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
    assert view.quick == [285_000, 290_000, 300_000, 400_000]
    assert commit.calls == []


def test_a_single_tap_on_a_method_sells_nothing_until_confirmed():
    """Rp 300.000 in cash for Rp 285.000 covers the bill but commits nothing: the change is
    shown and confirm allowed; the confirm commits once, with change Rp 15.000."""
    presenter, view, commit = checkout(285_000)
    presenter.tender(Method.CASH, "300.000")
    assert commit.calls == [] and not presenter.done
    assert view.pending_change == 15_000 and view.confirm is True
    assert view.due == 0 and view.quick == []
    presenter.confirm()
    assert commit.calls == [[Tender(Method.CASH, 300_000, "")]]
    assert view.change == 15_000 and view.confirm is False
    assert presenter.done and presenter.sale.receipt_no == "T1-000001"
    presenter.tender(Method.CASH, "")  # a second click after completion does nothing
    presenter.confirm()
    assert len(commit.calls) == 1


def test_confirm_before_the_bill_is_covered_sells_nothing():
    """Confirm with Rp 185.000 still due says so and commits nothing."""
    presenter, view, commit = checkout(285_000)
    presenter.tender(Method.QRIS, "100.000")
    presenter.confirm()
    assert commit.calls == [] and "still due" in view.error


def test_split_tender_gives_change_only_in_cash():
    """Rp 100.000 by QRIS then Rp 200.000 cash for Rp 285.000: change 15.000 from the cash."""
    presenter, view, commit = checkout(285_000)
    presenter.tender(Method.QRIS, "100.000", "QR-77")
    assert view.due == 185_000 and commit.calls == []
    assert view.tenders == [Payment(Method.QRIS, 100_000, 100_000, "QR-77")]
    assert view.quick == [185_000, 190_000, 200_000, 300_000]
    assert view.calls[-1] == ("focus",)
    presenter.tender(Method.CASH, "200000", "ignored for cash")
    presenter.confirm()
    assert commit.calls[0][1] == Tender(Method.CASH, 200_000, "")
    assert view.change == 15_000


def test_an_empty_amount_pays_the_rest_by_that_method():
    """No amount typed and Card pressed: the card pays exactly what is due, fixed then."""
    presenter, view, commit = checkout(125_000)
    presenter.tender(Method.CARD, "  ", "EDC-1")
    presenter.confirm()
    assert commit.calls == [[Tender(Method.CARD, 125_000, "EDC-1")]]
    assert view.change == 0 and presenter.done


def test_a_wrong_tender_removed_before_confirm_is_not_recorded():
    """A QRIS that did not go through is removed; the cash that replaces it is recorded."""
    presenter, view, commit = checkout(285_000)
    presenter.tender(Method.QRIS, "", "QR-FAILED")
    assert view.confirm is True
    presenter.remove_tender(0)
    assert presenter.tenders == [] and view.due == 285_000 and view.confirm is False
    presenter.tender(Method.CASH, "300.000")
    presenter.confirm()
    assert commit.calls == [[Tender(Method.CASH, 300_000, "")]]


def test_removing_an_earlier_tender_never_changes_what_a_card_was_charged():
    """Cash 100.000, then the card for the rest (185.000); removing the cash leaves the card
    at 185.000 and 100.000 due, never a card silently raised to 285.000."""
    presenter, view, _ = checkout(285_000)
    presenter.tender(Method.CASH, "100.000")
    presenter.tender(Method.CARD, "")
    presenter.remove_tender(0)
    assert view.tenders == [Payment(Method.CARD, 185_000, 185_000, "")]
    assert view.due == 100_000


def test_a_tender_once_covered_is_refused_until_one_is_removed():
    """The bill is covered: another tap asks to confirm or remove, and adds nothing."""
    presenter, view, commit = checkout(125_000)
    presenter.tender(Method.QRIS, "")
    presenter.tender(Method.CASH, "50.000")
    assert len(presenter.tenders) == 1 and view.error.startswith("Already paid in full")


def test_a_card_above_what_is_due_is_refused_and_changes_nothing():
    """Only cash may exceed the amount due: a card for more is refused with the reason."""
    presenter, view, commit = checkout(125_000)
    presenter.tender(Method.CARD, "150.000")
    assert view.error.startswith("Only cash may exceed the amount due")
    assert presenter.tenders == [] and view.due == 125_000 and commit.calls == []
    assert ("clear_inputs",) not in view.calls  # the cashier corrects what was typed


def test_a_scanned_barcode_as_cash_is_refused_outright():
    """Rp 2.000.000.000 cash on a Rp 300.000 bill (a barcode's digits): refused, no tender."""
    presenter, view, commit = checkout(300_000)
    presenter.tender(Method.CASH, "2000000000")
    assert "cannot be right" in view.error and presenter.tenders == []
    assert ("clear_inputs",) not in view.calls


@pytest.mark.parametrize(
    ("amount", "due", "refused"),
    [
        (3_000_000, 300_000, False),  # ten times: odd, but a customer may
        (3_000_001, 300_000, True),  # more than ten times
        (100_000, 5_000, False),  # one big note for a small item
        (100_001, 5_000, True),
        (60_000_000, 50_000_000, False),  # a big order, Rp 10.000.000 over
        (60_000_001, 50_000_000, True),
        (300_000, 300_000, False),
    ],
)
def test_cash_no_customer_hands_over_is_refused(amount, due, refused):
    """More than 10x what is due (beyond one Rp 100.000 note) or over Rp 10.000.000 above."""
    assert (cash_refusal(amount, due) is not None) is refused


def test_large_change_asks_once_more_before_the_sale():
    """Rp 500.000 for Rp 285.000 gives Rp 215.000 change: confirm asks, and only the yes
    commits."""
    presenter, view, commit = checkout(285_000)
    presenter.tender(Method.CASH, "500.000")
    presenter.confirm()
    assert view.asked_change == 215_000 >= BIG_CHANGE and commit.calls == []
    presenter.confirm_big_change()
    assert len(commit.calls) == 1 and view.change == 215_000


def test_change_below_the_threshold_is_not_asked_about():
    """Rp 99.999 change goes straight to the commit on confirm."""
    presenter, view, commit = checkout(100_001)
    presenter.tender(Method.CASH, "200.000")
    presenter.confirm()
    assert view.asked_change is None and len(commit.calls) == 1


def test_text_that_is_not_an_amount_is_named_back():
    """'abc' is not rupiah: the view is told which text, and no tender is taken."""
    presenter, view, commit = checkout(125_000)
    presenter.tender(Method.CASH, " abc ")
    assert view.calls[-1] == ("bad_amount", "abc")
    assert presenter.tenders == [] and commit.calls == []


@pytest.mark.parametrize("text", ["٣٠٠٠٠٠", "３００.０００", "1e9", "३००"])
def test_digits_other_than_ascii_are_not_an_amount(text):
    """Arabic-Indic or full-width digits and float notation are refused as amounts."""
    presenter, view, _ = checkout(125_000)
    presenter.tender(Method.CASH, text)
    assert view.calls[-1] == ("bad_amount", text) and presenter.tenders == []


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
    presenter.confirm()
    assert view.error == "Disk full: free some space"
    assert not presenter.done and view.confirm is False and view.change is None
    assert presenter.tenders == [] and view.due == 285_000
    assert view.quick == [285_000, 290_000, 300_000, 400_000] and view.calls[-1] == ("focus",)
    presenter.tender(Method.CASH, "300.000")
    presenter.confirm()
    assert len(commit.calls) == 2 and presenter.done and view.change == 15_000


def test_quick_cash_is_a_cash_tender_of_that_amount():
    """The 'next Rp 50.000' button takes that much in cash; the confirm sells."""
    presenter, view, commit = checkout(285_000)
    presenter.quick_cash(300_000)
    assert commit.calls == [] and view.pending_change == 15_000
    presenter.confirm()
    assert commit.calls == [[Tender(Method.CASH, 300_000, "")]]


@pytest.mark.parametrize(
    ("due", "offered"),
    [
        (591_500, [591_500, 592_000, 595_000, 600_000, 700_000]),
        (285_000, [285_000, 290_000, 300_000, 400_000]),
        (300_000, [300_000, 400_000]),
        (25_000, [25_000, 30_000, 50_000, 100_000, 200_000]),
        (1_234, [1_234, 2_000, 5_000, 10_000, 50_000, 100_000]),  # not 200.000 for 1.234
    ],
)
def test_quick_cash_offers_what_customers_hand_over(due, offered):
    """Exact first, then the due rounded up to each note, then the next 100.000 above."""
    assert quick_cash_amounts(due) == offered


@given(due=st.integers(1, 10**12))
def test_quick_cash_is_ascending_unique_and_never_short(due):
    """For every bill: exact first, ascending without repeats, none below what is due, and
    every amount plausible as cash."""
    amounts = quick_cash_amounts(due)
    assert amounts[0] == due
    assert amounts == sorted(set(amounts))
    assert all(a >= due for a in amounts)
    assert all(cash_refusal(a, due) is None for a in amounts)
