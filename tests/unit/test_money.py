"""Rupiah in and out: the door every amount on a price tag, a receipt or a payout goes through."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from booth_pos.money import (
    MoneyError,
    div_half_up,
    format_percent,
    format_rupiah,
    parse_percent,
    parse_rupiah,
    percent_of,
    percent_text,
    share_out,
)

FAST = settings(max_examples=200, deadline=None)

amounts = st.integers(min_value=1, max_value=10**12)


def _grouped(n: int, sep: str) -> str:
    """``1500000`` grouped by thousands with ``sep``: ``1.500.000``."""
    return f"{n:,}".replace(",", sep)


@st.composite
def written_rupiah(draw) -> tuple[int, str]:
    """An amount and one way a person or a spreadsheet on an Indonesian laptop writes it."""
    n = draw(amounts)
    style = draw(st.sampled_from(["plain", "dots", "commas"]))
    digits = {"plain": str(n), "dots": _grouped(n, "."), "commas": _grouped(n, ",")}[style]
    # A zero fraction uses the other mark than the grouping; ",-" is the Indonesian dash.
    suffixes = {
        "plain": ["", ",00", ".00", ",-", ",0"],
        "dots": ["", ",00", ",-", ",0"],
        "commas": ["", ".00", ",-"],
    }[style]
    suffix = draw(st.sampled_from(suffixes))
    prefix = draw(st.sampled_from(["", "Rp ", "Rp", "IDR ", "rp ", "RP", "Rp. ", "Rp\u00a0"]))
    pad_left = draw(st.sampled_from(["", " ", "  "]))
    pad_right = draw(st.sampled_from(["", " ", "\t"]))
    return n, f"{pad_left}{prefix}{digits}{suffix}{pad_right}"


@FAST
@given(written_rupiah())
@example((150_000, "150000"))
@example((150_000, "150.000"))
@example((150_000, "150,000"))
@example((150_000, "Rp 150.000"))
@example((150_000, "Rp150.000"))
@example((150_000, "IDR 150,000"))
@example((150_000, "Rp 150.000,-"))
@example((150_000, "150.000,00"))
@example((1_500_000, "Rp 1.500.000"))
def test_every_well_formed_rupiah_string_parses_to_its_amount(case):
    """However a price is written on the sheet, it becomes the same whole-rupiah int."""
    n, text = case
    value = parse_rupiah(text)
    assert value == n
    assert type(value) is int


@FAST
@given(amounts, st.sampled_from(["id", "en"]))
def test_a_formatted_amount_reads_back_as_the_same_amount(n, lang):
    """What we print on a receipt, typed back in by a cashier, is the same amount."""
    assert parse_rupiah(format_rupiah(n, lang)) == n


@pytest.mark.parametrize(
    "text",
    [
        "150.000,50",
        "150,000.50",
        "150.000,5",
        "1.5",
        "150,5",
        "Rp 99,99",
        "1.000.000,01",
    ],
)
def test_a_price_with_cents_is_refused(text):
    """Rupiah have no cents: a non-zero fraction is a typo, never rounded away silently."""
    with pytest.raises(MoneyError, match="no cents"):
        parse_rupiah(text)


@pytest.mark.parametrize(
    "text",
    [
        "1.50.000",
        "15.00.000",
        "15,0000",
        "1,000.000",
        "1.500,000",
        "1.000,000.00",
        "1,000,0000",
        "150.000.00",
    ],
)
def test_wrongly_grouped_digits_are_refused(text):
    """Grouping that no spreadsheet produces is a typo we cannot guess the meaning of."""
    with pytest.raises(MoneyError):
        parse_rupiah(text)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "Rp", "IDR", "Rp abc", "1e5", "0x10", ".5", "1.", "12a", "$150", "150 rb"],
)
def test_garbage_is_refused_with_a_message(text):
    """Text that is not an amount is refused with words a person can act on."""
    with pytest.raises(MoneyError) as info:
        parse_rupiah(text)
    assert str(info.value)


def test_zero_and_negative_are_refused_unless_allowed():
    """A price is never zero or negative; an opening float may be zero, a correction negative."""
    with pytest.raises(MoneyError, match="more than zero"):
        parse_rupiah("Rp 0")
    with pytest.raises(MoneyError, match="negative"):
        parse_rupiah("-5.000")
    assert parse_rupiah("0", allow_zero=True) == 0
    assert parse_rupiah("-Rp 5.000", allow_negative=True) == -5000


def test_non_text_is_refused():
    """A float or None from a badly typed cell never sneaks in as an amount."""
    for value in (150000.0, None, 150000):
        with pytest.raises(MoneyError):
            parse_rupiah(value)


@FAST
@given(st.text(max_size=20))
def test_any_text_either_parses_to_a_positive_int_or_is_refused(text):
    """Whatever a scanner or a person types, the parser never crashes and never returns junk."""
    try:
        value = parse_rupiah(text)
    except MoneyError:
        return
    assert type(value) is int and value > 0


@FAST
@given(st.text(alphabet="0123456789.,", min_size=1, max_size=12))
def test_only_thousands_grouping_or_a_zero_fraction_is_accepted(text):
    """Digits and marks parse only when the marks group thousands or end a zero fraction."""
    try:
        value = parse_rupiah(text)
    except MoneyError:
        return
    digits = text.replace(".", "").replace(",", "")
    # Whatever was accepted means the whole digits, with at most a zero fraction dropped.
    assert value == int(digits) or (
        digits.endswith(("0", "00")) and value in (int(digits) // 10, int(digits) // 100)
    )


@pytest.mark.parametrize(
    ("text", "bp"),
    [
        ("12.5", 1250),
        ("12,5", 1250),
        ("12,5%", 1250),
        ("12.50 %", 1250),
        ("15", 1500),
        ("0", 0),
        ("100", 10000),
        ("100,00", 10000),
        ("0,01", 1),
        (" 7 ", 700),
    ],
)
def test_commission_percent_reads_as_basis_points(text, bp):
    """12,5 on a commission sheet is 1250 basis points, however the decimal mark is typed."""
    assert parse_percent(text) == bp


@pytest.mark.parametrize(
    "text", ["100.01", "101", "150%", "12.345", "12,555%", "", "-1", "1e2", "%", "abc", "12,5%%"]
)
def test_percent_above_100_or_with_three_decimals_is_refused(text):
    """A commission above 100 % or finer than 0.01 % is surely a typo."""
    with pytest.raises(MoneyError):
        parse_percent(text)


def test_commission_percent_is_built_exactly_from_basis_points():
    """12.5 % is "12.5", 15 % is "15", 0.25 % is "0.25": no float anywhere."""
    assert [percent_text(bp) for bp in (1250, 1500, 25, 0, 10000, 1205)] == [
        "12.5",
        "15",
        "0.25",
        "0",
        "100",
        "12.05",
    ]


def test_a_percentage_reads_with_the_reader_s_decimal_mark():
    """A reader sees 12,5% in Indonesian and 12.5% in English, the same digits as the JSON."""
    assert format_percent(1250, "id") == "12,5%"
    assert format_percent(1250, "en") == "12.5%"
    assert format_percent(1205, "id", sign=False) == "12,05"
    assert format_percent(1500, "en", sign=False) == percent_text(1500) == "15"


def test_rupiah_shows_the_indonesian_and_the_english_way():
    """Indonesian readers see Rp 150.000; tourists reading English see IDR 150,000."""
    assert format_rupiah(150_000) == "Rp 150.000"
    assert format_rupiah(150_000, "id") == "Rp 150.000"
    assert format_rupiah(150_000, "en") == "IDR 150,000"
    assert format_rupiah(1_500_000, "id") == "Rp 1.500.000"
    assert format_rupiah(0, "id") == "Rp 0"


@pytest.mark.parametrize("value", [150000.0, 1.5, True, "150000"])
def test_formatting_refuses_anything_but_int_rupiah(value):
    """A float reaching the display is a bug upstream and must crash loudly, not be rounded."""
    with pytest.raises(TypeError):
        format_rupiah(value)


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [(5, 2, 3), (7, 2, 4), (4, 3, 1), (1, 2, 1), (1, 3, 0), (0, 5, 0), (-5, 2, -3), (-4, 3, -1)],
)
def test_half_rupiah_rounds_up(num, den, expected):
    """Half a rupiah rounds away from zero (Babel would round 2.5 to 2)."""
    assert div_half_up(num, den) == expected


@FAST
@given(st.integers(-(10**15), 10**15), st.integers(1, 10**9))
def test_div_half_up_is_nearest_with_halves_away_from_zero(num, den):
    """The rounding is always the nearest whole rupiah, halves away from zero."""
    exact = Fraction(abs(num), den)
    magnitude = int(exact + Fraction(1, 2))  # floor for positive values
    assert div_half_up(num, den) == (magnitude if num >= 0 else -magnitude)


def test_div_half_up_refuses_a_zero_denominator():
    """Dividing by nothing is a bug, not a zero."""
    with pytest.raises(ValueError):
        div_half_up(1, 0)


def test_ten_percent_of_an_odd_amount_rounds_half_up():
    """10 % off Rp 12.345 is Rp 1.235 (half up), not Rp 1.234 (half even)."""
    assert percent_of(12_345, 1000) == 1235
    assert percent_of(150_000, 1250) == 18_750


@pytest.mark.parametrize(
    ("total", "weights", "shares"),
    [
        (100, [1, 2, 3], [17, 33, 50]),
        (1, [1, 1], [1, 0]),
        (2, [1, 1, 1], [1, 1, 0]),
        (10_000, [285_000, 25_000], [9194, 806]),
        (0, [5, 7], [0, 0]),
        (3, [0, 10, 0], [0, 3, 0]),
        (0, [], []),
    ],
)
def test_sale_discount_shares_follow_largest_remainder(total, weights, shares):
    """Shares are floored, then the leftover rupiahs go to the largest remainders, earlier first."""
    assert share_out(total, weights) == shares


@FAST
@given(
    st.lists(st.integers(0, 10**8), min_size=1, max_size=12).filter(any),
    st.data(),
)
def test_shares_always_add_up_to_the_discount(weights, data):
    """Every rupiah of the discount lands on exactly one line; none is lost or invented."""
    total = data.draw(st.integers(0, 3 * sum(weights)))
    shares = share_out(total, weights)
    assert sum(shares) == total
    assert all(s >= 0 for s in shares)
    assert len(shares) == len(weights)
    if total <= sum(weights):
        assert all(s <= w for s, w in zip(shares, weights, strict=True))
    # Each share is its exact proportion rounded down or up, never further off.
    base = sum(weights)
    for s, w in zip(shares, weights, strict=True):
        assert total * w // base <= s <= total * w // base + 1


@FAST
@given(st.lists(st.integers(0, 10**6), min_size=2, max_size=10).filter(any), st.data())
def test_leftover_rupiahs_go_to_largest_remainders_earlier_line_first(weights, data):
    """No line gets a leftover rupiah before one with a larger (or equal, earlier) remainder."""
    base = sum(weights)
    total = data.draw(st.integers(0, base))
    shares = share_out(total, weights)
    remainders = [total * w % base for w in weights]
    extra = [s - total * w // base for s, w in zip(shares, weights, strict=True)]
    for i in range(len(weights)):
        for j in range(len(weights)):
            if extra[j] and not extra[i]:
                # j got a rupiah and i did not: i's claim must be weaker.
                assert remainders[i] < remainders[j] or (remainders[i] == remainders[j] and i > j)


def test_sharing_refuses_impossible_requests():
    """Sharing a negative amount or over nothing is a programming fault, raised loudly."""
    with pytest.raises(ValueError):
        share_out(-1, [1, 2])
    with pytest.raises(ValueError):
        share_out(5, [])
    with pytest.raises(ValueError):
        share_out(5, [0, 0])
    with pytest.raises(ValueError):
        share_out(5, [3, -1])


@pytest.mark.parametrize("text", ["١٥٠٠٠٠", "１５００００", "15 0.000", "150 000"])
def test_only_plain_ascii_digits_make_an_amount(text):
    """Digits from other scripts and stray spaces are refused, not silently read."""
    with pytest.raises(MoneyError):
        parse_rupiah(text)
