"""The embedded Chinese font and safe text for it.

WenQuanYi Micro Hei (bundled under templates/fonts with its Apache-2.0 licence) has TrueType
outlines, good Latin and CJK; reportlab embeds it as a subset, so a report prints the same on a
machine without Chinese fonts and its text can be searched and copied. Characters the font
lacks (emoji, rare ideographs outside its set) are replaced by a visible mark instead of
printing as nothing or breaking the layout.
"""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from ..base.resources import template_path

FONT = "ZhigaiSans"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
MISSING = "□"


@lru_cache(maxsize=1)
def register() -> frozenset[int]:
    """Register the font (once per process); returns the code points it can draw."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(FONT, str(template_path(*FONT_FILE)), subfontIndex=0)
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)  # one face: no fake bold or italic
    # charts start from reportlab's default font; make it ours so that no unembedded
    # standard font (Helvetica) ends up in the file
    from reportlab import rl_config
    from reportlab.graphics import shapes
    from reportlab.platypus.tables import CellStyle

    shapes.STATE_DEFAULTS["fontName"] = FONT
    rl_config.canvas_basefontname = FONT
    CellStyle.fontname = FONT  # table cells (even empty ones) set a font
    return frozenset(font.face.charToGlyph)


def clean(text: object) -> str:
    """Plain text safe for the font: unsupported characters replaced, controls dropped."""
    covered = register()
    out = []
    for ch in str(text):
        code = ord(ch)
        if ch in "\n\t":
            out.append(" " if ch == "\t" else ch)
        elif code < 32 or 0xFE00 <= code <= 0xFE0F or code == 0x200D:
            continue  # control characters, emoji variation selectors, zero-width joiners
        elif code in covered:
            out.append(ch)
        else:
            out.append(MISSING if MISSING and ord(MISSING) in covered else "?")
    return "".join(out)


def para(text: object) -> str:
    """Text for a reportlab Paragraph: cleaned, XML-escaped, line breaks kept."""
    return escape(clean(text)).replace("\n", "<br/>")
