"""Read YAML data files into plain Python values while remembering the line of every field.

PyYAML (with its libyaml C parser when available) composes the node tree; we build the values
ourselves so that every mapping key, list item and scalar keeps its line, duplicate keys are
reported instead of silently overwritten, and YAML 1.1 surprises are avoided (``no``/``on``/``y``
stay strings, dates stay ISO strings). Nothing is ever executed: only plain scalars, lists and
mappings are accepted, so ``!!python`` tags are refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import DataFileError, Problem, pretty_path

try:  # the C parser is ~10x faster; the pure-Python one gives identical nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - wheels ship libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Loc = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


@dataclass
class SourceDoc:
    """Plain data read from a YAML file and the line (1-based) of each location in it."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: Loc) -> int | None:
        """Line of ``loc``, or of its nearest ancestor that has one."""
        current = tuple(loc)
        while True:
            if current in self.lines:
                return self.lines[current]
            if not current:
                return None
            current = current[:-1]

    def problem(self, loc: Loc, message: str, *, severity: str = "error",
                field_name: str | None = None) -> Problem:
        where = field_name or pretty_path(self.data, loc)
        return Problem(self.path, self.line_of(loc), where, message,
                       severity)  # type: ignore[arg-type]


#: the largest data file read (the biggest bundled one is under 1 MB)
MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.lines: dict[Loc, int] = {}
        self.failures: list[tuple[int, Loc, str]] = []
        self.seen: set[int] = set()
        self.aliased: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            # the composer hands an alias (*name) back as the anchored node itself: a node met
            # twice is an alias, which could expand a 1 KB file into gigabytes or loop forever
            if id(node) in self.seen:
                if id(node) in self.aliased:   # said once per anchor
                    return None
                self.aliased.add(id(node))
                where = self.lines.get(loc[:-1], node.start_mark.line + 1)
                self.failures.append((where, loc, "YAML aliases (*name) are not allowed in "
                                                  "Zhigai files; write the values out (the "
                                                  f"anchor is on line {node.start_mark.line + 1})"))
                return None
            self.seen.add(id(node))
            if len(loc) > MAX_DEPTH:
                self._fail(node, loc, f"nested more than {MAX_DEPTH} levels deep")
                return None
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in (
                _MAP, _SEQ):
            self._fail(node, loc, f"the tag {_short(node.tag)} is not allowed in Zhigai files; "
                                  "remove it")
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self._fail(key_node, loc, "YAML merge keys (<<) are not supported; "
                                              "write the fields out")
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self._fail(key_node, loc, "a mapping key must be a plain name")
                    continue
                key = self._scalar(key_node, loc)
                if isinstance(key, bool) or key is None:
                    key = key_node.value  # `yes:`/`null:` as keys stay names
                key = str(key) if not isinstance(key, int) else key
                child = (*loc, key)
                if key in result:
                    first = self.lines.get(child)
                    self._fail(key_node, child,
                               f"duplicate key '{key}' (first written on line {first}); "
                               "remove or rename one of them")
                    continue
                self.lines[child] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                child = (*loc, index)
                self.lines[child] = item.start_mark.line + 1
                items.append(self.build(item, child))
            return items
        return self._scalar(node, loc)

    def _scalar(self, node: yaml.Node, loc: Loc) -> Any:
        if not isinstance(node, yaml.ScalarNode):  # pragma: no cover - handled above
            return None
        tag, raw = node.tag, node.value
        if tag == _STR or node.style in ("'", '"', "|", ">"):
            return raw
        if tag == _NULL:
            return None
        if tag == _BOOL:
            if raw in _TRUE:
                return True
            if raw in _FALSE:
                return False
            return raw  # yes/no/on/off/y/n are names, not booleans, in our files
        if tag == _INT:
            digits = raw.replace("_", "")
            for base in (10, 0):
                try:
                    return int(digits, base)
                except ValueError:
                    continue
            return raw
        if tag == _FLOAT:
            try:
                value = float(raw.replace("_", ""))
            except ValueError:
                return raw
            if value != value or value in (float("inf"), float("-inf")):
                self._fail(node, loc, f"'{raw}' is not a finite number")
                return None
            return value
        if tag.startswith("tag:yaml.org,2002:"):
            return raw  # timestamps, binary...: keep the text, the schema decides
        self._fail(node, loc, f"the tag {_short(tag)} is not allowed in Zhigai files; remove it")
        return None

    def _fail(self, node: yaml.Node, loc: Loc, message: str) -> None:
        self.failures.append((node.start_mark.line + 1, loc, message))

    def problems_for(self, data: Any) -> list[Problem]:
        return [Problem(self.path, line, pretty_path(data, loc), message)
                for line, loc, message in self.failures]


def parse_yaml(text: str, path: str = "<text>") -> SourceDoc:
    """Parse YAML text; raises :class:`DataFileError` on syntax errors."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = (exc.problem or "syntax error").strip()
        if exc.context:
            what = f"{exc.context.strip()}, {what}"
        lines = text.splitlines()
        if line and 0 < line <= len(lines) and "\t" in lines[line - 1]:
            what = "this line contains a tab character; YAML indents with spaces only"
        raise DataFileError([Problem(path, line, "(YAML syntax)",
                                     f"{what}; check the indentation and quoting near this line "
                                     "(use spaces, not tabs)")]) from None
    except yaml.YAMLError as exc:
        raise DataFileError([Problem(path, None, "(YAML syntax)", str(exc))]) from None
    except RecursionError:
        raise DataFileError([Problem(path, None, "(YAML syntax)",
                                     f"nested more than {MAX_DEPTH} levels deep")]) from None
    if node is None:
        raise DataFileError([Problem(path, 1, "(file)",
                                     "the file is empty; it must hold a YAML mapping")])
    builder = _Builder(path)
    data = builder.build(node, ())
    return SourceDoc(path=path, data=data, lines=builder.lines,
                     problems=builder.problems_for(data))


def load_yaml(path: str | Path) -> SourceDoc:
    """Read and parse a YAML file (UTF-8, BOM tolerated)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DataFileError([Problem(str(p), None, "(file)",
                                     f"cannot be read: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_BYTES:
        raise DataFileError([Problem(str(p), None, "(file)",
                                     f"is {len(raw) // 1024 // 1024} MB; data files may be at "
                                     f"most {MAX_BYTES // 1024 // 1024} MB")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError([Problem(str(p), line, "(file)",
                                     "is not valid UTF-8 text; save it as UTF-8")]) from None
    return parse_yaml(text, str(p))


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")
