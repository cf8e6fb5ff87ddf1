"""End of day and end of event: every figure checked against the money rules, to the rupiah.

Sales are rung up through ``selling.complete`` like the till does, over several days, with
line and sale discounts, split tenders and cash change. Expected figures are computed HERE,
straight from the rules in design.md, with this file's own arithmetic (not money.py).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from helpers import raw

from booth_pos.cli import output
from booth_pos.model import Artisan, Cart, DayError, Discount, Method, Tender
from booth_pos.services import days, reports, selling
from booth_pos.store import open_store

WIB = ZoneInfo("Asia/Jakarta")
DAY1 = date(2023, 3, 1)


# -- the rules, written out independently --------------------------------------------------------


def half_up(numerator: int, denominator: int) -> int:
    """Non-negative numerator / denominator, halves rounded up."""
    assert numerator >= 0
    q, r = divmod(numerator, denominator)
    return q + (1 if 2 * r >= denominator else 0)


def shares(total: int, weights: list[int]) -> list[int]:
    """Floor each proportional share, leftovers to the largest remainders, earlier first."""
    base = sum(weights)
    if base == 0:
        return [0] * len(weights)
    floors = [total * w // base for w in weights]
    rems = [total * w % base for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-rems[i], i))
    for i in order[: total - sum(floors)]:
        floors[i] += 1
    return floors


@dataclasses.dataclass
class Expect:
    """Figures accumulated from the rules as the test rings sales up."""

    items: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    gross: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    discounts: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    net: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    methods: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    category_net: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    category_items: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    hour_sales: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    hour_net: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    origin_sales: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    origin_net: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    product_items: dict = dataclasses.field(default_factory=lambda: defaultdict(int))
    sales: int = 0
    sales_total: int = 0
    cash_kept: int = 0
    cash_tendered: int = 0
    opening_float: int = 0
    counted: int | None = None


def ring_up(store, clock, rng: random.Random, when: datetime, expect: Expect) -> None:
    """One random sale through the till's service, with its expected figures noted."""
    products = store.products.all()
    cart = Cart(cashier="Rina", origin=rng.choice(["ID", "ID", "ID", "KR", "FR", "IN", ""]))
    for p in rng.sample(products, rng.randint(1, 4)):
        cart.add(p, rng.choice([1, 1, 2, 3]))
    line_disc = []
    for i, line in enumerate(cart.lines):
        roll = rng.random()
        if roll < 0.25:
            bp = rng.choice([500, 1000, 1250, 3333])
            cart.set_line_discount(i, Discount("percent", bp))
            line_disc.append(half_up(line.unit_price * line.qty * bp, 10_000))
        elif roll < 0.4:
            amount = min(line.unit_price * line.qty, rng.choice([1_000, 7_500, 12_345]))
            cart.set_line_discount(i, Discount("amount", amount))
            line_disc.append(amount)
        else:
            line_disc.append(0)
    amounts = [ln.unit_price * ln.qty - d for ln, d in zip(cart.lines, line_disc, strict=True)]
    subtotal = sum(amounts)
    roll = rng.random()
    sale_disc = 0
    if roll < 0.3:
        bp = rng.choice([500, 750, 1000])
        cart.set_discount(Discount("percent", bp))
        sale_disc = half_up(subtotal * bp, 10_000)
    elif roll < 0.45:
        sale_disc = min(subtotal, rng.choice([5_000, 10_001, 25_000]))
        cart.set_discount(Discount("amount", sale_disc))
    line_shares = shares(sale_disc, amounts)
    total = subtotal - sale_disc

    kind = rng.choice(["cash_change", "cash_exact", "split", "qris", "card", "transfer"])
    if kind == "cash_change":
        tendered = -(-total // 50_000) * 50_000 + rng.choice([0, 50_000])
        tenders = [Tender(Method.CASH, tendered)]
        kept = {"cash": total}
        expect.cash_tendered += tendered
    elif kind == "cash_exact":
        tenders = [Tender(Method.CASH, total)]
        kept = {"cash": total}
        expect.cash_tendered += total
    elif kind == "split" and total >= 2:
        first = total // 2
        rest = total - first
        tendered = rest + rng.choice([0, 1_500, 20_000])
        tenders = [Tender(Method.QRIS, first, "QR1"), Tender(Method.CASH, tendered)]
        kept = {"qris": first, "cash": rest}
        expect.cash_tendered += tendered
    else:
        method = "card" if kind == "split" else kind
        tenders = [Tender(Method(method), None, "ref")]
        kept = {method: total}

    clock.set(when)
    sale = selling.complete(store, cart, tenders, clock)
    assert sale.total == total  # the rules and the till agree on the sale itself

    for line, disc, share, amount in zip(cart.lines, line_disc, line_shares, amounts, strict=True):
        code = line.artisan_code
        expect.items[code] += line.qty
        expect.gross[code] += line.unit_price * line.qty
        expect.discounts[code] += disc + share
        expect.net[code] += amount - share
        expect.category_net[line.category] += amount - share
        expect.category_items[line.category] += line.qty
        expect.product_items[line.sku] += line.qty
    for method, amount in kept.items():
        expect.methods[method] += amount
    expect.cash_kept += kept.get("cash", 0)
    hour = when.astimezone(WIB).hour
    expect.hour_sales[hour] += 1
    expect.hour_net[hour] += total
    expect.origin_sales[cart.origin] += 1
    expect.origin_net[cart.origin] += total
    expect.sales += 1
    expect.sales_total += total


def replay(store, clock, n_days: int = 3, per_day: int = 40, seed: int = 5) -> list[Expect]:
    """Open, sell and close ``n_days`` days; return each day's expected figures."""
    rng = random.Random(seed)
    result = []
    for d in range(n_days):
        day_date = DAY1 + timedelta(days=d)
        expect = Expect(opening_float=rng.choice([0, 300_000, 500_000]))
        clock.set(datetime.combine(day_date, time(9, 30), WIB))
        days.open_day(store, clock, expect.opening_float)
        for s in sorted(rng.randrange(0, 11 * 3600) for _ in range(per_day)):
            when = datetime.combine(day_date, time(10), WIB) + timedelta(seconds=s)
            ring_up(store, clock, rng, when, expect)
        clock.set(datetime.combine(day_date, time(21, 5), WIB))
        expected_cash = expect.opening_float + expect.cash_kept
        expect.counted = expected_cash + rng.choice([0, -2_000, 5_000])
        days.close_day(store, clock, expect.counted)
        result.append(expect)
    return result


def check_report(report, expect: Expect, artisans: dict[str, Artisan]) -> None:
    """Compare every figure of ``report`` with the figures ``expect`` built from the rules."""
    codes = set(artisans) | set(expect.items)
    assert [a.code for a in report.by_artisan] == sorted(codes)
    for a in report.by_artisan:
        net = expect.net.get(a.code, 0)
        bp = artisans[a.code].commission_bp
        commission = half_up(net * bp, 10_000)
        assert (a.name, a.commission_bp) == (artisans[a.code].name, bp)
        assert a.items == expect.items.get(a.code, 0), a.code
        assert a.gross == expect.gross.get(a.code, 0), a.code
        assert a.discounts == expect.discounts.get(a.code, 0), a.code
        assert a.refunds == 0
        assert a.net == net == a.gross - a.discounts - a.refunds, a.code
        assert a.commission == commission, a.code
        assert a.payout == net - commission, a.code
    assert report.sales == expect.sales
    assert report.items == sum(expect.items.values())
    assert report.gross == sum(expect.gross.values())
    assert report.discounts == sum(expect.discounts.values())
    assert report.refunds == 0
    assert report.net == sum(expect.net.values()) == expect.sales_total
    assert report.average_sale == (half_up(expect.sales_total, expect.sales) if expect.sales else 0)
    assert {p.method: p.received for p in report.by_payment} == {
        m: expect.methods.get(m, 0) for m in ("cash", "qris", "card", "transfer")
    }
    assert {c.category: (c.items, c.net) for c in report.by_category} == {
        k: (expect.category_items[k], v) for k, v in expect.category_net.items()
    }
    hours = {h.hour: (h.sales, h.net) for h in report.by_hour if h.sales}
    assert hours == {h: (n, expect.hour_net[h]) for h, n in expect.hour_sales.items()}
    assert {o.origin: (o.sales, o.net) for o in report.by_origin} == {
        o: (n, expect.origin_net[o]) for o, n in expect.origin_sales.items()
    }
    assert {p.sku: p.items for p in report.by_product} == dict(expect.product_items)
    nets = [p.net for p in report.top_products]
    assert nets == sorted(nets, reverse=True) and len(nets) <= 10

    cash = report.cash
    assert cash.opening_float == expect.opening_float
    assert cash.received == expect.cash_kept
    assert cash.change == expect.cash_tendered - expect.cash_kept
    assert cash.expected == expect.opening_float + expect.cash_kept
    assert cash.counted == expect.counted
    assert cash.difference == expect.counted - cash.expected


@pytest.fixture
def replayed(demo_store, clock):
    """Three closed days of 40 sales each on the demo stand, with their expected figures."""
    return demo_store, replay(demo_store, clock)


def test_each_day_report_matches_the_rules_to_the_rupiah(replayed):
    """Per artisan, method, category, hour, origin and cash: each day's figures are exact."""
    store, expected = replayed
    artisans = {a.code: a for a in store.artisans.all()}
    for i, expect in enumerate(expected):
        report = reports.day_report(store, DAY1 + timedelta(days=i))
        check_report(report, expect, artisans)
        assert report.z_numbers == (i + 1,) and not report.is_open


def test_event_report_sums_the_days_and_rounds_commission_once(replayed):
    """The event is the sum of its days; commission is taken once, on the event's net."""
    store, expected = replayed
    artisans = {a.code: a for a in store.artisans.all()}
    total = Expect(opening_float=sum(e.opening_float for e in expected))
    for e in expected:
        for name in (
            "items",
            "gross",
            "discounts",
            "net",
            "methods",
            "category_net",
            "category_items",
            "hour_sales",
            "hour_net",
            "origin_sales",
            "origin_net",
            "product_items",
        ):
            for k, v in getattr(e, name).items():
                getattr(total, name)[k] += v
        total.sales += e.sales
        total.sales_total += e.sales_total
        total.cash_kept += e.cash_kept
        total.cash_tendered += e.cash_tendered
    total.counted = sum(e.counted for e in expected)
    event = reports.event_report(store)
    check_report(event, total, artisans)
    assert [d.business_date for d in event.day_reports] == [
        DAY1 + timedelta(days=i) for i in range(3)
    ]
    for day_in_event, expect in zip(event.day_reports, expected, strict=True):
        check_report(day_in_event, expect, artisans)


def test_totals_over_artisans_equal_the_days_totals(replayed):
    """Artisans, methods, categories and hours all add up to the day's stored sales."""
    store, _ = replayed
    for d in store.days.all():
        r = reports.day_report(store, d.business_date)
        stored = raw(store).execute(
            "SELECT count(*), sum(total) FROM sales WHERE day_id = ?", (d.id,)
        ).fetchone()
        assert (r.sales, r.net) == stored
        assert sum(a.net for a in r.by_artisan) == r.net
        assert sum(a.gross for a in r.by_artisan) == r.gross
        assert sum(a.commission for a in r.by_artisan) == r.commission
        assert sum(a.payout for a in r.by_artisan) == r.payout == r.net - r.commission
        assert sum(p.net for p in r.by_payment) == r.net
        assert sum(c.net for c in r.by_category) == r.net
        assert sum(h.net for h in r.by_hour) == r.net
        assert sum(o.sales for o in r.by_origin) == r.sales
        assert r.gross - r.discounts - r.refunds == r.net


def test_a_closed_day_refuses_sales(demo_store, clock):
    """After the close, the till cannot ring up a sale into that day (or any day)."""
    days.open_day(demo_store, clock, 100_000)
    days.close_day(demo_store, clock, 100_000)
    cart = Cart()
    selling.add(demo_store, cart, "ECO-01")
    with pytest.raises(DayError):
        selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    assert demo_store.sales.count() == 0
    assert reports.day_report(demo_store).sales == 0


def test_closing_twice_is_refused_and_keeps_the_first_count(demo_store, clock):
    """A second close of the same day is refused and changes nothing."""
    days.open_day(demo_store, clock, 200_000)
    first = days.close_day(demo_store, clock, 200_000)
    with pytest.raises(DayError, match="already closed"):
        days.close_day(demo_store, clock, 999_000)
    again = demo_store.days.get(first.id)
    assert (again.counted, again.z_no, again.closed_at) == (200_000, 1, first.closed_at)


def test_z_numbers_are_consecutive_across_days(demo_store, clock):
    """Each close takes the next Z number: 1, 2, 3, 4."""
    for i in range(4):
        clock.set(datetime.combine(DAY1 + timedelta(days=i), time(10), WIB))
        days.open_day(demo_store, clock, 0)
        assert days.close_day(demo_store, clock, 0).z_no == i + 1
    assert [d.z_no for d in demo_store.days.all()] == [1, 2, 3, 4]


def test_open_day_report_has_expected_cash_but_no_count(demo_store, clock):
    """While the day is open, counted and difference are None (null in JSON)."""
    days.open_day(demo_store, clock, 500_000)
    cart = Cart()
    selling.add(demo_store, cart, "ECO-04")  # Rp 165.000
    selling.complete(demo_store, cart, [Tender(Method.CASH, 200_000)], clock)
    report = reports.day_report(demo_store)
    assert report.is_open and report.z_numbers == ()
    assert report.cash.expected == 665_000 == days.expected_cash(demo_store, report.days[0])
    assert report.cash.counted is None and report.cash.difference is None
    data = output.report_json(report)
    assert data["cash"] == {
        "float": 500_000,
        "expected": 665_000,
        "counted": None,
        "difference": None,
    }


def test_close_runs_its_hooks_after_the_commit(demo_store, clock):
    """The backup hook (issue 6) sees the closed day, already on disk."""
    days.open_day(demo_store, clock, 0)
    seen = []

    def hook(day):
        other = open_store(demo_store.path)  # a second connection: what is on disk
        try:
            seen.append((day.z_no, other.days.get(day.id).z_no))
        finally:
            other.close()

    days.close_day(demo_store, clock, 0, on_closed=[hook])
    assert seen == [(1, 1)]


def test_report_json_has_exactly_the_issue_keys(replayed):
    """The JSON keys tools rely on, with integer amounts and a string commission_percent."""
    store, _ = replayed
    data = output.report_json(reports.day_report(store))
    required = {
        "day",
        "sales",
        "items",
        "gross",
        "discounts",
        "refunds",
        "net",
        "by_artisan",
        "by_payment",
        "cash",
    }
    assert required <= set(data) and "event" not in data
    assert data["day"] == "2023-03-03"
    for row in data["by_artisan"]:
        assert list(row) == [
            "code",
            "name",
            "items",
            "gross",
            "discounts",
            "refunds",
            "net",
            "commission_percent",
            "commission",
            "payout",
        ]
        assert isinstance(row["commission_percent"], str)
        assert all(
            type(row[k]) is int for k in row if k not in ("code", "name", "commission_percent")
        )
    assert {r["code"]: r["commission_percent"] for r in data["by_artisan"]}["BKR"] == "12.5"
    assert list(data["by_payment"]) == ["cash", "qris", "card", "transfer"]
    assert list(data["cash"]) == ["float", "expected", "counted", "difference"]
    event = output.report_json(reports.event_report(store))
    assert required - {"day"} | {"event"} <= set(event) and "day" not in event
    assert event["event"] == "Ina Craft 2023"


def test_csv_has_one_row_per_artisan_and_neutralises_formulas(demo_store, clock, tmp_path):
    """Names that a spreadsheet would run as formulas arrive as plain text."""
    from booth_pos.documents import export

    evil = ['=HYPERLINK("http://x")', "+62 812", "-SUM(A1)", "@cmd"]
    demo_store.artisans.upsert(
        [Artisan(f"X{i}", name, commission_bp=1000) for i, name in enumerate(evil)]
    )
    days.open_day(demo_store, clock, 0)
    text = export.artisans_csv_bytes(reports.day_report(demo_store)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == list(export.COLUMNS)
    assert len(rows) == 1 + len(demo_store.artisans.all())
    names = {r[0]: r[1] for r in rows[1:]}
    assert [names[f"X{i}"] for i in range(4)] == ["'" + n for n in evil]
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_refunds_plug_in_per_artisan_and_method(demo_store, clock):
    """A refund (issue 6) moves net, commission, by_payment and cash on the day it is made."""
    from booth_pos.services import corrections, staff

    day = days.open_day(demo_store, clock, 100_000)
    cart = Cart()
    selling.add(demo_store, cart, "ECO-04")  # Rp 165.000, ECO 15 %
    selling.add(demo_store, cart, "4*BKR-05")  # 4 x Rp 25.000, BKR 12.5 %
    selling.complete(demo_store, cart, [Tender(Method.CASH, 265_000)], clock)
    staff.add_staff(demo_store, "Dewi", "supervisor", "2468", clock, cost=staff.PinCost(16, 1, 1))
    corrections.refund(
        demo_store, "T1-000001", items=["2*BKR-05"], reason="rusak", supervisor="Dewi",
        pin="2468", clock=clock,
    )  # fmt: skip
    report = reports.day_report(demo_store)
    bkr = report.artisan("BKR")
    assert (bkr.gross, bkr.refunds, bkr.net) == (100_000, 50_000, 50_000)
    assert (bkr.commission, bkr.payout) == (6_250, 43_750)
    assert (report.refunds, report.net) == (50_000, 215_000)
    assert report.payment("cash").received == 265_000 and report.payment("cash").net == 215_000
    assert report.cash.expected == 100_000 + 265_000 - 50_000
    assert days.expected_cash(demo_store, day) == 315_000
    assert output.report_json(report)["by_payment"]["cash"] == 215_000


def test_a_line_cannot_claim_another_day_than_its_sale(demo_store, clock):
    """The reports trust day_id on lines: the database refuses a mismatching one."""
    import sqlite3

    day = days.open_day(demo_store, clock, 0)
    cart = Cart()
    selling.add(demo_store, cart, "ECO-04")
    sale = selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    assert raw(demo_store).execute(
        "SELECT day_id FROM sale_lines WHERE sale_id = ?", (sale.id,)
    ).fetchone() == (day.id,)
    with pytest.raises(sqlite3.DatabaseError, match="differs from the day"):
        raw(demo_store).execute(
            "INSERT INTO sale_lines(sale_id, line_no, sku, name, artisan_code, category, "
            "unit_price, qty, line_discount, sale_discount_share, net, day_id, commission_bp) "
            "VALUES (?, 9, 'ECO-04', 'x', 'ECO', 'c', 1, 1, 0, 0, 1, ?, 1000)",
            (sale.id, day.id + 1),
        )


def test_a_line_written_without_its_day_gets_the_day_of_its_sale(demo_store, clock):
    """Another writer that leaves day_id out still lands in the right day's report."""
    day = days.open_day(demo_store, clock, 0)
    cart = Cart()
    selling.add(demo_store, cart, "ECO-04")
    sale = selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    raw(demo_store).execute(
        "INSERT INTO sale_lines(sale_id, line_no, sku, name, artisan_code, category, "
        "unit_price, qty, line_discount, sale_discount_share, net, commission_bp) "
        "VALUES (?, 2, 'BKR-05', 'Masker', 'BKR', 'Aksesoris', 1000, 1, 0, 0, 1000, 1000)",
        (sale.id,),
    )
    assert raw(demo_store).execute(
        "SELECT day_id FROM sale_lines WHERE sale_id = ? AND line_no = 2", (sale.id,)
    ).fetchone() == (day.id,)
    assert reports.day_report(demo_store).artisan("BKR").net == 1000


def test_hours_are_local_even_in_a_half_hour_zone(demo_store, clock):
    """A stand in India (UTC+05:30): a sale at 10:45 local counts in hour 10, not 11."""
    settings = demo_store.settings()
    demo_store.save_settings(dataclasses.replace(settings, timezone="Asia/Kolkata"))
    ist = ZoneInfo("Asia/Kolkata")
    clock.set(datetime(2023, 3, 1, 9, 0, tzinfo=ist))
    days.open_day(demo_store, clock, 0)
    for hh, mm in ((10, 45), (11, 5), (11, 29), (11, 31)):
        cart = Cart()
        selling.add(demo_store, cart, "ECO-04")
        clock.set(datetime(2023, 3, 1, hh, mm, tzinfo=ist))
        selling.complete(demo_store, cart, [Tender(Method.QRIS)], clock)
    report = reports.day_report(demo_store)
    assert [(h.hour, h.sales) for h in report.by_hour] == [(10, 1), (11, 3)]


def test_count_cash_by_denomination():
    """Notes and coins add up; Rp 1.000 exists as a note and as a coin."""
    d = {x.key: x for x in days.DENOMINATIONS}
    assert [x.value for x in days.DENOMINATIONS] == [
        100_000,
        50_000,
        20_000,
        10_000,
        5_000,
        2_000,
        1_000,
        1_000,
        500,
        200,
        100,
    ]
    counts = {
        d["note_100000"]: 3,
        d["note_2000"]: 1,
        d["note_1000"]: 2,
        d["coin_1000"]: 1,
        d["coin_500"]: 3,
        d["coin_100"]: 4,
    }
    assert days.count_cash(counts) == 300_000 + 2_000 + 2_000 + 1_000 + 1_500 + 400
    with pytest.raises(DayError):
        days.count_cash({d["coin_200"]: -1})


def test_statements_give_each_day_and_the_stock_to_take_back(replayed, tmp_path):
    """Per-day lines add up to the event; each product's stock is the sum of its moves."""
    store, expected = replayed
    statements = reports.artisan_statements(store)
    by_code = {s.total.code: s for s in statements}
    eco = by_code["ECO"]
    assert (
        sum(d.figures.net for d in eco.days)
        == eco.total.net
        == sum(e.net.get("ECO", 0) for e in expected)
    )
    for line in eco.stock:
        sold = sum(e.product_items.get(line.sku, 0) for e in expected)
        assert line.sold == sold
        assert line.left == (
            line.received - sold + line.refunded - line.returned + line.counted_diff
        )
        assert (line.refunded, line.returned, line.counted_diff) == (0, 0, 0)  # none yet
    import pypdfium2

    from booth_pos.documents import report as report_pdf

    doc = pypdfium2.PdfDocument(report_pdf.render_statements_pdf(statements, lang="en"))
    assert len(doc) == len(statements)  # a page each, ready to sign
    text = doc[0].get_textpage().get_text_range()
    assert "Artisan Statement" in text and statements[0].total.name in text


def test_report_pdf_is_written_with_the_figures(replayed, tmp_path):
    """The PDF report of a day carries its net and the artisans' names."""
    import pypdfium2

    from booth_pos.documents import report as report_pdf
    from booth_pos.money import format_number

    store, _ = replayed
    report = reports.day_report(store)
    doc = pypdfium2.PdfDocument(report_pdf.render_report_pdf(report, lang="id"))
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert format_number(report.net, "id") in text
    assert "Batik Krakatau" in text and "Laporan Harian" in text
