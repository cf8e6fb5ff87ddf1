"""``booth-pos qris``: the stand's QRIS with an amount, from a terminal (and its slip)."""

from __future__ import annotations

import pytest
from helpers.cli import booth_pos
from helpers.qris_sample import STATIC, split_tlv

from booth_pos.store import open_store

pytestmark = pytest.mark.e2e


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "booth.sqlite"
    open_store(path).close()
    return path


def test_no_qris_set_is_one_line_and_exit_1(db):
    """Before the stand's QRIS is pasted in, the command says what to do."""
    done = booth_pos(db, "qris", "--amount", "150000")
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "qris_payload" in done.stderr


def test_settings_refuse_a_broken_payload_and_keep_the_old_one(db):
    """A typo in the pasted payload is refused naming the CRC; nothing is saved."""
    broken = STATIC.replace("SEMARANG", "SEMARANX")
    done = booth_pos(db, "settings", "set", f"qris_payload={broken}")
    assert done.returncode == 1
    assert "CRC" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    shown = booth_pos(db, "settings", "show").stdout
    assert "qris_payload=\n" in shown


@pytest.mark.parametrize(
    ("typed", "amount"), [("1", 1), ("150.000", 150000), ("Rp 10.000.000", 10000000)]
)
def test_amount_is_filled_in(db, typed, amount):
    """With the static QRIS saved, `qris --amount` prints it with tag 54 and tag 01 = 12."""
    assert booth_pos(db, "settings", "set", f"qris_payload={STATIC}").returncode == 0
    done = booth_pos(db, "qris", "--amount", typed)
    assert done.returncode == 0, done.stderr
    fields = dict(split_tlv(done.stdout.strip()))
    assert fields["54"] == str(amount) and fields["01"] == "12"


@pytest.mark.parametrize("typed", ["1,5", "0", "-5", "abc", "150.00.0", "10000000000000"])
def test_bad_amount_is_refused(db, typed):
    """The strict rupiah parser's refusals, one line each."""
    booth_pos(db, "settings", "set", f"qris_payload={STATIC}")
    done = booth_pos(db, "qris", "--amount", typed)
    assert done.returncode == 1
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1


def test_slip_goes_to_the_pdf_folder(db, tmp_path):
    """`--slip` prints the QR slip where receipts go (here the PDF folder)."""
    folder = tmp_path / "slips"
    booth_pos(db, "settings", "set", f"qris_payload={STATIC}", f"printer_target={folder}")
    done = booth_pos(db, "qris", "--amount", "150000", "--slip")
    assert done.returncode == 0, done.stderr
    assert (folder / "QRIS-150000.pdf").stat().st_size > 1000
