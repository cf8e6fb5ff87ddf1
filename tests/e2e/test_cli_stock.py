"""``booth-pos stock receive|return|count|ledger`` and ``payout`` as the stand runs them: the
issue's JSON exactly, bad input one line on stderr with nothing written, and two tills'
worth of processes writing notes at once without sharing a number."""

from __future__ import annotations

import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers.cli import booth_pos

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo, journal
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e

IMPORTED = "2023-03-01T08:00:00+07:00"
NOW = "2023-03-01T10:00:00+07:00"
LATER = "2023-03-01T16:00:00+07:00"
LEDGER_KEYS = {
    "sku", "artisan_code", "received", "sold", "refunded", "returned", "counted_diff",
    "reserved", "on_hand",
}  # fmt: skip


@pytest.fixture
def db(tmp_path) -> Path:
    """The demo stand (ECO-01 Rp 165.000 x 10 ... imported at 08:00), no day open yet."""
    path = tmp_path / "booth.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(IMPORTED)))
    store.close()
    return path


def dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def ok(done) -> dict | list:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def ledger(db) -> dict[str, dict]:
    return {r["sku"]: r for r in ok(booth_pos(db, "stock", "ledger", "--json"))}


def stock_of(db, sku: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT stock FROM products WHERE sku = ?", (sku,)).fetchone()[0]
    finally:
        conn.close()


def verified(db) -> bool:
    store = open_store(db)
    try:
        result = journal.verify(store)
        assert result.ok, [str(p) for p in result.problems]
        return True
    finally:
        store.close()


# -- the JSON of each command ---------------------------------------------------------------------


def test_stock_receive_prints_the_intake_note(db):
    """Exactly intake_no, artisan, lines of {sku, qty} (one SKU given twice is one line), qty."""
    before = ledger(db)
    got = ok(booth_pos(db, "stock", "receive", "ECO", "3*ECO-01", "2*ECO-02", "ECO-01",
                       "--note", "tas kedua", now=NOW))  # fmt: skip
    assert got == {
        "intake_no": "IN-0001",
        "artisan": "ECO",
        "lines": [{"sku": "ECO-01", "qty": 4}, {"sku": "ECO-02", "qty": 2}],
        "qty": 6,
    }
    after = ledger(db)
    assert after["ECO-01"]["received"] == before["ECO-01"]["received"] + 4
    assert after["ECO-01"]["on_hand"] == before["ECO-01"]["on_hand"] + 4
    assert after["ECO-02"]["on_hand"] == before["ECO-02"]["on_hand"] + 2
    assert verified(db)


def test_stock_return_prints_the_return_note_and_no_items_means_everything(db):
    """Some back, then the rest: every product of the artisan ends at zero."""
    on_hand = {s: r["on_hand"] for s, r in ledger(db).items() if r["artisan_code"] == "ECO"}
    got = ok(booth_pos(db, "stock", "return", "ECO", "2*ECO-01", now=NOW))
    assert got == {
        "return_no": "RT-0001",
        "artisan": "ECO",
        "lines": [{"sku": "ECO-01", "qty": 2}],
        "qty": 2,
    }
    rest = ok(booth_pos(db, "stock", "return", "ECO", now=NOW))
    assert set(rest) == {"return_no", "artisan", "lines", "qty"}
    want = {s: n - (2 if s == "ECO-01" else 0) for s, n in on_hand.items()}
    assert rest["return_no"] == "RT-0002"
    assert {ln["sku"]: ln["qty"] for ln in rest["lines"]} == {s: n for s, n in want.items() if n}
    assert rest["qty"] == sum(want.values())
    after = ledger(db)
    assert all(after[s]["on_hand"] == 0 for s in on_hand)
    assert all(after[s]["returned"] == on_hand[s] for s in on_hand)
    assert verified(db)


def test_stock_count_prints_the_differences(db):
    """ECO-01 counted 8 of 10: difference -2, with the reason; the ledger shows it."""
    on_hand = ledger(db)["ECO-01"]["on_hand"]
    got = ok(booth_pos(db, "stock", "count", "ECO-01=8", "ECO-02=" + str(
        ledger(db)["ECO-02"]["on_hand"]), "--reason", "stok opname", now=NOW))  # fmt: skip
    assert got["count_no"] == "SC-0001"
    assert got["reason"] == "stok opname"
    first = got["lines"][0]
    assert set(first) == {"sku", "counted", "on_hand_before", "difference"}
    assert first == {"sku": "ECO-01", "counted": 8, "on_hand_before": on_hand,
                     "difference": 8 - on_hand}  # fmt: skip
    assert got["lines"][1]["difference"] == 0
    row = ledger(db)["ECO-01"]
    assert (row["counted_diff"], row["on_hand"]) == (8 - on_hand, 8)
    assert verified(db)


def test_stock_ledger_json_has_exactly_the_issues_keys(db):
    """Per product exactly sku, artisan_code, received, sold, refunded, returned,
    counted_diff, on_hand (received includes the stock the import set)."""
    rows = ok(booth_pos(db, "stock", "ledger", "--json"))
    assert rows and all(set(r) == LEDGER_KEYS for r in rows)
    eco = ok(booth_pos(db, "stock", "ledger", "--artisan", "ECO", "--json"))
    assert eco and {r["artisan_code"] for r in eco} == {"ECO"}
    for r in rows:
        assert r["received"] == r["on_hand"] == stock_of(db, r["sku"])  # imported, untouched
        assert (
            r["received"] - r["sold"] + r["refunded"] - r["returned"] + r["counted_diff"]
            == (r["on_hand"])
        )


def test_the_ledger_text_flags_a_product_sold_beyond_stock(db):
    """A sale of more than on hand works; the ledger says the product needs a count."""
    on_hand = ledger(db)["BKR-04"]["on_hand"]
    sold = booth_pos(db, "sell", f"{on_hand + 2}*BKR-04", "--pay", "transfer", "--no-print",
                     now=NOW)  # fmt: skip
    assert sold.returncode == 0, sold.stderr
    assert ledger(db)["BKR-04"]["on_hand"] == -2
    text = booth_pos(db, "--lang", "id", "stock", "ledger", "--artisan", "BKR")
    assert text.returncode == 0
    line = next(ln for ln in text.stdout.splitlines() if ln.startswith("BKR-04"))
    assert "perlu dihitung" in line


def test_payouts_print_their_receipt_json_and_cash_lowers_the_expected_cash(db):
    """A day's sales by transfer, then a cash and a transfer payout: the JSON of each, the
    day's expected cash lower by the cash one, the report's columns and cash line."""
    assert booth_pos(db, "day", "open", "--float", "500000", now=NOW).returncode == 0
    sold = booth_pos(db, "sell", "4*ECO-01", "--pay", "transfer", "--no-print", now=NOW)
    assert sold.returncode == 0, sold.stderr
    price = next(p["price"] for p in ok(booth_pos(db, "products", "--json"))
                 if p["sku"] == "ECO-01")  # fmt: skip
    net = 4 * price
    owed = net - (net * 1500 + 5_000) // 10_000  # ECO 15 %, half up
    cash = ok(booth_pos(db, "payout", "ECO", "Rp 100.000", "--method", "cash", "--no-print",
                        now=LATER))  # fmt: skip
    assert cash == {
        "payout_no": "PO-0001", "artisan": "ECO", "amount": 100_000, "method": "cash",
        "reference": "", "supervisor": "", "owed_before": owed, "balance": owed - 100_000,
    }  # fmt: skip
    transfer = ok(booth_pos(db, "payout", "ECO", "50000", "--method", "transfer",
                            "--reference", "BCA 0042", "--no-print", now=LATER))  # fmt: skip
    assert (transfer["payout_no"], transfer["reference"], transfer["balance"]) == (
        "PO-0002", "BCA 0042", owed - 150_000,
    )  # fmt: skip
    report = ok(booth_pos(db, "report", "--json"))
    eco = next(a for a in report["by_artisan"] if a["code"] == "ECO")
    assert {"received_qty", "returned_qty", "paid_out", "balance"} <= set(eco)
    assert (eco["paid_out"], eco["balance"], eco["payout"]) == (150_000, owed - 150_000, owed)
    assert eco["received_qty"] == sum(
        r["received"] for r in ledger(db).values() if r["artisan_code"] == "ECO"
    )  # the import of the morning, dated today
    assert eco["returned_qty"] == 0
    assert report["cash"]["expected"] == 500_000 - 100_000
    assert report["cash_payouts"] == 100_000
    status = booth_pos(db, "day", "status", now=LATER)
    assert status.returncode == 0
    text = booth_pos(db, "report")
    line = next(ln for ln in text.stdout.splitlines() if ln.startswith("cash:"))
    assert "payouts 100,000" in line and "expected 400,000" in line, line
    assert verified(db)


# -- refused ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["stock", "receive", "ECO", "0*ECO-01"],
        ["stock", "receive", "ECO", "x*ECO-01"],
        ["stock", "receive", "ECO", "2*BKR-01"],  # another artisan's
        ["stock", "receive", "NOPE", "1*ECO-01"],
        ["stock", "receive", "ECO", "1*NOPE-01"],
        ["stock", "return", "ECO", "99*ECO-01"],  # more than on hand
        ["stock", "return", "ECO", "1*BKR-01"],
        ["stock", "return", "NOPE"],
        ["stock", "count", "ECO-01=3", "--reason", ""],
        ["stock", "count", "ECO-01=3", "--reason", "   "],
        ["stock", "count", "ECO-01=x", "--reason", "opname"],
        ["stock", "count", "ECO-01", "--reason", "opname"],
        ["stock", "ledger", "--artisan", "NOPE"],
        ["payout", "ECO", "0", "--method", "transfer"],
        ["payout", "ECO", "abc", "--method", "transfer"],
        ["payout", "ECO", "-5000", "--method", "transfer"],
        ["payout", "ECO", "1000", "--method", "transfer"],  # nothing sold: nothing owed
        ["payout", "ECO", "1000", "--method", "cash"],  # no day open
        ["payout", "NOPE", "1000", "--method", "transfer"],
    ],
)
def test_bad_input_is_one_line_exit_1_and_nothing_is_written(db, args):
    before = dump(db)
    done = booth_pos(db, *args, now=NOW)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith("booth-pos: ") and "Traceback" not in done.stderr
    assert dump(db) == before


def test_a_payout_over_the_balance_or_the_drawer_is_refused_in_indonesian_too(db):
    """With a sale by transfer the stand owes ECO more than the drawer holds."""
    assert booth_pos(db, "day", "open", "--float", "50000", now=NOW).returncode == 0
    assert booth_pos(db, "sell", "2*ECO-01", "--pay", "transfer", "--no-print",
                     now=NOW).returncode == 0  # fmt: skip
    before = dump(db)
    over = booth_pos(db, "--lang", "id", "payout", "ECO", "1000000", "--method", "transfer",
                     now=LATER)  # fmt: skip
    assert over.returncode == 1 and "Sisa tagihan" in over.stderr
    drawer = booth_pos(db, "payout", "ECO", "50001", "--method", "cash", now=LATER)
    assert drawer.returncode == 1 and "drawer" in drawer.stderr
    assert len(drawer.stderr.strip().splitlines()) == 1
    assert dump(db) == before


def test_an_unknown_payout_method_is_a_usage_error_that_writes_nothing(db):
    before = dump(db)
    done = booth_pos(db, "payout", "ECO", "1000", "--method", "cheque", now=NOW)
    assert done.returncode == 2 and "usage:" in done.stderr
    assert dump(db) == before


# -- two processes at once -------------------------------------------------------------------------


def test_two_intakes_at_once_get_two_numbers(db):
    """Two ``stock receive`` processes on the same file at the same moment: IN-0001 and
    IN-0002, each with its own goods, and the file verifies."""
    jobs = [("ECO", "3*ECO-01"), ("BKR", "5*BKR-05")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda j: booth_pos(db, "stock", "receive", *j, now=NOW), jobs))
    got = [ok(d) for d in done]
    assert sorted(g["intake_no"] for g in got) == ["IN-0001", "IN-0002"]
    assert {g["artisan"]: g["qty"] for g in got} == {"ECO": 3, "BKR": 5}
    conn = sqlite3.connect(db)
    try:
        numbers = [
            r[0] for r in conn.execute("SELECT number FROM stock_notes WHERE kind = 'intake'")
        ]
        refs = [r[0] for r in conn.execute("SELECT ref FROM journal WHERE kind = 'stock_note'")]
    finally:
        conn.close()
    assert sorted(numbers) == ["IN-0001", "IN-0002"]
    assert sorted(refs) == ["IM-0001", "IN-0001", "IN-0002"]
    assert verified(db)


def test_two_payouts_of_the_whole_balance_at_once_pay_it_once(db):
    """Two coordinators pay the same balance at the same moment: one payout is recorded,
    the other is refused (it sees the first), and nothing is owed twice over."""
    assert booth_pos(db, "day", "open", "--float", "0", now=NOW).returncode == 0
    sold = booth_pos(db, "sell", "2*ECO-01", "--pay", "transfer", "--no-print", now=NOW)
    assert sold.returncode == 0, sold.stderr
    owed = ok(booth_pos(db, "report", "--json"))["by_artisan"]
    owed = next(a["balance"] for a in owed if a["code"] == "ECO")
    args = ("payout", "ECO", str(owed), "--method", "transfer", "--no-print")
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda _i: booth_pos(db, *args, now=LATER), range(2)))
    assert sorted(d.returncode for d in done) == [0, 1], [d.stderr for d in done]
    paid = next(json.loads(d.stdout) for d in done if d.returncode == 0)
    assert (paid["payout_no"], paid["amount"], paid["balance"]) == ("PO-0001", owed, 0)
    assert verified(db)


def test_day_close_json_adds_up_after_a_cash_payout(db):
    """float + cash received - cash refunds - cash payouts = expected, from the JSON alone."""
    assert booth_pos(db, "day", "open", "--float", "200000", now=NOW).returncode == 0
    sold = booth_pos(db, "sell", "ECO-01", "--pay", "cash", "--no-print", now=NOW)
    assert sold.returncode == 0, sold.stderr
    assert booth_pos(db, "payout", "ECO", "30000", "--method", "cash", "--no-print",
                     now=LATER).returncode == 0  # fmt: skip
    status = booth_pos(db, "day", "status", now=LATER)
    closed = ok(booth_pos(db, "day", "close", "--counted", "0", now=LATER))
    assert closed["cash_payouts"] == 30_000
    assert closed["expected"] == (
        closed["float"] + closed["cash_received"] - closed["cash_refunds"] - closed["cash_payouts"]
    )
    assert closed["difference"] == -closed["expected"]
    assert f"{closed['expected']:,}" in status.stdout
