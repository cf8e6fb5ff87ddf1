"""What the customer display shows, and when: the rules without widgets (a fake view tests them).

The display follows the cart as it is scanned; while a QRIS tender waits it shows the
stand's QRIS with that amount (digits and words); after the sale, the change (cash) and a
thank-you in the customer's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from booth_pos.model import Cart, KnownError, Method, Sale, Settings
from booth_pos.model.words import rupiah_in_words
from booth_pos.money import format_rupiah

#: "Thank you" in the customer's language; the language follows the sale's origin.
THANKS = {
    "id": "Terima kasih",
    "en": "Thank you",
    "ko": "감사합니다",
    "fr": "Merci",
    "hi": "धन्यवाद",
}
ORIGIN_LANG = {"ID": "id", "KR": "ko", "FR": "fr", "IN": "hi"}


def customer_lang(origin: str) -> str:
    """The customer's language for the thank-you: KR ko, FR fr, IN hi, ID id, other en."""
    return ORIGIN_LANG.get((origin or "").upper(), "en")


def thanks(origin: str, lang: str = "id") -> str:
    """The thank-you the display shows for a customer from ``origin``; with no origin chosen,
    in the sale's receipt language ``lang`` (Indonesian or English)."""
    if not origin:
        return THANKS.get(lang, THANKS["id"])
    return THANKS[customer_lang(origin)]


@dataclass(frozen=True)
class DisplayLine:
    """One cart line as the customer reads it."""

    name: str
    qty: int
    amount: str


class DisplayView(Protocol):
    """What the presenter asks of the display window."""

    def show_stand(self, name: str, logo: str = "") -> None: ...

    def show_lines(self, lines: list[DisplayLine]) -> None: ...

    def show_total(self, total: str, foreign: str) -> None: ...

    def show_qris(self, payload: str, digits: str, words: str) -> None: ...

    def hide_qris(self) -> None: ...

    def show_done(self, change: str, thanks: str) -> None: ...

    def hide_done(self) -> None: ...


class CustomerDisplayPresenter:
    """Feeds a ``DisplayView`` from the cart, the payment dialog and the committed sale.

    Args:
        view: the display.
        settings: a callable giving the stand's current settings (name, QRIS, currency).
        lang: the window's language ("id"/"en"), for amounts and the amount in words.
        qris_payload: builds the QRIS with an amount (``services.qris.payload_for``).
    """

    def __init__(
        self,
        view: DisplayView,
        settings: Callable[[], Settings],
        lang: str,
        qris_payload: Callable[[Settings, int], str],
    ):
        self.view = view
        self.settings = settings
        self.lang = lang
        self._qris_payload = qris_payload
        self.qris_amount = 0
        self.done = False
        self.origin = ""  # the customer's origin (cart, payment dialog): their currency
        self.total = 0

    def start(self, cart: Cart) -> None:
        settings = self.settings()
        self.view.show_stand(settings.stand_name, settings.logo)
        self.cart_changed(cart)

    def cart_changed(self, cart: Cart) -> None:
        """The cart changed (a scan, a removal, a discount): lines and total follow. A new
        cart after a finished sale takes the thank-you away."""
        if cart.lines and self.done:
            self.done = False
            self.view.hide_done()
        if not cart.lines and self.done:
            return  # the finished sale's change and thank-you stay until the next scan
        self.origin = cart.origin
        pricing = cart.pricing()
        lines = [
            DisplayLine(line.name, line.qty, format_rupiah(price.amount, self.lang))
            for line, price in zip(cart.lines, pricing.lines, strict=True)
        ]
        self.view.show_lines(lines)
        self._total(pricing.total)

    def _total(self, total: int) -> None:
        self.total = total
        self.view.show_total(format_rupiah(total, self.lang), self.reference_total(total))

    def origin_changed(self, origin: str) -> None:
        """The cashier chose where the customer is from (payment dialog): the second total
        turns into their currency."""
        if origin != self.origin:
            self.origin = origin
            if not self.done:
                self._total(self.total)

    def reference_total(self, total: int) -> str:
        """The total in the customer's currency, below the rupiah ("" when none).

        The one place the display asks for a reference amount: the same rule as the sale
        that will be stored (``selling.customer_reference``: the origin's currency at the
        rate of the day; no origin chosen: the stand's first rate; Indonesians: none).
        """
        from booth_pos.money import format_foreign
        from booth_pos.services.selling import customer_reference

        shown = customer_reference(self.settings(), self.origin, total)
        if not shown:
            return ""
        return "≈ " + format_foreign(shown.amount, shown.currency, self.lang)

    def qris_pending(self, amount: int) -> None:
        """A QRIS tender of ``amount`` waits for the customer (0: none any more)."""
        if amount == self.qris_amount:
            return
        self.qris_amount = amount
        if amount <= 0:
            self.view.hide_qris()
            return
        try:
            payload = self._qris_payload(self.settings(), amount)
        except KnownError:  # no static QRIS set: the customer scans the sticker as before
            self.view.hide_qris()
            return
        self.view.show_qris(
            payload, format_rupiah(amount, self.lang), rupiah_in_words(amount, self.lang)
        )

    def sale_done(self, sale: Sale) -> None:
        """The sale is committed: the change (when cash changed hands) and the thank-you."""
        self.qris_pending(0)
        self.done = True
        cash = any(Method(p.method) is Method.CASH for p in sale.payments)
        change = format_rupiah(sale.change, self.lang) if cash else ""
        self.view.show_done(change, thanks(sale.origin, sale.lang))
