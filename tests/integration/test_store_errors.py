"""The store's door: a locked, full, read-only or foreign file is a StoreError a person can act
on, in both languages; nothing is half-written, and the sale can be rung up again after."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from helpers import raw

from booth_pos.model import Cart, KnownError, Method, Tender
from booth_pos.services import days, demo, journal, selling
from booth_pos.store import StoreError, open_store


def _mount_tmpfs(folder: Path, size: str) -> bool:
    """A tiny disk of our own (root only); False where this machine does not allow it."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    return done.returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 16 MB tmpfs, or a skip where the machine cannot mount one (then max_page_count
    tests still cover a full database)."""
    folder = tmp_path / "disk"
    if not _mount_tmpfs(folder, "16m"):
        pytest.skip("cannot mount a tmpfs here (needs root); max_page_count covers SQLITE_FULL")
    yield folder
    _umount(folder)


def _fill(disk: Path) -> Path:
    """Take every byte the disk has left with one file (unbuffered: nothing left to flush)."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    return filler


def _cart(store, *skus: str) -> Cart:
    cart = Cart(cashier="Rina")
    for sku in skus:
        selling.add(store, cart, sku)
    return cart


def _sales(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sales").fetchone()[0]
    finally:
        conn.close()


def _both_languages(error: KnownError, en: str, id: str) -> None:
    assert en in error.text("en"), error.text("en")
    assert id in error.text("id"), error.text("id")
    assert "\n" not in error.text("en") and "\n" not in error.text("id")


def test_a_sale_while_another_program_holds_the_lock_is_refused_in_words(demo_store, clock):
    """Another process writes for longer than the wait: the sale is refused as 'locked',
    nothing of it is written, and it goes through once the other one lets go."""
    days.open_day(demo_store, clock, 0)
    store = open_store(demo_store.path, timeout=0.2)
    other = sqlite3.connect(demo_store.path, isolation_level=None)
    try:
        cart = _cart(store, "ECO-01", "BKR-05")
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError) as caught:
            selling.complete(store, cart, [Tender(Method.CASH)], clock)
        _both_languages(caught.value, "locked by another program", "dikunci program lain")
        assert caught.value.code == "SQLITE_BUSY"
        other.execute("ROLLBACK")
        assert store.sales.count() == 0
        sale = selling.complete(store, cart, [Tender(Method.CASH)], clock)
        assert sale.receipt_no == "T1-000001" and store.sales.count() == 1
        assert journal.verify(store).ok
    finally:
        other.close()
        store.close()


def test_a_full_database_refuses_the_sale_and_keeps_nothing_of_it(demo_store, clock):
    """SQLITE_FULL (here from max_page_count): 'disk full', not a traceback; after space is
    freed the same cart is paid and the journal verifies."""
    days.open_day(demo_store, clock, 0)
    pages = demo_store.pragma("page_count")
    raw(demo_store).execute(f"PRAGMA max_page_count = {pages}")
    cart = _cart(demo_store, *[p.sku for p in demo_store.products.all()[:40]])
    with pytest.raises(StoreError) as caught:
        for _ in range(200):  # until the last free page is used
            selling.complete(demo_store, Cart(cashier="Rina", lines=list(cart.lines)),
                             [Tender(Method.CASH)], clock)  # fmt: skip
    _both_languages(caught.value, "Disk full", "Disk penuh")
    assert "TIDAK tersimpan" in caught.value.text("id")
    assert caught.value.code == "SQLITE_FULL"
    written = demo_store.sales.count()
    assert journal.verify(demo_store).ok  # the refused sale left no half
    raw(demo_store).execute(f"PRAGMA max_page_count = {pages * 100}")
    selling.complete(demo_store, Cart(cashier="Rina", lines=list(cart.lines)),
                     [Tender(Method.CASH)], clock)  # fmt: skip
    assert demo_store.sales.count() == written + 1
    assert journal.verify(demo_store).ok


def test_a_full_disk_refuses_the_sale_and_it_goes_through_once_space_is_freed(tiny_disk, clock):
    """A real full disk (tmpfs): every failure is a StoreError, never a half sale; after the
    filler file is removed the next sale commits and verify holds."""
    path = tiny_disk / "booth.sqlite"
    store = open_store(path)
    try:
        demo.load_stand(store, clock)
        days.open_day(store, clock, 0)
        filler = _fill(tiny_disk)
        refused = 0
        for _ in range(30):
            try:
                selling.complete(store, _cart(store, "ECO-01", "BKR-05", "BKR-01"),
                                 [Tender(Method.CASH)], clock)  # fmt: skip
            except StoreError as exc:
                refused += 1
                assert exc.code.startswith(("SQLITE_FULL", "SQLITE_IOERR")), exc.code
                assert "TIDAK tersimpan" in exc.text("id")
        assert refused > 0
        before = store.sales.count()
        filler.unlink()
        sale = selling.complete(store, _cart(store, "ECO-01"), [Tender(Method.CASH)], clock)
        assert store.sales.count() == before + 1 and store.sales.get(sale.id) is not None
        assert journal.verify(store).ok
    finally:
        store.close()


def test_a_read_only_disk_is_refused_in_words_and_changes_nothing(tiny_disk, clock):
    """The stick is write-protected after the file was made: opening to sell says so."""
    path = tiny_disk / "booth.sqlite"
    store = open_store(path)
    demo.load_stand(store, clock)
    store.checkpoint()
    store.close()
    size = path.stat().st_size
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    with pytest.raises(StoreError) as caught:
        ro = open_store(path)
        try:
            days.open_day(ro, clock, 0)
        finally:
            ro.close()
    assert caught.value.code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR"))
    assert path.stat().st_size == size


def test_an_immutable_file_is_refused_in_words(tmp_path, clock):
    """chattr +i (root ignores chmod): the write is refused as read-only, not a traceback."""
    path = tmp_path / "booth.sqlite"
    store = open_store(path)
    demo.load_stand(store, clock)
    store.checkpoint()
    store.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("chattr +i is not supported on this filesystem")
    try:
        with pytest.raises(StoreError) as caught:
            store = open_store(path)
            try:
                days.open_day(store, clock, 0)
            finally:
                store.close()
        assert caught.value.code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR"))
        assert caught.value.text("id") and caught.value.text("en") != caught.value.text("id")
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


@pytest.mark.parametrize("content", [b"hello, this is not a database" * 100, os.urandom(8192)])
def test_a_file_that_is_not_a_database_is_refused_in_words(tmp_path, content):
    """A photo or a text file given as the database: StoreError naming it, file unchanged."""
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        open_store(path)
    _both_languages(caught.value, "is not a Booth POS database", "bukan database Booth POS")
    assert path.read_bytes() == content


def test_a_programming_error_is_not_dressed_up_as_a_known_error(store):
    """A bug (bad SQL) stays a sqlite3 error with its traceback, never a polite message."""
    with pytest.raises(sqlite3.OperationalError) as caught:
        raw(store).execute("SELEKT 1")
    assert not isinstance(caught.value, KnownError)


def test_a_guard_trigger_still_refuses_an_edit_as_it_always_did(demo_store, clock):
    """Refusals by the schema itself are not disk conditions: the IntegrityError stays."""
    days.open_day(demo_store, clock, 0)
    sale = selling.complete(demo_store, _cart(demo_store, "ECO-01"), [Tender(Method.CASH)], clock)
    with pytest.raises(sqlite3.IntegrityError):
        raw(demo_store).execute("UPDATE sales SET total = 1 WHERE id = ?", (sale.id,))


# -- the command line ---------------------------------------------------------------------------


def _booth_pos(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOOTH_POS_")}
    env["BOOTH_POS_NOW"] = "2023-03-01T10:00:00+07:00"
    return subprocess.run(
        [sys.executable, "-m", "booth_pos", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


@pytest.mark.e2e
def test_sell_while_the_file_is_locked_exits_1_with_one_line(demo_store, clock):
    """`booth-pos sell` behind a writer that never lets go: one line on stderr, exit 1,
    no traceback, no sale (it waits the normal 10 s first)."""
    days.open_day(demo_store, clock, 0)
    demo_store.close()
    other = sqlite3.connect(demo_store.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        done = _booth_pos(demo_store.path, "sell", "ECO-01")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "locked by another program" in done.stderr
    assert _sales(demo_store.path) == 0


@pytest.mark.e2e
def test_sell_on_a_full_disk_exits_1_with_one_line(tiny_disk, clock):
    """A full stick: one line naming the disk, exit 1, no traceback; the stand's sales so far
    are all still there."""
    path = tiny_disk / "booth.sqlite"
    store = open_store(path)
    demo.load_stand(store, clock)
    days.open_day(store, clock, 0)
    selling.complete(store, _cart(store, "ECO-01"), [Tender(Method.CASH)], clock)
    store.close()
    filler = _fill(tiny_disk)
    outcomes = [_booth_pos(path, "--lang", "id", "sell", f"{n}*ECO-02") for n in (1, 2, 3)]
    refused = [d for d in outcomes if d.returncode != 0]
    assert refused, [d.stdout for d in outcomes]
    for done in refused:
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1, done.stderr
    filler.unlink()
    assert _sales(path) == 1 + len(outcomes) - len(refused)


@pytest.mark.e2e
@pytest.mark.parametrize("command", [["products"], ["sell", "ECO-01"], ["verify"]])
def test_a_foreign_file_as_db_exits_1_with_one_line(tmp_path, command):
    """`--db` pointing at a photo: one line, exit 1, the file untouched."""
    path = tmp_path / f"{uuid.uuid4().hex}.sqlite"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    before = path.read_bytes()
    done = _booth_pos(path, *command)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and "not a Booth POS database" in done.stderr
    assert path.read_bytes() == before


@pytest.mark.e2e
@pytest.mark.parametrize(
    "command", [["products"], ["report", "--json"], ["verify"], ["staff", "list"]]
)
def test_a_typo_in_db_creates_no_empty_stand(tmp_path, command):
    """`--db` naming a file that is not there: refused in one line, no folder, no file."""
    path = tmp_path / "no-such-folder" / "booth.sqlite"
    done = _booth_pos(path, *command)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and "No database at" in done.stderr
    assert not path.parent.exists()


@pytest.mark.e2e
@pytest.mark.parametrize("content", [b"", "sqlite"])
def test_an_empty_or_foreign_sqlite_file_is_not_turned_into_a_stand(tmp_path, content):
    """A 0-byte file or another program's SQLite database given to a reading command is
    refused and left exactly as it was (before: migrated into an empty stand, '[]')."""
    path = tmp_path / "other.sqlite"
    if content == "sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes(x)")
        conn.commit()
        conn.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    done = _booth_pos(path, "products", "--json")
    assert done.returncode == 1 and "not a Booth POS database" in done.stderr, done.stderr
    assert done.stdout == "" and path.read_bytes() == before
