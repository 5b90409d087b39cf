"""A YAML data file checked against its pydantic model, every problem reported as
``file:line: field: what is wrong and how to fix it``, and the collector of problems
the thorough checks of each kind of data file use."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import DataFileError, Problem, pretty_path
from .yamlsource import Loc, SourceDoc, load_yaml

# ---------------------------------------------------------------------------- pydantic errors

def _allowed_fields(model: type[BaseModel], data: Any, loc: Sequence[Any]) -> list[str]:
    """Field names of the model found at ``loc`` (for 'did you mean' hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            alias_match = [f for f in getattr(current, "model_fields", {}).values()
                           if f.alias == part]
            info = alias_match[0] if alias_match else None
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if current is None or not hasattr(current, "model_fields"):
        return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def suggest(word: str, choices: Iterable[str]) -> str | None:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


def _message(err: dict[str, Any], model: type[BaseModel], data: Any) -> str:
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx", {}) or {}
    loc = err["loc"]
    shown = repr(value) if not isinstance(value, (dict, list)) else "a " + type(value).__name__
    if kind == "missing":
        return f"is required but missing; add {loc[-1]}: …"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, data, loc[:-1])
        hint = suggest(str(loc[-1]), allowed)
        if set(allowed) == {"zh", "en"} and not hint:
            return (f"'{loc[-1]}' looks like the rest of a text cut at a comma or colon inside "
                    "{zh: …, en: …}; put each text in double quotes")
        return (f"unknown field '{loc[-1]}'"
                + (f"; did you mean '{hint}'?" if hint else "")
                + (f" Allowed here: {', '.join(sorted(allowed))}" if allowed and not hint else ""))
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in str(expected).replace(" or ", ", ").split(",")]
        hint = suggest(str(value), options) if isinstance(value, str) else None
        return (f"{shown} is not allowed; use one of {expected}"
                + (f" (did you mean '{hint}'?)" if hint else ""))
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "\\d{4}" in pattern:
            return f"{shown} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25"
        if "\\d+\\.\\d+" in pattern:
            return f"{shown} is not a version; write MAJOR.MINOR.PATCH, e.g. 1.0.0"
        if "a-z0-9-" in pattern:
            return (f"{shown} is not a valid id; use lowercase letters, digits and '-', "
                    "starting with a letter (e.g. zhigai-readiness)")
        return (f"{shown} is not a valid id; use lowercase letters, digits and '_', "
                "starting with a letter (e.g. eq_cnc_rate)")
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {"greater_than_equal": "at least", "greater_than": "more than",
                 "less_than_equal": "at most", "less_than": "less than"}[kind]
        limit = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        if isinstance(limit, float):
            limit = f"{limit:g}"
        if loc and loc[-1] in ("level", "yes_level", "no_level", "if_skipped"):
            return f"{shown} is not a level; levels run from 0 (manual) to 4 (intelligent)"
        return f"{shown} is out of range; it must be {bound} {limit}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{shown} is not a whole number; write a number such as 2"
    if kind in ("float_type", "float_parsing", "finite_number"):
        return f"{shown} is not a number; write a number such as 1.5"
    if kind in ("bool_type", "bool_parsing"):
        return f"{shown} is not true or false; write true or false"
    if kind in ("string_type",):
        return f"{shown} is not text; write a text (quote it if it looks like a number)"
    if kind in ("list_type",):
        return f"expected a list (lines starting with '- '), found {shown}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        if loc and loc[-1] in ("title", "name", "label", "text", "help", "evidence",
                               "description", "basis", "unit"):
            return f"expected a text or {{zh: …, en: …}}, found {shown}"
        return f"expected a mapping (key: value lines), found {shown}"
    if kind == "too_short":
        return "must not be empty; add at least one entry"
    if kind in ("value_error", "assertion_error"):
        msg = str(err.get("msg", ""))
        return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "union_tag_invalid" or kind.startswith("union"):
        return str(err.get("msg"))
    return f"{err.get('msg')} (found {shown})"


def validate_model(doc: SourceDoc, model: type[BaseModel]) -> BaseModel:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[tuple[Any, ...]] = set()
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            # pydantic reports union branches separately; keep the first per location
            key = tuple(p for p in loc if not (isinstance(p, str) and p[:1].isupper()))
            if key in seen:
                continue
            seen.add(key)
            clean: Loc = tuple(p for p in key if isinstance(p, (str, int)))
            clean = tuple("from" if p == "from_" else p for p in clean)
            problems.append(Problem(doc.path, doc.line_of(clean), pretty_path(doc.data, clean),
                                    _message({**err, "loc": clean}, model, doc.data)))
        raise DataFileError(problems) from None


# ---------------------------------------------------------------------------- checks

class Checker:
    """Collects problems for one document, with lines and id-based field paths."""

    def __init__(self, doc: SourceDoc):
        self.doc = doc
        self.problems: list[Problem] = []

    def error(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line_of(loc),
                                     pretty_path(self.doc.data, loc), message))

    def warn(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line_of(loc),
                                     pretty_path(self.doc.data, loc), message, "warning"))

    def duplicates(self, items: Sequence[Any], loc: Loc, what: str,
                   key: str = "id") -> None:
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            value = getattr(item, key)
            if value in first:
                line = self.doc.line_of((*loc, first[value]))
                self.error((*loc, index, key),
                           f"duplicate {what} '{value}' (already used on line {line}); "
                           f"every {what} must be unique")
            else:
                first[value] = index


def read_data_file(path: str | Path, model: type[BaseModel], kind: str) -> tuple[SourceDoc, Any]:
    """Parse a YAML data file whose top-level ``kind`` must be ``kind`` and validate it."""
    doc = load_yaml(path)
    if doc.problems:
        raise DataFileError(doc.problems)
    if not isinstance(doc.data, dict):
        raise DataFileError([Problem(doc.path, 1, "(file)",
                                     f"must be a mapping with kind: {kind} at the top")])
    if doc.data.get("kind") != kind:
        found = doc.data.get("kind")
        raise DataFileError([doc.problem(("kind",), f"kind must be {kind}, found {found!r}",
                                         field_name="kind")])
    return doc, validate_model(doc, model)
