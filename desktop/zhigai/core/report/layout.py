"""The report's page layout: paragraph styles, tables, and the canvas that numbers the pages
and draws the header and footer with the company, report id and date."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Paragraph, Table, TableStyle

from ..base.prose import labelled, tidy
from . import drawings
from .drawings import ACCENT, ERROR, MUTED
from .fonts import FONT, clean, para
from .texts import Words

LINE = drawings.GRID
OK = drawings.BENEFIT
HEAD_BG = colors.HexColor("#e8eef5")
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
LONG_WORD = re.compile(r"\S{28,}")


# ---------------------------------------------------------------------------- styles

def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.2, leading=13.5)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.8, leading=10.8,
                                textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.2, leading=11.2),
        "cellhead": ParagraphStyle("cellhead", parent=base, fontSize=8.2, leading=11.2,
                                   textColor=colors.HexColor("#1f2933")),
        "title": ParagraphStyle("title", parent=base, fontSize=21, leading=28,
                                textColor=ACCENT, alignment=TA_CENTER, spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=16,
                                   textColor=MUTED, alignment=TA_CENTER),
        # headings never end a page: they move with what follows them
        "h1": ParagraphStyle("h1", parent=base, fontSize=14, leading=20, textColor=ACCENT,
                             spaceBefore=6, spaceAfter=6, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontSize=10.8, leading=15, spaceBefore=6,
                             spaceAfter=3, keepWithNext=1),
        # a heading over a long table that may start on this page (a CondPageBreak before it
        # keeps it off the foot of a page)
        "h2loose": ParagraphStyle("h2loose", parent=base, fontSize=10.8, leading=15,
                                  spaceBefore=6, spaceAfter=3),
        "big": ParagraphStyle("big", parent=base, fontSize=15, leading=20, textColor=ACCENT),
        "warn": ParagraphStyle("warn", parent=base, textColor=ERROR),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


class Doc:
    """Paragraph helpers that pick CJK line breaking where the text needs it."""

    def __init__(self, lang: str):
        self.s = styles()
        self.lang = lang
        self._cjk: dict[str, ParagraphStyle] = {}

    def label(self, name: str, value: str) -> str:
        """``name: value`` with the colon of the language."""
        return labelled(name, value, self.lang)

    def p(self, text: object, style: str = "base", markup: bool = False) -> Paragraph:
        raw = tidy(str(text), self.lang)  # the punctuation rules, once for every paragraph
        body = raw if markup else para(raw)
        st = self.s[style]
        if self.lang == "zh" or CJK.search(raw) or LONG_WORD.search(raw):
            st = self._cjk.setdefault(style, ParagraphStyle(f"{style}-cjk", parent=st,
                                                            wordWrap="CJK"))
        return Paragraph(body, st)


def make_table(rows: list[list[Any]], widths: list[float], head: bool = True,
           zebra: bool = True, align_right: tuple[int, ...] = (),
           shaded_rows: tuple[int, ...] = ()) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if head else 0, hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8.2),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("GRID", (0, 0), (-1, -1), 0.4, LINE),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if head:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    if zebra:
        for r in range(2 if head else 1, len(rows), 2):
            style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f7f9fb")))
    for r in shaded_rows:  # a row that stands out (the owner's own project)
        style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#e6f0fa")))
    for c in align_right:
        style.append(("ALIGN", (c, 0), (c, -1), "RIGHT"))
        for row in rows:  # figures line up on the right, as accountants expect
            if isinstance(row[c], Paragraph):
                row[c].style = right_aligned(row[c].style)
    table.setStyle(TableStyle(style))
    return table


_RIGHT: dict[str, ParagraphStyle] = {}


def right_aligned(style: ParagraphStyle) -> ParagraphStyle:
    if style.name not in _RIGHT:
        _RIGHT[style.name] = ParagraphStyle(f"{style.name}-right", parent=style,
                                            alignment=TA_RIGHT)
    return _RIGHT[style.name]


# ---------------------------------------------------------------------------- pages

class NumberedCanvas(pdfcanvas.Canvas):  # type: ignore[misc]
    """Draws the header and 'page x of y' footer once the page count is known."""

    header: tuple[str, str, str] = ("", "", "")
    page_words: Any = None
    draft: str = ""  # set for an unfinished assessment: marked on every page

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("initialFontName", FONT)  # no unembedded Helvetica in the file
        kwargs.setdefault("initialFontSize", 9)
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self._decorate(total)
            if self.draft:
                self._mark_draft()
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        company, report_id, date = self.header
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        top = A4[1] - 11 * mm
        right = f"{report_id} · {date}"
        self.drawRightString(A4[0] - MARGIN, top, right)
        room = WIDTH - stringWidth(right, FONT, 7.5) - 8 * mm
        self.drawString(MARGIN, top, fit_text(clean(company), room, 7.5))
        self.setStrokeColor(LINE)
        self.setLineWidth(0.4)
        self.line(MARGIN, top - 3, A4[0] - MARGIN, top - 3)
        self.line(MARGIN, 14 * mm, A4[0] - MARGIN, 14 * mm)
        words = self.page_words
        text = words("page", n=self._pageNumber, total=total) if words else str(
            self._pageNumber)
        self.drawCentredString(A4[0] / 2, 10 * mm, clean(text))
        self.restoreState()


    def _mark_draft(self) -> None:
        """A pale diagonal word across the page and a line at its foot."""
        self.saveState()
        self.setFillColorRGB(0.85, 0.2, 0.2, alpha=0.12)
        self.setFont(FONT, 64)
        self.translate(A4[0] / 2, A4[1] / 2)
        self.rotate(35)
        self.drawCentredString(0, 0, clean(self.draft))
        self.restoreState()
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColorRGB(0.75, 0.1, 0.1)
        self.drawString(MARGIN, 10 * mm, clean(self.draft))
        self.restoreState()


def fit_text(text: str, room: float, size: float) -> str:
    """``text`` shortened with an ellipsis to fit ``room`` points."""
    if stringWidth(text, FONT, size) <= room:
        return text
    while text and stringWidth(text + "…", FONT, size) > room:
        text = text[:-1]
    return text + "…"


def canvas_class(header: tuple[str, str, str], words: Words,
                 draft: str = "") -> type[NumberedCanvas]:
    return type("ReportCanvas", (NumberedCanvas,),
                {"header": header, "page_words": words, "draft": draft})
