"""Build the PDF report: A4, an embedded Chinese font, vector charts, page numbers, a header and
footer with the company, report id and date, and a fingerprint printed as a code and QR code."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from ... import __version__
from .fonts import clean, register
from .layout import MARGIN, WIDTH, Doc, canvas_class
from .model import ReportInput
from .sections_board import section_board
from .sections_credit import section_credit
from .sections_end import section_appendix, section_method, section_signatures
from .sections_firm import (
    profile_value,
    section_cover,
    section_gaps,
    section_profile,
    section_readiness,
    section_summary,
)
from .sections_official import section_official
from .sections_plan import section_financing, section_investment, section_roadmap
from .sections_supports import section_cases, section_supports
from .texts import Words

# ---------------------------------------------------------------------------- build

def build(inp: ReportInput, out: str | Path | BinaryIO,
          progress: Callable[[int, int], None] | None = None) -> int:
    """Write the report; returns the number of pages. ``progress(done, total)`` follows the
    layout of the story (reportlab's progress callback)."""
    register()
    w = Words(inp.lang)
    d = Doc(inp.lang)
    date = profile_value(inp, "assessment_date") or inp.assessment.created_at[:10]
    report_id = inp.fingerprint.report_id(date)
    company = profile_value(inp, "company_name") or "—"
    if not inp.generated:
        inp.generated = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    story: list[Any] = [NextPageTemplate("body")]
    if inp.board:
        return _write(inp, out, progress, story + section_board(inp, d, w, report_id, date),
                      w, company, report_id, date)
    story += section_cover(inp, d, w, report_id, date)
    story += [PageBreak()] + section_credit(inp, d, w)
    story += [PageBreak()] + section_summary(inp, d, w)
    for section in (section_profile, section_readiness, section_official, section_gaps,
                    section_roadmap,
                    section_investment, section_financing, section_supports, section_cases,
                    section_method):
        story += [PageBreak() if section in (section_profile, section_investment)
                  else CondPageBreak(60 * mm)]
        story += section(inp, d, w)
    if inp.include_appendix:
        story += section_appendix(inp, d, w)
    story += section_signatures(inp, d, w)
    return _write(inp, out, progress, story, w, company, report_id, date)


def _write(inp: ReportInput, out: str | Path | BinaryIO,
           progress: Callable[[int, int], None] | None, story: list[Any], w: Words,
           company: str, report_id: str, date: str) -> int:
    title = f"{w('board_title' if inp.board else 'title')} — {company}"
    target: Any = str(out) if isinstance(out, Path) else out
    doc = BaseDocTemplate(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=20 * mm, bottomMargin=20 * mm, title=clean(title),
                          author=clean(inp.assessor or company), subject=clean(
                              f"{report_id} · {inp.instrument.id} {inp.instrument.version}"),
                          keywords=inp.fingerprint.keywords(report_id),
                          creator=f"Zhigai {__version__}", lang="zh-CN" if inp.lang == "zh"
                          else "en")
    frame = Frame(MARGIN, 20 * mm, WIDTH, A4[1] - 40 * mm, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("cover", [frame]), PageTemplate("body", [frame])])
    if progress is not None:
        total = [len(story)]

        def on_progress(kind: str, value: int) -> None:
            if kind == "SIZE_EST":
                total[0] = max(1, value)
            elif kind == "PROGRESS":
                progress(min(value, total[0]), total[0])

        doc.setProgressCallBack(on_progress)
    draft = "" if inp.score.complete else w("draft")
    doc.build(story, canvasmaker=canvas_class((company, report_id, date), w, draft))
    return int(doc.page)


def build_bytes(inp: ReportInput,
                progress: Callable[[int, int], None] | None = None) -> tuple[int, bytes]:
    """The report as bytes, with its page count."""
    buffer = BytesIO()
    pages = build(inp, buffer, progress)
    return pages, buffer.getvalue()
