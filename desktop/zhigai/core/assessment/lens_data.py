"""Loading an official-level lens (``templates/lenses/*.yaml``) and checking it against the
questionnaire: every condition parsed and checked (names, option ids, types), the counted
questions numeric, the points of options and bands within their item, ids unique."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..base.datafile import Checker, read_data_file
from ..base.diagnostics import DataFileError
from ..questionnaire.conditions import evaluation, syntax
from ..questionnaire.instrument import Instrument
from ..questionnaire.symbols import InstrumentSymbols, check_condition
from .lens_model import Item, Lens

Condition = Callable[[evaluation.Env], bool | None]
EPSILON = 1e-6


@dataclass
class LoadedLens:
    """A checked lens with its conditions compiled (keyed by the condition text)."""

    lens: Lens
    path: str
    conditions: dict[str, Condition] = field(default_factory=dict)

    def condition(self, source: str) -> Condition:
        return self.conditions[source]

    def questions(self) -> tuple[str, ...]:
        """Every question the lens reads, in lens order."""
        out: dict[str, None] = {}
        for source in self.conditions:
            out.update(dict.fromkeys(r.name for r in syntax.references(syntax.parse(source))
                                     if r.scope == "question"))
        for item in self.lens.items:
            out.update(dict.fromkeys(q for q in (item.value, item.numerator, item.denominator,
                                                 item.fallback) if q))
        return tuple(out)

    def not_asked(self, asked: frozenset[str]) -> tuple[str, ...]:
        return tuple(q for q in self.questions() if q not in asked)


def load_lens(path: str | Path, instrument: Instrument) -> LoadedLens:
    """Read and check a lens; raises DataFileError listing every problem found."""
    doc, lens = read_data_file(path, Lens, "official-lens")
    assert isinstance(lens, Lens)
    c = Checker(doc)
    symbols = InstrumentSymbols(instrument, {"profile"})
    if lens.questionnaire != instrument.questionnaire.id:
        c.error(("questionnaire",), f"the lens reads '{lens.questionnaire}', but it is "
                                    f"checked against '{instrument.questionnaire.id}'")
    c.duplicates(lens.items, ("items",), "item id")
    c.duplicates(lens.scenarios, ("scenarios",), "scenario id")
    sources: list[str] = []

    def condition(loc: tuple[Any, ...], source: str) -> None:
        before = len(c.problems)
        check_condition(c, loc, source, symbols)
        if len(c.problems) == before:
            sources.append(source)

    for i, item in enumerate(lens.items):
        loc = ("items", i)
        c.duplicates(item.options, (*loc, "options"), "option id")
        c.duplicates(item.evidence, (*loc, "evidence"), "material id")
        for j, option in enumerate(item.options):
            condition((*loc, "options", j, "when"), option.when)
        _check_points(c, loc, item)
        for key in ("value", "numerator", "denominator", "fallback"):
            qid = getattr(item, key)
            if qid is None:
                continue
            q = instrument.by_id.get(qid)
            if q is None or q.type not in ("number", "percent"):
                c.error((*loc, key), f"'{qid}' is not a number or percent question of "
                                     f"{instrument.questionnaire.id}")
            elif key in ("value", "fallback") and q.type != "percent":
                c.error((*loc, key), f"'{qid}' must be a percent question")
    for i, scenario in enumerate(lens.scenarios):
        loc = ("scenarios", i)
        c.duplicates(scenario.evidence, (*loc, "evidence"), "material id")
        if scenario.zero_if:
            condition((*loc, "zero_if"), scenario.zero_if)
        for level, text in scenario.levels.items():
            condition((*loc, "levels", level, "when"), text.when)
    constraint = sum(s.constraint for s in lens.scenarios)
    for i, rule in enumerate(lens.levels):
        if rule.scenarios.count > len(lens.scenarios):
            c.error(("levels", i, "scenarios", "count"),
                    f"{rule.scenarios.count} scenarios asked for, the lens has "
                    f"{len(lens.scenarios)}")
        if rule.scenarios.constraint > min(constraint, rule.scenarios.count):
            c.error(("levels", i, "scenarios", "constraint"),
                    f"{rule.scenarios.constraint} constraint scenarios asked for, at most "
                    f"{min(constraint, rule.scenarios.count)} possible")
    errors = [p for p in c.problems if p.severity == "error"]
    if errors:
        raise DataFileError(c.problems)
    compiled = {s: evaluation.compile_condition(syntax.parse(s)) for s in sources}
    return LoadedLens(lens, str(path), compiled)


def _check_points(c: Checker, loc: tuple[Any, ...], item: Item) -> None:
    if item.kind == "sum":
        total = sum(o.points for o in item.options)
        if abs(total - item.points) > EPSILON:
            c.error((*loc, "options"), f"the options add up to {total:g} points, the item "
                                       f"has {item.points:g}")
    elif item.kind == "best":
        top = max(o.points for o in item.options)
        if abs(top - item.points) > EPSILON:
            c.error((*loc, "options"), f"the best option gives {top:g} points, the item "
                                       f"has {item.points:g}")
    elif abs(item.bands[-1].points - item.points) > EPSILON:
        c.error((*loc, "bands"), f"the top band gives {item.bands[-1].points:g} points, the "
                                 f"item has {item.points:g}")


def lens_files() -> list[Path]:
    from ..base.resources import templates_dir

    return sorted((templates_dir() / "lenses").glob("*.yaml"))


@lru_cache(maxsize=4)
def default_lens(lens_id: str = "miit-2024") -> LoadedLens:
    """A bundled lens, checked against the newest default questionnaire with every module."""
    from ..questionnaire.catalog import DEFAULT_QUESTIONNAIRE, default_catalog

    catalog = default_catalog()
    base = catalog.get(DEFAULT_QUESTIONNAIRE)
    instrument = Instrument(base, tuple(catalog.modules_for(base.model.id,
                                                             base.model.version)))
    for path in lens_files():
        loaded = load_lens(path, instrument)
        if loaded.lens.id == lens_id:
            return loaded
    raise KeyError(f"no lens '{lens_id}' under templates/lenses")
