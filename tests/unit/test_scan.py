"""The scan field's grammar (``CODE``, ``QTY*CODE``, ``*N``), parsed in one place for the
sell screen, ``selling.add`` and refunds: pure, no database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booth_pos.model import MAX_QTY, CartError
from booth_pos.services.selling import AddItem, SetQuantity, parse_scan

#: Codes as labels carry them: a letter first, then letters, digits and dashes.
codes = st.from_regex(r"[A-Z][A-Z0-9-]{0,15}", fullmatch=True)
#: What a scanner or a hurried hand puts around the text.
blanks = st.sampled_from(["", " ", "  ", "\t"])


@given(code=codes, before=blanks, after=blanks)
def test_a_bare_code_adds_one(code, before, after):
    """A scanned label adds one of its product, whatever blanks surround it."""
    assert parse_scan(before + code + after) == AddItem(1, code, code)


@given(
    qty=st.integers(1, MAX_QTY),
    code=codes,
    sep=st.sampled_from(["*", "x", "X", " * ", " x "]),
    before=blanks,
)
def test_quantity_star_code_adds_that_many(qty, code, sep, before):
    """3*CODE (or 3xCODE, 3 * CODE) asks for three of CODE."""
    scan = parse_scan(f"{before}{qty}{sep}{code}")
    assert isinstance(scan, AddItem)
    assert (scan.qty, scan.code) == (qty, code)


@given(qty=st.integers(0, MAX_QTY), zeros=st.integers(0, 3), after=blanks)
def test_star_n_sets_the_quantity(qty, zeros, after):
    """*5 asks for the line in hand to become five (leading zeros do not matter)."""
    assert parse_scan("*" + "0" * zeros + str(qty) + after) == SetQuantity(qty)


@pytest.mark.parametrize("text", ["*" + "9" * 5000, "*10000", "10000*ECO-01", "9" * 5000 + "*A"])
def test_a_stuck_nine_key_comes_back_above_the_limit(text):
    """More digits than any quantity: above MAX_QTY so the cart refuses it, never int()'s crash."""
    assert parse_scan(text).qty == MAX_QTY + 1


def test_the_whole_text_is_kept_for_a_sku_that_looks_like_a_quantity():
    """40X40-SLM parses as 40 of 40-SLM but keeps the whole text, so a SKU of that name wins."""
    assert parse_scan(" 40X40-SLM ") == AddItem(40, "40-SLM", "40X40-SLM")


@pytest.mark.parametrize("text", ["", "   ", "* 5", "ECO 01", "3* ECO 01"])
def test_what_is_not_a_code_is_refused_in_both_languages(text):
    """Empty text, a bare quantity or a space inside a code: a CartError a person can read."""
    with pytest.raises(CartError) as info:
        parse_scan(text)
    assert info.value.en.startswith("Not a code") and info.value.id.startswith("Bukan kode")


@pytest.mark.parametrize("text", ["*²", "*٣x", "*", "**5", "2*"])
def test_a_star_without_plain_digits_is_a_code_not_a_quantity(text):
    """*² (a digit int() refuses) or a bare 2* is looked up as a code (unknown), no crash."""
    assert parse_scan(text) == AddItem(1, text, text)


@given(text=st.text(max_size=40))
def test_every_text_is_one_of_the_two_asks_or_refused(text):
    """Any text: AddItem with a code, SetQuantity, or CartError; never another exception."""
    try:
        scan = parse_scan(text)
    except CartError:
        return
    assert isinstance(scan, AddItem | SetQuantity)
    assert 0 <= scan.qty <= MAX_QTY + 1
    if isinstance(scan, AddItem):
        assert scan.code and not any(c.isspace() for c in scan.code)
        assert scan.text == text.strip()


@pytest.mark.parametrize("text", ["٣*ECO-01", "３*ECO-01", "٣ x ECO-01", "*٣", "*３"])
def test_a_quantity_in_other_digits_never_multiplies(text):
    """٣*ECO-01 (an Arabic-Indic three) is not three units: quantities are ASCII 0-9, so it
    is looked up as a code, which no product has."""
    scan = parse_scan(text) if " " not in text else None
    if scan is None:
        with pytest.raises(CartError):
            parse_scan(text)
        return
    assert scan == AddItem(1, text, text)
