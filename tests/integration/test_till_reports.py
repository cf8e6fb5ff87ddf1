"""The main till's reports with several tills: which tills, how far, each drawer, and waits."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from booth_pos.clock import Clock
from booth_pos.documents import tills as till_text
from booth_pos.model import Cart, KnownError, Method, Tender
from booth_pos.services import demo, imports, records, reports, selling, sync
from booth_pos.services import settings as settings_service
from booth_pos.services import stock as stock_service
from booth_pos.services.days import close_day, expected_cash, open_day
from booth_pos.store import open_store

START = datetime.fromisoformat("2023-03-01T10:00:00+07:00")


def _clock(minutes: int = 0) -> Clock:
    return Clock(START + timedelta(minutes=minutes))


def _at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


@pytest.fixture
def stand(tmp_path):
    """The main till T1 with the demo stand; T2 and T3 joined it and opened their days."""
    t1 = open_store(tmp_path / "t1.sqlite")
    demo.load_stand(t1, _clock())
    stock_service.count(t1, _clock(1), [("BKR-01", 5)], reason="start")
    sync.export_bundle(t1, tmp_path / "join.sqlite", at=START)
    tills = {"T1": t1}
    for code in ("T2", "T3"):
        store = open_store(tmp_path / f"{code.lower()}.sqlite")
        settings_service.save(store, replace(store.settings(), till=code), at=START)
        sync.import_bundle(store, tmp_path / "join.sqlite", at=START)
        tills[code] = store
    for n, store in enumerate(tills.values()):
        open_day(store, _clock(2), 100_000 + n * 50_000)
    yield tills
    for store in tills.values():
        store.close()


def _sell(store, sku, qty=1, minutes=10, method=Method.CASH):
    cart = Cart(cashier="Rina")
    cart.add(store.products.by_code(sku), qty)
    return selling.complete(store, cart, [Tender(method)], _clock(minutes))


def _send(sender, receiver, path, minutes):
    """``sender`` writes a bundle at START+minutes; ``receiver`` imports it then."""
    sync.export_bundle(sender, path, at=_at(minutes))
    return sync.import_bundle(receiver, path, at=_at(minutes))


def _trade(stand):
    """A morning on three tills: cash and QRIS, several artisans."""
    _sell(stand["T1"], "BKR-02", qty=2, minutes=10)
    _sell(stand["T1"], "BMB-01", minutes=11, method=Method.QRIS)
    _sell(stand["T2"], "BKR-02", minutes=12)
    _sell(stand["T2"], "BKR-01", minutes=13, method=Method.CARD)
    _sell(stand["T2"], "BMB-01", qty=3, minutes=14)
    _sell(stand["T3"], "BKR-03", minutes=15, method=Method.QRIS)


def test_the_main_tills_day_report_is_the_sum_of_each_tills_own_day(stand, tmp_path):
    """Per artisan, per method and per drawer: the main till's day adds up the three days."""
    _trade(stand)
    t1, t2, t3 = stand["T1"], stand["T2"], stand["T3"]
    close_day(t2, _clock(300), expected_cash(t2, t2.days.current("T2")) - 5_000)
    close_day(t3, _clock(301), expected_cash(t3, t3.days.current("T3")))
    own = {code: reports.day_report(s, tills=False) for code, s in stand.items()}
    _send(t2, t1, tmp_path / "t2.bundle", 310)
    _send(t3, t1, tmp_path / "t3.bundle", 320)

    merged = reports.day_report(t1)
    for figure in ("sales", "items", "gross", "discounts", "net", "commission", "payout"):
        assert getattr(merged, figure) == sum(getattr(r, figure) for r in own.values()), figure
    for a in merged.by_artisan:
        mine = [
            r.artisan(a.code) for r in own.values() if any(x.code == a.code for x in r.by_artisan)
        ]
        assert a.net == sum(x.net for x in mine) and a.items == sum(x.items for x in mine)
    for p in merged.by_payment:
        assert p.net == sum(r.payment(p.method).net for r in own.values()), p.method
    assert [t.till for t in merged.tills] == ["T1", "T2", "T3"]
    for line in merged.tills:
        mine = own[line.till]
        assert line.cash == mine.cash, line.till
        assert line.sales == mine.sales and line.net == mine.net
    assert merged.cash.expected == sum(r.cash.expected for r in own.values())
    # T2's drawer as T2 counted and closed it: its float, count, difference and Z code.
    t2_line = merged.tills[1]
    assert t2_line.cash.opening_float == 150_000 and t2_line.cash.difference == -5_000
    assert t2_line.close_codes == own["T2"].close_codes
    # T1's own day is open, so the merged drawer is not counted yet; T1's Z stays its own.
    assert merged.cash.counted is None and merged.close_codes == ()
    assert reports.day_report(t1, tills=False).cash == own["T1"].cash


def test_the_coverage_line_names_each_tills_last_receipt_and_when_it_arrived(stand, tmp_path):
    """ "T1 up to T1-000002, T2 up to T2-000003 received 15:10" in both languages."""
    _trade(stand)
    t1 = stand["T1"]
    _send(stand["T2"], t1, tmp_path / "t2.bundle", 310)
    report = reports.day_report(t1)
    assert till_text.coverage_line(report, "en") == (
        "T1 up to T1-000002, T2 up to T2-000003 received 15:10"
    )  # T3 sent nothing yet: T1 cannot know it exists
    assert till_text.coverage_line(report, "id") == (
        "T1 sampai T1-000002, T2 sampai T2-000003 diterima 15:10"
    )
    _send(stand["T3"], t1, tmp_path / "t3.bundle", 325)
    event = reports.event_report(t1)
    assert till_text.coverage_line(event, "en").endswith(
        "T3 up to T3-000001 received 2023-03-01 15:25"
    )
    t3_line = event.tills[2]
    assert t3_line.received_at == t3_line.exported_at == _at(325)


def test_a_till_open_in_its_last_bundle_is_warned_until_its_close_arrives(stand, tmp_path):
    """T2 sold and sent a bundle mid-day: warned; its closing bundle arrives: no warning."""
    t1, t2 = stand["T1"], stand["T2"]
    _sell(t2, "BKR-02", minutes=12)
    _send(t2, t1, tmp_path / "noon.bundle", 120)
    report = reports.day_report(t1)
    assert [t.till for t in report.pending_tills] == ["T2"]
    assert till_text.warnings(report, "en") == [
        "T2: not received since its last sale (its day is still open in the last bundle, "
        "exported 12:00)"
    ]
    assert till_text.warnings(report, "id")[0].startswith(
        "T2: belum diterima sejak penjualan terakhir"
    )
    _sell(t2, "BKR-02", minutes=200)  # sold after the bundle: T1 cannot know yet
    close_day(t2, _clock(300), expected_cash(t2, t2.days.current("T2")))
    _send(t2, t1, tmp_path / "close.bundle", 310)
    report = reports.day_report(t1)
    assert report.pending_tills == () and till_text.warnings(report, "en") == []
    assert report.tills[1].last_receipt == "T2-000002" and report.tills[1].sales == 2


def test_the_statements_wait_for_every_tills_close(stand, tmp_path):
    """Statements are refused while T2's or T3's last bundle ends in an open day."""
    _trade(stand)
    t1, t2, t3 = stand["T1"], stand["T2"], stand["T3"]
    _send(t2, t1, tmp_path / "t2-open.bundle", 200)
    assert reports.statement_blockers(t1) == ["T2"]
    with pytest.raises(KnownError, match="till T2 has not sent a bundle since its last close"):
        reports.check_statements(t1)
    close_day(t2, _clock(300), expected_cash(t2, t2.days.current("T2")))
    _send(t2, t1, tmp_path / "t2-closed.bundle", 310)
    _send(t3, t1, tmp_path / "t3-open.bundle", 311)
    assert reports.statement_blockers(t1) == ["T3"]
    close_day(t3, _clock(320), expected_cash(t3, t3.days.current("T3")))
    _send(t3, t1, tmp_path / "t3-closed.bundle", 330)
    assert reports.statement_blockers(t1) == []
    reports.check_statements(t1)
    # A new day on T2 after the close it sent: waiting again once that day's bundle comes.
    open_day(t2, _clock(24 * 60), 100_000)
    _send(t2, t1, tmp_path / "t2-day2.bundle", 24 * 60 + 5)
    assert reports.statement_blockers(t1) == ["T2"]


def _digest(store):
    store.checkpoint()
    conn = sqlite3.connect(store.path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def test_a_catalogue_edit_on_a_till_that_is_not_the_main_till_is_refused(stand, tmp_path):
    """On T2 a price, an artisan, a product or an import is refused naming T1; file kept."""
    t2 = stand["T2"]
    before = _digest(t2)
    sheet = tmp_path / "products.csv"
    sheet.write_text("sku,name,artisan_code,category,price,stock\nNEW-1,Tas,BKR,Tas,10000,1\n")
    attempts = [
        lambda: records.edit_product(t2, "BKR-02", price="1000", clock=_clock(20)),
        lambda: records.add_product(
            t2, "NEW-1", name="Tas", artisan="BKR", price="10000", clock=_clock(20)
        ),
        lambda: records.edit_artisan(t2, "BKR", commission="1", at=_at(20)),
        lambda: records.add_artisan(t2, "ZZZ", name="Baru", commission="10", at=_at(20)),
        lambda: imports.import_products(t2, sheet, _clock(20)),
        lambda: imports.plan_products(t2, sheet),
    ]
    for attempt in attempts:
        with pytest.raises(KnownError) as refused:
            attempt()
        assert "main till T1" in refused.value.en and "kasir utama T1" in refused.value.id
    assert _digest(t2) == before
    # The main till itself edits freely.
    assert (
        records.edit_product(stand["T1"], "BKR-02", price="99000", clock=_clock(20)).price == 99_000
    )


def test_the_till_code_cannot_change_once_the_file_has_records(stand, tmp_path):
    """T2 sold as T2: renaming it T4 is refused; a blank file may still pick its code."""
    t2 = stand["T2"]
    with pytest.raises(KnownError, match="Keep T2") as refused:
        settings_service.save(t2, replace(t2.settings(), till="T4"), at=START)
    assert refused.value.key == "till"
    assert t2.settings().till == "T2"
    fresh = open_store(tmp_path / "fresh.sqlite")
    settings_service.save(fresh, replace(fresh.settings(), till="T4"), at=START)
    assert fresh.settings().till == "T4"
    fresh.close()


def test_the_pdf_and_the_workbook_carry_the_till_lines(stand, tmp_path):
    """The printed day report names the tills and warns; the workbook has a Tills sheet."""
    import io

    import openpyxl
    from helpers.documents import read_pdf, squash

    from booth_pos.documents.report import render_report_pdf
    from booth_pos.documents.workbook import report_workbook_bytes

    _trade(stand)
    t1 = stand["T1"]
    _send(stand["T2"], t1, tmp_path / "t2.bundle", 310)
    report = reports.day_report(t1)
    text = squash(" ".join(p.text for p in read_pdf(render_report_pdf(report, lang="id"))))
    assert "T1 sampai T1-000002, T2 sampai T2-000003 diterima 15:10" in text
    assert "T2: belum diterima sejak penjualan terakhir" in text
    assert "Kas per kasir" in text
    book = openpyxl.load_workbook(io.BytesIO(report_workbook_bytes(report)))
    sheet = book["Tills"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("till", "last_receipt", "received_at")
    assert [r[0] for r in rows[1:3]] == ["T1", "T2"]
    assert rows[2][6] == report.tills[1].cash.expected and rows[2][-1] is True


def test_a_date_only_another_till_worked_is_reported_from_its_records(stand, tmp_path):
    """Day 2 on T2 only: T1 reports that date from T2's records; T1's own line says "no
    sales" with nothing counted, and T2's closed day raises no warning."""
    from datetime import date

    t1, t2 = stand["T1"], stand["T2"]
    _sell(t2, "BKR-02", minutes=12)
    close_day(t2, _clock(300), expected_cash(t2, t2.days.current("T2")))
    _send(t2, t1, tmp_path / "day1.bundle", 310)
    close_day(t1, _clock(320), expected_cash(t1, t1.days.current("T1")))
    day2 = 24 * 60
    open_day(t2, _clock(day2), 50_000)
    _sell(t2, "BKR-03", minutes=day2 + 10)
    close_day(t2, _clock(day2 + 300), expected_cash(t2, t2.days.current("T2")) + 1_000)
    _send(t2, t1, tmp_path / "day2.bundle", day2 + 310)
    report = reports.day_report(t1, date(2023, 3, 2))
    assert report.sales == 1 and report.tills[1].cash.difference == 1_000
    t1_line = report.tills[0]
    assert t1_line.days == () and t1_line.cash.counted is None and t1_line.last_receipt is None
    assert till_text.coverage_line(report, "en") == "T1 no sales, T2 up to T2-000002 received 15:10"
    assert till_text.cash_lines(report, "en")[0] == "T1: no business day in this period"
    assert report.pending_tills == ()
