"""Windows and dialogs that fit the screen they open on. A 1366x768 laptop at 125% is a
1093x614 desktop: the main window and every dialog open no larger than the screen's available
area (less the window frame), and a remembered geometry that no longer fits is not restored."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

# the title bar and borders, until the window system tells (before the window is shown)
FRAME = QMargins(8, 32, 8, 8)


def available(widget: QWidget | None = None, at: QPoint | None = None) -> QRect:
    """The available area of the screen at ``at``, else the widget's, else the primary one."""
    screen = QGuiApplication.screenAt(at) if at is not None else None
    if screen is None and widget is not None:
        screen = widget.screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def frame_margins(widget: QWidget) -> QMargins:
    """The frame around the widget's client area: the real one once shown, else a guess."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    real = QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                    frame.right() - inner.right(), frame.bottom() - inner.bottom())
    return real if real.top() > FRAME.top() // 2 else FRAME


def fitting(widget: QWidget, width: int, height: int, area: QRect | None = None) -> QSize:
    """(width, height), or less where the screen's available area is smaller."""
    area = area if area is not None else available(widget)
    m = frame_margins(widget)
    return QSize(max(1, min(width, area.width() - m.left() - m.right())),
                 max(1, min(height, area.height() - m.top() - m.bottom())))


def fit_window(widget: QWidget, width: int, height: int, centre: bool = True) -> None:
    """Resize to (width, height) or the available area if smaller; centre on the screen."""
    area = available(widget)
    widget.resize(fitting(widget, width, height, area))
    if centre:
        m = frame_margins(widget)
        w = widget.width() + m.left() + m.right()
        h = widget.height() + m.top() + m.bottom()
        widget.move(area.x() + max(0, (area.width() - w) // 2),
                    area.y() + max(0, (area.height() - h) // 2))


def keep_on_screen(widget: QWidget) -> None:
    """A restored geometry larger than the screen it is on, or off every screen, is shrunk
    to fit and moved inside the available area (a maximised or full-screen one is left as the
    window system placed it)."""
    if widget.isMaximized() or widget.isFullScreen():
        return
    inner = widget.geometry()
    m = frame_margins(widget)
    frame = inner.marginsAdded(m)
    area = available(widget, frame.center())
    if area.contains(frame):
        return
    size = fitting(widget, inner.width(), inner.height(), area)
    w, h = size.width() + m.left() + m.right(), size.height() + m.top() + m.bottom()
    x = min(max(frame.x(), area.x()), area.x() + area.width() - w)
    y = min(max(frame.y(), area.y()), area.y() + area.height() - h)
    if not area.intersects(frame):                   # off every screen: centre it
        x, y = area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2
    widget.setGeometry(x + m.left(), y + m.top(), size.width(), size.height())


class ElidedLabel(QLabel):
    """A one-line label that ends in … when the header is short of room (a long company name
    on a small laptop screen), with the whole text in its tool tip then."""

    def __init__(self, shortest: int = 60) -> None:
        """``shortest``: the width it keeps at least (less only when its text is shorter)."""
        super().__init__()
        self._full = ""
        self._tip = ""
        self.shortest = shortest

    def setText(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self.updateGeometry()     # the hints follow the whole text, not the shown part
        self._elide()

    def text(self) -> str:
        return self._full

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._elide()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(self.sizeHint().width(), self.shortest), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(self._full)
        return QSize(width + hint.width() - self.fontMetrics().horizontalAdvance(
            super().text()), hint.height())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        extra = super().sizeHint().width() - metrics.horizontalAdvance(super().text())
        room = max(0, self.width() - max(0, extra))
        shown = self._full if metrics.horizontalAdvance(self._full) <= room else \
            metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        if shown != super().text():
            super().setText(shown)
        tip = self._tip if shown == self._full else "\n".join(t for t in (self._full,
                                                                          self._tip) if t)
        if tip != super().toolTip():
            super().setToolTip(tip)
