"""The doors stay shut: SQLite only behind booth_pos/store, as the README's Layout says.

import-linter (``lint-imports`` in CI, contracts in ``.importlinter``) checks the imports;
this test checks what an import contract cannot see: a connection or cursor used by code
outside the store (``.conn``, ``.execute(``).
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "booth_pos"
#: The benchmark's bare baselines talk to SQLite directly on purpose: they are the yardstick.
BASELINES = {"bench/suite.py"}
PATTERN = re.compile(r"^\s*(import sqlite3|from sqlite3 )|\.conn\b|\.execute\(|\.executemany\(")


def test_nothing_outside_the_store_touches_a_connection():
    """No module outside booth_pos/store imports sqlite3 or runs a statement itself."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("store/") or rel in BASELINES:
            continue
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PATTERN.search(line):
                found.append(f"{rel}:{no}: {line.strip()}")
    assert found == []
