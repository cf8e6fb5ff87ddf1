"""A stand laptop has no terminal: warnings, errors and bugs with their tracebacks land in
the support log file, which the window can show."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from booth_pos import logs
from booth_pos.store import open_store


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "log"
    monkeypatch.setenv("BOOTH_POS_LOG_DIR", str(folder))
    yield folder
    root = logging.getLogger("booth_pos")
    for handler in list(root.handlers):
        if handler.get_name() == "booth-pos-support-log":
            root.removeHandler(handler)
            handler.close()


def test_a_bug_lands_in_the_support_log_with_its_traceback(log_dir):
    """An exception logged anywhere in booth_pos is in the file, traceback and all."""
    path = logs.setup()
    assert path == log_dir / "booth-pos.log"
    try:
        raise ZeroDivisionError("the float crept in")
    except ZeroDivisionError:
        logging.getLogger("booth_pos.ui.sell_page").exception("Bug in a slot")
    logging.getLogger("booth_pos.services").info("a sale, routine")  # not support material
    text = path.read_text(encoding="utf-8")
    assert "Bug in a slot" in text and "ZeroDivisionError: the float crept in" in text
    assert "Traceback" in text and "a sale, routine" not in text
    if os.name == "posix":
        assert (log_dir.stat().st_mode & 0o777) == 0o700


def test_setting_up_twice_writes_each_line_once(log_dir):
    """The window and the CLI both set the log up: no line is doubled."""
    logs.setup()
    logs.setup()
    logging.getLogger("booth_pos").warning("printer out of paper")
    assert logs.log_path().read_text(encoding="utf-8").count("printer out of paper") == 1


def test_an_unwritable_log_folder_never_stops_the_program(tmp_path, monkeypatch):
    """A log folder that cannot be made (a file in its way): no log, no crash."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("BOOTH_POS_LOG_DIR", str(blocker / "log"))
    assert logs.setup() is None


@pytest.mark.e2e
def test_the_command_line_writes_its_warnings_to_the_log(tmp_path):
    """`booth-pos sell` with a printer that cannot work: the warning is in the file too."""
    db, folder = tmp_path / "booth.sqlite", tmp_path / "log"
    env = dict(os.environ, BOOTH_POS_LOG_DIR=str(folder), BOOTH_POS_NOW="2023-03-01T10:00:00+07:00")
    run = [sys.executable, "-m", "booth_pos", "--db", str(db)]
    subprocess.run([*run, "demo"], env=env, capture_output=True, check=True, timeout=120)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the receipts folder should be")
    store = open_store(db)
    store.save_settings(replace(store.settings(), printer="pdf", printer_target=str(blocked)))
    store.close()
    done = subprocess.run([*run, "sell", "ECO-01"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "not printed" in done.stderr
    logged = (folder / "booth-pos.log").read_text(encoding="utf-8")
    assert "Receipt T1-000001 not printed" in logged
