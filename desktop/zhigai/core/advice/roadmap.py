"""The roadmap: measures for the firm's gaps in three horizons, respecting prerequisites, each
with its reasons in words. Rules in docs/advice.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..assessment.model import Assessment
from ..assessment.plan import ProjectPlan
from ..assessment.scoring import Score
from ..base.i18n import Text
from ..questionnaire.conditions import syntax
from ..questionnaire.instrument import Instrument
from .data import AdviceData
from .facts import AdviceEnv, holds, project_facts, zh_en
from .models import Measure, fits_industry
from .project_step import ProjectStep, build_step, describe, project_measures
from .projection import projected_answers

HORIZONS = (Text(zh="0-6 个月", en="0-6 months"), Text(zh="6-18 个月", en="6-18 months"),
            Text(zh="18-36 个月", en="18-36 months"))
MAX_PER_DIMENSION = 2
MAX_STEPS = 10


# ---------------------------------------------------------------------------- roadmap

@dataclass(frozen=True)
class RoadmapStep:
    measure: Measure
    horizon: int                       # 0: 0-6 months, 1: 6-18, 2: 18-36
    reasons: tuple[Text, ...]
    after: tuple[str, ...]             # prerequisite measure ids planned earlier


@dataclass(frozen=True)
class Roadmap:
    steps: tuple[RoadmapStep, ...]
    done: tuple[Measure, ...]          # measures the firm already has
    project: ProjectStep | None = None  # the owner's own project, placed among the steps
    fitting: tuple[Measure, ...] = ()   # every measure that fits the firm's trade

    @property
    def already_done(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.done)

    def horizon(self, index: int) -> tuple[RoadmapStep, ...]:
        return tuple(s for s in self.steps if s.horizon == index)


def roadmap(data: AdviceData, instrument: Instrument, assessment: Assessment,
            score: Score, plan: ProjectPlan | None = None) -> Roadmap:
    """Measures for the prioritized gaps around the owner's own project, placed so every
    prerequisite comes first; a measure marked ``first`` (the expert diagnosis) leads
    whenever the firm lacks it."""
    plan = plan or ProjectPlan()
    env = AdviceEnv(instrument, assessment, score, project_facts(None, instrument,
                                                                 assessment.profile))
    industry = assessment.industry(instrument)
    # only what fits the trade; a measure whose condition asks about something the firm
    # answered "not applicable" (e.g. link winding in a mill without spinning) does not apply
    measures = [m for m in data.measures.measures if fits_industry(m, industry)
                and not _about_not_applicable(m, assessment)]
    by_id = {m.id: m for m in measures}
    done = {m.id for m in measures if m.done_if and holds(m.done_if, env) is True}
    description_field = instrument.profile_fields.get("project_description")
    name = describe(plan, str(assessment.profile.get(description_field.id) or "")
                    if description_field else None)
    tied = project_measures(plan, name, measures, done)
    own = [m for m in tied.measures if m.id not in done]   # what it adds to the firm
    in_project = {m.id for m in own}
    if own:  # what the project brings counts as done for the rest of the roadmap
        after = assessment.model_copy(update={"answers": projected_answers(
            instrument, assessment, own)})
        env_after = AdviceEnv(instrument, after, score, env.project)
        covered = {m.id for m in measures if m.done_if and m.id not in done
                   and holds(m.done_if, env_after) is True}
    else:
        covered = set()
    skip = done | in_project | covered
    levels = {d.id: d for d in score.dimensions}
    pains: set[str] = set()
    pain_field = instrument.field_for_role("pain_points")
    chosen_pains = assessment.profile.get(pain_field.id) if pain_field else None
    if isinstance(chosen_pains, list):
        pains = {str(p) for p in chosen_pains}
    priority = {g.dimension: g for g in score.gaps}
    target = score.target

    def startable(m: Measure, level_now: int) -> bool:
        """It raises the dimension and starts where the dimension is (no leaping ahead)."""
        return m.to_level > level_now and m.from_level <= level_now

    chosen: dict[str, Measure] = {}
    follow_on: set[str] = set()   # chosen because an earlier chosen measure prepares it
    ranked_dims = [g.dimension for g in score.gaps if g.priority > 0]
    for dim in ranked_dims:
        d = levels[dim]
        if d.stage is None:
            continue
        aim = target if target is not None else 4
        holding = {q.id for q in instrument.by_dimension[dim]
                   if score.questions[q.id].counted and score.questions[q.id].state == "answered"
                   and (score.questions[q.id].level or 0) < aim}

        def fit(m: Measure, holding: set[str] = holding) -> int:
            """How closely it answers this firm's situation: it raises an answer that holds
            the dimension back (2), it is made for the firm's trade (2: looms for a weaving
            mill before a generic machine), each pain point it addresses (1)."""
            asks = {r.name for r in syntax.references(syntax.parse(m.done_if))} \
                if m.done_if else set()
            return 2 * bool(asks & holding) + 2 * bool(m.industries) + \
                len(set(m.addresses) & pains)

        pool = sorted((m for m in measures if m.dimension == dim and m.id not in skip),
                      key=lambda m: (m.from_level, -fit(m), m.to_level, m.horizon != "quick",
                                     m.cost.min))
        # the lowest open step: where the dimension is, or one up when the steps below are
        # all done already (pool is sorted by from_level, so lower steps win)
        picked = [m for m in pool if m.to_level > d.stage and m.from_level <= d.stage + 1][:1]
        gap = priority[dim]
        if picked and gap.size > 1.0:
            # far from the target: also the next step, once the first one is in place, as
            # long as it does not go beyond the target
            reached = max(m.to_level for m in picked)
            nxt = [m for m in pool if m not in picked and startable(m, reached)
                   and m.to_level <= (target or 4)]
            if nxt:
                picked.append(nxt[0])
                follow_on.add(nxt[0].id)
        elif picked:
            more = [m for m in pool if m not in picked and startable(m, d.stage)
                    and m.to_level <= (target or 4)]
            picked.extend(more[:1])
        for m in picked[:MAX_PER_DIMENSION]:
            if len(chosen) < MAX_STEPS:
                chosen[m.id] = m
    # the measures that lead whenever the firm lacks them (the expert diagnosis)
    leading = [m for m in measures if m.first and m.id not in done and m.id not in in_project]
    for m in leading:
        chosen = {m.id: m, **{k: v for k, v in chosen.items() if k != m.id}}
    # prerequisites that are not done come along, the project's too
    prerequisite_of: dict[str, list[str]] = {}
    pending = list(chosen.values()) + own
    while pending:
        m = pending.pop()
        for req in m.requires:
            if req in done or req in in_project or req not in by_id:
                continue
            prerequisite_of.setdefault(req, []).append(m.id)
            if req not in chosen:
                chosen[req] = by_id[req]
                pending.append(by_id[req])

    rank = {dim: n for n, dim in enumerate(ranked_dims)}
    horizon: dict[str, int] = {}

    project_h: list[int] = []   # set once the project's prerequisites are placed

    def place(m: Measure, seen: frozenset[str] = frozenset()) -> int:
        if m.id in horizon:
            return horizon[m.id]
        if m.first:
            horizon[m.id] = 0
            return 0
        if m.horizon == "long":
            earliest = 1
        elif m.horizon == "medium":  # bigger projects start now only for the top priorities
            earliest = 0 if rank.get(m.dimension, 99) < 3 or m.id in prerequisite_of else 1
        else:
            earliest = 0
        if m.id in follow_on:
            earliest = max(earliest, 1)
        for req in m.requires:
            if req in chosen and req not in seen:
                earliest = max(earliest, place(chosen[req], seen | {m.id}) + 1)
            elif req in in_project and project_h:
                earliest = max(earliest, project_h[0] + 1)
        horizon[m.id] = min(2, earliest)
        return horizon[m.id]

    # the project starts once what it lacks is in place (the owner's own plan: at once
    # otherwise); everything that builds on it comes after it
    needed = [chosen[x] for x in prerequisite_of if x in chosen
              and any(p in in_project for p in prerequisite_of[x])]
    for m in needed:
        place(m)
    project_h.append(min(2, max((horizon[m.id] + 1 for m in needed), default=0)))
    for m in list(chosen.values()):
        place(m)
    # at most five measures in the first six months: the lower priorities wait
    first = sorted((m for m in chosen.values() if horizon[m.id] == 0),
                   key=lambda m: (not m.first, m.id not in prerequisite_of,
                                  rank.get(m.dimension, 99)))
    for m in first[5:]:
        horizon[m.id] = 1
    changed = True
    while changed:  # keep every prerequisite strictly earlier
        changed = False
        for m in chosen.values():
            for req in m.requires:
                if req in chosen and horizon[m.id] <= horizon[req] and horizon[m.id] < 2:
                    horizon[m.id] = horizon[req] + 1
                    changed = True

    steps = []
    for m in chosen.values():
        steps.append(RoadmapStep(m, horizon[m.id], tuple(_measure_reasons(
            m, levels, priority.get(m.dimension), target, pains, instrument, chosen, done,
            horizon, [by_id[x] for x in prerequisite_of.get(m.id, []) if x in by_id])),
            tuple(r for r in m.requires if r in chosen)))
    dim_rank = {dim: n for n, dim in enumerate(ranked_dims)}
    steps.sort(key=lambda s: (s.horizon, not s.measure.first,
                              dim_rank.get(s.measure.dimension, 99), s.measure.from_level))
    step = None
    if own or name or plan.items:
        before = tuple(s.measure.id for s in steps if s.horizon <= project_h[0]
                       and (s.measure.first or s.measure.id in prerequisite_of
                            and any(p in in_project for p in prerequisite_of[s.measure.id])))
        cost = plan.total() or env.project["total_investment"]
        step = build_step(instrument, assessment, score, name, tied, done, project_h[0],
                          before, by_id, cost)
    return Roadmap(tuple(steps), tuple(by_id[m] for m in sorted(done)), step,
                   tuple(measures))


def _about_not_applicable(m: Measure, assessment: Assessment) -> bool:
    if not m.done_if:
        return False
    for ref in syntax.references(syntax.parse(m.done_if)):
        answer = assessment.answers.get(ref.name) if ref.scope == "question" else None
        if answer is not None and answer.na:
            return True
    return False


def _measure_reasons(m: Measure, levels: dict[str, Any], gap: Any, target: int | None,
                     pains: set[str], instrument: Instrument, chosen: dict[str, Measure],
                     done: set[str], horizon: dict[str, int],
                     enables: list[Measure]) -> list[Text]:
    dim = instrument.dimension_by_id[m.dimension]
    d = levels[m.dimension]
    reasons: list[Text] = []
    if enables:
        reasons.append(zh_en("先要做好它，才能实施："
                          + "、".join(f"“{x.name.get('zh')}”" for x in enables),
                          "needed first for: "
                          + ", ".join(f"'{x.name.get('en')}'" for x in enables)))
    if d.stage is not None and m.to_level > d.stage:
        reasons.append(zh_en(f"{dim.name.get('zh')}目前为 {d.level:.2f} 级，本措施可把它从 "
                          f"{m.from_level} 级提升到 {m.to_level} 级",
                          f"{dim.name.get('en')} is at {d.level:.2f}; this measure takes it "
                          f"from level {m.from_level} to {m.to_level}"))
    if gap is not None and gap.size > 0 and target is not None and m.to_level > (d.stage or 0):
        reasons.append(zh_en(f"距目标第 {target} 阶段差 {gap.size:.2f} 级，排在优先改进之列",
                          f"{gap.size:.2f} below the target stage {target}, among the "
                          "priorities"))
    matched = [p for p in m.addresses if p in pains]
    if matched:
        field_ = instrument.field_for_role("pain_points")
        labels = {o.id: o.label for o in (field_.options or [])} if field_ else {}
        zh = "、".join(labels[p].get("zh") if p in labels else p for p in matched)
        en = ", ".join(labels[p].get("en") if p in labels else p for p in matched)
        reasons.append(zh_en(f"针对您关注的问题：{zh}", f"addresses your pain points: {en}"))
    for req in m.requires:
        if req in done:
            continue
        r = chosen.get(req)
        if r is not None:
            when = HORIZONS[horizon.get(req, 0)]
            reasons.append(zh_en(f"在“{r.name.get('zh')}”（{when.get('zh')}）之后实施",
                              f"follows '{r.name.get('en')}' ({when.get('en')})"))
    return reasons
