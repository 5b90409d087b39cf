"""An official level estimated from the firm's answers through a lens: the points of each
scored item, the level of each scenario, the counts the level rule asks for and the level
reached. Unanswered inputs are unknown: the estimate is what the answers prove, and the level
the unknowns could still give is shown beside it. Rules in docs/lenses.md."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ..questionnaire.conditions import syntax
from ..questionnaire.instrument import Instrument
from ..questionnaire.values import typed_profile_value
from .lens_data import LoadedLens
from .lens_model import Item, LevelRule, Part, Scenario
from .scoring import question_states

#: how a question the firm skipped or answered "not applicable" reads: it has none of it
_ABSENT: dict[str, Any] = {"single": "\x00none", "multi": [], "number": 0, "percent": 0,
                           "yesno": False, "text": ""}


class LensEnv:
    """Answers for lens conditions: unanswered is unknown, skipped or n/a is "has none"."""

    def __init__(self, instrument: Instrument, answers: Mapping[str, Any],
                 profile: Mapping[str, Any]):
        self.instrument = instrument
        self.answers = answers
        self.profile = profile
        self.states = question_states(instrument, answers, profile)

    def question_value(self, name: str) -> Any:
        q = self.instrument.by_id.get(name)
        if q is None:          # not asked in this questionnaire version
            return None
        answer = self.answers.get(name)
        if self.states.get(name) == "skipped" or (answer is not None and answer.na):
            return _ABSENT[q.type]
        if answer is None or self.states.get(name) != "shown":
            return None
        return answer.value

    def scoped_value(self, scope: str, name: str) -> Any:
        f = self.instrument.profile_fields.get(name) if scope == "profile" else None
        return None if f is None else typed_profile_value(f, self.profile.get(name))

    def number(self, name: str | None) -> float | None:
        value = self.question_value(name) if name else None
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            return None
        return float(value)


# ---------------------------------------------------------------------------- results

@dataclass(frozen=True)
class ItemResult:
    item: Item
    points: float                 # what the answers prove
    possible: float               # what the unknown inputs could still add up to
    met: tuple[str, ...]          # option ids met ("" for a rate band)
    rate: float | None = None     # rate items: the percentage used
    from_counts: bool = False     # rate items: computed from the counts
    unknown: tuple[str, ...] = ()  # questions left unanswered that it reads

    @property
    def missing_points(self) -> float:
        return self.item.points - self.points


@dataclass(frozen=True)
class PartResult:
    part: Part
    points: float
    possible: float


@dataclass(frozen=True)
class ScenarioResult:
    scenario: Scenario
    level: int                    # 0-4, what the answers prove
    possible: int                 # the level the unknown inputs could still give
    unknown: tuple[str, ...] = ()
    excluded: bool = False        # zero_if holds: it cannot be raised (e.g. no own design)


@dataclass(frozen=True)
class LensResult:
    loaded: LoadedLens
    items: tuple[ItemResult, ...]
    parts: tuple[PartResult, ...]
    scenarios: tuple[ScenarioResult, ...]
    score: float
    score_possible: float
    level: int                    # 0 (below the first level) to 4
    level_possible: int
    instrument_ids: frozenset[str] = frozenset()

    @property
    def lens(self) -> Any:
        return self.loaded.lens

    @property
    def unknown(self) -> tuple[str, ...]:
        """Unanswered questions the estimate reads, each once, in lens order."""
        seen: dict[str, None] = {}
        for names in [r.unknown for r in self.items] + [s.unknown for s in self.scenarios]:
            seen.update(dict.fromkeys(names))
        return tuple(seen)

    @property
    def not_asked(self) -> tuple[str, ...]:
        """Questions the lens reads that the assessment's questionnaire version lacks."""
        return self.loaded.not_asked(self.instrument_ids)

    @property
    def complete(self) -> bool:
        return not self.unknown and not self.not_asked

    def counts(self, at_least: int) -> tuple[int, int]:
        """(scenarios, constraint scenarios) at ``at_least`` or higher."""
        hit = [s for s in self.scenarios if s.level >= at_least]
        return len(hit), sum(s.scenario.constraint for s in hit)

    def rule(self, level: int) -> LevelRule | None:
        return next((r for r in self.lens.levels if r.level == level), None)


def reaches(rule: LevelRule, score: float, levels: list[tuple[int, bool]]) -> bool:
    """Whether a score and scenario levels (level, is constraint) reach a level rule."""
    hit = [constraint for level, constraint in levels if level >= rule.scenarios.level]
    return (score + 1e-9 >= rule.min_score and len(hit) >= rule.scenarios.count
            and sum(hit) >= rule.scenarios.constraint)


def level_of(rules: list[LevelRule], score: float, levels: list[tuple[int, bool]]) -> int:
    """The highest level whose rule is reached (0 when none is)."""
    return max((r.level for r in rules if reaches(r, score, levels)), default=0)


def estimate(loaded: LoadedLens, instrument: Instrument, answers: Mapping[str, Any],
             profile: Mapping[str, Any]) -> LensResult:
    """The lens applied to the answers."""
    env = LensEnv(instrument, answers, profile)
    items = tuple(_item(loaded, env, item) for item in loaded.lens.items)
    scenarios = tuple(_scenario(loaded, env, s) for s in loaded.lens.scenarios)
    parts = tuple(PartResult(p, round(sum(r.points for r in items if r.item.part == p.id), 4),
                             round(sum(r.possible for r in items if r.item.part == p.id), 4))
                  for p in loaded.lens.parts)
    score = round(sum(p.points for p in parts), 4)
    possible = round(sum(p.possible for p in parts), 4)
    rules = loaded.lens.levels
    level = level_of(rules, score, [(s.level, s.scenario.constraint) for s in scenarios])
    level_possible = level_of(rules, possible,
                              [(s.possible, s.scenario.constraint) for s in scenarios])
    return LensResult(loaded, items, parts, scenarios, score, possible, level, level_possible,
                      frozenset(instrument.by_id))


@lru_cache(maxsize=512)
def _refs(source: str) -> tuple[str, ...]:
    return tuple(r.name for r in syntax.references(syntax.parse(source))
                 if r.scope == "question")


def _unknown(env: LensEnv, sources: list[str]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for source in sources:
        for name in _refs(source):
            if env.question_value(name) is None:
                out[name] = None
    return tuple(out)


def _item(loaded: LoadedLens, env: LensEnv, item: Item) -> ItemResult:
    if item.kind == "rate":
        return _rate(env, item)
    results = [(o, loaded.condition(o.when)(env)) for o in item.options]
    unknown = _unknown(env, [o.when for o, r in results if r is None])
    if item.kind == "sum":
        points = sum(o.points for o, r in results if r is True)
        possible = sum(o.points for o, r in results if r is not False)
        met = tuple(o.id for o, r in results if r is True)
    else:
        held = [o for o, r in results if r is True]
        best = max(held, key=lambda o: o.points, default=None)
        points = best.points if best else 0.0
        possible = max([o.points for o, r in results if r is not False], default=0.0)
        met = (best.id,) if best else ()
    return ItemResult(item, round(points, 4), round(max(points, possible), 4), met,
                      unknown=unknown)


def band_points(item: Item, rate: float) -> float:
    """The points of the highest band the rate is above (0 below every band)."""
    return max((b.points for b in item.bands if rate > b.above + 1e-9), default=0.0)


def _rate(env: LensEnv, item: Item) -> ItemResult:
    rate: float | None = None
    from_counts = False
    if item.value is not None:
        rate = env.number(item.value)
    else:
        num, den = env.number(item.numerator), env.number(item.denominator)
        if den is not None and den > 0 and num is not None:
            rate, from_counts = min(100.0, 100.0 * num / den), True
        elif den == 0:
            rate, from_counts = 0.0, True
        elif item.fallback is not None:
            rate = env.number(item.fallback)
    if rate is None:
        names = [n for n in (item.value, item.numerator, item.denominator, item.fallback)
                 if n and env.question_value(n) is None]
        return ItemResult(item, 0.0, item.points, (), unknown=tuple(names))
    points = band_points(item, rate)
    return ItemResult(item, points, points, ("",) if points else (), round(rate, 2),
                      from_counts)


def _scenario(loaded: LoadedLens, env: LensEnv, scenario: Scenario) -> ScenarioResult:
    if scenario.zero_if and loaded.condition(scenario.zero_if)(env) is True:
        return ScenarioResult(scenario, 0, 0, excluded=True)
    results = {level: loaded.condition(t.when)(env) for level, t in scenario.levels.items()}
    level = max((lv for lv, r in results.items() if r is True), default=0)
    possible = max((lv for lv, r in results.items() if r is not False), default=0)
    unknown = _unknown(env, [scenario.levels[lv].when for lv, r in results.items()
                             if r is None and lv > level])
    return ScenarioResult(scenario, level, max(level, possible), unknown)
