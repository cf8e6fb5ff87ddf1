"""What the program writes is its owner's only on POSIX: files 0600, the folders it makes 0700.

Each door sets the mode itself: these tests run under a permissive umask (022, as most
desktops have it), so none of them passes by the process's umask alone.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from helpers.documents import ring_up

from booth_pos.model import Method, Tender
from booth_pos.printing.pdf import PdfFolderPrinter
from booth_pos.services import backup, exports
from booth_pos.store import open_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: the profile)")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def permissive_umask():
    """The usual desktop umask: without the doors, files would come out 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_database_and_its_wal_are_not_readable_by_another_account(tmp_path, clock):
    """A stand opened in new folders: the folders 0700, the file, -wal and -shm 0600."""
    home = tmp_path / "home"
    home.mkdir()
    os.chmod(home, 0o755)
    db = home / "stand" / "data" / "booth.sqlite"
    store = open_store(db)
    try:
        from booth_pos.services import days

        days.open_day(store, clock, 0)  # a write: the -wal holds it until a checkpoint
        wal, shm = db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")
        assert wal.exists() and shm.exists()
        assert {p.name: mode(p) for p in (db, wal, shm)} == {
            db.name: 0o600,
            wal.name: 0o600,
            shm.name: 0o600,
        }
        assert mode(home / "stand") == 0o700 and mode(db.parent) == 0o700
    finally:
        store.close()
    assert mode(home) == 0o755  # a folder that was there already keeps its mode


def test_backups_and_their_folder_are_not_readable_by_another_account(demo_store, tmp_path):
    """A backup into a folder it creates (a USB stick's), and to a file name: 0600, 0700."""
    folder = tmp_path / "usb" / "booth-backups"
    into_folder = backup.backup(demo_store, folder)
    to_file = backup.backup(demo_store, tmp_path / "manual.sqlite")
    assert mode(into_folder) == 0o600 and mode(to_file) == 0o600
    assert mode(folder) == 0o700 and mode(tmp_path / "usb") == 0o700


def test_the_safety_backup_of_a_restore_is_not_readable_by_another_account(demo_store, tmp_path):
    """Restoring keeps a safety backup of what it replaced: that file is 0600 as well."""
    saved = backup.backup(demo_store, tmp_path / "b.sqlite")
    safety = backup.restore(demo_store, saved)
    assert mode(safety) == 0o600 and mode(safety.parent) == 0o700
    assert mode(demo_store.path) == 0o600


def test_an_exported_report_is_not_readable_by_another_account(demo_store, clock, tmp_path):
    """A report, a CSV or statements saved for a person: 0600."""
    target = tmp_path / "day.csv"
    exports.write_export(demo_store, target, b"a,b\n", what="report_csv", actor="", at=clock.now())

    def render(path):
        path.write_bytes(b"%PDF-1.4 rendered by a library\n")

    pdf = exports.write_export(
        demo_store, tmp_path / "day.pdf", render, what="report_pdf", actor="", at=clock.now()
    )
    assert mode(target) == 0o600 and mode(pdf) == 0o600


def test_receipt_pdfs_and_their_folder_are_not_readable_by_another_account(
    demo_store, clock, tmp_path
):
    """The PDF receipt folder it creates is 0700, each receipt in it 0600."""
    sale = ring_up(demo_store, clock, ["BKR-01"], [Tender(Method.CASH)])
    folder = tmp_path / "receipts" / "2023"
    where = PdfFolderPrinter(folder).print_receipt(sale, demo_store.settings())
    assert mode(where) == 0o600
    assert mode(folder) == 0o700 and mode(folder.parent) == 0o700


def test_the_command_line_creates_a_private_stand_and_backup(tmp_path):
    """``booth-pos demo`` then ``backup`` from a shell with umask 022: 0600 files, 0700 folders."""
    db = tmp_path / "new" / "booth.sqlite"
    env = {**os.environ, "BOOTH_POS_NOW": "2023-03-01T10:00:00+07:00"}
    run = [sys.executable, "-m", "booth_pos", "--db", str(db)]
    done = subprocess.run([*run, "demo", "--days", "1"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [*run, "backup", str(tmp_path / "usb")], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    written = sorted((tmp_path / "usb").iterdir())
    assert "anchors.jsonl" in [p.name for p in written]  # the backup's anchor line too
    assert len(written) == 2 and [mode(p) for p in written] == [0o600, 0o600]
    assert mode(db) == 0o600 and mode(db.parent) == 0o700 and mode(tmp_path / "usb") == 0o700


def test_a_database_made_readable_by_others_is_tightened_at_the_next_open(tmp_path):
    """A stand made by an older version (0644, and its WAL) kept a world-readable file of
    PIN hashes after the upgrade: the next open makes it the owner's only."""
    db = tmp_path / "booth.sqlite"
    open_store(db).close()
    os.chmod(db, 0o644)
    store = open_store(db)
    try:
        assert mode(db) == 0o600
        wal = db.with_name(db.name + "-wal")
        assert not wal.exists() or mode(wal) == 0o600
    finally:
        store.close()
