"""The project's yearly cash flow under a financing option: benefit (up), payments to the
financier (down) and the cumulative cash position (line). The report draws the same series
the same way (core.charts.cashflow_series)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.advice.charts import CashflowSeries, nice_ticks
from ..core.assessment.money import WAN
from .style import ACCENT, MUTED

BENEFIT = "#2e7d32"
PAYMENT = "#e07a1f"


class CashflowChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.series: CashflowSeries | None = None
        self.labels = ("", "", "")
        self.unit = ""
        self.setMinimumSize(QSize(420, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_series(self, series: CashflowSeries | None, labels: tuple[str, str, str],
                   unit: str = "") -> None:
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
        values = [float(v / WAN) for v in (*s.benefit, *[-x for x in s.payment], *s.cumulative)]
        step, bottom, top = nice_ticks(min(0.0, *values), max(0.0, *values))
        span = (top - bottom) or 1.0
        left = fm.horizontalAdvance("-00000.0") + 12
        area = QRectF(left, fm.height() + 6, self.width() - left - 10,
                      self.height() - fm.height() - 6 - 2.6 * fm.height())

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
        p.setPen(QPen(QColor(ACCENT), 2))
        points = [QPointF(cx, y(float(v / WAN))) for cx, v in zip(centers, s.cumulative,
                                                                  strict=True)]
        for a, b in zip(points, points[1:], strict=False):
            p.drawLine(a, b)
        p.setBrush(QColor(ACCENT))
        for pt in points:
            p.drawEllipse(pt, 2.5, 2.5)
        # legend
        x = area.left()
        ly = self.height() - fm.height() - 2
        for color, text in ((BENEFIT, self.labels[0]), (PAYMENT, self.labels[1]),
                            (ACCENT, self.labels[2])):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(color))
            p.drawRect(QRectF(x, ly + fm.height() / 2 - 5, 10, 10))
            p.setPen(QColor("#1f2933"))
            p.drawText(QPointF(x + 14, ly + fm.ascent()), text)
            x += 14 + fm.horizontalAdvance(text) + 18
        p.end()

