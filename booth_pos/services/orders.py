"""Orders from accepted quotes (issue 17): ``PO-0001``, a deposit, the artisans' work,
reservations, deliveries and cancellation.

Money rules:
- A deposit is a liability of the stand, not an artisan's sale: a cash deposit enters the
  open day's drawer (expected cash) but no artisan's net; a transfer touches neither.
- A delivery is a sale like any other (``TILL-NNNNNN``): its lines are the units handed
  over at the order's prices, with each artisan's commission in force at delivery; it is
  paid by the deposit still unapplied (recorded with the deposit's method) and the balance.
  The deposit applied to a cash sale leaves that day's expected cash again (the sale's
  cash payment counts it; the drawer got it the day it was received).
- Reserved goods leave the sellable stock (moves ``reserved``, ref the order); a delivery
  or a cancellation gives them back first (``unreserved``), then the delivery sells them.
- Cancelling refunds the deposit not yet applied, approved by a supervisor, and returns
  every reserved unit.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from booth_pos.clock import Clock, local_date, to_iso
from booth_pos.model import (
    DayError,
    Method,
    Payment,
    PaymentError,
    Sale,
    SaleLine,
    Tender,
    due_after,
    settle,
)
from booth_pos.model.wholesale import Order, OrderLine, OrderStatus, QuoteStatus, WholesaleError
from booth_pos.money import MoneyError, format_rupiah, parse_percent, parse_rupiah, percent_of
from booth_pos.services import quotes as quotes_service
from booth_pos.store import Store

DEPOSIT_APPLIED = "deposit {order}"


def _find(store: Store, number: str) -> Order:
    order = store.quotes.order((number or "").strip().upper())
    if order is None:
        raise WholesaleError(en=f"No order {number!r}", id=f"Tidak ada pesanan {number!r}")
    return order


def find(store: Store, number: str) -> Order:
    return _find(store, number)


def parse_deposit(text: str | None, total: int, default_bp: int) -> int:
    """``30%`` (or a bare number up to 100: a percent) -> that share of ``total``, rounded
    half up to the rupiah; anything else is an amount in rupiah."""
    if text is None:
        return percent_of(total, default_bp)
    s = text.strip()
    try:
        if s.endswith("%") or (s.isdigit() and int(s) <= 100):
            bp = parse_percent(s)
            if not 0 <= bp <= 10000:
                raise MoneyError("a deposit is 0 to 100 %")
            return percent_of(total, bp)
        return parse_rupiah(s, allow_zero=True)
    except MoneyError as exc:
        raise WholesaleError(
            en=f"Not a deposit: {text!r} ({exc})", id=f"Bukan uang muka: {text!r} ({exc.text()})"
        ) from None


def _journal(store: Store, kind: str, ref: str, payload: dict, at: str) -> None:
    store.journal.append_in_transaction(kind, ref, payload, at)


def _day_or_none(store: Store):
    return store.days.current(store.settings().till)


def _reserve(store: Store, order_no: str, lines: Sequence[OrderLine], at: str) -> list[OrderLine]:
    """Reserve what the stand holds of each line (never below zero on hand)."""
    on_hand = store.stock.on_hand([ln.sku for ln in lines])
    out = []
    for line in lines:
        free = max(on_hand.get(line.sku, 0), 0)
        n = min(free, line.qty)
        on_hand[line.sku] = free - n
        if n:
            store.quotes.move_stock(line.sku, -n, "reserved", order_no, at, line.unit_price)
        out.append(replace(line, reserved=n))
    return out


def from_quote(
    store: Store,
    clock: Clock,
    quote_no: str,
    *,
    deposit: str | None = None,
    pay: Tender | None = None,
    reserve: bool = True,
    actor: str = "",
) -> Order:
    """Accept an open quote as order ``PO-0001`` with its deposit (see the module).

    Args:
        deposit: ``30%`` / ``30`` (percent of the total, half up) or an amount; default the
            ``quote_deposit_percent`` setting; ``0``: no deposit.
        pay: how the deposit came (default cash); its amount, if given, is the deposit.
        reserve: reserve the goods the stand holds for the order.

    Raises:
        WholesaleError: the quote is not open or already ordered; a deposit above the total
            or that does not match the payment.
        DayError: a cash deposit with no open day.
    """
    settings = store.settings()
    with store.atomic():
        quote = quotes_service.find(store, quote_no)
        quotes_service.check_open(store, quote, clock)
        if store.quotes.order_of_quote(quote.number):
            raise WholesaleError(
                en=f"Quote {quote.number} already has an order",
                id=f"Penawaran {quote.number} sudah punya pesanan",
            )
        total = quote.total
        amount = parse_deposit(deposit, total, quotes_service.deposit_bp(settings))
        method = Method(pay.method) if pay is not None else Method.CASH
        if pay is not None and pay.amount is not None:
            if deposit is not None and pay.amount != amount:
                raise WholesaleError(
                    en=f"The payment ({format_rupiah(pay.amount, 'en')}) is not the deposit "
                    f"({format_rupiah(amount, 'en')})",
                    id=f"Pembayaran ({format_rupiah(pay.amount, 'id')}) tidak sama dengan uang "
                    f"muka ({format_rupiah(amount, 'id')})",
                )
            amount = pay.amount
        if amount > total:
            raise WholesaleError(
                en=f"A deposit of {format_rupiah(amount, 'en')} is more than the order's total "
                f"{format_rupiah(total, 'en')}",
                id=f"Uang muka {format_rupiah(amount, 'id')} melebihi total pesanan "
                f"{format_rupiah(total, 'id')}",
            )
        day = _day_or_none(store)
        if amount and method is Method.CASH and day is None:
            raise DayError(
                en="No business day is open: a cash deposit goes into the open day's drawer",
                id="Belum ada hari yang dibuka: uang muka tunai masuk ke laci hari ini",
            )
        now = clock.now()
        at = to_iso(now)
        from booth_pos.services import timeline

        timeline.check_not_before_journal(store, now, clock)
        seq = store.quotes.next_order_seq()
        number = f"PO-{seq:04d}"
        lines = [
            OrderLine(i, ln.sku, ln.name, ln.artisan_code, ln.qty, ln.unit_price)
            for i, ln in enumerate(quote.lines, start=1)
        ]
        if reserve:
            lines = _reserve(store, number, lines, at)
        today = local_date(now, settings.timezone)
        order = Order(
            number=number,
            quote_no=quote.number,
            created_at=at,
            created_on=today,
            due_date=today + timedelta(days=quote.lead_days),
            status=OrderStatus.OPEN,
            lines=tuple(lines),
        )
        store.quotes.insert_order(order, seq)
        store.quotes.set_status(quote.number, QuoteStatus.ACCEPTED)
        if amount:
            store.quotes.add_money(
                number, "deposit", method.value, amount, day.id if day else None, at,
                reference=getattr(pay, "reference", "") or "",
            )  # fmt: skip
        _journal(
            store, "order", number,
            {"order": number, "quote": quote.number, "total": total, "deposit": amount,
             "method": method.value, "day": day.id if day else None,
             "lines": [[ln.sku, ln.qty, ln.unit_price, ln.reserved] for ln in lines],
             "by": actor},
            at,
        )  # fmt: skip
    return _find(store, number)


def by_artisan(order: Order) -> list[dict]:
    """Per artisan: lines, units and amount; the amounts sum exactly to the order's total
    (each line belongs to one artisan, so no sharing is needed)."""
    groups: dict[str, dict] = {}
    for line in order.lines:
        g = groups.setdefault(
            line.artisan_code, {"code": line.artisan_code, "lines": 0, "qty": 0, "amount": 0}
        )
        g["lines"] += 1
        g["qty"] += line.qty
        g["amount"] += line.amount
    return list(groups.values())


def order_json(order: Order) -> dict:
    """The issue's JSON of an order."""
    return {
        "order_no": order.number,
        "quote_no": order.quote_no,
        "total": order.total,
        "deposit": order.deposit,
        "balance": order.balance,
        "by_artisan": by_artisan(order),
    }


def _picks(order: Order, items: Sequence[str]) -> dict[int, int]:
    """``line_no -> units`` to hand over: every unit not yet delivered, or the items given."""
    left = {ln.line_no: ln.qty - ln.delivered for ln in order.lines}
    if not items:
        return {n: q for n, q in left.items() if q > 0}
    picks: dict[int, int] = {}
    for text in items:
        m = quotes_service._ITEM.match(text or "")
        if not m:
            raise WholesaleError(
                en=f"Not an item: {text!r} (write QTY*SKU)", id=f"Bukan barang: {text!r}"
            )
        qty, sku = int(m.group(1) or 1), m.group(2).upper()
        for line in order.lines:
            if line.sku.upper() == sku:
                room = left[line.line_no] - picks.get(line.line_no, 0)
                take = min(room, qty)
                if take:
                    picks[line.line_no] = picks.get(line.line_no, 0) + take
                    qty -= take
            if not qty:
                break
        if qty:
            raise WholesaleError(
                en=f"{sku}: more than the order still has to deliver",
                id=f"{sku}: melebihi sisa pesanan yang belum diserahkan",
            )
    return picks


def deliver(
    store: Store,
    clock: Clock,
    order_no: str,
    items: Sequence[str] = (),
    tenders: Sequence[Tender] = (),
    *,
    cashier: str = "",
) -> tuple[Order, Sale]:
    """Hand over goods of an order: a sale of those lines (commission in force now), paid by
    the deposit still unapplied and ``tenders``; ``items`` none: everything left.

    Raises:
        WholesaleError: the order is not open, an item it does not hold.
        PaymentError: the tenders do not cover the balance of this delivery.
        DayError: no open day (a delivery is a sale of the day).
    """
    from booth_pos.services import journal, timeline

    settings = store.settings()
    with store.atomic():
        order = _find(store, order_no)
        if order.status is not OrderStatus.OPEN:
            raise WholesaleError(
                en=f"Order {order.number} is {order.status.value}",
                id=f"Pesanan {order.number} berstatus {order.status.value}",
            )
        picks = _picks(order, items)
        if not picks:
            raise WholesaleError(
                en=f"Order {order.number} has nothing left to deliver",
                id=f"Pesanan {order.number} tidak punya sisa untuk diserahkan",
            )
        day = store.days.current(settings.till)
        if day is None:
            raise DayError(
                en="No business day is open; open the day first",
                id="Belum ada hari yang dibuka; buka hari dulu",
            )
        now = clock.now()
        at = to_iso(now)
        timeline.check_not_before_journal(store, now, clock)
        rates = store.artisans.commission_rates()
        products = {ln.sku: store.products.by_sku(ln.sku) for ln in order.lines}
        sale_lines = []
        for i, line in enumerate((ln for ln in order.lines if ln.line_no in picks), start=1):
            qty = picks[line.line_no]
            back = min(line.reserved, qty)
            if back:  # reserved units return to stock, then the sale takes them
                store.quotes.move_stock(line.sku, back, "unreserved", order.number, at,
                                        line.unit_price)  # fmt: skip
                store.quotes.set_reserved(order.number, line.line_no, line.reserved - back)
            product = products[line.sku]
            sale_lines.append(
                SaleLine(
                    line_no=i,
                    sku=line.sku,
                    name=line.name,
                    artisan_code=line.artisan_code,
                    category=product.category if product else "",
                    unit_price=line.unit_price,
                    qty=qty,
                    line_discount=0,
                    sale_discount_share=0,
                    commission_bp=rates.get(line.artisan_code, 0),
                )  # fmt: skip
            )
        total = sum(ln.gross for ln in sale_lines)
        unapplied = order.deposit - order.applied
        applied = min(unapplied, total)
        payments: list[Payment] = []
        if applied:
            method = next(m[1] for m in store.quotes.money(order.number) if m[0] == "deposit")
            payments.append(
                Payment(
                    Method(method), applied, applied, DEPOSIT_APPLIED.format(order=order.number)
                )
            )
        rest = total - applied
        if rest:
            paid = settle(rest, list(tenders))
            due = due_after(rest, paid)
            if due:
                raise PaymentError(
                    en=f"The balance of this delivery is {format_rupiah(rest, 'en')}: "
                    f"{format_rupiah(due, 'en')} still due (give --pay METHOD[:AMOUNT])",
                    id=f"Sisa tagihan penyerahan ini {format_rupiah(rest, 'id')}: kurang "
                    f"{format_rupiah(due, 'id')} (beri --pay METODE[:JUMLAH])",
                )
            payments += paid
        elif tenders:
            raise PaymentError(
                en="The deposit covers this delivery: nothing is left to pay",
                id="Uang muka menutup penyerahan ini: tidak ada sisa yang harus dibayar",
            )
        seq = store.sales.next_seq(settings.till)
        quote = store.quotes.quote(order.quote_no)
        sale = Sale(
            id=str(uuid.uuid4()),
            receipt_no=f"{settings.till}-{seq:06d}",
            till=settings.till,
            day_id=day.id,
            business_date=day.business_date,
            created_at=now,
            cashier=cashier,
            origin="",
            lang="en" if quote is None or quote.lang != "id" else "id",
            lines=tuple(sale_lines),
            payments=tuple(payments),
            subtotal=total,
            discount=0,
            total=total,
        )
        store.sales.insert(sale, seq)
        entry = journal.record_sale(store, sale, seq)
        store.quotes.add_delivery(order.number, sale.id, at)
        if applied:
            store.quotes.add_money(order.number, "applied", payments[0].method.value, applied,
                                   day.id, at, reference=sale.receipt_no)  # fmt: skip
        _journal(
            store, "order_delivery", order.number,
            {"order": order.number, "sale": sale.receipt_no, "deposit_applied": applied,
             "day": day.id, "lines": [[ln.sku, ln.qty] for ln in sale_lines]},
            at,
        )  # fmt: skip
        done = _find(store, order.number)
        if all(ln.delivered >= ln.qty for ln in done.lines):
            store.quotes.set_order_status(order.number, OrderStatus.DELIVERED)
    sale = replace(sale, verification=journal.verification_code(entry.hash))
    return _find(store, order.number), sale


def cancel(
    store: Store,
    clock: Clock,
    order_no: str,
    *,
    supervisor: str,
    pin: str | None = None,
    method: str = "cash",
    reason: str = "",
    staff: str = "",
) -> tuple[Order, int]:
    """Cancel an open order: reserved units return to stock and the deposit not yet applied
    is refunded (``method``), approved by ``supervisor``. Returns the order and the refund.

    Raises:
        WholesaleError: not open; no supervisor or reason.
        StaffError/PinError: the supervisor's PIN (once staff accounts exist).
        DayError: a cash refund with no open day; PaymentError: the drawer holds less.
    """
    from booth_pos.services import corrections, days, timeline
    from booth_pos.services import staff as staff_service

    why = corrections.check_reason(reason)
    who = " ".join(str(supervisor or "").split())
    if not who:
        raise WholesaleError(
            en="Cancelling an order needs a supervisor (give --supervisor NAME)",
            id="Membatalkan pesanan butuh supervisor (isi --supervisor NAMA)",
        )
    if staff_service.staff_exist(store):
        who = staff_service.approve(store, who, pin or "", staff, clock).name
    how = Method(method)
    with store.atomic():
        order = _find(store, order_no)
        if order.status is not OrderStatus.OPEN:
            raise WholesaleError(
                en=f"Order {order.number} is {order.status.value}",
                id=f"Pesanan {order.number} berstatus {order.status.value}",
            )
        now = clock.now()
        at = to_iso(now)
        timeline.check_not_before_journal(store, now, clock)
        day = _day_or_none(store)
        refund = order.deposit - order.applied
        if refund and how is Method.CASH:
            if day is None:
                raise DayError(
                    en="No business day is open: a cash refund comes out of the open day's drawer",
                    id="Belum ada hari yang dibuka: pengembalian tunai diambil dari laci hari ini",
                )
            drawer = days.expected_cash(store, day)
            if refund > drawer:
                raise PaymentError(
                    en=f"The drawer should hold only {format_rupiah(drawer, 'en')}; refund by "
                    "transfer",
                    id=f"Laci seharusnya hanya berisi {format_rupiah(drawer, 'id')}; kembalikan "
                    "lewat transfer",
                )
        for line in order.lines:
            if line.reserved:
                store.quotes.move_stock(line.sku, line.reserved, "unreserved", order.number, at,
                                        line.unit_price)  # fmt: skip
                store.quotes.set_reserved(order.number, line.line_no, 0)
        if refund:
            store.quotes.add_money(order.number, "refund", how.value, refund,
                                   day.id if day else None, at, reference=why,
                                   supervisor=who)  # fmt: skip
        store.quotes.set_order_status(order.number, OrderStatus.CANCELLED)
        _journal(
            store, "order_cancel", order.number,
            {"order": order.number, "refund": refund, "method": how.value, "reason": why,
             "supervisor": who, "day": day.id if day else None},
            at,
        )  # fmt: skip
    return _find(store, order.number), refund


def money_problems(store: Store, entries) -> list[tuple[str, str]]:
    """Each order's money rows against its journal entries (``verify``): an order without
    its entry, or deposits, deposits applied or refunds that differ from what was journaled
    (a row written behind the application's back) are named."""
    journaled: dict[str, dict[str, int]] = {}
    for entry, payload in entries:
        sums = journaled.setdefault(entry.ref, {"order": 0, "deposit": 0, "applied": 0,
                                                "refund": 0})  # fmt: skip
        if entry.kind == "order":
            sums["order"] += 1
            sums["deposit"] += int(payload["deposit"])
        elif entry.kind == "order_delivery":
            sums["applied"] += int(payload["deposit_applied"])
        else:
            sums["refund"] += int(payload["refund"])
    problems = []
    for number in store.quotes.order_numbers():
        want = journaled.pop(number, None)
        if want is None or want["order"] != 1:
            problems.append((f"order {number}", "has no journal entry (written behind its back)"))
            continue
        have = {"deposit": 0, "applied": 0, "refund": 0}
        for kind, _method, amount, *_ in store.quotes.money(number):
            have[kind] += amount
        for kind, amount in have.items():
            if amount != want[kind]:
                problems.append((f"order {number}", f"its {kind} money differs from the journal"))
    for number in journaled:
        problems.append((f"order {number}", "is missing (deleted)"))
    return problems


def orders(store: Store) -> list[Order]:
    return [_find(store, n) for n in store.quotes.order_numbers()]


# -- documents ------------------------------------------------------------------------------


def production_pdf(store: Store, order_no: str, artisan: str | None = None, lang: str = "id"):
    """The production orders of an order (one page per artisan, or only ``artisan``)."""
    from booth_pos.documents.production_order import render_production_orders

    order = _find(store, order_no)
    codes = [g["code"] for g in by_artisan(order)]
    if artisan is not None:
        wanted = artisan.strip().upper()
        codes = [c for c in codes if c.upper() == wanted]
        if not codes:
            raise WholesaleError(
                en=f"Order {order.number} has nothing of artisan {artisan!r}",
                id=f"Pesanan {order.number} tidak berisi barang pengrajin {artisan!r}",
            )
    names = {a.code: a.name for a in store.artisans.all()}
    rates = store.artisans.commission_rates()
    return render_production_orders(
        order, store.settings(), [(c, names.get(c, c), rates.get(c, 0)) for c in codes],
        lang=quotes_service._check_lang(lang),
    )  # fmt: skip


def proforma_pdf(
    store: Store, order_no: str, *, lang: str | None = None, incoterm: str = "EXW Jakarta"
) -> bytes:
    """The pro-forma invoice of an order, in the buyer's currency and rupiah."""
    from booth_pos.documents.proforma import render_proforma

    order = _find(store, order_no)
    quote = quotes_service.with_images(store, quotes_service.find(store, order.quote_no))
    settings = store.settings()
    descriptions = {}
    for line in order.lines:
        product = store.products.by_sku(line.sku)
        terms = store.wholesale.of(line.sku)
        category = product.category if product else ""
        descriptions[line.sku] = (terms.hs_code, category)
    return render_proforma(
        order, quote, settings, lang=quotes_service._check_lang(lang or quote.lang),
        descriptions=descriptions, incoterm=quotes_service._check_text(incoterm, "Incoterm", 60),
        bank=quotes_service.bank_details(settings), image_dir=store.path.parent,
    )  # fmt: skip
