"""Quotations for bulk buyers (issue 17): ``Q-0001``, priced at the wholesale tier of each
line's quantity, in rupiah and in the buyer's currency at the day's rate.

A quote is open until it is accepted (``services.orders.from_quote``), cancelled, or past its
validity (then it reads as expired). While open it can be edited; its number never changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from fractions import Fraction

from booth_pos.clock import Clock, local_date, to_iso
from booth_pos.model import Settings
from booth_pos.model.wholesale import Buyer, Quote, QuoteLine, QuoteStatus, WholesaleError
from booth_pos.money import RateError, minor_text, parse_currency, parse_rate, to_minor_units
from booth_pos.services import wholesale
from booth_pos.store import Store

LANGS = ("en", "fr", "id")
MAX_QTY = 999_999
MAX_VALID_DAYS = 366
_ITEM = re.compile(r"^\s*(?:([0-9]{1,7})\s*[*xX]\s*)?(\S+)\s*$")


# -- the day's rate and the conversion ----------------------------------------------------
# One small function each, until the ``rates`` branch's shared ones replace them at merge.


def _day_rate(settings: Settings, currency: str) -> str:
    """The day's rate for ``currency`` from Settings (``rates``, the same table the till's
    customers are shown; ``model.customers.stand_rates``), as exact text (``"11.85"``).

    Raises:
        WholesaleError: no rate for that currency (then ``--rate`` must give one).
    """
    from booth_pos.model.customers import stand_rates
    from booth_pos.money import rate_text as exact_rate_text

    try:
        rates = stand_rates(settings)
    except RateError:
        rates = {}
    if currency in rates:
        return exact_rate_text(rates[currency])
    raise WholesaleError(
        en=f"No rate for {currency} in Settings today: give one with --rate (rupiah per unit)",
        id=f"Belum ada kurs {currency} di Pengaturan hari ini: beri dengan --rate (rupiah per "
        "satuan)",
    )


def _to_foreign(rupiah: int, rate: str | Fraction, currency: str) -> str:
    """``rupiah`` in ``currency`` as an exact decimal string, rounded half up to the
    currency's minor unit (``"33.62"`` EUR, ``"14557"`` KRW). Integer arithmetic on the exact
    rate: no float, no Decimal context precision in the way."""
    value = parse_rate(rate) if isinstance(rate, str) else rate
    return minor_text(to_minor_units(rupiah, value, currency), currency)


def rate_text(rate: str) -> str:
    """A typed rate as stored and printed in JSON: ``17250``, ``11.85`` (checked)."""
    value = parse_rate(rate)
    text = rate.strip().replace(",", ".")
    return text if parse_rate(text) == value else str(value)


# -- reading items ------------------------------------------------------------------------


def parse_items(store: Store, items: Sequence[str]) -> list[tuple[int, object]]:
    """``QTY*SKU`` (or a barcode; ``SKU`` alone is one unit) into ``(qty, Product)``; a SKU
    given twice is summed (the tier is that of the whole quantity)."""
    out: dict[str, list] = {}
    for text in items:
        m = _ITEM.match(text or "")
        if not m:
            raise WholesaleError(
                en=f"Not an item: {text!r} (write QTY*SKU, e.g. 60*ECO-04)",
                id=f"Bukan barang: {text!r} (tulis JUMLAH*SKU, mis. 60*ECO-04)",
            )
        qty = int(m.group(1) or 1)
        product = store.products.by_code(m.group(2))
        if product is None:
            raise WholesaleError(
                en=f"Unknown product: {m.group(2)}", id=f"Produk tidak dikenal: {m.group(2)}"
            )
        if product.sku in out:
            out[product.sku][0] += qty
        else:
            out[product.sku] = [qty, product]
    if not out:
        raise WholesaleError(en="A quote needs at least one item", id="Penawaran butuh barang")
    for qty, product in out.values():
        if not 1 <= qty <= MAX_QTY:
            raise WholesaleError(
                en=f"{product.sku}: a quantity from 1 to {MAX_QTY}",
                id=f"{product.sku}: jumlah 1 sampai {MAX_QTY}",
            )
    return [(qty, product) for qty, product in out.values()]


def price_lines(store: Store, items: Sequence[str]) -> tuple[QuoteLine, ...]:
    """Each item at the tier of its quantity, with its lead time; under the MOQ: refused."""
    lines = []
    for qty, product in parse_items(store, items):
        terms = store.wholesale.of(product.sku)
        if qty < terms.moq:
            raise WholesaleError(
                en=f"{product.sku}: {qty} is under the minimum order quantity (MOQ {terms.moq})",
                id=f"{product.sku}: {qty} di bawah jumlah pesanan minimum (MOQ {terms.moq})",
            )
        lines.append(
            QuoteLine(
                sku=product.sku,
                name=product.name,
                artisan_code=product.artisan_code,
                qty=qty,
                unit_price=terms.unit_price(qty, product.price),
                lead_days=wholesale.lead_days_of(store, product, terms),
                image=product.image,
                moq=terms.moq,
            )
        )
    return tuple(lines)


def _check_lang(lang: str) -> str:
    lang = (lang or "en").strip().lower()
    if lang not in LANGS:
        raise WholesaleError(
            en=f"The buyer's language is en, fr or id, not {lang!r}",
            id=f"Bahasa pembeli en, fr atau id, bukan {lang!r}",
        )
    return lang


def _check_text(value: str, what: str, limit: int = 120) -> str:
    text = " ".join((value or "").split())
    if len(text) > limit or any(ord(ch) < 32 for ch in value or ""):
        raise WholesaleError(
            en=f"{what}: at most {limit} characters, no control characters",
            id=f"{what}: paling banyak {limit} karakter, tanpa karakter kontrol",
        )
    return text


def _valid_days(days: int) -> int:
    if not isinstance(days, int) or not 1 <= days <= MAX_VALID_DAYS:
        raise WholesaleError(
            en=f"--valid-days: from 1 to {MAX_VALID_DAYS}",
            id=f"--valid-days: 1 sampai {MAX_VALID_DAYS}",
        )
    return days


def _currency_and_rate(settings: Settings, currency: str, rate: str | None) -> tuple[str, str]:
    try:
        code = parse_currency(currency)
        return code, rate_text(rate if rate is not None else _day_rate(settings, code))
    except RateError as exc:
        raise WholesaleError(en=exc.en, id=exc.id) from None


# -- use cases ------------------------------------------------------------------------------


def new_quote(
    store: Store,
    clock: Clock,
    *,
    buyer: str,
    items: Sequence[str],
    currency: str,
    rate: str | None = None,
    company: str = "",
    country: str = "",
    contact: str = "",
    lang: str | None = None,
    valid_days: int = 30,
    actor: str = "",
) -> Quote:
    """Price ``items`` for ``buyer`` and number the quote ``Q-0001`` (consecutive).

    Raises:
        WholesaleError: an unknown product, a quantity under its MOQ, no rate for the
            currency, a bad language or validity. Nothing is written then.
    """
    from booth_pos.services import journal

    settings = store.settings()
    name = _check_text(buyer, "Buyer")
    if not name:
        raise WholesaleError(en="The buyer needs a name", id="Pembeli perlu nama")
    country = _check_text(country, "Country", 40).upper()
    language = _check_lang(lang or ("fr" if country == "FR" else "id" if country == "ID" else "en"))
    code, rate_value = _currency_and_rate(settings, currency, rate)
    days = _valid_days(valid_days)
    lines = price_lines(store, items)
    now = clock.now()
    today = local_date(now, settings.timezone)
    with store.atomic():
        who = store.quotes.save_buyer(
            Buyer(name, _check_text(company, "Company"), country,
                  _check_text(contact, "Contact"), language, code)
        )  # fmt: skip
        seq = store.quotes.next_quote_seq()
        quote = Quote(
            number=f"Q-{seq:04d}",
            buyer=who,
            currency=code,
            rate=rate_value,
            lang=language,
            created_at=to_iso(now),
            created_on=today,
            valid_until=today + timedelta(days=days),
            status=QuoteStatus.OPEN,
            lines=lines,
        )
        store.quotes.insert_quote(quote, seq)
        journal.append_audit(
            store, actor, "quote_created", {"quote": quote.number, "total": quote.total}, now
        )
    return replace(store.quotes.quote(quote.number), lines=lines)


def find(store: Store, number: str) -> Quote:
    quote = store.quotes.quote((number or "").strip().upper())
    if quote is None:
        raise WholesaleError(en=f"No quote {number!r}", id=f"Tidak ada penawaran {number!r}")
    return quote


def status_of(quote: Quote, clock: Clock, settings: Settings) -> QuoteStatus:
    """The status as a person reads it: an open quote past its validity is expired."""
    if quote.status is QuoteStatus.OPEN and local_date(clock.now(), settings.timezone) > (
        quote.valid_until
    ):
        return QuoteStatus.EXPIRED
    return quote.status


def check_open(store: Store, quote: Quote, clock: Clock) -> None:
    status = status_of(quote, clock, store.settings())
    if status is not QuoteStatus.OPEN:
        raise WholesaleError(
            en=f"Quote {quote.number} is {status.value}: only an open quote can change",
            id=f"Penawaran {quote.number} berstatus {status.value}: hanya penawaran terbuka "
            "yang bisa diubah",
        )


def edit_quote(
    store: Store,
    clock: Clock,
    number: str,
    *,
    items: Sequence[str] | None = None,
    currency: str | None = None,
    rate: str | None = None,
    valid_days: int | None = None,
    lang: str | None = None,
    actor: str = "",
) -> Quote:
    """Change an open quote: its items (priced again at today's tiers), currency, rate,
    validity (from today) or language."""
    from booth_pos.services import journal

    settings = store.settings()
    with store.atomic():
        quote = find(store, number)
        check_open(store, quote, clock)
        new = quote
        if items is not None:
            new = replace(new, lines=price_lines(store, items))
        if currency is not None or rate is not None:
            code, rate_value = _currency_and_rate(settings, currency or quote.currency, rate)
            new = replace(new, currency=code, rate=rate_value)
        if valid_days is not None:
            today = local_date(clock.now(), settings.timezone)
            new = replace(new, valid_until=today + timedelta(days=_valid_days(valid_days)))
        if lang is not None:
            new = replace(new, lang=_check_lang(lang))
        store.quotes.update_quote(new)
        journal.append_audit(
            store, actor, "quote_edited", {"quote": new.number, "total": new.total}, clock.now()
        )
    return with_images(store, store.quotes.quote(new.number))


def set_status(store: Store, clock: Clock, number: str, status: str, *, actor: str = "") -> Quote:
    """Cancel or expire an open quote by hand (``accepted`` comes with its order only)."""
    from booth_pos.services import journal

    try:
        wanted = QuoteStatus(status)
    except ValueError:
        wanted = None
    if wanted not in (QuoteStatus.CANCELLED, QuoteStatus.EXPIRED, QuoteStatus.OPEN):
        raise WholesaleError(
            en="A quote's status is set to open, cancelled or expired (accepted: order from-quote)",
            id="Status penawaran: open, cancelled atau expired (accepted: order from-quote)",
        )
    with store.atomic():
        quote = find(store, number)
        if wanted is QuoteStatus.OPEN:
            if quote.status is not QuoteStatus.EXPIRED and quote.status is not QuoteStatus.OPEN:
                raise WholesaleError(
                    en=f"Quote {quote.number} is {quote.status.value}: it cannot reopen",
                    id=f"Penawaran {quote.number} berstatus {quote.status.value}: tidak bisa "
                    "dibuka lagi",
                )
        elif quote.status is not QuoteStatus.OPEN:
            raise WholesaleError(
                en=f"Quote {quote.number} is {quote.status.value}",
                id=f"Penawaran {quote.number} berstatus {quote.status.value}",
            )
        store.quotes.set_status(quote.number, wanted)
        journal.append_audit(
            store, actor, "quote_status", {"quote": quote.number, "status": wanted.value},
            clock.now(),
        )  # fmt: skip
    return store.quotes.quote(quote.number)


def with_images(store: Store, quote: Quote) -> Quote:
    """The quote with each line's photo and MOQ (for documents and the window)."""
    lines = []
    for line in quote.lines:
        product = store.products.by_sku(line.sku)
        terms = store.wholesale.of(line.sku)
        lines.append(replace(line, image=product.image if product else "", moq=terms.moq))
    return replace(quote, lines=tuple(lines))


def quote_json(quote: Quote, status: QuoteStatus | None = None) -> dict:
    """The issue's JSON of a quote (``status`` added at the end)."""
    return {
        "quote_no": quote.number,
        "buyer": quote.buyer.name,
        "currency": quote.currency,
        "rate": quote.rate,
        "valid_until": quote.valid_until.isoformat(),
        "lines": [
            {
                "sku": ln.sku,
                "name": ln.name,
                "artisan_code": ln.artisan_code,
                "qty": ln.qty,
                "unit_price": ln.unit_price,
                "amount": ln.amount,
                "lead_days": ln.lead_days,
            }
            for ln in quote.lines
        ],
        "total": quote.total,
        "total_foreign": _to_foreign(quote.total, quote.rate, quote.currency),
        "ready_by": ready_by(quote).isoformat(),
    }


def ready_by(quote: Quote):
    """The date the goods can be ready: the quote's day plus its longest lead time."""
    return quote.created_on + timedelta(days=quote.lead_days)


def quotes(store: Store, clock: Clock) -> list[tuple[Quote, QuoteStatus]]:
    settings = store.settings()
    return [(q, status_of(q, clock, settings)) for q in store.quotes.quotes()]


def quotation_pdf(store: Store, clock: Clock, number: str, lang: str | None = None) -> bytes:
    """The quotation as an A4 PDF in the buyer's language (or ``lang``)."""
    from booth_pos.documents.quotation import render_quotation

    quote = with_images(store, find(store, number))
    settings = store.settings()
    return render_quotation(
        quote,
        settings,
        lang=_check_lang(lang or quote.lang),
        image_dir=store.path.parent,
        ready_by=ready_by(quote),
        deposit_bp=deposit_bp(settings),
        bank=bank_details(settings),
    )


def deposit_bp(settings: Settings) -> int:
    """The deposit asked, in basis points (``quote_deposit_percent`` setting; 30 %)."""
    from booth_pos.money import MoneyError, parse_percent

    try:
        return parse_percent(settings.quote_deposit_percent or "30")
    except MoneyError:
        return 3000


def bank_details(settings: Settings) -> str:
    return settings.bank_details.strip()
