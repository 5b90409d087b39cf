"""JSON from files and bundles read with bounds: no NaN or infinities, no integers of more than
:data:`MAX_INT_DIGITS` digits, no nesting deeper than :data:`MAX_DEPTH`, no lone surrogates or
NUL characters in any text (a PostgreSQL store and every UTF-8 writer refuse them), each refusal
naming where it is."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any

MAX_DEPTH = 32
MAX_INT_DIGITS = 30
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonProblem(ValueError):
    """Unreadable or out-of-bounds JSON; ``where`` is the path (``audit[3].new``) or the line
    and column, ``message`` says what is wrong."""

    def __init__(self, where: str, message: str, line: int | None = None,
                 column: int | None = None):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message
        self.line = line
        self.column = column


def _constant(name: str) -> Any:
    raise JsonProblem("(number)", f"{name} is not a number JSON allows here")


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JsonProblem("(number)", f"an integer of {len(text.lstrip('-'))} digits (at most "
                                      f"{MAX_INT_DIGITS})")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise JsonProblem("(number)", f"{text[:40]} is too large a number")
    return value


def path_text(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


def _walk(data: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value with its path, depth first, without recursion."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if len(path) > MAX_DEPTH:
            continue
        if isinstance(value, dict):
            stack.extend(((*path, str(k)), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(value))))


def bad_text(text: str) -> str | None:
    """What is wrong with a text as stored text, or None."""
    if "\x00" in text:
        return "holds a NUL character"
    if _SURROGATE.search(text):
        return "holds a lone surrogate (broken Unicode)"
    return None


_BAD = re.compile("[\x00\ud800-\udfff]|\\\\u0000")
_HUGE = 10 ** MAX_INT_DIGITS


def _clean(data: Any) -> bool:
    """True when nothing in ``data`` is out of bounds (fast: one dump searched for bad
    characters, one walk over the containers); False means: look closer."""
    try:
        if _BAD.search(json.dumps(data, ensure_ascii=False)):
            return False
    except (ValueError, TypeError, RecursionError):
        return False
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth >= MAX_DEPTH:
            return False
        for item in (value.values() if isinstance(value, dict) else value):
            kind = type(item)
            if kind is str or kind is bool or item is None:
                continue
            if kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif (kind is float and not math.isfinite(item)) or (
                    kind is int and not -_HUGE < item < _HUGE):
                return False
    return True


def check_tree(data: Any) -> list[JsonProblem]:
    """The values (and keys) of parsed JSON that are out of bounds, each with its path."""
    if isinstance(data, (dict, list)) and _clean(data):
        return []
    problems: list[JsonProblem] = []
    for path, value in _walk(data):
        where = path_text(path)
        if len(path) > MAX_DEPTH:
            problems.append(JsonProblem(where, f"nested more than {MAX_DEPTH} levels deep"))
            break
        if isinstance(value, dict):
            for key in value:
                why = bad_text(key) if isinstance(key, str) else None
                if why:
                    problems.append(JsonProblem(where, f"a key {why}"))
        elif isinstance(value, str):
            why = bad_text(value)
            if why:
                problems.append(JsonProblem(where, why))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and not -_HUGE < value < _HUGE:
            problems.append(JsonProblem(where, "an integer too large to be a value here"))
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(JsonProblem(where, "not a finite number"))
        if len(problems) >= 20:
            break
    return problems


def loads(text: str, *, texts: bool = True) -> Any:
    """Parse JSON text within the bounds above; raises JsonProblem (the first problem).
    ``texts=False`` leaves the texts and the depth below Python's limit to the caller's own
    field checks (numbers and syntax are still bounded)."""
    try:
        data = json.loads(text, parse_constant=_constant, parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as exc:
        raise JsonProblem("(JSON syntax)", f"{exc.msg} at column {exc.colno}",
                          exc.lineno, exc.colno) from None
    except RecursionError:
        raise JsonProblem("(file)", f"nested more than {MAX_DEPTH} levels deep") from None
    problems = check_tree(data) if texts else []
    if problems:
        raise problems[0]
    return data
