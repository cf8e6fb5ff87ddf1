"""``booth-pos artisan add|edit`` and ``product add|edit``: one record at a time, read and
refused exactly as the import reads and refuses it (issue 13, first part)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.cli import booth_pos

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo, journal
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e

NOW = "2023-03-01T10:00:00+07:00"


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "booth.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    store.close()
    return path


def catalogue(db: Path) -> tuple[list, list]:
    store = open_store(db)
    try:
        return store.artisans.all(), store.products.all()
    finally:
        store.close()


@pytest.mark.parametrize("typed, shown", [("12,5", "12.5"), ("12.5", "12.5"), ("12,5%", "12.5")])
def test_an_artisan_is_added_with_the_commission_typed_as_the_import_takes_it(db, typed, shown):
    done = booth_pos(db, "artisan", "add", "SNG", "--name", "Songket Serang",
                     "--commission", typed, "--owner", "Ibu Ratna")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "code": "SNG", "name": "Songket Serang", "owner": "Ibu Ratna", "phone": "",
        "commission_percent": shown, "active": True,
    }  # fmt: skip


@pytest.mark.parametrize(
    "args, says",
    [
        (["artisan", "add", "ECO", "--name", "X", "--commission", "10"], "exists already"),
        (["artisan", "add", "NEW", "--name", "X", "--commission", "120"], "above 100"),
        (["artisan", "add", "N W", "--name", "X", "--commission", "10"], "must not contain spaces"),
        (["artisan", "edit", "NOPE", "--commission", "10"], "no artisan with code"),
        (["product", "add", "NEW-1", "--name", "X", "--artisan", "NOPE", "--price", "1000"],
         "no artisan with code 'NOPE'"),
        (["product", "add", "NEW-1", "--name", "X", "--artisan", "ECO", "--price", "12,50"],
         "price"),
        (["product", "add", "ECO-01", "--name", "X", "--artisan", "ECO", "--price", "1000"],
         "exists already"),
        (["product", "add", "NEW-1", "--name", "X", "--artisan", "ECO", "--price", "1000",
          "--barcode", "1234567890123"], "barcode"),
        (["product", "edit", "ECO-01", "--price", "-5"], "price"),
        (["product", "edit", "NOPE", "--price", "5000"], "no product with SKU"),
    ],
)  # fmt: skip
def test_a_bad_record_is_one_line_exit_1_and_nothing_is_saved(db, args, says):
    before = catalogue(db)
    done = booth_pos(db, *args)
    assert done.returncode == 1
    assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert catalogue(db) == before


def test_a_new_product_starts_with_stock_0_and_an_in_store_barcode(db):
    done = booth_pos(
        db, "product", "add", "ECO-99", "--name", "Scarf Ecoprint Sutra",
        "--artisan", "ECO", "--price", "Rp 175.000", "--category", "Ecoprint",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    product = json.loads(done.stdout)
    assert product["price"] == 175_000 and product["stock"] == 0
    assert product["barcode"].startswith("2") and len(product["barcode"]) == 13
    scanned = booth_pos(db, "products", "--json")
    assert any(p["barcode"] == product["barcode"] for p in json.loads(scanned.stdout))


def test_edits_change_only_what_is_given_and_are_audited_with_old_and_new(db):
    store = open_store(db)
    old = store.products.by_sku("ECO-01")
    store.close()
    done = booth_pos(db, "product", "edit", "ECO-01", "--price", "Rp 99.000")
    assert done.returncode == 0, done.stderr
    new = json.loads(done.stdout)
    assert (new["name"], new["barcode"], new["stock"], new["price"]) == (
        old.name, old.barcode, old.stock, 99_000,
    )  # fmt: skip
    assert booth_pos(db, "artisan", "edit", "ECO", "--commission", "30").returncode == 0
    store = open_store(db)
    try:
        kinds = {
            e["kind"]: e["detail"]["changed"]
            for e in journal.audit_entries(store, kinds=["product_edited", "artisan_edited"])
        }
        assert kinds["product_edited"] == {"price": [old.price, 99_000]}
        assert kinds["artisan_edited"]["commission_bp"][1] == 3000
        assert store.artisans.commission_rates()["ECO"] == 3000
        assert journal.verify(store).ok
    finally:
        store.close()


def test_a_deactivated_product_cannot_be_sold_and_leaves_the_quick_grid(db):
    from booth_pos.services import products

    done = booth_pos(db, "product", "edit", "ECO-01", "--active", "no")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["active"] is False
    refused = booth_pos(db, "sell", "ECO-01", "--no-print")
    assert refused.returncode == 1 and "deactivated" in refused.stderr
    store = open_store(db)
    try:
        assert store.sales.get("T1-000001") is None  # nothing was sold
        assert "ECO-01" not in [p.sku for p in products.of_artisan(store, "ECO")]
        assert store.products.by_sku("ECO-01") is not None  # never deleted
    finally:
        store.close()
    assert booth_pos(db, "product", "edit", "ECO-01", "--active", "yes").returncode == 0
    sold = booth_pos(db, "sell", "ECO-01", "--no-print")
    assert sold.returncode == 0, sold.stderr


def test_the_goods_of_a_deactivated_artisan_cannot_be_sold(db):
    done = booth_pos(db, "artisan", "edit", "ECO", "--active", "no")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["active"] is False
    refused = booth_pos(db, "--lang", "id", "sell", "ECO-01", "--no-print")
    assert refused.returncode == 1 and "dinonaktifkan" in refused.stderr
    assert booth_pos(db, "sell", "BKR-05", "--no-print").returncode == 0  # others still sell
