"""Tills pushing to the main till over the stand's network (``sync serve`` / ``sync push``),
on 127.0.0.1 only: the server runs on a thread of the test, each till on its own file."""

from __future__ import annotations

import hashlib
import http.client
import json
import socket
import sqlite3
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from booth_pos.clock import Clock
from booth_pos.model import Cart, Method, Tender
from booth_pos.services import demo, lan, lan_server, selling, sync
from booth_pos.services import settings as settings_service
from booth_pos.services.days import open_day
from booth_pos.services.journal import verify
from booth_pos.store import open_store

START = datetime.fromisoformat("2023-03-01T10:00:00+07:00")


def _clock(minutes: int = 0) -> Clock:
    return Clock(START + timedelta(minutes=minutes))


def _new_till(path, code):
    store = open_store(path)
    settings_service.save(store, replace(store.settings(), till=code), at=START)
    return store


def _sell(store, sku, qty=1, minutes=10):
    cart = Cart(cashier="Rina")
    cart.add(store.products.by_code(sku), qty)
    return selling.complete(store, cart, [Tender(Method.CASH)], _clock(minutes))


def _files(path: Path) -> bytes:
    """The database file and its WAL, byte for byte (what a refused request must not touch)."""
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _dump(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture
def main_till(tmp_path):
    """T1 with the demo stand and a pairing code, serving on an ephemeral loopback port."""
    path = tmp_path / "t1.sqlite"
    t1 = open_store(path)
    demo.load_stand(t1, _clock())
    open_day(t1, _clock(1), 100_000)
    code = lan.pairing_code(t1)
    server = lan_server.start(path, _clock(5))
    yield t1, server, code
    server.stop()
    t1.close()


def _push(store, server, code, **kw):
    return lan.push(store, server.url, code, at=_clock(30).now, **kw)


def _joined(tmp_path, name, server, code):
    till = _new_till(tmp_path / f"{name.lower()}.sqlite", name)
    done = _push(till, server, code)
    assert done.joined
    open_day(till, _clock(2), 50_000)
    return till


def _journal_refs(store, till):
    return [e.ref for e in store.tills.entries(till, "journal") if e.kind == "sale"]


def test_a_blank_till_joins_by_the_pairing_code_and_its_sales_reach_the_main_till(
    main_till, tmp_path
):
    """T2 starts empty, pushes once and sells the stand's goods; its next push lands on T1."""
    t1, server, code = main_till
    t2 = _joined(tmp_path, "T2", server, code)
    assert t2.stand_id() == t1.stand_id()
    assert t2.products.count() == t1.products.count()
    sale = _sell(t2, "BKR-01", 2)
    before = t1.products.by_code("BKR-01").stock
    done = _push(t2, server, code)
    assert done.sent["changed"] is True
    t1.forget_cached()
    assert _journal_refs(t1, "T2") == [sale.receipt_no]
    assert t1.products.by_code("BKR-01").stock == before - 2
    assert verify(t1).ok and verify(t2).ok


def test_three_tills_get_each_others_records_through_the_main_till(main_till, tmp_path):
    """T2's and T3's sales reach each other by pushing to T1 only; stock is merged exactly."""
    t1, server, code = main_till
    t2 = _joined(tmp_path, "T2", server, code)
    t3 = _joined(tmp_path, "T3", server, code)
    start = t1.products.by_code("BKR-01").stock
    s2 = _sell(t2, "BKR-01", 1)
    s3 = _sell(t3, "BKR-01", 1, minutes=11)
    s1 = _sell(t1, "BKR-01", 1, minutes=12)
    for till in (t2, t3, t2):
        _push(till, server, code)
    assert _journal_refs(t2, "T3") == [s3.receipt_no]
    assert [e.ref for e in t2.tills.entries("T1", "journal") if e.kind == "sale"] == [s1.receipt_no]
    assert _journal_refs(t3, "T2") == [s2.receipt_no]  # T2 had pushed before T3 did
    t1.forget_cached()
    for store in (t1, t2, t3):
        assert store.products.by_code("BKR-01").stock == start - 3
        assert verify(store).ok


def test_pushing_with_nothing_new_writes_nothing_on_either_till(main_till, tmp_path):
    """Once both sides have everything, a push sends nothing, takes nothing, changes no file."""
    t1, server, code = main_till
    t2 = _joined(tmp_path, "T2", server, code)
    _sell(t2, "BKR-01")
    for _ in range(2):
        _push(t2, server, code)
    t1_before, t2_before = _dump(t1.path), _dump(t2.path)
    for _ in range(3):
        done = _push(t2, server, code)
        assert done.sent is None and done.received is None
    assert (_dump(t1.path), _dump(t2.path)) == (t1_before, t2_before)


def test_a_wrong_pairing_code_is_refused_and_nothing_is_imported(main_till, tmp_path):
    """A till with the wrong code gets 401; the main till's file is byte for byte the same."""
    t1, server, code = main_till
    t2 = _joined(tmp_path, "T2", server, code)
    _sell(t2, "BKR-01")
    wrong = "".join("Z" if c != "Z" else "Y" for c in code)
    before = _files(t1.path)
    with pytest.raises(lan.LanError, match="wrong pairing code"):
        _push(t2, server, wrong)
    assert _files(t1.path) == before
    assert server.app.received == 0  # the join sent nothing; the wrong code nothing either


def test_a_renewed_code_shuts_out_the_old_one(main_till, tmp_path):
    """`sync pair --new` on the main till: the old code stops working at once."""
    t1, server, code = main_till
    t2 = _joined(tmp_path, "T2", server, code)
    fresh = lan.pairing_code(t1, renew=True)
    assert fresh != code
    with pytest.raises(lan.LanError, match="wrong pairing code"):
        _push(t2, server, code)
    _push(t2, server, fresh)


def test_the_pairing_code_never_travels_in_a_bundle(main_till, tmp_path):
    """The audit log (inside every bundle) records the code's change, not the code."""
    t1, _server, code = main_till
    sync.export_bundle(t1, tmp_path / "b.sqlite", at=START)
    assert code.encode() not in (tmp_path / "b.sqlite").read_bytes()
    assert code not in json.dumps([e.payload for e in t1.tills.own_entries("audit_log")])


# -- hostile requests ---------------------------------------------------------------------


def _request(server, method, path, body=b"", headers=None, timeout=5.0):
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        answer = conn.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        conn.close()


def _bundle_of(store, tmp_path, name="t.bundle"):
    path = tmp_path / name
    sync.export_bundle(store, path, at=START)
    return path.read_bytes()


def _key(t1, code):
    return lan.derive_key(code, t1.stand_id())


def _signed_post(t1, code, body):
    return lan.signed_headers(_key(t1, code), "POST", lan.BUNDLE_PATH, body, "T2")


@pytest.fixture
def t2_bundle(main_till, tmp_path):
    """A bundle of T2 (joined, one sale) not yet pushed."""
    t1, server, code = main_till
    t2 = _joined(tmp_path, "T2", server, code)
    _sell(t2, "BKR-01")
    return _bundle_of(t2, tmp_path)


def test_a_tampered_body_is_refused(main_till, t2_bundle):
    """A MAC made for one body does not carry another (one byte flipped)."""
    t1, server, code = main_till
    headers = _signed_post(t1, code, t2_bundle)
    body = bytearray(t2_bundle)
    body[len(body) // 2] ^= 0x01
    before = _files(t1.path)
    status, _, _ = _request(server, "POST", lan.BUNDLE_PATH, bytes(body), headers)
    assert status == 401
    assert _files(t1.path) == before


def test_a_replayed_request_is_refused(main_till, t2_bundle):
    """The same signed request sent twice is taken once; the copy gets 401."""
    t1, server, code = main_till
    headers = _signed_post(t1, code, t2_bundle)
    status, answer_headers, body = _request(server, "POST", lan.BUNDLE_PATH, t2_bundle, headers)
    assert status == 200 and json.loads(body)["changed"] is True
    before = _files(t1.path)
    status, _, body = _request(server, "POST", lan.BUNDLE_PATH, t2_bundle, headers)
    assert status == 401 and b"replayed" in body
    assert _files(t1.path) == before


def test_requests_without_a_mac_or_with_an_old_time_are_refused(main_till, t2_bundle):
    """No MAC, a garbage MAC, or a valid MAC made ten minutes ago: 401, nothing imported."""
    t1, server, code = main_till
    key = _key(t1, code)
    old = str(int(time.time()) - 600)
    nonce = "ab" * 16
    stale = {
        lan.H_TIME: old,
        lan.H_NONCE: nonce,
        lan.H_MAC: lan.request_mac(key, "POST", lan.BUNDLE_PATH, old, nonce, t2_bundle),
    }
    before = _files(t1.path)
    for headers in ({}, {lan.H_TIME: "1", lan.H_NONCE: "x", lan.H_MAC: "y"}, stale):
        status, got, _ = _request(server, "POST", lan.BUNDLE_PATH, t2_bundle, headers)
        assert status == 401
        assert abs(int(got[lan.H_TIME]) - time.time()) < 5  # says its clock, for the fix
    status, _, _ = _request(server, "GET", lan.BUNDLE_PATH)
    assert status == 401
    assert _files(t1.path) == before


def test_a_huge_content_length_is_refused_before_the_body_is_sent(main_till):
    """A 10 GB Content-Length gets 413 at once: the server never waits for (or reads) it."""
    _t1, server, _code = main_till
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as s:
        s.sendall(
            f"POST {lan.BUNDLE_PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n"
            "Content-Type: application/octet-stream\r\n\r\n".encode()
        )
        s.sendall(b"x" * 1000)  # a little of the body, far from all of it
        start = time.monotonic()
        first = s.recv(100)
    assert first.startswith(b"HTTP/1.1 413")
    assert time.monotonic() - start < 2


def test_a_body_over_the_limit_is_refused_by_a_small_server(tmp_path):
    """With the limit set low, a bundle above it is refused with 413, nothing imported."""
    path = tmp_path / "t1.sqlite"
    t1 = open_store(path)
    demo.load_stand(t1, _clock())
    code = lan.pairing_code(t1)
    server = lan_server.start(path, _clock(), max_body=1000)
    try:
        body = b"x" * 5000
        headers = _signed_post(t1, code, body)
        status, _, _ = _request(server, "POST", lan.BUNDLE_PATH, body, headers)
        assert status == 413
        assert server.app.received == 0
    finally:
        server.stop()
        t1.close()


def test_a_chunked_body_over_the_limit_is_cut_off(tmp_path):
    """No Content-Length, chunks that never end: refused once the limit is passed."""
    path = tmp_path / "t1.sqlite"
    t1 = open_store(path)
    demo.load_stand(t1, _clock())
    lan.pairing_code(t1)
    server = lan_server.start(path, _clock(), max_body=10_000)
    try:
        parts = urlsplit(server.url)
        with socket.create_connection((parts.hostname, parts.port), timeout=5) as s:
            s.sendall(
                f"POST {lan.BUNDLE_PATH} HTTP/1.1\r\nHost: x\r\n"
                "Transfer-Encoding: chunked\r\n\r\n".encode()
            )
            try:
                for _ in range(20):
                    s.sendall(b"400\r\n" + b"x" * 0x400 + b"\r\n")
            except (ConnectionResetError, BrokenPipeError):
                pass  # the server answered and closed while chunks were still going out
            try:
                first = s.recv(100)
            except ConnectionResetError:  # the answer was lost to the reset: still refused
                first = b""
        assert first.startswith(b"HTTP/1.1 413") or first == b""
        assert server.app.received == 0
    finally:
        server.stop()
        t1.close()


def test_other_paths_and_methods_are_not_found(main_till):
    """Only /v1/hello and /v1/bundle answer; nothing else is served."""
    _t1, server, _code = main_till
    for method, path in (("GET", "/"), ("PUT", lan.BUNDLE_PATH), ("GET", "/v1/../etc/passwd")):
        status, _, _ = _request(server, method, path)
        assert status in (404, 400)


def test_huge_headers_are_refused(main_till):
    """Headers past 16 KiB: 431, the connection is not kept."""
    _t1, server, _code = main_till
    status, _, _ = _request(server, "GET", lan.HELLO_PATH, headers={"X-Junk": "a" * 40_000})
    assert status == 431


def test_a_garbage_body_with_a_valid_mac_is_refused_and_changes_nothing(main_till):
    """A signed body that is not a bundle: 400 with the reason, the main till unchanged."""
    t1, server, code = main_till
    before = _files(t1.path)
    for body in (b"not a bundle at all", b"SQLite format 3\x00" + b"\xff" * 5000):
        status, _, answer = _request(
            server, "POST", lan.BUNDLE_PATH, body, _signed_post(t1, code, body)
        )
        assert status == 400
        assert "bundle" in json.loads(answer)["error"]["en"]
    assert _files(t1.path) == before


def test_another_stands_bundle_with_a_valid_mac_is_refused(main_till, tmp_path):
    """Someone who knows the code sends a bundle of another stand: 409, nothing imported."""
    t1, server, code = main_till
    other = open_store(tmp_path / "other.sqlite")
    # the till code is set before anything is recorded (it is fixed once records exist)
    settings_service.save(other, replace(other.settings(), till="T2", main_till="T2"), at=START)
    demo.load_stand(other, _clock())
    body = _bundle_of(other, tmp_path, "other.bundle")
    before = _files(t1.path)
    sent = _signed_post(t1, code, body)
    status, headers, answer = _request(server, "POST", lan.BUNDLE_PATH, body, sent)
    assert status == 409
    assert "another stand" in json.loads(answer)["error"]["en"]
    # the refusal is the main till's own word: MACed over this request's nonce
    want = lan.response_mac(_key(t1, code), 409, sent[lan.H_NONCE], headers[lan.H_TIME], answer)
    assert headers[lan.H_MAC] == want
    assert _files(t1.path) == before


def test_a_till_of_another_stand_is_told_so_and_nothing_is_sent(main_till, tmp_path):
    """A till of another stand pointed at this main till refuses before sending anything."""
    _t1, server, code = main_till
    other = open_store(tmp_path / "other.sqlite")
    settings_service.save(other, replace(other.settings(), till="T2"), at=START)
    demo.load_stand(other, _clock())
    with pytest.raises(lan.LanError, match="another stand"):
        _push(other, server, code)
    assert server.app.received == 0


def test_an_impostor_main_till_is_not_believed(main_till, tmp_path):
    """A server that answers like the main till but without the code's MAC: nothing imported."""
    t1, _server, _code = main_till
    t2 = _new_till(tmp_path / "t2.sqlite", "T2")
    real = _bundle_of(t1, tmp_path, "real.bundle")
    hello = json.dumps(
        {"protocol": lan.PROTOCOL, "stand_id": t1.stand_id(), "till": "T1", "main_till": "T1"}
    ).encode()

    def impostor(environ, start_response):
        body = hello if environ["PATH_INFO"] == lan.HELLO_PATH else real
        start_response(
            "200 OK",
            [("Content-Length", str(len(body))), (lan.H_TIME, "0"), (lan.H_MAC, "00" * 32)],
        )
        return [body]

    from waitress.server import create_server

    fake = create_server(impostor, host="127.0.0.1", port=0)
    thread = threading.Thread(target=fake.run, daemon=True)
    thread.start()
    before = _dump(t2.path)
    try:
        with pytest.raises(lan.LanError, match="not the main till"):
            lan.push(t2, f"http://127.0.0.1:{fake.effective_port}", _code, at=_clock().now)
    finally:
        fake.task_dispatcher.shutdown()
        fake.close()
    assert _dump(t2.path) == before
    assert t2.tills.is_blank()


# -- the network misbehaving ---------------------------------------------------------------


def test_an_unreachable_main_till_fails_fast_and_changes_nothing(tmp_path):
    """Nobody on the port: LanError at once; the till's file is unchanged."""
    t2 = _new_till(tmp_path / "t2.sqlite", "T2")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    before = _dump(t2.path)
    start = time.monotonic()
    with pytest.raises(lan.LanError, match="cannot be reached"):
        lan.push(t2, f"127.0.0.1:{port}", "K7QM4XTR", at=_clock().now)
    assert time.monotonic() - start < 3
    assert _dump(t2.path) == before


def test_a_main_till_that_never_answers_does_not_hold_the_till(tmp_path):
    """A port that accepts and then says nothing: the push gives up by its deadline."""
    t2 = _new_till(tmp_path / "t2.sqlite", "T2")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)  # the kernel accepts; nobody ever reads or writes
        port = silent.getsockname()[1]
        start = time.monotonic()
        with pytest.raises(lan.LanError, match="no answer in time"):
            lan.push(
                t2,
                f"127.0.0.1:{port}",
                "K7QM4XTR",
                at=_clock().now,
                deadline=time.monotonic() + 1.5,
            )
        assert time.monotonic() - start < 3


def test_slow_clients_do_not_stop_the_other_tills(main_till, tmp_path):
    """Twenty connections trickling half a request (slowloris) while T2 pushes: it succeeds."""
    _t1, server, code = main_till
    parts = urlsplit(server.url)
    slow = []
    for _ in range(20):
        s = socket.create_connection((parts.hostname, parts.port), timeout=5)
        s.sendall(b"POST /v1/bundle HTTP/1.1\r\nHost: x\r\n")
        slow.append(s)
    try:
        start = time.monotonic()
        t2 = _joined(tmp_path, "T2", server, code)
        _sell(t2, "BKR-01")
        assert _push(t2, server, code).sent["changed"]
        assert time.monotonic() - start < 10
        for s in slow:
            s.sendall(b"X-Slow: 1\r\n")
    finally:
        for s in slow:
            s.close()


def test_two_tills_pushing_at_once_both_land(main_till, tmp_path):
    """T2 and T3 push at the same moment from their own threads: both sales on T1, once."""
    t1, server, code = main_till
    paths = {}
    for name in ("T2", "T3"):
        till = _joined(tmp_path, name, server, code)
        _sell(till, "BKR-01")
        paths[name] = till.path
        till.close()
    errors = []

    def push_from(name):
        store = open_store(paths[name])
        try:
            for _ in range(3):
                _push(store, server, code)
        except Exception as exc:  # collected: the assertion below names it
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=push_from, args=(n,)) for n in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    t1.forget_cached()
    assert len(_journal_refs(t1, "T2")) == 1 and len(_journal_refs(t1, "T3")) == 1
    assert verify(t1).ok


def test_a_push_cut_off_is_simply_done_again(main_till, tmp_path):
    """The server goes away between the POST and the GET: the next push completes it and
    nothing arrives twice."""
    t1, server, code = main_till
    t2 = _joined(tmp_path, "T2", server, code)
    sale = _sell(t2, "BKR-01")
    real_take = lan._take

    def cut(*args, **kwargs):
        raise lan._unreachable(server.url, "connection reset")

    lan._take = cut
    try:
        with pytest.raises(lan.LanError):
            _push(t2, server, code)
    finally:
        lan._take = real_take
    _push(t2, server, code)
    _push(t2, server, code)
    t1.forget_cached()
    assert _journal_refs(t1, "T2") == [sale.receipt_no]
    assert verify(t1).ok and verify(t2).ok


def test_addresses_and_codes_are_read_as_people_type_them():
    """`192.168.43.10` and `k7qm-4xtr` are fine; a path or a bad code is refused."""
    assert lan.normal_url("192.168.43.10") == "http://192.168.43.10:8765"
    assert lan.normal_url("http://192.168.43.10:9000/") == "http://192.168.43.10:9000"
    assert lan.normal_code("k7qm-4xtr") == "K7QM4XTR"
    for bad in ("ftp://x", "http://x/path", "http://x:99999"):
        with pytest.raises(lan.LanError):
            lan.normal_url(bad)
    for bad in ("K7QM4XT", "K7QM4XT0", "K7QM4XTRR"):
        with pytest.raises(lan.LanError):
            lan.normal_code(bad)
    assert all(c in lan.ALPHABET for c in lan.new_code())


def test_the_main_till_sends_only_what_the_till_lacks(main_till, tmp_path, monkeypatch):
    """After the join, the main till's answer carries its new entries only: none of the
    asking till's own chain, none it had before (a hotspot's bandwidth is small)."""
    from booth_pos.store.sync import read_bundle

    t1, server, code = main_till
    t2 = _joined(tmp_path, "T2", server, code)
    _sell(t2, "BKR-01")
    _push(t2, server, code)
    _push(t2, server, code)
    sale = _sell(t1, "ECO-04", minutes=20)
    seen = []
    real = sync.import_bundle

    def spy(store, path, **kw):
        seen.append(read_bundle(path).entries)
        return real(store, path, **kw)

    monkeypatch.setattr(sync, "import_bundle", spy)
    done = _push(t2, server, code)
    (entries,) = seen
    assert {till for till, _chain, _e in entries} == {"T1"}
    journal = [e for till, chain, e in entries if chain == "journal"]
    assert [e.ref for e in journal] == [sale.receipt_no]
    assert done.received.entries["T1 journal"] == 1


def test_a_till_whose_clock_is_off_is_told_by_how_much(main_till, tmp_path, monkeypatch):
    """A laptop ten minutes fast: refused (401), and the line says the clocks differ."""
    t1, server, code = main_till
    t2 = _joined(tmp_path, "T2", server, code)
    _sell(t2, "BKR-01")

    class Fast:
        monotonic = staticmethod(time.monotonic)

        @staticmethod
        def time():
            return time.time() + 600

    monkeypatch.setattr(lan, "time", Fast)
    before = _files(t1.path)
    with pytest.raises(lan.LanError, match="clocks 10 min apart"):
        _push(t2, server, code)
    assert _files(t1.path) == before
