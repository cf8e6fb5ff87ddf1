"""End of day and end of event: the exact figures the stand settles with its artisans on.

A report covers one business date (``day_report``) or every day (``event_report``). All
figures are whole rupiah computed from the stored lines, payments and refunds (never from
floats, never recomputed prices):

- per artisan: items, gross (unit price x qty), discounts (line discounts + shares of sale
  discounts), refunds, net = gross - discounts - refunds, commission = net x the artisan's
  commission rounded half up (``money.percent_of``, on the period's net), payout = net -
  commission. The totals are the sums over artisans, so they agree to the rupiah.
- per payment method: what was kept (cash net of change) minus what was paid back.
- per category, local hour, customer origin and product: sales rung up (before refunds).
- open-price lines (unlabelled goods, ``sku`` ``OPEN_PRICE_SKU``) count for their artisan
  like any line, at the commission recorded with them; by category they fall under the
  empty category (they have none), by product each artisan gets ONE row for all its
  open-price lines (``ProductFigures.open_price``; their typed names vary too much to
  group by), and each statement says how much of the artisan's sales they were.
- cash: float, expected = float + cash received - cash refunded - cash paid to artisans
  (payouts out of the drawer), counted, difference.
- per artisan also: units received (intake notes, imports) and returned (return notes) on
  the period's dates, money paid out to the artisan in it, and the balance (payout - paid).

The figures' types are the domain's (``booth_pos.model.report``, re-exported here); the SQL
lives in ``store/reports.py``; this module only adds, rounds and orders.
"""

from __future__ import annotations

import json
import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from booth_pos.clock import from_iso, zone
from booth_pos.model import OPEN_PRICE_SKU, Day, DayError, NoteKind
from booth_pos.model.report import (
    METHOD_KEYS,
    ArtisanFigures,
    ArtisanStatement,
    CashFigures,
    CategoryFigures,
    DayReport,
    DaySlip,
    EventReport,
    HourFigures,
    OriginFigures,
    PaymentFigures,
    ProductFigures,
    SlipLine,
    StatementDay,
    StockLine,
    TillFigures,
)
from booth_pos.money import div_half_up, percent_of
from booth_pos.store import Store
from booth_pos.store import reports as queries

__all__ = [
    "StatementsWait",
    "artisan_statements",
    "check_statements",
    "day_report",
    "day_slips",
    "event_report",
    "report_day",
    "statement_blockers",
]

# -- building ------------------------------------------------------------------------------


@dataclass
class _Rows:
    """The raw SQL rows of some business days, converted to local hours."""

    lines: list[queries.LineTotal]
    payments: list[queries.PaymentTotal]
    hours: list[tuple[int, int, str, int, int]]  # day_id, local hour, origin, sales, total
    artisan_refunds: list[queries.ArtisanRefund]
    method_refunds: list[queries.RefundTotal]
    #: (business date, artisan, units received, units returned) of stock notes
    moved: list[tuple[str, str, int, int]]
    #: (business date, day id, artisan, method, amount) of payouts
    paid: list[tuple[str, int | None, str, str, int]]
    #: (day id, amount): bulk orders' cash deposits net, per day (issue 17)
    deposits: list[tuple[int, int]] = field(default_factory=list)

    def only(self, day_ids: set[int], when: date) -> _Rows:
        """The rows of some business days of one date (notes and payouts by their date)."""
        iso = when.isoformat()
        return _Rows(
            [r for r in self.lines if r.day_id in day_ids],
            [r for r in self.payments if r.day_id in day_ids],
            [r for r in self.hours if r[0] in day_ids],
            [r for r in self.artisan_refunds if r.day_id in day_ids],
            [r for r in self.method_refunds if r.day_id in day_ids],
            [r for r in self.moved if r[0] == iso],
            [r for r in self.paid if r[0] == iso],
            [r for r in self.deposits if r[0] in day_ids],
        )


def _local_hours(buckets: Iterable[queries.SaleBucket], tz_name: str) -> list[tuple]:
    """Fold UTC minute buckets into local hours, exactly in every time zone.

    The zone's offset is looked up once per UTC hour (offsets change on hour or half-hour
    boundaries at worst), then each minute is shifted by it.
    """
    tz = zone(tz_name)
    offsets: dict[str, int] = {}
    folded: dict[tuple[int, int, str], list[int]] = defaultdict(lambda: [0, 0])
    for b in buckets:
        prefix = b.minute_utc[:13]
        offset = offsets.get(prefix)
        if offset is None:
            instant = datetime.fromisoformat(prefix + ":00").replace(tzinfo=UTC)
            offset = offsets[prefix] = int(tz.utcoffset(instant) / timedelta(minutes=1))
        minute_of_day = int(b.minute_utc[11:13]) * 60 + int(b.minute_utc[14:16]) + offset
        hour = (minute_of_day // 60) % 24
        acc = folded[(b.day_id, hour, b.origin)]
        acc[0] += b.sales
        acc[1] += b.total
    return [(d, h, o, s, t) for (d, h, o), (s, t) in folded.items()]


_side = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-pass")


def _fetch(
    store: Store,
    day_ids: Sequence[int],
    tz_name: str,
    *,
    closed: bool = False,
    when: date | None = None,
) -> _Rows:
    """Every pass a report needs over ``day_ids``.

    For closed days (rows that can no longer change) the payments and sales passes run on a
    second connection while this one reads the lines: SQLite releases the GIL while it
    works, so on two cores the report costs little more than its longest pass.
    """
    if not day_ids:  # a date only another till worked: this till's notes and payouts
        rows = _Rows([], [], [], [], [], store.stock.moved_by_artisan(), store.payouts.paid_rows())
        return rows.only(set(), when) if when is not None else rows
    if closed:
        reader = store.reports.reader()
        side = _side.submit(lambda: (reader.payment_totals(day_ids), reader.sale_buckets(day_ids)))
        lines = store.reports.line_totals(day_ids)
        payments, buckets = side.result()
    else:
        lines = store.reports.line_totals(day_ids)
        payments, buckets = (
            store.reports.payment_totals(day_ids),
            store.reports.sale_buckets(day_ids),
        )
    rows = _Rows(
        lines,
        payments,
        _local_hours(buckets, tz_name),
        store.reports.refunds_by_artisan(day_ids),
        store.reports.refunds_by_method(day_ids),
        store.stock.moved_by_artisan(),
        store.payouts.paid_rows(),
        [r for r in store.quotes.drawer_rows() if r[0] in set(day_ids)],
    )
    if when is not None:  # one date: its notes and payouts only
        rows = rows.only(set(day_ids), when)
    return rows


@dataclass(frozen=True)
class _Context:
    """What every report needs besides the rows: artisans, product names, settings."""

    artisans: dict[str, tuple[str, int]]  # code -> (name, commission_bp)
    names: dict[str, str]
    origins: tuple[str, ...]
    header: dict[str, str]


def _context(store: Store) -> _Context:
    settings = store.settings()
    return _Context(
        artisans={a.code: (a.name, a.commission_bp) for a in store.artisans.all()},
        names=store.products.names(),
        origins=tuple(settings.origins),
        header=dict(
            stand_name=settings.stand_name,
            event_name=settings.event_name,
            venue=settings.venue,
            timezone=settings.timezone,
        ),
    )


def _figures(rows: _Rows, days: Sequence[Day], ctx: _Context) -> dict:
    """Every figure of a report from its rows; returned as the ``Report`` fields."""
    # Per artisan: sum the lines, subtract refunds, then round the commission on the net of
    # each rate recorded with the lines (a rate change applies from the next sale on).
    acc: dict[str, list[int]] = {code: [0, 0, 0] for code in ctx.artisans}
    nets: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows.lines:
        a = acc.setdefault(r.artisan_code, [0, 0, 0])
        a[0] += r.items
        a[1] += r.gross
        a[2] += r.line_discounts + r.sale_discount_shares
        nets[r.artisan_code][r.commission_bp] += r.net
    moved: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _when, code, got, back in rows.moved:
        moved[code][0] += got
        moved[code][1] += back
        acc.setdefault(code, [0, 0, 0])
    paid: dict[str, int] = defaultdict(int)
    for _when, _day, code, _method, amount in rows.paid:
        paid[code] += amount
        acc.setdefault(code, [0, 0, 0])
    refunds: dict[str, int] = defaultdict(int)
    for r in rows.artisan_refunds:
        refunds[r.artisan_code] += r.amount
        nets[r.artisan_code][r.commission_bp] -= r.amount
        acc.setdefault(r.artisan_code, [0, 0, 0])
    by_artisan = []
    for code in sorted(acc):
        items, gross, discounts = acc[code]
        name, today = ctx.artisans.get(code, (code, 0))
        net = gross - discounts - refunds[code]
        at_rate = nets.get(code) or {today: 0}  # nothing sold: today's rate, shown
        commission = sum(percent_of(n, bp) for bp, n in at_rate.items())
        main_rate = max(at_rate, key=lambda bp: (at_rate[bp], bp))
        by_artisan.append(
            ArtisanFigures(
                code,
                name,
                main_rate,
                items,
                gross,
                discounts,
                refunds[code],
                net,
                commission,
                net - commission,
                tuple(sorted(at_rate)),
                received_qty=moved[code][0] if code in moved else 0,
                returned_qty=moved[code][1] if code in moved else 0,
                paid_out=paid.get(code, 0),
            )
        )

    received: dict[str, list[int]] = {m: [0, 0] for m in METHOD_KEYS}
    for r in rows.payments:
        pair = received.setdefault(r.method, [0, 0])
        pair[0] += r.amount
        pair[1] += r.tendered
    paid_back: dict[str, int] = defaultdict(int)
    for r in rows.method_refunds:
        paid_back[r.key] += r.amount
    by_payment = tuple(
        PaymentFigures(m, received.get(m, [0, 0])[0], paid_back[m])
        for m in (*METHOD_KEYS, *sorted(set(received) - set(METHOD_KEYS)))
    )

    categories: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    products: dict[str, list] = {}
    for r in rows.lines:
        c = categories[r.category]
        c[0] += r.items
        c[1] += r.gross
        c[2] += r.line_discounts + r.sale_discount_shares
        c[3] += r.net
        # Open-price lines have no product: one row per artisan for all of them.
        key = (r.sku, r.artisan_code if r.sku == OPEN_PRICE_SKU else "")
        p = products.setdefault(key, [r.artisan_code, 0, 0])
        p[1] += r.items
        p[2] += r.net
    by_category = tuple(
        sorted(
            (CategoryFigures(k, *v) for k, v in categories.items()),
            key=lambda c: (-c.net, c.category),
        )
    )
    by_product = tuple(
        sorted(
            (
                ProductFigures(sku, _product_name(ctx, sku), art, items, net)
                for (sku, _), (art, items, net) in products.items()
            ),
            key=lambda p: (-p.net, -p.items, p.sku, p.artisan_code),
        )
    )

    hours: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    origins: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _day, hour, origin, n, total in rows.hours:
        hours[hour][0] += n
        hours[hour][1] += total
        origins[origin][0] += n
        origins[origin][1] += total
    if hours:  # a continuous range, so charts and tables show the quiet hours too
        for h in range(min(hours), max(hours) + 1):
            hours[h]  # noqa: B018 - touching the defaultdict adds the empty hour
    by_hour = tuple(HourFigures(h, *hours[h]) for h in sorted(hours))
    rank = {code: i for i, code in enumerate(ctx.origins)}
    by_origin = tuple(
        OriginFigures(o, *origins[o])
        for o in sorted(origins, key=lambda o: (o == "", rank.get(o, len(rank)), o))
    )

    sales = sum(h.sales for h in by_hour)
    sales_total = sum(h.net for h in by_hour)
    cash_received = received["cash"][0]
    cash_refunds = paid_back["cash"]
    opening = sum(d.opening_float for d in days)
    day_ids = {d.id for d in days}
    cash_payouts = sum(
        amount for _w, day, _c, method, amount in rows.paid if method == "cash" and day in day_ids
    )
    deposits = sum(amount for day, amount in rows.deposits if day in day_ids)
    expected = opening + cash_received - cash_refunds - cash_payouts + deposits
    closed = all(not d.is_open for d in days)
    counted = sum(d.counted or 0 for d in days) if closed else None
    cash = CashFigures(
        opening_float=opening,
        received=cash_received,
        tendered=received["cash"][1],
        refunds=cash_refunds,
        expected=expected,
        counted=counted,
        difference=None if counted is None else counted - expected,
        payouts=cash_payouts,
        deposits=deposits,
    )
    return dict(
        **ctx.header,
        sales=sales,
        items=sum(a.items for a in by_artisan),
        gross=sum(a.gross for a in by_artisan),
        discounts=sum(a.discounts for a in by_artisan),
        refunds=sum(a.refunds for a in by_artisan),
        net=sum(a.net for a in by_artisan),
        commission=sum(a.commission for a in by_artisan),
        payout=sum(a.payout for a in by_artisan),
        average_sale=div_half_up(sales_total, sales) if sales else 0,
        by_artisan=tuple(by_artisan),
        by_payment=by_payment,
        by_category=by_category,
        by_hour=by_hour,
        by_origin=by_origin,
        by_product=by_product,
        cash=cash,
    )


def _product_name(ctx: _Context, sku: str) -> str:
    """A product's name now; "" for an artisan's open-price row (documents label it)."""
    return "" if sku == OPEN_PRICE_SKU else ctx.names.get(sku, sku)


def astuple_rows(rows: _Rows) -> tuple[list, ...]:
    """The eight lists of ``rows``, in field order."""
    return (
        rows.lines, rows.payments, rows.hours, rows.artisan_refunds, rows.method_refunds,
        rows.moved, rows.paid, rows.deposits,
    )  # fmt: skip


def _by_date(days: Iterable[Day]) -> dict[date, list[Day]]:
    grouped: dict[date, list[Day]] = defaultdict(list)
    for d in days:
        grouped[d.business_date].append(d)
    return dict(sorted(grouped.items()))


def report_day(store: Store, business_date: date | None = None) -> date:
    """The business date a day report covers: the one asked for, else the open or last day.

    A date on which only another till (whose records ``sync`` imported) had a day counts.

    Raises:
        DayError: no business day exists yet, or none on ``business_date``.
    """
    if business_date is not None:
        if not store.days.by_date(business_date) and business_date not in _other_dates(store):
            raise DayError(
                en=f"There is no business day on {business_date}",
                id=f"Tidak ada hari usaha pada {business_date}",
            )
        return business_date
    till = store.settings().till
    day = store.days.current(till) or store.days.last(till)
    if day is None:
        all_days = store.days.all()
        if not all_days:
            raise DayError(
                en="No business day has been opened yet", id="Belum ada hari yang dibuka"
            )
        day = all_days[-1]
    return day.business_date


def _other_dates(store: Store) -> set[date]:
    """The business dates of the other tills' days this file knows."""
    if not store.tills.tills():
        return set()
    return {d.business_date for d in _cached_others(store, _context(store)).days}


def day_report(store: Store, business_date: date | None = None, *, tills: bool = True) -> DayReport:
    """The report of one business date (default: the open day, else the last one).

    With other tills' records imported (``sync``), the report covers every till's sales of
    the date, each other till's day as that till ran it (its own float, count and Z), and
    one ``TillFigures`` line per till (``tills``); ``cash`` is then the sum of the drawers.

    Args:
        store: the open store.
        business_date: the date to report; None for the current or last business day.
        tills: False for this till's own figures only (the Z of its own close).

    Returns:
        The day's figures; ``cash.counted`` is None while a day of the date is open.
    """
    with store.snapshot():
        when = report_day(store, business_date)
        days = store.days.by_date(when)
        ctx = _context(store)
        closed = all(not d.is_open for d in days)
        rows = _fetch(store, [d.id for d in days], ctx.header["timezone"], closed=closed, when=when)
        codes = _close_codes(store, days)
        known = _known(store, ctx, [d.id for d in days]) if tills else None
    if known is None:
        return DayReport(
            **_figures(rows, days, ctx), business_date=when, days=tuple(days), close_codes=codes
        )
    own_days = list(days)
    other_days = [d for d in known.others.days if d.business_date == when]
    days = [*days, *other_days]
    other = known.others.rows.only({d.id for d in other_days}, when)
    rows = _Rows(*(a + b for a, b in zip(astuple_rows(rows), astuple_rows(other), strict=True)))
    return DayReport(
        **_figures(rows, days, ctx),
        business_date=when,
        days=tuple(days),
        close_codes=codes,
        tills=_till_lines(known, own_days, other_days, rows, ctx, dict(codes)),
    )


def _close_codes(store: Store, days: Iterable[Day]) -> tuple[tuple[int, str], ...]:
    """(Z number, verification code of its journal entry) of each closed day."""
    from booth_pos.store.journal import verification_code

    return tuple(
        (d.z_no, verification_code(store.journal.close_hash(d.z_no)))
        for d in days
        if d.z_no is not None
    )


@dataclass
class _Others:
    """What this file knows of the other tills, read from their imported journal entries.

    Attributes:
        days: their business days (ids below zero, see ``_other_tills``).
        rows: their report rows, on those days.
        till_of: day id -> till code.
        receipts: day id -> (chain number, receipt number) of the day's last sale.
        zcodes: day id -> (Z number, verification code) of the day's close.
        unclosed: the tills with journal entries after their last day close (an open day,
            a payout or a note since): their records are not covered by a close yet.
    """

    days: list[Day]
    rows: _Rows
    till_of: dict[int, str]
    receipts: dict[int, tuple[int, str]]
    zcodes: dict[int, tuple[int, str]]
    unclosed: set[str]


def _other_tills(store: Store, tz_name: str, ctx: _Context) -> _Others:
    """The business days and report rows of the stand's other tills, read from their journal
    entries that ``sync`` imported (their payloads hold every figure a report sums).

    Each other till's day gets an id of its own below zero (its own id would collide with
    this file's days) and no Z number on the ``Day`` (Z numbers are per till: the report's
    close codes are this till's; the other till's own are in ``_Others.zcodes``). Sales,
    refunds and payouts keep their till's day, so the event's sums are each till's own
    figures added up.
    """
    from booth_pos.store.journal import verification_code

    days: dict[tuple[str, int], Day] = {}
    lines, payments, buckets, refunds, paid_back, moved, paid = [], [], [], [], [], [], []
    ids: dict[tuple[str, object], int] = {}
    till_of: dict[int, str] = {}
    receipts: dict[int, tuple[int, str]] = {}
    zcodes: dict[int, tuple[int, str]] = {}
    unclosed: set[str] = set()
    maker = {p["sku"]: p["artisan_code"] for p in store.tills.catalogue()[1]}

    def day_id(till: str, day) -> int:
        found = ids.setdefault((till, day), -(len(ids) + 1))
        till_of[found] = till
        return found

    for till in store.tills.tills():
        last_close = last = 0
        for e in store.tills.entries(till, "journal"):
            last = e.id
            r = json.loads(e.payload)
            if e.kind == "day_open":
                key = (till, r["day"])
                days[key] = Day(
                    day_id(*key),
                    date.fromisoformat(r["business_date"]),
                    from_iso(r["at"]),
                    r["opening_float"],
                )
            elif e.kind == "day_close" and (till, r["day"]) in days:
                last_close = e.id
                key = (till, r["day"])
                days[key] = replace(days[key], closed_at=from_iso(r["at"]), counted=r["counted"])
                zcodes[days[key].id] = (r["z_no"], verification_code(e.hash))
            elif e.kind == "sale":
                d = day_id(till, r["day"])
                receipts[d] = (e.id, e.ref)
                for ln in r["lines"]:
                    bp = ln.get("commission_bp", ctx.artisans.get(ln["artisan"], ("", 0))[1])
                    lines.append(
                        queries.LineTotal(
                            d,
                            ln["artisan"],
                            bp,
                            ln["sku"],
                            ln["category"],
                            ln["qty"],
                            ln["unit_price"] * ln["qty"],
                            ln["line_discount"],
                            ln["share"],
                            ln["net"],
                        )  # fmt: skip
                    )
                for p in r["payments"]:
                    payments.append(
                        queries.PaymentTotal(d, p["method"], p["amount"], p["tendered"])
                    )
                buckets.append(queries.SaleBucket(d, r["at"][:16], r["origin"], 1, r["total"]))
            elif e.kind in ("void", "refund"):
                d = day_id(till, r["day"])
                for ln in r["lines"]:
                    bp = ln.get("commission_bp", ctx.artisans.get(ln["artisan"], ("", 0))[1])
                    refunds.append(queries.ArtisanRefund(d, ln["artisan"], bp, ln["amount"]))
                for p in r["payments"]:
                    paid_back.append(queries.RefundTotal(d, p["method"], p["amount"]))
            elif e.kind == "stock_note" and r["kind"] in ("intake", "import", "return"):
                for line in r["lines"]:  # by the product's artisan, as this till's notes
                    code = maker.get(line[0], r["artisan"])
                    got, back = (line[2], 0) if r["kind"] != "return" else (0, -line[2])
                    moved.append((r["business_date"], code, got, back))
            elif e.kind == "payout":
                d = None if r["day"] is None else day_id(till, r["day"])
                paid.append((r["business_date"], d, r["artisan"], r["method"], r["amount"]))
        if last > last_close:
            unclosed.add(till)
    rows = _Rows(
        _summed(lines, 5, queries.LineTotal),
        _summed(payments, 2, queries.PaymentTotal),
        _local_hours(buckets, tz_name),
        _summed(refunds, 3, queries.ArtisanRefund),
        _summed(paid_back, 2, queries.RefundTotal),
        moved,
        paid,
    )
    return _Others(list(days.values()), rows, till_of, receipts, zcodes, unclosed)


def _summed(rows: list, key_len: int, kind):
    """Rows added up by their first ``key_len`` fields (as the SQL passes GROUP BY): a
    report sums them anyway, and ten thousand sales become a few hundred rows."""
    acc: dict[tuple, list[int]] = {}
    for r in rows:
        key = tuple(r[:key_len])
        found = acc.get(key)
        if found is None:
            acc[key] = list(r[key_len:])
        else:
            for i, v in enumerate(r[key_len:]):
                found[i] += v
    return [kind(*k, *v) for k, v in acc.items()]


#: The last ``_Others`` read per store, with what it was read from (see ``_cached_others``).
_OTHERS_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _cached_others(store: Store, ctx: _Context) -> _Others:
    """``_other_tills``, read again only when something it depends on changed.

    Imported entries are append-only (triggers refuse updates and deletes), so their count
    and highest row id say whether any arrived; the catalogue's makers, the artisans'
    rates and the time zone are compared as they are.
    """
    key = (
        store.tills.version(),
        ctx.header["timezone"],
        tuple(sorted(ctx.artisans.items())),
        tuple(sorted((p["sku"], p["artisan_code"]) for p in store.tills.catalogue()[1])),
    )
    found = _OTHERS_CACHE.get(store)
    if found is not None and found[0] == key:
        return found[1]
    others = _other_tills(store, ctx.header["timezone"], ctx)
    _OTHERS_CACHE[store] = (key, others)
    return others


@dataclass
class _Known:
    """The other tills' records plus what the per-till lines need of this file."""

    till: str
    others: _Others
    tills: list[str]
    received_at: dict[str, str]
    exported_at: dict[str, str]
    last_receipt: str | None


def _known(store: Store, ctx: _Context, own_day_ids: Sequence[int]) -> _Known | None:
    """What this file knows of the other tills (inside the caller's snapshot); None when it
    never received another till's records (the report is then this till's alone)."""
    tills = [t for t in store.tills.tills() if t != store.settings().till]
    if not tills:
        return None
    return _Known(
        store.settings().till,
        _cached_others(store, ctx),
        tills,
        store.tills.received_at(),
        store.tills.exported_at(),
        store.reports.last_receipt(list(own_day_ids)),
    )


def _subset(rows: _Rows, day_ids: set[int]) -> _Rows:
    """The rows of some days (payouts by their day: a till's drawer)."""
    return _Rows(
        [r for r in rows.lines if r.day_id in day_ids],
        [r for r in rows.payments if r.day_id in day_ids],
        [r for r in rows.hours if r[0] in day_ids],
        [r for r in rows.artisan_refunds if r.day_id in day_ids],
        [r for r in rows.method_refunds if r.day_id in day_ids],
        [],
        [r for r in rows.paid if r[1] in day_ids],
    )


def _till_lines(
    known: _Known,
    own_days: Sequence[Day],
    other_days: Sequence[Day],
    rows: _Rows,
    ctx: _Context,
    own_codes: dict[int, str],
) -> tuple[TillFigures, ...]:
    """One line per till: this one first, then every other known till by code.

    A till is ``pending`` when one of its days in the period is still open in what this
    file received: it may have sold after the bundle was written, and nothing here can
    tell. A closed day is complete (a sale after the close belongs to another day).
    """
    others = known.others
    by_till: dict[str, list[Day]] = defaultdict(list)
    for d in other_days:
        by_till[others.till_of[d.id]].append(d)
    lines = []
    for till in [known.till, *known.tills]:
        own = till == known.till
        days = list(own_days) if own else by_till.get(till, [])
        ids = {d.id for d in days}
        f = _figures(_subset(rows, ids), days, ctx)
        if not days:  # no drawer of this till in the period: nothing was counted
            f["cash"] = replace(f["cash"], counted=None, difference=None)
        if own:
            receipt = known.last_receipt
            codes = tuple((d.z_no, own_codes[d.z_no]) for d in days if d.z_no in own_codes)
        else:
            found = [others.receipts[i] for i in ids if i in others.receipts]
            receipt = max(found)[1] if found else None
            codes = tuple(others.zcodes[d.id] for d in days if d.id in others.zcodes)
        received = None if own else known.received_at.get(till)
        exported = None if own else known.exported_at.get(till)
        lines.append(
            TillFigures(
                till,
                own,
                receipt,
                from_iso(received) if received else None,
                from_iso(exported) if exported else None,
                f["sales"],
                f["net"],
                f["cash"],
                tuple(days),
                codes,
                pending=not own and any(d.is_open for d in days),
            )
        )
    return tuple(lines)


def event_report(store: Store) -> EventReport:
    """The whole event: every business day, in one pass per table, and each day's report.

    Commission is computed on the event's net per artisan, so it can differ by a rupiah or
    so from the sum of the daily commissions (each rounded on its own day's net). With other
    tills' records imported, it covers every till (one ``TillFigures`` line each).

    Raises:
        DayError: no business day exists yet.
    """
    with store.snapshot():
        days = store.days.all()
        known = _known(store, _context(store), [d.id for d in days])
        if not days and (known is None or not known.others.days):
            raise DayError(
                en="No business day has been opened yet", id="Belum ada hari yang dibuka"
            )
        ctx = _context(store)
        closed = all(not d.is_open for d in days)
        rows = _fetch(store, [d.id for d in days], ctx.header["timezone"], closed=closed)
        codes = dict(_close_codes(store, days))
    own_days = list(days)
    till_lines: tuple[TillFigures, ...] = ()
    if known is not None:
        # The other tills' records merged by ``sync``: the main till's event report is the
        # stand's.
        other_days = known.others.days
        days = [*days, *other_days]
        other = known.others.rows
        rows = _Rows(*(a + b for a, b in zip(astuple_rows(rows), astuple_rows(other), strict=True)))
        till_lines = _till_lines(known, own_days, other_days, rows, ctx, codes)
    per_day = tuple(
        DayReport(
            **_figures(rows.only({d.id for d in group}, when), group, ctx),
            business_date=when,
            days=tuple(group),
            close_codes=tuple((d.z_no, codes[d.z_no]) for d in group if d.z_no in codes),
        )
        for when, group in _by_date(days).items()
    )
    return EventReport(**_figures(rows, days, ctx), day_reports=per_day, tills=till_lines)


def statement_blockers(store: Store) -> list[str]:
    """The other tills whose last bundle here does not end on a day close: a day still
    open in it, or records after its last close (a payout, a note, a new day). Until a
    bundle covering that till's close arrives, its figures may still change."""
    with store.snapshot():
        known = _known(store, _context(store), [])
    return sorted(known.others.unclosed) if known is not None else []


class StatementsWait(DayError):
    """The artisans' statements wait for the bundles of tills not closed yet."""


def check_statements(store: Store) -> None:
    """Refuse the end-of-event statements while a till's close has not been received.

    Raises:
        StatementsWait: naming the tills to close and send a bundle from.
    """
    waiting = statement_blockers(store)
    if waiting:
        names = ", ".join(waiting)
        raise StatementsWait(
            en=f"The artisan statements wait: till {names} has not sent a bundle since its "
            "last close; close its day there and import its bundle (or --force)",
            id=f"Laporan pengrajin menunggu: kasir {names} belum mengirim bundel sejak tutup "
            "kasir terakhir; tutup harinya di sana lalu impor bundelnya (atau --force)",
        )


# -- end-of-event statements -----------------------------------------------------------------


def artisan_statements(store: Store, event: EventReport | None = None) -> list[ArtisanStatement]:
    """One statement per artisan (those with no sales and no stock are left out).

    Args:
        store: the open store.
        event: the event report, if already built (saves building it again).
    """
    event = event or event_report(store)
    with store.snapshot():
        ledger = store.stock.ledger()
        notes = store.stock.notes()
        paid = store.payouts.all()
        skus_of: dict[str, set[str]] = defaultdict(set)
        for row in ledger:
            skus_of[row.artisan_code].add(row.sku)
        open_rows = {p.artisan_code: p for p in event.by_product if p.open_price}
    stock: dict[str, list[StockLine]] = defaultdict(list)
    for r in ledger:
        stock[r.artisan_code].append(
            StockLine(
                r.sku, r.name, r.received, r.sold, r.refunded, r.returned, r.counted_diff,
                r.on_hand, r.needs_count,
            )
        )  # fmt: skip
    statements = []
    for total in event.by_artisan:
        code = total.code
        mine = [n for n in notes if n.artisan_code == code]
        counts = []
        for n in notes:
            if n.kind is NoteKind.COUNT:
                lines = tuple(ln for ln in n.lines if ln.sku in skus_of[code])
                if lines:
                    counts.append(replace(n, lines=lines))
        payouts = tuple(p for p in paid if p.artisan_code == code)
        if not (total.items or total.refunds or stock.get(code) or mine or payouts):
            continue
        days = tuple(
            StatementDay(d.business_date, d.artisan(code))
            for d in event.day_reports
            if any(a.code == code for a in d.by_artisan)
        )
        statements.append(
            ArtisanStatement(
                event.stand_name,
                event.event_name,
                event.venue,
                total,
                days,
                tuple(stock.get(code, ())),
                intakes=tuple(n for n in mine if n.kind is NoteKind.INTAKE),
                returns=tuple(n for n in mine if n.kind is NoteKind.RETURN),
                counts=tuple(counts),
                payouts=payouts,
                open_price=open_rows.get(code),
            )
        )
    return statements


# -- the artisans' day slips --------------------------------------------------------------------


def day_slips(store: Store, business_date: date | None = None) -> list[DaySlip]:
    """One slip per artisan who sold, had goods back or was paid on the date: what sold
    (product, qty, net), the day's figures and the running event balance up to that day.

    The balance is the payout owed over every business day up to and including this one
    (commission rounded on that whole period's net, as the event report does) minus every
    payment made up to then.

    Raises:
        DayError: no business day on ``business_date`` (or none at all).
    """
    report = day_report(store, business_date, tills=False)  # the slips are this till's day
    when = report.business_date
    with store.snapshot():
        ctx = _context(store)
        upto = [d for d in store.days.all() if d.business_date <= when]
        rows = _fetch(store, [d.id for d in upto], ctx.header["timezone"])
    iso = when.isoformat()
    rows.moved = [r for r in rows.moved if r[0] <= iso]
    rows.paid = [r for r in rows.paid if r[0] <= iso]
    so_far = {a.code: a for a in _figures(rows, upto, ctx)["by_artisan"]}
    today = {d.id for d in report.days}
    sold: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for r in rows.lines:
        if r.day_id in today:
            acc = sold[r.artisan_code].setdefault(r.sku, [0, 0])
            acc[0] += r.items
            acc[1] += r.net
    slips = []
    for figures in report.by_artisan:
        code = figures.code
        if not (figures.items or figures.refunds or figures.paid_out or figures.returned_qty):
            continue
        lines = tuple(
            sorted(
                (
                    SlipLine(sku, ctx.names.get(sku, sku), qty, net)
                    for sku, (qty, net) in sold.get(code, {}).items()
                ),
                key=lambda ln: (-ln.net, ln.name),
            )
        )
        total = so_far.get(code)
        slips.append(
            DaySlip(
                report.stand_name,
                report.event_name,
                when,
                code,
                figures.name,
                lines,
                figures,
                total.balance if total is not None else 0,
            )
        )
    return slips
