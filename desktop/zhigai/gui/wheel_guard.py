"""Combo boxes, spin boxes (date and number fields) and sliders that the mouse wheel does not
change by accident: scrolling a page over an unfocused box scrolls the page; the wheel changes
the box only once it has the focus (a click or Tab). :func:`install_wheel_guard` does this for
the whole application (every such widget, also those made later), :func:`guard_wheel` for a
few widgets of their own (a widget tried without the application)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QSlider,
    QWidget,
)

# the widgets whose value the wheel changes (not scroll bars: they scroll)
BOXES = (QComboBox, QAbstractSpinBox, QSlider)


def box_of(widget: QObject) -> QWidget | None:
    """The box a wheel over ``widget`` would change: the box itself or the box of its inner
    line edit; None for everything else (a window is never part of a box)."""
    if isinstance(widget, BOXES):
        return widget
    if isinstance(widget, QWidget) and not widget.isWindow():
        parent = widget.parentWidget()
        if isinstance(parent, BOXES):
            return parent
    return None


def _has_focus(box: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is box or box.isAncestorOf(focus))


def scroll_instead(box: QWidget, event: QWheelEvent) -> None:
    """Give the wheel to the nearest scroll area around ``box`` that can still scroll."""
    widget = box.parentWidget()
    while widget is not None:
        if isinstance(widget, QAbstractScrollArea):
            copy = event.clone()
            copy.setAccepted(False)
            QApplication.sendEvent(widget.viewport(), copy)
            if copy.isAccepted():
                return
        if widget.isWindow():
            return
        widget = widget.parentWidget()


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            box = box_of(watched)
            if box is None or _has_focus(box):
                return False
            assert isinstance(event, QWheelEvent)
            scroll_instead(box, event)
            event.accept()  # handled: not offered to the box (nor again to the page)
            return True
        if kind == QEvent.Type.Polish and isinstance(watched, BOXES) \
                and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # a wheel never gives them the focus (and so the next wheel a value)
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


_GUARD: _WheelGuard | None = None


def _guard() -> _WheelGuard:
    global _GUARD
    if _GUARD is None:
        _GUARD = _WheelGuard()
    return _GUARD


def install_wheel_guard(app: QCoreApplication) -> None:
    """Guard every combo box, spin box and slider of the application (once per application,
    before the first window is made: their focus policy is set as they are polished)."""
    guard = _guard()
    if app.property("zhigaiWheelGuard"):
        return
    app.installEventFilter(guard)
    app.setProperty("zhigaiWheelGuard", True)


def guard_wheel(*widgets: QWidget) -> None:
    """Let the wheel change each widget only while it has the keyboard focus (the whole
    application is guarded by :func:`install_wheel_guard`; this is for widgets used without
    it)."""
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_guard())
