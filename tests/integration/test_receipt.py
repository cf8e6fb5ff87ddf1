"""The customer's receipt: what it says, that it fits the roll, and that its barcode scans."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from helpers.documents import decode, rasterise, read_pdf, ring_up, squash

from booth_pos.documents import fonts
from booth_pos.documents.receipt import PRINTABLE_MM, render_receipt
from booth_pos.model import Discount, Method, Tender
from booth_pos.money import format_rupiah


@pytest.fixture
def busy_sale(demo_store, clock):
    """Three lines, a line discount by amount and one by percent, a 10 % sale discount,
    paid half by QRIS (with a reference) and the rest in cash with change."""
    sale = ring_up(
        demo_store,
        clock,
        ["BKR-01", "2*ECO-04", "3*MNK-01"],
        [Tender(Method.QRIS, 500_000, "QR-77881"), Tender(Method.CASH, 1_000_000)],
        line_discounts={0: Discount("amount", 50_000), 1: Discount("percent", 1000)},
        discount=Discount("percent", 1000),
    )
    assert sale.discount and sale.change and any(ln.line_discount for ln in sale.lines)
    return sale


@pytest.mark.parametrize("width", [80, 58])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_receipt_fits_the_roll_and_shows_the_sale(demo_store, busy_sale, width, lang):
    """One page as wide as the roll; every amount the customer checks is printed."""
    settings = demo_store.settings()
    pdf = render_receipt(busy_sale, settings, width_mm=width, lang=lang)
    (page,) = read_pdf(pdf)
    assert page.width_mm == pytest.approx(width, abs=0.1)
    text = squash(page.text)
    money = lambda amount: squash(format_rupiah(amount, lang))  # noqa: E731
    assert f"TOTAL {money(busy_sale.total)}" in text
    assert money(busy_sale.subtotal) in text
    assert money(-busy_sale.discount) in text
    for line in busy_sale.lines:
        assert line.name in text
        assert money(line.gross) in text
        if line.line_discount:
            assert money(-line.line_discount) in text
    assert money(busy_sale.change) in text
    assert "QR-77881" in text
    assert busy_sale.receipt_no in text
    assert "Rina" in text
    assert settings.stand_name in text and settings.event_name in text
    assert "1 Mar 2023 10:00 WIB" in text
    words = {
        "id": ("Kembalian", "Tunai", "Diskon transaksi", "6 barang"),
        "en": ("Change", "Cash", "Sale discount", "6 items"),
    }[lang]
    for word in words:
        assert word in text


@pytest.mark.parametrize("width", [80, 58])
def test_receipt_barcode_scans_at_thermal_resolution(demo_store, busy_sale, width):
    """Rasterised at 203 dpi, the only barcode is Code128 of exactly the receipt number."""
    pdf = render_receipt(busy_sale, demo_store.settings(), width_mm=width)
    for renderer, image in rasterise(pdf).items():
        assert decode(image) == [("Code128", busy_sale.receipt_no)], renderer


def test_long_names_wrap_inside_the_printable_width(demo_store, busy_sale):
    """A long product name wraps; no character leaves the print head's width."""
    long_name = "Tas Anyaman Pandan Laut Motif Gelombang Selat Sunda Ukuran Besar dengan Tali Kulit"
    lines = (dataclasses.replace(busy_sale.lines[0], name=long_name), *busy_sale.lines[1:])
    sale = dataclasses.replace(busy_sale, lines=lines)
    for width in (80, 58):
        (page,) = read_pdf(render_receipt(sale, demo_store.settings(), width_mm=width))
        margin = (width - PRINTABLE_MM[width]) / 2
        for ch, (left, bottom, right, top) in page.boxes:
            assert margin - 0.2 <= left and right <= width - margin + 0.2, (ch, left, right)
            assert 0 <= bottom and top <= page.height_mm
        assert long_name in squash(page.text)


def test_receipt_height_follows_its_content(demo_store, clock):
    """A sale of five lines prints on a longer strip than a sale of one."""
    short = ring_up(demo_store, clock, ["BKR-01"], [Tender(Method.CASH)])
    long = ring_up(
        demo_store, clock, ["BKR-01", "BKR-02", "ECO-01", "MNK-01", "TNB-01"], [Tender(Method.CASH)]
    )
    settings = demo_store.settings()
    (a,) = read_pdf(render_receipt(short, settings))
    (b,) = read_pdf(render_receipt(long, settings))
    assert 60 < a.height_mm < b.height_mm < 300
    # Nothing hangs off the bottom: the last text sits within a centimetre of the end.
    lowest = min(box[1] for _, box in b.boxes)
    assert 0 < lowest < 10


@pytest.mark.parametrize(
    ("lang", "expected", "note"),
    [("en", "≈ €20.87", "For reference only, not a charge"), ("id", "≈ €20,87", "bukan tagihan")],
)
def test_reference_total_in_a_foreign_currency(demo_store, clock, lang, expected, note):
    """Rp 360.000 at Rp 17.250 per euro is 20.869... so €20.87, marked as reference only
    (a sale with no origin recorded gets the stand's main rate, as before origins had one)."""
    settings = dataclasses.replace(demo_store.settings(), rates="EUR=17250")
    demo_store.save_settings(settings)
    sale = ring_up(demo_store, clock, ["MNK-01", "MNK-01", "MNK-01"], [Tender(Method.QRIS)])
    assert sale.total == 360_000
    text = squash(read_pdf(render_receipt(sale, settings, lang=lang))[0].text)
    assert expected in text and note in text
    assert f"TOTAL {squash(format_rupiah(360_000, lang))}" in text


def test_bad_rate_in_settings_still_prints_the_receipt(demo_store, busy_sale, caplog):
    """A typo in the reference rate leaves the reference off; the receipt itself prints
    (a sale from before sales kept their reference reads today's settings)."""
    settings = dataclasses.replace(demo_store.settings(), ref_currency="EUR", ref_rate="17.250")
    old_sale = dataclasses.replace(busy_sale, reference=None)
    with caplog.at_level(logging.WARNING):
        text = squash(read_pdf(render_receipt(old_sale, settings))[0].text)
    assert "€" not in text and format_rupiah(busy_sale.total) in text
    assert "Ambiguous rate" in caplog.text


def test_missing_glyph_prints_a_question_mark_and_says_so(
    demo_store, busy_sale, monkeypatch, caplog
):
    """Without a Korean font, Hangul prints as '?' with a warning, never as a black box."""
    fs = fonts.register()
    monkeypatch.setattr(fonts, "_fonts", dataclasses.replace(fs, fallbacks=(), bold_fallbacks=()))
    monkeypatch.setattr(fonts, "_warned", set())
    lines = (dataclasses.replace(busy_sale.lines[0], name="Kipas hanji 한지"), *busy_sale.lines[1:])
    sale = dataclasses.replace(busy_sale, lines=lines)
    with caplog.at_level(logging.WARNING, logger="booth_pos.documents.fonts"):
        text = squash(read_pdf(render_receipt(sale, demo_store.settings()))[0].text)
    assert "Kipas hanji ??" in text
    assert "U+D55C" in caplog.text  # 한


def test_korean_name_uses_the_korean_font_when_installed(demo_store, busy_sale):
    """With Nanum Gothic (or Malgun) on the machine, a Korean name prints as Korean."""
    if not fonts.register().fallbacks:
        pytest.skip("no Korean TrueType font on this machine")
    lines = (
        dataclasses.replace(busy_sale.lines[0], name="Kipas hanji 한지 부채"),
        *busy_sale.lines[1:],
    )
    sale = dataclasses.replace(busy_sale, lines=lines)
    pdf = render_receipt(sale, demo_store.settings())
    assert "Kipas hanji 한지 부채" in squash(read_pdf(pdf)[0].text)
    assert fonts.missing_chars("한지 부채") == set()


def test_reprint_is_marked_as_a_copy(demo_store, busy_sale):
    """A receipt printed again from the history says it is a copy, in the sale's language."""
    text = squash(read_pdf(render_receipt(busy_sale, demo_store.settings(), reprint=True))[0].text)
    assert "SALINAN STRUK" in text
    text = squash(
        read_pdf(render_receipt(busy_sale, demo_store.settings(), reprint=True, lang="en"))[0].text
    )
    assert "RECEIPT COPY" in text


def test_language_defaults_to_the_one_chosen_at_payment(demo_store, clock):
    """A tourist's sale rung up in English gets an English receipt without asking again."""
    sale = ring_up(demo_store, clock, ["BKR-01"], [Tender(Method.CARD)], lang="en")
    text = squash(read_pdf(render_receipt(sale, demo_store.settings()))[0].text)
    assert "Card (EDC)" in text and "IDR 850,000" in text


def test_artisans_are_named_when_given(demo_store, busy_sale):
    """Passing the artisans prints who made what, for the customer and for the settlement."""
    pdf = render_receipt(busy_sale, demo_store.settings(), artisans=demo_store.artisans.all())
    text = squash(read_pdf(pdf)[0].text)
    assert "BKR Batik Krakatau" in text and "ECO Sekar Ecoprint" in text
