"""``booth-pos report`` on the main till of two, and the rules a second till follows."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from helpers.cli import booth_pos


def _ok(db, *args, now=None):
    done = booth_pos(db, *args) if now is None else booth_pos(db, *args, now=now)
    assert done.returncode == 0, done.stderr
    return done


def _refused(db, *args):
    done = booth_pos(db, *args)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def _digest(path):
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def _two_tills(tmp_path):
    """T1 (main, demo stand) and T2 joined; both open a day and sell."""
    t1, t2 = tmp_path / "t1.sqlite", tmp_path / "t2.sqlite"
    _ok(t1, "demo")
    _ok(t1, "sync", "export", str(tmp_path / "join.bundle"))
    _ok(t2, "settings", "set", "till=T2")
    _ok(t2, "sync", "import", str(tmp_path / "join.bundle"))
    _ok(t1, "day", "open", "--float", "100000")
    _ok(t2, "day", "open", "--float", "200000")
    _ok(t1, "sell", "BKR-02", "--pay", "cash")
    _ok(t2, "sell", "BKR-02", "BMB-01", "--pay", "cash", now="2023-03-01T11:00:00+07:00")
    return t1, t2


def test_the_main_tills_day_report_lists_each_till_and_warns_for_an_open_one(tmp_path):
    """--json gets a ``tills`` list and a warning; the text names T2's last receipt."""
    t1, t2 = _two_tills(tmp_path)
    own = json.loads(_ok(t2, "report", "--json").stdout)
    _ok(t2, "sync", "export", str(tmp_path / "t2.bundle"), now="2023-03-01T12:00:00+07:00")
    _ok(t1, "sync", "import", str(tmp_path / "t2.bundle"), now="2023-03-01T12:05:00+07:00")
    data = json.loads(_ok(t1, "report", "--day", "2023-03-01", "--json").stdout)
    t1_line, t2_line = data["tills"]
    assert (t1_line["till"], t1_line["last_receipt"], t1_line["received_at"]) == (
        "T1",
        "T1-000001",
        None,
    )
    assert t2_line["till"] == "T2" and t2_line["last_receipt"] == "T2-000001"
    assert t2_line["received_at"].startswith("2023-03-01T05:05")
    assert t2_line["cash_expected"] == own["cash"]["expected"] and t2_line["pending"]
    assert data["cash"]["expected"] == t1_line["cash_expected"] + t2_line["cash_expected"]
    assert data["net"] == t1_line["net"] + t2_line["net"]
    assert [w["till"] for w in data["warnings"]] == ["T2"]
    text = _ok(t1, "--lang", "id", "report").stdout
    assert "T1 sampai T1-000001, T2 sampai T2-000001 diterima 12:05" in text
    assert "T2: belum diterima sejak penjualan terakhir" in text


def test_statements_wait_for_t2s_close_unless_forced_and_audited(tmp_path):
    """--statements is one line and exit 1 while T2's day is open; --force writes, audited."""
    t1, t2 = _two_tills(tmp_path)
    _ok(t2, "sync", "export", str(tmp_path / "open.bundle"))
    _ok(t1, "sync", "import", str(tmp_path / "open.bundle"))
    book = tmp_path / "event.xlsx"
    waited = _ok(t1, "report", "--event", "--xlsx", str(book))
    assert book.exists() and "without the Statements" in waited.stderr
    out = tmp_path / "statements.pdf"
    line = _refused(t1, "report", "--event", "--statements", str(out))
    assert "till T2" in line and not out.exists()
    forced = _ok(t1, "report", "--event", "--statements", str(out), "--force")
    assert out.exists() and "WITHOUT" in forced.stderr
    audit = json.loads(_ok(t1, "audit", "--json", "--kind", "statements_forced").stdout)
    assert audit and "T2" in json.dumps(audit)
    out.unlink()
    _ok(t2, "day", "close", "--counted", "999999", now="2023-03-01T21:00:00+07:00")
    _ok(t2, "sync", "export", str(tmp_path / "closed.bundle"), now="2023-03-01T21:01:00+07:00")
    _ok(t1, "sync", "import", str(tmp_path / "closed.bundle"))
    _ok(t1, "report", "--event", "--statements", str(out))
    assert out.exists()


def test_a_price_change_on_t2_is_one_line_exit_1_and_changes_nothing(tmp_path):
    """T2 is not the main till: ``product edit`` names T1 and leaves the file as it was."""
    _t1, t2 = _two_tills(tmp_path)
    before = _digest(t2)
    line = _refused(t2, "product", "edit", "BKR-02", "--price", "1000")
    assert "main till T1" in line and "nothing was changed" in line
    line = _refused(t2, "--lang", "id", "artisan", "add", "ZZZ", "--name", "Baru",
                    "--commission", "10")  # fmt: skip
    assert "kasir utama T1" in line
    assert _digest(t2) == before


def test_changing_the_till_code_after_sales_is_refused(tmp_path):
    """T2 sold as T2: ``settings set till=T3`` is one line, exit 1, and T2 stays T2."""
    _t1, t2 = _two_tills(tmp_path)
    line = _refused(t2, "settings", "set", "till=T3")
    assert "T2" in line and "T3" in line
    assert "till=T2" in _ok(t2, "settings", "show").stdout.splitlines()
