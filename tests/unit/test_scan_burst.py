"""Telling the scanner from a person by the rhythm of the keys: pure timing rules, no Qt."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from booth_pos.ui.scan_burst import GAP_MS, MIN_CHARS, BurstDetector, Verdict


def feed(detector: BurstDetector, text: str, gap_ms: float, start: float = 1000.0):
    """Type ``text`` then Enter, ``gap_ms`` between keys; return the Enter's verdict."""
    t = start
    for i, ch in enumerate(text):
        detector.char(ch, t, before=("field", i))
        t += gap_ms
    return detector.enter(t)


def test_a_scanner_burst_into_the_amount_is_a_scan_and_the_field_is_put_back():
    """13 digits 2 ms apart and Enter: a scan; what the field held before the first digit
    (typed before anyone could know) is what goes back."""
    detector = BurstDetector()
    assert feed(detector, "8991234567890", 2) is Verdict.SCAN_ENTER
    assert detector.last_scan == "8991234567890"
    assert detector.before_scan == ("field", 0)


def test_a_person_typing_the_same_amount_is_not_a_scan():
    """The same digits 80 ms apart, then Enter: the cashier's amount, taken as typed."""
    assert feed(BurstDetector(), "8991234567890", 80) is Verdict.PASS


def test_the_threshold_sits_between_scanner_and_person():
    """Just under the gap is a scan, at the gap is a person: both sides of GAP_MS."""
    assert feed(BurstDetector(), "12345678", GAP_MS - 1) is Verdict.SCAN_ENTER
    assert feed(BurstDetector(), "12345678", GAP_MS) is Verdict.PASS


def test_a_fast_short_amount_is_not_a_scan():
    """Three quick keys and Enter ("10%", a PIN-pad roll) are fewer than any barcode."""
    assert MIN_CHARS > 3
    assert feed(BurstDetector(), "10%", 2) is Verdict.PASS


def test_a_slow_enter_after_a_fast_run_is_a_person_confirming():
    """Digits pasted fast, then a pause and Enter: the person pressed Enter."""
    detector = BurstDetector()
    for i, ch in enumerate("300000"):
        detector.char(ch, 1000 + i * 2)
    assert detector.enter(1000 + 5 * 2 + 250) is Verdict.PASS


def test_a_scan_after_the_cashier_typed_puts_back_what_the_cashier_typed():
    """The cashier typed 50, then a scan burst: the field goes back to what it held before
    the burst's first character."""
    detector = BurstDetector()
    detector.char("5", 0, before="")
    detector.char("0", 150, before="5")
    assert feed(detector, "BKR-05", 2, start=400) is Verdict.SCAN_ENTER
    assert detector.before_scan == ("field", 0)  # feed's snapshot taken at the burst start


def test_a_held_down_key_never_makes_a_scan():
    """Auto-repeat (a key held down, ~33 ms or faster) is a person, even if fast."""
    detector = BurstDetector()
    for i in range(10):
        detector.char("0", 1000 + i * 5, repeat=i > 0)
    assert detector.enter(1000 + 55) is Verdict.PASS


def test_another_key_inside_the_run_breaks_it():
    """Backspace or an arrow in the middle: a person editing, not a scanner."""
    detector = BurstDetector()
    for i, ch in enumerate("1234"):
        detector.char(ch, 1000 + i * 2)
    detector.other(1010)
    detector.char("5", 1012)
    assert detector.enter(1014) is Verdict.PASS


def test_a_space_inside_a_scan_is_swallowed():
    """A Code128 label with a space must not press the focused button."""
    detector = BurstDetector()
    for i, ch in enumerate("ABCD"):
        detector.char(ch, 1000 + i * 2)
    assert detector.char(" ", 1010) is Verdict.SWALLOW
    assert detector.enter(1012) is Verdict.SCAN_ENTER


@given(
    text=st.text(alphabet="0123456789ABCDEF-", min_size=MIN_CHARS, max_size=20),
    gap=st.floats(0, GAP_MS - 0.01),
)
def test_every_fast_run_ending_in_enter_is_a_scan(text, gap):
    """Whatever the code, at any gap below the threshold its Enter is a scan's."""
    assert feed(BurstDetector(), text, gap) is Verdict.SCAN_ENTER


@given(
    text=st.text(alphabet="0123456789.,", min_size=1, max_size=20),
    gap=st.floats(GAP_MS, 1000),
)
def test_every_run_at_a_persons_pace_passes(text, gap):
    """Whatever is typed at a person's pace, its Enter goes through."""
    assert feed(BurstDetector(), text, gap) is Verdict.PASS


def test_a_hiccup_after_the_first_key_still_undoes_that_key():
    """The window was busy after the scan's first digit (39 ms measured once): the scan is
    the rest, and what goes back is the field from before that first digit."""
    detector = BurstDetector()
    detector.char("8", 1000, before="empty field")
    t = 1000 + GAP_MS + 9
    for i, ch in enumerate("991234567890"):
        detector.char(ch, t + 2 * i, before=("later", i))
    assert detector.enter(t + 30) is Verdict.SCAN_ENTER
    assert detector.before_scan == "empty field"


def test_a_person_pausing_then_typing_fast_is_not_joined_to_a_scan_long_after():
    """A key typed long before a scan (a second earlier) stays: it was the cashier's."""
    detector = BurstDetector()
    detector.char("5", 0, before="")
    assert feed(detector, "8991234567890", 2, start=1000) is Verdict.SCAN_ENTER
    assert detector.before_scan == ("field", 0)
