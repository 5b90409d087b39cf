"""The report's pages about public supports (every entry of the chosen catalogues with its
status, source and date) and the comparable cases chosen by trade and project type."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether

from ..advice.cases import pick_cases
from ..assessment.money import fmt
from .layout import WIDTH, Doc, make_table
from .model import ReportInput
from .texts import Words, report_cases


def section_supports(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    lang, advice = inp.lang, inp.advice
    out: list[Any] = [d.p(w("section_supports"), "h1"),
                      d.p(w("policy_date", date=advice.day.isoformat()), "small")]
    empty = {c.id for c in advice.without_current()}
    for cat in advice.catalogues:
        out.append(d.p(d.label(w("catalogue"), cat.title.get(lang)), "h2"))
        out.append(d.p(w("catalogue_source", source=cat.source.basis.get(lang),
                         date=cat.source.date), "small"))
        if cat.id in empty:
            out.append(d.p(w("no_current_entry", date=advice.day.isoformat()), "warn"))
        elif cat.verify:
            out.append(d.p(w("verify_terms"), "warn"))
    if not advice.catalogues:
        out.append(d.p(w("no_catalogue"), "warn"))
    sep = "；" if lang == "zh" else "; "
    for status in ("eligible", "near_miss", "information", "not_eligible", "expired"):
        matches = [m for m in advice.supports if m.status == status]
        if not matches:
            continue
        why = {"near_miss": "missing", "not_eligible": "why_not"}.get(status, "reasons")
        head = [w("support"), w("gives"), w(why), w("source_date")]
        if status == "eligible":
            head.append(w("estimate"))
        rows = [[d.p(h, "cellhead") for h in head]]
        for m in matches:
            p = m.policy
            texts = list(m.unmet if status in ("near_miss", "not_eligible") else m.met)
            if m.to_confirm:
                texts.append(w("to_confirm", list=sep.join(m.to_confirm)))
            if status == "expired":
                texts = [w("expired_on", end=p.period.end or "—")]
                if p.recurring:
                    texts.append(w("new_round"))
            period = f"{p.period.start}–{p.period.end or w('open_end')}"
            named = short_source(p.source.get(lang))
            source = f"{p.issuer.get(lang)}；{named}（{p.date}，{period}）" \
                if lang == "zh" else f"{p.issuer.get(lang)}; {named} ({p.date}, {period})"
            if p.verify:
                source += " " + w("verify_short")
            row = [d.p(p.name.get(lang), "cell"), d.p(p.gives.text.get(lang), "cell"),
                   d.p(sep.join(texts) or "—", "cell"), d.p(source, "cell")]
            if status == "eligible":
                row.append(d.p("" if m.estimate_high is None else
                               f"{fmt(m.estimate_low, lang)} – {fmt(m.estimate_high, lang)}",
                               "cell"))
            rows.append(row)
        widths = [0.18, 0.22, 0.24, 0.22, 0.14] if status == "eligible" else \
            [0.2, 0.25, 0.27, 0.28]
        out += [CondPageBreak(40 * mm), d.p(w(status), "h2loose"),
                make_table(rows, [WIDTH * x for x in widths])]
    return out


def short_source(text: str, limit: int = 80) -> str:
    """The document a source text names (up to its first colon), for a table cell; the
    whole text stays in the program and the JSON. A reference in brackets or a bare address
    goes: a cut one ("https:/…") tells nothing."""
    text = re.sub(r"\s*\[[^\]]*https?://[^\]]*\]|\s*https?://\S+", "", text)
    for mark in ("：", ": "):
        if mark in text[:limit * 2]:
            text = text.split(mark, 1)[0]
            break
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def section_cases(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    lang = inp.lang
    cases = report_cases()
    industry = inp.assessment.industry(inp.instrument)
    road = inp.advice.roadmap
    kinds = set(road.project.measure_ids) if road.project else set()
    kinds |= {s.measure.id for s in road.steps}
    chosen = pick_cases(cases.cases, industry, kinds)
    out: list[Any] = [d.p(w("section_cases"), "h1")]
    if not chosen:
        out.append(d.p(w("no_cases")))
        return out
    out.append(d.p(w("cases_intro")))
    for case in chosen:
        source = (case.source or cases.source.basis).get(lang) \
            + (f" {case.url}" if case.url else "") + (f"（{case.date}）" if case.date else "")
        out.append(KeepTogether([d.p(f"{case.name.get(lang)} — {case.firm.get(lang)}", "h2"),
                                 d.p(case.text.get(lang)), d.p(source, "small")]))
    return out
