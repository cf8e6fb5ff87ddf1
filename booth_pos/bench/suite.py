"""Benchmarks against bare baselines measured in the same run.

    python -m booth_pos.bench [--quick] [--json FILE] [--only NAME ...]

Every figure is a median over repeated runs next to the median of the fastest bare thing the
same machine can do for the same job, and their ratio, so the numbers hold on a noisy
machine. Timing never fails the run: targets are reported, not asserted (CI runs --quick so
the suite cannot rot). Big stores are built once and cached in the user cache folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from booth_pos.clock import Clock
from booth_pos.model import Artisan, Cart, Method, Product, Tender
from booth_pos.store import Store, open_store
from booth_pos.store.migrations import latest_version


@dataclass
class Figure:
    name: str
    median: float
    baseline: float
    unit: str = "s"
    target: str = ""

    @property
    def ratio(self) -> float:
        return self.median / self.baseline if self.baseline else float("inf")

    def as_json(self) -> dict:
        key = "median_mb" if self.unit == "MB" else "median_s"
        base = "baseline_mb" if self.unit == "MB" else "baseline_median_s"
        return {
            key: round(self.median, 6),
            base: round(self.baseline, 6),
            "ratio": round(self.ratio, 3),
            "target": self.target,
        }


@dataclass(frozen=True)
class Sizes:
    products: int
    sales: int
    report_lines: int
    repeats: int

    @classmethod
    def full(cls) -> Sizes:
        return cls(products=10_000, sales=100_000, report_lines=1_000_000, repeats=200)

    @classmethod
    def quick(cls) -> Sizes:
        return cls(products=1_000, sales=2_000, report_lines=20_000, repeats=20)


def median_time(fn: Callable[[], object], repeats: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


# -- stores -------------------------------------------------------------------------------


def cache_dir() -> Path:
    env = os.environ.get("BOOTH_POS_BENCH_CACHE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("booth-pos", appauthor=False)) / "bench"


def _fill_products(store: Store, n: int, clock: Clock) -> None:
    artisans = [
        Artisan(f"A{i:02d}", f"Pengrajin {i:02d}", "", "", 1000 + 50 * i) for i in range(12)
    ]
    categories = ("Ecoprint", "Batik Tulis", "Tenun", "Tas", "Dompet", "Bantal", "Dekorasi")
    from booth_pos.barcodes import in_store_ean13

    products = [
        Product(
            sku=f"P{i:05d}",
            name=f"Produk kerajinan nomor {i}",
            artisan_code=artisans[i % 12].code,
            category=categories[i % len(categories)],
            price=25_000 + (i * 7919) % 40 * 25_000,
            stock=50,
            barcode=in_store_ean13(i + 1),
        )
        for i in range(n)
    ]
    with store.atomic():
        store.artisans.upsert(artisans)
        store.products.upsert(products, clock.now())


def build_store(products: int, sales: int, *, days: int = 5) -> Path:
    """A cached store with ``products`` products and ``sales`` sales over ``days`` days."""
    path = cache_dir() / f"store-v{latest_version()}-p{products}-s{sales}-d{days}.sqlite"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    from booth_pos.services import demo

    clock = Clock(datetime.fromisoformat("2023-03-01T09:00:00+07:00"))
    store = open_store(tmp)
    _fill_products(store, products, clock)
    if sales:
        demo.simulate(store, days, max(1, sales // days))
    store.checkpoint()
    store.close()
    tmp.rename(path)
    return path


def copy_store(path: Path, into: Path) -> Path:
    dest = into / path.name
    shutil.copyfile(path, dest)
    return dest


# -- figures --------------------------------------------------------------------------------


def bench_commit_sale(sizes: Sizes, work: Path) -> Figure:
    """Commit a 5-line sale with two tenders, durable, vs the same rows by plain sqlite3."""
    from booth_pos.services import days, selling

    db = copy_store(build_store(sizes.products, sizes.sales), work)
    store = open_store(db)
    clock = Clock(datetime.fromisoformat("2023-03-10T10:00:00+07:00"))
    if days.current_day(store) is None:
        days.open_day(store, clock, 500_000)
    products = [store.products.by_code(f"P{i:05d}") for i in range(0, 50, 10)]

    def ours():
        cart = Cart(cashier="Rina")
        for p in products:
            cart.add(p)
        total = cart.total
        selling.complete(store, cart, [Tender(Method.QRIS, total // 2), Tender(Method.CASH)], clock)

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    day_id = store.days.current(store.settings().till).id
    seq = [10_000_000]

    def bare():
        seq[0] += 1
        sid = str(uuid.uuid4())
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE till_counters SET last_seq = last_seq WHERE till = 'T1'")
        conn.execute(
            "INSERT INTO sales(id, receipt_no, till, seq, day_id, created_at, cashier, origin, "
            "lang, subtotal, discount, total) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                sid,
                f"B-{seq[0]}",
                "B",
                seq[0],
                day_id,
                "2023-03-10T03:00:00+00:00",
                "Rina",
                "",
                "id",
                500_000,
                0,
                500_000,
            ),
        )
        conn.executemany(
            "INSERT INTO sale_lines(sale_id, line_no, sku, name, artisan_code, category, "
            "unit_price, qty, line_discount, sale_discount_share, net, day_id, commission_bp) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    sid,
                    i,
                    p.sku,
                    p.name,
                    p.artisan_code,
                    p.category,
                    p.price,
                    1,
                    0,
                    0,
                    p.price,
                    day_id,
                    1000,
                )
                for i, p in enumerate(products, 1)
            ],
        )
        conn.executemany(
            "INSERT INTO payments(sale_id, seq, method, amount, tendered, reference, day_id) "
            "VALUES (?,?,?,?,?,?,?)",
            [
                (sid, 1, "qris", 250_000, 250_000, "", day_id),
                (sid, 2, "cash", 250_000, 250_000, "", day_id),
            ],
        )
        conn.executemany(
            "UPDATE products SET stock = stock - 1 WHERE sku = ?", [(p.sku,) for p in products]
        )
        conn.executemany(
            "INSERT INTO stock_moves(sku, qty, kind, ref, at) VALUES (?, -1, 'sale', ?, ?)",
            [(p.sku, f"B-{seq[0]}", "2023-03-10T03:00:00+00:00") for p in products],
        )
        conn.execute("COMMIT")

    repeats = max(20, sizes.repeats // 2)
    ours_s = median_time(ours, repeats)
    bare_s = median_time(bare, repeats)
    conn.close()
    store.close()
    return Figure("commit_sale", ours_s, bare_s, target="ratio <= 2")


#: The children run as an installed app does: offscreen, and with bytecode cached (an
#: installed wheel has its .pyc compiled at install; PYTHONDONTWRITEBYTECODE would make every
#: start compile ~60 modules again, ~0.2 s that no stand laptop pays).
_CHILD_ENV = {
    k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"
} | {"QT_QPA_PLATFORM": "offscreen"}


def _child_command(what: str, *args: str) -> list[str]:
    """The child processes live in ui/: only there may the package import Qt."""
    return [sys.executable, "-m", "booth_pos.bench.qt_child", what, *args]


def _child(what: str, *args: str) -> dict:
    """Run ``booth_pos.bench.qt_child WHAT`` in a fresh interpreter; it prints one JSON line."""
    out = subprocess.run(
        _child_command(what, *args), capture_output=True, text=True, env=_CHILD_ENV, timeout=600
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_scan_and_memory(sizes: Sizes, work: Path) -> list[Figure]:
    """Scanner Enter to painted cart row and total, and peak RSS, on the big store."""
    db = copy_store(build_store(sizes.products, sizes.sales), work)
    n = str(max(60, sizes.repeats))
    ours = _child("scan", str(db), n)
    bare = _child("scan_baseline", str(db), n)
    return [
        Figure("scan_to_cart", ours["median"], bare["median"], target="ratio <= 3 and < 10 ms"),
        Figure("memory", ours["rss_mb"], bare["rss_mb"], unit="MB", target="< 250 MB"),
    ]


def seconds_to_ready(command: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds from starting ``command`` to its ``ready`` line (what it does after, such as
    the quick check's thread finishing, is not the start); ``scripts/build_bundle.py`` times
    the bundle with it too."""
    t0 = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_CHILD_ENV if env is None else env,
    )
    try:
        for line in child.stdout:
            if line.strip() == "ready":
                return time.perf_counter() - t0
        raise RuntimeError(child.stderr.read()[-2000:])
    finally:
        child.communicate(timeout=300)


def bench_cold_start(sizes: Sizes, work: Path) -> Figure:
    """Process start to a focused scan field, vs a bare PySide6 window with one QLineEdit."""
    db = copy_store(build_store(sizes.products, sizes.sales), work)

    def run(what: str, *args: str) -> float:
        return seconds_to_ready(_child_command(what, *args))

    repeats = 5 if sizes.repeats < 100 else 11
    run("cold", str(db))  # writes the bytecode caches and warms the disk cache: not counted
    run("cold_baseline")
    ours = statistics.median(run("cold", str(db)) for _ in range(repeats))
    bare = statistics.median(run("cold_baseline") for _ in range(repeats))
    return Figure("cold_start", ours, bare, target="ratio <= 2.2")


def bench_receipt_pdf(sizes: Sizes, work: Path) -> Figure:
    """A 5-line receipt PDF vs a bare reportlab canvas drawing the same text and a barcode."""
    from booth_pos.bench.receipts import receipt_render_times

    times = receipt_render_times(runs=max(20, sizes.repeats // 2))
    return Figure("receipt_pdf", times["ours"], times["bare"], target="ratio <= 1.5 and < 30 ms")


def build_event(lines: int) -> Path:
    """A cached demo event of about ``lines`` sale lines over 5 days (about 2 lines a sale)."""
    from booth_pos.bench import reports as bench_report

    per_day = max(1, lines // 2 // 5)
    path = cache_dir() / f"event-v{latest_version()}-d5-s{per_day}.sqlite"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".building")
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        bench_report.build_event(tmp, 5, per_day)
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        tmp.rename(path)
    return path


def bench_day_report(sizes: Sizes, work: Path) -> list[Figure]:
    """The day (and event) report as JSON vs one hand-written SQL aggregate on the same file."""
    from booth_pos.bench import reports as bench_report

    store = open_store(build_event(sizes.report_lines))
    try:
        repeats = 7 if sizes.repeats >= 100 else 5
        day = bench_report.time_day_report(store, repeats)
        event = bench_report.time_event_report(store, repeats)
    finally:
        store.close()
    if not (day.same_figures and event.same_figures):
        raise RuntimeError("the report and the raw query disagree: a bug, not a timing")
    note = f"{day.lines_covered:,} of {day.lines_total:,} lines"
    return [
        Figure("day_report", day.ours_s, day.raw_s, target=f"ratio <= 1.5 and < 1 s ({note})"),
        Figure(
            "event_report",
            event.ours_s,
            event.raw_s,
            target=f"ratio <= 1.5 ({event.lines_total:,} lines)",
        ),
    ]


def bench_ui_stall_during_backup(sizes: Sizes, work: Path) -> Figure:
    """The longest event-loop stall of the window during a periodic backup of the biggest
    store (the five-day event), vs the same timer in a bare window for as long."""
    source = build_event(sizes.report_lines)
    db = copy_store(source, work)
    ours = _child("stall", str(db))
    bare = _child("stall_baseline", str(max(ours["seconds"], 0.2)))
    size_mb = source.stat().st_size / 1e6
    return Figure(
        "ui_stall_during_backup",
        ours["stall"],
        bare["stall"],
        target=f"< 50 ms (a {size_mb:,.0f} MB store backed up in {ours['seconds']:.1f} s)",
    )


def bench_verify(sizes: Sizes, work: Path) -> list[Figure]:
    """``verify`` of the big store (and of one a tenth its size, to show the growth), each
    run in a fresh process, vs a bare loop recomputing both chains plus ``integrity_check``
    on the same file; and verify's peak RSS vs the bare loop's."""

    def child(what: str, db: Path) -> dict:
        out = subprocess.run(
            [sys.executable, "-m", "booth_pos.bench.verify", what, str(db)],
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-2000:])
        return json.loads(out.stdout.strip().splitlines()[-1])

    repeats = 3 if sizes.repeats >= 100 else 2
    figures = []
    for n in (sizes.sales // 10, sizes.sales):
        db = build_store(sizes.products, n)
        runs = {"ours": [], "bare": []}
        for _ in range(repeats):  # alternated, so a busy moment weighs on both
            for what in runs:
                runs[what].append(child(what, db))
        ours = statistics.median(r["seconds"] for r in runs["ours"])
        bare = statistics.median(r["seconds"] for r in runs["bare"])
        name = "verify" if n == sizes.sales else f"verify_{n:,}".replace(",", "_")
        figures.append(Figure(name, ours, bare, target=f"ratio <= 2 ({n:,} sales)"))
        if n == sizes.sales:
            figures.append(
                Figure(
                    "verify_memory",
                    max(r["rss_mb"] for r in runs["ours"]),
                    max(r["rss_mb"] for r in runs["bare"]),
                    unit="MB",
                    target=f"< 150 MB ({n:,} sales)",
                )
            )
    return figures


def _import_file(path: Path, rows: int, *, barcodes: bool) -> Path:
    """A products CSV of ``rows`` rows for artisan BNC, with or without valid EAN-13s."""
    from booth_pos.barcodes import in_store_ean13

    lines = ["sku,name,artisan_code,category,price,stock,barcode"]
    for i in range(1, rows + 1):
        code = in_store_ean13(500_000 + i) if barcodes else ""
        lines.append(f"BNC-{i:06d},Produk {i},BNC,Bench,{10_000 + i},{i % 7},{code}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def bench_import_products(sizes: Sizes, work: Path) -> list[Figure]:
    """``import_products`` of N rows WITHOUT barcodes (each gets the next in-store EAN-13)
    against the same rows WITH barcodes, at N and 10 x N: the generated codes must cost about
    nothing more, and neither may grow faster than the rows (it was quadratic: 10k rows 17 s,
    20k rows 67 s, 100k not done after 10 minutes)."""
    from booth_pos.services import imports

    figures = []
    small = 5_000 if sizes.repeats >= 100 else 500
    for rows in (small, small * 10):
        plain = _import_file(work / f"with-{rows}.csv", rows, barcodes=True)
        bare = _import_file(work / f"without-{rows}.csv", rows, barcodes=False)

        def once(csv: Path) -> float:
            db = work / f"import-{csv.stem}.sqlite"
            for extra in ("", "-wal", "-shm"):
                Path(f"{db}{extra}").unlink(missing_ok=True)
            store = open_store(db)
            try:
                clock = Clock(datetime(2023, 3, 1, 10, tzinfo=UTC))
                store.artisans.upsert([Artisan("BNC", "Bench", commission_bp=1000)])
                t0 = time.perf_counter()
                imports.import_products(store, csv, clock)
                return time.perf_counter() - t0
            finally:
                store.close()

        repeats = 3
        ours = statistics.median(once(bare) for _ in range(repeats))
        base = statistics.median(once(plain) for _ in range(repeats))
        figures.append(Figure(f"import_products_{rows}", ours, base, target="ratio <= 1.5"))
    return figures


def bench_central_push(sizes: Sizes, work: Path) -> list[Figure]:
    """A whole event pushed to the council's PostgreSQL against a bare COPY of the same rows
    (``bench/central.py``); in full mode also a tenth of it, to see how the push grows."""
    from dataclasses import replace

    from booth_pos.bench import central as central_bench
    from booth_pos.bench.postgres import server_bin
    from booth_pos.services import settings as settings_service

    if server_bin() is None:
        central_bench.skipped("no PostgreSQL server installed: apt-get install postgresql")
        return []
    full = sizes.sales >= 100_000
    # 100k sales in full mode; a 10k file for the growth figure
    runs = [(sizes.products, sizes.sales)] + ([(sizes.products, sizes.sales // 10)] if full else [])
    results = []
    for products, sales in runs:
        db = copy_store(build_store(products, sales), work)
        store = open_store(db)
        settings_service.save(
            store, replace(store.settings(), event_name="Bench Fair"), at=datetime.now(UTC)
        )
        store.close()
        got = central_bench.measure(db, repeats=3 if full else 2)
        db.unlink()
        if got is None:
            central_bench.skipped("the PostgreSQL cluster did not start")
            return []
        results.append(got)
    big = results[0]
    figures = [
        Figure(
            "central_push", big["ours"], big["bare"],
            target=f"ratio <= 3 ({big['sales']:,} sales)",
        )
    ]  # fmt: skip
    if len(results) > 1:
        small = results[1]
        figures.append(
            Figure(
                "central_push_10x_growth", big["ours"],
                small["ours"] * big["sales"] / small["sales"],
                target=f"ratio <= 1.2: {small['sales']:,} -> {big['sales']:,} sales, linear",
            )
        )  # fmt: skip
    return figures


def bench_sync_bundle(sizes: Sizes, work: Path) -> list[Figure]:
    """A second till's day as a bundle: ``sync export`` on it plus ``sync import`` on the
    main till, vs the same journal and audit rows copied by plain SQL; a day of
    ``sizes.sales // 10`` sales (10k in the full run) and ten times that, for the growth."""
    from booth_pos.bench import sync

    day = max(100, sizes.sales // 10)
    repeats = 3 if sizes.sales >= 100_000 else 5
    out = []
    for sales, ours, base in sync.figures((day, day * 10), 1_000, repeats, work):
        out.append(Figure(f"sync_bundle_{sales}", ours, base, target="ratio <= 5"))
    return out


BENCHES: dict[str, Callable[[Sizes, Path], Figure | list[Figure]]] = {
    "scan_to_cart": bench_scan_and_memory,
    "commit_sale": bench_commit_sale,
    "receipt_pdf": bench_receipt_pdf,
    "day_report": bench_day_report,
    "cold_start": bench_cold_start,
    "ui_stall_during_backup": bench_ui_stall_during_backup,
    "verify": bench_verify,
    "import_products": bench_import_products,
    "central_push": bench_central_push,
    "sync_bundle": bench_sync_bundle,
}


def run(sizes: Sizes, only: list[str] | None = None) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    with tempfile.TemporaryDirectory(prefix="booth-bench-") as tmp:
        for name, bench in BENCHES.items():
            if only and name not in only:
                continue
            result = bench(sizes, Path(tmp))
            for fig in result if isinstance(result, list) else [result]:
                figures[fig.name] = fig
    return figures


def table(figures: dict[str, Figure]) -> str:
    rows = ["| figure | median | baseline | ratio | target |", "|---|---:|---:|---:|---|"]
    for f in figures.values():
        if f.unit == "MB":
            med, base = f"{f.median:.0f} MB", f"{f.baseline:.0f} MB"
        else:
            med, base = f"{f.median * 1000:.2f} ms", f"{f.baseline * 1000:.2f} ms"
        rows.append(f"| {f.name} | {med} | {base} | {f.ratio:.2f} | {f.target} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m booth_pos.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="small sizes (CI)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHES), help="run only these")
    args = parser.parse_args(argv)
    sizes = Sizes.quick() if args.quick else Sizes.full()
    figures = run(sizes, args.only)
    print(table(figures))
    if args.json:
        data = {name: f.as_json() for name, f in figures.items()}
        data["_sizes"] = sizes.__dict__
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
