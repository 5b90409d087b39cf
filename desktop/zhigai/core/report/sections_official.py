"""The report's page on the official level (the MIIT 2024 SME digital level, estimated): the
score per part, each scenario's level, the counts the level rule asks for, the estimate, the
level after the project, the path to the next level, the supports that pay above a level, and
the evidence completeness per part."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..advice.official import OfficialLevel
from ..assessment.lens import LensResult
from ..assessment.lens_evidence import completeness
from ..assessment.lens_text import (
    estimate_line,
    level_name,
    path_sentences,
    points,
    scenario_level_name,
    unanswered_names,
)
from .layout import WIDTH, Doc, make_table
from .model import ReportInput
from .texts import Words


def scenario_cell(level: int, possible: int, lang: str) -> str:
    text = scenario_level_name(level, lang)
    if possible > level:
        more = scenario_level_name(possible, lang)
        text += f"（最高{more}）" if lang == "zh" else f" (up to {more})"
    return text


def section_official(inp: ReportInput, d: Doc, w: Words) -> list[Any]:
    official = inp.advice.official
    out: list[Any] = [d.p(w("section_official"), "h1")]
    if official is None:
        return out + [d.p(w("official_none"))]
    r, lang = official.today, inp.lang
    lens = r.lens
    out += [d.p(f"{lens.name.get(lang)} · {lens.source.document.get(lang)}", "small"),
            d.p(lens.label.get(lang), "warn"), d.p(estimate_line(r, lang), "h2")]
    if official.after is not None:
        out.append(d.p(w("official_after", level=level_name(lens, official.after.level, lang),
                         score=points(official.after.score))))
    if r.not_asked:
        out.append(d.p(w("official_not_asked"), "warn"))
    rows = [[d.p(w("official_part"), "cellhead"), d.p(w("official_points"), "cellhead"),
             d.p(w("official_of"), "cellhead")]]
    rows += [[d.p(p.part.name.get(lang), "cell"), d.p(points(p.points), "cell"),
              d.p(points(p.part.points), "cell")] for p in r.parts]
    rows.append([d.p(w("official_total"), "cellhead"), d.p(points(r.score), "cellhead"),
                 d.p("100", "cellhead")])
    out += [make_table(rows, [WIDTH * 0.5, WIDTH * 0.25, WIDTH * 0.25], align_right=(1, 2)),
            Spacer(1, 3 * mm), d.p(w("official_scenarios"), "h2")]
    out.append(_scenario_table(official, d, w, lang))
    out += [Spacer(1, 2 * mm), _rules_table(r, d, w, lang), Spacer(1, 3 * mm),
            d.p(w("official_path", level=level_name(lens, r.level + 1, lang))
                if r.level < 4 else w("official_top"), "h2")]

    def measure_names(key: str) -> list[str]:
        return [m.name.get(lang) for m in official.measures_for(key)]

    out += [d.p(f"• {s}") for s in path_sentences(r, official.path, lang, measure_names)]
    for gate in inp.advice.gates:
        out.append(d.p(w("official_gate" if gate.reached else "official_gate_open",
                         policy=gate.policy.name.get(lang),
                         level=level_name(lens, gate.level, lang),
                         before=level_name(lens, gate.before, lang),
                         after=level_name(lens, gate.after, lang))))
        if not gate.reached:
            start = official.after or r
            out.append(d.p(w("official_still_missing"), "small"))
            out += [d.p(f"– {s}", "small") for s in
                    path_sentences(start, official.still_missing(gate.level), lang)]
    names = unanswered_names(r, inp.instrument, lang)
    if names:
        out.append(d.p(w("official_unanswered", names=names), "small"))
    if inp.assessment.kind == "expert":
        out += [Spacer(1, 3 * mm), d.p(w("official_evidence"), "h2"),
                evidence_table(inp, official, d, w)]
    out.append(d.p(w("official_source", basis=lens.source.basis.get(lang),
                     researched=lens.source.researched), "small"))
    return out


def _scenario_table(official: OfficialLevel, d: Doc, w: Words, lang: str) -> Any:
    r, after = official.today, official.after
    head = [w("official_group"), w("official_scenario"), w("official_constraint"),
            w("official_now")] + ([w("official_after_head")] if after else [])
    rows = [[d.p(h, "cellhead") for h in head]]
    later = {s.scenario.id: s for s in after.scenarios} if after else {}
    for s in r.scenarios:
        row = [d.p(s.scenario.group.get(lang), "cell"), d.p(s.scenario.name.get(lang), "cell"),
               d.p("★" if s.scenario.constraint else "", "cell"),
               d.p(scenario_cell(s.level, s.possible, lang), "cell")]
        if after:
            x = later[s.scenario.id]
            row.append(d.p(scenario_cell(x.level, x.possible, lang), "cell"))
        rows.append(row)
    widths = [0.28, 0.24, 0.1, 0.19] + ([0.19] if after else [])
    scale = 1 / sum(widths)
    return make_table(rows, [WIDTH * x * scale for x in widths])


def _rules_table(r: LensResult, d: Doc, w: Words, lang: str) -> Any:
    rows = [[d.p(h, "cellhead") for h in (w("official_level"), w("official_needs_score"),
                                          w("official_needs_scenarios"), w("official_has"),
                                          w("official_reached"))]]
    for rule in r.lens.levels:
        need = rule.scenarios
        count, constraint = r.counts(need.level)
        at = scenario_level_name(need.level, lang)
        reached = r.level >= rule.level
        rows.append([d.p(rule.name.get(lang), "cell"), d.p(f"≥ {points(rule.min_score)}", "cell"),
                     d.p(w("official_scenario_rule", count=need.count, level=at,
                           constraint=need.constraint), "cell"),
                     d.p(w("official_scenario_has", count=count, constraint=constraint),
                         "cell"),
                     d.p(w("yes") if reached else w("no"), "cell")])
    return make_table(rows, [WIDTH * x for x in (0.12, 0.14, 0.36, 0.26, 0.12)])


def evidence_table(inp: ReportInput, official: OfficialLevel, d: Doc, w: Words) -> Any:
    lang = inp.lang
    rows = [[d.p(h, "cellhead") for h in (w("official_part"), w("official_seen"),
                                          w("official_share"), w("official_photos"))]]
    for c in completeness(official.today.lens, inp.assessment):
        rows.append([d.p(c.name.get(lang), "cell"), d.p(f"{c.seen} / {c.total}", "cell"),
                     d.p(f"{c.share:.0%}", "cell"), d.p(str(c.with_photos), "cell")])
    return make_table(rows, [WIDTH * x for x in (0.4, 0.2, 0.2, 0.2)], align_right=(1, 2, 3))
