"""Vector charts for the report (reportlab.graphics), drawn from the same series and in the
same way as the screen's charts (gui/radar.py, gui/cashflow_chart.py)."""

from __future__ import annotations

import math
from decimal import Decimal

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from ..advice.charts import CashflowSeries, nice_ticks
from ..assessment.money import WAN
from .fonts import FONT, clean

ACCENT = colors.HexColor("#2f6fb2")
MUTED = colors.HexColor("#5f6b76")
GRID = colors.HexColor("#c9d1d9")
BENEFIT = colors.HexColor("#2e7d32")
PAYMENT = colors.HexColor("#e07a1f")
ERROR = colors.HexColor("#b3261e")
INK = colors.HexColor("#1f2933")


def _text(x: float, y: float, text: str, size: float = 7.5, color: colors.Color = INK,
          anchor: str = "start") -> String:
    return String(x, y, clean(text), fontName=FONT, fontSize=size, fillColor=color,
                  textAnchor=anchor)


def radar(labels: list[str], values: list[float | None],
          previous: list[float | None] | None = None, width: float = 250,
          height: float = 210) -> Drawing:
    d = Drawing(width, height)
    n = len(labels)
    if n < 3:
        return d
    cx, cy = width / 2, height / 2 - 2
    radius = min(width / 2 - 62, height / 2 - 20)

    def point(i: int, level: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * i / n
        r = radius * max(0.0, min(4.0, level)) / 4.0
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for ring in range(1, 5):
        pts = [c for i in range(n) for c in point(i, ring)]
        d.add(Polygon(pts, strokeColor=GRID, fillColor=None, strokeWidth=0.5))
    for i in range(n):
        x, y = point(i, 4)
        d.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.5))
    for ring in range(1, 5):
        (ax, ay), (bx, by) = point(0, ring), point(1, ring)
        d.add(_text((ax + bx) / 2 + 2, (ay + by) / 2, str(ring), 6, MUTED))
    if previous:
        pts = [c for i, v in enumerate(previous) for c in point(i, v or 0.0)]
        d.add(Polygon(pts, strokeColor=MUTED, fillColor=None, strokeWidth=0.8,
                      strokeDashArray=[2, 2]))
    pts = [c for i, v in enumerate(values) for c in point(i, v or 0.0)]
    fill = colors.Color(ACCENT.red, ACCENT.green, ACCENT.blue, alpha=0.25)
    d.add(Polygon(pts, strokeColor=ACCENT, fillColor=fill, strokeWidth=1.2))
    for i, v in enumerate(values):
        if v is not None:
            x, y = point(i, v)
            d.add(Circle(x, y, 1.6, fillColor=ACCENT, strokeColor=None))
    for i, label in enumerate(labels):
        x, y = point(i, 4.35)
        value = values[i]
        text = f"{label} {'—' if value is None else f'{value:.1f}'}"
        anchor = "middle" if abs(x - cx) < 4 else ("end" if x < cx else "start")
        d.add(_text(x, y - 3, text, 7, INK, anchor))
    return d


def hbars(labels: list[str], values: list[float], width: float = 460, unit: str = "",
          max_value: float | None = None, color: colors.Color = ACCENT) -> Drawing:
    """Horizontal bars, largest first as given."""
    row = 15
    label_w = 120
    height = row * len(labels) + 8
    d = Drawing(width, height)
    top = max_value or max(values + [0.1])
    usable = width - label_w - 40
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = height - (i + 1) * row
        d.add(_text(label_w - 4, y + 4, label, 7.5, INK, "end"))
        length = usable * max(0.0, value) / top if top else 0
        d.add(Rect(label_w, y + 1, length, row - 5, fillColor=color, strokeColor=None))
        d.add(_text(label_w + length + 3, y + 4, f"{value:.2f}{unit}", 7, MUTED))
    return d


def cashflow(series: CashflowSeries, width: float = 460, height: float = 170) -> Drawing:
    d = Drawing(width, height)
    position = series.position if series.owed else ()
    values = [float(v / WAN) for v in (*series.benefit, *[-x for x in series.payment],
                                        *series.cumulative, *position)]
    step, bottom, top = nice_ticks(min(0.0, *values), max(0.0, *values))
    span = (top - bottom) or 1.0
    left, right, low, high = 46, width - 6, 16, height - 8

    def y(value: float) -> float:
        return low + (value - bottom) / span * (high - low)

    ticks = int(round(span / step))
    for n in range(ticks + 1):
        value = bottom + step * n
        d.add(Line(left, y(value), right, y(value), strokeColor=GRID, strokeWidth=0.4))
        d.add(_text(left - 4, y(value) - 2.5, f"{value:,.0f}", 6.5, MUTED, "end"))
    d.add(Line(left, y(0), right, y(0), strokeColor=MUTED, strokeWidth=0.6))
    n = len(series.years)
    slot = (right - left) / n
    bar = slot * 0.32
    points = []
    for i, year in enumerate(series.years):
        cx = left + slot * (i + 0.5)
        benefit = float(series.benefit[i] / WAN)
        payment = float(series.payment[i] / WAN)
        if benefit:
            d.add(Rect(cx - bar, min(y(0), y(benefit)), bar, abs(y(benefit) - y(0)),
                       fillColor=BENEFIT, strokeColor=None))
        if payment:
            d.add(Rect(cx, y(-payment), bar, abs(y(0) - y(-payment)), fillColor=PAYMENT,
                       strokeColor=None))
        d.add(_text(cx, 4, str(year), 6.5, MUTED, "middle"))
        points.extend([cx, y(float(series.cumulative[i] / WAN))])
    if any(series.owed):  # the net position: cumulative cash less what is still owed
        net: list[float] = []
        for i, owed_value in enumerate(position):
            net.extend([left + slot * (i + 0.5), y(float(owed_value / WAN))])
        d.add(PolyLine(net, strokeColor=MUTED, strokeWidth=1.0, strokeDashArray=[3, 2]))
    d.add(PolyLine(points, strokeColor=ACCENT, strokeWidth=1.2))
    for i in range(0, len(points), 2):
        d.add(Circle(points[i], points[i + 1], 1.5, fillColor=ACCENT, strokeColor=None))
    return d


def dscr(years: list[int], values: list[Decimal | None], threshold: float,
         width: float = 460, height: float = 110) -> Drawing:
    d = Drawing(width, height)
    numbers = [float(v) for v in values if v is not None]
    top = max([threshold * 1.5, *numbers]) if numbers else threshold * 1.5
    step, _low, top = nice_ticks(0.0, top, 4)
    left, right, low, high = 30, width - 6, 14, height - 6

    def y(value: float) -> float:
        return low + value / top * (high - low)

    for k in range(int(round(top / step)) + 1):
        value = step * k
        d.add(Line(left, y(value), right, y(value), strokeColor=GRID, strokeWidth=0.4))
        d.add(_text(left - 3, y(value) - 2.5, f"{value:g}", 6.5, MUTED, "end"))
    slot = (right - left) / max(1, len(years))
    for i, (year, dscr) in enumerate(zip(years, values, strict=True)):
        cx = left + slot * (i + 0.5)
        if dscr is not None:
            color = BENEFIT if float(dscr) >= threshold else ERROR
            d.add(Rect(cx - slot * 0.25, low, slot * 0.5, y(float(dscr)) - low,
                       fillColor=color, strokeColor=None))
            d.add(_text(cx, y(float(dscr)) + 2, f"{dscr}", 6.5, INK, "middle"))
        d.add(_text(cx, 3, str(year), 6.5, MUTED, "middle"))
    d.add(Line(left, y(threshold), right, y(threshold), strokeColor=ERROR, strokeWidth=0.8,
               strokeDashArray=[3, 2]))
    return d


def qr(payload: str, size: float = 78) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    w, h = x2 - x1, y2 - y1
    d = Drawing(size, size, transform=[size / w, 0, 0, size / h, 0, 0])
    d.add(widget)
    return d
