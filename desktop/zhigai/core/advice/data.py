"""Loading and checking the advice data in ``templates/`` (measures, policy catalogues,
financing options) against the questionnaire, with ``file:line: field: message`` problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..base.datafile import Checker, read_data_file, suggest
from ..base.diagnostics import DataFileError, Problem
from ..base.i18n import Text
from ..base.yamlsource import SourceDoc
from ..questionnaire.conditions import checking, syntax
from ..questionnaire.instrument import Instrument
from .models import PLACEHOLDER, FinancingOptions, Measure, MeasureLibrary, PolicyCatalogue

#: facts about the planned project that policy rules may use (project.<name>)
PROJECT_FACTS: dict[str, str] = {
    "total_investment": "number", "robot_count": "number", "robot_cost": "number",
    "equipment_cost": "number", "software_cost": "number", "cloud_cost": "number",
    "engineering_cost": "number", "building_cost": "number", "training_cost": "number",
    "service_cost": "number", "item_count": "number", "on_existing_land": "bool",
    "engineering_company": "bool", "measures": "multi",
}
#: score values policy rules may use (score.<name>); dimension ids are added per questionnaire
SCORE_FACTS: dict[str, str] = {"index": "number", "stage_by_index": "number",
                               "stage_weakest_link": "number"}


class _AdviceSymbols:
    """Names conditions in advice data may use: every question of the questionnaire and its
    modules (any order), the profile, project facts and score values."""

    def __init__(self, instrument: Instrument, measure_ids: set[str], scopes: set[str]):
        self.instrument = instrument
        self.measure_ids = frozenset(measure_ids)
        self.scopes = scopes

    def question(self, name: str) -> checking.Symbol | None:
        q = self.instrument.by_id.get(name)
        if q is None:
            return None
        types = {"single": "choice", "multi": "multi", "number": "number", "percent": "number",
                 "yesno": "bool", "text": "text"}
        options = frozenset(o.id for o in q.options) if q.options else None
        return checking.Symbol(types[q.type], options)  # type: ignore[arg-type]

    def scoped(self, scope: str, name: str) -> checking.Symbol | None:
        if scope not in self.scopes:
            return None
        if scope == "profile":
            f = self.instrument.profile_fields.get(name)
            if f is None:
                return None
            types = {"text": "text", "uscc": "text", "integer": "number", "decimal": "number",
                     "percent": "number", "date": "date", "choice": "choice", "multi": "multi",
                     "yesno": "bool"}
            options = frozenset(o.id for o in f.options) if f.options else None
            return checking.Symbol(types[f.type], options)  # type: ignore[arg-type]
        if scope == "project":
            kind = PROJECT_FACTS.get(name)
            if kind is None:
                return None
            return checking.Symbol(kind, self.measure_ids if name == "measures" else None)  # type: ignore[arg-type]
        if scope == "score":
            if name in SCORE_FACTS or name in self.instrument.dimension_by_id:
                return checking.Symbol("number")
        return None

    def question_problem(self, name: str) -> str | None:
        return None

    def suggest(self, scope: str, name: str) -> str | None:
        pools = {"question": list(self.instrument.by_id),
                 "profile": list(self.instrument.profile_fields),
                 "project": list(PROJECT_FACTS),
                 "score": list(SCORE_FACTS) + list(self.instrument.dimension_by_id)}
        return suggest(name, pools.get(scope, []))


def check_condition(c: Checker, loc: tuple[Any, ...], source: str,
                    symbols: _AdviceSymbols) -> None:
    try:
        tree = syntax.parse(source)
    except syntax.ExprError as error:
        c.error(loc, f"{error.message}" + (f" (at column {error.column})" if error.column
                                           else "") + f" in: {source}")
        return
    for problem in checking.check(tree, symbols):
        c.error(loc, problem.message + (f" (at column {problem.column})" if problem.column
                                        else "") + f" in: {source}")


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


def _check_placeholders(c: Checker, loc: tuple[Any, ...], text: Text) -> None:
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


@dataclass
class AdviceData:
    """The measures library, every policy catalogue and the financing options."""

    measures: MeasureLibrary
    catalogues: dict[str, PolicyCatalogue]
    options: FinancingOptions
    sources: dict[str, SourceDoc] = field(default_factory=dict)

    def measure(self, measure_id: str) -> Measure | None:
        return self._measures.get(measure_id)

    def __post_init__(self) -> None:
        self._measures = {m.id: m for m in self.measures.measures}

    def catalogue(self, catalogue_id: str | None) -> PolicyCatalogue:
        if catalogue_id and catalogue_id in self.catalogues:
            return self.catalogues[catalogue_id]
        return next(iter(self.catalogues.values()))

    def option(self, option_id: str) -> Any:
        return next((o for o in self.options.options if o.id == option_id), None)


def load_advice_data(folder: Path, instrument: Instrument) -> AdviceData:
    """Read and check everything; raises DataFileError listing every problem found."""
    problems: list[Problem] = []
    sources: dict[str, SourceDoc] = {}

    def read(path: Path, model: type, kind: str) -> Any:
        try:
            doc, parsed = read_data_file(path, model, kind)
        except DataFileError as error:
            problems.extend(error.problems)
            return None
        sources[str(path)] = doc
        return (doc, parsed)

    measure_files = sorted((folder / "measures").glob("*.yaml"))
    catalogue_files = sorted((folder / "policies").glob("*.yaml"))
    option_files = sorted((folder / "financing").glob("*.yaml"))
    for what, files in (("measures", measure_files), ("policies", catalogue_files),
                        ("financing", option_files)):
        if not files:
            problems.append(Problem(str(folder / what), None, "(folder)",
                                    f"no {what} file (*.yaml) found"))
    loaded_measures = [r for r in (read(p, MeasureLibrary, "measure-library")
                                   for p in measure_files) if r]
    loaded_catalogues = [r for r in (read(p, PolicyCatalogue, "policy-catalogue")
                                     for p in catalogue_files) if r]
    loaded_options = [r for r in (read(p, FinancingOptions, "financing-options")
                                  for p in option_files) if r]
    if problems:
        raise DataFileError(problems)
    measures_doc, library = loaded_measures[-1]
    options_doc, options = loaded_options[-1]
    measure_ids = {m.id for m in library.measures}
    option_ids = {o.id for o in options.options}
    policy_ids = {p.id for _, cat in loaded_catalogues for p in cat.policies}

    c = Checker(measures_doc)
    c.duplicates(library.measures, ("measures",), "measure id")
    symbols = _AdviceSymbols(instrument, measure_ids, {"profile"})
    industries = instrument.field_for_role("industry")
    industry_ids = {o.id for o in (industries.options or [])} if industries else set()
    pains = instrument.field_for_role("pain_points")
    pain_ids = {o.id for o in (pains.options or [])} if pains else set()
    for i, m in enumerate(library.measures):
        loc = ("measures", i)
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
        for j, req in enumerate(m.requires):
            if req not in measure_ids:
                hint = suggest(req, measure_ids)
                c.error((*loc, "requires", j), f"'{req}' is not a measure"
                        + (f"; did you mean '{hint}'?" if hint else ""))
            elif req == m.id:
                c.error((*loc, "requires", j), "a measure cannot require itself")
            else:
                needed = next(x for x in library.measures if x.id == req)
                if needed.industries and (not m.industries or
                                          not set(m.industries) <= set(needed.industries)):
                    c.error((*loc, "requires", j),
                            f"'{req}' is only for {', '.join(needed.industries)}, but this "
                            "measure is for " + (", ".join(m.industries) or "every industry")
                            + "; restrict this measure or drop the prerequisite")
        for j, pain in enumerate(m.addresses):
            if pain not in pain_ids:
                c.error((*loc, "addresses", j), f"'{pain}' is not a pain point; use one of "
                                                + ", ".join(sorted(pain_ids)))
        for j, ind in enumerate(m.industries):
            if ind not in industry_ids:
                c.error((*loc, "industries", j), f"'{ind}' is not an industry")
        for j, pid in enumerate(m.policies):
            if pid not in policy_ids:
                c.error((*loc, "policies", j), f"'{pid}' is not in any policy catalogue")
        for j, oid in enumerate(m.financing):
            if oid not in option_ids:
                c.error((*loc, "financing", j), f"'{oid}' is not a financing option; use one "
                                                "of " + ", ".join(sorted(option_ids)))
    cycle = _cycle(library.measures)
    if cycle:
        index = next(i for i, m in enumerate(library.measures) if m.id == cycle[0])
        c.error(("measures", index, "requires"), "prerequisites go round in a circle: "
                + " -> ".join(cycle))
    problems.extend(c.problems)

    policy_symbols = _AdviceSymbols(instrument, measure_ids, {"profile", "project", "score"})
    catalogues: dict[str, PolicyCatalogue] = {}
    for doc, cat in loaded_catalogues:
        c = Checker(doc)
        c.duplicates(cat.policies, ("policies",), "policy id")
        if cat.id in catalogues:
            c.error(("id",), f"catalogue id '{cat.id}' is used by two files")
        for i, p in enumerate(cat.policies):
            loc = ("policies", i)
            for j, req in enumerate(p.requirements):
                check_condition(c, (*loc, "requirements", j, "when"), req.when,
                                policy_symbols)
                _check_placeholders(c, (*loc, "requirements", j, "met"), req.met)
                _check_placeholders(c, (*loc, "requirements", j, "unmet"), req.unmet)
            g = p.gives
            if g.type == "rate":
                if g.rate_min is None or g.rate_max is None or not g.base:
                    c.error((*loc, "gives"), "a rate needs rate_min, rate_max and base")
                elif g.rate_max < g.rate_min:
                    c.error((*loc, "gives", "rate_max"), "rate_max is below rate_min")
                if g.base and (g.base not in PROJECT_FACTS or PROJECT_FACTS[g.base] != "number"):
                    c.error((*loc, "gives", "base"), f"'{g.base}' is not a money fact of the "
                                                     "project, e.g. robot_cost")
            if g.type == "amount" and g.amount is None:
                c.error((*loc, "gives", "amount"), "an amount support needs amount (万元)")
            if g.type == "interest_subsidy" and (g.points is None or g.years is None):
                c.error((*loc, "gives"), "an interest subsidy needs points and years")
            for j, oid in enumerate(p.enables):
                if oid not in option_ids:
                    c.error((*loc, "enables", j), f"'{oid}' is not a financing option")
        problems.extend(c.problems)
        catalogues[cat.id] = cat
    c = Checker(options_doc)
    c.duplicates(options.options, ("options",), "option id")
    problems.extend(c.problems)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataFileError(problems)
    return AdviceData(library, catalogues, options, sources)


def _cycle(measures: list[Measure]) -> list[str] | None:
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


@lru_cache(maxsize=1)
def default_advice_data() -> AdviceData:
    """The bundled data, checked against the newest default questionnaire with every module."""
    from ..base.resources import templates_dir
    from ..questionnaire.catalog import DEFAULT_QUESTIONNAIRE, default_catalog

    catalog = default_catalog()
    return load_advice_data(templates_dir(), full_instrument(catalog, DEFAULT_QUESTIONNAIRE))


def full_instrument(catalog: Any, questionnaire_id: str) -> Instrument:
    """The questionnaire with all its industry modules (to check names used in advice data)."""
    base = catalog.get(questionnaire_id)
    modules = catalog.modules_for(base.model.id, base.model.version)
    return Instrument(base, tuple(modules))
