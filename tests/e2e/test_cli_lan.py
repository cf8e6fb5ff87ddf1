"""``booth-pos sync serve`` on the main till and ``sync push`` from the others, as processes
on 127.0.0.1: join, sell, push, a main till killed in the middle, nobody listening."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import pytest
from helpers.cli import NOW, booth_pos

pytestmark = pytest.mark.e2e


def _ok(db, *args):
    done = booth_pos(db, *args)
    assert done.returncode == 0, done.stderr
    return done


def _refused(db, *args):
    done = booth_pos(db, *args)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def _dump(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


class Serving:
    """``booth-pos sync serve`` running on ``db``: its first JSON tells the port and code."""

    def __init__(self, db, port: int = 0):
        env = {**os.environ, "BOOTH_POS_DB": str(db), "BOOTH_POS_NOW": NOW}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "booth_pos", "sync", "serve", "--host", "127.0.0.1"]
            + ["--port", str(port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        lines = []
        while not lines or lines[-1] != "}":
            line = self.proc.stdout.readline()
            assert line, self.proc.stderr.read()
            lines.append(line.rstrip("\n"))
        self.info = json.loads("\n".join(lines))
        self.url = f"http://127.0.0.1:{self.info['port']}"
        self.code = self.info["code"]

    def stop(self, sig=signal.SIGTERM) -> int:
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(10)
        finally:
            self.proc.stdout.close()
            self.proc.stderr.close()


@pytest.fixture
def main(tmp_path):
    t1 = tmp_path / "t1.sqlite"
    _ok(t1, "demo")
    _ok(t1, "day", "open", "--float", "100000")
    serving = Serving(t1)
    yield t1, serving
    if serving.proc.poll() is None:
        serving.stop()


def _join(tmp_path, name, serving):
    db = tmp_path / f"{name.lower()}.sqlite"
    _ok(db, "settings", "set", f"till={name}")
    got = json.loads(_ok(db, "sync", "push", serving.url, "--code", serving.code).stdout)
    assert got["joined"] and got["received"]["catalogue"]
    _ok(db, "day", "open", "--float", "50000")
    return db


def test_a_till_joins_sells_and_pushes_to_the_serving_main_till(main, tmp_path):
    """T2 joins by URL and code, sells, pushes (remembered URL and code); T1 verifies it."""
    t1, serving = main
    assert len(serving.info["code"]) == 9 and serving.info["code"][4] == "-"
    t2 = _join(tmp_path, "T2", serving)
    sale = json.loads(_ok(t2, "sell", "BKR-01", "--pay", "cash").stdout)
    got = json.loads(_ok(t2, "sync", "push").stdout)  # sync_url and sync_code were kept
    assert got["sent"]["changed"] and got["sent"]["entries"]["T2 journal"] == 2  # day, sale
    assert sale["receipt_no"] == "T2-000001"
    assert "other till" in _ok(t1, "verify").stdout
    shown = json.loads(_ok(t1, "sync", "pair").stdout)
    assert shown["code"] == serving.code
    assert "main till" in _refused(t2, "sync", "pair")


def test_a_wrong_code_is_one_line_and_the_main_till_is_unchanged(main, tmp_path):
    """A mistyped code: exit 1, one line naming it, T1's records as they were."""
    t1, serving = main
    t2 = _join(tmp_path, "T2", serving)
    _ok(t2, "sell", "BKR-01", "--pay", "cash")
    before = _dump(t1)
    wrong = "".join("Z" if c not in "Z-" else "Y" for c in serving.code.replace("-", ""))
    line = _refused(t2, "sync", "push", serving.url, "--code", wrong)
    assert "wrong pairing code" in line
    assert _dump(t1) == before
    assert "kode pasangan salah" in _refused(
        t2, "--lang", "id", "sync", "push", serving.url, "--code", wrong
    )


def test_a_main_till_killed_mid_push_then_pushed_again_has_everything_once(main, tmp_path):
    """kill -9 on the main till while T2 pushes; after a restart the next push completes it,
    nothing twice, every chain verifies."""
    t1, serving = main
    t2 = _join(tmp_path, "T2", serving)
    for _ in range(5):
        _ok(t2, "sell", "BKR-01", "ECO-04", "--pay", "cash")
    env = {**os.environ, "BOOTH_POS_DB": str(t2), "BOOTH_POS_NOW": NOW}
    push = subprocess.Popen(
        [sys.executable, "-m", "booth_pos", "sync", "push"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    time.sleep(0.4)
    serving.stop(signal.SIGKILL)
    _out, err = push.communicate(timeout=30)
    assert push.returncode in (0, 1) and "Traceback" not in err
    again = Serving(t1, serving.info["port"])
    try:
        _ok(t2, "sync", "push")
        _ok(t2, "sync", "push")
    finally:
        again.stop()
    report = _ok(t1, "verify", "--json").stdout
    assert json.loads(report)["ok"]
    conn = sqlite3.connect(t1)
    try:
        sales = conn.execute(
            "SELECT count(*), count(DISTINCT ref) FROM till_entries "
            "WHERE till = 'T2' AND chain = 'journal' AND kind = 'sale'"
        ).fetchone()
    finally:
        conn.close()
    assert sales == (5, 5)


def test_nobody_listening_is_one_line_at_once_and_nothing_changes(tmp_path):
    """No main till on that port: exit 1 within a few seconds, one line, the file as it was."""
    t2 = tmp_path / "t2.sqlite"
    _ok(t2, "settings", "set", "till=T2")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    before = _dump(t2)
    start = time.monotonic()
    line = _refused(t2, "sync", "push", f"127.0.0.1:{port}", "--code", "K7QM-4XTR")
    assert time.monotonic() - start < 5
    assert "cannot be reached" in line
    assert _dump(t2) == before
    assert "tidak terjangkau" in _refused(
        t2, "--lang", "id", "sync", "push", f"127.0.0.1:{port}", "--code", "K7QM-4XTR"
    )


def test_serve_is_refused_on_a_till_that_is_not_the_main_till(tmp_path):
    """`sync serve` on T2: one line, exit 1 (only the main till serves)."""
    t2 = tmp_path / "t2.sqlite"
    _ok(t2, "settings", "set", "till=T2")
    assert "main till" in _refused(t2, "sync", "serve", "--port", "0")


def test_serve_on_a_port_already_taken_is_one_line(tmp_path):
    """Another program holds the port: one line naming it, exit 1, no traceback."""
    t1 = tmp_path / "t1.sqlite"
    _ok(t1, "demo")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        line = _refused(t1, "sync", "serve", "--host", "127.0.0.1", "--port", str(port))
    assert f"127.0.0.1:{port}" in line
