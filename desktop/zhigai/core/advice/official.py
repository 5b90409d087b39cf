"""The official level in the advice: the MIIT estimate today and after the firm's own project,
the path to the next level with the measures of the firm's trade that make each step, and the
supports that pay only above a level (gates), which become milestones of the roadmap."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..assessment import lens_text
from ..assessment.lens import LensResult, ScenarioResult, estimate
from ..assessment.lens_data import LoadedLens, default_lens
from ..assessment.lens_path import ItemStep, LevelPath, next_level, path_to
from ..assessment.model import Answer, Assessment
from ..base.diagnostics import DataFileError
from ..questionnaire.conditions import syntax
from ..questionnaire.instrument import Instrument
from .models import Measure, Policy
from .projection import brought, projected_answers

#: the lens every readiness assessment is read through
DEFAULT_LENS = "miit-2024"
MAX_MEASURES_PER_STEP = 2


@dataclass(frozen=True)
class OfficialLevel:
    today: LensResult
    after: LensResult | None           # after the firm's own project (None: no project)
    path: LevelPath | None             # to the level above today's (None at the top)
    step_measures: tuple[tuple[str, tuple[Measure, ...]], ...]  # step key -> measures

    def measures_for(self, key: str) -> tuple[Measure, ...]:
        """Measures that make a step: ``scenario:<id>`` or ``item:<id>:<option>``."""
        return dict(self.step_measures).get(key, ())

    @property
    def level_after(self) -> int:
        return self.today.level if self.after is None else self.after.level

    def still_missing(self, level: int) -> LevelPath | None:
        """What the firm still lacks for ``level`` once its project is done (None when that
        level is not in the rule)."""
        start = self.after or self.today
        rule = start.rule(level)
        return None if rule is None else path_to(start, rule)


@dataclass(frozen=True)
class Gate:
    """A support paid only at or above an official level."""

    policy: Policy
    level: int
    before: int
    after: int
    status: str                         # the support's status

    @property
    def reached(self) -> bool:
        return self.after >= self.level


def lens_for(instrument: Instrument) -> LoadedLens | None:
    """The bundled lens for the assessment's questionnaire (None when none fits)."""
    try:
        loaded = default_lens(DEFAULT_LENS)
    except (DataFileError, KeyError):
        return None
    return loaded if loaded.lens.questionnaire == instrument.questionnaire.id else None


def official_level(instrument: Instrument, assessment: Assessment,
                   project: Iterable[Measure], fitting: Iterable[Measure],
                   done: frozenset[str], levels: dict[str, float | None] | None = None
                   ) -> OfficialLevel | None:
    """``project``: the measures of the firm's own project; ``fitting``: every measure of its
    trade (candidates for the path), ``done``: those it already has; ``levels``: the firm's
    level per dimension (a measure for the path starts at most one level above it)."""
    loaded = lens_for(instrument)
    if loaded is None:
        return None
    today = estimate(loaded, instrument, assessment.answers, assessment.profile)
    own = [m for m in project if m.id not in done]
    after = None
    if own:
        answers = projected(loaded, instrument, assessment, own)
        after = estimate(loaded, instrument, answers, assessment.profile)
    path = next_level(today)
    steps: tuple[tuple[str, tuple[Measure, ...]], ...] = ()
    if path is not None and not path.reached:
        levels = levels or {}
        candidates = [m for m in fitting if m.id not in done
                      and m.from_level <= int(levels.get(m.dimension) or 0) + 1]
        cache: dict[str, LensResult] = {}   # the lens after each single measure
        if path.scenario_steps:  # prefer the scenarios the firm's trade has a measure for
            rule = path.target.scenarios
            wide = [s for s in today.scenarios if s.level < rule.level and not s.excluded]
            keys = _measures_by_step(loaded, instrument, assessment, today,
                                     {f"scenario:{s.scenario.id}": (s, rule.level)
                                      for s in wide}, {}, candidates, cache)
            prefer = frozenset(k.partition(":")[2] for k, found in keys if found)
            path = next_level(today, prefer)
        steps = _step_measures(loaded, instrument, assessment, today, path, candidates, cache)
    return OfficialLevel(today, after, path, steps)


def projected(loaded: LoadedLens, instrument: Instrument, assessment: Assessment,
              measures: list[Measure]) -> dict[str, Any]:
    """The answers after the measures, with the counts of a rate item raised where a measure
    raised the percentage it falls back on (equipment data collection brings a networking
    rate; the firm counted its machines): the counts then say the same."""
    answers = projected_answers(instrument, assessment, measures)
    for item in loaded.lens.items:
        if not (item.fallback and item.numerator and item.denominator):
            continue
        before, after = assessment.answers.get(item.fallback), answers.get(item.fallback)
        total, part = answers.get(item.denominator), answers.get(item.numerator)
        if after is None or total is None or part is None or after is before:
            continue
        values = [a.value for a in (after, total, part)]
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            continue
        rate, count, have = (float(v) for v in values)  # type: ignore[arg-type]
        wanted = math.ceil(rate * count / 100)
        if wanted > have:
            answers[item.numerator] = Answer(value=min(wanted, int(count)))
    return answers


def _touches(measure: Measure) -> set[str]:
    return {qid for c in [measure.done_if, *measure.brings] for qid, _, _ in brought(c)}


def _reads(source: str) -> set[str]:
    return {r.name for r in syntax.references(syntax.parse(source)) if r.scope == "question"}


def _step_measures(loaded: LoadedLens, instrument: Instrument, assessment: Assessment,
                   today: LensResult, path: LevelPath | None, candidates: list[Measure],
                   cache: dict[str, LensResult]
                   ) -> tuple[tuple[str, tuple[Measure, ...]], ...]:
    """For each step of the path, the measures that alone make it (cheapest first)."""
    if path is None:
        return ()
    scenarios = {f"scenario:{s.result.scenario.id}": (s.result, s.target)
                 for s in path.scenario_steps}
    items = {f"item:{st.item.id}:{st.option or ''}": st for st in path.item_steps}
    return _measures_by_step(loaded, instrument, assessment, today, scenarios, items,
                             candidates, cache)


def _measures_by_step(loaded: LoadedLens, instrument: Instrument, assessment: Assessment,
                      today: LensResult, scenarios: dict[str, tuple[ScenarioResult, int]],
                      items: dict[str, ItemStep], candidates: list[Measure],
                      cache: dict[str, LensResult]
                      ) -> tuple[tuple[str, tuple[Measure, ...]], ...]:
    """The measures that alone make each step: the answers a measure brings are applied and
    the lens is read again (only for measures that touch a question the step reads)."""
    wanted: dict[str, set[str]] = {}
    for key, (result, target) in scenarios.items():
        wanted[key] = _reads(result.scenario.levels[target].when)
    for key, st in items.items():
        option = next((o for o in st.item.options if o.id == st.option), None)
        wanted[key] = (_reads(option.when) if option else
                       {q for q in (st.item.value, st.item.numerator, st.item.fallback) if q})
    out: list[tuple[str, tuple[Measure, ...]]] = []
    for key, reads in wanted.items():
        found: list[Measure] = []
        for m in sorted(candidates, key=lambda m: (m.cost.min, m.cost.max, m.id)):
            if not (_touches(m) & reads):
                continue
            after = _after(loaded, instrument, assessment, m, cache)
            if _makes(key, after, today, scenarios):
                found.append(m)
            if len(found) == MAX_MEASURES_PER_STEP:
                break
        out.append((key, tuple(found)))
    return tuple(out)


def _after(loaded: LoadedLens, instrument: Instrument, assessment: Assessment,
           measure: Measure, cache: dict[str, LensResult]) -> LensResult:
    if measure.id not in cache:
        answers = projected(loaded, instrument, assessment, [measure])
        cache[measure.id] = estimate(loaded, instrument, answers, assessment.profile)
    return cache[measure.id]


def _makes(key: str, result: LensResult, today: LensResult,
           scenarios: dict[str, tuple[ScenarioResult, int]]) -> bool:
    kind, _, rest = key.partition(":")
    if kind == "scenario":
        target = scenarios[key][1]
        return any(s.scenario.id == rest and s.level >= target for s in result.scenarios)
    item_id, _, option = rest.partition(":")
    before = next(r for r in today.items if r.item.id == item_id)
    now = next(r for r in result.items if r.item.id == item_id)
    if option:
        return option in now.met and option not in before.met
    return now.points > before.points


def level_name(official: OfficialLevel, level: int, lang: str) -> str:
    return lens_text.level_name(official.today.lens, level, lang)


def gate_reason(official: OfficialLevel, level: int, lang: str) -> tuple[bool, str]:
    """Whether the estimate after the project reaches ``level``, and the reason in words."""
    short = official.today.lens.short.get(lang)
    want, now = level_name(official, level, lang), level_name(official, official.today.level,
                                                                 lang)
    after = level_name(official, official.level_after, lang)
    ok = official.level_after >= level
    if lang == "zh":
        if ok:
            return ok, (f"预估{'项目完成后' if official.after else ''}达到{short}{want}"
                        f"（现在{now}；参考值，以官方平台或现场评定为准）")
        return ok, (f"须达到{short}{want}：预估现在{now}、"
                    f"{'项目完成后' + after if official.after else '还没有项目'}"
                    "（参考值），路线图列出了达到这一级还差什么")
    if ok:
        when = " after the project" if official.after else ""
        return ok, (f"estimated to reach {short} {want}{when} (today {now}; indicative, the "
                    "official rating decides)")
    return ok, (f"needs {short} {want}: estimated {now} today, "
                f"{after + ' after the project' if official.after else 'no project yet'}"
                " (indicative); the roadmap lists what is still missing for that level")


def milestone_line(official: OfficialLevel, gate: Gate, lang: str) -> str:
    """The roadmap's milestone for a gated support, with the level before and after."""
    name = gate.policy.name.get(lang)
    want, now = level_name(official, gate.level, lang), level_name(official, gate.before, lang)
    after = level_name(official, gate.after, lang)
    if lang == "zh":
        return (f"里程碑：项目完成后达到{official.today.lens.short.get(lang)}{want}"
                f"（{name}的条件）；预估现在{now}，项目完成后{after}，"
                + ("可以达到。" if gate.reached else "还达不到。"))
    return (f"Milestone: reach {official.today.lens.short.get(lang)} {want} after the project "
            f"(required by {name}); estimated {now} today and {after} after it, "
            + ("which reaches it." if gate.reached else "which does not reach it yet."))


def gates(policies: Iterable[tuple[Policy, str]], official: OfficialLevel | None
          ) -> tuple[Gate, ...]:
    """The supports that pay only above a level, with the level before and after the
    project; ``policies``: each support with its status."""
    if official is None:
        return ()
    out = []
    for policy, status in policies:
        gate = policy.level_gate
        if gate is None or gate.lens != official.today.lens.id:
            continue
        out.append(Gate(policy, gate.level, official.today.level, official.level_after, status))
    return tuple(out)
