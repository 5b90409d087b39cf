"""The project's yearly cash flow under a financing option: benefit (up), payments to the
financier (down), the cumulative cash position (line) and what is still owed to the financier
(dashed line). The report draws the same series the same way (core.charts.cashflow_series)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.advice.charts import CashflowSeries, nice_ticks
from ..core.assessment.money import WAN
from .style import ACCENT, MUTED

BENEFIT = "#2e7d32"
PAYMENT = "#e07a1f"
OWED = "#8e3b46"


class CashflowChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.series: CashflowSeries | None = None
        self.labels: tuple[str, ...] = ("", "", "", "")
        self.unit = ""
        self.setMinimumSize(QSize(420, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_series(self, series: CashflowSeries | None, labels: tuple[str, ...],
                   unit: str = "") -> None:
        """``labels``: benefit, payments, cumulative cash and (drawn when given) still owed."""
        self.series, self.labels, self.unit = series, labels, unit
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 280)

    def paintEvent(self, _event: object) -> None:
        s = self.series
        if s is None or not s.years:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        owed = s.owed if len(self.labels) > 3 and any(s.owed) else ()
        values = [float(v / WAN) for v in (*s.benefit, *[-x for x in s.payment], *s.cumulative,
                                           *owed)]
        step, bottom, top = nice_ticks(min(0.0, *values), max(0.0, *values))
        span = (top - bottom) or 1.0
        left = fm.horizontalAdvance("-00000.0") + 12
        legend = [(BENEFIT, self.labels[0], "box"), (PAYMENT, self.labels[1], "box"),
                  (ACCENT, self.labels[2], "line")]
        if owed:
            legend.append((OWED, self.labels[3], "dash"))
        rows = self._legend_rows(legend, fm, left)
        area = QRectF(left, fm.height() + 6, self.width() - left - 10,
                      self.height() - fm.height() - 6 - (1.4 + 1.2 * len(rows)) * fm.height())

        def y(value: Decimal | float) -> float:
            return area.bottom() - (float(value) - bottom) / span * area.height()

        p.setPen(QColor(MUTED))
        p.drawText(QPointF(2, fm.ascent()), self.unit)
        p.setPen(QPen(QColor("#d5dbe1"), 1))
        ticks = int(round(span / step))
        for n in range(ticks + 1):
            value = bottom + step * n
            p.drawLine(QPointF(area.left(), y(value)), QPointF(area.right(), y(value)))
            p.setPen(QColor(MUTED))
            p.drawText(QRectF(0, y(value) - fm.height() / 2, left - 6, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       f"{value:,.0f}")
            p.setPen(QPen(QColor("#d5dbe1"), 1))
        p.setPen(QPen(QColor("#8a959f"), 1))
        p.drawLine(QPointF(area.left(), y(0)), QPointF(area.right(), y(0)))
        n = len(s.years)
        slot = area.width() / n
        bar = slot * 0.32
        centers = []
        for i, year in enumerate(s.years):
            cx = area.left() + slot * (i + 0.5)
            centers.append(cx)
            benefit = float(s.benefit[i] / WAN)
            payment = float(s.payment[i] / WAN)
            p.setPen(Qt.PenStyle.NoPen)
            if benefit:
                p.setBrush(QColor(BENEFIT))
                p.drawRect(QRectF(cx - bar, min(y(0), y(benefit)), bar,
                                  abs(y(benefit) - y(0))))
            if payment:
                p.setBrush(QColor(PAYMENT))
                p.drawRect(QRectF(cx, y(0), bar, abs(y(-payment) - y(0))))
            p.setPen(QColor(MUTED))
            p.drawText(QRectF(cx - slot / 2, area.bottom() + 2, slot, fm.height()),
                       int(Qt.AlignmentFlag.AlignCenter), str(year))
        self._line(p, centers, s.cumulative, y, QPen(QColor(ACCENT), 2), dots=True)
        if owed:
            pen = QPen(QColor(OWED), 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            self._line(p, centers, owed, y, pen, dots=False)
        # legend, wrapped onto as many lines as the width needs
        ly = self.height() - len(rows) * 1.2 * fm.height() - 2
        for row in rows:
            x = area.left()
            for color, text, kind in row:
                mid = ly + fm.height() / 2
                if kind == "box":
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(QColor(color))
                    p.drawRect(QRectF(x, mid - 5, 10, 10))
                else:
                    pen = QPen(QColor(color), 2)
                    if kind == "dash":
                        pen.setStyle(Qt.PenStyle.DashLine)
                    p.setPen(pen)
                    p.drawLine(QPointF(x - 2, mid), QPointF(x + 12, mid))
                p.setPen(QColor("#1f2933"))
                p.drawText(QPointF(x + 16, ly + fm.ascent()), text)
                x += 16 + fm.horizontalAdvance(text) + 18
            ly += 1.2 * fm.height()
        p.end()

    def _legend_rows(self, entries: list[tuple[str, str, str]], fm: QFontMetrics,
                     left: float) -> list[list[tuple[str, str, str]]]:
        rows: list[list[tuple[str, str, str]]] = [[]]
        x = left
        for entry in entries:
            width = 16 + fm.horizontalAdvance(entry[1]) + 18
            if rows[-1] and x + width > self.width():
                rows.append([])
                x = left
            rows[-1].append(entry)
            x += width
        return rows

    @staticmethod
    def _line(p: QPainter, centers: list[float], values: tuple[Decimal, ...],
              y: Callable[[float], float], pen: QPen, dots: bool) -> None:
        p.setPen(pen)
        points = [QPointF(cx, y(float(v / WAN))) for cx, v in zip(centers, values, strict=True)]
        for a, b in zip(points, points[1:], strict=False):
            p.drawLine(a, b)
        if dots:
            p.setBrush(pen.color())
            for pt in points:
                p.drawEllipse(pt, 2.5, 2.5)

