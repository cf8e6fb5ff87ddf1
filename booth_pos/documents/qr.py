"""QR codes for QRIS: a PNG for the customer display, a roll-paper slip for the printer.

Rendered with ``segno`` at error correction M (exactly M: segno would otherwise raise the
level when the code has room, and a QRIS is specified at M). No Qt here: the window turns
the PNG bytes into a pixmap.
"""

from __future__ import annotations

import io

import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from booth_pos.documents import fonts
from booth_pos.model import qris
from booth_pos.model.words import rupiah_in_words
from booth_pos.money import format_rupiah

#: Quiet zone around the code, in modules (the QR standard asks for 4).
BORDER = 4


def make(payload: str) -> segno.QRCode:
    """The QR code of ``payload`` at error correction M (a regular QR, never a micro QR)."""
    return segno.make(payload, error="m", boost_error=False, micro=False)


def png(payload: str, *, scale: int = 8, border: int = BORDER) -> bytes:
    """The code as PNG bytes, ``scale`` pixels a module, black on white."""
    buf = io.BytesIO()
    make(payload).save(buf, kind="png", scale=scale, border=border)
    return buf.getvalue()


def modules(payload: str) -> int:
    """The code's width in modules, without the quiet zone (a display scales to fit)."""
    return make(payload).symbol_size(scale=1, border=0)[0]


def draw(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the code as filled squares, ``size`` points wide (quiet zone included), with its
    lower left corner at ``x``, ``y``: vector, so every printer's resolution keeps it sharp."""
    matrix = list(make(payload).matrix_iter(scale=1, border=BORDER))
    n = len(matrix)
    cell = size / n
    canvas.setFillColorRGB(0, 0, 0)
    for row, bits in enumerate(matrix):
        top = y + size - (row + 1) * cell
        col = 0
        while col < n:  # one rectangle per run of dark modules: fewer, cleaner shapes
            if bits[col]:
                start = col
                while col < n and bits[col]:
                    col += 1
                canvas.rect(x + start * cell, top, (col - start) * cell, cell, stroke=0, fill=1)
            else:
                col += 1


def slip_lines(payload: str, amount: int) -> dict[str, str]:
    """The texts of a printed QRIS slip (Indonesian first, English below: the slip is read by
    whoever pays, and the printer does not know who that is)."""
    return {
        "title": "Bayar dengan QRIS / Pay with QRIS",
        "merchant": qris.merchant_name(payload),
        "amount": format_rupiah(amount, "id"),
        "words_id": rupiah_in_words(amount, "id"),
        "words_en": rupiah_in_words(amount, "en"),
        "check": "Periksa nominal sebelum membayar / Check the amount before you pay",
    }


def slip_pdf(payload: str, amount: int, *, width_mm: int = 80) -> bytes:
    """A roll-paper PDF of the QRIS ``payload`` (already carrying ``amount``) with the amount
    in digits and in words, for the PDF folder or a system printer."""
    fs = fonts.register()
    width = (58 if width_mm == 58 else 80) * mm
    margin = 4 * mm
    usable = width - 2 * margin
    lines = slip_lines(payload, amount)
    small = 8.5
    wrapped = {
        key: fonts.wrap(lines[key], fs.regular, small, usable)
        for key in ("title", "merchant", "words_id", "words_en", "check")
    }
    code = min(usable, 60 * mm)
    height = (
        margin * 2 + code + 16 * 1.3 + small * 1.3 * sum(len(v) for v in wrapped.values()) + 6 * mm
    )
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(width, height))
    canvas.setTitle(f"QRIS {lines['amount']}")
    y = height - margin
    for text in wrapped["title"] + wrapped["merchant"]:
        y -= small * 1.3
        fonts.draw(canvas, width / 2, y, text, fs.regular, small, "center")
    y -= 2 * mm + code
    draw(canvas, payload, (width - code) / 2, y, code)
    y -= 16 * 1.3
    fonts.draw(canvas, width / 2, y + 4, lines["amount"], fs.bold, 16, "center")
    for text in wrapped["words_id"] + wrapped["words_en"] + wrapped["check"]:
        y -= small * 1.3
        fonts.draw(canvas, width / 2, y, text, fs.regular, small, "center")
    canvas.showPage()
    canvas.save()
    return buf.getvalue()
