"""The doors stay shut: layers point one way and SQLite lives only behind booth_pos/store.

import-linter (``lint-imports`` in CI, contracts in ``.importlinter``) checks the imports;
this test checks what an import contract cannot see: a connection or cursor used by code
outside the store (``.conn``, ``.execute(``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "booth_pos"
#: The benchmark's bare baselines talk to SQLite directly on purpose: they are the yardstick.
BASELINES = {"bench/suite.py", "bench/verify.py", "bench/central.py", "bench/sync.py"}
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


@pytest.mark.parametrize(
    "module", ["booth_pos.money", "booth_pos.errors", "booth_pos.model.errors", "booth_pos.model"]
)
def test_money_and_the_model_import_in_any_order(module):
    """Importing either first works: money and the model do not import each other in a
    circle (an import contract sees the graph, not the order Python runs it in)."""
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}; import booth_pos.model, booth_pos.money"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_the_import_contract_holds():
    """The layers of .importlinter (lazy imports included) hold, as CI's lint-imports says."""
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed beside this Python (pip install '.[test]')")
    done = subprocess.run(
        [str(lint), "--no-cache"], capture_output=True, text=True, cwd=PACKAGE.parent
    )
    assert done.returncode == 0, done.stdout[-3000:]
