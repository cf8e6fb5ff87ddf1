"""EAN/UPC check digits, in-store EAN-13 generation, and module patterns for drawing.

python-barcode silently "fixes" a wrong 13th digit, so every code that comes from a file or a
scanner is validated here first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

IN_STORE_PREFIX = "2"


class BarcodeError(ValueError):
    """A code that is not a valid EAN-13, EAN-8 or UPC-A; the message is for a person.

    ``str()`` is the English, ``text("id")`` the Indonesian (as ``money.MoneyError``).
    """

    def __init__(self, en: str, id: str = ""):
        super().__init__(en)
        self.id = id or en

    def text(self, lang: str = "id") -> str:
        return self.id if lang == "id" else str(self)


def check_digit(payload: str) -> str:
    """GS1 mod-10 check digit for the digits before it (weights 3,1 from the right)."""
    if not payload.isdigit():
        raise BarcodeError(f"barcode must be digits only: {payload!r}")
    total = 0
    for i, ch in enumerate(reversed(payload)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def is_valid_gtin(code: str) -> bool:
    """Whether ``code`` is an EAN-13, EAN-8 or UPC-A with a correct check digit."""
    return (
        isinstance(code, str)
        and code.isascii()
        and code.isdigit()
        and len(code) in (8, 12, 13)
        and check_digit(code[:-1]) == code[-1]
    )


def validate_gtin(code: str) -> str:
    """Return ``code`` if it is a valid EAN-13/EAN-8/UPC-A, else raise ``BarcodeError``."""
    if not code.isascii() or not code.isdigit():
        raise BarcodeError(
            f"barcode must be digits only: {code!r}", id=f"barcode harus angka saja: {code!r}"
        )
    if len(code) not in (8, 12, 13):
        raise BarcodeError(
            f"barcode must have 8, 12 or 13 digits, not {len(code)}: {code!r}",
            id=f"barcode harus 8, 12 atau 13 angka, bukan {len(code)}: {code!r}",
        )
    expected = check_digit(code[:-1])
    if code[-1] != expected:
        raise BarcodeError(
            f"wrong check digit in {code!r} (expected {expected})",
            id=f"angka pemeriksa {code!r} salah (seharusnya {expected})",
        )
    return code


def in_store_ean13(number: int) -> str:
    """The in-store EAN-13 (first digit 2) for a running number."""
    if not 0 <= number < 10**11:
        raise BarcodeError("in-store barcode number out of range")
    payload = f"{IN_STORE_PREFIX}{number:011d}"
    return payload + check_digit(payload)


def next_in_store_ean13(taken: Iterable[str]) -> str:
    """The next free in-store EAN-13 after the highest one already taken."""
    return next(in_store_ean13s(taken))


def in_store_ean13s(taken: Iterable[str]) -> Iterator[str]:
    """Fresh in-store EAN-13s, one after another, after the highest one already taken.

    ``taken`` is read once, so giving codes to N products costs N steps, not N x N (an
    import of 100,000 products without barcodes took minutes when each code rescanned all).
    """
    highest = 0
    for code in taken:
        if code and len(code) == 13 and code.startswith(IN_STORE_PREFIX) and code.isdigit():
            highest = max(highest, int(code[1:12]))
    while True:
        highest += 1
        yield in_store_ean13(highest)


def modules(kind: str, value: str) -> str:
    """The bar/space module string ("1" bar, "0" space) of a barcode, for vector drawing.

    Args:
        kind: ``"ean13"`` or ``"code128"``.
        value: the data; an EAN-13 must already be valid (13 digits).
    """
    import barcode  # deferred: only documents and printing need it

    if kind == "ean13":
        validate_gtin(value)
        if len(value) != 13:
            raise BarcodeError("EAN-13 needs 13 digits")
        code = barcode.get("ean13", value[:12])
        if code.get_fullcode() != value:
            raise BarcodeError(f"encoder disagrees on {value!r}")
    elif kind == "code128":
        if not value.isascii():
            raise BarcodeError("Code128 takes ASCII only")
        code = barcode.get("code128", value)
    else:
        raise BarcodeError(f"unknown barcode kind {kind!r}")
    return code.build()[0]


def bar_runs(module_string: str) -> list[tuple[int, int]]:
    """Run-length encode bars: a list of ``(start_module, width_in_modules)`` for each bar."""
    runs = []
    start = None
    for i, ch in enumerate(module_string + "0"):
        if ch == "1" and start is None:
            start = i
        elif ch != "1" and start is not None:
            runs.append((start, i - start))
            start = None
    return runs
