"""The scrolling page every tab of an assessment is built on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget


def scroll_page(area: QScrollArea, spacing: int = 10,
                horizontal_scroll: bool = False) -> QVBoxLayout:
    """Give ``area`` a frameless, resizable page and return the page's layout."""
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    if not horizontal_scroll:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inner = QWidget()
    inner.setObjectName("page")
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(16, 12, 16, 16)
    layout.setSpacing(spacing)
    area.setWidget(inner)
    return layout
