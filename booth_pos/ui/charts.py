"""Charts drawn with QPainter (QtCharts is not shipped): the Day page's bars."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from booth_pos.money import format_number


class BarChart(QWidget):
    """A titled vertical bar chart drawn with QPainter.

    Attributes:
        labels: one per bar, under it.
        values: bar heights (integers: rupiah or counts).
    """

    def __init__(self, colour: str, fmt: Callable[[int], str], parent=None):
        super().__init__(parent)
        self.colour = QColor(colour)
        self.fmt = fmt
        self.title = ""
        self.labels: list[str] = []
        self.values: list[int] = []
        self.empty_text = ""
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def set_data(self, title: str, labels: Sequence[str], values: Sequence[int]) -> None:
        self.title, self.labels, self.values = title, list(labels), list(values)
        self.update()

    def paintEvent(self, event):  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        fm = p.fontMetrics()
        p.setPen(self.palette().text().color())
        p.drawText(8, fm.ascent() + 6, self.title)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        p.setFont(small)
        sm = p.fontMetrics()
        top = fm.height() + 14 + sm.height()
        bottom = self.height() - sm.height() - 8
        left, right = 8, self.width() - 8
        if not self.values or max(self.values) <= 0:
            p.setPen(QColor("#7b8794"))
            p.drawText(
                QRectF(left, top, right - left, bottom - top), Qt.AlignCenter, self.empty_text
            )
            return
        p.setPen(QPen(QColor("#cbd2d9"), 1))
        p.drawLine(left, bottom, right, bottom)
        peak = max(self.values)
        slot = (right - left) / len(self.values)
        widest = max((sm.horizontalAdvance(t) for t in self.labels), default=0)
        while widest > slot - 2 and small.pointSizeF() > 6:  # narrow window: smaller labels
            small.setPointSizeF(small.pointSizeF() - 0.5)
            p.setFont(small)
            sm = p.fontMetrics()
            widest = max(sm.horizontalAdvance(t) for t in self.labels)
        bar_w = max(4.0, slot * 0.7)
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            h = (bottom - top) * value / peak
            x = left + i * slot + (slot - bar_w) / 2
            p.fillRect(QRectF(x, bottom - h, bar_w, h), self.colour)
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(left + i * slot, bottom + 2, slot, sm.height()),
                Qt.AlignHCenter | Qt.AlignTop,
                label,
            )
            if value == peak or slot >= sm.horizontalAdvance(self.fmt(value)) + 4:
                text = self.fmt(value)
                p.drawText(
                    QRectF(
                        left + i * slot - 30, bottom - h - sm.height() - 1, slot + 60, sm.height()
                    ),
                    Qt.AlignHCenter | Qt.AlignBottom,
                    text,
                )


def short_number(value: int, lang: str) -> str:
    """Compact axis text: 12,5 jt / 12.5M for millions, else grouped digits."""
    if abs(value) >= 1_000_000:
        tenths = (abs(value) + 50_000) // 100_000
        text = f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"
        if lang == "id":
            return ("-" if value < 0 else "") + text.replace(".", ",") + " jt"
        return ("-" if value < 0 else "") + text + "M"
    return format_number(value, lang)
