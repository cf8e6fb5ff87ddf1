"""Text a person types into a one-line field (a name, a reason): one rule for every field.

Spaces are collapsed and trimmed; what is left must be 1 to ``limit`` characters, none of
them a control character (Unicode category C: NUL, a tab, a right-to-left override...).
The caller names the field in its own message, in both languages.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class TextProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    CONTROL = "control"


def clean_line(value: object, limit: int) -> tuple[str, TextProblem | None]:
    """``value`` as stored, and what is wrong with it (None: nothing).

    Args:
        value: what was typed (anything: a non-text value is EMPTY).
        limit: the most characters the field takes.
    """
    if not isinstance(value, str):
        return "", TextProblem.EMPTY
    clean = " ".join(value.split())
    if not clean:
        return "", TextProblem.EMPTY
    if len(clean) > limit:
        return clean, TextProblem.TOO_LONG
    if any(unicodedata.category(ch).startswith("C") for ch in clean):
        return clean, TextProblem.CONTROL
    return clean, None
