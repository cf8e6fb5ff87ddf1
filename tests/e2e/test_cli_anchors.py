"""``booth-pos verify`` checks the anchors outside the file: after ``booth-pos day close``
and ``booth-pos backup``, a last sale deleted together with its journal entry is named."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest
from helpers.cli import booth_pos as run_booth_pos

pytestmark = pytest.mark.e2e

NOW = "2023-03-01T21:00:00+07:00"


def booth_pos(db: Path, *args: str) -> subprocess.CompletedProcess:
    return run_booth_pos(db, *args, now=NOW)


def test_verify_names_a_deleted_last_sale_by_the_backup_that_still_has_it(tmp_path):
    """Sell, back up, then delete the last sale and its entry with the triggers put back:
    verify exits 1 naming the backup the journal no longer extends."""
    db = tmp_path / "booth.sqlite"
    assert booth_pos(db, "demo", "--days", "0").returncode == 0
    assert booth_pos(db, "day", "open", "--float", "0").returncode == 0
    for _ in range(2):
        assert booth_pos(db, "sell", "ECO-01", "--no-print").returncode == 0
    assert booth_pos(db, "backup", str(tmp_path / "backups")).returncode == 0
    done = booth_pos(db, "verify", "--json")
    data = json.loads(done.stdout)
    assert data["ok"] is True and data["anchors"] == 2  # the backup file and its line
    conn = sqlite3.connect(db)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    sale = conn.execute("SELECT id FROM sales WHERE receipt_no = 'T1-000002'").fetchone()[0]
    for sql in (
        f"DELETE FROM sale_references WHERE sale_id = '{sale}'",
        f"DELETE FROM sale_lines WHERE sale_id = '{sale}'",
        f"DELETE FROM payments WHERE sale_id = '{sale}'",
        "DELETE FROM stock_moves WHERE ref = 'T1-000002'",
        # its units back on the shelf, so each product's stock is still its moves' sum
        "UPDATE products SET stock = "
        "(SELECT coalesce(sum(qty), 0) FROM stock_moves m WHERE m.sku = products.sku)",
        f"DELETE FROM sales WHERE id = '{sale}'",
        "DELETE FROM journal WHERE ref = 'T1-000002'",
        "UPDATE till_counters SET last_seq = 1",
    ):
        conn.execute(sql)
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()
    done = booth_pos(db, "verify")
    assert done.returncode == 1
    first = done.stderr.splitlines()[0]
    assert first.startswith("booth-pos: verify FAILED: the journal: no longer extends the backup")
    assert first.endswith("(entry 4 is missing)")
