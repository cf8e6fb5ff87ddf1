"""``booth-pos`` for the tourists: the rates of the day, ``sell --origin``, ``receipt --lang``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers.cli import booth_pos

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo
from booth_pos.store import open_store
from tests.helpers.documents import read_pdf, squash

pytestmark = pytest.mark.e2e
NOW = "2023-03-01T10:00:00+07:00"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    store.close()
    return path


@pytest.fixture
def db(template, tmp_path) -> Path:
    path = tmp_path / "booth.sqlite"
    shutil.copy(template, path)
    return path


def set_rates(db: Path, text: str = "EUR=17250; USD=15300; KRW=11,85; INR=190"):
    return booth_pos(db, "settings", "set", f"rates={text}")


def test_the_coordinator_enters_the_rates_of_the_day(db):
    """``settings set rates=...`` stores them one way, dated today, and shows them."""
    done = set_rates(db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "rates=EUR=17250; USD=15300; KRW=11.85; INR=190"
    shown = json.loads(booth_pos(db, "settings", "show", "--json").stdout)
    assert shown["rates"] == "EUR=17250; USD=15300; KRW=11.85; INR=190"
    assert shown["rates_date"] == "2023-03-01"
    # The next morning's rates are dated the next morning.
    later = booth_pos(db, "settings", "set", "rates=EUR=17300", now="2023-03-02T08:00:00+07:00")
    assert later.returncode == 0, later.stderr
    assert json.loads(booth_pos(db, "settings", "show", "--json").stdout)["rates_date"] == (
        "2023-03-02"
    )


@pytest.mark.parametrize(
    ("text", "named"),
    [("EUR=17.250", "EUR=17.250"), ("EUR=17250; WON=11", "WON=11"), ("EUR:17250", "EUR:17250")],
)
def test_bad_rates_are_refused_in_one_line_naming_the_pair(db, text, named):
    """Exit 1, one line on stderr that names the bad pair, nothing saved."""
    before = booth_pos(db, "settings", "show", "--json").stdout
    done = set_rates(db, text)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and named in done.stderr
    assert "Traceback" not in done.stderr
    assert booth_pos(db, "settings", "show", "--json").stdout == before


def test_sell_origin_kr_keeps_won_and_korean_and_the_receipt_shows_them(db, tmp_path):
    """A Korean buyer at the command line: KRW at 11,85 and a Korean receipt, reprinted
    the same after the rates change; ``--lang en`` prints it in English, same won."""
    set_rates(db)
    sold = booth_pos(db, "sell", "MNK-01", "MNK-01", "MNK-01", "--origin", "KR", "--no-print")
    assert sold.returncode == 0, sold.stderr
    sale = json.loads(sold.stdout)
    assert (sale["origin"], sale["lang"]) == ("KR", "ko")
    assert sale["reference"] == {"currency": "KRW", "rate": "11.85", "amount": "30380"}
    set_rates(db, "KRW=13; EUR=18000")
    pdf = tmp_path / "ko.pdf"
    done = booth_pos(db, "receipt", sale["receipt_no"], "--pdf", str(pdf))
    assert done.returncode == 0, done.stderr
    text = squash(read_pdf(pdf.read_bytes())[0].text)
    assert "합계" in text and "≈ ₩30,380" in text and "참고용" in text
    english = tmp_path / "en.pdf"
    done = booth_pos(db, "receipt", sale["receipt_no"], "--pdf", str(english), "--lang", "en")
    assert done.returncode == 0, done.stderr
    text = squash(read_pdf(english.read_bytes())[0].text)
    assert "TOTAL" in text and "≈ ₩30,380" in text and "합계" not in text
    assert booth_pos(db, "verify").returncode == 0


def test_receipt_lang_ko_prints_an_indonesian_sale_in_korean(db, tmp_path):
    """``receipt NO --lang ko``: a sale rung up without an origin, printed in Korean."""
    sold = booth_pos(db, "sell", "MNK-01", "--no-print")
    receipt_no = json.loads(sold.stdout)["receipt_no"]
    pdf = tmp_path / "ko.pdf"
    done = booth_pos(db, "receipt", receipt_no, "--pdf", str(pdf), "--lang", "ko")
    assert done.returncode == 0, done.stderr
    text = squash(read_pdf(pdf.read_bytes())[0].text)
    assert "영수증 번호" in text and receipt_no in text and "현금" in text


def test_sell_origin_fr_with_no_euro_rate_today_sells_without_a_reference(db):
    """No rate for the customer's currency: the sale goes through, no reference kept."""
    set_rates(db, "KRW=11,85")
    sold = booth_pos(db, "sell", "MNK-01", "--origin", "FR", "--no-print")
    assert sold.returncode == 0, sold.stderr
    sale = json.loads(sold.stdout)
    assert (sale["lang"], sale["reference"]) == ("fr", None)
