"""``booth-pos report`` and ``day close`` run as the coordinator runs them at 21:00."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import raw

from booth_pos.store import open_store

pytestmark = pytest.mark.e2e

NOW = "2023-03-03T21:10:00+07:00"


def booth_pos(db: Path, *args: str, now: str = NOW) -> subprocess.CompletedProcess:
    env = {**os.environ, "BOOTH_POS_DB": str(db), "BOOTH_POS_NOW": now}
    return subprocess.run(
        [sys.executable, "-m", "booth_pos", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def event_db(tmp_path_factory) -> Path:
    """Two demo days of 30 sales, closed, made by the real command."""
    db = tmp_path_factory.mktemp("event") / "event.sqlite"
    done = booth_pos(db, "demo", "--days", "2", "--sales-per-day", "30")
    assert done.returncode == 0, done.stderr
    return db


def test_report_json_defaults_to_the_last_day(event_db):
    """With no --day, the last business day is reported, with the issue's keys."""
    done = booth_pos(event_db, "report", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["day"] == "2023-03-02"
    assert data["sales"] == 30
    assert sum(a["net"] for a in data["by_artisan"]) == data["net"]
    assert sum(data["by_payment"].values()) == data["net"]
    assert data["cash"]["difference"] == data["cash"]["counted"] - data["cash"]["expected"]
    store = open_store(event_db)
    try:
        total = raw(store).execute(
            "SELECT sum(s.total) FROM sales s JOIN days d ON d.id = s.day_id "
            "WHERE d.business_date = '2023-03-02'"
        ).fetchone()[0]
    finally:
        store.close()
    assert data["net"] == total


def test_report_of_a_named_day_and_of_the_event(event_db):
    """--day picks a date; --event covers both days and sums them."""
    day1 = json.loads(booth_pos(event_db, "report", "--day", "2023-03-01", "--json").stdout)
    day2 = json.loads(booth_pos(event_db, "report", "--day", "2023-03-02", "--json").stdout)
    event = json.loads(booth_pos(event_db, "report", "--event", "--json").stdout)
    assert day1["day"] == "2023-03-01" and event["event"] == "Ina Craft 2023"
    for key in ("sales", "items", "gross", "discounts", "net"):
        assert event[key] == day1[key] + day2[key]
    assert event["cash"]["expected"] == day1["cash"]["expected"] + day2["cash"]["expected"]


def test_report_writes_pdf_csv_and_statements(event_db, tmp_path):
    """The files land where asked; the CSV has one row per artisan."""
    pdf, sheet, statements = tmp_path / "day.pdf", tmp_path / "day.csv", tmp_path / "st.pdf"
    done = booth_pos(
        event_db,
        "--lang",
        "id",
        "report",
        "--pdf",
        str(pdf),
        "--csv",
        str(sheet),
        "--statements",
        str(statements),
    )
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and statements.read_bytes().startswith(b"%PDF")
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:2] == ["code", "name"] and len(rows) == 1 + 12
    assert "Batik Krakatau" in done.stdout  # the text summary


def test_report_refuses_a_day_that_does_not_exist(event_db):
    """A mistyped date is a clear refusal, exit 1; a malformed one is a usage error."""
    done = booth_pos(event_db, "report", "--day", "2023-04-01")
    assert done.returncode == 1 and "no business day on 2023-04-01" in done.stderr.lower()
    assert booth_pos(event_db, "report", "--day", "1 April").returncode == 2
    assert booth_pos(event_db, "report", "--day", "2023-03-01", "--event").returncode == 2


def test_day_close_prints_the_cash_and_refuses_a_second_close(event_db, tmp_path):
    """Open, sell with change, close short: the JSON shows it and a second close exits 1."""
    db = tmp_path / "copy.sqlite"
    db.write_bytes(event_db.read_bytes())
    assert booth_pos(db, "day", "open", "--float", "200.000").returncode == 0
    sold = booth_pos(db, "sell", "ECO-04", "--pay", "cash:200.000")
    assert sold.returncode == 0, sold.stderr
    live = json.loads(booth_pos(db, "report", "--json").stdout)
    assert live["cash"] == {
        "float": 200_000,
        "expected": 365_000,
        "counted": None,
        "difference": None,
    }
    closed = booth_pos(db, "day", "close", "--counted", "360.000")
    assert closed.returncode == 0, closed.stderr
    data = json.loads(closed.stdout)
    assert (data["z_no"], data["expected"], data["difference"]) == (3, 365_000, -5_000)
    assert "SHORT" in closed.stderr
    again = booth_pos(db, "day", "close", "--counted", "360.000")
    assert again.returncode == 1 and "already closed" in again.stderr
