"""Several tills at one stand, each on its own file, merged by bundles (``services.sync``)."""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from helpers import raw

from booth_pos.clock import Clock
from booth_pos.model import Cart, KnownError, Method, Tender
from booth_pos.services import demo, reports, selling, sync
from booth_pos.services import settings as settings_service
from booth_pos.services import stock as stock_service
from booth_pos.services.days import open_day
from booth_pos.services.journal import verify
from booth_pos.store import open_store

START = datetime.fromisoformat("2023-03-01T10:00:00+07:00")


def _clock(minutes: int = 0) -> Clock:
    return Clock(START + timedelta(minutes=minutes))


def _new_till(path, code):
    """A new laptop: an empty file with its own till code set."""
    store = open_store(path)
    settings_service.save(store, replace(store.settings(), till=code), at=START)
    return store


@pytest.fixture
def stand(tmp_path):
    """The main till T1 with the demo stand, and T2 and T3 that joined it by its bundle."""
    t1 = open_store(tmp_path / "t1.sqlite")
    demo.load_stand(t1, _clock())
    stock_service.count(t1, _clock(1), [("BKR-01", 1)], reason="the last scarf")
    sync.export_bundle(t1, tmp_path / "join.sqlite", at=START)
    tills = {"T1": t1}
    for code in ("T2", "T3"):
        tills[code] = _new_till(tmp_path / f"{code.lower()}.sqlite", code)
        sync.import_bundle(tills[code], tmp_path / "join.sqlite", at=START)
    for store in tills.values():
        open_day(store, _clock(2), 100_000)
    yield tills
    for store in tills.values():
        store.close()


def _sell(store, sku, qty=1, minutes=10, method=Method.CASH):
    cart = Cart(cashier="Rina")
    cart.add(store.products.by_code(sku), qty)
    return selling.complete(store, cart, [Tender(method)], _clock(minutes))


def _bundle(store, path, **kw):
    sync.export_bundle(store, path, at=START, **kw)
    return path


def _file_digest(path):
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def _stock(store):
    return {p.sku: p.stock for p in store.products.all()}


def test_a_new_till_adopts_the_stand_and_catalogue_from_the_main_tills_bundle(stand):
    """T2 starts empty and, after one import, sells the same goods at the same prices."""
    t1, t2 = stand["T1"], stand["T2"]
    assert t2.stand_id() == t1.stand_id()
    assert [(p.sku, p.price, p.stock) for p in t2.products.all()] == [
        (p.sku, p.price, p.stock) for p in t1.products.all()
    ]
    assert {a.code: a.commission_bp for a in t2.artisans.all()} == {
        a.code: a.commission_bp for a in t1.artisans.all()
    }
    assert _sell(t2, "BKR-02").receipt_no == "T2-000001"
    assert verify(t2).ok


def test_two_tills_selling_the_last_scarf_both_succeed_and_stock_shows_minus_one(stand, tmp_path):
    """Both tills sell the one scarf; after the merge each shows -1 and "needs a count"."""
    t1, t2 = stand["T1"], stand["T2"]
    assert _sell(t1, "BKR-01").receipt_no == "T1-000001"
    assert _sell(t2, "BKR-01").receipt_no == "T2-000001"
    sync.import_bundle(t1, _bundle(t2, tmp_path / "b-t2.bundle"), at=START)
    sync.import_bundle(t2, _bundle(t1, tmp_path / "b-t1.bundle"), at=START)
    for store in (t1, t2):
        row = next(r for r in store.stock.ledger() if r.sku == "BKR-01")
        assert row.on_hand == -1 and row.sold == 2 and row.needs_count
        assert store.products.by_code("BKR-01").stock == -1
        assert verify(store).ok, verify(store).first
    assert _stock(t1) == _stock(t2)


def test_three_tills_exchanging_bundles_in_every_order_end_with_the_same_stock(stand, tmp_path):
    """Whatever order bundles travel in, every till ends knowing every till's moves."""
    for n, store in enumerate(stand.values()):
        _sell(store, "BKR-02", qty=n + 1, minutes=10 + n)
        _sell(store, "BMB-01", minutes=20 + n, method=Method.QRIS)
    bundles = {code: _bundle(s, tmp_path / f"b-{code}.sqlite") for code, s in stand.items()}
    finals = []
    for order in itertools.permutations(bundles):
        for receiver, store in stand.items():
            for sender in order:
                if sender != receiver:
                    sync.import_bundle(store, bundles[sender], at=START)
        finals.append({code: _stock(s) for code, s in stand.items()})
    for final in finals:
        assert final["T1"] == final["T2"] == final["T3"]
    t1 = stand["T1"]
    assert t1.products.by_code("BKR-02").stock == _initial(tmp_path, "BKR-02") - 6
    for store in stand.values():
        assert verify(store).ok, verify(store).first


def _initial(tmp_path, sku):
    """A product's stock in the join bundle's world: read from a fresh till that joined."""
    fresh = _new_till(tmp_path / "fresh.sqlite", "T9")
    try:
        sync.import_bundle(fresh, tmp_path / "join.sqlite", at=START)
        return fresh.products.by_code(sku).stock
    finally:
        fresh.close()


def test_the_main_tills_relay_carries_t3s_sales_to_t2(stand, tmp_path):
    """T3 hands its bundle to the main till only; T2 learns T3's sales from the main's."""
    t1, t2, t3 = stand["T1"], stand["T2"], stand["T3"]
    _sell(t3, "BKR-02", qty=2)
    sync.import_bundle(t1, _bundle(t3, tmp_path / "b-t3.bundle"), at=START)
    got = sync.import_bundle(t2, _bundle(t1, tmp_path / "b-t1.bundle"), at=START)
    assert got.entries["T3 journal"] >= 2
    assert t2.products.by_code("BKR-02").stock == t1.products.by_code("BKR-02").stock
    assert t2.products.by_code("BKR-02").stock == t3.products.by_code("BKR-02").stock
    assert verify(t2).ok


def test_importing_the_same_bundle_twice_writes_nothing(stand, tmp_path):
    """A bundle taken twice off the stick leaves the file byte for byte as it was."""
    t1, t2 = stand["T1"], stand["T2"]
    _sell(t2, "BKR-02")
    bundle = _bundle(t2, tmp_path / "b-t2.bundle")
    assert sync.import_bundle(t1, bundle, at=START).changed
    t1.checkpoint()
    before = _file_digest(t1.path)
    again = sync.import_bundle(t1, bundle, at=START)
    assert not again.changed and again.entries == {}
    assert _file_digest(t1.path) == before


def test_an_older_bundle_after_a_newer_one_changes_nothing(stand, tmp_path):
    """Monday's bundle found in a pocket after Tuesday's adds nothing and breaks nothing."""
    t1, t2 = stand["T1"], stand["T2"]
    _sell(t2, "BKR-02")
    old = _bundle(t2, tmp_path / "old.sqlite")
    _sell(t2, "BKR-03", minutes=30)
    new = _bundle(t2, tmp_path / "new.sqlite")
    sync.import_bundle(t1, new, at=START)
    stock = _stock(t1)
    t1.checkpoint()
    before = _file_digest(t1.path)
    assert not sync.import_bundle(t1, old, at=START).changed
    assert _stock(t1) == stock and _file_digest(t1.path) == before
    assert verify(t1).ok


def test_since_last_bundles_carry_only_what_is_new_and_need_the_earlier_one(stand, tmp_path):
    """A --since-last bundle is small; a till that missed the one before it refuses it."""
    t1, t2, t3 = stand["T1"], stand["T2"], stand["T3"]
    _sell(t2, "BKR-02")
    first = _bundle(t2, tmp_path / "first.sqlite", since_last=True)
    _sell(t2, "BKR-03", minutes=30)
    second = _bundle(t2, tmp_path / "second.sqlite", since_last=True)
    assert len(sync.read_bundle(second).entries) < len(sync.read_bundle(first).entries)
    with pytest.raises(KnownError, match="earlier bundle"):
        sync.import_bundle(t3, second, at=START)
    sync.import_bundle(t1, first, at=START)
    sync.import_bundle(t1, second, at=START)
    assert t1.products.by_code("BKR-03").stock == t2.products.by_code("BKR-03").stock
    assert verify(t1).ok


def _tamper(path, sql, *params):
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _flip_total(path):
    conn = sqlite3.connect(path)
    seq, payload = conn.execute(
        "SELECT seq, payload FROM bundle_entries WHERE kind = 'sale' LIMIT 1"
    ).fetchone()
    record = json.loads(payload)
    record["total"] += 1
    record["payments"][0]["amount"] += 1
    conn.execute(
        "UPDATE bundle_entries SET payload = ? WHERE kind = 'sale' AND seq = ?",
        (json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False), seq),
    )
    conn.commit()
    conn.close()


@pytest.mark.parametrize("damage", ["flip", "delete", "reorder", "catalogue"])
def test_a_tampered_bundle_is_refused_and_nothing_is_written(stand, tmp_path, damage):
    """One flipped amount, one deleted record, a re-ordered chain or a cheaper price in the
    catalogue: the bundle fails verification and the till's file stays as it was."""
    t1, t2 = stand["T1"], stand["T2"]
    _sell(t1, "BKR-02")
    _sell(t1, "BKR-03", minutes=30)
    bundle = _bundle(t1, tmp_path / "b-t1.bundle")
    if damage == "flip":
        _flip_total(bundle)
    elif damage == "delete":
        _tamper(bundle, "DELETE FROM bundle_entries WHERE kind = 'sale' AND ref = 'T1-000001'")
    elif damage == "reorder":
        conn = sqlite3.connect(bundle)
        a, b = conn.execute(
            "SELECT seq FROM bundle_entries WHERE chain = 'journal' AND kind = 'sale' ORDER BY seq"
        ).fetchall()
        conn.execute("UPDATE bundle_entries SET seq = -1 WHERE chain = 'journal' AND seq = ?", a)
        conn.execute(
            "UPDATE bundle_entries SET seq = ? WHERE chain = 'journal' AND seq = ?", (a[0], b[0])
        )
        conn.execute("UPDATE bundle_entries SET seq = ? WHERE chain = 'journal' AND seq = -1", b)
        conn.commit()
        conn.close()
    else:
        conn = sqlite3.connect(bundle)
        row = json.loads(conn.execute("SELECT row FROM bundle_products LIMIT 1").fetchone()[0])
        conn.execute(
            "UPDATE bundle_products SET row = ? WHERE row LIKE ?",
            (json.dumps({**row, "price": 1000}, sort_keys=True), f'%"{row["sku"]}"%'),
        )
        conn.commit()
        conn.close()
    t2.checkpoint()
    before = _file_digest(t2.path)
    with pytest.raises(KnownError, match="fails verification") as refused:
        sync.import_bundle(t2, bundle, at=START)
    assert refused.value.id and refused.value.id != refused.value.en
    assert _file_digest(t2.path) == before
    assert verify(t2).ok


def test_a_bundle_of_another_stand_is_refused(stand, tmp_path):
    """A bundle from the neighbouring stand's tills never mixes into this stand's file."""
    other = open_store(tmp_path / "other.sqlite")
    settings_service.save(other, replace(other.settings(), till="T7", main_till="T7"), at=START)
    demo.load_stand(other, _clock())
    bundle = _bundle(other, tmp_path / "other-bundle.sqlite")
    other.close()
    t1 = stand["T1"]
    t1.checkpoint()
    before = _file_digest(t1.path)
    with pytest.raises(KnownError, match="another stand"):
        sync.import_bundle(t1, bundle, at=START)
    assert _file_digest(t1.path) == before


def test_a_bundle_from_this_tills_own_code_is_refused(stand, tmp_path):
    """Two laptops both set to T2: the other one's bundle is refused, naming the fix."""
    t2 = stand["T2"]
    twin = _new_till(tmp_path / "twin.sqlite", "T2")
    sync.import_bundle(twin, tmp_path / "join.sqlite", at=START)
    open_day(twin, _clock(3), 0)
    _sell(twin, "BKR-02")
    bundle = _bundle(twin, tmp_path / "twin-bundle.sqlite")
    twin.close()
    t2.checkpoint()
    before = _file_digest(t2.path)
    with pytest.raises(KnownError, match="till=T2"):
        sync.import_bundle(t2, bundle, at=START)
    assert _file_digest(t2.path) == before


def test_a_new_till_left_at_t1_cannot_join_the_main_till_t1(tmp_path):
    """The join refuses a new laptop whose code is still the main till's."""
    t1 = open_store(tmp_path / "t1.sqlite")
    demo.load_stand(t1, _clock())
    bundle = _bundle(t1, tmp_path / "join.sqlite")
    fresh = open_store(tmp_path / "fresh.sqlite")
    with pytest.raises(KnownError, match="own code"):
        sync.import_bundle(fresh, bundle, at=START)
    assert fresh.products.all() == [] and fresh.stand_id() != t1.stand_id()


def test_the_main_tills_event_report_is_the_sum_of_each_tills_own(stand, tmp_path):
    """After the merge the main till's event report adds up every till's own figures."""
    for n, store in enumerate(stand.values()):
        _sell(store, "BKR-02", qty=1 + n, minutes=10 + n)
        _sell(store, "BMB-01", minutes=20 + n, method=Method.QRIS)
    own = {code: reports.event_report(s) for code, s in stand.items()}
    t1 = stand["T1"]
    for code in ("T2", "T3"):
        sync.import_bundle(t1, _bundle(stand[code], tmp_path / f"{code}.sqlite"), at=START)
    merged = reports.event_report(t1)
    for figure in ("sales", "items", "gross", "discounts", "net", "commission", "payout"):
        assert getattr(merged, figure) == sum(getattr(r, figure) for r in own.values()), figure
    assert merged.cash.opening_float == 300_000
    assert merged.cash.received == sum(r.cash.received for r in own.values())
    by_artisan = {a.code: a.net for a in merged.by_artisan if a.net}
    assert by_artisan == {
        code: sum(a.net for r in own.values() for a in r.by_artisan if a.code == code)
        for code in by_artisan
    }


def test_verify_fails_after_an_imported_record_is_edited(stand, tmp_path):
    """Someone edits T2's sale inside the main till's file: verify names T2's chain."""
    t1, t2 = stand["T1"], stand["T2"]
    _sell(t2, "BKR-02")
    sync.import_bundle(t1, _bundle(t2, tmp_path / "b-t2.bundle"), at=START)
    assert verify(t1).ok
    db = raw(t1)
    db.execute("DROP TRIGGER till_entries_no_update")
    db.execute(
        "UPDATE till_entries SET payload = replace(payload, '\"total\":', '\"total\":1') "
        "WHERE till = 'T2' AND kind = 'sale'"
    )
    found = verify(t1)
    assert not found.ok
    text = " | ".join(str(p) for p in found.problems)
    assert "till T2 journal entry" in text and "edited" in text


def test_imported_records_keep_their_tills_receipt_numbers(stand, tmp_path):
    """T2's receipts stay T2-000001... in the main till's file, beside T1's own."""
    t1, t2 = stand["T1"], stand["T2"]
    _sell(t1, "BKR-02")
    _sell(t2, "BKR-02")
    _sell(t2, "BKR-03", minutes=30)
    sync.import_bundle(t1, _bundle(t2, tmp_path / "b-t2.bundle"), at=START)
    refs = [e.ref for e in t1.tills.entries("T2", "journal") if e.kind == "sale"]
    assert refs == ["T2-000001", "T2-000002"]
    assert _sell(t1, "BKR-03", minutes=40).receipt_no == "T1-000002"


def test_export_never_overwrites_a_database(stand, tmp_path):
    """A bundle written onto the till's own file (or any database) is refused, file kept."""
    t2 = stand["T2"]
    _sell(t2, "BKR-02")
    for target in (t2.path, stand["T1"].path):
        with pytest.raises(KnownError, match="not a bundle"):
            sync.export_bundle(t2, target, at=START)
    assert verify(t2).ok and verify(stand["T1"]).ok


def test_the_main_till_owes_an_artisan_for_the_goods_every_till_sold(stand, tmp_path):
    """The coordinator pays BKR for what T1 and T2 sold, once T2's bundle is in."""
    from booth_pos.services import payouts

    t1, t2 = stand["T1"], stand["T2"]
    _sell(t1, "BKR-02")
    _sell(t2, "BKR-02", qty=2)
    own = payouts.owed(t1, "BKR") + payouts.owed(t2, "BKR")
    sync.import_bundle(t1, _bundle(t2, tmp_path / "b-t2.bundle"), at=START)
    assert payouts.owed(t1, "BKR") == own > 0
