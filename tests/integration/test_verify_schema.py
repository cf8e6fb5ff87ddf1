"""verify compares the whole schema with the one the migrations make: a hostile trigger, an
extra view or table, or a guard whose body was rewritten is named, not only a missing guard.

Tampering is done with plain ``sqlite3`` on the file, as someone with the laptop would.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import demo, journal
from booth_pos.store import open_store

NOW = "2023-03-01T10:00:00+07:00"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "event.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant(NOW)))
    demo.simulate(store, 1, 10, seed=3)
    store.close()
    return path


@pytest.fixture
def path(template, tmp_path):
    dest = tmp_path / "booth.sqlite"
    shutil.copy(template, dest)
    return dest


def tamper(path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def problems(path) -> list[str]:
    store = open_store(path)
    try:
        return [str(p) for p in journal.verify(store).problems]
    finally:
        store.close()


def test_a_clean_file_has_no_schema_problem(path):
    """The demo event verifies: its schema is exactly the migrations'."""
    assert problems(path) == []


def test_a_hostile_trigger_that_reprices_products_is_named(path):
    """A trigger that sets every price to Rp 1 after each sale line would cost the artisans
    every later sale: verify names it although every money row still adds up."""
    tamper(
        path,
        "CREATE TRIGGER evil AFTER INSERT ON sale_lines BEGIN UPDATE products SET price = 1; END",
    )
    assert problems(path) == ["database schema: extra trigger evil"]


def test_an_extra_view_and_table_are_named(path):
    """A view over the sales and a table of one's own do not belong in the till's file."""
    tamper(
        path,
        "CREATE VIEW skim AS SELECT receipt_no, total FROM sales",
        "CREATE TABLE notes (x)",
    )
    assert problems(path) == [
        "database schema: extra table notes",
        "database schema: extra view skim",
    ]


def test_a_guard_trigger_rewritten_to_never_fire_is_named(path):
    """``sales_no_update`` dropped and recreated ``WHEN 0``: sales could be edited again while
    the trigger's name is still there; verify names the changed body."""
    conn = sqlite3.connect(path)
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sales_no_update'"
    ).fetchone()[0]
    conn.close()
    weakened = sql.replace("BEGIN", "WHEN 0 BEGIN", 1)
    assert weakened != sql
    tamper(path, "DROP TRIGGER sales_no_update", weakened)
    assert problems(path) == ["database schema: trigger sales_no_update differs from Booth POS's"]


def test_a_dropped_guard_is_still_named_as_protection_removed(path):
    """The message an auditor already knows stays: a removed guard is 'protection removed'."""
    tamper(path, "DROP TRIGGER payments_no_update", "DROP INDEX sales_day")
    assert problems(path) == [
        "database schema: protection removed: trigger payments_no_update",
        "database schema: missing index sales_day",
    ]
