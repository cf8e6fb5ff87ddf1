"""Amounts in words, as a customer reads them beside the digits ("seratus lima puluh ribu").

Indonesian and English, for whole rupiah. Pure Python.
"""

from __future__ import annotations

_ID_UNITS = "nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split()
_ID_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))

_EN_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))

#: Beyond this the words stop being a help to anyone (and QRIS carries 13 digits at most).
MAX_WORDS = 10**15 - 1


def _id_below_1000(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_ID_UNITS[hundreds], "ratus"]
    if rest < 12:
        if rest:
            words.append(_ID_UNITS[rest])
    elif rest < 20:
        words += [_ID_UNITS[rest - 10], "belas"]
    else:
        tens, ones = divmod(rest, 10)
        words += [_ID_UNITS[tens], "puluh"]
        if ones:
            words.append(_ID_UNITS[ones])
    return words


def indonesian(n: int) -> str:
    """``n`` in Indonesian words: 150000 -> ``seratus lima puluh ribu``, 1000 -> ``seribu``."""
    _check(n)
    if n == 0:
        return "nol"
    words: list[str] = []
    for scale, name in _ID_SCALES:
        count, n = divmod(n, scale)
        if count == 1 and scale == 1000:
            words.append("seribu")  # "seribu", never "satu ribu"
        elif count:
            words += [*_id_below_1000(count), name]
    words += _id_below_1000(n)
    return " ".join(words)


def _en_below_1000(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_EN_UNITS[hundreds], "hundred"]
    if rest < 20:
        if rest:
            words.append(_EN_UNITS[rest])
    else:
        tens, ones = divmod(rest, 10)
        words.append(_EN_TENS[tens] + (f"-{_EN_UNITS[ones]}" if ones else ""))
    return words


def english(n: int) -> str:
    """``n`` in English words: 150000 -> ``one hundred fifty thousand``."""
    _check(n)
    if n == 0:
        return "zero"
    words: list[str] = []
    for scale, name in _EN_SCALES:
        count, n = divmod(n, scale)
        if count:
            words += [*_en_below_1000(count), name]
    words += _en_below_1000(n)
    return " ".join(words)


def rupiah_in_words(amount: int, lang: str = "id") -> str:
    """An amount of rupiah in words: ``seratus lima puluh ribu rupiah`` (``id``) or
    ``one hundred fifty thousand rupiah`` (any other language)."""
    return f"{indonesian(amount) if lang == 'id' else english(amount)} rupiah"


def _check(n: int) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= MAX_WORDS:
        raise ValueError(f"not a whole amount from 0 to {MAX_WORDS}: {n!r}")
