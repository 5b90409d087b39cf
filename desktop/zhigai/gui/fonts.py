"""The bundled Chinese font, so the interface looks the same on every machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from ..core.base.resources import template_path

FONT_FILE = ("fonts", "wqy-microhei.ttc")
FAMILY = "WenQuanYi Micro Hei"


def install_font(point_size: float = 10.0) -> str | None:
    """Register the bundled font and make it the application default. Returns its family."""
    from PySide6.QtWidgets import QApplication

    path = template_path(*FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = FAMILY if FAMILY in families else (families[0] if families else None)
    if family:
        font = QFont(family)
        font.setPointSizeF(point_size)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        QApplication.setFont(font)
    return family
