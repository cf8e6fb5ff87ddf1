"""Staff, voids and refunds from the command line, with PINs from BOOTH_POS_PIN."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import raw

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo, reports, staff
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e

NOW = "2023-03-01T10:00:00+07:00"


def booth_pos(db: Path, *args: str, pin: str | None = None, supervisor_pin: str | None = None):
    """Run ``booth-pos ARGS`` with the clock fixed and the PINs (if any) in the environment."""
    env = {**os.environ, "BOOTH_POS_DB": str(db), "BOOTH_POS_NOW": NOW}
    env.pop("BOOTH_POS_PIN", None)
    env.pop("BOOTH_POS_SUPERVISOR_PIN", None)
    if pin is not None:
        env["BOOTH_POS_PIN"] = pin
    if supervisor_pin is not None:
        env["BOOTH_POS_SUPERVISOR_PIN"] = supervisor_pin
    return subprocess.run(
        [sys.executable, "-m", "booth_pos", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    store.close()
    return path


@pytest.fixture
def db(demo_template, tmp_path) -> Path:
    """A demo stand, with receipts going to a PDF folder beside it."""
    path = tmp_path / "booth.sqlite"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def crewed(db) -> Path:
    """The demo stand with Dewi (supervisor, 2468) and Rina (cashier, 1111) added by CLI."""
    first = booth_pos(db, "staff", "add", "Dewi", "--role", "supervisor", pin="2468")
    assert first.returncode == 0, first.stderr
    second = booth_pos(
        db, "staff", "add", "Rina", "--role", "cashier", "--supervisor", "Dewi",
        pin="1111", supervisor_pin="2468",
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    return db


def test_staff_add_and_list(crewed):
    """The coordinator adds accounts with PINs from the environment and lists them."""
    listed = booth_pos(crewed, "staff", "list", "--json")
    assert listed.returncode == 0
    assert json.loads(listed.stdout) == [
        {"name": "Dewi", "role": "supervisor", "locked_until": None},
        {"name": "Rina", "role": "cashier", "locked_until": None},
    ]
    store = open_store(crewed)
    try:
        assert staff.sign_in(store, "Rina", "1111", Clock(parse_instant(NOW))).name == "Rina"
        stored = raw(store).execute("SELECT pin_hash FROM staff").fetchall()
        # hex salt and hash may contain "1111" by chance; no field of the stored hash IS a PIN
        assert all(not {"1111", "2468"} & set(h.split("$")) for (h,) in stored)
    finally:
        store.close()


def test_staff_add_refusals_write_nothing(crewed, db):
    """A second account without a supervisor, a bad PIN, or no PIN at all: exit 1."""
    no_sup = booth_pos(crewed, "staff", "add", "Eko", "--role", "cashier", pin="5555")
    assert no_sup.returncode == 1 and "--supervisor" in no_sup.stderr
    short = booth_pos(
        crewed, "staff", "add", "Eko", "--role", "cashier", "--supervisor", "Dewi",
        pin="12", supervisor_pin="2468",
    )  # fmt: skip
    assert short.returncode == 1 and "4 to 8 digits" in short.stderr
    no_pin = booth_pos(crewed, "staff", "add", "Eko", "--role", "cashier", "--supervisor", "Dewi")
    assert no_pin.returncode == 1 and "BOOTH_POS_PIN" in no_pin.stderr
    listed = booth_pos(crewed, "staff", "list")
    assert "Eko" not in listed.stdout and "2 staff" in listed.stdout
    assert booth_pos(crewed, "staff", "add", "X", "--role", "boss").returncode == 2


def test_with_staff_headless_sell_needs_a_cashier_and_pin(crewed):
    """Once accounts exist a sale without --cashier, or with a wrong PIN, is refused."""
    none = booth_pos(crewed, "sell", "ECO-04", "--no-print", pin="1111")
    assert none.returncode == 1 and "--cashier" in none.stderr
    wrong = booth_pos(crewed, "sell", "--cashier", "Rina", "ECO-04", "--no-print", pin="9999")
    assert wrong.returncode == 1 and "Wrong PIN" in wrong.stderr
    stranger = booth_pos(crewed, "sell", "--cashier", "Eko", "ECO-04", "--no-print", pin="1111")
    assert stranger.returncode == 1
    store = open_store(crewed)
    try:
        assert store.sales.count() == 0 and store.days.all() == []
    finally:
        store.close()
    ok = booth_pos(crewed, "sell", "--cashier", "rina", "ECO-04", "--no-print", pin="1111")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["cashier"] == "Rina"


def test_a_stand_without_staff_sells_headless_as_before(db):
    """No accounts: no --cashier and no PIN needed."""
    done = booth_pos(db, "sell", "ECO-04", "--no-print")
    assert done.returncode == 0, done.stderr


def test_big_discount_headless_needs_a_supervisor(crewed):
    """30 % off is above the 20 % threshold: refused alone, sold with Dewi's approval."""
    alone = booth_pos(
        crewed, "sell", "--cashier", "Rina", "--discount", "30%", "ECO-04", "--no-print",
        pin="1111",
    )  # fmt: skip
    assert alone.returncode == 1 and "--supervisor" in alone.stderr
    approved = booth_pos(
        crewed, "sell", "--cashier", "Rina", "--discount", "30%", "ECO-04", "--no-print",
        "--supervisor", "Dewi", "--reason", "pembeli grosir", pin="1111", supervisor_pin="2468",
    )  # fmt: skip
    assert approved.returncode == 0, approved.stderr
    assert json.loads(approved.stdout)["total"] == 115_500


def test_void_and_refund_end_to_end(crewed):
    """Rina sells; Dewi voids one sale and refunds part of another; the receipts are printed
    to the PDF folder; the day report shows the refunds and the cash expected."""
    assert booth_pos(crewed, "day", "open", "--float", "500000").returncode == 0
    first = booth_pos(crewed, "sell", "--cashier", "Rina", "ECO-04", "--no-print", pin="1111")
    second = booth_pos(
        crewed, "sell", "--cashier", "Rina", "3*BKR-05", "ECO-04", "--no-print", pin="1111"
    )
    assert first.returncode == 0 and second.returncode == 0

    wrong = booth_pos(crewed, "void", "T1-000001", "--reason", "x", "--supervisor", "Dewi",
                      pin="0000")  # fmt: skip
    assert wrong.returncode == 1 and "Wrong PIN" in wrong.stderr
    cashier = booth_pos(crewed, "void", "T1-000001", "--reason", "x", "--supervisor", "Rina",
                        pin="1111")  # fmt: skip
    assert cashier.returncode == 1 and "only a supervisor" in cashier.stderr

    voided = booth_pos(
        crewed, "void", "T1-000001", "--reason", "salah input", "--supervisor", "Dewi", pin="2468"
    )
    assert voided.returncode == 0, voided.stderr
    v = json.loads(voided.stdout)
    assert (v["number"], v["kind"], v["amount"]) == ("T1-R000001", "void", 165_000)
    again = booth_pos(
        crewed, "void", "T1-000001", "--reason", "lagi", "--supervisor", "Dewi", pin="2468"
    )
    assert again.returncode == 1 and "already voided" in again.stderr

    refunded = booth_pos(
        crewed, "refund", "T1-000002", "2*BKR-05", "--reason", "rusak", "--supervisor", "Dewi",
        "--method", "qris", pin="2468",
    )  # fmt: skip
    assert refunded.returncode == 0, refunded.stderr
    r = json.loads(refunded.stdout)
    assert (r["number"], r["amount"], r["items"]) == ("T1-R000002", 50_000, 2)
    assert r["payments"] == [{"method": "qris", "amount": 50_000}]
    too_many = booth_pos(
        crewed, "refund", "T1-000002", "2*BKR-05", "--reason", "x", "--supervisor", "Dewi",
        pin="2468",
    )  # fmt: skip
    assert too_many.returncode == 1 and "Only 1" in too_many.stderr
    rest = booth_pos(
        crewed, "refund", "T1-000002", "--reason", "semua", "--supervisor", "Dewi", pin="2468"
    )
    assert rest.returncode == 0, rest.stderr
    assert json.loads(rest.stdout)["amount"] == 165_000 + 25_000

    folder = crewed.parent / "receipts"
    assert {p.name for p in folder.glob("T1-R*.pdf")} == {
        "T1-R000001.pdf",
        "T1-R000002.pdf",
        "T1-R000003.pdf",
    }
    store = open_store(crewed)
    try:
        report = reports.day_report(store)
        assert report.refunds == 165_000 + 50_000 + 190_000 == report.gross
        assert report.net == 0
        assert report.cash.expected == 500_000 + 405_000 - 355_000  # cash in, cash back
        assert report.payment("qris").net == -50_000
        assert report.payment("cash").net == 50_000
    finally:
        store.close()


def test_refund_refusals_ask_no_pin_and_write_nothing(crewed):
    """An unknown receipt, an item not on it, or no open day: exit 1, no PIN needed."""
    assert booth_pos(crewed, "sell", "--cashier", "Rina", "ECO-04", "--no-print",
                     pin="1111").returncode == 0  # fmt: skip
    for args in (
        ("refund", "T1-000099", "--reason", "x", "--supervisor", "Dewi"),
        ("refund", "T1-000001", "BKR-05", "--reason", "x", "--supervisor", "Dewi"),
        ("refund", "T1-000001", "--reason", " ", "--supervisor", "Dewi"),
        ("void", "T1-000099", "--reason", "x", "--supervisor", "Dewi"),
    ):
        done = booth_pos(crewed, *args)  # no PIN in the environment, no terminal
        assert done.returncode == 1 and "BOOTH_POS_PIN" not in done.stderr, done.stderr
    assert booth_pos(crewed, "day", "close", "--counted", "165000").returncode == 0
    closed = booth_pos(crewed, "refund", "T1-000001", "--reason", "x", "--supervisor", "Dewi")
    assert closed.returncode == 1 and "open the day" in closed.stderr
    store = open_store(crewed)
    try:
        assert raw(store).execute("SELECT count(*) FROM corrections").fetchone() == (0,)
    finally:
        store.close()


def test_a_refund_receipt_can_be_written_again(crewed, tmp_path):
    """`booth-pos receipt T1-R000001 --pdf` writes the refund receipt again, in English."""
    assert booth_pos(crewed, "sell", "--cashier", "Rina", "ECO-04", "--no-print",
                     pin="1111").returncode == 0  # fmt: skip
    done = booth_pos(
        crewed, "refund", "T1-000001", "--reason", "rusak", "--supervisor", "Dewi", "--no-print",
        pin="2468",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = tmp_path / "refund.pdf"
    again = booth_pos(crewed, "receipt", "T1-R000001", "--pdf", str(out), "--lang", "en")
    assert again.returncode == 0, again.stderr
    from tests.helpers.documents import read_pdf, squash

    (page,) = read_pdf(out.read_bytes())
    assert "REFUND RECEIPT" in squash(page.text) and "T1-000001" in page.text
