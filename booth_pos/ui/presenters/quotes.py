"""The quote form's logic (issue 17), without a widget: read the fields, price the items
through ``services.quotes`` and tell the view what happened.

Items are typed or scanned one per line (``60*ECO-04``, or a barcode for one unit); a
scanned code that is already in the list adds one to its quantity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from booth_pos.clock import Clock
from booth_pos.model import KnownError
from booth_pos.model.wholesale import Quote
from booth_pos.services import quotes
from booth_pos.store import Store


@dataclass(frozen=True)
class QuoteFields:
    """What the form holds, as typed."""

    buyer: str
    company: str = ""
    country: str = ""
    contact: str = ""
    currency: str = "EUR"
    rate: str = ""  # empty: the day's rate from Settings
    valid_days: str = "30"
    lang: str = ""  # empty: from the country
    items: str = ""  # one QTY*SKU a line


class QuoteView(Protocol):
    def show_error(self, error: KnownError) -> None:
        """Say why nothing was saved."""

    def saved(self, quote: Quote) -> None:
        """The quote is stored: close the form."""


def add_scan(items: str, code: str) -> str:
    """``items`` with one more unit of ``code``: its line's quantity rises, else a new line."""
    code = code.strip()
    if not code:
        return items
    lines = [ln for ln in items.splitlines() if ln.strip()]
    for i, line in enumerate(lines):
        qty, _, sku = line.strip().rpartition("*")
        if sku.strip().upper() == code.upper() and (not qty or qty.strip().isdigit()):
            lines[i] = f"{int(qty or 1) + 1}*{sku.strip()}"
            return "\n".join(lines)
    return "\n".join([*lines, f"1*{code}"])


def fields_of(quote: Quote) -> QuoteFields:
    """An open quote's fields, to edit it."""
    b = quote.buyer
    return QuoteFields(
        buyer=b.name, company=b.company, country=b.country, contact=b.contact,
        currency=quote.currency, rate=quote.rate, valid_days="",
        lang=quote.lang, items="\n".join(f"{ln.qty}*{ln.sku}" for ln in quote.lines),
    )  # fmt: skip


class QuoteForm:
    """Saves a new quote, or edits ``number`` (an open quote)."""

    def __init__(self, view: QuoteView, store: Store, clock: Clock, actor: str = "",
                 number: str | None = None):  # fmt: skip
        self.view, self.store, self.clock, self.actor, self.number = (
            view, store, clock, actor, number,
        )  # fmt: skip

    def submit(self, f: QuoteFields) -> Quote | None:
        items = [ln.strip() for ln in f.items.splitlines() if ln.strip()]
        try:
            days = _days(f.valid_days) if f.valid_days.strip() else None
            if self.number is None:
                quote = quotes.new_quote(
                    self.store, self.clock, buyer=f.buyer, items=items, currency=f.currency,
                    rate=f.rate.strip() or None, company=f.company, country=f.country,
                    contact=f.contact, lang=f.lang or None, valid_days=days or 30,
                    actor=self.actor,
                )  # fmt: skip
            else:
                quote = quotes.edit_quote(
                    self.store, self.clock, self.number, items=items, currency=f.currency,
                    rate=f.rate.strip() or None, valid_days=days, lang=f.lang or None,
                    actor=self.actor,
                )  # fmt: skip
        except KnownError as exc:
            self.view.show_error(exc)
            return None
        self.view.saved(quote)
        return quote


def _days(text: str) -> int:
    from booth_pos.model.wholesale import WholesaleError

    if not text.strip().isdigit():
        raise WholesaleError(
            en="Valid for: a whole number of days", id="Berlaku: jumlah hari (bilangan bulat)"
        )
    return int(text.strip())
