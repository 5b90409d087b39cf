"""Scoring: per-dimension levels, the 0-100 index, the overall stage by two rules, completeness,
gaps and priorities.

Rules (documented in ``docs/scoring.md``):

* A question's level comes from its option, threshold or yes/no level (0-4).
* A dimension's level is the weight-averaged level of its counted questions: answered ones and
  ones skipped by skip logic with a numeric ``if_skipped``. "Not applicable" and unanswered
  questions leave the denominator; unanswered required questions are reported as missing.
* Index = 25 x the weight-averaged dimension level (0-100), over dimensions that have a level.
* A level ``L`` reaches stage ``s`` (s >= 1) when ``L >= s - 1 + threshold`` (threshold 0.8 by
  default: 80% of the way, after GB/T 39117's "0.8 counts as met").
* Stage by index: the stage the weighted-average level reaches.
* Weakest-link stage: the highest stage every core dimension reaches (cumulative, as CMMM).
* Target stage: one above the higher of the two stages (by index where no gates are named). A
  dimension's gap is its distance to the target;
  priority = gap x relative weight x pain-point factor x industry factor x limiting factor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from ..questionnaire.instrument import Instrument, answer_level
from ..questionnaire.models import Question
from ..questionnaire.values import typed_profile_value

QuestionState = Literal["answered", "na", "skipped", "pending", "missing", "optional"]
EPS = 1e-9


@dataclass(frozen=True)
class QuestionScore:
    id: str
    dimension: str
    state: QuestionState
    level: int | None
    counted: bool
    weight: float
    raised_by: str | None = None  # the follow-up that raised this answer's level


@dataclass(frozen=True)
class DimensionScore:
    id: str
    level: float | None
    stage: int | None
    weight: float
    core: bool
    counted: int
    answered: int
    na: int
    missing: tuple[str, ...]
    shown: int
    assessed: bool = True  # False: too few questions applicable; no level, outside the gates
    applicable: int = 0
    total: int = 0

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def index(self) -> float | None:
        return None if self.level is None else self.level * 25.0


@dataclass(frozen=True)
class NextStep:
    """What would move one answer up: an option to choose or a value to reach."""

    question: str
    level: int
    target_level: int
    option: str | None = None
    value: float | None = None
    below: bool = False  # True: the answer must fall below ``value`` (lower is better)


@dataclass(frozen=True)
class Gap:
    dimension: str
    level: float
    stage: int
    next_level: int | None
    target: int
    size: float
    priority: float
    weight_factor: float
    pain_points: tuple[str, ...]
    pain_factor: float
    industry_factor: float
    limiting: bool
    holding_back: tuple[NextStep, ...]


@dataclass(frozen=True)
class Score:
    questionnaire: str
    version: str
    dimensions: tuple[DimensionScore, ...]
    index: float | None
    stage_by_index: int | None
    stage_weakest_link: int | None
    limiting: tuple[str, ...]
    target: int | None
    answered: int
    required: int
    missing: tuple[str, ...]
    gaps: tuple[Gap, ...]
    questions: Mapping[str, QuestionScore] = field(repr=False)
    weakest_at_least: int = 0  # the weakest-link stage already sure while it is undetermined
    weakest_pending: tuple[str, ...] = ()  # dimensions to finish before it can be stated
    not_assessed: tuple[str, ...] = ()
    next_gates: tuple[str, ...] = ()  # the assessed gate dimensions of the stage not reached

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def completeness(self) -> float:
        return 1.0 if self.required == 0 else self.answered / self.required

    @property
    def priorities(self) -> tuple[Gap, ...]:
        return tuple(g for g in self.gaps if g.priority > 0)

    def dimension(self, dim_id: str) -> DimensionScore:
        for d in self.dimensions:
            if d.id == dim_id:
                return d
        raise KeyError(dim_id)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["questions"] = {k: asdict(v) for k, v in self.questions.items()}
        data["complete"] = self.complete
        data["completeness"] = round(self.completeness, 4)
        return data


def reached_stage(level: float, threshold: float) -> int:
    """Highest stage s with level >= s - 1 + threshold (0 when none)."""
    stage = 0
    for s in range(1, 5):
        if level + EPS >= s - 1 + threshold:
            stage = s
    return stage


class _StateEnv:
    """Condition values that ignore answers of questions that are not shown."""

    __slots__ = ("instrument", "answers", "profile", "states")

    def __init__(self, instrument: Instrument, answers: Mapping[str, Any],
                 profile: Mapping[str, Any], states: dict[str, str]):
        self.instrument = instrument
        self.answers = answers
        self.profile = profile
        self.states = states

    def question_value(self, name: str) -> Any:
        if self.states.get(name) not in ("shown",):
            return None
        a = self.answers.get(name)
        if a is None or a.na:
            return None
        return a.value

    def scoped_value(self, scope: str, name: str) -> Any:
        if scope != "profile":
            return None
        f = self.instrument.profile_fields.get(name)
        return None if f is None else typed_profile_value(f, self.profile.get(name))


def question_states(instrument: Instrument, answers: Mapping[str, Any],
                    profile: Mapping[str, Any]) -> dict[str, str]:
    """``shown``, ``skipped`` (condition false, or depends on a skipped question) or
    ``pending`` (condition cannot be decided yet: a referenced answer is missing or n/a)."""
    states: dict[str, str] = {}
    env = _StateEnv(instrument, answers, profile, states)
    conditions = instrument.conditions
    for q in instrument.questions:
        cond = conditions.get(q.id)
        if cond is None:
            states[q.id] = "shown"
            continue
        result = cond(env)
        if result is True:
            states[q.id] = "shown"
        elif result is False or any(r.scope == "question" and states.get(r.name) == "skipped"
                 for r in instrument.condition_refs[q.id]):
            states[q.id] = "skipped"
        else:
            states[q.id] = "pending"
    return states


def score(instrument: Instrument, answers: Mapping[str, Any],
          profile: Mapping[str, Any] | None = None) -> Score:
    """Score answers (``{question_id: Answer}``) given the profile (``{field_id: value}``)."""
    profile = profile or {}
    rules = instrument.questionnaire.scoring
    states = question_states(instrument, answers, profile)
    qscores: dict[str, QuestionScore] = {}
    dims: list[DimensionScore] = []
    all_missing: list[str] = []
    answered_required = required_total = 0

    for d in instrument.dimensions:
        counted = answered = na = shown = applicable = total_q = 0
        missing: list[str] = []
        facts: dict[str, tuple[int, float]] = {}  # question id -> (level, weight) counted
        for q in instrument.by_dimension[d.id]:
            scored = instrument.scored(q)
            state_raw = states[q.id]
            a = answers.get(q.id)
            level: int | None = None
            counts = False
            if state_raw == "skipped":
                state: QuestionState = "skipped"
                if scored and isinstance(q.if_skipped, int) and q.refines is None:
                    level, counts = q.if_skipped, True
            elif state_raw == "pending":
                state = "pending"
            else:
                shown += 1
                if a is not None and a.na:
                    state = "na"
                    na += 1
                elif a is not None and _has_value(a.value):
                    state = "answered"
                    answered += 1
                    if scored:
                        level = answer_level(q, a.value)
                        counts = level is not None
                else:
                    state = "missing" if q.required else "optional"
                if q.required:
                    required_total += 1
                    if state == "missing":
                        missing.append(q.id)
                    else:
                        answered_required += 1
            if scored and q.refines is None:
                total_q += 1
                if state in ("answered", "missing", "optional", "pending") or counts:
                    applicable += 1
            if q.refines is not None:
                parent = facts.get(q.refines)
                if counts and level is not None and parent is not None:
                    combined = min(max(parent[0], level), parent[0] + 1)
                    if combined > parent[0]:
                        facts[q.refines] = (combined, parent[1])
                        old = qscores[q.refines]
                        qscores[q.refines] = QuestionScore(old.id, old.dimension, old.state,
                                                           combined, True, old.weight, q.id)
                counts = False
            elif counts and level is not None:
                facts[q.id] = (level, q.weight)
                counted += 1
            qscores[q.id] = QuestionScore(q.id, d.id, state, level, counts, q.weight)
        total_w = sum(w for _, w in facts.values())
        share = applicable / total_q if total_q else 0.0
        assessed = rules.min_applicable_share is None or share + EPS >= rules.min_applicable_share
        level_d = (sum(lv * w for lv, w in facts.values()) / total_w
                   if total_w > 0 and assessed else None)
        stage_d = None if level_d is None else reached_stage(level_d, rules.stage_threshold)
        dims.append(DimensionScore(d.id, level_d, stage_d, d.weight, d.core, counted, answered,
                                   na, tuple(missing), shown, assessed, applicable, total_q))
        all_missing.extend(missing)

    scored_dims = [x for x in dims if x.level is not None and x.weight > 0]
    weight_sum = sum(x.weight for x in scored_dims)
    mean_level = (sum(x.weight * (x.level or 0.0) for x in scored_dims) / weight_sum
                  if weight_sum > 0 else None)
    index = None if mean_level is None else round(mean_level * 25.0, 6)
    stage_index = None if mean_level is None else reached_stage(mean_level,
                                                                rules.stage_threshold)
    gate = gate_stage(instrument, dims)
    target = _target(instrument, stage_index, gate)
    gaps = _gaps(instrument, dims, qscores, profile, target, gate, weight_sum)
    return Score(instrument.id, instrument.version, tuple(dims), index, stage_index, gate.stage,
                 gate.limiting, target, answered_required, required_total, tuple(all_missing),
                 gaps, qscores, gate.at_least, gate.pending,
                 tuple(x.id for x in dims if not x.assessed), gate.next_gates)


def _target(instrument: Instrument, stage_index: int | None, gate: GateResult) -> int | None:
    """The next stage the gaps aim at: one above the higher of the stage by index and the stage
    by the gates where the questionnaire names gates (a firm whose enablers lag still aims past
    its gate stage); one above the stage by index where it does not (1.0)."""
    if stage_index is None:
        return None
    if names_gates(instrument):
        base = gate.stage if gate.stage is not None else gate.at_least
        return min(4, max(stage_index, base) + 1)
    return min(4, stage_index + 1)


@dataclass(frozen=True)
class GateResult:
    """The weakest-link stage, or how far it is known: ``stage`` is None while a gate dimension
    of the next stage is still unknown (``pending``); ``at_least`` is the stage already sure."""

    stage: int | None
    at_least: int
    limiting: tuple[str, ...]
    pending: tuple[str, ...]
    next_gates: tuple[str, ...]


def names_gates(instrument: Instrument) -> bool:
    """Whether the questionnaire names stage gates (1.1 on); 1.0 names none."""
    return any(s.gates is not None for s in instrument.questionnaire.stages)


def gates_of(instrument: Instrument, stage: int) -> tuple[str, ...]:
    """The dimensions that must reach ``stage`` (every core dimension when the questionnaire
    names no gates)."""
    if not names_gates(instrument):
        return tuple(d.id for d in instrument.dimensions if d.core)
    for s in instrument.questionnaire.stages:
        if s.level == stage:
            return tuple(s.gates or ())
    return ()


def gate_stage(instrument: Instrument, dims: list[DimensionScore]) -> GateResult:
    """The highest stage whose gate dimensions all reach it (each stage needs the one below).
    A dimension that is not assessed leaves the gates; one with unanswered questions is not
    known yet, and a stage it gates is stated only once it is."""
    by_id = {d.id: d for d in dims}
    reached = 0
    for s in range(1, 5):
        gates = [by_id[g] for g in gates_of(instrument, s) if g in by_id and by_id[g].assessed]
        known = [d for d in gates if d.level is not None and d.stage is not None
                 and not d.missing]
        failing = tuple(d.id for d in known if (d.stage or 0) < s)
        unknown = tuple(d.id for d in gates if d not in known)
        if failing:
            return GateResult(reached, reached, failing, (), tuple(d.id for d in gates))
        if unknown:
            return GateResult(None, reached, (), unknown, tuple(d.id for d in gates))
        reached = s
    return GateResult(4, 4, (), (), ())


def _has_value(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (str, list)) and len(value) == 0:
        return False
    return True


def _pain_points(instrument: Instrument, profile: Mapping[str, Any]) -> set[str]:
    f = instrument.field_for_role("pain_points")
    value = profile.get(f.id) if f else None
    return set(value) if isinstance(value, list) else set()


def _gaps(instrument: Instrument, dims: list[DimensionScore],
          qscores: dict[str, QuestionScore], profile: Mapping[str, Any], target: int | None,
          gate: GateResult, weight_sum: float) -> tuple[Gap, ...]:
    if target is None:
        return ()
    rules = instrument.questionnaire.scoring
    gated = names_gates(instrument)
    pains = _pain_points(instrument, profile)
    scored = [x for x in dims if x.level is not None and x.weight > 0]
    mean_weight = weight_sum / len(scored) if scored else 1.0
    out: list[Gap] = []
    for d in dims:
        if d.level is None or d.stage is None:
            continue
        definition = instrument.dimension_by_id[d.id]
        next_level = d.stage + 1 if d.stage < 4 else None
        size = max(0.0, target - d.level)
        matched = tuple(p for p in definition.addresses if p in pains)
        pain_factor = 1.0 + rules.priority.pain_point_bonus * min(2, len(matched))
        industry_factor = instrument.emphasis.get(d.id, 1.0)
        # with named gates the bonus marks the next stage's gates that miss it (the paper's
        # path: stage 2's gates before stage 3's); without, every core dimension gates every
        # stage, so it only counts when some core dimensions do not hold the stage down
        is_limiting = d.id in gate.limiting and (gated or len(gate.limiting) < len(
            gate.next_gates))
        limit_factor = 1.0 + (rules.priority.limiting_bonus if is_limiting else 0.0)
        weight_factor = d.weight / mean_weight if mean_weight > 0 else 1.0
        priority = size * weight_factor * pain_factor * industry_factor * limit_factor
        aim = max(target, next_level or 0) if next_level is not None else 4
        holding = _holding_back(instrument, d.id, qscores, aim)
        out.append(Gap(d.id, round(d.level, 6), d.stage, next_level, target, round(size, 6),
                       round(priority, 6), round(weight_factor, 6), matched, pain_factor,
                       industry_factor, is_limiting, holding))
    out.sort(key=lambda g: (-g.priority, g.level, g.dimension))
    return tuple(out)


def _holding_back(instrument: Instrument, dim_id: str, qscores: dict[str, QuestionScore],
                  aim: int,
                  limit: int = 5) -> tuple[NextStep, ...]:
    """Counted answers in the dimension below ``aim``, worst (by weight) first, each with the
    smallest step up."""
    rows: list[tuple[float, int, NextStep]] = []
    for n, q in enumerate(instrument.by_dimension[dim_id]):
        qs = qscores[q.id]
        if not qs.counted or qs.level is None or qs.level >= aim or qs.state != "answered":
            continue  # skipped follow-ups are raised through the question that reveals them
        step = _next_step(q, qs.level)
        if step is None:
            continue
        rows.append(((aim - qs.level) * q.weight, n, step))
    rows.sort(key=lambda r: (-r[0], r[1]))
    return tuple(r[2] for r in rows[:limit])


def _next_step(q: Question, level: int) -> NextStep | None:
    """The answer giving the smallest level above ``level``."""
    if q.type in ("single", "multi") and q.multi_scoring == "max" and q.options:
        better = [o for o in q.options if o.level is not None and o.level > level]
        if not better:
            return None
        best = min(better, key=lambda o: o.level or 0)
        return NextStep(q.id, level, best.level or 0, option=best.id)
    if q.thresholds:
        levels = [t.level for t in q.thresholds]
        rising = levels[-1] >= levels[0]
        better_t = [t for t in q.thresholds if t.level > level]
        if not better_t:
            return None
        top = min(t.level for t in better_t)
        candidates = [t for t in better_t if t.level == top]
        chosen = candidates[0] if rising else candidates[-1]
        # falling levels (lower is better): the value to get below is the next threshold's start
        if not rising:
            idx = q.thresholds.index(chosen)
            nxt = q.thresholds[idx + 1].from_ if idx + 1 < len(q.thresholds) else chosen.from_
            return NextStep(q.id, level, top, value=nxt, below=True)
        return NextStep(q.id, level, top, value=chosen.from_)
    if q.type == "yesno" and q.yes_level is not None and q.no_level is not None:
        if q.yes_level > level:
            return NextStep(q.id, level, q.yes_level, option="yes")
        if q.no_level > level:
            return NextStep(q.id, level, q.no_level, option="no")
    return None
