"""All questionnaire versions and industry modules found in a folder (the bundled
``questionnaires/`` by default). Old versions stay loadable so an old assessment opens with the
version it was filled in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..base.diagnostics import DataFileError, Problem
from ..base.yamlsource import SourceDoc
from .instrument import Instrument
from .loader import LoadedDoc, check_module, check_questionnaire, read_document
from .models import Module, Questionnaire


class VersionRef(Protocol):
    """A recorded questionnaire or module version (an assessment's ``DocRef``)."""

    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def hash(self) -> str: ...


class FilledIn(Protocol):
    """What the catalogue needs of an assessment to find its instrument (the assessment
    package stands on this one, so it is described here rather than imported)."""

    @property
    def questionnaire(self) -> VersionRef: ...
    @property
    def modules(self) -> Sequence[VersionRef]: ...
    def industry(self, instrument: Instrument) -> str | None: ...


class CatalogError(LookupError):
    """A questionnaire or version that is not installed."""


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def data_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(x for x in path.rglob("*") if x.suffix in (".yaml", ".yml")
                              and x.is_file()))
        else:
            out.append(path)
    return out


@dataclass
class Catalog:
    questionnaires: dict[tuple[str, str], LoadedDoc] = field(default_factory=dict)
    raw_modules: list[tuple[SourceDoc, Module]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _module_cache: dict[tuple[str, str], list[LoadedDoc]] = field(default_factory=dict)
    _every_version: dict[tuple[str, str], dict[tuple[str, str], LoadedDoc]] = field(
        default_factory=dict)
    _instrument_cache: dict[tuple[str, str, tuple[str, ...]], Instrument] = field(
        default_factory=dict)

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> Catalog:
        """Read every file; files with errors are left out and listed in ``problems``."""
        catalog = cls()
        for path in data_files(paths):
            try:
                doc, model = read_document(path)
                if isinstance(model, Questionnaire):
                    loaded = check_questionnaire(doc, model)
                    key = (model.id, model.version)
                    if key in catalog.questionnaires:
                        other = catalog.questionnaires[key].path
                        catalog.problems.append(Problem(
                            doc.path, doc.line_of(("version",)), "version",
                            f"{model.id} {model.version} is also defined in {other}; give each "
                            "version its own number"))
                        continue
                    catalog.questionnaires[key] = loaded
                    catalog.problems.extend(loaded.warnings)
                else:
                    catalog.raw_modules.append((doc, model))
            except DataFileError as exc:
                catalog.problems.extend(exc.problems)
        for doc, module in catalog.raw_modules:
            if not catalog.versions(module.questionnaire):
                catalog.problems.append(Problem(
                    doc.path, doc.line_of(("questionnaire",)), "questionnaire",
                    f"module {module.id} extends '{module.questionnaire}', which is not among "
                    f"the questionnaires ({', '.join(catalog.ids()) or 'none'})"))
        return catalog

    # ------------------------------------------------------------------ lookup

    def ids(self) -> list[str]:
        return sorted({k[0] for k in self.questionnaires})

    def versions(self, qid: str) -> list[str]:
        return sorted((v for i, v in self.questionnaires if i == qid), key=version_key)

    def get(self, qid: str, version: str | None = None) -> LoadedDoc:
        versions = self.versions(qid)
        if not versions:
            raise CatalogError(f"questionnaire '{qid}' is not installed; installed: "
                               + (", ".join(self.ids()) or "none"))
        if version is None:
            version = versions[-1]
        doc = self.questionnaires.get((qid, version))
        if doc is None:
            raise CatalogError(f"questionnaire {qid} version {version} is not installed; "
                               f"installed versions: {', '.join(versions)}")
        return doc

    def modules_for(self, qid: str, version: str) -> list[LoadedDoc]:
        """Every module that fits this questionnaire version (newest version of each)."""
        key = (qid, version)
        if key in self._module_cache:
            return self._module_cache[key]
        base = self.get(qid, version).model
        assert isinstance(base, Questionnaire)
        candidates = [(d, m) for d, m in self.raw_modules if m.questionnaire == qid]
        others = [m for _, m in candidates]
        fitting: dict[str, LoadedDoc] = {}
        every = self._every_version.setdefault(key, {})
        for doc, module in sorted(candidates, key=lambda c: version_key(c[1].version)):
            try:
                loaded = check_module(doc, module, base, others)
            except DataFileError as exc:
                if version == self.versions(qid)[-1]:
                    self.problems.extend(p for p in exc.problems if p not in self.problems)
                continue
            fitting[module.id] = loaded
            every[(module.id, module.version)] = loaded
        result = list(fitting.values())
        self._module_cache[key] = result
        return result

    def module_industries(self, qid: str, version: str) -> dict[str, list[str]]:
        """Industry id -> ids of the modules it adds."""
        out: dict[str, list[str]] = {}
        for doc in self.modules_for(qid, version):
            module = doc.model
            assert isinstance(module, Module)
            for ind in module.industries:
                out.setdefault(ind, []).append(module.id)
        return out

    def instrument(self, qid: str, version: str | None = None,
                   industry: str | None = None,
                   pinned: dict[str, str] | None = None) -> Instrument:
        """The questionnaire with the modules of ``industry``: the newest version of each, or
        the version ``pinned`` names for it (module id -> version) where that is installed."""
        base = self.get(qid, version)
        version = base.model.version
        newest = self.modules_for(qid, version)
        every = self._every_version.get((qid, version), {})
        chosen = [d for d in newest
                  if industry and industry in d.model.industries]  # type: ignore[union-attr]
        modules = [every.get((d.model.id, (pinned or {}).get(d.model.id, "")), d)
                   for d in chosen]
        key = (qid, version, tuple(f"{d.model.id}@{d.model.version}" for d in modules))
        cached = self._instrument_cache.get(key)
        if cached is None:
            cached = Instrument(base, tuple(modules))
            self._instrument_cache[key] = cached
        return cached

    def instrument_for(self, assessment: FilledIn) -> tuple[Instrument, list[str]]:
        """The instrument an assessment was filled in with, and warnings (e.g. changed files)."""
        ref = assessment.questionnaire
        base = self.get(ref.id, ref.version)
        warnings: list[str] = []
        if ref.hash and ref.hash != base.hash:
            warnings.append(f"questionnaire {ref.id} {ref.version} has changed since this "
                            f"assessment was made (hash {ref.hash[:19]}… now "
                            f"{base.hash[:19]}…); results may differ from the original")
        recorded = {m.id: m for m in assessment.modules}
        instrument = self.instrument(ref.id, ref.version, assessment.industry(
            self.instrument(ref.id, ref.version)), {m.id: m.version for m in recorded.values()})
        for m in instrument.module_refs:
            old = recorded.get(m.id)
            if old and (old.version != m.version or old.hash != m.hash):
                warnings.append(f"industry module {m.id} is now version {m.version}; the "
                                f"assessment used {old.version}")
        return instrument, warnings


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The questionnaires bundled with the program."""
    from ..base.resources import questionnaires_dir

    return Catalog.load([questionnaires_dir()])


DEFAULT_QUESTIONNAIRE = "zhigai-readiness"
