"""Every visible string of the window has an Indonesian translation, and it is shipped."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
i18n = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n)


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """The shipped .ts brought up to date with the code, in a temp copy."""
    ts = tmp_path_factory.mktemp("i18n") / "booth_pos_id.ts"
    shutil.copyfile(i18n.MAIN_TS, ts)
    i18n.update(ts)
    return ts


def test_every_tr_string_in_the_window_is_translated(fresh_ts):
    """No tr() string of booth_pos/ui lacks its Indonesian text (run scripts/i18n.py)."""
    assert i18n.unfinished(fresh_ts) == []


def test_the_shipped_qm_matches_the_ts(fresh_ts, tmp_path):
    """booth_pos/resources/i18n/booth_pos_id.qm was compiled from the current translations."""
    qm = tmp_path / "check.qm"
    subprocess.run(
        [i18n._tool("pyside6-lrelease"), str(i18n.MAIN_TS), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == i18n.MAIN_TS.with_suffix(".qm").read_bytes()
