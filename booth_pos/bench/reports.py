"""Benchmark: the day report against one hand-written SQL aggregate on the same file.

    python -m booth_pos.bench.reports [--db FILE | --build FILE] [--days 5]
        [--sales-per-day 100000] [--repeats 7] [--json OUT]

"Ours" is what ``booth-pos report --day --json`` does once the store is open: build the
DayReport (lines, payments and sales passes plus lookups) and serialise it to JSON. "Raw" is
``store.reports.artisan_totals_one_query``: the per-artisan settlement (items, gross,
discounts, net, commission half up, payout) as ONE SQL query on the same connection. Both
are timed alternately after a warm-up; medians are reported with their ratio, and the
per-artisan figures of both are checked to be identical. The event report is timed the same
way against the raw query over every day.

``--build`` makes the event with the demo stand through the real selling code (about two
sale lines per sale; 5 days x 100,000 sales is about 1,000,000 lines and takes a few
minutes). Targets (issue 5): under 1 s and within 1.5x of the raw query. Timing never fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from booth_pos.cli.output import report_json
from booth_pos.clock import DEFAULT_TIMEZONE, Clock, zone
from booth_pos.model import Report
from booth_pos.services import demo, reports
from booth_pos.store import Store, open_store


@dataclass(frozen=True)
class ReportTiming:
    """Medians in seconds of our report and of the raw query, over the same days."""

    name: str
    ours_s: float
    raw_s: float
    lines_covered: int
    lines_total: int
    same_figures: bool

    @property
    def ratio(self) -> float:
        return self.ours_s / self.raw_s if self.raw_s else float("inf")

    def as_json(self) -> dict:
        return {
            **asdict(self),
            "ratio": round(self.ratio, 3),
            "target": "ours < 1 s and ratio <= 1.5",
        }


def build_event(path: Path, n_days: int, per_day: int) -> Path:
    """A demo event of ``n_days`` x ``per_day`` sales, rung up through ``selling.complete``."""
    store = open_store(path)
    try:
        clock = Clock(datetime(2023, 3, 1, 9, 0, tzinfo=zone(DEFAULT_TIMEZONE)))
        if not store.products.count():
            demo.load_stand(store, clock)
        demo.simulate(store, n_days, per_day)
    finally:
        store.close()
    return path


def _alternate(ours: Callable[[], object], raw: Callable[[], object], repeats: int):
    ours(), raw()  # warm the page cache and SQLite's statement cache
    a, b = [], []
    for _ in range(repeats):
        for fn, acc in ((ours, a), (raw, b)):
            start = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def _count_lines(store: Store, day_ids: list[int] | None = None) -> int:
    return store.reports.line_count(day_ids)


def _same(report: Report, raw_rows: list[tuple]) -> bool:
    ours = [
        (
            a.code,
            a.name,
            a.items,
            a.gross,
            a.discounts,
            a.refunds,
            a.net,
            a.commission_bp,
            a.commission,
            a.payout,
        )
        for a in report.by_artisan
        if a.items  # the raw query starts from the lines sold
    ]
    return ours == [tuple(r) for r in raw_rows]


def time_day_report(store: Store, repeats: int = 7) -> ReportTiming:
    """``report --day --json`` (the open or last day) against the raw per-artisan query."""
    when = reports.report_day(store)
    day_ids = [d.id for d in store.days.by_date(when)]
    ours_s, raw_s = _alternate(
        lambda: json.dumps(report_json(reports.day_report(store))),
        lambda: store.reports.artisan_totals_one_query(day_ids),
        repeats,
    )
    same = _same(reports.day_report(store), store.reports.artisan_totals_one_query(day_ids))
    return ReportTiming(
        f"day_report {when}", ours_s, raw_s, _count_lines(store, day_ids), _count_lines(store), same
    )


def time_event_report(store: Store, repeats: int = 5) -> ReportTiming:
    """``report --event --json`` against the raw per-artisan query over every day."""
    day_ids = [d.id for d in store.days.all()]
    ours_s, raw_s = _alternate(
        lambda: json.dumps(report_json(reports.event_report(store))),
        lambda: store.reports.artisan_totals_one_query(day_ids),
        repeats,
    )
    same = _same(reports.event_report(store), store.reports.artisan_totals_one_query(day_ids))
    lines = _count_lines(store)
    return ReportTiming("event_report", ours_s, raw_s, lines, lines, same)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m booth_pos.bench.reports", description=__doc__.split("\n\n")[0]
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", type=Path, help="an existing event database")
    where.add_argument("--build", type=Path, help="build a demo event into this new file")
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--sales-per-day", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    path = args.db
    if args.build:
        start = time.perf_counter()
        path = build_event(args.build, args.days, args.sales_per_day)
        print(f"built {path} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    start = time.perf_counter()
    store = open_store(path)  # migrates an older file first (not timed below)
    print(f"opened (and migrated) in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    try:
        timings = [time_day_report(store, args.repeats), time_event_report(store, args.repeats)]
    finally:
        store.close()
    for t in timings:
        print(
            f"{t.name:<24} ours {t.ours_s * 1000:8.1f} ms   raw {t.raw_s * 1000:8.1f} ms   "
            f"ratio {t.ratio:5.2f}   lines {t.lines_covered:,} of {t.lines_total:,}   "
            f"same figures: {t.same_figures}"
        )
    if args.json:
        args.json.write_text(json.dumps([t.as_json() for t in timings], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
