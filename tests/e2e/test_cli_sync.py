"""``booth-pos sync export|import`` as the stand uses it: two laptops and a USB stick."""

from __future__ import annotations

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


def test_two_tills_join_sell_the_last_scarf_and_merge_by_bundles(tmp_path):
    """T2 joins from T1's bundle; both sell the one scarf; after the swap both show -1."""
    t1, t2 = tmp_path / "t1.sqlite", tmp_path / "t2.sqlite"
    _ok(t1, "demo")
    _ok(t1, "stock", "count", "BKR-01=1", "--reason", "last one")
    _ok(t1, "sync", "export", str(tmp_path / "join.bundle"))
    _ok(t2, "settings", "set", "till=T2")
    joined = json.loads(_ok(t2, "sync", "import", str(tmp_path / "join.bundle")).stdout)
    assert joined["joined"] and joined["catalogue"]
    for db in (t1, t2):
        _ok(db, "day", "open", "--float", "100000")
    one = json.loads(_ok(t1, "sell", "BKR-01", "--pay", "cash").stdout)
    two = json.loads(
        _ok(t2, "sell", "BKR-01", "--pay", "cash", now="2023-03-01T10:05:00+07:00").stdout
    )
    assert (one["receipt_no"], two["receipt_no"]) == ("T1-000001", "T2-000001")
    _ok(t2, "sync", "export", str(tmp_path / "t2.bundle"))
    _ok(t1, "sync", "export", str(tmp_path / "t1.bundle"))
    got = json.loads(_ok(t1, "sync", "import", str(tmp_path / "t2.bundle")).stdout)
    assert got["changed"] and got["entries"]["T2 journal"] >= 2
    _ok(t2, "sync", "import", str(tmp_path / "t1.bundle"))
    again = json.loads(_ok(t1, "sync", "import", str(tmp_path / "t2.bundle")).stdout)
    assert not again["changed"]
    for db in (t1, t2):
        ledger = json.loads(_ok(db, "stock", "ledger", "--json").stdout)
        scarf = next(r for r in ledger if r["sku"] == "BKR-01")
        assert scarf["on_hand"] == -1 and scarf["sold"] == 2
        assert "other till" in _ok(db, "verify").stdout


def test_a_flipped_amount_in_a_bundle_is_one_line_and_exit_1(tmp_path):
    """A bundle whose sale total was changed on the stick is refused in both languages."""
    t1, t2 = tmp_path / "t1.sqlite", tmp_path / "t2.sqlite"
    _ok(t1, "demo", "--days", "1", "--sales-per-day", "2")
    bundle = tmp_path / "join.bundle"
    _ok(t1, "sync", "export", str(bundle))
    conn = sqlite3.connect(bundle)
    conn.execute(
        "UPDATE bundle_entries SET payload = replace(payload, '\"total\":', '\"total\":9') "
        "WHERE kind = 'sale'"
    )
    conn.commit()
    conn.close()
    _ok(t2, "settings", "set", "till=T2")
    line = _refused(t2, "sync", "import", str(bundle))
    assert "fails verification" in line and "nothing was imported" in line
    line_id = _refused(t2, "--lang", "id", "sync", "import", str(bundle))
    assert "gagal verifikasi" in line_id
    assert json.loads(_ok(t2, "products", "--json").stdout) == []


def test_a_bundle_from_this_tills_own_code_or_not_a_bundle_is_refused(tmp_path):
    """A new laptop still at T1, or a database given as a bundle: one line, nothing done."""
    t1, fresh = tmp_path / "t1.sqlite", tmp_path / "fresh.sqlite"
    _ok(t1, "demo")
    _ok(t1, "sync", "export", str(tmp_path / "join.bundle"))
    assert "till=T2" in _refused(fresh, "sync", "import", str(tmp_path / "join.bundle"))
    assert "not a Booth POS bundle" in _refused(fresh, "sync", "import", str(t1))
    assert "not a bundle" in _refused(t1, "sync", "export", str(t1))
    _ok(t1, "verify")


def test_a_bundle_edited_into_nonsense_is_refused_without_a_traceback(tmp_path):
    """An entry number turned into text on the stick: one line, exit 1, nothing imported."""
    t1, t2 = tmp_path / "t1.sqlite", tmp_path / "t2.sqlite"
    _ok(t1, "demo", "--days", "1", "--sales-per-day", "1")
    bundle = tmp_path / "join.bundle"
    _ok(t1, "sync", "export", str(bundle))
    conn = sqlite3.connect(bundle)
    conn.execute("UPDATE bundle_entries SET seq = 'x' || seq WHERE kind = 'sale'")
    conn.commit()
    conn.close()
    _ok(t2, "settings", "set", "till=T2")
    assert "not a Booth POS bundle" in _refused(t2, "sync", "import", str(bundle))
    assert json.loads(_ok(t2, "products", "--json").stdout) == []
