"""What ``booth-pos`` refuses at the edges: a customer origin the stand does not use, and
selling on a database file that SQLite's quick check finds damaged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import raw
from helpers.cli import booth_pos
from helpers.damage import counts, garble_page_of

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo
from booth_pos.store import open_store

pytestmark = pytest.mark.e2e

NOW = "2023-03-01T10:00:00+07:00"


def snapshot(db: Path) -> list[str]:
    store = open_store(db)
    try:
        return list(raw(store).conn.iterdump())
    finally:
        store.close()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("inputs") / "demo.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    store.close()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path) -> Path:
    path = tmp_path / "booth.sqlite"
    shutil.copy(demo_template, path)
    return path


@pytest.mark.parametrize("origin", ["XX", "K" * 100_000, "KR\u202e", "Korea"])
def test_sell_with_an_origin_the_stand_does_not_use_exits_1_and_writes_nothing(demo_db, origin):
    """`--origin` takes one of the stand's codes; anything else is one line, exit 1, no day
    opened and no sale."""
    before = snapshot(demo_db)
    done = booth_pos(demo_db, "sell", "ECO-01", "--origin", origin, "--no-print")
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert "use one of ID, KR, FR, IN, OTHER" in line
    assert len(line) < 200 and "\u202e" not in line
    assert snapshot(demo_db) == before


def test_sell_with_a_configured_origin_in_lower_case_records_it(demo_db):
    """`--origin kr` is Korea, as the window's button would record it."""
    done = booth_pos(demo_db, "sell", "ECO-01", "--origin", "kr", "--no-print")
    assert done.returncode == 0, done.stderr
    store = open_store(demo_db)
    try:
        [(receipt_no, *_rest)] = store.sales.recent()
        assert store.sales.get(receipt_no).origin == "KR"
    finally:
        store.close()


def test_sell_on_a_file_that_fails_quick_check_exits_1_and_writes_nothing(demo_db):
    """A bad sector in an index no sale touches: the sale used to go on; now one line says
    to restore a backup, and no sale is written. Reading still works."""
    assert booth_pos(demo_db, "sell", "BKR-05", "--no-print").returncode == 0  # opens the day
    garble_page_of(demo_db)
    before = counts(demo_db)
    done = booth_pos(demo_db, "sell", "ECO-01", "--no-print")
    assert done.returncode == 1, done.stdout
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert "is damaged (Page " in line and "restore a backup (booth-pos restore)" in line
    assert counts(demo_db) == before
    assert booth_pos(demo_db, "products", "--json").returncode == 0
    report = booth_pos(demo_db, "report", "--json")
    assert report.returncode == 0 and json.loads(report.stdout)["sales"] == 1
    verified = booth_pos(demo_db, "verify")
    assert verified.returncode == 1 and "damaged" in verified.stderr + verified.stdout
