"""One rule for one-line text a person types (names, reasons): trimmed, printable, bounded."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from booth_pos.model.text import TextProblem, clean_line


def test_spaces_collapse_and_a_clean_name_passes():
    """'  Ibu   Sari ' is stored as 'Ibu Sari'."""
    assert clean_line("  Ibu   Sari ", 40) == ("Ibu Sari", None)


def test_empty_too_long_and_control_characters_are_named():
    """Each problem is told apart so the field can say which."""
    assert clean_line("   ", 40)[1] is TextProblem.EMPTY
    assert clean_line(None, 40)[1] is TextProblem.EMPTY
    assert clean_line("x" * 41, 40)[1] is TextProblem.TOO_LONG
    assert clean_line("Rina\x00", 40)[1] is TextProblem.CONTROL
    assert clean_line("Rina\u202e", 40)[1] is TextProblem.CONTROL  # right-to-left override


@given(st.text(max_size=60))
def test_anything_typed_is_cleaned_or_named_never_crashes(text):
    """Whatever is typed, the result is within the limit and printable, or a problem."""
    clean, problem = clean_line(text, 40)
    if problem is None:
        assert 1 <= len(clean) <= 40 and clean == clean.strip() and "  " not in clean
