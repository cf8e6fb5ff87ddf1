"""The stand's static QRIS: validated before it is saved, and written again with an amount."""

from __future__ import annotations

import binascii

import pytest
from helpers.qris_sample import FIELDS, STATIC, split_tlv, static_payload, tlv, with_crc
from hypothesis import given
from hypothesis import strategies as st

from booth_pos.model import qris

#: go-qris's published sample (github.com/sunary/qris README): a payload with an amount.
PUBLISHED_DYNAMIC = (
    "00020101021226380016ID.CO.SHOPEE.WWW010201020815863724530336054061440005802ID"
    "5921PT. SHOPPEE INDONESIA6007JAKARTA62180814gen by go-qris63049635"
)


def test_crc_is_ccitt_false():
    """The CRC is CRC-16/CCITT-FALSE: the catalogue's check value and the independent one."""
    assert qris.crc16("123456789") == "29B1"
    assert qris.crc16(STATIC[:-4]) == STATIC[-4:]


def test_published_sample_crc_checks_out():
    """A payload published by another QRIS library passes our CRC check."""
    assert qris.crc16(PUBLISHED_DYNAMIC[:-4]) == "9635"
    assert qris.amount_of(PUBLISHED_DYNAMIC) == 144000


def test_sample_static_payload_is_accepted():
    """The stand's sticker text is accepted as it is."""
    assert qris.validate_static(STATIC) == STATIC
    assert qris.validate_static(f"  {STATIC}\n") == STATIC  # pasted with a new line
    assert qris.merchant_name(STATIC) == "DEKRANASDA JATENG"


def _refusal(payload: str) -> qris.QrisError:
    with pytest.raises(qris.QrisError) as info:
        qris.validate_static(payload)
    assert info.value.id and info.value.en != info.value.id
    return info.value


def test_wrong_crc_is_refused_naming_the_crc():
    """One changed character (a typo when pasting) is caught by the CRC."""
    error = _refusal(STATIC[:-4] + ("0000" if STATIC[-4:] != "0000" else "1111"))
    assert "CRC" in error.en
    typo = STATIC.replace("SEMARANG", "SEMARANK")
    assert "CRC" in _refusal(typo).en


def test_dynamic_payload_is_refused_as_static():
    """A payload made for one payment (tag 01 = 12) is not the stand's static QRIS."""
    assert "dynamic" in _refusal(PUBLISHED_DYNAMIC).en
    mine = qris.with_amount(STATIC, 150_000)
    assert "dynamic" in _refusal(mine).en


@pytest.mark.parametrize(
    ("drop", "words"),
    [("58", "tag 58"), ("59", "tag 59"), ("60", "tag 60"), ("01", "tag 01")],
)
def test_missing_tags_are_refused_by_name(drop, words):
    """A payload without country, merchant name, city or method says which tag is missing."""
    payload = static_payload([f for f in FIELDS if f[0] != drop])
    assert words in _refusal(payload).en


def test_wrong_country_and_format_are_refused():
    """Tag 58 must be ID and the payload must start with 00 = 01."""
    foreign = static_payload([(t, "SG" if t == "58" else v) for t, v in FIELDS])
    assert "tag 58" in _refusal(foreign).en
    wrong_format = static_payload([(t, "02" if t == "00" else v) for t, v in FIELDS])
    assert "tag 00" in _refusal(wrong_format).en


def test_bad_lengths_are_refused():
    """A length that overruns the payload, or a template whose inner lengths are wrong."""
    cut = STATIC[:-10]
    assert "characters" in _refusal(cut).en or "CRC" in _refusal(cut).en
    body = STATIC[:-8]
    overrun = body.replace("5917DEKRANASDA", "5999DEKRANASDA")
    assert "tag 59" in _refusal(with_crc(overrun)).en
    bad_inner = [
        (t, v.replace("0014ID.CO.QRIS", "0019ID.CO.QRIS") if t == "51" else v) for t, v in FIELDS
    ]
    assert "inside tag 51" in _refusal(static_payload(bad_inner)).en


def test_garbage_and_empty_are_refused():
    """Not a QRIS at all: empty, a URL, letters where a length should be."""
    for text in ("", "   ", "https://example.com/pay", "0002AB"):
        _refusal(text)


@pytest.mark.parametrize("amount", [1, 150_000, 10_000_000])
def test_amount_is_filled_in_and_nothing_else_changes(amount):
    """With the amount: 01 = 12, 54 = whole rupiah in tag order, the rest as it was, new CRC;
    checked with an independent TLV reader and CRC."""
    payload = qris.with_amount(STATIC, amount)
    fields = split_tlv(payload)
    tags = [t for t, _ in fields]
    assert tags == sorted(tags)
    got = dict(fields)
    assert got["01"] == "12"
    assert got["54"] == str(amount)
    original = dict(FIELDS)
    for tag, value in original.items():
        if tag != "01":
            assert got[tag] == value
    assert set(got) == set(original) | {"54", "63"}
    assert tags[-1] == "63" and payload[-8:-4] == "6304"
    assert got["63"] == f"{binascii.crc_hqx(payload[:-4].encode(), 0xFFFF):04X}"
    assert qris.amount_of(payload) == amount
    qris.parse(payload)  # our own parser accepts what we write


def test_amount_goes_before_a_tag_55_and_after_53():
    """Tag order holds when the sticker has a tip indicator (55) right after 54's place."""
    fields = [*FIELDS[:6], ("55", "01"), *FIELDS[6:]]
    payload = qris.with_amount(static_payload(fields), 25_000)
    tags = [t for t, _ in split_tlv(payload)]
    assert tags.index("53") + 1 == tags.index("54") == tags.index("55") - 1


@pytest.mark.parametrize("amount", [0, -1, 10**13])
def test_impossible_amounts_are_refused(amount):
    """Nothing to pay, a negative amount, or more digits than tag 54 holds."""
    with pytest.raises(qris.QrisError):
        qris.with_amount(STATIC, amount)


_text = st.text(
    alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=25
).filter(lambda s: s.strip())


@given(
    amount=st.integers(min_value=1, max_value=qris.MAX_AMOUNT),
    name=_text,
    city=_text,
    terminal=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=20),
)
def test_round_trip_for_any_sticker_and_amount(amount, name, city, terminal):
    """For any merchant name, city, terminal label and amount: what is written parses back
    (independently) to the same fields with the amount, and the CRC checks out."""
    fields = [
        (t, name if t == "59" else city if t == "60" else tlv("07", terminal) if t == "62" else v)
        for t, v in FIELDS
    ]
    static = static_payload(fields)
    assert qris.validate_static(static) == static
    payload = qris.with_amount(static, amount)
    got = split_tlv(payload)
    expected = [(t, "12" if t == "01" else v) for t, v in fields]
    expected.insert(6, ("54", str(amount)))
    assert got[:-1] == expected
    assert got[-1] == ("63", f"{binascii.crc_hqx(payload[:-4].encode(), 0xFFFF):04X}")
    assert qris.amount_of(payload) == amount
    # Filling in a second amount starts from the sticker, never from a previous payment.
    with pytest.raises(qris.QrisError):
        qris.with_amount(payload, amount)


@given(st.text(max_size=80))
def test_any_text_is_refused_or_accepted_never_crashes(text):
    """Whatever is pasted, the validator answers with a QrisError or the payload."""
    try:
        qris.validate_static(text)
    except qris.QrisError:
        pass


def test_hostile_pastes_are_refused_quickly():
    """A megabyte of digits, a CRC field in the middle, a control character: refused."""
    import time

    start = time.perf_counter()
    _refusal("0" * 1_000_000)
    _refusal("99" + "99" * 500_000)
    assert time.perf_counter() - start < 2
    middle = static_payload([*FIELDS[:3], ("63", "ABCD"), *FIELDS[3:]])
    _refusal(middle)
    _refusal(STATIC[:20] + "\x00" + STATIC[20:])
