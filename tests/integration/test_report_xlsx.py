"""The settlement workbook holds the report's figures to the rupiah, as numbers, safely."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from booth_pos.cli.output import report_json
from booth_pos.clock import Clock, parse_instant
from booth_pos.documents import export
from booth_pos.documents.workbook import COUNT, PERCENT, RUPIAH, report_workbook_bytes
from booth_pos.model import Artisan
from booth_pos.services import demo, exports, payouts, reports
from booth_pos.store import open_store

EVIL = '=HYPERLINK("http://x","klik")'


@pytest.fixture(scope="module")
def stand(tmp_path_factory):
    """The demo stand, an artisan named like a formula, two closed days and a payout."""
    store = open_store(tmp_path_factory.mktemp("xlsx") / "booth.sqlite")
    clock = Clock(parse_instant("2023-03-01T09:00:00+07:00"))
    demo.load_stand(store, clock)
    store.artisans.upsert([Artisan("ZZZ", EVIL, commission_bp=1250)])
    demo.simulate(store, 2, 40, seed=7)
    later = Clock(parse_instant("2023-03-02T22:00:00+07:00"))
    payouts.pay(store, later, "ECO", 100_000, "transfer", reference="BCA 123")
    yield store
    store.close()


def load(report, statements=None):
    """The workbook as a spreadsheet program would open it (formulas as written)."""
    return openpyxl.load_workbook(io.BytesIO(report_workbook_bytes(report, statements)))


def table(ws) -> tuple[list[dict], dict]:
    """A sheet's data rows as dicts by header, and its total row (formulas) by header."""
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    body = [dict(zip(header, r, strict=True)) for r in rows[1:] if r[0] != "total"]
    total = next((dict(zip(header, r, strict=True)) for r in rows if r[0] == "total"), {})
    return body, total


def percent(cell_value) -> str:
    """A percent cell's fraction as the JSON's percentage string (0.125 -> "12.5")."""
    return format((Decimal(repr(cell_value)) * 100).normalize(), "f")


@pytest.mark.parametrize("scope", ["day", "event"])
def test_every_artisan_figure_equals_the_json_report(stand, scope):
    """Per artisan, every amount and the rate are the JSON's, and the totals sum to its."""
    report = reports.event_report(stand) if scope == "event" else reports.day_report(stand)
    data = report_json(report)
    body, total = table(load(report)["Artisans"])
    assert len(body) == len(data["by_artisan"])
    for row, want in zip(body, data["by_artisan"], strict=True):
        got = {**row, "commission_percent": percent(row["commission_percent"])}
        if want["code"] == "ZZZ":
            got["name"] = got["name"].removeprefix("'")
        assert got == want
    last = len(body) + 1
    assert total["net"] == f"=SUM(G2:G{last})" and total["code"] == "total"
    assert total["commission_percent"] is None  # a sum of rates means nothing
    for key in ("items", "gross", "discounts", "refunds", "net", "commission", "payout"):
        assert sum(r[key] for r in body) == data[key]


def test_payments_products_and_summary_equal_the_json(stand):
    """The payment split, the best sellers and the cash drawer are the JSON's figures."""
    report = reports.day_report(stand)
    data = report_json(report)
    book = load(report)
    payments, _ = table(book["Payments"])
    assert {p["method"]: p["net"] for p in payments} == data["by_payment"]
    assert sum(p["net"] for p in payments) == data["net"]
    products, _ = table(book["Products"])
    top = [{"sku": p["sku"], "name": p["name"], "artisan": p["artisan_code"],
            "items": p["items"], "net": p["net"], "open_price": p["open_price"]}
           for p in products[: len(data["top_products"])]]  # fmt: skip
    assert top == data["top_products"]
    summary = dict(book["Summary"].iter_rows(min_row=2, values_only=True))
    assert summary["day"].date().isoformat() == data["day"]
    for key in ("sales", "items", "gross", "discounts", "refunds", "net", "commission",
                "payout", "average_sale", "cash_received", "cash_refunds", "cash_payouts",
                "change_given"):  # fmt: skip
        assert summary[key] == data[key], key
    for key, value in data["cash"].items():
        assert summary[f"cash.{key}"] == value, key


def test_statements_sheet_has_each_day_and_the_event_as_settled(stand):
    """Each artisan's days are the day reports' figures, its event row the event's."""
    event = reports.event_report(stand)
    statements = reports.artisan_statements(stand, event)
    body, total = table(load(event, statements)["Statements"])
    assert total == {}  # days and event rows together: a sum would count twice
    event_rows = {r["code"]: r for r in body if r["day"] == "event"}
    assert set(event_rows) == {s.total.code for s in statements} and "ECO" in event_rows
    for want in report_json(event)["by_artisan"]:
        if want["code"] not in event_rows:  # no sales and no stock: no statement
            continue
        row = event_rows[want["code"]]
        for key in ("items", "net", "commission", "payout", "paid_out", "balance"):
            assert row[key] == want[key], (want["code"], key)
    for day in ("2023-03-01", "2023-03-02"):
        data = report_json(reports.day_report(stand, date.fromisoformat(day)))
        rows = {r["code"]: r for r in body if r["day"] != "event" and
                r["day"].date().isoformat() == day}  # fmt: skip
        for want in data["by_artisan"]:
            if want["items"] or want["refunds"]:
                assert rows[want["code"]]["commission"] == want["commission"]
                assert rows[want["code"]]["net"] == want["net"]
    assert event_rows["ECO"]["paid_out"] == 100_000
    stock, _ = table(load(event, statements)["Stock"])
    assert sum(s["sold"] for s in stock) > 0


def test_amounts_are_numbers_in_the_rupiah_format_and_rates_percent_cells(stand):
    """A spreadsheet can sum every amount: ints in Rupiah format, rates as percentages."""
    book = load(reports.event_report(stand), reports.artisan_statements(stand))
    ws = book["Artisans"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for name, cell in zip(header, row, strict=True):
            if name in ("code", "name") or cell.value is None:
                continue
            if name == "commission_percent":
                assert cell.number_format == PERCENT and isinstance(cell.value, float)
            elif name in ("items", "received_qty", "returned_qty"):
                assert cell.number_format == COUNT
            else:
                assert cell.number_format == RUPIAH, name
                assert isinstance(cell.value, int) or cell.value.startswith("=SUM(")
    assert RUPIAH.startswith('"Rp" #,##0')


def test_every_sheet_has_a_frozen_bold_header_and_columns_wide_enough(stand):
    """Headers stay in view while scrolling; no figure is cut to #### by a narrow column."""
    book = load(reports.event_report(stand), reports.artisan_statements(stand))
    assert book.sheetnames == ["Summary", "Artisans", "Payments", "Products", "Statements",
                               "Stock"]  # fmt: skip
    for ws in book:
        assert ws.freeze_panes == "A2", ws.title
        assert all(c.font.bold for c in ws[1])
        for column in ws.iter_cols():
            letter = column[0].column_letter
            widest = max(
                len(f"Rp {c.value:,}") if c.number_format == RUPIAH and isinstance(c.value, int)
                else len(str(c.value)) if isinstance(c.value, str) and not c.value.startswith("=")
                else 0
                for c in column
            )  # fmt: skip
            assert ws.column_dimensions[letter].width >= min(widest, 46), (ws.title, letter)


def test_a_name_written_as_a_formula_stays_text(stand):
    """An artisan named =HYPERLINK(...) is shown, never run: the only formulas are sums."""
    book = load(reports.event_report(stand), reports.artisan_statements(stand))
    names = [r[1] for r in book["Artisans"].iter_rows(min_row=2, values_only=True)]
    assert "'" + EVIL in names
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert row[0].value == "total" and cell.value.startswith("=SUM("), cell


def test_an_xlsx_export_is_written_whole_and_audited(stand, tmp_path):
    """Saved through write_export: the workbook at the path and one report_xlsx entry."""
    report = reports.day_report(stand)
    data = report_workbook_bytes(report, reports.artisan_statements(stand))
    target = tmp_path / "day.xlsx"
    clock = Clock(parse_instant("2023-03-02T22:30:00+07:00"))
    exports.write_export(
        stand, target, data, what="report_xlsx", actor="cli", at=clock.now(), ref="2023-03-02"
    )
    assert target.read_bytes() == data
    entry = [e for e in stand.audit.entries() if e.kind == "export"][-1]
    assert json.loads(entry.payload) == {
        "what": "report_xlsx",
        "path": str(target),
        "ref": "2023-03-02",
    }


def test_the_csv_writes_the_rate_with_a_decimal_comma(stand):
    """The ; CSV's commission_percent is 12,5 (text to a decimal-comma spreadsheet if 12.5)."""
    text = export.artisans_csv_bytes(reports.day_report(stand)).decode("utf-8-sig")
    rows = {r[0]: r for r in csv.reader(io.StringIO(text), delimiter=";")}
    at = rows["code"].index("commission_percent")
    assert rows["BKR"][at] == "12,5" and rows["ZZZ"][at] == "12,5"
    assert rows["ZZZ"][1] == "'" + EVIL  # the formula guard is kept


# -- as LibreOffice sees them (skipped where it is not installed) -------------------------------


def soffice(tmp_path: Path, source: Path, infilter: str | None = None) -> Path:
    """Convert ``source`` to XLSX with LibreOffice, which computes every formula."""
    program = shutil.which("soffice")
    if program is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "lo-out"
    args = [program, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless"]
    if infilter:
        args.append(f"--infilter={infilter}")
    args += ["--convert-to", "xlsx", "--outdir", str(out), str(source)]
    subprocess.run(args, check=True, capture_output=True, timeout=180)
    return out / (source.stem + ".xlsx")


def test_libreoffice_computes_the_total_rows_to_the_json_totals(stand, tmp_path):
    """Opened in a spreadsheet, each SUM gives the report's own total, to the rupiah."""
    report = reports.event_report(stand)
    source = tmp_path / "event.xlsx"
    source.write_bytes(report_workbook_bytes(report, reports.artisan_statements(stand)))
    computed = openpyxl.load_workbook(soffice(tmp_path, source), data_only=True)
    _, total = table(computed["Artisans"])
    data = report_json(report)
    for key in ("items", "gross", "discounts", "refunds", "net", "commission", "payout"):
        assert total[key] == data[key], key
    _, paid = table(computed["Payments"])
    assert paid["net"] == data["net"]


def test_an_indonesian_libreoffice_reads_the_csv_rate_as_a_number(stand, tmp_path):
    """With the decimal comma, id-ID LibreOffice gets 12.5 (a number), not the text "12.5"."""
    source = tmp_path / "day.csv"
    source.write_bytes(export.artisans_csv_bytes(reports.day_report(stand)))
    # CSV filter: ';' (59), double quote, UTF-8 (76), from line 1, Indonesian (LCID 1057)
    book = openpyxl.load_workbook(soffice(tmp_path, source, "CSV:59,34,76,1,,1057"))
    rows = {r[0]: r for r in book.active.iter_rows(values_only=True)}
    at = rows["code"].index("commission_percent")
    assert rows["BKR"][at] == 12.5 and rows["ECO"][at] == 15
