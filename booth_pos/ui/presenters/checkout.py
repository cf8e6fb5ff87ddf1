"""Checkout: what the payment dialog decides, without a widget.

Tenders are collected until they cover the total; only cash may exceed what is due, and the
change comes from the cash. Once covered, the sale is committed through the ``commit``
callable (``selling.complete`` in the window); a known error there (a full disk, a locked
database, an approval that lapsed) keeps the cart, forgets the tenders and says why, so the
cashier can take payment again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from booth_pos.model import KnownError, Method, Payment, Sale, Tender, due_after, settle
from booth_pos.money import MoneyError, parse_rupiah

#: Commits the cart with these tenders and returns the stored sale (raises KnownError).
Commit = Callable[[list[Tender]], Sale]


class CheckoutView(Protocol):
    """What the checkout presenter asks of its view."""

    def show_due(self, due: int) -> None:
        """Show what is still due (0 once covered)."""

    def show_tenders(self, payments: Sequence[Payment]) -> None:
        """List the tenders taken so far, as settled payments."""

    def show_quick_cash(self, amounts: Sequence[int]) -> None:
        """Offer one-touch cash amounts (the first is exact); empty: offer none."""

    def show_error(self, error: KnownError) -> None:
        """Say why a tender or the sale was refused."""

    def show_bad_amount(self, text: str) -> None:
        """Say that ``text`` is not an amount of rupiah."""

    def clear_error(self) -> None:
        """Remove the last refusal."""

    def clear_inputs(self) -> None:
        """Empty the amount and reference fields after a tender was taken."""

    def focus_amount(self) -> None:
        """Put the keyboard back in the amount field."""

    def show_change(self, sale: Sale) -> None:
        """The sale is committed: show its change and receipt; no more tenders."""

    def enable_confirm(self, enabled: bool) -> None:
        """Allow (or not) the final confirmation that closes the checkout."""


def quick_cash_amounts(due: int) -> list[int]:
    """Exact, then the next 50.000 and 100.000 note totals above what is due (no repeats)."""
    amounts = [due]
    for note in (50_000, 100_000):
        up = -(-due // note) * note
        if up == due:
            up += note
        if up not in amounts:
            amounts.append(up)
    return amounts


class CheckoutPresenter:
    """Collects tenders for one cart's total and commits the sale once they cover it.

    Attributes:
        total: what the cart costs, whole rupiah.
        tenders: what the customer gave, in order (an amount of None means "the rest").
        payments: the tenders settled against the total (change on cash only).
        sale: the committed sale, once there is one.
    """

    def __init__(self, view: CheckoutView, total: int, commit: Commit):
        self.view = view
        self.total = total
        self.commit = commit
        self.tenders: list[Tender] = []
        self.payments: list[Payment] = []
        self.sale: Sale | None = None

    @property
    def due(self) -> int:
        return due_after(self.total, self.payments)

    @property
    def done(self) -> bool:
        return self.sale is not None

    def start(self) -> None:
        """Show the empty checkout: everything due, nothing to confirm yet."""
        self.view.enable_confirm(False)
        self._show()

    def tender(self, method: Method, amount_text: str, reference: str = "") -> None:
        """Take one tender of ``method``: the typed amount, or the rest when empty.

        The reference (QRIS, card, transfer) is kept for non-cash tenders only. A tender
        that covers what is due commits the sale at once.
        """
        if self.done:  # a second click after completion: nothing more to do
            return
        text = amount_text.strip()
        try:
            amount = parse_rupiah(text) if text else None
        except MoneyError:
            self.view.show_bad_amount(text)
            return
        tenders = [
            *self.tenders,
            Tender(method, amount, "" if method is Method.CASH else reference),
        ]
        try:
            payments = settle(self.total, tenders)
        except KnownError as exc:
            self.view.show_error(exc)
            return
        self.tenders, self.payments = tenders, payments
        self.view.clear_inputs()
        self.view.clear_error()
        if self.due == 0:
            self._complete()
        self._show()
        if not self.done:
            self.view.focus_amount()

    def quick_cash(self, amount: int) -> None:
        """One touch on an offered cash amount."""
        self.tender(Method.CASH, str(amount))

    def _complete(self) -> None:
        try:
            sale = self.commit(list(self.tenders))
        except KnownError as exc:
            # Nothing was written: the cart stays, the tenders go, the cashier tries again.
            self.tenders, self.payments = [], []
            self.view.show_error(exc)
            return
        self.sale = sale
        self.view.enable_confirm(True)
        self.view.show_change(sale)

    def _show(self) -> None:
        self.view.show_due(self.due)
        self.view.show_tenders(self.payments)
        self.view.show_quick_cash(
            quick_cash_amounts(self.due) if not self.done and self.due > 0 else []
        )
