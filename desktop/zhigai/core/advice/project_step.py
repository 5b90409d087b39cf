"""The owner's own project as a step of the roadmap: the measures its items carry out (tied by
the owner or suggested from the words and category of each item), what the firm's score would
be after it, the prerequisites it lacks and the priority gaps it leaves open."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..assessment.model import Assessment
from ..assessment.plan import ProjectItem, ProjectPlan
from ..assessment.scoring import Score
from ..base.i18n import Text
from ..questionnaire.instrument import Instrument
from .models import Measure
from .projection import projected_score

#: priority gaps looked at when saying what the project leaves open
OPEN_GAPS = 3
#: a dimension counts as raised by the project when it rises at least this much
RAISED = 0.05
#: items that come with the measures (installation, integration, training, consulting): they
#: need no measure of their own
ACCOMPANYING = ("engineering", "training", "service")


@dataclass(frozen=True)
class ProjectStep:
    name: str                          # the project as the owner names it
    measures: tuple[Measure, ...]      # what the project carries out
    suggested: tuple[str, ...]         # ids among them suggested rather than tied by the owner
    untied: tuple[str, ...]            # item descriptions no measure fits
    horizon: int
    after: tuple[str, ...]             # roadmap measure ids that come before it
    lacks: tuple[Measure, ...]         # prerequisites not in place and not in the project
    open_gaps: tuple[str, ...]         # priority gap dimensions it does not raise
    before: Score
    after_score: Score
    cost: Decimal                      # yuan: the items, else the profile's estimate
    item_ties: tuple[tuple[str, tuple[str, ...]], ...] = ()  # item id, the measures it does

    @property
    def measure_ids(self) -> frozenset[str]:
        return frozenset(m.id for m in self.measures)

    def raised(self) -> list[tuple[str, float, float]]:
        """(dimension, level now, level after) for every dimension the project raises."""
        return raised_dimensions(self.before, self.after_score)


def raised_dimensions(before: Score, after: Score) -> list[tuple[str, float, float]]:
    """(dimension, level now, level after) for every dimension that rises by RAISED or more."""
    out = []
    for d in before.dimensions:
        a = after.dimension(d.id)
        if d.level is not None and a.level is not None and a.level >= d.level + RAISED:
            out.append((d.id, d.level, a.level))
    return out


def _words(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


_ASCII = re.compile(r"^[a-z0-9/+.-]+$")


def _found(keyword: str, words: str) -> bool:
    """A keyword in an item's words; a Latin one (MES, ERP, AGV) only as a whole word, so MES
    is not found in "frames"."""
    k = _words(keyword)
    if len(k) < 2:
        return False
    if _ASCII.match(k):
        return re.search(rf"(?<![a-z0-9]){re.escape(k)}(?![a-z0-9])", words) is not None
    return k in words


def keyword_hits(m: Measure, text: str) -> int:
    """How many of the measure's keywords the text contains (its name counts as one)."""
    words = _words(text)
    names = [m.name.zh or "", m.name.en or ""]
    return sum(1 for k in [*m.keywords, *names] if _found(k, words))


def _acronym_hit(m: Measure, text: str) -> bool:
    """The text names the measure by a system's acronym (MES, ERP, APS, PDM ...)."""
    words = _words(text)
    return any(_ASCII.match(_words(k)) and len(_words(k)) <= 4 and k.isupper()
               and _found(k, words) for k in m.keywords)


def suggest(text: str, category: str | None, candidates: list[Measure]) -> Measure | None:
    """The measure an item's words point to most clearly (ties: one of the same category,
    then the one listed first); None when no keyword matches."""
    found = suggest_for_item(text, category, candidates)
    return found[0] if found else None


def suggest_for_item(text: str, category: str | None, candidates: list[Measure],
                     ) -> list[Measure]:
    """Every measure an item carries out, the clearest first: those its words match best,
    and any it names by a system's acronym ("ERP production module and a light MES")."""
    # a measure made for the trade says it better than a generic one with the same words
    scored = [(hits + bool(m.industries), int(category == m.category), -n, m)
              for n, m in enumerate(candidates) if (hits := keyword_hits(m, text)) > 0]
    if not scored:
        return []
    scored.sort(key=lambda s: s[:3], reverse=True)
    best = scored[0][0]
    return [m for hits, _c, _n, m in scored if hits == best or _acronym_hit(m, text)]


def suggest_all(text: str, candidates: list[Measure]) -> list[Measure]:
    """Every measure a free description mentions (the profile's planned project)."""
    return [m for m in candidates if keyword_hits(m, text) > 0]


@dataclass(frozen=True)
class Tied:
    measures: list[Measure]            # what the project carries out, in item order
    suggested: set[str]                # ids suggested rather than chosen by the owner
    untied: list[str]                  # descriptions of items nothing fits
    items: dict[str, tuple[str, ...]]  # item id: the measures it carries out


def project_measures(plan: ProjectPlan, description: str, candidates: list[Measure],
                     done: set[str] | None = None) -> Tied:
    """The project's measures in item order: an item's own tie when it fits the firm, else a
    suggestion from its words among the measures the firm lacks (or, when none fits, among
    those it has: the item extends them); with no items, what the profile's description
    mentions."""
    done = done or set()
    by_id = {m.id: m for m in candidates}
    open_ = [m for m in candidates if m.id not in done]
    had = [m for m in candidates if m.id in done]
    chosen: dict[str, Measure] = {}
    suggested: set[str] = set()
    untied: list[str] = []
    items: dict[str, tuple[str, ...]] = {}
    for mid in plan.measures:
        if mid in by_id:
            chosen.setdefault(mid, by_id[mid])
    for item in plan.items:
        found = ties(item, by_id, open_) or ties(item, by_id, had)
        items[item.id] = tuple(m.id for m in found)
        if not found and item.category not in ACCOMPANYING:
            untied.append(item.description)
        for m in found:
            if item.measure != m.id:
                suggested.add(m.id)
            chosen.setdefault(m.id, m)
    if not plan.items and description:
        for m in suggest_all(description, open_):
            if m.id not in chosen:
                chosen[m.id] = m
                suggested.add(m.id)
    return Tied(list(chosen.values()), suggested & set(chosen), untied, items)


def ties(item: ProjectItem, by_id: dict[str, Measure], candidates: list[Measure],
         ) -> list[Measure]:
    """The measures an item carries out: the one the owner chose, else those its words
    suggest."""
    if item.measure and item.measure in by_id:
        return [by_id[item.measure]]
    return suggest_for_item(item.description, item.category, candidates)


def build_step(instrument: Instrument, assessment: Assessment, score_: Score, name: str,
               tied_: Tied, done: set[str], horizon: int, after: tuple[str, ...],
               by_id: dict[str, Measure], cost: Decimal) -> ProjectStep:
    measures, suggested, untied = tied_.measures, tied_.suggested, tied_.untied
    ids = {m.id for m in measures}
    lacks: dict[str, Measure] = {}
    for m in measures:
        for req in m.requires:
            if req not in done and req not in ids and req in by_id:
                lacks.setdefault(req, by_id[req])
    after_score = projected_score(instrument, assessment, measures)
    raised = {dim for dim, _a, _b in raised_dimensions(score_, after_score)}
    open_gaps = tuple(g.dimension for g in score_.gaps if g.priority > 0
                      and g.dimension not in raised)[:OPEN_GAPS]
    return ProjectStep(name, tuple(measures), tuple(sorted(suggested)), tuple(untied), horizon,
                       after, tuple(lacks.values()), open_gaps, score_, after_score, cost,
                       tuple(tied_.items.items()))


def _level(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _stage(value: int | None, lang: str) -> str:
    return ("未定" if lang == "zh" else "not determined") if value is None else str(value)


def effect_line(step: ProjectStep, instrument: Instrument) -> Text:
    """"after the project: equipment 0.9 → about 1.6, stage by index 1 → 1"."""
    parts_zh, parts_en = [], []
    for dim, now, then in step.raised():
        name = instrument.dimension_by_id[dim].name
        parts_zh.append(f"{name.get('zh')} {_level(now)} → 约 {_level(then)}")
        parts_en.append(f"{name.get('en')} {_level(now)} → about {_level(then)}")
    b, a = step.before, step.after_score
    zh = (("项目完成后：" + "，".join(parts_zh)) if parts_zh
          else "项目完成后：各维度得分基本不变") \
        + f"；按综合指数的阶段 {_stage(b.stage_by_index, 'zh')} → {_stage(a.stage_by_index, 'zh')}"
    en = (("after the project: " + ", ".join(parts_en)) if parts_en
          else "after the project: no dimension changes noticeably") \
        + f"; stage by index {_stage(b.stage_by_index, 'en')} → {_stage(a.stage_by_index, 'en')}"
    zh += f"，按门槛维度的阶段 {_stage(b.stage_weakest_link, 'zh')} → " \
          f"{_stage(a.stage_weakest_link, 'zh')}"
    en += f", stage by the gates {_stage(b.stage_weakest_link, 'en')} → " \
          f"{_stage(a.stage_weakest_link, 'en')}"
    return Text(zh=zh, en=en)


def step_lines(step: ProjectStep, instrument: Instrument, by_id: dict[str, Measure],
               ) -> list[Text]:
    """The project step in words: what it does, its effect, what must come first and what it
    leaves open. The same lines appear in the plan, the command line and the report."""
    lines: list[Text] = []
    if step.measures:
        lines.append(Text(zh="项目内容对应的措施：" + "、".join(
            m.name.get("zh") + ("（按描述推荐）" if m.id in step.suggested else "")
            for m in step.measures),
            en="what the project carries out: " + ", ".join(
            m.name.get("en") + (" (suggested from the description)" if m.id in step.suggested
                                else "") for m in step.measures)))
    else:
        lines.append(Text(zh="项目内容还没有对应到任何措施：请在项目清单中为每一项选择措施",
                          en="no measure is tied to the project yet: choose one for each "
                             "item in the project list"))
    lines.append(effect_line(step, instrument))
    for m in step.lacks:
        needs = [x for x in step.measures if m.id in x.requires]
        lines.append(Text(
            zh="、".join(f"“{x.name.get('zh')}”" for x in needs)
            + f"需要先具备“{m.name.get('zh')}”（已排在项目之前）",
            en=", ".join(f"'{x.name.get('en')}'" for x in needs)
            + f" needs '{m.name.get('en')}' first (planned before the project)"))
    first = [by_id[x] for x in step.after if x in by_id and by_id[x].first]
    for m in first:
        lines.append(Text(zh=f"先做“{m.name.get('zh')}”，用诊断结论确认项目方案",
                          en=f"'{m.name.get('en')}' comes first; its findings confirm the "
                             "project's plan"))
    if step.open_gaps:
        zh = "、".join(instrument.dimension_by_id[d].name.get("zh") for d in step.open_gaps)
        en = ", ".join(instrument.dimension_by_id[d].name.get("en") for d in step.open_gaps)
        lines.append(Text(zh=f"项目没有覆盖的优先差距：{zh}（见路线图中的其他措施）",
                          en=f"priority gaps the project does not cover: {en} (see the other "
                             "measures of the roadmap)"))
    if step.untied:
        lines.append(Text(zh="没有对应措施的项目内容：" + "、".join(step.untied),
                          en="items no measure fits: " + ", ".join(step.untied)))
    return lines


def describe(plan: ProjectPlan | None, profile_description: str | None) -> str:
    """The project's name: the owner's description of it, else the plan's name."""
    return (profile_description or "").strip() or (plan.name if plan else "").strip()


def as_dict(step: ProjectStep, instrument: Instrument, by_id: dict[str, Measure],
            lang: str) -> dict[str, Any]:
    return {"name": step.name, "measures": [m.id for m in step.measures],
            "suggested": list(step.suggested), "untied": list(step.untied),
            "horizon_index": step.horizon, "after": list(step.after),
            "lacks": [m.id for m in step.lacks], "open_gaps": list(step.open_gaps),
            "raised": [{"dimension": d, "now": round(a, 2), "after": round(b, 2)}
                       for d, a, b in step.raised()],
            "stage_by_index": [step.before.stage_by_index, step.after_score.stage_by_index],
            "stage_by_gates": [step.before.stage_weakest_link,
                               step.after_score.stage_weakest_link],
            "cost": str(step.cost),
            "lines": [t.get(lang) for t in step_lines(step, instrument, by_id)]}
