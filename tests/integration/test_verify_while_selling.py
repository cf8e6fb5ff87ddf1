"""verify reads one snapshot: run again and again beside three tills selling into the same
file, it never raises a false alarm (before, it did 2 times in 43 with "has no journal entry
(written behind its back)")."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import days, demo, journal
from booth_pos.store import open_store

CHILD = Path(__file__).resolve().parent.parent / "helpers" / "ring_up.py"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")


def test_verify_beside_three_sellers_never_cries_wolf(tmp_path):
    """Three processes ring up sales while verify runs 25 times: every run holds."""
    path = tmp_path / "booth.sqlite"
    store = open_store(path)
    clock = Clock(parse_instant("2023-03-01T10:00:00+07:00"))
    demo.load_stand(store, clock)
    days.open_day(store, clock, 500_000)
    sellers = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(3)
    ]
    try:
        for child in sellers:
            assert child.stdout.readline() == b"ready\n", child.stderr.read().decode()
        runs, alarms, seen = 0, [], set()
        deadline = time.monotonic() + 60
        while runs < 25 and time.monotonic() < deadline:
            result = journal.verify(store)
            runs += 1
            seen.add(result.sales)
            if not result.ok:
                alarms.append(str(result.first))
        assert runs >= 10 and alarms == []
        assert len(seen) > 3  # the sellers really were selling while verify read
    finally:
        for child in sellers:
            child.kill()
            child.communicate(timeout=30)
        store.close()
    store = open_store(path)
    try:
        assert journal.verify(store).ok
    finally:
        store.close()
