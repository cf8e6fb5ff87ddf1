"""The Z report prints the journal's head at the close as a short code, like a receipt's
verification code: a printed Z report can later be held against the file's journal."""

from __future__ import annotations

from helpers.documents import read_pdf

from booth_pos.documents.report import render_report_pdf
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import days, reports, selling
from booth_pos.store.journal import verification_code


def test_a_closed_day_report_carries_the_code_of_its_close(demo_store, clock):
    """The code is the start of the hash of the day's close entry (the chain's head then),
    in the report's figures and on the PDF in both languages; an open day has none."""
    days.open_day(demo_store, clock, 0)
    cart = Cart(cashier="Rina")
    selling.add(demo_store, cart, "ECO-01")
    sale = selling.complete(demo_store, cart, [Tender(Method.CASH)], clock)
    assert reports.day_report(demo_store).close_codes == ()
    days.close_day(demo_store, clock, sale.total, backup_now=False)
    head = demo_store.journal.last()
    entry = demo_store.journal.latest_of(("day_close",))
    assert entry.id == head[0]  # the close is the journal's head when the day ends
    code = verification_code(entry.hash)
    report = reports.day_report(demo_store)
    assert report.close_codes == ((1, code),)
    assert reports.event_report(demo_store).day_reports[0].close_codes == ((1, code),)
    english = read_pdf(render_report_pdf(report, "en"))[0].text
    assert f"Journal verification code (Z1): {code}" in english
    indonesian = read_pdf(render_report_pdf(report, "id"))[0].text
    assert f"Kode verifikasi jurnal (Z1): {code}" in indonesian
