"""The report's closing pages: methodology, every answer (appendix), signature and seal blocks."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table, TableStyle

from ... import __version__
from ..assessment import verdict
from ..assessment.answer_text import describe_answer
from .layout import LINE, WIDTH, Doc, make_table
from .model import ReportInput
from .texts import Words


def section_method(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    lang, q = inp.lang, inp.instrument
    sep = "、" if lang == "zh" else ", "
    modules = sep.join(f"{m.id} {m.version}" for m in q.modules) or "—"
    data = inp.data
    return [d.p(w("section_method"), "h1"),
            d.p(w("method_scoring", t=f"{q.questionnaire.scoring.stage_threshold * 100:g}%",
                  gates=verdict.gates_summary(q, inp.lang))),
            Spacer(1, 2 * mm), d.p(w("method_finance")), Spacer(1, 2 * mm),
            d.p(w("method_versions", q=f"{q.id} {q.version}", h=q.base.hash[:23],
                  m=modules, measures=f"{data.measures.id} {data.measures.version}",
                  catalogue=sep.join(f"{c.id} {c.version}" for c in inp.advice.catalogues)
                  or "—",
                  options=f"{data.options.id} {data.options.version}", app=__version__),
                "small"),
            d.p(q.questionnaire.source.basis.get(lang), "small")]


def section_appendix(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
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
                         d.p(answer_text(question, answer, qs.state, lang, w, note), "cell"),
                         d.p("" if qs.level is None else str(qs.level), "cell")])
        out += [d.p(f"{n}. {dim.name.get(lang)}", "h2"),
                make_table(rows, [WIDTH * 0.07, WIDTH * 0.5, WIDTH * 0.35, WIDTH * 0.08])]
    return out


def answer_text(question: Any, answer: Any, state: str, lang: str, w: Words,
                 note: str = "") -> str:
    if state == "skipped":
        return w("skipped")
    if answer is None:
        return w("unanswered") + (f"\n{w('evidence_prefix')}{note}" if note else "")
    text = answer_text_plain(question, answer, lang, w)
    return text + (f"\n{w('evidence_prefix')}{note}" if note else "")


def answer_text_plain(question: Any, answer: Any, lang: str, w: Words) -> str:
    text = describe_answer(question, answer, lang, w("yes"), w("no"), w("not_applicable"),
                           limit=None, separator_en="; ")
    return str(answer.value) if text is None else text


def section_signatures(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
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
