"""What is installed: the program's version and every data file's title, version and source
(Help → About, ``zhigai about``)."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..advice.data import AdviceData
    from ..questionnaire.catalog import Catalog


@dataclass(frozen=True)
class DataVersion:
    kind: str        # questionnaire, module, measures, policies, financing
    id: str
    title: str
    version: str
    basis: str       # what the content is based on
    date: str        # the source's date (YYYY-MM-DD)


KIND_NAMES = {
    "questionnaire": ("Questionnaire", "问卷"), "module": ("Industry module", "行业模块"),
    "measures": ("Measures library", "改造措施库"), "policies": ("Policy catalogue", "政策目录"),
    "financing": ("Financing options", "融资方式"),
}


def kind_name(kind: str, lang: str) -> str:
    en, zh = KIND_NAMES.get(kind, (kind, kind))
    return zh if lang == "zh" else en


def _entry(kind: str, model: Any, lang: str) -> DataVersion:
    return DataVersion(kind, model.id, model.title.get(lang), model.version,
                       model.source.basis.get(lang), model.source.date)


def data_versions(catalog: Catalog, advice: AdviceData | None, lang: str) -> list[DataVersion]:
    """Every questionnaire (all installed versions), module, and the advice data files."""
    out = [_entry("questionnaire", catalog.get(qid, version).model, lang)
           for qid in catalog.ids() for version in catalog.versions(qid)]
    seen: set[tuple[str, str]] = set()
    for _doc, module in catalog.raw_modules:
        if (module.id, module.version) not in seen:
            seen.add((module.id, module.version))
            out.append(_entry("module", module, lang))
    if advice is not None:
        out.append(_entry("measures", advice.measures, lang))
        out.extend(_entry("policies", cat, lang) for cat in advice.catalogues.values())
        out.append(_entry("financing", advice.options, lang))
    return out


def program_versions() -> dict[str, str]:
    """The program and the main libraries it runs on (whichever are importable)."""
    from importlib import metadata

    from ... import __version__

    found = {"zhigai": __version__, "python": platform.python_version()}
    for dist in ("PySide6-Essentials", "reportlab", "pandas", "SQLAlchemy", "pydantic"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return found
