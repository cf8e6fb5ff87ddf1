"""The council's central PostgreSQL (``central init|push|report``), against a real server."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta

import psycopg
import pytest
from helpers import raw
from helpers.cli import booth_pos

from booth_pos.cli.output import report_json
from booth_pos.clock import Clock
from booth_pos.model import Cart, Discount, KnownError, Method, Tender
from booth_pos.model.report import ARTISAN_COLUMNS
from booth_pos.services import (
    central,
    corrections,
    demo,
    payouts,
    records,
    reports,
    selling,
    staff,
    sync,
)
from booth_pos.services import settings as settings_service
from booth_pos.services import stock as stock_service
from booth_pos.services.days import close_day, current_day, open_day
from booth_pos.store import open_store
from booth_pos.store.central import CentralError
from booth_pos.store.journal import verification_code

START = datetime.fromisoformat("2023-03-01T10:00:00+07:00")
CHEAP = staff.PinCost(n=16, r=1, p=1)


def _clock(minutes: int = 0) -> Clock:
    return Clock(START + timedelta(minutes=minutes))


def _sell(store, *skus, minutes=10, method=Method.CASH, discount=None, opens=()):
    cart = Cart(cashier="Rina")
    for sku in skus:
        selling.add(store, cart, sku)
    for artisan, price, name in opens:
        selling.add_open(store, cart, artisan, price, name, 1)
    if discount is not None:
        cart.set_discount(discount)
    return selling.complete(store, cart, [Tender(method)], _clock(minutes))


def _stand(tmp_path, *, name="Dekranasda Jabar", event="Ina Craft 2023"):
    """The main till T1 (the demo stand) and T2, which joined it: both sell on 1 March
    (T2 an open-price line, T1 a refund, a void, a return note and a payout), T2's bundle is
    imported by T1. Returns (t1, t2)."""
    t1 = open_store(tmp_path / "t1.sqlite")
    demo.load_stand(t1, _clock())
    settings_service.save(
        t1, replace(t1.settings(), stand_name=name, event_name=event), at=START
    )
    sync.export_bundle(t1, tmp_path / "join.sqlite", at=START)
    t2 = open_store(tmp_path / "t2.sqlite")
    # every till of the stand names the event (a push files records under it)
    settings_service.save(t2, replace(t2.settings(), till="T2", event_name=event), at=START)
    sync.import_bundle(t2, tmp_path / "join.sqlite", at=START)
    for store in (t1, t2):
        open_day(store, _clock(1), 100_000)
    _sell(t1, "BKR-02", "BMB-01", minutes=5)
    _sell(t1, "3*BKR-03", minutes=6, method=Method.QRIS)
    sale = _sell(t1, "BKR-02", "2*BMB-01", minutes=7)
    _sell(t1, "BKR-04", minutes=8)
    # a new rate from the next sale on, and a 7 % sale discount shared over odd amounts
    records.edit_artisan(t1, "BKR", commission="17,5", at=_clock(8).now())
    _sell(t1, "BKR-02", "BKR-03", "BMB-01", minutes=8, discount=Discount("percent", 700))
    staff.add_staff(t1, "Dewi", "supervisor", "2468", _clock(8), cost=CHEAP)
    staff.add_staff(
        t1, "Rina", "cashier", "1111", _clock(8), supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    corrections.refund(
        t1, sale.receipt_no, items=["1*BMB-01"], reason="rusak", supervisor="Dewi",
        pin="2468", clock=_clock(9),
    )  # fmt: skip
    corrections.void(
        t1, "T1-000004", reason="salah", supervisor="Dewi", pin="2468", clock=_clock(10)
    )
    _sell(t2, "BKR-02", minutes=11, opens=[("ECO", 57_333, "Kain sisa")])
    _sell(t2, "2*BMB-01", "BKR-03", minutes=12, method=Method.QRIS)
    stock_service.give_back(t1, _clock(13), "BKR", [("BKR-03", 1)])
    payouts.pay(t1, _clock(14), "BMB", 10_000, "cash", supervisor="Dewi", pin="2468")
    close_day(t2, _clock(20), current_day(t2).opening_float + 10**7)
    sync.import_bundle(t1, sync.export_bundle(t2, tmp_path / "t2.bundle", at=START).path, at=START)
    return t1, t2


def _local(store) -> list[dict]:
    return report_json(reports.event_report(store))["by_artisan"]


def _count(dsn, table) -> int:
    with psycopg.connect(dsn) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _copies(dsn) -> dict[str, int]:
    tables = ("entries", "sale_lines", "refund_lines", "stock_lines", "payouts", "days", "heads")
    return {t: _count(dsn, t) for t in tables}


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def stand_files(tmp_path_factory):
    """The two tills of ``_stand``, built once; each test gets copies of the files."""
    folder = tmp_path_factory.mktemp("central-stand")
    for store in _stand(folder):
        store.close()
    return folder


@pytest.fixture
def stand(stand_files, tmp_path):
    """(t1, t2) on this test's own copies of the stand's files (``tmp_path/t1.sqlite``)."""
    stores = []
    for name in ("t1.sqlite", "t2.sqlite"):
        for suffix in ("", "-wal"):
            if (stand_files / (name + suffix)).exists():
                shutil.copyfile(stand_files / (name + suffix), tmp_path / (name + suffix))
        stores.append(open_store(tmp_path / name))
    yield tuple(stores)
    for store in stores:
        store.close()


def test_central_report_equals_the_stands_own_event_report_to_the_rupiah(stand, central_dsn):
    """Two tills, a refund, a void, an open-price line, a return and a payout: the office's
    figures for the stand and event are the main till's own ``report --event --json``."""
    t1, _t2 = stand
    central.init(central_dsn)
    central.push(t1, central_dsn)
    rows = central.report(central_dsn, event="Ina Craft 2023")
    local = _local(t1)
    assert [{k: r[k] for k in ARTISAN_COLUMNS} for r in rows] == local
    assert all(list(r) == ["stand", "event", *ARTISAN_COLUMNS] for r in rows)
    assert {(r["stand"], r["event"]) for r in rows} == {("Dekranasda Jabar", "Ina Craft 2023")}
    # the scenario really has what it claims to test
    eco = next(a for a in local if a["code"] == "ECO")
    bmb = next(a for a in local if a["code"] == "BMB")
    assert eco["gross"] == 57_333 and eco["commission"] > 0
    assert bmb["refunds"] > 0 and bmb["paid_out"] == 10_000
    assert next(a for a in local if a["code"] == "BKR")["returned_qty"] == 1
    bkr = reports.event_report(t1).artisan("BKR")
    assert len(bkr.rates) == 2 and bkr.discounts > 0


def test_a_non_main_tills_push_adds_only_its_own_figures(stand, central_dsn):
    """T2 pushes its file (its own chain, plus T1's catalogue): T2's sales, once, beside
    T1's push of the same T2 records."""
    t1, t2 = stand
    central.init(central_dsn)
    central.push(t2, central_dsn)
    before = _by_till(central_dsn)
    central.push(t1, central_dsn)  # carries T2's chain too: nothing of T2 twice
    after = central.report(central_dsn)
    assert [{k: r[k] for k in ARTISAN_COLUMNS} for r in after] == _local(t1)
    assert _by_till(central_dsn)["T2"] == before["T2"] > 0
    # T2 knows less of T1's chain than the office now does: that is no fork, nothing new
    copies = _copies(central_dsn)
    assert not central.push(t2, central_dsn).changed
    assert _copies(central_dsn) == copies


def _by_till(dsn) -> dict[str, int]:
    with psycopg.connect(dsn) as conn:
        return dict(conn.execute("SELECT till, count(*) FROM entries GROUP BY till").fetchall())


def test_pushing_twice_leaves_one_copy_and_says_nothing_changed(stand, central_dsn):
    """The second push of an unchanged file adds no row anywhere."""
    t1, _ = stand
    central.init(central_dsn)
    first = central.push(t1, central_dsn)
    copies = _copies(central_dsn)
    second = central.push(t1, central_dsn)
    assert first.changed and not second.changed
    assert _copies(central_dsn) == copies
    assert copies["entries"] == sum(first.entries.values())


def test_a_push_after_more_sales_sends_only_the_new_records(stand, central_dsn):
    """Sell more after a push: the next push adds exactly those, the report follows."""
    t1, _ = stand
    central.init(central_dsn)
    central.push(t1, central_dsn)
    lines = _count(central_dsn, "sale_lines")
    _sell(t1, "BKR-02", "BKR-03", minutes=30, method=Method.CARD)
    again = central.push(t1, central_dsn)
    assert again.entries == {"T1 journal": 1}
    assert _count(central_dsn, "sale_lines") == lines + 2
    rows = central.report(central_dsn)
    assert [{k: r[k] for k in ARTISAN_COLUMNS} for r in rows] == _local(t1)


def _push_process(db, dsn) -> subprocess.Popen:
    env = {**os.environ, "BOOTH_POS_DB": str(db), "BOOTH_POS_NOW": START.isoformat()}
    return subprocess.Popen(
        [sys.executable, "-m", "booth_pos", "central", "push", dsn],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_push_killed_midway_leaves_nothing_and_the_next_push_one_copy(
    stand, central_dsn, tmp_path
):
    """SIGKILL the push while its transaction has written entries and lines but not yet
    the payouts (held back by a lock): nothing of it stays; pushing again makes one copy."""
    t1, _ = stand
    central.init(central_dsn)
    db = tmp_path / "t1.sqlite"
    blocker = psycopg.connect(central_dsn)
    blocker.execute("LOCK TABLE payouts IN ACCESS EXCLUSIVE MODE")
    proc = _push_process(db, central_dsn)
    try:
        with psycopg.connect(central_dsn, autocommit=True) as watch:
            for _ in range(1200):  # the push is inside its transaction, waiting on the lock
                waiting = watch.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database()"
                ).fetchone()[0]
                if waiting:
                    break
                assert proc.poll() is None, proc.communicate()
                time.sleep(0.05)
            assert waiting, "the push never reached the payouts"
            # it has written rows inside its transaction (the locks on the tables say so)
            written = watch.execute(
                "SELECT count(DISTINCT c.relname) FROM pg_locks l JOIN pg_class c "
                "ON c.oid = l.relation WHERE l.mode = 'RowExclusiveLock' "
                "AND c.relname IN ('entries', 'sale_lines')"
            ).fetchone()[0]
            assert written == 2
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
    finally:
        blocker.rollback()
        blocker.close()
    for _ in range(400):  # the server notices the dead client once the lock is free
        if _count(central_dsn, "entries") == 0 and not _busy(central_dsn):
            break
        time.sleep(0.05)
    assert _copies(central_dsn) == dict.fromkeys(_copies(central_dsn), 0)
    done = booth_pos(db, "central", "push", central_dsn)
    assert done.returncode == 0, done.stderr
    copies = _copies(central_dsn)
    assert copies["entries"] == sum(json.loads(done.stdout)["entries"].values())
    assert booth_pos(db, "central", "push", central_dsn).returncode == 0
    assert _copies(central_dsn) == copies
    rows = central.report(central_dsn)
    assert [{k: r[k] for k in ARTISAN_COLUMNS} for r in rows] == _local(t1)


def _busy(dsn) -> bool:
    with psycopg.connect(dsn, autocommit=True) as conn:
        return bool(
            conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state <> 'idle'"
            ).fetchone()[0]
        )


def test_two_pushes_of_the_same_file_at_once_make_one_copy(stand, central_dsn, tmp_path):
    """Two processes push the same stand at the same moment: both succeed, one copy."""
    t1, _ = stand
    central.init(central_dsn)
    db = tmp_path / "t1.sqlite"
    procs = [_push_process(db, central_dsn) for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    changed = sorted(json.loads(out)["changed"] for out, _err in outs)
    assert changed == [False, True]
    entries = sum(len(list(t1.tills.own_entries(c))) for c in ("journal", "audit_log"))
    entries += sum(len(list(t1.tills.entries("T2", c))) for c in ("journal", "audit_log"))
    assert _count(central_dsn, "entries") == entries


def test_a_push_to_a_closed_port_is_one_line_and_changes_nothing(stand, tmp_path):
    """No server there: exit 1 within the timeout, one line, the till's file unchanged."""
    t1, _ = stand
    db = tmp_path / "t1.sqlite"
    t1.close()
    before = _digest(db)
    from booth_pos.bench.postgres import free_port

    started = time.monotonic()
    done = booth_pos(db, "central", "push", f"postgresql://office:s3cret@127.0.0.1:{free_port()}/c")
    assert done.returncode == 1
    assert time.monotonic() - started < 15
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Cannot reach the central database" in lines[0], done.stderr
    assert "s3cret" not in done.stderr and "Traceback" not in done.stderr
    assert _digest(db) == before


def test_a_wrong_password_is_refused_in_one_line_without_showing_it(stand, pg_cluster, tmp_path):
    """The office's server refuses the password: one line naming the cause, not the secret."""
    t1, _ = stand
    t1.close()
    done = booth_pos(
        tmp_path / "t1.sqlite", "--lang", "id", "central", "push",
        pg_cluster.dsn(password="wrong-secret"),
    )  # fmt: skip
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "menolak pengguna atau kata sandinya" in done.stderr
    assert "wrong-secret" not in done.stderr


def test_a_database_without_the_schema_is_refused_and_left_alone(stand, central_dsn):
    """Push and report on a foreign database (tables of its own, never ``init``): refused,
    its tables untouched; ``init`` then sets it up beside them."""
    t1, _ = stand
    with psycopg.connect(central_dsn) as conn:
        conn.execute("CREATE TABLE invoices (id int PRIMARY KEY, total bigint)")
        conn.execute("INSERT INTO invoices VALUES (1, 500)")
    for attempt in (lambda: central.push(t1, central_dsn), lambda: central.report(central_dsn)):
        with pytest.raises(CentralError, match="central init"):
            attempt()
    with psycopg.connect(central_dsn) as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE "
                                              "schemaname = 'public'")}  # fmt: skip
    assert tables == {"invoices"}
    assert central.init(central_dsn) == (0, 1)
    assert central.init(central_dsn) == (1, 1)  # idempotent
    assert central.push(t1, central_dsn).changed


def test_a_read_only_user_or_database_is_refused_and_nothing_is_written(stand, central_dsn):
    """A user with SELECT only, and a database set read-only: one clear refusal each."""
    t1, _ = stand
    central.init(central_dsn)
    dbname = central_dsn.rsplit("/", 1)[1]
    with psycopg.connect(central_dsn, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS clerk")
        conn.execute("CREATE ROLE clerk LOGIN PASSWORD 'clerk'")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO clerk")
    clerk = central_dsn.replace("postgres:booth-central@", "clerk:clerk@")
    with pytest.raises(CentralError, match="does not let this user write"):
        central.push(t1, clerk)
    assert central.report(clerk) == []  # reading is allowed
    with psycopg.connect(central_dsn, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{dbname}" SET default_transaction_read_only = on')
    with pytest.raises(CentralError, match="read-only"):
        central.push(t1, central_dsn)
    assert _count(central_dsn, "entries") == 0
    with psycopg.connect(central_dsn, autocommit=True) as conn:
        conn.execute("SET default_transaction_read_only = off")
        conn.execute("DROP OWNED BY clerk")
        conn.execute("DROP ROLE clerk")


def test_a_file_whose_chain_was_edited_is_not_pushed(stand, central_dsn, tmp_path):
    """A sale edited in the journal behind the till's back: push refuses, sends nothing."""
    t1, _ = stand
    central.init(central_dsn)
    db = raw(t1)
    db.execute("DROP TRIGGER till_entries_no_update")
    db.execute(
        "UPDATE till_entries SET payload = replace(payload, '\"total\":', '\"total\":1') "
        "WHERE till = 'T2' AND kind = 'sale'"
    )
    db.conn.commit()
    with pytest.raises(KnownError, match="fails verification.*nothing was sent"):
        central.push(t1, central_dsn)
    assert _count(central_dsn, "entries") == 0


def test_two_files_claiming_one_till_are_refused_at_the_second_push(stand, central_dsn, tmp_path):
    """A copy of T1's file sells on as T1 too: its chain forks; the office refuses it."""
    t1, _ = stand
    central.init(central_dsn)
    db = tmp_path / "t1.sqlite"
    t1.close()
    shutil.copyfile(db, tmp_path / "copy.sqlite")
    t1 = open_store(db)
    copy = open_store(tmp_path / "copy.sqlite")
    try:
        _sell(t1, "BKR-02", minutes=40)
        _sell(copy, "BMB-01", minutes=41)
        central.push(t1, central_dsn)
        before = _copies(central_dsn)
        with pytest.raises(KnownError, match="same till code"):
            central.push(copy, central_dsn)
        assert _copies(central_dsn) == before
    finally:
        t1.close()
        copy.close()


def test_the_office_checks_chain_heads_against_the_printed_z_codes(stand, central_dsn):
    """Each till's last Z code as the office holds it is the one the Z report printed."""
    t1, t2 = stand
    close_day(t1, _clock(30), 0)
    central.init(central_dsn)
    central.push(t1, central_dsn)
    heads = {(h["till"], h["chain"]): h for h in central.tills(central_dsn)}
    for store, till in ((t1, "T1"), (t2, "T2")):
        day = store.days.last(till)
        printed = verification_code(store.journal.close_hash(day.z_no))
        assert heads[(till, "journal")]["last_z"] == day.z_no
        assert heads[(till, "journal")]["last_z_code"] == printed
    assert heads[("T1", "journal")]["seq"] == t1.journal.last()[0]
    assert heads[("T1", "journal")]["hash"] == t1.journal.last()[1]


def test_two_stands_at_two_events_are_reported_apart_and_by_dates(tmp_path, central_dsn):
    """Two stands push; ``--event`` keeps one event, ``--from/--to`` the business days."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a1, a2 = _stand(tmp_path / "a")
    b1, b2 = _stand(tmp_path / "b", name="Dekranasda Bali", event="Inacraft 2024")
    try:
        central.init(central_dsn)
        central.push(a1, central_dsn)
        central.push(b1, central_dsn)
        ina = central.report(central_dsn, event="Ina Craft 2023")
        assert {r["stand"] for r in ina} == {"Dekranasda Jabar"}
        assert [{k: r[k] for k in ARTISAN_COLUMNS} for r in ina] == _local(a1)
        both = central.report(central_dsn)
        assert {(r["stand"], r["event"]) for r in both} == {
            ("Dekranasda Jabar", "Ina Craft 2023"), ("Dekranasda Bali", "Inacraft 2024"),
        }  # fmt: skip
        day = central.report(central_dsn, first=date(2023, 3, 1), last=date(2023, 3, 1))
        assert sorted(r["net"] for r in day) == sorted(r["net"] for r in both)
        assert central.report(central_dsn, first=date(2023, 3, 2), last=date(2023, 3, 9)) == []
    finally:
        for s in (a1, a2, b1, b2):
            s.close()


def test_report_on_an_empty_central_database(central_dsn, tmp_path):
    """Nothing pushed yet: an empty list, as JSON and as text, exit 0."""
    central.init(central_dsn)
    db = tmp_path / "none.sqlite"
    done = booth_pos(db, "central", "report", central_dsn, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["by_artisan"] == []
    text = booth_pos(db, "central", "report", central_dsn)
    assert text.returncode == 0 and "nothing pushed yet" in text.stdout
    assert not db.exists()  # the office's commands never create a till file


def test_a_file_without_an_event_name_is_not_pushed(tmp_path, central_dsn):
    """The office files records by event: a stand that never named its event is told how."""
    store = open_store(tmp_path / "nameless.sqlite")
    try:
        demo.load_stand(store, _clock())
        settings_service.save(store, replace(store.settings(), event_name=""), at=START)
        central.init(central_dsn)
        with pytest.raises(KnownError, match="event_name="):
            central.push(store, central_dsn)
        assert _count(central_dsn, "entries") == 0
    finally:
        store.close()


def test_a_server_that_never_answers_times_out_and_changes_nothing(stand, tmp_path):
    """Something listens on the port but never speaks PostgreSQL (a hung office server, a
    captive portal): the push gives up after its timeout, one refusal, the file unchanged."""
    import socket

    t1, _ = stand
    before = _digest(tmp_path / "t1.sqlite")
    with socket.socket() as mute:
        mute.bind(("127.0.0.1", 0))
        mute.listen(1)  # the kernel completes the handshake; nobody ever answers
        port = mute.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(CentralError, match="Cannot reach") as refused:
            central.push(t1, f"postgresql://office:pw@127.0.0.1:{port}/c", timeout=2)
        waited = time.monotonic() - started
    assert 1.5 <= waited < 10
    assert refused.value.code == "unreachable"
    assert _digest(tmp_path / "t1.sqlite") == before


def test_the_commands_print_the_same_figures_as_the_stands_report(stand, central_dsn, tmp_path):
    """Through the ``booth-pos`` command: ``central report --json`` per artisan is
    ``report --event --json``'s ``by_artisan`` plus ``stand`` and ``event``; the text
    report ends with each till's head and last Z code."""
    t1, t2 = stand
    db = tmp_path / "t1.sqlite"
    assert booth_pos(db, "central", "init", central_dsn).returncode == 0
    pushed = booth_pos(db, "central", "push", central_dsn)
    assert pushed.returncode == 0, pushed.stderr
    office = booth_pos(db, "central", "report", central_dsn, "--event", "Ina Craft 2023", "--json")
    local = booth_pos(db, "report", "--event", "--json")
    assert office.returncode == 0 and local.returncode == 0, office.stderr + local.stderr
    rows = json.loads(office.stdout)["by_artisan"]
    assert [{k: v for k, v in r.items() if k not in ("stand", "event")} for r in rows] == (
        json.loads(local.stdout)["by_artisan"]
    )
    assert {r["stand"] for r in rows} == {"Dekranasda Jabar"}
    text = booth_pos(db, "central", "report", central_dsn).stdout
    z_no = t2.days.last("T2").z_no  # T2 closed its day: the office shows its Z's code
    printed = verification_code(t2.journal.close_hash(z_no))
    head = f"Dekranasda Jabar T2 journal: up to entry {t2.journal.last()[0]}"
    assert f"{head}, last Z {z_no} {printed}" in text, text


def test_a_sale_line_edited_behind_the_back_does_not_reach_the_office(stand, central_dsn):
    """The journal is what is pushed: a line's net raised in the table (its journal entry
    intact) leaves the office with the figures as they were sold; ``verify`` names it."""
    from booth_pos.services.journal import verify

    t1, _ = stand
    honest = _local(t1)
    db = raw(t1)
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in triggers:
        db.execute(f"DROP TRIGGER {name}")
    db.execute("UPDATE sale_lines SET net = net + 100000 WHERE line_no = 1")
    for _name, text in triggers:
        db.execute(text)
    db.conn.commit()
    t1.forget_cached()
    assert _local(t1) != honest and not verify(t1).ok
    central.init(central_dsn)
    central.push(t1, central_dsn)
    rows = central.report(central_dsn)
    assert [{k: r[k] for k in ARTISAN_COLUMNS} for r in rows] == honest


def test_a_push_after_the_office_lost_its_heads_still_adds_no_second_copy(stand, central_dsn):
    """Someone at the office empties ``heads``: the next push resends everything, and the
    natural keys (``ON CONFLICT DO NOTHING``) keep exactly one copy of each row."""
    t1, _ = stand
    central.init(central_dsn)
    central.push(t1, central_dsn)
    copies = _copies(central_dsn)
    with psycopg.connect(central_dsn) as conn:
        conn.execute("DELETE FROM heads")
    again = central.push(t1, central_dsn)
    assert again.entries and not again.changed  # everything resent, nothing added
    assert again.facts == dict.fromkeys(again.facts, 0)
    assert _copies(central_dsn) == copies
    rows = central.report(central_dsn)
    assert [{k: r[k] for k in ARTISAN_COLUMNS} for r in rows] == _local(t1)


def test_the_office_can_recompute_every_hash_from_what_it_holds(stand, central_dsn):
    """``jsonb`` reorders keys, yet each entry's hash is the canonical JSON of its payload
    (sorted keys), so the office can re-walk every chain it received."""
    from booth_pos.services.sync import chain_problems
    from booth_pos.store.journal import Entry, canonical

    t1, _ = stand
    central.init(central_dsn)
    central.push(t1, central_dsn)
    with psycopg.connect(central_dsn) as conn:
        rows = conn.execute(
            "SELECT till, chain, seq, at, kind, ref, payload, prev_hash, hash FROM entries "
            "ORDER BY till, chain, seq"
        ).fetchall()
    chains: dict = {}
    for till, chain, seq, at, kind, ref, payload, prev, digest in rows:
        chains.setdefault((till, chain), []).append(
            Entry(seq, at, kind, ref, canonical(payload, check=False), prev, digest)
        )
    assert set(chains) == {("T1", "journal"), ("T1", "audit_log"), ("T2", "journal"),
                           ("T2", "audit_log")}  # fmt: skip
    assert all(chain_problems(entries, chain) is None for (_t, chain), entries in chains.items())


def test_a_value_the_server_refuses_becomes_one_clear_refusal(central_dsn):
    """``jsonb`` takes no NUL character: such a server refusal is a ``CentralError`` that
    names the database, not a traceback."""
    from booth_pos.store.central import translate

    with psycopg.connect(central_dsn) as conn:
        with pytest.raises(psycopg.Error) as raised:
            conn.execute("SELECT %s::jsonb", ('"a\\u0000b"',))
    found = translate(raised.value, central_dsn)
    assert isinstance(found, CentralError) and found.code == "22P05"
    assert "refused a record" in found.en and "booth-central" not in found.en
