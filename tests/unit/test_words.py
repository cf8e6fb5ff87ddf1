"""Amounts in words beside the digits, for the customer checking a QRIS amount."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booth_pos.model.words import english, indonesian, rupiah_in_words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (115, "seratus lima belas"),
        (250, "dua ratus lima puluh"),
        (1000, "seribu"),
        (1500, "seribu lima ratus"),
        (11000, "sebelas ribu"),
        (100000, "seratus ribu"),
        (150000, "seratus lima puluh ribu"),
        (1001000, "satu juta seribu"),
        (10000000, "sepuluh juta"),
        (2_500_000_000, "dua miliar lima ratus juta"),
        (1_000_000_000_000, "satu triliun"),
    ],
)
def test_indonesian_words(n, words):
    """Indonesian as a cashier says it: seribu, seratus, sebelas, dua belas."""
    assert indonesian(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (1, "one"),
        (13, "thirteen"),
        (21, "twenty-one"),
        (150000, "one hundred fifty thousand"),
        (10000000, "ten million"),
        (1_234_567, "one million two hundred thirty-four thousand five hundred sixty-seven"),
    ],
)
def test_english_words(n, words):
    """English for the tourists."""
    assert english(n) == words


def test_rupiah_in_words_names_the_currency():
    """The display's line under the digits."""
    assert rupiah_in_words(150000, "id") == "seratus lima puluh ribu rupiah"
    assert rupiah_in_words(150000, "en") == "one hundred fifty thousand rupiah"


def _parse_id(text: str) -> int:
    """An independent reading of the Indonesian words back to a number."""
    units = {
        w: i
        for i, w in enumerate("nol satu dua tiga empat lima enam tujuh delapan sembilan".split())
    }
    scales = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}
    total = group = current = 0
    for w in (
        text.replace("seribu", "satu ribu")
        .replace("seratus", "satu ratus")
        .replace("sepuluh", "satu puluh")
        .replace("sebelas", "satu belas")
        .split()
    ):
        if w in units:
            current = units[w]
        elif w == "belas":
            group += 10 + current
            current = 0
        elif w == "puluh":
            group += current * 10
            current = 0
        elif w == "ratus":
            group += current * 100
            current = 0
        else:
            total += (group + current) * scales[w]
            group = current = 0
    return total + group + current


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_indonesian_words_read_back_to_the_number(n):
    """Every amount's words read back to the same amount."""
    assert _parse_id(indonesian(n)) == n


@pytest.mark.parametrize("bad", [-1, 10**15, 1.5, True])
def test_not_an_amount_is_refused(bad):
    """A float, a bool or out of range is a bug, not words."""
    with pytest.raises(ValueError):
        indonesian(bad)
