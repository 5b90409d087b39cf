"""The one- or two-page summary for the board and for officials: our stage and the MIIT
estimate, the change since the last assessment with arrows (T0 → T1), the top five gaps, the
evidence completeness, and the project with its financing in one table."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..advice.finance_summary import verdict
from ..advice.financing import percent
from ..assessment.explain import gap_reasons, pain_labels
from ..assessment.lens_evidence import completeness
from ..assessment.lens_text import level_name
from ..assessment.money import fmt
from ..assessment.verification import coverage
from .layout import WIDTH, Doc, make_table
from .model import ReportInput
from .sections_firm import profile_value, stage_name
from .texts import Words

TOP_GAPS = 5


def arrow(before: float | None, after: float | None) -> str:
    """↑ up, ↓ down, → the same (within 0.005), blank when either side is unknown."""
    if before is None or after is None:
        return ""
    if after > before + 0.005:
        return "↑"
    if after < before - 0.005:
        return "↓"
    return "→"


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def section_board(inp: ReportInput, d: Doc, w: Words, report_id: str, date: str
                  ) -> list[Any]:
    lang, s = inp.lang, inp.score
    company = profile_value(inp, "company_name") or "—"
    out: list[Any] = [d.p(w("board_title"), "h1"), d.p(company, "h2"),
                      d.p(w("board_id", date=date, report_id=report_id,
                            code=inp.fingerprint.code), "small")]
    if s.missing:
        out.append(d.p(w("provisional", n=len(s.missing)), "warn"))
    out += [Spacer(1, 2 * mm), d.p(w("board_levels"), "h2"), _levels_table(inp, d, w)]
    c = inp.comparison
    if c is not None:
        rows = [[d.p(h, "cellhead") for h in (w("dimension"), "T0", "T1", "")]]
        for x in c.dimensions:
            rows.append([d.p(inp.instrument.dimension_by_id[x.dimension].name.get(lang), "cell"),
                         d.p(_num(x.before), "cell"), d.p(_num(x.after), "cell"),
                         d.p(arrow(x.before, x.after), "cell")])
        out += [Spacer(1, 2 * mm), d.p(w("board_dimensions", date=c.previous_date), "small"),
                make_table(rows, [WIDTH * 0.46, WIDTH * 0.18, WIDTH * 0.18, WIDTH * 0.18],
                           align_right=(1, 2))]
    out += [Spacer(1, 3 * mm), d.p(w("board_gaps"), "h2")]
    pains = pain_labels(inp.instrument, lang)
    rows = [[d.p(w("dimension"), "cellhead"), d.p(w("level"), "cellhead"),
             d.p(w("why"), "cellhead")]]
    sep = "；" if lang == "zh" else "; "
    for gap in s.priorities[:TOP_GAPS]:
        rows.append([d.p(inp.instrument.dimension_by_id[gap.dimension].name.get(lang), "cell"),
                     d.p(f"{gap.level:.2f} → {gap.target}", "cell"),
                     d.p(sep.join(gap_reasons(gap, inp.instrument, pains, lang)), "cell")])
    out.append(make_table(rows, [WIDTH * 0.24, WIDTH * 0.14, WIDTH * 0.62]))
    out += [Spacer(1, 3 * mm), d.p(w("board_evidence"), "h2")]
    out += _evidence(inp, d, w)
    out += [Spacer(1, 3 * mm), d.p(w("board_project"), "h2")]
    out += _project(inp, d, w)
    out.append(d.p(w("board_full", report_id=report_id), "small"))
    return out


def _levels_table(inp: ReportInput, d: Doc, w: Words) -> Any:
    s, c, lang = inp.score, inp.comparison, inp.lang
    official = inp.advice.official
    head = [w("board_measure"), w("board_now")] + ([w("board_before"), ""] if c else [])
    rows: list[list[Any]] = [[d.p(h, "cellhead") for h in head]]

    def row(name: str, now: str, before: str = "", change: str = "") -> None:
        cells = [d.p(name, "cell"), d.p(now, "cell")]
        if c is not None:
            cells += [d.p(before, "cell"), d.p(change, "cell")]
        rows.append(cells)

    row(w("stage_gates"), stage_name(inp, s.stage_weakest_link),
        stage_name(inp, c.stage_weakest_before) if c else "",
        arrow(c.stage_weakest_before, c.stage_weakest_after) if c else "")
    row(w("stage_index"), stage_name(inp, s.stage_by_index),
        stage_name(inp, c.stage_index_before) if c else "",
        arrow(c.stage_index_before, c.stage_index_after) if c else "")
    row(w("index"), _num(s.index, 1), _num(c.index_before, 1) if c else "",
        arrow(c.index_before, c.index_after) if c else "")
    if official is not None:
        lens = official.today.lens
        before = inp.previous_official
        now = level_name(lens, official.today.level, lang)
        if official.after is not None:
            now += w("board_after", level=level_name(lens, official.after.level, lang))
        row(w("board_miit"), now,
            level_name(lens, before.level, lang) if before is not None else "",
            arrow(before.level, official.today.level) if before is not None else "")
    widths = [0.34, 0.36] + ([0.22, 0.08] if c else [])
    scale = 1 / sum(widths)
    table = make_table(rows, [WIDTH * x * scale for x in widths])
    return table


def _evidence(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    official = inp.advice.official
    if inp.assessment.kind != "expert":
        return [d.p(w("board_self"))]
    cov = coverage(inp.assessment, inp.instrument, inp.score)
    checked = d.p(w("board_checked", total=str(len(cov.answers)), checked=str(len(cov.checked)),
                    pct=str(cov.percent), n=str(len(cov.corrected))))
    if official is None:
        return [checked, d.p(w("official_none"))]
    rows = [[d.p(h, "cellhead") for h in (w("official_part"), w("official_seen"),
                                          w("official_share"))]]
    for c in completeness(official.today.lens, inp.assessment):
        rows.append([d.p(c.name.get(inp.lang), "cell"), d.p(f"{c.seen} / {c.total}", "cell"),
                     d.p(f"{c.share:.0%}", "cell")])
    return [checked, make_table(rows, [WIDTH * 0.5, WIDTH * 0.25, WIDTH * 0.25],
                                align_right=(1, 2))]


def _project(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    a, advice, lang = inp.advice.appraisal, inp.advice, inp.lang
    if a is None:
        return [d.p(w("no_project"))]
    plan = inp.assessment.project
    best = None if advice.withheld else (advice.recommended or advice.best)
    dscr = best.plan.min_dscr if best is not None else None
    head = [w("recommended_project"), w("total_investment"), w("expected_subsidies"),
            w("board_financing"), f"{w('npv')} / {w('irr')}", w("payback"), w("board_dscr")]
    step = advice.roadmap.project
    name = plan.name if plan and plan.name else (step.name if step else "")
    values = [name or "—", fmt(a.investment, lang),
              fmt(advice.subsidies, lang) if advice.subsidies_high else "—",
              best.label.get(lang) if best is not None else "—",
              f"{fmt(a.npv, lang)} / {percent(a.irr)}",
              "—" if a.payback_years is None else w("years", n=a.payback_years),
              "—" if dscr is None else f"{dscr:.2f}"]
    rows = [[d.p(h, "cellhead") for h in head], [d.p(v, "cell") for v in values]]
    widths = [0.17, 0.13, 0.12, 0.2, 0.16, 0.1, 0.12]
    out: list[Any] = [make_table(rows, [WIDTH * x for x in widths])]
    out += [d.p(line.get(lang), "small") for line in verdict(advice)]
    return out
