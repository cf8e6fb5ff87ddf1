"""`booth-pos audit` lets a supervisor read who did what: every entry, by kind, since a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e


def _run(db, *args, **env):
    full = dict(os.environ, BOOTH_POS_NOW="2023-03-01T10:00:00+07:00", **env)
    return subprocess.run(
        [sys.executable, "-m", "booth_pos", "--db", str(db), *args],
        capture_output=True, text=True, env=full, timeout=120,
    )  # fmt: skip


def test_audit_lists_wrong_pins_for_the_supervisor(tmp_path):
    """A wrong PIN at the till shows in `audit --json --kind pin_failed` with who and when."""
    db = tmp_path / "booth.sqlite"
    assert _run(db, "demo").returncode == 0
    assert (
        _run(db, "staff", "add", "Dewi", "--role", "supervisor", BOOTH_POS_PIN="2468").returncode
        == 0
    )
    refused = _run(db, "sell", "--cashier", "Dewi", "ECO-01", BOOTH_POS_PIN="0000")
    assert refused.returncode == 1
    done = _run(db, "audit", "--json", "--kind", "pin_failed")
    assert done.returncode == 0, done.stderr
    entries = json.loads(done.stdout)
    assert len(entries) == 1
    entry = entries[0]
    assert set(entry) >= {"at", "kind", "actor", "detail"}
    assert entry["kind"] == "pin_failed" and entry["actor"] == "Dewi"
    everything = json.loads(_run(db, "audit", "--json").stdout)
    assert {"import", "staff_added", "pin_failed"} <= {e["kind"] for e in everything}


def test_audit_since_a_time_and_a_bad_time(tmp_path):
    """--since in the future lists nothing; --since that is not a time is one clear line."""
    db = tmp_path / "booth.sqlite"
    assert _run(db, "demo").returncode == 0
    assert (
        json.loads(_run(db, "audit", "--json", "--since", "2999-01-01T00:00:00+07:00").stdout) == []
    )
    bad = _run(db, "audit", "--since", "yesterday")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "--since" in bad.stderr
