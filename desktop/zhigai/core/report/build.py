"""Build the PDF report: A4, an embedded Chinese font, vector charts, page numbers, a header and
footer with the company, report id and date, and a fingerprint printed as a code and QR code."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ... import __version__
from ..advice_models import CATEGORY_NAMES
from ..advisor import HORIZONS, percent
from ..assessment import corrected
from ..charts import cashflow_series
from ..explain import gap_reasons, index_rule, next_step_text, pain_labels, weakest_rule
from ..money import fmt
from . import drawings
from .drawings import ACCENT, ERROR, MUTED
from .fonts import FONT, clean, para, register
from .model import ReportInput
from .texts import Words, report_cases

LINE = drawings.GRID
OK = drawings.BENEFIT
HEAD_BG = colors.HexColor("#e8eef5")
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
LONG_WORD = re.compile(r"\S{28,}")


# ---------------------------------------------------------------------------- styles

def _styles() -> dict[str, ParagraphStyle]:
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
        "big": ParagraphStyle("big", parent=base, fontSize=15, leading=20, textColor=ACCENT),
        "warn": ParagraphStyle("warn", parent=base, textColor=ERROR),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


class _Doc:
    """Paragraph helpers that pick CJK line breaking where the text needs it."""

    def __init__(self, lang: str):
        self.s = _styles()
        self.lang = lang
        self._cjk: dict[str, ParagraphStyle] = {}

    def label(self, name: str, value: str) -> str:
        """``name: value`` with the colon of the language."""
        return f"{name}：{value}" if self.lang == "zh" else f"{name}: {value}"

    def p(self, text: object, style: str = "base", markup: bool = False) -> Paragraph:
        raw = str(text)
        body = raw if markup else para(raw)
        st = self.s[style]
        if self.lang == "zh" or CJK.search(raw) or LONG_WORD.search(raw):
            st = self._cjk.setdefault(style, ParagraphStyle(f"{style}-cjk", parent=st,
                                                            wordWrap="CJK"))
        return Paragraph(body, st)


def _table(rows: list[list[Any]], widths: list[float], head: bool = True,
           zebra: bool = True, align_right: tuple[int, ...] = ()) -> Table:
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
    for c in align_right:
        style.append(("ALIGN", (c, 0), (c, -1), "RIGHT"))
        for row in rows:  # figures line up on the right, as accountants expect
            if isinstance(row[c], Paragraph):
                row[c].style = _right(row[c].style)
    table.setStyle(TableStyle(style))
    return table


_RIGHT: dict[str, ParagraphStyle] = {}


def _right(style: ParagraphStyle) -> ParagraphStyle:
    if style.name not in _RIGHT:
        _RIGHT[style.name] = ParagraphStyle(f"{style.name}-right", parent=style,
                                            alignment=TA_RIGHT)
    return _RIGHT[style.name]


# ---------------------------------------------------------------------------- pages

class _NumberedCanvas(pdfcanvas.Canvas):  # type: ignore[misc]
    """Draws the header and 'page x of y' footer once the page count is known."""

    header: tuple[str, str, str] = ("", "", "")
    page_words: Any = None

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
        self.drawString(MARGIN, top, _fit(clean(company), room, 7.5))
        self.setStrokeColor(LINE)
        self.setLineWidth(0.4)
        self.line(MARGIN, top - 3, A4[0] - MARGIN, top - 3)
        self.line(MARGIN, 14 * mm, A4[0] - MARGIN, 14 * mm)
        words = self.page_words
        text = words("page", n=self._pageNumber, total=total) if words else str(
            self._pageNumber)
        self.drawCentredString(A4[0] / 2, 10 * mm, clean(text))
        self.restoreState()


def _fit(text: str, room: float, size: float) -> str:
    """``text`` shortened with an ellipsis to fit ``room`` points."""
    if stringWidth(text, FONT, size) <= room:
        return text
    while text and stringWidth(text + "…", FONT, size) > room:
        text = text[:-1]
    return text + "…"


def _canvas_class(header: tuple[str, str, str], words: Words) -> type[_NumberedCanvas]:
    return type("ReportCanvas", (_NumberedCanvas,), {"header": header, "page_words": words})


# ---------------------------------------------------------------------------- content

def _profile_value(inp: ReportInput, role: str) -> str:
    value = inp.assessment.profile_by_role(inp.instrument, role)
    return "" if value is None else str(value)


def _choice_label(inp: ReportInput, role: str) -> str:
    f = inp.instrument.field_for_role(role)
    value = inp.assessment.profile.get(f.id) if f else None
    for o in (f.options or []) if f else []:
        if o.id == value:
            return o.label.get(inp.lang)
    return "" if value is None else str(value)


def _stage(inp: ReportInput, stage: int | None) -> str:
    if stage is None:
        return "—"
    return f"{stage} {inp.instrument.stage_name(stage).get(inp.lang)}"


def _cover(inp: ReportInput, d: _Doc, w: Words, report_id: str, date: str) -> list[Any]:
    name = _profile_value(inp, "company_name") or "—"
    city = " ".join(x for x in (_profile_value(inp, "province"), _profile_value(inp, "city"),
                                _profile_value(inp, "county")) if x)
    kind = w("expert_verified") if inp.assessment.kind == "expert" else w("self_assessment")
    rows = [[d.p(w("company")), d.p(name)],
            [d.p(w("credit_code")), d.p(_profile_value(inp, "credit_code") or "—")],
            [d.p(w("location")), d.p(city or "—")],
            [d.p(w("industry")), d.p(_choice_label(inp, "industry") or "—")],
            [d.p(w("assessment_date")), d.p(date)],
            [d.p(w("assessment_type")), d.p(kind)]]
    if inp.assessment.kind == "expert" or inp.assessor:
        rows.append([d.p(w("assessor")), d.p(inp.assessor or "—")])
        rows.append([d.p(w("organisation")), d.p(inp.organisation or "—")])
    q = inp.instrument
    rows += [[d.p(w("questionnaire")), d.p(f"{q.questionnaire.title.get(inp.lang)} {q.version}")],
             [d.p(w("report_id")), d.p(report_id)],
             [d.p(w("verification_code")), d.p(inp.fingerprint.code, "big")],
             [d.p(w("generated")), d.p(inp.generated)]]
    table = Table(rows, colWidths=[42 * mm, WIDTH - 42 * mm - 36 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                               ("TEXTCOLOR", (0, 0), (0, -1), MUTED)]))
    qr = drawings.qr(inp.fingerprint.qr_payload(report_id), size=32 * mm)
    block = Table([[table, qr]], colWidths=[WIDTH - 36 * mm, 36 * mm])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    return [Spacer(1, 30 * mm), d.p(w("title"), "title"), d.p(w("subtitle"), "subtitle"),
            Spacer(1, 20 * mm), d.p(name, "title"), Spacer(1, 14 * mm), block,
            Spacer(1, 8 * mm), d.p(w("verify_note"), "small")]


def _summary(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    s, a, lang = inp.score, inp.advice.appraisal, inp.lang
    out: list[Any] = [d.p(w("summary"), "h1")]
    if s.missing:
        out.append(d.p(w("provisional", n=len(s.missing)), "warn"))
    index = "—" if s.index is None else f"{s.index:.1f} / 100"
    cards = Table([[d.p(w("stage_index"), "small"), d.p(w("stage_weakest"), "small"),
                    d.p(w("index"), "small"), d.p(w("completeness"), "small")],
                   [d.p(_stage(inp, s.stage_by_index), "big"),
                    d.p(_stage(inp, s.stage_weakest_link), "big"), d.p(index, "big"),
                    d.p(f"{s.completeness:.0%}", "big")]],
                  colWidths=[WIDTH * 0.3, WIDTH * 0.3, WIDTH * 0.22, WIDTH * 0.18])
    cards.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, LINE),
                               ("INNERGRID", (0, 0), (-1, -1), 0.3, LINE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out += [cards, Spacer(1, 3 * mm), d.p(index_rule(s, inp.instrument, lang), "small"),
            d.p(weakest_rule(s, inp.instrument, lang), "small"), Spacer(1, 3 * mm),
            d.p(w("top_gaps"), "h2")]
    pains = pain_labels(inp.instrument, lang)
    rows = [[d.p(w("dimension"), "cellhead"), d.p(w("level"), "cellhead"),
             d.p(w("why"), "cellhead")]]
    for gap in s.priorities[:3]:
        name = inp.instrument.dimension_by_id[gap.dimension].name.get(lang)
        why = "; ".join(gap_reasons(gap, inp.instrument, pains, lang)) if lang == "en" else \
            "；".join(gap_reasons(gap, inp.instrument, pains, lang))
        rows.append([d.p(name, "cell"), d.p(f"{gap.level:.2f} → {gap.target}", "cell"),
                     d.p(why, "cell")])
    out.append(_table(rows, [WIDTH * 0.24, WIDTH * 0.12, WIDTH * 0.64]))
    out.append(Spacer(1, 3 * mm))
    if a is None:
        out.append(d.p(w("no_project")))
        return out
    plan = inp.assessment.project
    best = inp.advice.recommended
    figures = [
        (w("recommended_project"), (plan.name if plan and plan.name else "—")),
        (w("total_investment"), fmt(a.investment, lang)),
        (w("expected_subsidies"), w("no_estimate") if inp.advice.subsidies_high == 0 else
         f"{fmt(inp.advice.subsidies, lang)} – {fmt(inp.advice.subsidies_high, lang)}"),
        (w("net_investment"), fmt(a.net_investment, lang)),
        (w("annual_benefit"), fmt(a.annual_net_benefit, lang)),
        (w("payback"), "—" if a.payback_years is None else w("years", n=a.payback_years)),
        (f"{w('npv')} / {w('irr')}", f"{fmt(a.npv, lang)} / {percent(a.irr)}"),
    ]
    if best is not None:
        figures.append((w("recommended_financing"), best.option.name.get(lang)))
        dscr = best.plan.min_dscr if best.plan else None
        figures.append((w("min_dscr"), "—" if dscr is None else str(dscr)))
    rows = [[d.p(k, "cell"), d.p(v, "cell")] for k, v in figures]
    out.append(_table(rows, [WIDTH * 0.36, WIDTH * 0.64], head=False))
    if best is not None and not best.acceptable:
        out.append(Spacer(1, 2 * mm))
        out.append(d.p(w("no_acceptable_option"), "warn"))
    return out


def _profile(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang = inp.lang
    rows = []
    for f in inp.instrument.questionnaire.profile:
        value = inp.assessment.profile.get(f.id)
        if value is None:
            continue
        if f.type == "choice":
            shown = next((o.label.get(lang) for o in f.options or [] if o.id == value),
                         str(value))
        elif f.type == "multi" and isinstance(value, list):
            labels = {o.id: o.label.get(lang) for o in f.options or []}
            shown = ("、" if lang == "zh" else ", ").join(labels.get(v, v) for v in value)
        elif f.type == "yesno":
            shown = w("yes") if value else w("no")
        elif f.type in ("decimal", "integer") and isinstance(value, (str, int)):
            number = Decimal(str(value))
            if f.unit is not None and f.unit.zh == "万元":  # money: as everywhere else
                shown = fmt(number * 10000, lang)
            else:
                shown = f"{number.normalize():,f}" + (f" {f.unit.get(lang)}" if f.unit else "")
        else:
            shown = str(value) + (f" {f.unit.get(lang)}" if f.unit else "")
        rows.append([d.p(f.label.get(lang), "cell"), d.p(shown, "cell")])
    return [d.p(w("section_profile"), "h1"),
            _table(rows, [WIDTH * 0.32, WIDTH * 0.68], head=False)]


def _readiness(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang, s, q = inp.lang, inp.score, inp.instrument
    labels = [(dim.short or dim.name).get(lang) for dim in q.dimensions]
    chart = drawings.radar(labels, [x.level for x in s.dimensions], inp.previous_levels)
    caption = w("radar_caption") + (f"；{w('radar_previous')}" if inp.previous_levels and
                                     lang == "zh" else
                                     f"; {w('radar_previous')}" if inp.previous_levels else "")
    changes = {c.dimension: c.delta for c in inp.comparison.dimensions} \
        if inp.comparison else {}
    head = [w("dimension"), w("level"), w("stage")] + ([w("change")] if changes else [])
    rows = [[d.p(h, "cellhead") for h in head]]
    for x in s.dimensions:
        dim = q.dimension_by_id[x.id]
        row = [d.p(dim.name.get(lang) + ("" if x.core else w("enabler")), "cell"),
               d.p("—" if x.level is None else f"{x.level:.2f}", "cell"),
               d.p(_stage(inp, x.stage), "cell")]
        if changes:
            delta = changes.get(x.id)
            row.append(d.p("" if delta is None else f"{delta:+.2f}", "cell"))
        rows.append(row)
    widths = [WIDTH * 0.22, WIDTH * 0.08, WIDTH * 0.17] + ([WIDTH * 0.08] if changes else [])
    side = Table([[chart, _table(rows, [x * (WIDTH * 0.47 / sum(widths)) for x in widths],
                                 align_right=(1,))]],
                 colWidths=[WIDTH * 0.52, WIDTH * 0.48])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    out: list[Any] = [d.p(w("section_readiness"), "h1"), side, d.p(caption, "small")]
    if inp.comparison is not None:
        c = inp.comparison
        index_delta = "—" if c.index_delta is None else f"{c.index_delta:+.1f}"
        out.append(d.p(w("since", date=c.previous_date, delta=index_delta,
                         a=_dash(c.stage_index_before), b=_dash(c.stage_index_after),
                         c=_dash(c.stage_weakest_before), d=_dash(c.stage_weakest_after))))
    rows = [[d.p(w("dimension"), "cellhead"), d.p(w("now"), "cellhead"),
             d.p(w("next_level"), "cellhead")]]
    for x in s.dimensions:
        dim = q.dimension_by_id[x.id]
        now = "—" if x.stage is None else f"{x.stage}  {dim.levels[x.stage].get(lang)}"
        nxt = "" if x.stage is None or x.stage >= 4 else \
            f"{x.stage + 1}  {dim.levels[x.stage + 1].get(lang)}"
        rows.append([d.p(dim.name.get(lang), "cell"), d.p(now, "cell"), d.p(nxt, "cell")])
    out += [Spacer(1, 3 * mm), _table(rows, [WIDTH * 0.2, WIDTH * 0.4, WIDTH * 0.4])]
    out += _verification(inp, d, w)
    out += _peers(inp, d, w)
    return out


def _peers(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    """The firm's levels against its peers' (from the store's portfolio), when given."""
    peers = inp.peers
    if peers is None:
        return []
    lang, q = inp.lang, inp.instrument
    industry = _choice_label(inp, "industry") or None
    out: list[Any] = [CondPageBreak(50 * mm), d.p(w("peers_title"), "h2"),
                      d.p(peers.text(lang, industry))]
    if not peers.enough:
        return out

    def f(value: float | None) -> str:
        return "—" if value is None else f"{value:.2f}"

    rows = [[d.p(w("dimension"), "cellhead"), d.p(w("peer_firm"), "cellhead"),
             d.p(w("peer_median"), "cellhead"), d.p(w("peer_range"), "cellhead")]]
    for row in peers.rows:
        dim = q.dimension_by_id.get(row.dimension)
        rows.append([d.p(dim.name.get(lang) if dim else row.dimension, "cell"),
                     d.p(f(row.firm), "cell"), d.p(f(row.median), "cell"),
                     d.p(f"{f(row.q1)} – {f(row.q3)}", "cell")])
    out.append(_table(rows, [WIDTH * 0.4, WIDTH * 0.18, WIDTH * 0.18, WIDTH * 0.24],
                      align_right=(1, 2, 3)))
    return out


def _verification(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    """Under expert verification: both scores, the corrected answers with their evidence, and
    the photos."""
    owner, a = inp.owner_score, inp.assessment
    if owner is None or a.kind != "expert":
        return []
    lang, q, s = inp.lang, inp.instrument, inp.score
    who = a.assessor.name if a.assessor else (inp.assessor or "—")
    if a.assessor and (a.assessor.organisation or a.assessor.service_group):
        extra = "，".join(x for x in (a.assessor.organisation, a.assessor.service_group) if x)
        who += f"（{extra}）" if lang == "zh" else f" ({extra})"

    def index(value: float | None) -> str:
        return "—" if value is None else f"{value:.1f}"

    def answer_of(question: Any, answer: Any) -> str:
        return "—" if answer is None else _answer_text_plain(question, answer, lang, w)

    changed = corrected(a, q)
    out: list[Any] = [CondPageBreak(70 * mm), d.p(w("verification_title"), "h2"),
                      d.p(w("verification_intro", who=who, owner=index(owner.index),
                            owner_stage=_stage(inp, owner.stage_by_index),
                            verified=index(s.index), verified_stage=_stage(inp, s.stage_by_index),
                            n=str(len(changed))))]
    owner_levels = {x.id: x.level for x in owner.dimensions}
    rows = [[d.p(w("dimension"), "cellhead"), d.p(w("owner_level"), "cellhead"),
             d.p(w("verified_level"), "cellhead")]]
    for x in s.dimensions:
        before = owner_levels.get(x.id)
        rows.append([d.p(q.dimension_by_id[x.id].name.get(lang), "cell"),
                     d.p("—" if before is None else f"{before:.2f}", "cell"),
                     d.p("—" if x.level is None else f"{x.level:.2f}", "cell")])
    out += [d.p(w("verification_levels"), "small"),
            _table(rows, [WIDTH * 0.5, WIDTH * 0.25, WIDTH * 0.25], align_right=(1, 2))]
    if changed:
        rows = [[d.p(w("appendix_question"), "cellhead"), d.p(w("owner_answer"), "cellhead"),
                 d.p(w("verified_answer"), "cellhead"), d.p(w("evidence"), "cellhead")]]
        for qid in changed:
            question = q.by_id[qid]
            evidence = a.evidence.get(qid)
            rows.append([d.p(question.text.get(lang), "cell"),
                         d.p(answer_of(question, a.owner_answers.get(qid)), "cell"),
                         d.p(answer_of(question, a.answers.get(qid)), "cell"),
                         d.p(evidence.note if evidence else "", "cell")])
        out += [Spacer(1, 3 * mm), d.p(w("corrected_title"), "h2"),
                _table(rows, [WIDTH * 0.34, WIDTH * 0.2, WIDTH * 0.2, WIDTH * 0.26])]
    else:
        out.append(d.p(w("no_corrections")))
    out += _photos(inp, d, w)
    return out


def _photos(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    numbers = {}
    for n, dim in enumerate(inp.instrument.dimensions, start=1):
        for k, question in enumerate(inp.instrument.by_dimension[dim.id], start=1):
            numbers[question.id] = f"{n}.{k}"
    tiles: list[Any] = []
    side = (WIDTH - 8 * mm) / 3
    for qid, evidence in inp.assessment.evidence.items():
        for photo in evidence.photos:
            data = inp.photos.get(photo.sha256)
            caption = d.p(f"{numbers.get(qid, qid)} · {photo.name}", "small")
            if data is None:
                tiles.append([d.p(w("photo_missing"), "small"), caption])
                continue
            picture = Image(BytesIO(data))
            scale = min(side / picture.imageWidth, side * 0.75 / picture.imageHeight)
            picture.drawWidth = picture.imageWidth * scale
            picture.drawHeight = picture.imageHeight * scale
            tiles.append([picture, caption])
    if not tiles:
        return []
    grid = [tiles[i:i + 3] + [""] * (3 - len(tiles[i:i + 3])) for i in range(0, len(tiles), 3)]
    table = Table(grid, colWidths=[side + 8 * mm / 3] * 3, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 3 * mm), d.p(w("photos_title"), "h2"), table]


def _dash(value: int | None) -> str:
    return "—" if value is None else str(value)


def _gaps(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang, s, q = inp.lang, inp.score, inp.instrument
    out: list[Any] = [d.p(w("section_gaps"), "h1")]
    gaps = [g for g in s.gaps if g.size > 0]
    if gaps:
        names = [q.dimension_by_id[g.dimension].name.get(lang) for g in gaps]
        out += [drawings.hbars(names, [g.size for g in gaps], WIDTH),
                d.p(w("gap_chart_caption"), "small"), Spacer(1, 2 * mm)]
    pains = pain_labels(q, lang)
    sep = "；" if lang == "zh" else "; "
    for n, gap in enumerate(s.priorities[:6], start=1):
        dim = q.dimension_by_id[gap.dimension]
        parts = [d.p(f"{n}. {dim.name.get(lang)} — {w('priority')} {gap.priority:.2f}", "h2"),
                 d.p(sep.join(gap_reasons(gap, q, pains, lang)))]
        if gap.next_level is not None:
            parts.append(d.p(d.label(f"{w('next_level')} {gap.next_level}",
                                     dim.levels[gap.next_level].get(lang)), "small"))
        for step in gap.holding_back[:3]:
            parts.append(d.p("• " + next_step_text(step, q, lang), "small"))
        out.append(KeepTogether(parts))
    return out


def _roadmap(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang, q = inp.lang, inp.instrument
    out: list[Any] = [d.p(w("section_roadmap"), "h1")]
    rows = [[d.p(h, "cellhead") for h in (w("horizon"), w("measure"), w("step"),
                                          w("cost_indicative"), w("why"))]]
    sep = "；" if lang == "zh" else "; "
    for step in inp.advice.roadmap.steps:
        m = step.measure
        rows.append([d.p(HORIZONS[step.horizon].get(lang), "cell"),
                     d.p(m.name.get(lang), "cell"),
                     d.p(f"{q.dimension_by_id[m.dimension].name.get(lang)} "
                         f"{m.from_level}→{m.to_level}", "cell"),
                     d.p(f"{m.cost.min:g}-{m.cost.max:g}", "cell"),
                     d.p(sep.join(r.get(lang) for r in step.reasons), "cell")])
    out.append(_table(rows, [WIDTH * 0.11, WIDTH * 0.2, WIDTH * 0.17, WIDTH * 0.1,
                             WIDTH * 0.42], align_right=(3,)))
    done = [m.name.get(lang) for m in inp.advice.roadmap.done]
    if done:
        out.append(Spacer(1, 2 * mm))
        out.append(d.p(w("already_done", list=("、" if lang == "zh" else ", ").join(done)),
                       "small"))
    out.append(d.p(inp.data.measures.cost_note.get(lang), "small"))
    return out


def _investment(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang, a, plan = inp.lang, inp.advice.appraisal, inp.assessment.project
    out: list[Any] = [d.p(w("section_investment"), "h1")]
    if a is None or plan is None:
        return out + [d.p(w("no_project"))]
    if plan.name:
        out.append(d.p(plan.name, "h2"))
    rows = [[d.p(h, "cellhead") for h in (w("item"), w("category"), w("quantity"),
                                          w("unit_price"), w("amount"), w("supplier"))]]
    for item in plan.items:
        rows.append([d.p(item.description, "cell"),
                     d.p(CATEGORY_NAMES[item.category].get(lang), "cell"),
                     d.p(f"{Decimal(item.quantity).normalize():f}", "cell"),
                     d.p(fmt(Decimal(item.unit_price), lang), "cell"),
                     d.p(fmt(item.total, lang), "cell"), d.p(item.supplier or "", "cell")])
    rows.append([d.p(w("total_investment"), "cellhead"), "", "", "",
                 d.p(fmt(a.investment, lang), "cellhead"), ""])
    out += [d.p(w("items"), "h2"),
            _table(rows, [WIDTH * 0.32, WIDTH * 0.13, WIDTH * 0.08, WIDTH * 0.14,
                          WIDTH * 0.15, WIDTH * 0.18], align_right=(2, 3, 4))]
    e, f = plan.effects, plan.finance
    lines = [w("labour_saving", n=e.positions, cost=fmt(Decimal(e.cost_per_worker), lang)),
             w("extra_margin", sales=fmt(Decimal(e.extra_output), lang),
               rate=percent(Decimal(e.margin_rate))),
             w("scrap_saving", before=e.scrap_rate_before, after=e.scrap_rate_after,
               material=fmt(Decimal(e.material_cost), lang)),
             d.label(w("energy_saving"), fmt(Decimal(e.energy_saving), lang)),
             d.label(w("running_costs"), fmt(Decimal(e.running_costs), lang)),
             w("discount_life", rate=percent(Decimal(f.discount_rate)), years=f.life_years,
               tax=percent(Decimal(f.tax_rate)))]
    out += [d.p(w("assumptions"), "h2")] + [d.p("• " + x, "small") for x in lines]
    figures = [(w("total_investment"), fmt(a.investment, lang)),
               (w("expected_subsidies"), fmt(a.subsidies, lang)),
               (w("net_investment"), fmt(a.net_investment, lang)),
               (w("annual_benefit"), fmt(a.annual_net_benefit, lang)),
               (w("payback"), "—" if a.payback_years is None else
                w("years", n=a.payback_years)),
               (w("roi"), percent(a.roi)), (w("npv"), fmt(a.npv, lang)),
               (w("irr"), percent(a.irr)), (w("breakeven"), fmt(a.breakeven_benefit, lang)),
               (w("safety_margin"), percent(a.safety_margin))]
    grid = [[d.p(k, "small"), d.p(v, "cell"), d.p(k2, "small"), d.p(v2, "cell")]
            for (k, v), (k2, v2) in zip(figures[0::2], figures[1::2], strict=True)]
    out += [d.p(w("figures"), "h2"),
            _table(grid, [WIDTH * 0.22, WIDTH * 0.28, WIDTH * 0.22, WIDTH * 0.28],
                   head=False, zebra=False)]
    rows = [[d.p(h, "cellhead") for h in (w("scenario"), w("net_investment"),
                                          w("annual_benefit"), w("npv"), w("irr"),
                                          w("payback"))]]
    for sc in a.sensitivity:
        rows.append([d.p(w(sc.name), "cell"), d.p(fmt(sc.net_investment, lang), "cell"),
                     d.p(fmt(sc.annual_net_benefit, lang), "cell"),
                     d.p(fmt(sc.npv, lang), "cell"), d.p(percent(sc.irr), "cell"),
                     d.p("—" if sc.payback_years is None else str(sc.payback_years),
                         "cell")])
    out += [KeepTogether([d.p(w("sensitivity"), "h2"),
                          _table(rows, [WIDTH * 0.16, WIDTH * 0.18, WIDTH * 0.18,
                                        WIDTH * 0.2, WIDTH * 0.12, WIDTH * 0.16],
                                 align_right=(1, 2, 3, 4, 5))])]
    best = inp.advice.recommended
    series = cashflow_series(a, best.plan if best else None)
    out += [KeepTogether([d.p(w("cashflow_title"), "h2"), drawings.cashflow(series, WIDTH),
                          d.p(w("cashflow_caption"), "small")])]
    if best is not None and best.plan is not None and best.plan.rows:
        threshold = inp.data.options.bank_test.min_dscr
        years = [r.year for r in best.plan.rows]
        out += [KeepTogether([d.p(w("dscr_title"), "h2"),
                              drawings.dscr(years, [r.dscr for r in best.plan.rows],
                                            threshold, WIDTH),
                              d.p(w("dscr_caption", min=f"{threshold:g}"), "small")])]
    return out


def _financing(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang, advice = inp.lang, inp.advice
    out: list[Any] = [d.p(w("section_financing"), "h1")]
    if advice.appraisal is None:
        return out + [d.p(w("no_project"))]
    rows = [[d.p(h, "cellhead") for h in (w("option"), w("score"), w("financed"),
                                          w("own_contribution"), w("financing_cost"),
                                          w("min_dscr"), w("bank_test"))]]
    for n, o in enumerate(advice.options, start=1):
        pl = o.plan
        rows.append([d.p(f"{n}. {o.option.name.get(lang)}", "cell"),
                     d.p(f"{o.score:.2f}", "cell"),
                     d.p(fmt(pl.financed if pl else None, lang), "cell"),
                     d.p(fmt(pl.own_contribution if pl else None, lang), "cell"),
                     d.p(fmt(pl.total_cost if pl else None, lang), "cell"),
                     d.p("—" if pl is None or pl.min_dscr is None else str(pl.min_dscr),
                         "cell"),
                     d.p(w("passes") if o.acceptable else w("fails"), "cell")])
    out += [d.p(w("financing_table"), "h2"),
            _table(rows, [WIDTH * 0.25, WIDTH * 0.08, WIDTH * 0.14, WIDTH * 0.14,
                          WIDTH * 0.14, WIDTH * 0.13, WIDTH * 0.12],
                   align_right=(1, 2, 3, 4, 5))]
    best = advice.recommended
    if best is None:
        return out
    reasons = [f"! {x.get(lang)}" for x in best.flags] + \
        [f"+ {x.get(lang)}" for x in best.reasons_for] + \
        [f"– {x.get(lang)}" for x in best.reasons_against]
    heading = w("why_recommended") if best.acceptable else w("best_scoring")
    out += [d.p(d.label(heading, best.option.name.get(lang)), "h2"),
            d.p(best.option.description.get(lang), "small")]
    out += [d.p(x, "warn" if x.startswith("!") else "base") for x in reasons]
    out.append(d.p(w("terms_note", text=best.option.assumptions.get(lang)), "small"))
    if not best.acceptable:
        for o in advice.options:
            for flag in o.flags:
                if "%" in flag.get(lang) and o is not best:
                    out.append(d.p(d.label(o.option.name.get(lang), flag.get(lang)), "small"))
    pl = best.plan
    if pl is not None and pl.rows and pl.financed > 0:
        rows = [[d.p(h, "cellhead") for h in (w("year"), w("payment"), w("interest"),
                                              w("principal"), w("balance"), w("subsidy"),
                                              w("net_profit"), w("dscr"))]]
        for r in pl.rows:
            rows.append([d.p(str(r.year), "cell"), d.p(fmt(r.payment, lang), "cell"),
                         d.p(fmt(r.interest, lang), "cell"),
                         d.p(fmt(r.principal, lang), "cell"),
                         d.p(fmt(r.balance, lang), "cell"), d.p(fmt(r.subsidy, lang), "cell"),
                         d.p(fmt(r.net_profit, lang), "cell"),
                         d.p("—" if r.dscr is None else str(r.dscr), "cell")])
        existing = Decimal(inp.assessment.project.finance.existing_debt_service or "0") \
            if inp.assessment.project else Decimal(0)
        formula = w("dscr_formula", dep=fmt(pl.rows[0].depreciation, lang),
                    existing=fmt(existing, lang))
        out += [KeepTogether([d.p(d.label(w("schedule"), best.option.name.get(lang)), "h2"),
                              _table(rows, [WIDTH * x for x in (0.06, 0.14, 0.14, 0.14,
                                                                0.15, 0.11, 0.17, 0.09)],
                                     align_right=tuple(range(8))),
                              Spacer(1, 1.5 * mm), d.p(formula, "small")])]
    return out


def _supports(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang, cat = inp.lang, inp.advice.catalogue
    out: list[Any] = [d.p(w("section_supports"), "h1"),
                      d.p(d.label(w("catalogue"), cat.title.get(lang)), "h2"),
                      d.p(w("catalogue_source", source=cat.source.basis.get(lang),
                            date=cat.source.date), "small"),
                      d.p(cat.note.get(lang), "small")]
    if cat.verify:
        out.append(d.p(w("verify_terms"), "warn"))
    sep = "；" if lang == "zh" else "; "
    for status in ("eligible", "near_miss", "information"):
        matches = [m for m in inp.advice.supports if m.status == status]
        if not matches:
            continue
        head = [w("support"), w("gives"), w("reasons" if status != "near_miss"
                                            else "missing"), w("estimate")]
        rows = [[d.p(h, "cellhead") for h in head]]
        for m in matches:
            estimate = "" if m.estimate_high is None else \
                f"{fmt(m.estimate_low, lang)} – {fmt(m.estimate_high, lang)}"
            reasons = sep.join(m.unmet if status == "near_miss" else m.met)
            rows.append([d.p(m.policy.name.get(lang), "cell"),
                         d.p(m.policy.gives.text.get(lang), "cell"),
                         d.p(reasons, "cell"), d.p(estimate, "cell")])
        out += [d.p(w(status), "h2"),
                _table(rows, [WIDTH * 0.24, WIDTH * 0.3, WIDTH * 0.28, WIDTH * 0.18])]
    return out


def _cases(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang = inp.lang
    cases = report_cases()
    out: list[Any] = [d.p(w("section_cases"), "h1"), d.p(w("cases_intro"))]
    for case in cases.cases:
        out.append(KeepTogether([d.p(f"{case.name.get(lang)} — {case.firm.get(lang)}", "h2"),
                                 d.p(case.text.get(lang))]))
    out.append(d.p(cases.source.basis.get(lang), "small"))
    return out


def _method(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang, q = inp.lang, inp.instrument
    modules = ", ".join(f"{m.id} {m.version}" for m in q.modules) or "—"
    data = inp.data
    return [d.p(w("section_method"), "h1"),
            d.p(w("method_scoring", t=f"{q.questionnaire.scoring.stage_threshold:g}")),
            Spacer(1, 2 * mm), d.p(w("method_finance")), Spacer(1, 2 * mm),
            d.p(w("method_versions", q=f"{q.id} {q.version}", h=q.base.hash[:23],
                  m=modules, measures=f"{data.measures.id} {data.measures.version}",
                  catalogue=f"{inp.advice.catalogue.id} {inp.advice.catalogue.version}",
                  options=f"{data.options.id} {data.options.version}", app=__version__),
                "small"),
            d.p(q.questionnaire.source.basis.get(lang), "small")]


def _appendix(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    lang, q, s = inp.lang, inp.instrument, inp.score
    out: list[Any] = [PageBreak(), d.p(w("section_appendix"), "h1")]
    for n, dim in enumerate(q.dimensions, start=1):
        rows = [[d.p("#", "cellhead"), d.p(w("appendix_question"), "cellhead"),
                 d.p(w("appendix_answer"), "cellhead"), d.p(w("level"), "cellhead")]]
        for k, question in enumerate(q.by_dimension[dim.id], start=1):
            qs = s.questions[question.id]
            answer = inp.assessment.answers.get(question.id)
            evidence = inp.assessment.evidence.get(question.id)
            note = evidence.note if evidence else ""
            rows.append([d.p(f"{n}.{k}", "cell"), d.p(question.text.get(lang), "cell"),
                         d.p(_answer_text(question, answer, qs.state, lang, w, note), "cell"),
                         d.p("" if qs.level is None else str(qs.level), "cell")])
        out += [d.p(f"{n}. {dim.name.get(lang)}", "h2"),
                _table(rows, [WIDTH * 0.07, WIDTH * 0.5, WIDTH * 0.35, WIDTH * 0.08])]
    return out


def _answer_text(question: Any, answer: Any, state: str, lang: str, w: Words,
                 note: str = "") -> str:
    if state == "skipped":
        return w("skipped")
    if answer is None:
        return w("unanswered") + (f"\n{w('evidence_prefix')}{note}" if note else "")
    text = _answer_text_plain(question, answer, lang, w)
    return text + (f"\n{w('evidence_prefix')}{note}" if note else "")


def _answer_text_plain(question: Any, answer: Any, lang: str, w: Words) -> str:
    if answer.na:
        return w("not_applicable")
    value = answer.value
    if question.type == "yesno":
        text = w("yes") if value else w("no")
    elif question.options:
        labels = {o.id: o.label.get(lang) for o in question.options}
        items = value if isinstance(value, list) else [value]
        text = ("、" if lang == "zh" else "; ").join(labels.get(str(v), str(v)) for v in items)
    elif question.type == "percent":
        text = f"{value}%"
    elif question.unit:
        text = f"{value} {question.unit.get(lang)}"
    else:
        text = str(value)
    return text


def _signatures(inp: ReportInput, d: _Doc, w: Words) -> list[Any]:
    box = [[d.p(w("sign_company"), "small"), d.p(w("seal"), "small"),
            d.p(w("sign_assessor"), "small")],
           ["", "", ""],
           [d.p(f"{w('date')}：" if inp.lang == "zh" else f"{w('date')}:", "small"),
            "", d.p(f"{w('date')}：" if inp.lang == "zh" else f"{w('date')}:", "small")]]
    table = Table(box, colWidths=[WIDTH / 3] * 3, rowHeights=[None, 28 * mm, None])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, LINE),
                               ("INNERGRID", (0, 0), (-1, -1), 0.3, LINE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [CondPageBreak(80 * mm), d.p(w("section_signatures"), "h1"), table,
            Spacer(1, 6 * mm), d.p(w("disclaimer_title"), "h2"), d.p(w("disclaimer"), "small")]


# ---------------------------------------------------------------------------- build

def build(inp: ReportInput, out: str | Path | BinaryIO,
          progress: Callable[[int, int], None] | None = None) -> int:
    """Write the report; returns the number of pages. ``progress(done, total)`` follows the
    layout of the story (reportlab's progress callback)."""
    register()
    w = Words(inp.lang)
    d = _Doc(inp.lang)
    date = _profile_value(inp, "assessment_date") or inp.assessment.created_at[:10]
    report_id = inp.fingerprint.report_id(date)
    company = _profile_value(inp, "company_name") or "—"
    if not inp.generated:
        inp.generated = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    story: list[Any] = [NextPageTemplate("body")]
    story += _cover(inp, d, w, report_id, date)
    story += [PageBreak()] + _summary(inp, d, w)
    for section in (_profile, _readiness, _gaps, _roadmap, _investment, _financing,
                    _supports, _cases, _method):
        story += [PageBreak() if section in (_profile, _investment) else CondPageBreak(60 * mm)]
        story += section(inp, d, w)
    if inp.include_appendix:
        story += _appendix(inp, d, w)
    story += _signatures(inp, d, w)
    title = f"{w('title')} — {company}"
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
    doc.build(story, canvasmaker=_canvas_class((company, report_id, date), w))
    return int(doc.page)


def build_bytes(inp: ReportInput,
                progress: Callable[[int, int], None] | None = None) -> tuple[int, bytes]:
    """The report as bytes, with its page count."""
    buffer = BytesIO()
    pages = build(inp, buffer, progress)
    return pages, buffer.getvalue()
