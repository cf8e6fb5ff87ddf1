"""``booth-pos sell --open ARTISAN:PRICE[:NAME]``: unlabelled goods sold from a script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import raw
from helpers.cli import NOW, booth_pos

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e


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


def test_open_lines_sell_beside_scanned_goods_and_verify(demo_db):
    """A masker, a bag for ECO at 'Rp 175.000' and one for BKR whose name holds a colon: the
    JSON shows them like any line (sku ""), no stock moves for them, verify holds."""
    sold = booth_pos(
        demo_db, "sell", "BKR-05", "--open", "ECO:Rp 175.000", "--open",
        "bkr:50000:Tas: batik kecil", "--pay", "cash:300.000", "--no-print",
    )  # fmt: skip
    assert sold.returncode == 0, sold.stderr
    sale = json.loads(sold.stdout)
    assert [(ln["sku"], ln["name"], ln["artisan_code"], ln["net"]) for ln in sale["lines"]] == [
        ("BKR-05", "Masker Batik", "BKR", 25_000),
        ("", "Barang Sekar Ecoprint", "ECO", 175_000),
        ("", "Tas: batik kecil", "BKR", 50_000),
    ]
    assert set(sale["lines"][1]) == set(sale["lines"][0])
    assert (sale["total"], sale["change"]) == (250_000, 50_000)
    store = open_store(demo_db)
    try:
        moves = raw(store).execute("SELECT sku FROM stock_moves WHERE kind = 'sale'").fetchall()
        assert moves == [("BKR-05",)]
    finally:
        store.close()
    assert booth_pos(demo_db, "verify").returncode == 0
    report = json.loads(booth_pos(demo_db, "report", "--json").stdout)
    eco = next(a for a in report["by_artisan"] if a["code"] == "ECO")
    assert (eco["items"], eco["net"], eco["commission"]) == (1, 175_000, 26_250)
    open_rows = [p for p in report["top_products"] if p["open_price"]]
    assert sorted((p["artisan"], p["net"]) for p in open_rows) == [
        ("BKR", 50_000),
        ("ECO", 175_000),
    ]


def test_an_open_line_alone_is_a_sale(demo_db):
    """No scanned goods at all: one --open is enough."""
    sold = booth_pos(demo_db, "sell", "--open", "PDN:65000:Topi pandan", "--no-print")
    assert sold.returncode == 0, sold.stderr
    (line,) = json.loads(sold.stdout)["lines"]
    assert (line["sku"], line["name"], line["unit_price"]) == ("", "Topi pandan", 65_000)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("NOPE:50000", "No artisan has the code 'NOPE'"),
        ("ECO:0", "at least Rp 1"),
        ("ECO:-50000", "at least Rp 1"),
        ("ECO:1.000.000.001", "surely a typo"),
        ("ECO:99999999999999999999", "is not a price"),
        ("ECO:abc", "'abc' is not a price"),
        ("ECO:150.000,50", "is not a price"),
        ("ECO", "give ARTISAN:PRICE[:NAME]"),
        (":50000", "give ARTISAN:PRICE[:NAME]"),
        ("ECO::Tas", "give ARTISAN:PRICE[:NAME]"),
        ("ECO:50000:Tas\u202ekecil", "control characters"),
    ],
)
def test_a_bad_open_line_exits_1_with_one_line_and_writes_nothing(demo_db, spec, message):
    """An unknown artisan, a price of 0, negative, huge or not a price, a missing part, a name
    with a right-to-left override: exit 1, one line naming the --open, nothing written (not
    even the day a sale would open)."""
    before = snapshot(demo_db)
    done = booth_pos(demo_db, "sell", "BKR-05", "--open", "BKR:25000", "--open", spec)
    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert message in line and "--open" in line
    assert snapshot(demo_db) == before


def test_a_deactivated_artisan_is_refused_in_indonesian_too(demo_db):
    """The coordinator deactivated ECO: its open lines are refused, in the language asked."""
    assert booth_pos(demo_db, "artisan", "edit", "ECO", "--active", "no").returncode == 0
    before = snapshot(demo_db)
    done = booth_pos(demo_db, "--lang", "id", "sell", "--open", "ECO:50000")
    assert done.returncode == 1
    assert "dinonaktifkan" in done.stderr and len(done.stderr.splitlines()) == 1
    assert snapshot(demo_db) == before


def test_sell_with_nothing_to_sell_is_a_usage_error(demo_db):
    """Neither ITEM nor --open: usage, exit 2, naming both ways."""
    done = booth_pos(demo_db, "sell", "--pay", "cash")
    assert done.returncode == 2
    assert "usage:" in done.stderr and "--open" in done.stderr
