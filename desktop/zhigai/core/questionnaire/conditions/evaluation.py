"""Compiling a checked condition into a closure and evaluating it with three-valued logic
(unanswered or not applicable is unknown; a condition that ends unknown is not met)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol

from .syntax import BoolOp, Call, Compare, InList, Literal_, Node, Not, Ref

# ---------------------------------------------------------------------------- evaluation

class Env(Protocol):
    """Values for references; ``None`` means unknown (unanswered, not applicable, empty)."""

    def question_value(self, name: str) -> Any: ...
    def scoped_value(self, scope: str, name: str) -> Any: ...


Compiled = Callable[[Env], Any]


def _norm(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple, set)):
        return frozenset(str(v) for v in value)
    return value


def compile_condition(node: Node) -> Callable[[Env], bool | None]:
    """Turn a checked tree into a function of an :class:`Env`; returns True, False or None."""
    fn = _compile(node)

    def run(env: Env) -> bool | None:
        result = fn(env)
        return result if isinstance(result, bool) or result is None else None

    return run


def _compile(node: Node) -> Compiled:
    if isinstance(node, Literal_):
        value = node.value
        return lambda env: value
    if isinstance(node, Ref):
        name, scope = node.name, node.scope
        if scope != "question":
            return lambda env: _norm(env.scoped_value(scope, name))
        return lambda env: _norm(env.question_value(name))
    if isinstance(node, Call):
        get = _compile(node.ref)
        if node.func == "answered":
            return lambda env: _answered(get(env))
        if node.func == "count":
            return lambda env: _count(get(env))
        wanted = frozenset(node.args)
        return lambda env: _selected(get(env), wanted)
    if isinstance(node, Not):
        inner = _compile(node.operand)

        def _not(env: Env) -> bool | None:
            v = inner(env)
            return None if not isinstance(v, bool) else not v
        return _not
    if isinstance(node, BoolOp):
        parts = tuple(_compile(o) for o in node.operands)
        if node.op == "and":
            def _and(env: Env) -> bool | None:
                unknown = False
                for part in parts:
                    v = part(env)
                    if v is False:
                        return False
                    if v is not True:
                        unknown = True
                return None if unknown else True
            return _and

        def _or(env: Env) -> bool | None:
            unknown = False
            for part in parts:
                v = part(env)
                if v is True:
                    return True
                if v is not False:
                    unknown = True
            return None if unknown else False
        return _or
    if isinstance(node, Compare):
        left, right, op = _compile(node.left), _compile(node.right), node.op
        return lambda env: _compare(op, left(env), right(env))
    if isinstance(node, InList):
        left = _compile(node.left)
        items = tuple(i.value for i in node.items.items)
        return lambda env: _in(left(env), items)
    raise TypeError(node)  # pragma: no cover


def _answered(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (str, frozenset)) and not value:
        return False
    return True


def _count(value: Any) -> int | None:
    if isinstance(value, frozenset):
        return len(value)
    return None


def _selected(value: Any, wanted: frozenset[str]) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return ("yes" if value else "no") in wanted
    if isinstance(value, frozenset):
        return bool(value & wanted)
    if isinstance(value, str):
        return value in wanted if value else None
    return None


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _compare(op: str, a: Any, b: Any) -> bool | None:
    if a is None or b is None:
        return None
    if _numeric(a) and _numeric(b):
        pass
    elif type(a) is not type(b) or isinstance(a, frozenset):
        return None
    try:
        if op == "==":
            return bool(a == b)
        if op == "!=":
            return bool(a != b)
        if isinstance(a, bool):
            return None
        if op == "<":
            return bool(a < b)
        if op == "<=":
            return bool(a <= b)
        if op == ">":
            return bool(a > b)
        if op == ">=":
            return bool(a >= b)
    except TypeError:
        return None
    return None  # pragma: no cover


def _in(value: Any, items: tuple[Any, ...]) -> bool | None:
    if value is None or isinstance(value, frozenset):
        return None
    return any(_compare("==", value, item) for item in items)
