"""A lockout that holds from the command line: the replay clock opens no lock, parallel
`sell`s compare at most five PINs, no sale is dated before the journal, a PIN is asked on
the terminal, and `verify` names a staff row changed by SQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from helpers import raw

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e

NOW = "2023-03-01T10:00:00+07:00"
A_DAY_LATER = "2023-03-02T10:00:00+07:00"


def env_for(db: Path, now: str = NOW, pin: str | None = None, **more: str) -> dict[str, str]:
    env = {**os.environ, "BOOTH_POS_DB": str(db), "BOOTH_POS_NOW": now, **more}
    for name in ("BOOTH_POS_PIN", "BOOTH_POS_SUPERVISOR_PIN", "BOOTH_POS_ALLOW_PAST"):
        if name not in more:
            env.pop(name, None)
    if pin is not None:
        env["BOOTH_POS_PIN"] = pin
    return env


def booth_pos(db: Path, *args: str, now: str = NOW, pin: str | None = None, **more: str):
    return subprocess.run(
        [sys.executable, "-m", "booth_pos", *args],
        capture_output=True, text=True, encoding="utf-8", env=env_for(db, now, pin, **more),
        stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip


@pytest.fixture
def crewed(tmp_path) -> Path:
    """The demo stand with Dewi (supervisor, 2468) and Rina (cashier, 1111), real PIN cost."""
    db = tmp_path / "booth.sqlite"
    store = open_store(db)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    store.close()
    assert booth_pos(db, "staff", "add", "Dewi", "--role", "supervisor", pin="2468").returncode == 0
    added = booth_pos(
        db, "staff", "add", "Rina", "--role", "cashier", "--supervisor", "Dewi", pin="1111",
        BOOTH_POS_SUPERVISOR_PIN="2468",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    return db


def sell(db: Path, pin: str, now: str = NOW, **more: str):
    return booth_pos(db, "sell", "--cashier", "Rina", "ECO-04", "--no-print", now=now, pin=pin,
                     **more)  # fmt: skip


def audit_kinds(db: Path) -> Counter:
    entries = json.loads(booth_pos(db, "audit", "--json").stdout)
    return Counter(e["kind"] for e in entries if e["actor"] == "Rina")


def test_a_replay_clock_a_day_later_does_not_let_the_right_pin_in(crewed):
    """Five wrong PINs lock Rina; BOOTH_POS_NOW a day later and the right PIN is still
    'locked' (it used to sell), and `staff list` shows the lock whatever the replay clock."""
    for pin in ("0001", "0002", "0003", "0004", "0005"):
        assert sell(crewed, pin).returncode == 1
    later = sell(crewed, "1111", now=A_DAY_LATER)
    assert later.returncode == 1 and "locked" in later.stderr
    listed = json.loads(booth_pos(crewed, "staff", "list", "--json", now=A_DAY_LATER).stdout)
    assert [p["locked_until"] is not None for p in listed] == [False, True]
    assert audit_kinds(crewed)["sign_in"] == 0


def test_parallel_sells_with_different_pins_compare_at_most_five(crewed):
    """16 `booth-pos sell --cashier Rina` at once, each with another wrong PIN: at most five
    PINs are compared, then even 1111 is refused and nothing was sold (40 at once once made
    32 wrong-PIN entries and sold on the locked account)."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "booth_pos", "sell", "--cashier", "Rina", "ECO-04",
             "--no-print"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env=env_for(crewed, pin=f"{4000 + i:04d}"), text=True,
        )  # fmt: skip
        for i in range(16)
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert all(code == 1 for code, _ in results), results
    kinds = audit_kinds(crewed)
    assert kinds["pin_check"] <= 5 and kinds["pin_failed"] <= 5 and kinds["sign_in"] == 0
    print(f"parallel sells: audit {dict(kinds)}")
    right = sell(crewed, "1111")
    assert right.returncode == 1 and "locked" in right.stderr
    store = open_store(crewed)
    try:
        assert store.sales.count() == 0
    finally:
        store.close()


def test_a_sale_dated_before_the_last_one_is_refused_unless_the_test_setting_allows(crewed):
    """A sale at 10:00 after one at 11:00 is one clear line and exit 1, nothing written;
    BOOTH_POS_ALLOW_PAST=1 (test-only) lets the replay go back."""
    assert sell(crewed, "1111", now="2023-03-01T11:00:00+07:00").returncode == 0
    back = sell(crewed, "1111", now=NOW)
    assert back.returncode == 1 and back.stderr.count("\n") == 1
    assert "before the last entry of the journal" in back.stderr
    allowed = sell(crewed, "1111", now=NOW, BOOTH_POS_ALLOW_PAST="1")
    assert allowed.returncode == 0, allowed.stderr
    assert json.loads(allowed.stdout)["receipt_no"] == "T1-000002"


def test_verify_names_a_cashier_promoted_by_sql(crewed):
    """`verify` holds after normal use, and exits 1 naming Rina once she is made a
    supervisor behind the program's back."""
    assert sell(crewed, "9999").returncode == 1
    assert sell(crewed, "1111").returncode == 0
    assert booth_pos(crewed, "verify").returncode == 0
    store = open_store(crewed)
    try:
        raw(store).execute("UPDATE staff SET role = 'supervisor' WHERE name_key = 'rina'")
        raw(store).conn.commit()
    finally:
        store.close()
    found = booth_pos(crewed, "verify")
    assert found.returncode == 1
    assert "staff Rina: changed behind the app's back" in found.stdout + found.stderr


def test_without_a_terminal_or_the_variable_the_pin_is_one_clear_line(crewed):
    """A script that forgot BOOTH_POS_PIN gets one line saying how to give the PIN."""
    done = sell(crewed, None)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "BOOTH_POS_PIN" in done.stderr and "terminal" in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_on_a_terminal_the_pin_is_asked_without_echo(crewed):
    """The normal way: no BOOTH_POS_PIN, the PIN typed at a prompt, never shown."""
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: booth-pos on a terminal of its own
        os.execvpe(
            sys.executable,
            [sys.executable, "-m", "booth_pos", "sell", "--cashier", "Rina", "ECO-04",
             "--no-print"],
            env_for(crewed),
        )  # fmt: skip
    seen = b""

    def read_until(marker: bytes, seconds: float = 60) -> None:
        nonlocal seen
        import time

        end = time.monotonic() + seconds
        while marker not in seen and time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(fd, 1024)
                except OSError:  # EIO: the child closed the terminal (it exited)
                    break
                if not chunk:
                    break
                seen += chunk

    read_until(b"PIN")
    assert b"PIN Rina" in seen
    os.write(fd, b"1111\n")
    read_until(b"\x00 until the child exits")  # all of its output, not just the start
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert b"1111" not in seen  # no echo
    assert b"T1-000001" in seen
