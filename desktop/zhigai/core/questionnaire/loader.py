"""Load questionnaire and module files, check them thoroughly (``checks``), and report every
problem as ``file:line: field: what is wrong and how to fix it``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..base.datafile import Checker, suggest, validate_model
from ..base.diagnostics import DataFileError, Problem
from ..base.yamlsource import SourceDoc, load_yaml
from .checks import check_module_rules, check_questionnaire_rules
from .models import Module, Questionnaire


def content_hash(data: Any) -> str:
    """SHA-256 of the canonical JSON form of parsed data (comments and layout do not count)."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class LoadedDoc:
    """A checked data file: its model, where it came from, its hash and any warnings."""

    model: Questionnaire | Module
    source: SourceDoc
    hash: str
    warnings: list[Problem] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.source.path


# ---------------------------------------------------------------------------- files

def read_document(path: str | Path) -> tuple[SourceDoc, Questionnaire | Module]:
    """Parse and structurally validate one file (no cross-file checks)."""
    doc = load_yaml(path)
    if doc.problems:
        raise DataFileError(doc.problems)
    if not isinstance(doc.data, dict):
        raise DataFileError([Problem(doc.path, 1, "(file)",
                                     "must be a mapping with kind: questionnaire or kind: module "
                                     f"at the top, not a {type(doc.data).__name__}")])
    kind = doc.data.get("kind")
    if kind == "questionnaire":
        model: type[BaseModel] = Questionnaire
    elif kind == "module":
        model = Module
    else:
        hint = suggest(str(kind), ["questionnaire", "module"]) if kind else None
        raise DataFileError([doc.problem(("kind",) if kind else (),
                                         f"kind must be questionnaire or module, found "
                                         f"{kind!r}" + (f" (did you mean '{hint}'?)"
                                                        if hint else ""),
                                         field_name="kind")])
    parsed = validate_model(doc, model)
    return doc, parsed  # type: ignore[return-value]


def check_questionnaire(doc: SourceDoc, q: Questionnaire) -> LoadedDoc:
    c = Checker(doc)
    check_questionnaire_rules(q, c)
    errors = [p for p in c.problems if p.severity == "error"]
    if errors:
        raise DataFileError(c.problems)
    return LoadedDoc(q, doc, content_hash(doc.data), [p for p in c.problems
                                                      if p.severity == "warning"])


def check_module(doc: SourceDoc, m: Module, base: Questionnaire,
                 others: Sequence[Module] = ()) -> LoadedDoc:
    c = Checker(doc)
    check_module_rules(m, base, others, c)
    if any(p.severity == "error" for p in c.problems):
        raise DataFileError(c.problems)
    return LoadedDoc(m, doc, content_hash(doc.data), c.problems)


def load_questionnaire_file(path: str | Path) -> LoadedDoc:
    doc, model = read_document(path)
    if not isinstance(model, Questionnaire):
        raise DataFileError([doc.problem(("kind",), "expected a questionnaire, found a module")])
    return check_questionnaire(doc, model)
