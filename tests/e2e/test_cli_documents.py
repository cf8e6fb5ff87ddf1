"""`booth-pos receipt`, `labels`, `catalog`, and printing after `sell`, as scripts run them."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.documents import decode, rasterise, read_pdf, squash

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e

NOW = "2023-03-01T10:00:00+07:00"


def booth_pos(db: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``booth-pos ARGS`` on ``db`` with the clock fixed at 10:00 WIB on 1 March 2023."""
    env = {**os.environ, "BOOTH_POS_DB": str(db), "BOOTH_POS_NOW": NOW}
    return subprocess.run(
        [sys.executable, "-m", "booth_pos", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
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
def demo_db(demo_template, tmp_path) -> Path:
    path = tmp_path / "stand" / "booth.sqlite"
    path.parent.mkdir()
    shutil.copy(demo_template, path)
    return path


def set_printer(db: Path, **changes) -> None:
    store = open_store(db)
    try:
        store.save_settings(dataclasses.replace(store.settings(), **changes))
    finally:
        store.close()


def test_sell_saves_the_receipt_pdf_beside_the_database(demo_db):
    """With the default printer, a sale leaves RECEIPT_NO.pdf in receipts/ and stdout is JSON."""
    sold = booth_pos(demo_db, "sell", "BKR-01", "--pay", "qris:500000", "--pay", "cash:400000")
    assert sold.returncode == 0, sold.stderr
    sale = json.loads(sold.stdout)
    pdf = (demo_db.parent / "receipts" / f"{sale['receipt_no']}.pdf").read_bytes()
    assert "TOTAL Rp 850.000" in squash(read_pdf(pdf)[0].text)


def test_printer_that_is_off_leaves_the_sale_and_warns(demo_db):
    """An ESC/POS printer nobody answers for: exit 0, a warning, and the sale is stored."""
    set_printer(demo_db, printer="escpos", printer_target="127.0.0.1:1")
    sold = booth_pos(demo_db, "sell", "MNK-01")
    assert sold.returncode == 0, sold.stderr
    receipt_no = json.loads(sold.stdout)["receipt_no"]
    assert f"warning: receipt {receipt_no} was not printed" in sold.stderr
    store = open_store(demo_db)
    try:
        assert store.sales.get(receipt_no).total == 120_000
    finally:
        store.close()


def test_receipt_of_a_past_sale(demo_db, tmp_path):
    """`booth-pos receipt` writes any past sale's receipt at 58 mm, in English, scannable."""
    receipt_no = json.loads(booth_pos(demo_db, "sell", "--no-print", "ECO-01").stdout)["receipt_no"]
    out = tmp_path / "r.pdf"
    done = booth_pos(
        demo_db, "receipt", receipt_no, "--pdf", str(out), "--width", "58", "--lang", "en"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    (page,) = read_pdf(out.read_bytes())
    assert page.width_mm == pytest.approx(58, abs=0.1)
    assert "TOTAL IDR 285,000" in squash(page.text) and "Change" in page.text
    assert decode(rasterise(out.read_bytes())["pdfium"]) == [("Code128", receipt_no)]
    missing = booth_pos(demo_db, "receipt", "T1-999999", "--pdf", str(out))
    assert missing.returncode == 1 and "T1-999999" in missing.stderr


def test_labels_for_chosen_skus_on_a_roll(demo_db, tmp_path):
    """`booth-pos labels --sku --copies --layout roll` makes one 50 x 30 mm page per label."""
    out = tmp_path / "labels.pdf"
    done = booth_pos(
        demo_db,
        "labels",
        "--pdf",
        str(out),
        "--sku",
        "BKR-01",
        "--sku",
        "ECO-02",
        "--copies",
        "2",
        "--layout",
        "roll",
    )
    assert done.returncode == 0, done.stderr
    pages = read_pdf(out.read_bytes())
    assert [(round(p.width_mm), round(p.height_mm)) for p in pages] == [(50, 30)] * 4
    unknown = booth_pos(demo_db, "labels", "--pdf", str(out), "--sku", "NOPE-1")
    assert unknown.returncode == 1 and "NOPE-1" in unknown.stderr


def test_catalogue_with_a_buyers_currency(demo_db, tmp_path):
    """`booth-pos catalog --currency EUR --rate 17250` shows euro prices; 17.250 is refused."""
    out = tmp_path / "catalogue.pdf"
    done = booth_pos(
        demo_db,
        "catalog",
        "--pdf",
        str(out),
        "--lang",
        "en",
        "--currency",
        "EUR",
        "--rate",
        "17250",
    )
    assert done.returncode == 0, done.stderr
    text = squash(" ".join(p.text for p in read_pdf(out.read_bytes())))
    assert "Product Catalogue" in text and "≈ €49.28" in text
    refused = booth_pos(
        demo_db, "catalog", "--pdf", str(out), "--currency", "EUR", "--rate", "17.250"
    )
    assert refused.returncode == 1 and "Ambiguous rate" in refused.stderr
    lonely = booth_pos(demo_db, "catalog", "--pdf", str(out), "--currency", "EUR")
    assert lonely.returncode == 1 and "go together" in lonely.stderr
