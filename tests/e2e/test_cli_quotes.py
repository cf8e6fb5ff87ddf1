"""``booth-pos quote ...`` as the coordinator runs it for a bulk buyer: the issue's JSON,
refusals on one line with nothing written, the quotation PDF."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from helpers.cli import booth_pos

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "booth.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant("2023-03-01T08:00:00+07:00")))
    store.close()
    return path


def dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def ok(done):
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_tiers_by_command_then_a_quote_in_euros(db, tmp_path):
    """product edit --tier --moq, then quote new: the tier, the exact euro total, PDF."""
    row = ok(booth_pos(db, "product", "edit", "ECO-04", "--tier", "10:135000",
                       "--tier", "50:120000", "--moq", "10", "--lead-days", "21"))  # fmt: skip
    assert row["wholesale"]["tiers"] == [
        {"min_qty": 10, "unit_price": 135000}, {"min_qty": 50, "unit_price": 120000}
    ]  # fmt: skip
    quote = ok(booth_pos(db, "quote", "new", "--buyer", "Camille Martin", "--company",
                         "Atelier Lumière", "--country", "FR", "--currency", "EUR", "--rate",
                         "17250", "60*ECO-04"))  # fmt: skip
    assert quote["quote_no"] == "Q-0001"
    assert quote["lines"][0]["unit_price"] == 120000
    assert quote["total"] == 7_200_000
    assert quote["total_foreign"] == "417.39"  # 417.3913...
    assert quote["ready_by"] == "2023-03-22"
    out = tmp_path / "Q-0001.pdf"
    done = booth_pos(db, "quote", "pdf", "Q-0001", "--pdf", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    shown = ok(booth_pos(db, "quote", "show", "Q-0001"))
    assert shown["status"] == "open"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["product", "edit", "ECO-04", "--tier", "10:200000"], "above the retail price"),
        (["product", "edit", "ECO-04", "--tier", "10:135000", "--tier", "50:150000"],
         "Tiers must decrease"),
        (["quote", "new", "--buyer", "B", "--currency", "EUR", "--rate", "17250", "1*NOPE"],
         "Unknown product: NOPE"),
        (["quote", "new", "--buyer", "B", "--currency", "XYZ", "--rate", "17250", "1*ECO-04"],
         "Not a foreign currency code"),
        (["quote", "new", "--buyer", "B", "--currency", "USD", "1*ECO-04"], "No rate for USD"),
        (["quote", "pdf", "Q-0009", "--pdf", "x.pdf"], "No quote 'Q-0009'"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_writes_nothing(db, args, words):
    """Each refusal: exit 1, one line naming the problem, the file unchanged."""
    before = dump(db)
    done = booth_pos(db, *args)
    assert done.returncode == 1
    assert words in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert dump(db) == before


def test_moq_refusal_names_the_moq(db):
    """Under the MOQ from the command line: one line naming it."""
    ok(booth_pos(db, "product", "edit", "ECO-04", "--moq", "10"))
    done = booth_pos(db, "quote", "new", "--buyer", "B", "--currency", "EUR", "--rate",
                     "17250", "9*ECO-04")  # fmt: skip
    assert done.returncode == 1
    assert "ECO-04: 9 is under the minimum order quantity (MOQ 10)" in done.stderr


def test_order_from_quote_deliver_and_documents(db, tmp_path):
    """from-quote prints the issue's JSON; deliver sells; production and pro-forma PDFs."""
    ok(booth_pos(db, "day", "open", "--float", "500000"))
    ok(booth_pos(db, "quote", "new", "--buyer", "Camille Martin", "--currency", "EUR",
                 "--rate", "17250", "20*ECO-04", "4*BKR-02"))  # fmt: skip
    order = ok(booth_pos(db, "order", "from-quote", "Q-0001", "--deposit", "30%", "--pay", "cash"))
    assert list(order) == ["order_no", "quote_no", "total", "deposit", "balance", "by_artisan"]
    assert order["order_no"] == "PO-0001"
    assert order["deposit"] == (order["total"] * 30 + 50) // 100
    assert sum(g["amount"] for g in order["by_artisan"]) == order["total"]
    done = ok(booth_pos(db, "order", "deliver", "PO-0001", "--pay", "cash"))
    assert done["status"] == "delivered" and done["balance"] == 0
    for action, name in (("production", "prod.pdf"), ("proforma", "pf.pdf")):
        out = tmp_path / name
        result = booth_pos(db, "order", action, "PO-0001", "--pdf", str(out))
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(b"%PDF")
    verified = booth_pos(db, "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_order_refusals_are_one_line(db):
    """An order of a missing quote, a cancel without a reason's supervisor: one line, exit 1."""
    done = booth_pos(db, "order", "from-quote", "Q-0042")
    assert done.returncode == 1 and "No quote 'Q-0042'" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_two_processes_at_once_never_share_a_number_or_an_order(db):
    """Two tills' processes quote at once: Q-0001 and Q-0002; both accept Q-0001 at once:
    one order, the other refused in one line."""
    from concurrent.futures import ThreadPoolExecutor

    quote = ("quote", "new", "--buyer", "B", "--currency", "EUR", "--rate", "17250", "2*ECO-04")
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = [ok(d) for d in pool.map(lambda _i: booth_pos(db, *quote), range(2))]
    assert sorted(g["quote_no"] for g in got) == ["Q-0001", "Q-0002"]
    accept = ("order", "from-quote", "Q-0001", "--deposit", "0")
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda _i: booth_pos(db, *accept), range(2)))
    assert sorted(d.returncode for d in done) == [0, 1]
    refused = next(d for d in done if d.returncode)
    assert "already has an order" in refused.stderr or "accepted" in refused.stderr
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 1
    finally:
        conn.close()


def test_a_french_buyers_wholesale_catalogue_is_in_french_with_the_tiers_in_euros(db, tmp_path):
    """The French buyer of the brief asks for the catalogue: `catalog --wholesale --lang fr
    --currency EUR` reads in French, with each tier's price in rupiah and euros and the MOQ."""
    import pypdfium2

    ok(booth_pos(db, "product", "edit", "ECO-04", "--tier", "10:135000",
                 "--tier", "50:120000", "--moq", "10"))  # fmt: skip
    out = tmp_path / "catalogue_fr.pdf"
    done = booth_pos(db, "catalog", "--wholesale", "--lang", "fr", "--currency", "EUR",
                     "--rate", "17250", "--pdf", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    pdf = pypdfium2.PdfDocument(out)
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    assert "Catalogue des produits" in text and "Commandes en gros" in text
    assert "Qté min. 10" in text
    assert "Produk kerajinan" not in text and "Pemesanan grosir" not in text
    assert "7,83 €" in text  # the 10+ tier, Rp 135.000 / 17.250 = 7,826 -> 7,83
