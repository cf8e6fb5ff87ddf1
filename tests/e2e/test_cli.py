"""The real ``booth-pos`` command, run as a coordinator or a script would run it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import raw
from helpers.cli import booth_pos

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e

NOW = "2023-03-01T10:00:00+07:00"
PRODUCT_KEYS = ["sku", "name", "artisan_code", "category", "price", "stock", "barcode"]


def snapshot(db: Path) -> list[str]:
    store = open_store(db)
    try:
        return list(raw(store).conn.iterdump())
    finally:
        store.close()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    """A demo stand database built once, in-process, and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    store.close()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path) -> Path:
    path = tmp_path / "booth.sqlite"
    shutil.copy(demo_template, path)
    return path


def test_import_sheets_then_list_products_as_json(tmp_path):
    """The coordinator imports both sheets and a script reads the catalogue back as JSON."""
    db = tmp_path / "booth.sqlite"
    artisans = tmp_path / "artisans.csv"
    artisans.write_text(
        "\ufeffcode;name;owner;phone;commission_percent\r\n"
        "ECO;Sekar Ecoprint;Siti Nurhaliza;0812;12,5%\r\n",
        encoding="utf-8",
        newline="",
    )
    products = tmp_path / "products.csv"
    products.write_text(
        "sku;name;artisan_code;category;price;stock;barcode\r\n"
        "ECO-01;Selendang Ecoprint Daun Jati;ECO;Ecoprint;Rp 285.000;12;\r\n"
        "ECO-05;Tote Bag Ecoprint;ECO;Ecoprint;145.000;20;4006381333931\r\n",
        encoding="utf-8",
        newline="",
    )
    done = booth_pos(db, "import", "artisans", str(artisans))
    assert (done.returncode, done.stdout.strip()) == (0, "artisans: 1 added, 0 updated")
    done = booth_pos(db, "import", "products", str(products))
    assert (done.returncode, done.stdout.strip()) == (0, "products: 2 added, 0 updated")

    listed = booth_pos(db, "products", "--json")
    assert listed.returncode == 0
    rows = json.loads(listed.stdout)
    assert [list(row) for row in rows] == [PRODUCT_KEYS, PRODUCT_KEYS]
    by_sku = {row["sku"]: row for row in rows}
    assert by_sku["ECO-01"]["price"] == 285_000 and type(by_sku["ECO-01"]["price"]) is int
    assert by_sku["ECO-01"]["barcode"].startswith("2")
    assert by_sku["ECO-05"] == {
        "sku": "ECO-05",
        "name": "Tote Bag Ecoprint",
        "artisan_code": "ECO",
        "category": "Ecoprint",
        "price": 145_000,
        "stock": 20,
        "barcode": "4006381333931",
    }


def test_a_bad_sheet_exits_1_lists_every_problem_and_writes_nothing(demo_db, tmp_path):
    """A sheet with bad rows is refused: exit 1, each problem on stderr, the catalogue intact."""
    sheet = tmp_path / "products.csv"
    sheet.write_text(
        "sku,name,artisan_code,category,price,stock,barcode\n"
        "NEW-01,Tas Baru,ECO,Tas,95.000,5,\n"
        "NEW-02,Tas Mahal,XYZ,Tas,\"95.000,50\",5,\n"
        "ECO-01,Selendang,ECO,Ecoprint,285.000,12,4006381333932\n",
        encoding="utf-8",
    )
    before = snapshot(demo_db)
    done = booth_pos(demo_db, "import", "products", str(sheet))
    assert done.returncode == 1
    assert done.stdout == ""
    problems = [ln for ln in done.stderr.splitlines() if ln.startswith("line ")]
    assert problems == [
        "line 3: artisan_code: no artisan with code 'XYZ'",
        "line 3: price: rupiah have no cents: '95.000,50'",
        "line 4: barcode: wrong check digit in '4006381333932' (expected 1)",
    ]
    assert snapshot(demo_db) == before


def test_demo_fills_an_empty_database(tmp_path):
    """`booth-pos demo` gives a realistic stand: 12 artisans and more than 50 products."""
    db = tmp_path / "demo.sqlite"
    done = booth_pos(db, "demo")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(db)
    store = open_store(db)
    try:
        assert len(store.artisans.all()) == 12
        assert store.products.count() >= 50
        assert store.sales.count() == 0
    finally:
        store.close()
    again = booth_pos(db, "demo")
    assert again.returncode == 1 and "empty" in again.stderr


def test_demo_with_days_rings_up_sales(tmp_path):
    """`demo --days 2 --sales-per-day 30` writes 60 sales on two closed days."""
    db = tmp_path / "demo.sqlite"
    done = booth_pos(db, "demo", "--days", "2", "--sales-per-day", "30")
    assert done.returncode == 0, done.stderr
    assert "60" in done.stderr
    store = open_store(db)
    try:
        assert store.sales.count() == 60
        assert [d.z_no for d in store.days.all()] == [1, 2]
    finally:
        store.close()


def test_open_the_day_then_sell_with_discount_and_split_tender(demo_db):
    """Float Rp 500.000, then 2 selendang + 1 masker, 10 % off, QRIS + cash: change Rp 164.500."""
    opened = booth_pos(demo_db, "day", "open", "--float", "500.000")
    assert opened.returncode == 0, opened.stderr
    assert json.loads(opened.stdout) == {"day": "2023-03-01", "float": 500_000}

    items = ["2*ECO-01", "BKR-05", "--discount", "10%"]
    sold = booth_pos(demo_db, "sell", *items, "--pay", "qris:100000", "--pay", "cash:600000")
    assert sold.returncode == 0, sold.stderr
    assert sold.stderr == ""  # the day was already open: nothing to announce
    sale = json.loads(sold.stdout)
    assert sale["receipt_no"] == "T1-000001"
    assert sale["day"] == "2023-03-01"
    assert (sale["total"], sale["paid"], sale["change"]) == (535_500, 535_500, 164_500)
    assert [(p["method"], p["amount"]) for p in sale["payments"]] == [
        ("qris", 100_000),
        ("cash", 435_500),
    ]
    store = open_store(demo_db)
    try:
        assert store.products.by_code("ECO-01").stock == 12 - 2
        assert store.sales.get("T1-000001").total == 535_500
    finally:
        store.close()


def test_a_headless_sale_with_no_open_day_opens_one_and_says_so(demo_db):
    """A script selling before anyone opened the day gets a day with float 0, announced."""
    sold = booth_pos(demo_db, "sell", "BKR-05")
    assert sold.returncode == 0, sold.stderr
    assert "opened business day 2023-03-01 with float 0" in sold.stderr
    sale = json.loads(sold.stdout)
    assert (sale["receipt_no"], sale["total"], sale["change"]) == ("T1-000001", 25_000, 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sell", "ECO-01", "NOPE-99"], "Unknown code: NOPE-99"),
        (["sell", "ECO-01", "--pay", "card:300000"], "Only cash may exceed"),
        (["sell", "ECO-01", "--pay", "cash:100000"], "still due"),
    ],
)
def test_a_refused_sale_exits_1_and_writes_nothing(demo_db, args, message):
    """An unknown code, a card overpayment or a short payment: exit 1, no sale, no day opened."""
    before = snapshot(demo_db)
    done = booth_pos(demo_db, *args)
    assert done.returncode == 1
    assert message in done.stderr
    assert done.stdout == ""
    assert snapshot(demo_db) == before


@pytest.mark.parametrize(
    "args",
    [
        ["sell"],
        ["sell", "ECO-01", "--pay", "bitcoin"],
        ["import", "prices", "x.csv"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(demo_db, args):
    """A mistyped command line is a usage error (exit 2), not a refused input."""
    done = booth_pos(demo_db, *args)
    assert done.returncode == 2
    assert "usage:" in done.stderr
