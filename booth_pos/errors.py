"""The error a person can act on, in both languages: the root every layer may import.

It imports nothing of the program, so ``money`` (which raises ``RateError``) and ``model``
(which imports ``money``) can both build on it without importing each other in a circle.
The domain's own errors are in ``booth_pos.model.errors``.
"""

from __future__ import annotations


class KnownError(Exception):
    """A problem a person can act on (bad input, a closed day, a full disk).

    Carries the message in English and Indonesian, always named (``en=``, ``id=``) so the
    two cannot be swapped; ``text(lang)`` picks one.
    """

    def __init__(self, *, en: str, id: str):
        super().__init__(en)
        self.en = en
        self.id = id

    def text(self, lang: str = "id") -> str:
        return self.id if lang == "id" else self.en
