"""Settlements never change after the fact: the commission in force is recorded per line.

Issue 12's finding: changing an artisan's commission (import or edit) rewrote the commission
and payout of days already closed (BKR to 30 %: a closed day's commission went from 311.406
to 747.375 and its payout from 2.179.844 to 1.743.875), and verify still passed.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest
from helpers import old_file, raw

from booth_pos.clock import Clock, parse_instant
from booth_pos.model import Cart, Method, Tender
from booth_pos.money import percent_of
from booth_pos.services import corrections, days, demo, imports, journal, reports, selling, staff
from booth_pos.store import open_store

NOW = "2023-03-01T10:00:00+07:00"
CHEAP = staff.PinCost(n=16, r=1, p=1)


@pytest.fixture
def stand(tmp_path):
    """The demo stand with two closed days of sales (BKR at its demo rate)."""
    store = open_store(tmp_path / "booth.sqlite")
    demo.load_stand(store, Clock(parse_instant(NOW)))
    demo.simulate(store, 2, 40, seed=7)
    yield store
    store.close()


def set_commission(store, tmp_path, code: str, percent: str) -> None:
    """Change one artisan's commission the way a coordinator does: re-import the CSV."""
    rows = ["code,name,owner,phone,commission_percent"]
    for a in store.artisans.all():
        pct = percent if a.code == code else str(a.commission_bp / 100)
        rows.append(f"{a.code},{a.name},{a.owner},{a.phone},{pct}")
    csv = tmp_path / "artisans.csv"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    imports.import_artisans(store, csv, actor="Dewi")


def bkr(report):
    return next(a for a in report.by_artisan if a.code == "BKR")


def figures(store):
    """Every settled figure a coordinator has paid out on: per day and for the event."""
    event = reports.event_report(store)
    per_day = [
        (d.business_date, [(a.code, a.commission, a.payout) for a in d.by_artisan])
        for d in event.day_reports
    ]
    statements = [
        (s.total.code, s.total.commission, s.total.payout, [(d.figures.commission) for d in s.days])
        for s in reports.artisan_statements(store, event)
    ]
    return per_day, [(a.code, a.commission, a.payout) for a in event.by_artisan], statements


def test_a_commission_change_leaves_closed_days_and_statements_as_they_were(stand, tmp_path):
    before = figures(stand)
    old_rate = bkr(reports.day_report(stand, parse_instant(NOW).date())).commission_bp
    assert old_rate != 3000
    set_commission(stand, tmp_path, "BKR", "30")
    assert stand.artisans.commission_rates()["BKR"] == 3000
    assert figures(stand) == before
    day = reports.day_report(stand, parse_instant(NOW).date())
    assert bkr(day).commission_bp == old_rate
    assert journal.verify(stand).ok


def test_a_new_rate_applies_from_the_next_sale_on(stand, tmp_path):
    old_rate = stand.artisans.commission_rates()["BKR"]
    set_commission(stand, tmp_path, "BKR", "30")
    clock = Clock(parse_instant("2023-03-03T10:00:00+07:00"))
    days.open_day(stand, clock, 0)
    cart = Cart()
    selling.add(stand, cart, "3*BKR-05")
    sale = selling.complete(stand, cart, [Tender(Method.CASH)], clock)
    assert [ln.commission_bp for ln in sale.lines] == [3000]
    today = bkr(reports.day_report(stand, clock.now().date()))
    assert today.commission_bp == 3000
    assert today.commission == percent_of(today.net, 3000)
    # The event mixes both rates: each rate on its own share of the net, then summed.
    event = bkr(reports.event_report(stand))
    assert event.rates == (old_rate, 3000)
    assert event.commission == percent_of(event.net - today.net, old_rate) + percent_of(
        today.net, 3000
    )
    assert event.payout == event.net - event.commission
    entry = json.loads(stand.journal.latest_of(["sale"]).payload)
    assert entry["lines"][0]["commission_bp"] == 3000  # the journal keeps the rate too


def test_a_refund_of_an_old_sale_settles_at_the_rate_it_was_sold_at(stand, tmp_path):
    clock = Clock(parse_instant("2023-03-03T10:00:00+07:00"))
    staff.add_staff(stand, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        stand, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    old_rate = stand.artisans.commission_rates()["BKR"]
    days.open_day(stand, clock, 500_000)
    cart = Cart(cashier="Rina")
    selling.add(stand, cart, "2*BKR-05")
    sale = selling.complete(stand, cart, [Tender(Method.CASH)], clock)
    set_commission(stand, tmp_path, "BKR", "30")
    clock.advance(timedelta(minutes=5))
    done = corrections.refund(
        stand, sale.receipt_no, lines={1: 1}, clock=clock, reason="rusak", supervisor="Dewi",
        pin="2468",
    )  # fmt: skip
    assert [ln.commission_bp for ln in done.lines] == [old_rate]
    today = bkr(reports.day_report(stand, clock.now().date()))
    # One mask sold and kept, at the old rate: nothing was sold at 30 % yet.
    assert today.rates == (old_rate,)
    assert today.commission == percent_of(today.net, old_rate)
    assert journal.verify(stand).ok


def test_the_database_refuses_a_line_without_its_rate_or_a_refund_at_another(stand):
    sale_id, day_id = raw(stand).execute("SELECT id, day_id FROM sales LIMIT 1").fetchone()
    with pytest.raises(sqlite3.IntegrityError, match="commission in force"):
        raw(stand).execute(
            "INSERT INTO sale_lines(sale_id, line_no, sku, name, artisan_code, category, "
            "unit_price, qty, line_discount, sale_discount_share, net, day_id) "
            "VALUES (?, 99, 'BKR-05', 'x', 'BKR', 'c', 1, 1, 0, 0, 1, ?)",
            (sale_id, day_id),
        )
    with pytest.raises(sqlite3.IntegrityError, match="final"):
        raw(stand).execute("UPDATE sale_lines SET commission_bp = 0")


def tamper(path, *statements):
    conn = sqlite3.connect(path)
    conn.executescript(";\n".join(statements) + ";")
    conn.close()


def remade_guard(path) -> str:
    """The SQL of the sale-line guard, to put it back after editing behind it."""
    conn = sqlite3.connect(path)
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'sale_lines_no_update'"
    ).fetchone()[0]
    conn.close()
    return sql


def test_a_rate_lowered_behind_the_apps_back_is_found_by_verify(stand):
    path = stand.path
    stand.close()
    guard = remade_guard(path)
    tamper(
        path,
        "DROP TRIGGER sale_lines_no_update",
        "UPDATE sale_lines SET commission_bp = 0 WHERE rowid = 3",
        guard,
    )
    store = open_store(path)
    try:
        found = journal.verify(store)
        assert not found.ok
        assert "(edited)" in str(found.first) and str(found.first).startswith("sale T1-")
    finally:
        store.close()


def test_upgraded_lines_get_the_rates_then_in_force_and_an_edit_of_them_shows(tmp_path):
    """A file from before rates were recorded: its lines get today's rates (what every report
    showed until now), one journal entry records them, and a later edit of one is named."""
    path = old_file(tmp_path, "v3_sales.sqlite")
    conn = sqlite3.connect(path)
    rates = dict(conn.execute("SELECT code, commission_bp FROM artisans"))
    conn.close()
    store = open_store(path)
    assert {
        code: bp
        for code, bp in raw(store).execute(
            "SELECT DISTINCT artisan_code, commission_bp FROM sale_lines"
        )
    } == {code: rates[code] for code in {c for c, _ in raw(store).execute(
        "SELECT DISTINCT artisan_code, 0 FROM sale_lines")}}  # fmt: skip
    entry = store.journal.latest_of(["rates_recorded"])
    assert (
        json.loads(entry.payload)["sale_lines"]
        == raw(store).execute("SELECT count(*) FROM sale_lines").fetchone()[0]
    )
    assert journal.verify(store).ok
    store.close()
    guard = remade_guard(path)
    tamper(
        path,
        "DROP TRIGGER sale_lines_no_update",
        "UPDATE sale_lines SET commission_bp = commission_bp + 500 WHERE rowid = 1",
        guard,
    )
    store = open_store(path)
    try:
        found = journal.verify(store)
        assert "bp recorded in journal entry" in str(found.first)
    finally:
        store.close()
