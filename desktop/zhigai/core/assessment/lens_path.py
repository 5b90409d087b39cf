"""The shortest path from an estimated official level to the next: the points still missing
and the fewest, largest items that close the gap, and the scenarios to raise, constraint
scenarios first when their count falls short, the nearest ones first."""

from __future__ import annotations

from dataclasses import dataclass

from .lens import ItemResult, LensResult, ScenarioResult, band_points
from .lens_model import Item, LevelRule


@dataclass(frozen=True)
class ItemStep:
    """One way to gain points: an option of an item not yet met, or the next band."""

    item: Item
    option: str | None            # option id; None for the next band of a rate item
    points: float
    above: float | None = None    # rate items: the percentage to exceed


@dataclass(frozen=True)
class ScenarioStep:
    result: ScenarioResult
    target: int                   # the scenario level to reach


@dataclass(frozen=True)
class LevelPath:
    target: LevelRule
    score_gap: float              # points missing from the rule's minimum score
    item_steps: tuple[ItemStep, ...]
    scenarios_short: int          # scenarios missing at the rule's scenario level
    constraint_short: int         # constraint scenarios missing among them
    scenario_steps: tuple[ScenarioStep, ...]

    @property
    def reached(self) -> bool:
        return self.score_gap <= 0 and not self.scenario_steps


def next_level(result: LensResult, prefer: frozenset[str] = frozenset()
               ) -> LevelPath | None:
    """The path to the level above the estimate; None at the top level."""
    rule = result.rule(result.level + 1)
    return None if rule is None else path_to(result, rule, prefer)


def path_to(result: LensResult, rule: LevelRule, prefer: frozenset[str] = frozenset()
            ) -> LevelPath:
    """``prefer``: scenario ids taken first among those equally far from the target (e.g.
    those a measure of the firm's trade raises)."""
    gap = round(max(0.0, rule.min_score - result.score), 4)
    need = rule.scenarios
    count, constraint = result.counts(need.level)
    constraint_short = max(0, need.constraint - constraint)
    scenarios_short = max(0, need.count - count)
    below = [s for s in result.scenarios if s.level < need.level and not s.excluded]
    nearest = sorted(below, key=lambda s: (need.level - s.level,  # stable: data order on ties
                                           s.scenario.id not in prefer))
    chosen = [s for s in nearest if s.scenario.constraint][:constraint_short]
    rest = [s for s in nearest if s not in chosen]
    chosen += rest[:max(0, scenarios_short - len(chosen))]
    order = {s.scenario.id: n for n, s in enumerate(result.scenarios)}
    steps = tuple(ScenarioStep(s, need.level)
                  for s in sorted(chosen, key=lambda s: order[s.scenario.id]))
    actionable = {p.part.id for p in result.parts if p.part.actionable}
    items = tuple(r for r in result.items if r.item.part in actionable and not r.unknown)
    return LevelPath(rule, gap, _item_steps(items, gap), scenarios_short,
                     constraint_short, steps)


def gains(r: ItemResult) -> list[ItemStep]:
    """The next steps that would add points to an item: any option not yet met of a sum,
    the next option up of a choice, the next band of a rate (one notch at a time: a firm
    with no information system is not told to cover every business at once)."""
    item = r.item
    if item.kind == "sum":
        return [ItemStep(item, o.id, o.points) for o in item.options
                if o.id not in r.met and o.propose]
    if item.kind == "best":
        higher = sorted((o for o in item.options if o.points > r.points and o.propose),
                        key=lambda o: o.points)
        return [ItemStep(item, o.id, o.points - r.points) for o in higher[:1]]
    now = band_points(item, r.rate or 0.0)
    return [ItemStep(item, None, b.points - now, b.above) for b in item.bands
            if b.points > now][:1]


def _item_steps(items: tuple[ItemResult, ...], gap: float) -> tuple[ItemStep, ...]:
    """The fewest next steps closing the gap, largest gain first (data order on ties)."""
    if gap <= 0:
        return ()
    steps = sorted((s for r in items for s in gains(r)), key=lambda s: -s.points)
    out: list[ItemStep] = []
    total = 0.0
    for step in steps:
        if total + 1e-9 >= gap:
            break
        out.append(step)
        total += step.points
    return tuple(out)
