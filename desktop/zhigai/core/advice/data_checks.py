"""Checks of the advice data against the questionnaire: the names conditions may use, each
measure's fields, placeholders in reason texts and circles among prerequisites."""

from __future__ import annotations

from typing import Any

from ..base.datafile import Checker, suggest
from ..base.i18n import Text
from ..questionnaire.conditions import checking, syntax
from ..questionnaire.instrument import Instrument
from ..questionnaire.symbols import InstrumentSymbols, check_condition
from .models import PLACEHOLDER, Measure, MeasureLibrary

#: facts about the planned project that policy rules may use (project.<name>)
PROJECT_FACTS: dict[str, str] = {
    "total_investment": "number", "robot_count": "number", "robot_cost": "number",
    "equipment_cost": "number", "software_cost": "number", "cloud_cost": "number",
    "engineering_cost": "number", "building_cost": "number", "training_cost": "number",
    "service_cost": "number", "fixed_asset_cost": "number", "digital_cost": "number",
    "item_count": "number", "on_existing_land": "bool", "hardware_software_investment": "number",
    "engineering_company": "bool", "measures": "multi",
}
#: score values policy rules may use (score.<name>); dimension ids are added per questionnaire
SCORE_FACTS: dict[str, str] = {"index": "number", "stage_by_index": "number",
                               "stage_weakest_link": "number"}


class AdviceSymbols(InstrumentSymbols):
    """Names conditions in advice data may use: every question of the questionnaire and its
    modules (any order), the profile, project facts and score values."""

    def __init__(self, instrument: Instrument, measure_ids: set[str], scopes: set[str]):
        super().__init__(instrument, scopes)
        self.measure_ids = frozenset(measure_ids)

    def scoped(self, scope: str, name: str) -> checking.Symbol | None:
        if scope not in self.scopes:
            return None
        if scope == "project":
            kind = PROJECT_FACTS.get(name)
            if kind is None:
                return None
            return checking.Symbol(kind, self.measure_ids if name == "measures" else None)  # type: ignore[arg-type]
        if scope == "score":
            if name in SCORE_FACTS or name in self.instrument.dimension_by_id:
                return checking.Symbol("number")
            return None
        return super().scoped(scope, name)

    def pools(self) -> dict[str, list[str]]:
        return {**super().pools(), "project": list(PROJECT_FACTS),
                "score": list(SCORE_FACTS) + list(self.instrument.dimension_by_id)}


def _check_module_questions(c: Checker, loc: tuple[Any, ...], m: Measure,
                            instrument: Instrument) -> None:
    """A condition on an industry module's question only makes sense for those industries."""
    try:
        refs = syntax.references(syntax.parse(m.done_if or ""))
    except syntax.ExprError:
        return
    for ref in refs:
        module_id = instrument.module_of.get(ref.name) if ref.scope == "question" else None
        if module_id is None:
            continue
        module = next(mod for mod in instrument.modules if mod.id == module_id)
        if not m.industries or not set(m.industries) <= set(module.industries):
            c.error(loc, f"'{ref.name}' belongs to the {module_id} module "
                         f"({', '.join(module.industries)}); set industries: to those "
                         "industries or use a question every firm answers")


def check_placeholders(c: Checker, loc: tuple[Any, ...], text: Text) -> None:
    for lang in ("zh", "en"):
        value = getattr(text, lang) or ""
        for braces in (value.count("{"), value.count("}")):
            if braces != len(PLACEHOLDER.findall(value)):
                c.error((*loc, lang), "only {project.<fact>}, {profile.<field>} and "
                                      "{score.<value>} may appear in braces")
                break
        for scope, name in PLACEHOLDER.findall(value):
            if scope == "project" and name not in PROJECT_FACTS:
                c.error((*loc, lang), f"{{project.{name}}} is not a project fact; use one of "
                                      + ", ".join(sorted(PROJECT_FACTS)))



def check_measure(c: Checker, loc: tuple[Any, ...], m: Measure, library: MeasureLibrary,
                  instrument: Instrument, all_measures: list[Measure], names: dict[str, set[str]],
                  module_industries: dict[str, set[str]]) -> None:
    """One measure's fields: dimension, levels, condition, prerequisites, pain points,
    industries, policies and financing options (``names`` holds the known ids of each)."""
    symbols = AdviceSymbols(instrument, names["measures"], {"profile"})
    if m.dimension not in instrument.dimension_by_id:
        hint = suggest(m.dimension, instrument.dimension_by_id)
        c.error((*loc, "dimension"), f"'{m.dimension}' is not a dimension"
                + (f"; did you mean '{hint}'?" if hint else ""))
    if m.to_level <= m.from_level:
        c.error((*loc, "to_level"), f"to_level {m.to_level} must be above from_level "
                                    f"{m.from_level}")
    if m.done_if:
        check_condition(c, (*loc, "done_if"), m.done_if, symbols)
        _check_module_questions(c, (*loc, "done_if"), m, instrument)
    for j, condition in enumerate(m.brings):
        check_condition(c, (*loc, "brings", j), condition, symbols)
    if library.module is not None:
        allowed = module_industries.get(library.module, set())
        if not m.industries or not set(m.industries) <= allowed:
            c.error((*loc, "industries"), f"a measure of the {library.module} module must be "
                    "limited to its industries (" + ", ".join(sorted(allowed)) + ")")
    by_id = {x.id: x for x in all_measures}
    for j, req in enumerate(m.requires):
        if req not in by_id:
            hint = suggest(req, by_id)
            c.error((*loc, "requires", j), f"'{req}' is not a measure"
                    + (f"; did you mean '{hint}'?" if hint else ""))
        elif req == m.id:
            c.error((*loc, "requires", j), "a measure cannot require itself")
        else:
            needed = by_id[req]
            if needed.industries and (not m.industries or
                                      not set(m.industries) <= set(needed.industries)):
                c.error((*loc, "requires", j),
                        f"'{req}' is only for {', '.join(needed.industries)}, but this "
                        "measure is for " + (", ".join(m.industries) or "every industry")
                        + "; restrict this measure or drop the prerequisite")
    for field_, known, what in (("addresses", names["pains"], "pain point"),
                                ("industries", names["industries"], "industry"),
                                ("not_industries", names["industries"], "industry"),
                                ("policies", names["policies"], "policy in any catalogue"),
                                ("financing", names["options"], "financing option")):
        for j, value in enumerate(getattr(m, field_)):
            if value not in known:
                c.error((*loc, field_, j), f"'{value}' is not a {what}; use one of "
                        + ", ".join(sorted(known)[:12]))
    clash = set(m.industries) & set(m.not_industries)
    if clash:
        c.error((*loc, "not_industries"), "both fits and excludes " + ", ".join(sorted(clash)))


def find_cycle(measures: list[Measure]) -> list[str] | None:
    graph = {m.id: list(m.requires) for m in measures}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if state.get(nxt) is None and nxt in graph:
                found = visit(nxt)
                if found:
                    return found
        state[node] = 2
        path.pop()
        return None

    for node in graph:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


