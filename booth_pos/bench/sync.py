"""The bundle between two tills, against the same rows copied by plain SQL.

A second till (T2) sells a whole day of ``N`` sales; the figure is ``sync export`` on T2 plus
``sync import`` of that bundle on the main till (T1), as the commands run them: every chain
re-hashed, the stock moves read from the journal entries, the catalogue's digest checked,
one write transaction. The bare baseline moves exactly the same journal and audit rows with
``sqlite3`` alone: ``INSERT ... SELECT`` from T2's file into a new bundle file (fsynced,
renamed), then ``INSERT ... SELECT`` from the bundle into T1's ``till_entries``, no check at
all. Both sizes (a day and ten times that day) are timed to show how the cost grows.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from booth_pos.clock import Clock
from booth_pos.store import open_store
from booth_pos.store.migrations import latest_version

_START = datetime.fromisoformat("2023-03-01T09:00:00+07:00")


def build_pair(sales: int, products: int) -> tuple[Path, Path]:
    """Cached files: the main till T1 (catalogue only) and T2, which joined T1 by its bundle
    and then sold one day of ``sales`` sales."""
    from booth_pos.bench.suite import _fill_products, cache_dir
    from booth_pos.services import demo, sync
    from booth_pos.services import settings as settings_service

    folder = cache_dir() / f"sync-v{latest_version()}-p{products}-s{sales}"
    t1, t2 = folder / "t1.sqlite", folder / "t2.sqlite"
    if t1.exists() and t2.exists():
        return t1, t2
    building = folder.with_name(folder.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    clock = Clock(_START)
    main = open_store(building / "t1.sqlite")
    _fill_products(main, products, clock)
    sync.export_bundle(main, building / "join.bundle", at=_START)
    main.checkpoint()
    main.close()
    till = open_store(building / "t2.sqlite")
    settings_service.save(till, replace(till.settings(), till="T2"), at=_START)
    sync.import_bundle(till, building / "join.bundle", at=_START)
    demo.simulate(till, 1, sales)
    till.checkpoint()
    till.close()
    shutil.rmtree(folder, ignore_errors=True)
    building.rename(folder)
    return t1, t2


def ours(t1: Path, t2: Path, bundle: Path) -> int:
    """``sync export`` on T2, then ``sync import`` on T1; returns the entries imported."""
    from booth_pos.services import sync

    till = open_store(t2, existing=True)
    try:
        sync.export_bundle(till, bundle, at=_START)
    finally:
        till.close()
    main = open_store(t1, existing=True)
    try:
        summary = sync.import_bundle(main, bundle, at=_START)
    finally:
        main.close()
    return sum(summary.entries.values()) if isinstance(summary.entries, dict) else 0


def bare(t1: Path, t2: Path, bundle: Path) -> int:
    """The same journal and audit rows by ``INSERT ... SELECT``: out into a new file, then
    into T1's ``till_entries``; durable like ours (fsync, WAL + synchronous=FULL)."""
    part = bundle.with_name(bundle.name + ".part")
    part.unlink(missing_ok=True)
    conn = sqlite3.connect(part, isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{t2}?mode=ro",))
    conn.execute("BEGIN")
    conn.execute(
        "CREATE TABLE bundle_entries (till TEXT NOT NULL, chain TEXT NOT NULL, "
        "seq INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL, "
        "payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, "
        "PRIMARY KEY (till, chain, seq))"
    )
    conn.execute(
        "INSERT INTO bundle_entries SELECT 'T2', 'journal', id, at, kind, ref, payload, "
        "prev_hash, hash FROM src.journal"
    )
    conn.execute(
        "INSERT INTO bundle_entries SELECT 'T2', 'audit_log', id, at, action, actor, detail, "
        "prev_hash, hash FROM src.audit_log"
    )
    conn.execute("COMMIT")
    conn.close()
    with open(part, "rb") as f:
        os.fsync(f.fileno())
    os.replace(part, bundle)
    conn = sqlite3.connect(t1, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("ATTACH DATABASE ? AS b", (str(bundle),))
    conn.execute("BEGIN IMMEDIATE")
    n = conn.execute(
        "INSERT INTO till_entries SELECT * FROM b.bundle_entries WHERE true "
        "ON CONFLICT DO NOTHING"
    ).rowcount
    conn.execute("COMMIT")
    conn.close()
    return n


def _timed(job, t1: Path, t2: Path, work: Path, repeats: int) -> float:
    """Median seconds of ``job`` on a fresh copy of T1 each time (the copy is not timed)."""
    samples = []
    for i in range(repeats):
        run = work / f"run-{job.__name__}-{i}"
        run.mkdir()
        main = run / "t1.sqlite"
        shutil.copyfile(t1, main)
        t0 = time.perf_counter()
        count = job(main, t2, run / "t2.bundle")
        samples.append(time.perf_counter() - t0)
        if count <= 0:
            raise RuntimeError(f"{job.__name__} moved no entries")
        shutil.rmtree(run)
    return statistics.median(samples)


def figures(sales_sizes: tuple[int, ...], products: int, repeats: int, work: Path):
    """One figure per size: (sales, ours seconds, bare seconds)."""
    out = []
    for sales in sales_sizes:
        t1, t2 = build_pair(sales, products)
        # interleave so that both see the same machine
        ours_s = _timed(ours, t1, t2, work, 1)
        bare_s = _timed(bare, t1, t2, work, 1)
        ours_s = statistics.median([ours_s, _timed(ours, t1, t2, work, repeats)])
        bare_s = statistics.median([bare_s, _timed(bare, t1, t2, work, repeats)])
        out.append((sales, ours_s, bare_s))
    return out
