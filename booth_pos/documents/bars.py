"""Barcodes drawn as vector bars that a 203 dpi thermal printer prints sharply.

Modules are a whole number of printer dots (2 dots = 0.25 mm on receipts) and each bar is
drawn half a dot narrower than its modules ("bar-width reduction"): printers and rasterisers
spread ink or pixels outwards, and a bar that grows by a dot turns an EAN-13 into another
valid-looking code. Space is reserved for the quiet zones the standards ask for.
"""

from __future__ import annotations

from dataclasses import dataclass

from booth_pos.barcodes import bar_runs, modules
from booth_pos.documents import fonts

PRINTER_DPI = 203
DOT = 72 / PRINTER_DPI  # one printer dot in PDF points
QUIET = {"code128": (10, 10), "ean13": (11, 7)}
REDUCTION_DOTS = 0.5


def snap(value: float) -> float:
    """``value`` (points) moved to the nearest printer dot, so bar edges fall on dots."""
    return round(value / DOT) * DOT


@dataclass(frozen=True)
class Barcode:
    """A barcode ready to draw.

    Attributes:
        kind: ``code128`` or ``ean13``.
        value: the data it carries.
        module_dots: width of one module in printer dots.
        pattern: module string, "1" a bar, "0" a space.
    """

    kind: str
    value: str
    module_dots: int
    pattern: str

    @property
    def module(self) -> float:
        return self.module_dots * DOT

    @property
    def quiet(self) -> tuple[float, float]:
        left, right = QUIET[self.kind]
        return left * self.module, right * self.module

    @property
    def bars_width(self) -> float:
        return len(self.pattern) * self.module

    @property
    def width(self) -> float:
        """Width in points including both quiet zones."""
        return self.bars_width + sum(self.quiet)


def make(kind: str, value: str, module_dots: int = 2) -> Barcode:
    """Encode ``value`` (an EAN-13 must be valid; Code128 must be ASCII)."""
    if module_dots < 1 or int(module_dots) != module_dots:
        raise ValueError("a module is a whole number of printer dots")
    return Barcode(kind, value, module_dots, modules(kind, value))


def fit_module_dots(kind: str, value: str, max_width: float, preferred: int) -> Barcode:
    """The widest barcode up to ``preferred`` dots per module that fits ``max_width`` points."""
    for dots in range(preferred, 0, -1):
        code = make(kind, value, dots)
        if code.width <= max_width:
            return code
    return make(kind, value, 1)


def draw(canvas, code: Barcode, x: float, y: float, height: float) -> None:
    """Draw the bars with the quiet zone starting at ``x``; ``y`` is the bars' bottom.

    Args:
        canvas: a reportlab canvas.
        code: what to draw.
        x: left edge of the left quiet zone, in points.
        y: bottom of the bars, in points.
        height: bar height in points.
    """
    _draw_runs(canvas, code, x, lambda start, n: (y, height))


def draw_ean13(canvas, code: Barcode, x: float, y: float, height: float) -> float:
    """Draw an EAN-13 the way shops expect: guard bars longer, digits under the bars.

    Args:
        canvas: a reportlab canvas.
        code: an ``ean13`` barcode.
        x: left edge of the left quiet zone (the first digit is printed inside it).
        y: bottom of the digits, in points.
        height: total height including the digits, in points.

    Returns:
        The total width drawn, quiet zones included.
    """
    if code.kind != "ean13":
        raise ValueError("draw_ean13 needs an EAN-13")
    m = code.module
    size = m * 7 / 0.636 * 0.85  # a DejaVu digit is 0.636 em wide; keep 15 % air between
    digits_h = size * 0.9
    bars_y = y + digits_h
    guards = {0, 1, 2, 45, 46, 47, 48, 49, 92, 93, 94}

    def extent(start: int, n: int) -> tuple[float, float]:
        if start in guards:
            return y + digits_h / 2, height - digits_h / 2
        return bars_y, height - digits_h

    _draw_runs(canvas, code, x, extent)
    left = snap(x) + code.quiet[0]
    text_y = y + digits_h * 0.12
    value = code.value
    canvas.setFillGray(0)
    fonts.draw(canvas, left - m * 4, text_y, value[0], fonts.REGULAR, size, "center")
    for i, ch in enumerate(value[1:7]):
        fonts.draw(canvas, left + (3 + 7 * i + 3.5) * m, text_y, ch, fonts.REGULAR, size, "center")
    for i, ch in enumerate(value[7:]):
        cx = left + (50 + 7 * i + 3.5) * m
        fonts.draw(canvas, cx, text_y, ch, fonts.REGULAR, size, "center")
    return code.width


def _draw_runs(canvas, code: Barcode, x: float, extent) -> None:
    left = snap(x) + code.quiet[0]
    shave = REDUCTION_DOTS * DOT
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.setStrokeGray(0)
    for start, n in bar_runs(code.pattern):
        bottom, h = extent(start, n)
        bx = left + start * code.module + shave / 2
        canvas.rect(bx, bottom, n * code.module - shave, h, stroke=0, fill=1)
    canvas.restoreState()
