"""``booth-pos verify``, ``backup`` and ``restore`` as a coordinator or an auditor runs them."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e

NOW = "2023-03-03T21:00:00+07:00"


def booth_pos(db: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``booth-pos ARGS`` on ``db`` with the clock fixed at 21:00 WIB on 3 March 2023."""
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
def event_template(tmp_path_factory) -> Path:
    """The demo stand with two days of sales, built once in-process."""
    path = tmp_path_factory.mktemp("trust") / "event.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant("2023-03-01T09:00:00+07:00")))
    demo.simulate(store, 2, 15, seed=5)
    store.close()
    return path


@pytest.fixture
def db(event_template, tmp_path) -> Path:
    path = tmp_path / "booth.sqlite"
    shutil.copy(event_template, path)
    return path


def sales(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM sales").fetchone()[0]
    finally:
        conn.close()


def test_verify_passes_on_a_clean_event(db):
    """An untouched database: exit 0 and a one-line summary."""
    done = booth_pos(db, "verify")
    assert done.returncode == 0, done.stderr
    summary = done.stdout.strip()
    # the import's stock note IM-0001, 2 opens, 30 sales, 2 closes
    assert summary.startswith("verified: 35 journal entries, ")
    assert summary.endswith(
        " audit entries, 30 sales, 0 corrections, 2 business days, "
        "0 anchors outside the file; everything holds"
    )


def test_verify_exits_1_naming_a_row_edited_with_plain_sqlite(db):
    """Someone lowers a payment with sqlite3 after dropping its trigger: exit 1, sale named."""
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER payments_no_update")
    conn.execute(
        "UPDATE payments SET amount = amount - 5000, tendered = tendered - 5000 "
        "WHERE sale_id = (SELECT id FROM sales WHERE receipt_no = 'T1-000009')"
    )
    conn.commit()
    conn.close()
    done = booth_pos(db, "verify")
    assert done.returncode == 1
    first = done.stderr.splitlines()[0]
    assert first.startswith("booth-pos: verify FAILED: sale T1-000009: differs from its journal")
    assert "protection removed: trigger payments_no_update" in done.stderr
    data = json.loads(booth_pos(db, "verify", "--json").stdout)
    assert data["ok"] is False and data["problems"][0].startswith("sale T1-000009")


def test_sell_prints_the_verification_code_of_its_receipt(db):
    """The sale's JSON carries the code its receipt prints, checkable against the journal."""
    done = booth_pos(db, "sell", "ECO-01", "--no-print")
    assert done.returncode == 0, done.stderr
    sale = json.loads(done.stdout)
    conn = sqlite3.connect(db)
    digest = conn.execute(
        "SELECT hash FROM journal WHERE kind = 'sale' AND ref = ?", (sale["receipt_no"],)
    ).fetchone()[0]
    conn.close()
    assert sale["verification"] == f"{digest[:4]}-{digest[4:8]}".upper()


def test_backup_then_restore_round_trip(db, tmp_path):
    """Back up, sell once more, restore: the later sale is gone and kept in the safety copy."""
    done = booth_pos(db, "backup", str(tmp_path / "stick"))
    assert done.returncode == 0, done.stderr
    saved = Path(done.stdout.strip())
    assert saved.name == "booth-20230303-210000-manual.sqlite" and saved.is_file()
    assert booth_pos(saved, "verify").returncode == 0

    assert booth_pos(db, "sell", "ECO-01", "--no-print").returncode == 0
    assert sales(db) == 31
    done = booth_pos(db, "restore", str(saved))  # it would lose a sale: only with --force
    assert done.returncode == 1 and sales(db) == 31
    assert done.stderr.startswith("booth-pos: This backup holds 30 sales, the database now 31")
    assert "--force" in done.stderr and len(done.stderr.splitlines()) == 1
    done = booth_pos(db, "restore", "--force", str(saved))
    assert done.returncode == 0, done.stderr
    assert sales(db) == 30
    safety = Path(done.stderr.split("is kept in ")[1].strip())
    assert safety.name.endswith("-safety.sqlite") and sales(safety) == 31
    assert booth_pos(db, "verify").returncode == 0


def test_restore_refuses_a_tampered_backup_and_writes_nothing(db, tmp_path):
    """A backup edited behind the app's back: exit 1, the reason named, the database as it was."""
    saved = tmp_path / "edited.sqlite"
    assert booth_pos(db, "backup", str(saved)).returncode == 0
    conn = sqlite3.connect(saved)
    guard = "SELECT sql FROM sqlite_master WHERE name = 'sale_lines_no_update'"
    guard = conn.execute(guard).fetchone()[0]
    conn.execute("DROP TRIGGER sale_lines_no_update")
    conn.execute(
        "UPDATE sale_lines SET net = net - 1000 "
        "WHERE sale_id = (SELECT id FROM sales WHERE receipt_no = 'T1-000002')"
    )
    conn.execute(guard)  # the guard put back as it was: only verify can tell
    conn.commit()
    conn.close()
    before = sqlite3.connect(db).execute("SELECT count(*) FROM audit_log").fetchone()[0]
    done = booth_pos(db, "restore", str(saved))
    assert done.returncode == 1
    assert "fails verify: sale T1-000002" in done.stderr
    assert "nothing was restored" in done.stderr
    after = sqlite3.connect(db).execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert after == before


def test_day_close_says_where_its_backup_went(db):
    """Closing the day from the command line backs up beside the database and says so."""
    assert booth_pos(db, "day", "open").returncode == 0
    done = booth_pos(db, "day", "close", "--counted", "0")
    assert done.returncode == 0, done.stderr
    line = next(ln for ln in done.stderr.splitlines() if "backup written to" in ln)
    path = Path(line.split("backup written to ")[1])
    assert path.parent == db.parent / "backups" and path.name.endswith("-close.sqlite")


def test_exports_are_in_the_audit_log(db, tmp_path):
    """Writing a receipt PDF leaves a trace: who, what and where."""
    out = tmp_path / "struk.pdf"
    assert booth_pos(db, "receipt", "T1-000001", "--pdf", str(out)).returncode == 0
    conn = sqlite3.connect(db)
    actor, action, detail = conn.execute(
        "SELECT actor, action, detail FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    conn.close()
    assert (actor, action) == ("cli", "export")
    assert json.loads(detail) == {"what": "receipt", "path": str(out), "ref": "T1-000001"}


def test_restore_of_a_foreign_or_empty_file_keeps_the_stand_from_the_command_line(db, tmp_path):
    """``sqlite3 other.sqlite "create table notes(x)"`` or a 0-byte file: exit 1, one line,
    the 30 sales stay (before, exit 0 and an empty stand), with or without --force."""
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes(x)")
    conn.commit()
    conn.close()
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    for src in (other, empty):
        for extra in ((), ("--force",)):
            done = booth_pos(db, "restore", *extra, str(src))
            assert done.returncode == 1 and sales(db) == 30
            assert len(done.stderr.splitlines()) == 1
            assert "is not a Booth POS backup" in done.stderr
    done = booth_pos(db, "--lang", "id", "restore", str(empty))
    assert "bukan cadangan Booth POS" in done.stderr and done.returncode == 1


def test_an_encrypted_backup_from_the_command_line(db, tmp_path):
    """``backup --encrypt`` with BOOTH_POS_PASSPHRASE; restore asks it the same way: a wrong
    one is one line and exit 1, none at all without a terminal is refused, the right one
    restores."""
    env = {**os.environ, "BOOTH_POS_DB": str(db), "BOOTH_POS_NOW": NOW}
    env.pop("BOOTH_POS_PASSPHRASE", None)

    def run(*args, passphrase=None):
        extra = {} if passphrase is None else {"BOOTH_POS_PASSPHRASE": passphrase}
        return subprocess.run(
            [sys.executable, "-m", "booth_pos", *args],
            capture_output=True,
            text=True,
            env={**env, **extra},
            stdin=subprocess.DEVNULL,
            timeout=60,
        )

    done = run("backup", "--encrypt", str(tmp_path / "stick"), passphrase="short")
    assert done.returncode == 1 and "at least 8 characters" in done.stderr
    assert not (tmp_path / "stick").exists()
    done = run("backup", "--encrypt", str(tmp_path / "stick"))
    assert done.returncode == 1 and "BOOTH_POS_PASSPHRASE" in done.stderr
    done = run("backup", "--encrypt", str(tmp_path / "stick"), passphrase="batik parang 1")
    assert done.returncode == 0, done.stderr
    sealed = Path(done.stdout.strip())
    assert sealed.name == "booth-20230303-210000-manual.sqlite.enc"
    assert sealed.read_bytes().startswith(b"BOOTHPOS-ENC1\n")

    assert run("sell", "ECO-01", "--no-print").returncode == 0
    done = run("restore", str(sealed), passphrase="batik parang 2")
    assert done.returncode == 1 and sales(db) == 31
    assert done.stderr.startswith("booth-pos: Wrong passphrase for ")
    assert len(done.stderr.splitlines()) == 1
    done = run("restore", str(sealed))
    assert done.returncode == 1 and "BOOTH_POS_PASSPHRASE" in done.stderr
    done = run("restore", str(sealed), passphrase="batik parang 1")
    assert done.returncode == 1 and "30 sales, the database now 31" in done.stderr
    done = run("restore", "--force", str(sealed), passphrase="batik parang 1")
    assert done.returncode == 0, done.stderr
    assert sales(db) == 30
