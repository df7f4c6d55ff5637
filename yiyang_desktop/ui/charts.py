"""Two small charts drawn with QPainter (no QtCharts needed): month lines of ratios, and bars of counts."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..domain.figures import percent_text

COLOURS = ("#2f6fbf", "#d9822b", "#3c9d5d", "#8e44ad")


class _Chart(QWidget):
    right_margin, bottom_margin = 30, 44

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def _frame(self, p: QPainter) -> QRectF:
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        p.setPen(QColor("#d0d7de"))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        f = QFont(self.font())
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor("#1f2328"))
        p.drawText(QRectF(10, 6, self.width() - 20, 20), Qt.AlignLeft | Qt.AlignVCenter, self.title)
        p.setFont(self.font())
        return QRectF(44, 34, self.width() - 44 - self.right_margin, self.height() - 34 - self.bottom_margin)


class LineChart(_Chart):
    """Ratios (0–1) per month: one line per series, a dashed target line, the last value printed (written by the one
    percentage formatter, from the exact ratio when given a Fraction)."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.labels: list[str] = []
        self.series: list[tuple[str, list[float | None]]] = []
        self.target: tuple[str, float] | None = None

    def set_data(self, labels: list[str], series: list[tuple[str, list[float | None]]],
                 target: tuple[str, float] | None = None) -> None:
        self.labels, self.series, self.target = labels, series, target
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        area = self._frame(p)
        n = len(self.labels)
        p.setPen(QColor("#8c959f"))
        for frac in (0, 0.25, 0.5, 0.75, 1):  # y grid in percent
            y = area.bottom() - frac * area.height()
            p.setPen(QPen(QColor("#eaeef2"), 1))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(QColor("#57606a"))
            p.drawText(QRectF(0, y - 8, area.left() - 4, 16), Qt.AlignRight | Qt.AlignVCenter, f"{int(frac * 100)}%")
        if n == 0:
            p.end()
            return
        step = area.width() / max(n - 1, 1)
        for i, label in enumerate(self.labels):
            if n <= 12 or i % 2 == 0:
                x = area.left() + i * step
                p.drawText(QRectF(x - 24, area.bottom() + 2, 48, 16), Qt.AlignHCenter, label)
        if self.target is not None:
            y = area.bottom() - float(self.target[1]) * area.height()
            p.setPen(QPen(QColor("#c0392b"), 1, Qt.DashLine))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        legend_x = area.left()
        for k, (name, values) in enumerate(self.series):
            colour = QColor(COLOURS[k % len(COLOURS)])
            p.setPen(QPen(colour, 2))
            prev = None
            for i, v in enumerate(values):
                if v is None:
                    prev = None
                    continue
                pt = QPointF(area.left() + i * step, area.bottom() - max(0.0, min(1.0, float(v))) * area.height())
                if prev is not None:
                    p.drawLine(prev, pt)
                p.drawEllipse(pt, 2.5, 2.5)
                prev = pt
            last = next((v for v in reversed(values) if v is not None), None)
            text = f"{name} {percent_text(last)}" if last is not None else name
            p.drawLine(QPointF(legend_x, self.height() - 12), QPointF(legend_x + 16, self.height() - 12))
            p.setPen(QColor("#1f2328"))
            width = p.fontMetrics().horizontalAdvance(text)
            p.drawText(QPointF(legend_x + 20, self.height() - 8), text)
            legend_x += width + 40
        if self.target is not None:
            p.setPen(QPen(QColor("#c0392b"), 1, Qt.DashLine))
            p.drawLine(QPointF(legend_x, self.height() - 12), QPointF(legend_x + 16, self.height() - 12))
            p.setPen(QColor("#1f2328"))
            p.drawText(QPointF(legend_x + 20, self.height() - 8), f"{self.target[0]} {percent_text(self.target[1])}")
        p.end()


class BarChart(_Chart):
    """Counts by category, one bar each with its number on top."""

    right_margin, bottom_margin = 14, 50

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.items: list[tuple[str, int]] = []

    def set_data(self, items: list[tuple[str, int]]) -> None:
        self.items = list(items)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        area = self._frame(p)
        if not self.items:
            p.drawText(area, Qt.AlignCenter, self.tr("暂无数据"))
            p.end()
            return
        top = max(n for _l, n in self.items) or 1
        slot = area.width() / len(self.items)
        bar = min(slot * 0.6, 48)
        for i, (label, n) in enumerate(self.items):
            h = n / top * (area.height() - 16)
            x = area.left() + i * slot + (slot - bar) / 2
            p.fillRect(QRectF(x, area.bottom() - h, bar, h), QColor(COLOURS[0]))
            p.setPen(QColor("#1f2328"))
            p.drawText(QRectF(x - 10, area.bottom() - h - 16, bar + 20, 16), Qt.AlignHCenter, str(n))
            p.setPen(QColor("#57606a"))
            wrap = Qt.TextWordWrap if " " in label else Qt.TextWrapAnywhere  # English wraps between words
            p.drawText(QRectF(area.left() + i * slot + 2, area.bottom() + 2, slot - 4, 48), Qt.AlignHCenter | wrap,
                       label)
        p.end()
