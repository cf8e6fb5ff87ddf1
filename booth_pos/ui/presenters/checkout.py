"""Checkout: what the payment dialog decides, without a widget.

Tenders are collected until they cover the total; only cash may exceed what is due, and the
change comes from the cash. Nothing is committed by a tender: a tap on a method (or a
scanner's stray Enter) only records it. The sale is committed by an explicit ``confirm``
once the tenders cover the total, through the ``commit`` callable (``selling.complete`` in
the window). Before that any tender can be removed. A known error at the commit (a full
disk, a locked database, an approval that lapsed) keeps the cart, forgets the tenders and
says why, so the cashier can take payment again.

Cash that cannot be what a customer handed over is refused: more than ten times what is due
(beyond one Rp 100.000 note, which anyone may hand over for a small item), or more than
Rp 10.000.000 above it (receipt T1-000250: "Tunai Rp 2.000.000.000.251" from a scanned
barcode). Change of Rp 100.000 or more is asked about once more before the commit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from booth_pos.model import (
    KnownError,
    Method,
    Payment,
    PaymentError,
    Sale,
    Tender,
    due_after,
    settle,
)
from booth_pos.money import MoneyError, format_rupiah, parse_rupiah

#: Commits the cart with these tenders and returns the stored sale (raises KnownError).
Commit = Callable[[list[Tender]], Sale]

#: The largest rupiah note: handing one over is always plausible, however small the bill.
LARGEST_NOTE = 100_000
#: Cash more than this many times what is due is refused (beyond one largest note).
MAX_CASH_FACTOR = 10
#: Cash more than this above what is due is refused, whatever the bill.
MAX_CASH_OVER = 10_000_000
#: Change from this much up is asked about once more before the sale is committed.
BIG_CHANGE = 100_000


class CheckoutView(Protocol):
    """What the checkout presenter asks of its view."""

    def show_due(self, due: int) -> None:
        """Show what is still due (0 once covered)."""

    def show_tenders(self, payments: Sequence[Payment]) -> None:
        """List the tenders taken so far, as settled payments (removable before confirm)."""

    def show_pending_change(self, change: int | None) -> None:
        """The change the tenders give (None while something is still due), before confirm."""

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

    def ask_big_change(self, change: int) -> None:
        """Ask, without blocking, whether to give this much change; yes calls
        ``confirm_big_change``."""

    def show_change(self, sale: Sale) -> None:
        """The sale is committed: show its change and receipt; no more tenders."""

    def enable_confirm(self, enabled: bool) -> None:
        """Allow (or not) the confirmation that commits the sale."""


def round_up(amount: int, step: int) -> int:
    """``amount`` rounded up to a multiple of ``step``."""
    return -(-amount // step) * step


def quick_cash_amounts(due: int) -> list[int]:
    """What a customer is likely to hand over for ``due``: exact first, then ``due`` rounded
    up to 1.000, 5.000, 10.000, 50.000 and 100.000, then the next 100.000 above that;
    ascending, no repeats (Rp 591.500: 591.500, 592.000, 595.000, 600.000, 700.000). An
    amount the till would refuse as cash (``cash_refusal``: Rp 200.000 for a Rp 1.234 bill)
    is not offered."""
    if due <= 0:
        return []
    amounts = [due]
    for step in (1_000, 5_000, 10_000, 50_000, 100_000):
        up = round_up(due, step)
        if up > amounts[-1]:
            amounts.append(up)
    amounts.append(round_up(due, 100_000) + 100_000)
    return [a for a in amounts if cash_refusal(a, due) is None]


def cash_refusal(amount: int, due: int) -> PaymentError | None:
    """Why ``amount`` in cash against ``due`` cannot be what the customer handed over, or
    None when it may be (see the module's rules)."""
    if amount <= due:
        return None
    if amount - due > MAX_CASH_OVER or amount > max(MAX_CASH_FACTOR * due, LARGEST_NOTE):
        return PaymentError(
            en=f"Cash {format_rupiah(amount, 'en')} cannot be right for "
            f"{format_rupiah(due, 'en')} due: check the amount (was a barcode scanned?)",
            id=f"Tunai {format_rupiah(amount, 'id')} tidak masuk akal untuk tagihan "
            f"{format_rupiah(due, 'id')}: periksa jumlahnya (barcode terpindai?)",
        )
    return None


class CheckoutPresenter:
    """Collects tenders for one cart's total; commits the sale on an explicit confirm.

    Attributes:
        total: what the cart costs, whole rupiah.
        tenders: what the customer gave, in order, each with its amount fixed when taken
            (an empty amount is "the rest" at that moment: removing an earlier tender never
            changes what a card was charged).
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
    def change(self) -> int:
        return sum(p.change for p in self.payments)

    @property
    def covered(self) -> bool:
        """Whether the tenders pay the total, so the sale may be confirmed."""
        return bool(self.tenders) and self.due == 0

    @property
    def done(self) -> bool:
        return self.sale is not None

    def start(self) -> None:
        """Show the empty checkout: everything due, nothing to confirm yet."""
        self._show()

    def tender(self, method: Method, amount_text: str, reference: str = "") -> None:
        """Record one tender of ``method``: the typed amount, or the rest when empty.

        The reference (QRIS, card, transfer) is kept for non-cash tenders only. Nothing is
        committed here, even when the tender covers what is due: see ``confirm``.
        """
        if self.done:  # a click after completion: nothing more to do
            return
        if self.covered:
            self.view.show_error(
                PaymentError(
                    en="Already paid in full: confirm the sale, or remove a tender first",
                    id="Sudah lunas: konfirmasi penjualan, atau hapus pembayaran dulu",
                )
            )
            return
        text = amount_text.strip()
        try:
            amount = parse_rupiah(text, allow_zero=self.total == 0) if text else self.due
        except MoneyError:
            self.view.show_bad_amount(text)
            return
        if method is Method.CASH:
            refusal = cash_refusal(amount, self.due)
            if refusal is not None:
                self.view.show_error(refusal)
                return
        tenders = [
            *self.tenders,
            Tender(method, amount, "" if method is Method.CASH else reference.strip()),
        ]
        try:
            payments = settle(self.total, tenders)
        except KnownError as exc:
            self.view.show_error(exc)
            return
        self.tenders, self.payments = tenders, payments
        self.view.clear_inputs()
        self.view.clear_error()
        self._show()
        if not self.covered:
            self.view.focus_amount()

    def quick_cash(self, amount: int) -> None:
        """One touch on an offered cash amount: a cash tender of that much (not a sale)."""
        self.tender(Method.CASH, str(amount))

    def remove_tender(self, index: int) -> None:
        """Take back the tender at ``index`` (a wrong method, a QRIS that did not go through)."""
        if self.done or not 0 <= index < len(self.tenders):
            return
        tenders = self.tenders[:index] + self.tenders[index + 1 :]
        self.tenders, self.payments = tenders, settle(self.total, tenders)
        self.view.clear_error()
        self._show()
        self.view.focus_amount()

    def confirm(self) -> None:
        """The cashier confirms: commit the sale if the tenders cover it (asking once more
        about change of ``BIG_CHANGE`` or more)."""
        if self.done:
            return
        if not self.covered:
            self.view.show_error(
                PaymentError(
                    en=f"Not paid yet: {format_rupiah(self.due, 'en')} still due",
                    id=f"Belum lunas: kurang {format_rupiah(self.due, 'id')}",
                )
            )
            return
        if self.change >= BIG_CHANGE:
            self.view.ask_big_change(self.change)
            return
        self._complete()

    def confirm_big_change(self) -> None:
        """Yes, that much change is right: commit."""
        if not self.done and self.covered:
            self._complete()

    def _complete(self) -> None:
        try:
            sale = self.commit(list(self.tenders))
        except KnownError as exc:
            # Nothing was written: the cart stays, the tenders go, the cashier tries again.
            self.tenders, self.payments = [], []
            self._show()
            self.view.show_error(exc)
            self.view.focus_amount()
            return
        self.sale = sale
        self.view.enable_confirm(False)
        self.view.show_change(sale)

    def _show(self) -> None:
        self.view.show_due(self.due)
        self.view.show_tenders(self.payments)
        self.view.show_pending_change(self.change if self.covered else None)
        self.view.show_quick_cash(quick_cash_amounts(self.due) if not self.done else [])
        self.view.enable_confirm(self.covered)
