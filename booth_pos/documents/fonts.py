"""Fonts for PDF documents, with visible fallback instead of black boxes.

DejaVu Sans ships in ``booth_pos/resources/fonts`` so every machine renders Indonesian and
accented Latin the same way, and so does Nanum Gothic (regular and bold, SIL OFL 1.1, from
Debian's ``fonts-nanum``) for Korean receipts: TrueType outlines reportlab embeds (Noto CJK's
CFF outlines it refuses). ``BOOTH_POS_CJK_FONT`` or a machine's own Nanum or Malgun Gothic
is used when the package's file is missing. Text is drawn in
runs: each character goes to the first registered font that has a glyph for it; a character
that no font has becomes ``?`` and is logged, so a missing glyph is never a silent black box.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from booth_pos import resources

log = logging.getLogger(__name__)

REGULAR = "BoothSans"
BOLD = "BoothSans-Bold"
CJK = "BoothCJK"
CJK_BOLD = "BoothCJK-Bold"
MISSING = "?"

#: Korean-capable TrueType fonts (regular, bold), best first; ``BOOTH_POS_CJK_FONT`` wins and
#: a NanumGothic.ttf dropped into booth_pos/resources/fonts comes next.
_NANUM = "/usr/share/fonts/truetype/nanum/"
CJK_CANDIDATES = (
    (_NANUM + "NanumGothic.ttf", _NANUM + "NanumGothicBold.ttf"),
    ("/usr/share/fonts/nanum/NanumGothic.ttf", "/usr/share/fonts/nanum/NanumGothicBold.ttf"),
    ("/Library/Fonts/NanumGothic.ttf", "/Library/Fonts/NanumGothicBold.ttf"),
    ("C:/Windows/Fonts/malgun.ttf", "C:/Windows/Fonts/malgunbd.ttf"),
)


@dataclass(frozen=True)
class FontSet:
    """The registered fonts.

    Attributes:
        regular: name of the body font.
        bold: name of the bold font.
        fallbacks: fonts tried, in order, for characters the body font lacks (regular weight).
        bold_fallbacks: the same for bold text.
        files: ``(name, path)`` of every registered font (ESC/POS text images use them too).
    """

    regular: str
    bold: str
    fallbacks: tuple[str, ...]
    bold_fallbacks: tuple[str, ...]
    files: tuple[tuple[str, Path], ...]

    def file(self, name: str) -> Path:
        """The TrueType file of the registered font ``name``."""
        return dict(self.files)[name]


_lock = threading.Lock()
_fonts: FontSet | None = None
_coverage: dict[str, frozenset[int] | dict] = {}
_warned: set[str] = set()


def _cjk_paths() -> tuple[Path, Path] | None:
    override = os.environ.get("BOOTH_POS_CJK_FONT", "").strip()
    candidates = [(override, override)] if override else []
    candidates.append(
        (resources.path("fonts", "NanumGothic.ttf"), resources.path("fonts", "NanumGothicBold.ttf"))
    )
    candidates.extend(CJK_CANDIDATES)
    for regular, bold in candidates:
        regular, bold = Path(regular), Path(bold)
        if regular.is_file():
            return regular, bold if bold.is_file() else regular
    return None


def register() -> FontSet:
    """Register the document fonts once per process (about 0.1 s) and return their names.

    Returns:
        The ``FontSet`` to draw with.
    """
    global _fonts
    with _lock:
        if _fonts is not None:
            return _fonts
        files = [
            (REGULAR, resources.path("fonts", "DejaVuSans.ttf")),
            (BOLD, resources.path("fonts", "DejaVuSans-Bold.ttf")),
        ]
        for name, path in files:
            pdfmetrics.registerFont(TTFont(name, path))
        fallbacks: tuple[str, ...] = ()
        bold_fallbacks: tuple[str, ...] = ()
        cjk = _cjk_paths()
        if cjk:
            try:
                pdfmetrics.registerFont(TTFont(CJK, cjk[0]))
                pdfmetrics.registerFont(TTFont(CJK_BOLD, cjk[1]))
                fallbacks, bold_fallbacks = (CJK,), (CJK_BOLD,)
                files += [(CJK, cjk[0]), (CJK_BOLD, cjk[1])]
            except (TTFError, OSError) as exc:  # e.g. CFF outlines
                log.warning("Korean font %s cannot be embedded: %s", cjk[0], exc)
        _fonts = FontSet(REGULAR, BOLD, fallbacks, bold_fallbacks, tuple(files))
        return _fonts


def has_glyph(font: str, char: str) -> bool:
    """Whether the registered TrueType ``font`` has a glyph for ``char``."""
    cmap = _coverage.get(font)
    if cmap is None:
        cmap = pdfmetrics.getFont(font).face.charToGlyph
        _coverage[font] = cmap
    return ord(char) in cmap or char in "\n\r\t"


def _chain(font: str) -> tuple[str, ...]:
    fs = register()
    return (font, *(fs.bold_fallbacks if font == fs.bold else fs.fallbacks))


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(piece, font)`` runs so every character has a real glyph.

    A character that no registered font covers becomes ``?`` (in ``font``) and is logged once.
    """
    has_glyph(font, " ")  # loads the font's character map
    if _coverage[font].keys() >= set(map(ord, text)):
        return [(text, font)] if text else []  # the everyday case: one font has it all
    chain = _chain(font)
    out: list[tuple[str, str]] = []
    for ch in text:
        chosen = next((f for f in chain if has_glyph(f, ch)), None)
        if chosen is None:
            if ch not in _warned:
                _warned.add(ch)
                log.warning(
                    "No font has a glyph for %r (U+%04X); printed as %r", ch, ord(ch), MISSING
                )
            ch, chosen = MISSING, font
        if out and out[-1][1] == chosen:
            out[-1] = (out[-1][0] + ch, chosen)
        else:
            out.append((ch, chosen))
    return out


def missing_chars(text: str, font: str = REGULAR) -> set[str]:
    """Characters of ``text`` that no registered font can draw (they would print as ``?``)."""
    chain = _chain(font)
    return {ch for ch in text if not any(has_glyph(f, ch) for f in chain)}


def width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` drawn with fallback runs."""
    return sum(pdfmetrics.stringWidth(piece, f, size) for piece, f in runs(text, font))


def draw(canvas, x: float, y: float, text: str, font: str, size: float, align: str = "left"):
    """Draw one line of ``text`` at baseline ``y``; ``align`` is left, right or center at ``x``."""
    pieces = runs(text, font)
    total = sum(pdfmetrics.stringWidth(p, f, size) for p, f in pieces)
    if align == "right":
        x -= total
    elif align == "center":
        x -= total / 2
    for piece, f in pieces:
        canvas.setFont(f, size)
        canvas.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, f, size)


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width``; over-long words are split."""
    return wrap_by(text, lambda s: width(s, font, size), max_width)


def wrap_by(text: str, measure, max_width: float) -> list[str]:
    """Greedy word wrap with any ``measure(text) -> width`` (points, pixels or characters).

    Only ordinary spaces break a line: a no-break space (U+00A0) keeps words together.
    """
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in re.split(r"[ \t]+", paragraph.strip(" \t")):
            if not word:
                continue
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= max_width:
                line = candidate
                continue
            if line:
                lines.append(line)
                line = ""
            while measure(word) > max_width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and measure(word[:cut]) > max_width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def ellipsize(text: str, font: str, size: float, max_width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``max_width``."""
    if width(text, font, size) <= max_width:
        return text
    while text and width(text + "…", font, size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"
