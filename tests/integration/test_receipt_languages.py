"""Receipts in the customer's language: header and footer per language, counts that read
right, and refund and void receipts as checkable as a sale's."""

from __future__ import annotations

import dataclasses

import pytest
from helpers.documents import ring_up

from booth_pos.documents.receipt import Text, receipt_blocks
from booth_pos.documents.refund_receipt import refund_blocks
from booth_pos.documents.strings import count
from booth_pos.model import Method, Settings, Tender
from booth_pos.services import corrections, staff

CHEAP = staff.PinCost(n=16, r=1, p=1)


def texts(blocks) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Text)]


def test_english_receipt_footer_is_in_english(demo_store, clock):
    """A tourist's English receipt ends with the English footer, never 'Terima kasih! ...'."""
    sale = ring_up(demo_store, clock, ["ECO-04"], [Tender(Method.CASH)], lang="en")
    settings = demo_store.settings()
    english = texts(receipt_blocks(sale, settings, lang="en"))
    indonesian = texts(receipt_blocks(sale, settings, lang="id"))
    assert "Thank you! Bulk orders: 0812-1000-2023" in english
    assert not any("Terima kasih" in t for t in english)
    assert "Terima kasih! Pesanan grosir: 0812-1000-2023" in indonesian
    assert not any("Thank you" in t for t in indonesian)


def test_a_stand_saved_before_english_footers_keeps_its_lines_as_the_indonesian_ones():
    """Old settings (only receipt_header/receipt_footer stored) load with their lines as the
    Indonesian ones and a plain English footer; the English header falls back to theirs."""
    old = Settings(receipt_header="Kerajinan IKM", receipt_footer="Terima kasih!")
    assert old.receipt_footer_for("id") == "Terima kasih!"
    assert old.receipt_footer_for("en") == "Thank you"
    assert old.receipt_header_for("en") == "Kerajinan IKM"
    own = dataclasses.replace(old, receipt_header_en="Crafts of Cilegon")
    assert own.receipt_header_for("en") == "Crafts of Cilegon"
    assert own.receipt_header_for("id") == "Kerajinan IKM"


@pytest.fixture
def refunded(demo_store, clock):
    """Rina sold two scarves; Dewi approved a refund of one."""
    staff.add_staff(demo_store, "Dewi", "supervisor", "2468", clock, cost=CHEAP)
    staff.add_staff(
        demo_store, "Rina", "cashier", "1111", clock, supervisor="Dewi", supervisor_pin="2468",
        cost=CHEAP,
    )  # fmt: skip
    sale = ring_up(demo_store, clock, ["2*ECO-04"], [Tender(Method.CASH)])
    done = corrections.refund(
        demo_store, sale.receipt_no, items=["ECO-04"], reason="jahitan lepas",
        supervisor="Dewi", pin="2468", clock=clock,
    )  # fmt: skip
    return done


def test_refund_receipt_carries_its_verification_code(demo_store, refunded):
    """The refund receipt prints its journal entry's code, as a sale receipt does, also when
    reprinted later; `verify` can tell it from a made-up one."""
    entry = demo_store.journal.latest_of(["refund"])
    expected = f"{entry.hash[:4]}-{entry.hash[4:8]}".upper()
    assert refunded.verification == expected
    for correction in (refunded, corrections.find_correction(demo_store, refunded.number)):
        lines = texts(refund_blocks(correction, demo_store.settings(), lang="en"))
        assert f"Verification code {expected}" in lines
        lines = texts(refund_blocks(correction, demo_store.settings(), lang="id"))
        assert f"Kode verifikasi {expected}" in lines


def test_refund_receipt_has_the_stands_header_like_a_sale_receipt(demo_store, refunded):
    """The stand's header lines stand under its name on a refund receipt too."""
    lines = texts(refund_blocks(refunded, demo_store.settings(), lang="id"))
    assert lines[:2] == ["Dekranasda Kota Cilegon", "Kerajinan IKM Kota Cilegon"]


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [(1, "en", "1 item"), (2, "en", "2 items"), (1, "id", "1 barang"), (2, "id", "2 barang")],
)
def test_counts_on_documents_read_right(n, lang, expected):
    """'1 item', '2 items' in English; Indonesian has no plural."""
    assert count(n, "items", lang) == expected
