"""Never lose a sale: a till process killed at random moments keeps every sale it showed done.

The child (``tests/helpers/ring_up.py``) rings up sales through ``selling.complete`` and
prints each receipt number after the commit returned, which is when the screen would say
"done". The test SIGKILLs it at random moments, again and again, then checks that every
printed number is in the database, that ``verify`` passes and that numbering has no gap.
A SIGKILL keeps the OS page cache, so this proves the transaction and WAL logic, not the
disk; ``synchronous=FULL`` (checked at open) covers the power cut.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import raw

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import days, demo, journal
from booth_pos.store import open_store

CHILD = Path(__file__).resolve().parent.parent / "helpers" / "ring_up.py"
KILLS = 18

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics are POSIX")


def test_sigkill_at_random_moments_never_loses_a_printed_sale(tmp_path):
    """18 kills mid-sale: every receipt number the till printed is stored, and all verifies."""
    path = tmp_path / "booth.sqlite"
    store = open_store(path)
    clock = Clock(parse_instant("2023-03-01T10:00:00+07:00"))
    demo.load_stand(store, clock)
    days.open_day(store, clock, 500_000)
    store.close()

    seed = int(os.environ.get("BOOTH_POS_CRASH_SEED", time.time_ns() % 10**6))
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    printed: list[str] = []
    killed_mid_run = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert child.stdout.readline() == b"ready\n", child.stderr.read().decode()
        time.sleep(rng.uniform(0.0, 0.25))  # somewhere inside a sale, or between two
        child.kill()  # SIGKILL: no cleanup, no atexit, no flush
        out, err = child.communicate(timeout=30)
        assert child.returncode == -9 if os.name == "posix" else child.returncode != 0
        lines = out.decode().split("\n")
        done = [line for line in lines[:-1] if line]  # a last line without "\n" was not shown
        assert "Traceback" not in err.decode(), err.decode()
        killed_mid_run += bool(done)
        printed += done

    assert killed_mid_run >= KILLS // 2, f"seed {seed}: the child was rarely selling when killed"
    store = open_store(path)
    try:
        stored = {r[0] for r in raw(store).execute("SELECT receipt_no FROM sales")}
        lost = [n for n in printed if n not in stored]
        assert lost == [], f"seed {seed}: printed as done but not stored: {lost}"
        assert len(printed) == len(set(printed)), f"seed {seed}: a number was printed twice"
        result = journal.verify(store)  # also: numbering 1..n without gaps, chain intact
        assert result.ok, f"seed {seed}: {result.problems}"
        seqs = sorted(r[0] for r in raw(store).execute("SELECT seq FROM sales WHERE till = 'T1'"))
        assert seqs == list(range(1, len(seqs) + 1))
        assert len(stored) >= len(printed) > 50
    finally:
        store.close()
