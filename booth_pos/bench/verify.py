"""``verify`` against the bare minimum an auditor's check costs, each in a fresh process.

    python -m booth_pos.bench.verify ours|bare DB

prints one JSON line ``{"seconds": ..., "rss_mb": ...}``: the time of the check (not of
starting Python) and the peak RSS of the whole process. The bare baseline is a plain Python
loop with ``sqlite3`` and ``hashlib`` that reads both chains in order and recomputes every
hash, plus ``PRAGMA integrity_check``: what no verify can skip. Ours also pairs every sale,
day and correction with its journal entry and checks every money rule.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import time

_CHAINS = (("journal", "kind", "ref", "payload"), ("audit_log", "action", "actor", "detail"))


def bare(path: str) -> int:
    """Integrity check and both chains recomputed by hand; returns the entries read."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("BEGIN")
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise RuntimeError(f"{path} is damaged")
        n = 0
        for table, kind, ref, payload in _CHAINS:
            prev = "0" * 64
            for row in conn.execute(
                f"SELECT id, at, {kind}, {ref}, {payload}, prev_hash, hash FROM {table} ORDER BY id"
            ):
                seq, at, k, r, text, prev_hash, digest = row
                head = json.dumps(
                    [1, table, seq, k, r, at, prev_hash], separators=(",", ":"), ensure_ascii=False
                )
                if prev_hash != prev or hashlib.sha256(f"{head}\n{text}".encode()).hexdigest() != (
                    digest
                ):
                    raise RuntimeError(f"{table} entry {seq} does not hold")
                prev = digest
                n += 1
        return n
    finally:
        conn.close()


def ours(path: str) -> int:
    """``booth-pos verify`` as the command runs it; returns the sales checked."""
    from booth_pos.services import journal
    from booth_pos.store import open_store

    store = open_store(path, existing=True)
    try:
        result = journal.verify(store)
    finally:
        store.close()
    if not result.ok:
        raise RuntimeError(f"{path} fails verify: {result.first}")
    return result.sales


def peak_rss_mb() -> float:
    """The process's peak resident memory in MB (0 where the OS does not say)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1024  # bytes there, KiB here


def main(argv: list[str]) -> int:
    what, path = argv
    if what == "ours":  # import what the check needs before the clock starts
        import booth_pos.services.journal  # noqa: F401
    job = {"ours": ours, "bare": bare}[what]
    t0 = time.perf_counter()
    count = job(path)
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "rss_mb": peak_rss_mb(), "count": count}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
