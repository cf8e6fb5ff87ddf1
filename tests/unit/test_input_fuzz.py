"""Whatever a person types, the parsers and the settings form answer with a value or a clear
refusal in both languages, never with a crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booth_pos.clock import zone
from booth_pos.model import MAX_QTY, CartError, Settings
from booth_pos.money import (
    FULL_BP,
    MAX_RUPIAH,
    MoneyError,
    parse_currency,
    parse_percent,
    parse_rate,
    parse_rupiah,
)
from booth_pos.services import settings as settings_service
from booth_pos.services.selling import SetQuantity, parse_scan

FUZZ = settings(max_examples=300, deadline=None)

#: Text people and stuck keys produce: anything, plus the shapes that once crashed a parser.
typed = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789.,*xX %-²٣", max_size=30),
    st.sampled_from(["", " ", "*", "3*", "*0", "9999999*X", "²", "*²", "\x00", "\u200b", "1e9"]),
    st.integers(5, 6000).map(lambda n: "9" * n),  # int() refuses more than 4300 digits
    st.integers(5, 6000).map(lambda n: "9" * n + "*ECO-01"),
    st.builds(lambda n: "1" + ".000" * n, st.integers(1, 1500)),
)


@FUZZ
@given(text=typed, zero=st.booleans(), negative=st.booleans())
def test_an_amount_is_parsed_or_refused_never_crashes(text, zero, negative):
    """Any text as rupiah: an int within the limits, or MoneyError."""
    try:
        value = parse_rupiah(text, allow_zero=zero, allow_negative=negative)
    except MoneyError:
        return
    assert type(value) is int and abs(value) <= MAX_RUPIAH
    assert (value != 0 or zero) and (value >= 0 or negative)


def test_an_absurd_amount_is_refused_as_such():
    """A stuck 9 key, or more than Rp 1.000.000.000.000.000, is not a payment."""
    assert parse_rupiah("1.000.000.000.000.000") == MAX_RUPIAH
    for text in ("1.000.000.000.000.001", "9" * 20, "9" * 5000, "Rp 1" + ".000" * 2000):
        with pytest.raises(MoneyError, match="too large"):
            parse_rupiah(text)


@FUZZ
@given(text=typed)
def test_a_percentage_is_parsed_or_refused_never_crashes(text):
    """Any text as a percentage: basis points from 0 to 100 %, or MoneyError."""
    try:
        bp = parse_percent(text)
    except MoneyError:
        return
    assert 0 <= bp <= FULL_BP


@FUZZ
@given(text=typed)
def test_a_scanned_item_is_parsed_or_refused_never_crashes(text):
    """Any text as QTY*CODE or *N: a quantity (and a code), or CartError; a huge quantity
    comes back above the limit (the cart refuses it) instead of crashing int()."""
    try:
        scan = parse_scan(text)
    except CartError as exc:
        assert exc.en and exc.id
        return
    assert 0 <= scan.qty <= MAX_QTY + 1
    if not isinstance(scan, SetQuantity):
        assert scan.code and not scan.code.isspace()


# -- the settings form --------------------------------------------------------------------------

DEFAULTS = settings_service.as_texts(Settings())
#: Per field, texts a person might type that are (nearly) right, to reach the later checks.
LIKELY = {
    "stand_name": ["Dekranasda", " ", "\u200b"],
    "event_start": ["2023-03-01", "2023-02-30", "01/03/2023", "２０２３-03-01"],
    "event_end": ["2023-03-05", "2023-02-01", ""],
    "timezone": ["Asia/Makassar", "America", "asia/jakarta", "x" * 300, "../etc", "UTC"],
    "till": ["T2", "t1", "TILL-1", "ÄÖ", "123456789"],
    "ref_currency": ["EUR", "eur", "IDR", "XYZ", "EURO", ""],
    "ref_rate": ["17250", "11,85", "17.250", "0", "0,00", "١٢", "1e4", "9" * 10, ""],
    "origins": ["ID, KR, FR", "ID,,KR", "", "I", "ÜBER"],
    "discount_threshold": ["20", "12,5%", "100", "101", "0.001", "-5"],
    "backup_minutes": ["15", "0", "1440", "1441", "²", "٣٠", "9" * 5000, " 30 "],
    "receipt_width": ["58", "80", "81", "٥٨"],
    "printer": ["pdf", "escpos", "lpr"],
    "ui_lang": ["id", "en", "fr"],
    "receipt_lang": ["id", "en", "EN"],
}
field_text = {
    key: st.one_of(st.just(DEFAULTS[key]), st.sampled_from(LIKELY.get(key, [""])), typed)
    for key in DEFAULTS
}


@settings(max_examples=400, deadline=None)
@given(texts=st.fixed_dictionaries(field_text))
def test_the_settings_form_gives_valid_settings_or_a_clear_refusal(texts):
    """Random texts in every field: a SettingsError in both languages, or settings that the
    receipt, the clock and the form itself all accept as they are."""
    current = Settings()
    try:
        new = settings_service.from_texts(current, texts)
    except settings_service.SettingsError as exc:
        assert exc.en and exc.id
        return
    assert new.stand_name and zone(new.timezone)
    assert 1 <= new.backup_minutes <= 1440 and new.receipt_width in (58, 80)
    assert 0 <= new.discount_threshold_bp <= FULL_BP and new.origins
    assert new.ui_lang in ("id", "en") and new.receipt_lang in ("id", "en")
    if new.ref_currency:
        assert parse_currency(new.ref_currency) and parse_rate(new.ref_rate) > 0
    # What was saved shows in the form and saves again unchanged.
    assert settings_service.from_texts(new, settings_service.as_texts(new)) == new


def test_a_rate_the_receipt_cannot_read_is_not_saved():
    """17.250 could be 17250 or 17,25: the receipt refuses it, so the settings do too."""
    texts = dict(DEFAULTS, ref_currency="EUR", ref_rate="17.250")
    with pytest.raises(settings_service.SettingsError) as info:
        settings_service.from_texts(Settings(), texts)
    assert "Ambiguous" in info.value.en and info.value.id
    saved = settings_service.from_texts(Settings(), dict(texts, ref_rate="17250"))
    assert (saved.ref_currency, saved.ref_rate) == ("EUR", "17250")


def test_a_time_zone_folder_or_a_stuck_key_is_refused_not_a_crash():
    """America (a folder of the zone database) or 300 letters: a clear SettingsError."""
    for name in ("America", "x" * 300):
        with pytest.raises(settings_service.SettingsError, match="time zone"):
            settings_service.from_texts(Settings(), dict(DEFAULTS, timezone=name))
