"""Starting the till from the command line, as staff do on the stand's laptop."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e


def test_no_display_says_so_in_one_line(tmp_path):
    """With no screen, booth-pos explains itself instead of a Qt abort."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run(
        [sys.executable, "-m", "booth_pos", "--db", str(tmp_path / "b.sqlite")],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no display" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_headless_commands_never_load_qt(tmp_path):
    """`booth-pos products --json` runs without importing PySide6 (fast, works on servers)."""
    code = (
        "import sys; from booth_pos.cli import main; rc = main(['--db', sys.argv[1], "
        "'products', '--json']); assert 'PySide6' not in sys.modules, 'Qt loaded'; "
        "raise SystemExit(rc)"
    )
    from booth_pos.store import open_store

    open_store(tmp_path / "b.sqlite").close()  # an empty stand: reading commands create none
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "b.sqlite")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
