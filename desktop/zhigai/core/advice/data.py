"""Loading and checking the advice data in ``templates/`` (measures, policy catalogues,
financing options) against the questionnaire, with ``file:line: field: message`` problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..base.datafile import Checker, read_data_file
from ..base.diagnostics import DataFileError, Problem
from ..base.yamlsource import SourceDoc
from ..questionnaire.instrument import Instrument
from ..questionnaire.symbols import check_condition
from .data_checks import (
    PROJECT_FACTS,
    SCORE_FACTS,
    AdviceSymbols,
    check_measure,
    check_placeholders,
    find_cycle,
)
from .models import FinancingOptions, Measure, MeasureLibrary, PolicyCatalogue

__all__ = ["PROJECT_FACTS", "SCORE_FACTS", "AdviceData", "load_advice_data",
           "default_advice_data", "full_instrument"]


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
    options_doc, options = loaded_options[-1]
    all_measures = [m for _, lib in loaded_measures for m in lib.measures]
    measure_ids = {m.id for m in all_measures}
    option_ids = {o.id for o in options.options}
    policy_ids = {p.id for _, cat in loaded_catalogues for p in cat.policies}
    industries = instrument.field_for_role("industry")
    industry_ids = {o.id for o in (industries.options or [])} if industries else set()
    pains = instrument.field_for_role("pain_points")
    pain_ids = {o.id for o in (pains.options or [])} if pains else set()
    module_industries = {mod.id: set(mod.industries) for mod in instrument.modules}
    names = {"measures": measure_ids, "options": option_ids, "policies": policy_ids,
             "industries": industry_ids, "pains": pain_ids}
    seen: dict[str, str] = {}
    for measures_doc, library in loaded_measures:
        c = Checker(measures_doc)
        c.duplicates(library.measures, ("measures",), "measure id")
        if library.module is not None and library.module not in module_industries:
            c.error(("module",), f"'{library.module}' is not an industry module; use one of "
                    + ", ".join(sorted(module_industries)))
        for i, m in enumerate(library.measures):
            if m.id in seen and seen[m.id] != measures_doc.path:
                c.error(("measures", i, "id"), f"measure id '{m.id}' is also used in "
                                               f"{Path(seen[m.id]).name}")
            seen.setdefault(m.id, measures_doc.path)
            check_measure(c, ("measures", i), m, library, instrument, all_measures, names,
                          module_industries)
        problems.extend(c.problems)
    library = _merged(loaded_measures)
    cycle = find_cycle(library.measures)
    if cycle:
        doc, lib = next((d, lib) for d, lib in loaded_measures
                        if any(m.id == cycle[0] for m in lib.measures))
        c = Checker(doc)
        index = next(i for i, m in enumerate(lib.measures) if m.id == cycle[0])
        c.error(("measures", index, "requires"), "prerequisites go round in a circle: "
                + " -> ".join(cycle))
        problems.extend(c.problems)

    lens_ids = _lens_ids(folder)
    policy_symbols = AdviceSymbols(instrument, measure_ids, {"profile", "project", "score"})
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
                check_placeholders(c, (*loc, "requirements", j, "met"), req.met)
                check_placeholders(c, (*loc, "requirements", j, "unmet"), req.unmet)
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
            if p.level_gate is not None and p.level_gate.lens not in lens_ids:
                c.error((*loc, "level_gate", "lens"), f"'{p.level_gate.lens}' is not an "
                        "installed lens (templates/lenses); use one of "
                        + (", ".join(sorted(lens_ids)) or "none installed"))
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


def _lens_ids(folder: Path) -> set[str]:
    """The ids of the lenses in ``folder/lenses`` (read without checking their contents)."""
    from ..base.yamlsource import load_yaml

    ids = set()
    for path in sorted((folder / "lenses").glob("*.yaml")):
        data = load_yaml(path).data
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
    return ids


def _merged(loaded: list[tuple[SourceDoc, MeasureLibrary]]) -> MeasureLibrary:
    """The base library (the one without a module) with every module's measures after its
    own; the base library's title, source and cost note speak for all."""
    base = next((lib for _, lib in loaded if lib.module is None), loaded[0][1])
    measures = list(base.measures) + [m for _, lib in loaded if lib is not base
                                      for m in lib.measures]
    return base.model_copy(update={"measures": measures})


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
