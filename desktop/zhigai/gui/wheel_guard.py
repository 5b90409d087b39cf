"""Combo and spin boxes that the mouse wheel does not change by accident: scrolling a page over
an unfocused box scrolls the page; the wheel changes the box only once it has the focus (a
click or Tab)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) \
                and not watched.hasFocus():
            # not handled here: Qt offers the ignored event to the parents (the scroll area)
            event.ignore()
            return True
        return False


_GUARD: _WheelGuard | None = None


def guard_wheel(*widgets: QWidget) -> None:
    """Let the wheel change each widget only while it has the keyboard focus."""
    global _GUARD
    if _GUARD is None:
        _GUARD = _WheelGuard()
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_GUARD)
