"""Small shared helpers for pages and dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from booth_pos.model import KnownError
from booth_pos.money import format_number


def error_text(exc: Exception, lang: str) -> str:
    """The person-facing text of a known error in the window's language."""
    return exc.text(lang) if isinstance(exc, KnownError) else str(exc)


def count_text(n: int, one: str, many: str, lang: str) -> str:
    """ "1 item" or "2 items": ``one`` or ``many`` for ``n``, with ``%1`` the number.

    Both texts come translated (``self.tr("%1 item")``, ``self.tr("%1 items")``): English
    has a singular, Indonesian does not ("1 barang", "2 barang"), so its two translations
    are the same. Simpler than Qt's ``%n`` numerus forms, which would need an English .qm.
    """
    return (one if n == 1 else many).replace("%1", format_number(n, lang))


SHORT_RED = "#c62828"
OVER_GREEN = "#1b5e20"


def difference_style(difference: int | None) -> str:
    """Red when the drawer is short, green when it balances or is over."""
    if difference is None:
        return ""
    return f"color: {SHORT_RED if difference < 0 else OVER_GREEN}; font-weight: bold;"


def message_label(name: str) -> QLabel:
    """A one-line feedback label that pages colour by severity (see ``set_message``)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setMinimumHeight(28)
    label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)  # never eats page space
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


_STYLES = {
    "ok": "color: #1b5e20; background: #e8f5e9;",
    "warn": "color: #7a4f01; background: #fff4d6;",
    "error": "color: #ffffff; background: #c62828; font-weight: bold;",
    "": "",
}


def set_message(label: QLabel, text: str, level: str = "ok") -> None:
    label.setText(text)
    style = (_STYLES[level] + " padding: 4px 8px; border-radius: 4px;") if text else ""
    if label.property("level") != level or label.styleSheet() != style:
        # Re-styling costs a re-polish; a run of good scans keeps the same style.
        label.setProperty("level", level)
        label.setStyleSheet(style)


class FitLabel(QLabel):
    """A big label that shrinks its font so the whole amount always fits its width."""

    def __init__(self, max_pt: int = 40, min_pt: int = 14, parent=None):
        super().__init__(parent)
        self.max_pt = max_pt
        self.min_pt = min_pt

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self._fit()

    def resizeEvent(self, event):  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        from PySide6.QtGui import QFontMetrics

        font = self.font()
        width = max(50, self.contentsRect().width() - 4)
        for pt in range(self.max_pt, self.min_pt - 1, -2):
            font.setPointSize(pt)
            if QFontMetrics(font).horizontalAdvance(self.text()) <= width:
                break
        if font.pointSize() != self.font().pointSize():
            self.setFont(font)
