"""The report's pages about the firm: cover, executive summary, profile, readiness, peers,
expert verification with photos, and the gaps."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Image, KeepTogether, Spacer, Table, TableStyle

from ..advice.financing import percent
from ..assessment import verdict
from ..assessment.explain import gap_reasons, next_step_text, pain_labels
from ..assessment.money import fmt
from ..assessment.verification import coverage
from . import drawings
from .drawings import MUTED
from .layout import LINE, WIDTH, Doc, make_table
from .model import ReportInput
from .sections_end import answer_text_plain
from .texts import Words

# ---------------------------------------------------------------------------- content

def profile_value(inp: ReportInput, role: str) -> str:
    value = inp.assessment.profile_by_role(inp.instrument, role)
    return "" if value is None else str(value)


def choice_label(inp: ReportInput, role: str) -> str:
    f = inp.instrument.field_for_role(role)
    value = inp.assessment.profile.get(f.id) if f else None
    for o in (f.options or []) if f else []:
        if o.id == value:
            return o.label.get(inp.lang)
    return "" if value is None else str(value)


def stage_name(inp: ReportInput, stage: int | None) -> str:
    if stage is None:
        return "—"
    return f"{stage} {inp.instrument.stage_name(stage).get(inp.lang)}"


def section_cover(inp: ReportInput, d: Doc, w: Words, report_id: str, date: str) -> list[Any]:
    name = profile_value(inp, "company_name") or "—"
    city = " ".join(x for x in (profile_value(inp, "province"), profile_value(inp, "city"),
                                profile_value(inp, "county")) if x)
    kind = w("expert_verified") if inp.assessment.kind == "expert" else w("self_assessment")
    rows = [[d.p(w("company")), d.p(name)],
            [d.p(w("credit_code")), d.p(profile_value(inp, "credit_code") or "—")],
            [d.p(w("location")), d.p(city or "—")],
            [d.p(w("industry")), d.p(choice_label(inp, "industry") or "—")],
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
    out: list[Any] = [Spacer(1, 30 * mm), d.p(w("title"), "title"),
                      d.p(w("subtitle"), "subtitle"), Spacer(1, 20 * mm), d.p(name, "title"),
                      Spacer(1, 14 * mm), block, Spacer(1, 8 * mm),
                      d.p(w("verify_note"), "small")]
    s = inp.score
    if s.missing:   # a draft says on its first page what is still missing
        out += [Spacer(1, 6 * mm), d.p(w("provisional", n=len(s.missing)), "warn"),
                d.p(w("missing_title"), "small"),
                d.p(("；" if inp.lang == "zh" else "; ").join(
                    verdict.missing_lines(s, q, inp.lang)), "small")]
    return out


def section_summary(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    s, a, lang = inp.score, inp.advice.appraisal, inp.lang
    out: list[Any] = [d.p(w("summary"), "h1")]
    instrument = inp.instrument
    if s.missing:
        out.append(d.p(w("provisional", n=len(s.missing)), "warn"))
    index = "—" if s.index is None else f"{s.index:.1f} / 100"
    gate_stage = stage_name(inp, s.stage_weakest_link) if s.stage_weakest_link is not None \
        else (w("stage_open", n=s.weakest_at_least) if s.index is not None else "—")
    cards = Table([[d.p(w("stage_gates"), "small"), d.p(w("stage_index"), "small"),
                    d.p(w("index"), "small"), d.p(w("completeness"), "small")],
                   [d.p(gate_stage, "big"), d.p(stage_name(inp, s.stage_by_index), "big"),
                    d.p(index, "big"), d.p(f"{s.completeness:.0%}", "big")]],
                  colWidths=[WIDTH * 0.3, WIDTH * 0.3, WIDTH * 0.22, WIDTH * 0.18])
    cards.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, LINE),
                               ("INNERGRID", (0, 0), (-1, -1), 0.3, LINE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out += [d.p(verdict.headline(s, instrument, lang), "h2"), cards, Spacer(1, 3 * mm),
            d.p(w("how_worked_out"), "small")]
    out += [d.p(line, "small") for line in verdict.rule_lines(s, instrument, lang)]
    out += [Spacer(1, 3 * mm), d.p(w("top_gaps"), "h2")]
    pains = pain_labels(inp.instrument, lang)
    rows = [[d.p(w("dimension"), "cellhead"), d.p(w("level"), "cellhead"),
             d.p(w("why"), "cellhead")]]
    for gap in s.priorities[:3]:
        name = inp.instrument.dimension_by_id[gap.dimension].name.get(lang)
        why = "; ".join(gap_reasons(gap, inp.instrument, pains, lang)) if lang == "en" else \
            "；".join(gap_reasons(gap, inp.instrument, pains, lang))
        rows.append([d.p(name, "cell"), d.p(f"{gap.level:.2f} → {gap.target}", "cell"),
                     d.p(why, "cell")])
    out.append(make_table(rows, [WIDTH * 0.24, WIDTH * 0.12, WIDTH * 0.64]))
    out.append(Spacer(1, 3 * mm))
    if a is None:
        out.append(d.p(w("no_project")))
        return out
    plan = inp.assessment.project
    best = None if inp.advice.withheld else (inp.advice.recommended or inp.advice.best)
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
        figures.append((w("recommended_financing") if best.acceptable
                        else w("no_structure_passes"), best.label.get(lang)))
        dscr = best.plan.min_dscr
        figures.append((w("min_dscr"), "—" if dscr is None else str(dscr)))
    rows = [[d.p(k, "cell"), d.p(v, "cell")] for k, v in figures]
    out.append(make_table(rows, [WIDTH * 0.36, WIDTH * 0.64], head=False))
    if best is not None and not best.acceptable:
        out.append(Spacer(1, 2 * mm))
        out.append(d.p(w("no_acceptable_option"), "warn"))
    for reason in inp.advice.withheld:
        out.append(d.p(reason.get(lang), "warn"))
    return out


def section_profile(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
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
            make_table(rows, [WIDTH * 0.32, WIDTH * 0.68], head=False)]


def section_readiness(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
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
               d.p(stage_name(inp, x.stage), "cell")]
        if changes:
            delta = changes.get(x.id)
            row.append(d.p("" if delta is None else f"{delta:+.2f}", "cell"))
        rows.append(row)
    widths = [WIDTH * 0.22, WIDTH * 0.08, WIDTH * 0.17] + ([WIDTH * 0.08] if changes else [])
    side = Table([[chart, make_table(rows, [x * (WIDTH * 0.47 / sum(widths)) for x in widths],
                                 align_right=(1,))]],
                 colWidths=[WIDTH * 0.52, WIDTH * 0.48])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    out: list[Any] = [d.p(w("section_readiness"), "h1"), side, d.p(caption, "small")]
    if inp.comparison is not None:
        c = inp.comparison
        index_delta = "—" if c.index_delta is None else f"{c.index_delta:+.1f}"
        out.append(d.p(w("since", date=c.previous_date, delta=index_delta,
                         a=dash(c.stage_index_before), b=dash(c.stage_index_after),
                         c=dash(c.stage_weakest_before), d=dash(c.stage_weakest_after))))
    rows = [[d.p(w("dimension"), "cellhead"), d.p(w("now"), "cellhead"),
             d.p(w("next_level"), "cellhead")]]
    for x in s.dimensions:
        dim = q.dimension_by_id[x.id]
        now = verdict.dimension_now(x, s, q, inp.assessment.answers, lang)
        nxt = verdict.dimension_next(x, q, lang)
        rows.append([d.p(dim.name.get(lang), "cell"), d.p(now, "cell"), d.p(nxt, "cell")])
    out += [Spacer(1, 3 * mm), make_table(rows, [WIDTH * 0.2, WIDTH * 0.4, WIDTH * 0.4])]
    out += section_verification(inp, d, w)
    out += section_peers(inp, d, w)
    return out


def section_peers(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    """The firm's levels against its peers' (from the store's portfolio), when given."""
    peers = inp.peers
    if peers is None:
        return []
    lang, q = inp.lang, inp.instrument
    industry = choice_label(inp, "industry") or None
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
    out.append(make_table(rows, [WIDTH * 0.4, WIDTH * 0.18, WIDTH * 0.18, WIDTH * 0.24],
                      align_right=(1, 2, 3)))
    return out


def section_verification(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    """Under expert verification: how many answers the expert checked (never more than the
    record says), both scores, the checked answers with their evidence, and the photos."""
    owner, a = inp.owner_score, inp.assessment
    if owner is None or a.kind != "expert":
        return []
    lang, q, s = inp.lang, inp.instrument, inp.score
    who = a.assessor.name if a.assessor else (inp.assessor or "—")
    if a.assessor and (a.assessor.organisation or a.assessor.service_group):
        extra = ("，" if lang == "zh" else ", ").join(
            x for x in (a.assessor.organisation, a.assessor.service_group) if x)
        who += f"（{extra}）" if lang == "zh" else f" ({extra})"

    def index(value: float | None) -> str:
        return "—" if value is None else f"{value:.1f}"

    def answer_of(question: Any, answer: Any) -> str:
        return "—" if answer is None else answer_text_plain(question, answer, lang, w)

    cov = coverage(a, q, s)
    out: list[Any] = [CondPageBreak(70 * mm), d.p(w("verification_title"), "h2")]
    if cov.checked:
        out.append(d.p(w("verification_intro", who=who, total=str(len(cov.answers)),
                         checked=str(len(cov.checked)), pct=str(cov.percent),
                         n=str(len(cov.corrected)), rest=str(len(cov.unchecked)),
                         owner=index(owner.index),
                         owner_stage=stage_name(inp, owner.stage_by_index),
                         verified=index(s.index),
                         verified_stage=stage_name(inp, s.stage_by_index))))
    else:
        out.append(d.p(w("verification_none", who=who)))
    owner_levels = {x.id: x.level for x in owner.dimensions}
    rows = [[d.p(w("dimension"), "cellhead"), d.p(w("owner_level"), "cellhead"),
             d.p(w("verified_level"), "cellhead")]]
    for x in s.dimensions:
        before = owner_levels.get(x.id)
        rows.append([d.p(q.dimension_by_id[x.id].name.get(lang), "cell"),
                     d.p("—" if before is None else f"{before:.2f}", "cell"),
                     d.p("—" if x.level is None else f"{x.level:.2f}", "cell")])
    out += [d.p(w("verification_levels"), "small"),
            make_table(rows, [WIDTH * 0.5, WIDTH * 0.25, WIDTH * 0.25], align_right=(1, 2))]
    if cov.checked:
        rows = [[d.p(w("appendix_question"), "cellhead"), d.p(w("check_result"), "cellhead"),
                 d.p(w("owner_answer"), "cellhead"), d.p(w("verified_answer"), "cellhead"),
                 d.p(w("evidence"), "cellhead")]]
        fixed = set(cov.corrected)
        for qid in cov.checked:
            question = q.by_id[qid]
            evidence = a.evidence.get(qid)
            seen = [evidence.note.strip()] if evidence and evidence.note.strip() else []
            if evidence and evidence.photos:
                seen.append(w("photos_n", n=str(len(evidence.photos))))
            rows.append([d.p(question.text.get(lang), "cell"),
                         d.p(w("check_corrected" if qid in fixed else "check_confirmed"),
                             "cell"),
                         d.p(answer_of(question, a.owner_answers.get(qid)), "cell"),
                         d.p(answer_of(question, a.answers.get(qid)) if qid in fixed
                             else w("same_answer"), "cell"),
                         d.p("；".join(seen) if lang == "zh" else "; ".join(seen), "cell")])
        out += [Spacer(1, 3 * mm), d.p(w("checked_title"), "h2"),
                make_table(rows, [WIDTH * 0.28, WIDTH * 0.13, WIDTH * 0.18, WIDTH * 0.17,
                                  WIDTH * 0.24])]
    out += section_photos(inp, d, w)
    return out


def section_photos(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
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


def dash(value: int | None) -> str:
    return "—" if value is None else str(value)


def section_gaps(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
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
        parts = [d.p(f"{n}. {dim.name.get(lang)} — {w('priority')} "
                   f"{verdict.priority_word(gap, s.priorities, lang)}", "h2"),
                 d.p(sep.join(gap_reasons(gap, q, pains, lang)))]
        if gap.next_level is not None:
            parts.append(d.p(d.label(f"{w('next_level')} {gap.next_level}",
                                     dim.levels[gap.next_level].get(lang)), "small"))
        for step in gap.holding_back[:3]:
            parts.append(d.p("• " + next_step_text(step, q, lang), "small"))
        out.append(KeepTogether(parts))
    return out
