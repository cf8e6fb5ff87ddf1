"""Encrypted backups (``backup --encrypt``): what a lost USB stick would cost the stand.

A backup holds every sale and every PIN hash. Encrypted, a stick found in the car park gives
nothing away; a wrong passphrase, or a file cut short or edited, restores nothing.
"""

from __future__ import annotations

import os
import shutil

import pytest
from helpers import raw

from booth_pos.clock import Clock, parse_instant
from booth_pos.services import backup, demo, encryption, journal
from booth_pos.store import open_store

PASS = "kopi susu gula aren"
LATE = Clock(parse_instant("2023-03-02T21:00:00+07:00"))


@pytest.fixture(scope="module")
def event_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("enc") / "event.sqlite"
    store = open_store(path)
    demo.load_stand(store, Clock(parse_instant("2023-03-01T21:00:00+07:00")))
    demo.simulate(store, 1, 20, seed=3)
    store.close()
    return path


@pytest.fixture
def event(event_template, tmp_path):
    path = tmp_path / "booth.sqlite"
    shutil.copy(event_template, path)
    store = open_store(path)
    yield store
    store.close()


def dump(store) -> list[str]:
    return list(raw(store).conn.iterdump())


def test_an_encrypted_backup_round_trips_and_shows_nothing_on_the_stick(event, tmp_path):
    """The stick holds one ``.sqlite.enc`` (no plain copy, no sale text, no PIN hash); it
    restores with its passphrase to the same sales."""
    stick = tmp_path / "usb"
    written = backup.backup(event, stick, clock=LATE, passphrase=PASS)
    assert written.name.endswith("-manual.sqlite.enc")
    assert [p.name for p in stick.iterdir()] == [written.name]
    data = written.read_bytes()
    assert data.startswith(encryption.MAGIC) and encryption.is_encrypted(written)
    assert b"SQLite format 3" not in data and b"T1-000001" not in data
    assert not list(event.path.parent.glob("booth-encrypt-*"))  # the plain copy is gone
    check = backup.inspect_backup(event, written, passphrase=PASS)
    assert check.encrypted and check.extends and check.sales == 20 and check.verified
    backup.restore(event, written, passphrase=PASS, clock=LATE)
    assert event.sales.count() == 20 and journal.verify(event).ok
    restored = [e for e in event.audit.entries() if e.kind == "restore"][-1]
    assert '"encrypted":true' in restored.payload


def test_a_wrong_passphrase_restores_nothing(event, tmp_path):
    """One clear error naming the file; the database as it was, no plain copy left behind."""
    written = backup.backup(event, tmp_path / "b.sqlite", clock=LATE, passphrase=PASS)
    assert written.name == "b.sqlite.enc"
    before = dump(event)
    with pytest.raises(encryption.WrongPassphrase, match="Wrong passphrase for"):
        backup.restore(event, written, passphrase="kopi susu gula pasir", clock=LATE, force=True)
    assert dump(event) == before
    assert not list(event.path.parent.glob("booth-restore-*"))


def test_an_encrypted_backup_asks_for_its_passphrase(event, tmp_path):
    """Without a passphrase the restore says the file is encrypted (the caller then asks)."""
    written = backup.backup(event, tmp_path / "b.sqlite.enc", clock=LATE, passphrase=PASS)
    with pytest.raises(encryption.PassphraseNeeded, match="encrypted"):
        backup.restore(event, written, clock=LATE)


@pytest.mark.parametrize("passphrase", ["", "1234", "seven77"])
def test_a_short_passphrase_is_refused_before_anything_is_written(event, tmp_path, passphrase):
    """Fewer than 8 characters: refused, and no file or folder appears."""
    with pytest.raises(encryption.EncryptionError, match="at least 8 characters"):
        backup.backup(event, tmp_path / "usb", clock=LATE, passphrase=passphrase)
    assert not (tmp_path / "usb").exists()


def _big_plain(tmp_path, size: int):
    plain = tmp_path / "plain.bin"
    plain.write_bytes(os.urandom(size))
    return plain


@pytest.mark.parametrize(
    "size", [0, 1, encryption.CHUNK - 1, encryption.CHUNK, 2 * encryption.CHUNK + 5]
)
def test_files_of_any_size_round_trip_chunk_by_chunk(tmp_path, size):
    """Empty, tiny, one chunk exactly, several chunks: decrypted byte for byte."""
    plain = _big_plain(tmp_path, size)
    sealed, back = tmp_path / "x.enc", tmp_path / "back.bin"
    encryption.encrypt_file(plain, sealed, PASS, n=2**10)
    encryption.decrypt_file(sealed, back, PASS)
    assert back.read_bytes() == plain.read_bytes()


def _sealed_two_chunks(tmp_path):
    plain = _big_plain(tmp_path, encryption.CHUNK + 1000)
    sealed = tmp_path / "x.enc"
    encryption.encrypt_file(plain, sealed, PASS, n=2**10)
    data = sealed.read_bytes()
    header = data.index(b"\n", len(encryption.MAGIC)) + 1
    return sealed, data, header


def _refused(sealed, tmp_path, match):
    back = tmp_path / "back.bin"
    with pytest.raises(encryption.EncryptionError, match=match):
        encryption.decrypt_file(sealed, back, PASS)
    assert not back.exists()  # nothing unauthenticated is left to open


def test_an_edited_encrypted_backup_is_refused(tmp_path):
    """One byte flipped in the second chunk: refused, naming the part."""
    sealed, data, header = _sealed_two_chunks(tmp_path)
    at = header + encryption.CHUNK + 16 + 100
    sealed.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :])
    _refused(sealed, tmp_path, "part 2 does not authenticate")


def test_an_encrypted_backup_cut_short_is_refused(tmp_path):
    """Cut inside a chunk, or exactly at a chunk's end (the last part is marked)."""
    sealed, data, header = _sealed_two_chunks(tmp_path)
    sealed.write_bytes(data[:-10])
    _refused(sealed, tmp_path, "does not authenticate")
    sealed.write_bytes(data[: header + encryption.CHUNK + 16])
    _refused(sealed, tmp_path, "part 1 does not authenticate")
    sealed.write_bytes(data[:header])
    _refused(sealed, tmp_path, "cut short")


def test_chunks_swapped_or_a_header_changed_are_refused(tmp_path):
    """A chunk moved is refused; a changed header (its cost, its salt) opens nothing."""
    plain = _big_plain(tmp_path, 2 * encryption.CHUNK + 10)
    sealed = tmp_path / "three.enc"
    encryption.encrypt_file(plain, sealed, PASS, n=2**10)
    data = sealed.read_bytes()
    header = data.index(b"\n", len(encryption.MAGIC)) + 1
    part = encryption.CHUNK + 16
    first, second = data[header : header + part], data[header + part : header + 2 * part]
    sealed.write_bytes(data[:header] + second + first + data[header + 2 * part :])
    _refused(sealed, tmp_path, "part 1 does not authenticate")

    sealed, data, header = _sealed_two_chunks(tmp_path)
    line = data[len(encryption.MAGIC) : header]
    sealed.write_bytes(
        data[: len(encryption.MAGIC)] + line.replace(b'"r":8', b'"r":9') + data[header:]
    )
    with pytest.raises(encryption.WrongPassphrase):
        encryption.decrypt_file(sealed, tmp_path / "back.bin", PASS)
    sealed.write_bytes(data[: len(encryption.MAGIC)] + b'{"n": "lots"}\n' + data[header:])
    _refused(sealed, tmp_path, "header is unreadable")


def test_an_encrypted_backup_is_rotated_like_a_plain_one(event, tmp_path):
    """``--keep`` counts encrypted backups of the same kind as well."""
    folder = tmp_path / "usb"
    for minute in range(3):
        clock = Clock(parse_instant(f"2023-03-02T21:0{minute}:00+07:00"))
        backup.backup(event, folder, clock=clock, passphrase=PASS, keep=2)
    assert sorted(p.name for p in folder.iterdir()) == [
        "booth-20230302-210100-manual.sqlite.enc",
        "booth-20230302-210200-manual.sqlite.enc",
    ]


@pytest.mark.parametrize(
    "cost", [b'"n":1048576', b'"r":32', b'"p":16', b'"n":131072,"p":4,"r":16'], ids=str
)
def test_a_header_asking_scrypt_for_gigabytes_is_refused_at_once(tmp_path, cost):
    """A crafted header (scrypt n=2**20, r=32, p=16) made a restore grow to 4.2 GB and run
    for minutes, or end in a MemoryError traceback on a small laptop: refused unread."""
    import json

    sealed, data, header = _sealed_two_chunks(tmp_path)
    params = json.loads(data[len(encryption.MAGIC) : header])
    params.update(json.loads(b"{" + cost + b"}"))
    line = json.dumps(params, separators=(",", ":")).encode() + b"\n"
    sealed.write_bytes(data[: len(encryption.MAGIC)] + line + data[header:])
    _refused(sealed, tmp_path, "header is unreadable")  # before any key is derived
