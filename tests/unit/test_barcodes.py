"""Barcodes on the goods: scanned codes are checked, labels for unlabelled goods are made here."""

from __future__ import annotations

import barcode
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booth_pos.barcodes import (
    BarcodeError,
    bar_runs,
    check_digit,
    in_store_ean13,
    is_valid_gtin,
    modules,
    next_in_store_ean13,
    validate_gtin,
)

FAST = settings(max_examples=200, deadline=None)

# Published example codes (Wikipedia / GS1): EAN-13, EAN-8 and UPC-A.
REAL_CODES = [
    "4006381333931",
    "5901234123457",
    "9780306406157",
    "96385074",
    "73513537",
    "036000291452",
    "012345678905",
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_printed_barcodes_are_accepted(code):
    """Codes printed on real packaging pass the check-digit test."""
    assert is_valid_gtin(code)
    assert validate_gtin(code) == code
    assert check_digit(code[:-1]) == code[-1]


@pytest.mark.parametrize("code", REAL_CODES)
def test_a_misread_check_digit_is_refused(code):
    """A code with any other last digit is a misread or a typo in the sheet, and is refused."""
    for digit in "0123456789":
        if digit == code[-1]:
            continue
        wrong = code[:-1] + digit
        assert not is_valid_gtin(wrong)
        with pytest.raises(BarcodeError, match=f"expected {code[-1]}"):
            validate_gtin(wrong)


# 4006381333931 in Arabic-Indic digits: str.isdigit() says yes, a scanner never sends it.
ARABIC_INDIC_CODE = "4006381333931".translate({ord(d): 0x0660 + int(d) for d in "0123456789"})


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("40063813339", "8, 12 or 13 digits"),
        ("40063813339311", "8, 12 or 13 digits"),
        ("", "digits only"),
        ("ECO-01", "digits only"),
        ("400638133393A", "digits only"),
        (" 4006381333931", "digits only"),
        (ARABIC_INDIC_CODE, "digits only"),
    ],
)
def test_codes_of_the_wrong_shape_are_refused(code, reason):
    """Letters, spaces, foreign digits or a wrong length are never taken as a barcode."""
    assert not is_valid_gtin(code)
    with pytest.raises(BarcodeError, match=reason):
        validate_gtin(code)


@FAST
@given(st.sampled_from([7, 11, 12]).flatmap(lambda n: st.from_regex(rf"\A[0-9]{{{n}}}\Z")))
def test_check_digit_agrees_with_python_barcode(payload):
    """Our check digit is the one python-barcode prints for EAN-8, UPC-A and EAN-13."""
    kind = {7: "ean8", 11: "upca", 12: "ean13"}[len(payload)]
    full = payload + check_digit(payload)
    assert barcode.get(kind, payload).get_fullcode() == full
    assert is_valid_gtin(full)


def test_in_store_codes_start_with_2_and_are_valid():
    """Goods without a label get an EAN-13 in the in-store range that any scanner accepts."""
    code = in_store_ean13(1)
    assert code == "2000000000015"
    assert len(code) == 13 and code.startswith("2")
    assert is_valid_gtin(code)


def test_next_in_store_code_follows_the_highest_taken():
    """The next label number follows the highest in-store code; other codes are ignored."""
    taken = ["2000000000015", "2000000000992", "4006381333931", "", "2999", "9780306406157"]
    code = next_in_store_ean13(taken)
    assert code == in_store_ean13(100)
    assert next_in_store_ean13([]) == in_store_ean13(1)


def test_generated_codes_are_unique_and_valid():
    """Labelling fifty unlabelled products gives fifty different, valid in-store codes."""
    taken: set[str] = {"5901234123457"}
    made = []
    for _ in range(50):
        code = next_in_store_ean13(taken)
        assert code not in taken
        taken.add(code)
        made.append(code)
    assert len(set(made)) == 50
    assert all(c.startswith("2") and is_valid_gtin(c) for c in made)


def test_in_store_numbers_out_of_range_are_refused():
    """There is no 12-digit-overflow label: the range ends loudly."""
    with pytest.raises(BarcodeError):
        in_store_ean13(10**11)
    with pytest.raises(BarcodeError):
        in_store_ean13(-1)
    with pytest.raises(BarcodeError):
        next_in_store_ean13(["2999999999993"])


@pytest.mark.parametrize("code", ["4006381333931", "5901234123457", "2000000000015"])
def test_ean13_bars_match_python_barcode(code):
    """The bars we draw on a label are exactly the ones python-barcode encodes."""
    bars = modules("ean13", code)
    assert bars == barcode.get("ean13", code[:12]).build()[0]
    assert len(bars) == 95
    assert bars.startswith("101") and bars.endswith("101")


def test_ean13_bars_refuse_a_wrong_check_digit_that_python_barcode_would_fix():
    """A wrong 13th digit is refused, where python-barcode would silently print another code."""
    wrong = "4006381333932"
    assert barcode.get("ean13", wrong).get_fullcode() == "4006381333931"  # the pitfall
    with pytest.raises(BarcodeError):
        modules("ean13", wrong)


def test_ean13_bars_refuse_an_ean8():
    """An EAN-8 is valid but cannot be drawn as an EAN-13."""
    with pytest.raises(BarcodeError, match="13 digits"):
        modules("ean13", "96385074")


def test_receipt_number_bars_match_python_barcode_and_refuse_non_ascii():
    """A receipt number becomes Code128 bars; non-ASCII text is refused up front."""
    assert modules("code128", "T1-000042") == barcode.get("code128", "T1-000042").build()[0]
    with pytest.raises(BarcodeError):
        modules("code128", "Struk-Ö")
    with pytest.raises(BarcodeError):
        modules("qr", "T1-000042")


def test_bar_runs_cover_every_bar_module():
    """Run-length bars start where the bars are and cover every dark module once."""
    assert bar_runs("1101") == [(0, 2), (3, 1)]
    assert bar_runs("0000") == []
    bars = modules("ean13", "4006381333931")
    runs = bar_runs(bars)
    assert sum(width for _, width in runs) == bars.count("1")
    for start, width in runs:
        assert bars[start : start + width] == "1" * width
