"""The receipt's words in Indonesian, English, Korean and French: all there, short enough."""

from __future__ import annotations

import string

import pytest
from reportlab.lib.units import mm

from booth_pos.documents import fonts
from booth_pos.documents.receipt import PRINTABLE_MM, _style
from booth_pos.documents.strings import RECEIPT_LANGS, TABLES, t
from booth_pos.money import format_rupiah

#: Words printed on the left of a line with an amount on its right (sale and refund).
LABELS = (
    "receipt_no", "date", "cashier", "discount", "subtotal", "sale_discount", "change", "paid",
    "method_cash", "method_qris", "method_card", "method_transfer", "refund_no", "original",
    "supervisor",
)  # fmt: skip
#: Headings printed alone on a line in the title style.
TITLES = ("refund_title", "void_title", "test_print")
WIDTH = PRINTABLE_MM[58] * mm  # the narrow roll: 48 mm of print


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_word_exists_in_every_language_with_the_same_blanks():
    """A key missing in Korean would crash a Korean receipt; a lost {code} would print
    a rate without its currency."""
    keys = set(TABLES["en"])
    for lang in RECEIPT_LANGS:
        assert set(TABLES[lang]) == keys, lang
        for key in keys:
            assert fields(TABLES[lang][key]) == fields(TABLES["en"][key]), (lang, key)
            assert TABLES[lang][key].strip(), (lang, key)


@pytest.mark.parametrize("lang", ["ko", "fr"])
def test_the_tourists_languages_are_translated_not_copied(lang):
    """Korean and French receipts read in their language (a few words are the same in
    every language: TOTAL, QRIS, Date, Code)."""
    same = {k for k in TABLES["en"] if TABLES[lang][k] == TABLES["en"][k]}
    assert same <= {"total", "method_qris", "date", "sku", "page", "artisans", "artisan",
                    "sign_artisan"}, same  # fmt: skip
    assert "참고용" in TABLES["ko"]["reference_note"] and "청구" in TABLES["ko"]["reference_note"]
    assert "pas un montant dû" in TABLES["fr"]["reference_note"]


@pytest.mark.parametrize("lang", RECEIPT_LANGS)
def test_each_label_leaves_room_for_an_amount_on_58_mm_paper(lang):
    """Every left-hand label plus a gap and "IDR 10,000,000" fits one 48 mm line, so the
    amount never drops to a line of its own on the narrow roll."""
    fonts.register()
    font, size = _style("normal", 58)
    amount = fonts.width(format_rupiah(10_000_000, lang), fonts.BOLD, size)
    for key in LABELS:
        label = t(key, lang)
        assert fonts.width(label, font, size) + 2 * mm + amount <= WIDTH, (lang, key, label)
    # The sale's TOTAL in its large size (a refund's RETURNED line with an amount of a
    # million or more takes a line of its own on 58 mm, as the layout allows).
    total_font, total_size = _style("total", 58)
    label = t("total", lang)
    big = fonts.width(format_rupiah(10_000_000, lang), total_font, total_size)
    assert fonts.width(label, total_font, total_size) + 2 * mm + big <= WIDTH, lang
    reference = t("reference_label", lang, code="KRW")
    bold, bold_size = _style("bold", 58)
    assert fonts.width(reference, bold, bold_size) + 2 * mm + fonts.width(
        "≈ ₩1,234,567", bold, bold_size
    ) <= WIDTH, (lang, reference)


@pytest.mark.parametrize("lang", RECEIPT_LANGS)
def test_headings_fit_one_line_of_the_narrow_roll(lang):
    """REFUND RECEIPT, its Korean and French, in the title size, on one 48 mm line."""
    fonts.register()
    font, size = _style("title", 58)
    for key in TITLES:
        assert fonts.width(t(key, lang), font, size) <= WIDTH, (lang, key)


def test_every_korean_character_has_a_glyph_in_the_bundled_font():
    """Nanum Gothic ships with the program: no Korean word prints as '?' or a box."""
    fonts.register()
    assert fonts.CJK in fonts.register().fallbacks
    assert fonts.register().file(fonts.CJK).parent.name == "fonts"  # the package's own
    for text in TABLES["ko"].values():
        assert not fonts.missing_chars(text), text
