"""A radar chart of dimension levels 0-4 (the current assessment, and the previous one dashed).
The report draws the same data the same way with reportlab."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from .style import ACCENT, MUTED


class RadarChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.previous: list[float | None] | None = None
        self.setMinimumSize(QSize(320, 300))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: list[str], values: list[float | None],
                 previous: list[float | None] | None = None) -> None:
        self.labels, self.values, self.previous = labels, values, previous
        self.setAccessibleDescription("; ".join(
            f"{name} {'—' if v is None else f'{v:.2f}'}" for name, v in zip(labels, values,
                                                                             strict=True)))
        self.update()

    def _label(self, i: int) -> str:
        value = self.values[i] if i < len(self.values) else None
        return f"{self.labels[i]} {'—' if value is None else f'{value:.1f}'}"

    def sizeHint(self) -> QSize:
        return QSize(420, 380)

    def paintEvent(self, _event: object) -> None:
        n = len(self.labels)
        if n < 3:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = p.fontMetrics()
        texts = [self._label(i) for i in range(n)]
        margin = max(metrics.horizontalAdvance(t) for t in texts) + 14
        radius = max(40.0, min(self.width() / 2 - margin,
                               self.height() / 2 - 2.2 * metrics.height()))
        center = QPointF(self.width() / 2, self.height() / 2)

        def point(i: int, level: float) -> QPointF:
            angle = -math.pi / 2 + 2 * math.pi * i / n
            r = radius * max(0.0, min(4.0, level)) / 4.0
            return QPointF(center.x() + r * math.cos(angle), center.y() + r * math.sin(angle))

        grid = QPen(QColor("#c9d1d9"), 1)
        p.setPen(grid)
        for ring in range(1, 5):
            p.drawPolygon(QPolygonF([point(i, ring) for i in range(n)]))
        for i in range(n):
            p.drawLine(center, point(i, 4))
        p.setPen(QColor(MUTED))
        for ring in range(1, 5):  # ring numbers between the first two axes
            a, b = point(0, ring), point(1, ring)
            p.drawText(QPointF((a.x() + b.x()) / 2 - 3, (a.y() + b.y()) / 2 + 4), str(ring))
        if self.previous:
            pen = QPen(QColor("#8a959f"), 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(QPolygonF([point(i, v or 0.0) for i, v in enumerate(self.previous)]))
        color = QColor(ACCENT)
        fill = QColor(color)
        fill.setAlpha(70)
        p.setPen(QPen(color, 2))
        p.setBrush(fill)
        p.drawPolygon(QPolygonF([point(i, v or 0.0) for i, v in enumerate(self.values)]))
        p.setBrush(color)
        for i, v in enumerate(self.values):
            if v is not None:
                p.drawEllipse(point(i, v), 3, 3)
        p.setPen(QColor("#1f2933"))
        for i, text in enumerate(texts):
            anchor = point(i, 4.3)
            width = metrics.horizontalAdvance(text)
            rect = QRectF(anchor.x() - width / 2, anchor.y() - metrics.height() / 2, width,
                          metrics.height())
            if anchor.x() < center.x() - 5:
                rect.moveRight(anchor.x() - 4)
            elif anchor.x() > center.x() + 5:
                rect.moveLeft(anchor.x() + 4)
            elif anchor.y() < center.y():
                rect.moveBottom(anchor.y())
            else:
                rect.moveTop(anchor.y())
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        p.end()
