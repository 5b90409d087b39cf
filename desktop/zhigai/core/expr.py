"""The small condition language used for skip logic (``show_if``).

Grammar (documented for authors in ``docs/questionnaire-format.md``)::

    condition  := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := operand [("==" | "!=" | "<" | "<=" | ">" | ">=") operand | "in" list]
    operand    := NUMBER | STRING | "true" | "false" | reference | call | "(" or ")"
    reference  := QUESTION_ID | "profile." FIELD_ID
    call       := ("selected" | "answered" | "count") "(" reference ["," STRING]* ")"
    list       := "[" literal ("," literal)* "]"

Conditions are parsed into a tree when a questionnaire loads, checked against the questions
and profile fields (unknown names, later questions, option ids, types), and compiled into
closures. Nothing is ever passed to Python's ``eval``.

Evaluation uses three-valued logic: a reference to an unanswered or "not applicable" question
is *unknown* (``None``); comparisons with unknown are unknown; ``not`` unknown is unknown;
``false and unknown`` is false and ``true or unknown`` is true. A condition that ends unknown
is not met.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, Protocol

MAX_LENGTH = 2000
MAX_DEPTH = 40

FUNCTIONS = ("selected", "answered", "count")
#: prefixes of references other than question ids; which are available depends on the file
SCOPES = ("profile", "project", "score")
KEYWORDS = ("and", "or", "not", "in", "true", "false")
COMPARATORS = ("==", "!=", "<=", ">=", "<", ">")


class ExprError(ValueError):
    """A condition is malformed or does not fit the questionnaire.

    ``column`` is 1-based within the condition text, when known.
    """

    def __init__(self, message: str, column: int | None = None):
        self.message = message
        self.column = column
        super().__init__(f"{message} (column {column})" if column else message)


# ---------------------------------------------------------------------------- tokens

@dataclass(frozen=True)
class Token:
    kind: str  # number, string, ident, op, punct, kw, end
    value: Any
    column: int


def _is_digit(ch: str) -> bool:
    return ch.isascii() and ch.isdigit()


def _is_ident_start(ch: str) -> bool:
    return ch.isascii() and (ch.isalpha() or ch == "_")


def _is_ident_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def tokenize(source: str) -> list[Token]:
    if len(source) > MAX_LENGTH:
        raise ExprError(f"condition is longer than {MAX_LENGTH} characters; split the logic")
    tokens: list[Token] = []
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        col = i + 1
        if ch in " \t\r\n":
            i += 1
            continue
        nxt = source[i + 1] if i + 1 < n else ""
        if _is_digit(ch) or (ch == "." and _is_digit(nxt)) or (
                ch == "-" and (_is_digit(nxt) or nxt == ".")):
            j = i + 1
            seen_dot = ch == "."
            while j < n and (_is_digit(source[j]) or (source[j] == "." and not seen_dot)):
                seen_dot = seen_dot or source[j] == "."
                j += 1
            text = source[i:j]
            if text in ("-", "-."):
                raise ExprError("a minus sign must be followed by a number", col)
            if j < n and _is_ident_char(source[j]):
                raise ExprError(f"'{text}{source[j]}' is neither a number nor a name", col)
            try:
                value: int | float = int(text) if "." not in text else float(text)
            except ValueError:
                raise ExprError(f"'{text}' is not a number", col) from None
            tokens.append(Token("number", value, col))
            i = j
            continue
        if ch in "'\"":
            j = i + 1
            while j < n and source[j] != ch:
                if source[j] in "\r\n":
                    break
                j += 1
            if j >= n or source[j] != ch:
                raise ExprError(f"the text starting with {ch} is not closed; add the closing {ch}",
                                col)
            tokens.append(Token("string", source[i + 1:j], col))
            i = j + 1
            continue
        if _is_ident_start(ch):
            j = i + 1
            while j < n and _is_ident_char(source[j]):
                j += 1
            word = source[i:j]
            tokens.append(Token("kw" if word in KEYWORDS else "ident", word, col))
            i = j
            continue
        two = source[i:i + 2]
        if two in ("==", "!=", "<=", ">="):
            tokens.append(Token("op", two, col))
            i += 2
            continue
        if ch in "<>":
            tokens.append(Token("op", ch, col))
            i += 1
            continue
        if ch == "=":
            raise ExprError("use '==' to compare, not '='", col)
        if ch in "&|!":
            word = {"&": "and", "|": "or", "!": "not"}[ch]
            raise ExprError(f"use the word '{word}' instead of '{ch}'", col)
        if ch in "()[],.":
            tokens.append(Token("punct", ch, col))
            i += 1
            continue
        raise ExprError(f"unexpected character '{ch}'", col)
    tokens.append(Token("end", None, n + 1))
    return tokens


# ---------------------------------------------------------------------------- tree

@dataclass(frozen=True)
class Literal_:
    value: int | float | str | bool
    column: int = 0


@dataclass(frozen=True)
class ListLit:
    items: tuple[Literal_, ...]
    column: int = 0


@dataclass(frozen=True)
class Ref:
    scope: str  # "question" or one of SCOPES
    name: str
    column: int = 0


@dataclass(frozen=True)
class Call:
    func: str
    ref: Ref
    args: tuple[str, ...]
    column: int = 0


@dataclass(frozen=True)
class Not:
    operand: Node
    column: int = 0


@dataclass(frozen=True)
class BoolOp:
    op: Literal["and", "or"]
    operands: tuple[Node, ...]
    column: int = 0


@dataclass(frozen=True)
class Compare:
    op: str
    left: Node
    right: Node
    column: int = 0


@dataclass(frozen=True)
class InList:
    left: Node
    items: ListLit
    column: int = 0


Node = Literal_ | ListLit | Ref | Call | Not | BoolOp | Compare | InList


class _Parser:
    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.pos]

    def take(self) -> Token:
        t = self.tokens[self.pos]
        self.pos += 1
        return t

    def accept(self, kind: str, value: Any = None) -> Token | None:
        t = self.tok
        if t.kind == kind and (value is None or t.value == value):
            self.pos += 1
            return t
        return None

    def expect(self, kind: str, value: Any, what: str) -> Token:
        t = self.accept(kind, value)
        if t is None:
            raise ExprError(f"expected {what} but found {describe(self.tok)}", self.tok.column)
        return t

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"condition is nested more than {MAX_DEPTH} levels deep",
                            self.tok.column)

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise ExprError("the condition is empty; remove show_if or write a condition", 1)
        node = self.parse_or()
        if self.tok.kind != "end":
            raise ExprError(f"unexpected {describe(self.tok)} after a complete condition; "
                            "join conditions with 'and' or 'or'", self.tok.column)
        return node

    def parse_or(self) -> Node:
        self.enter()
        first = self.parse_and()
        items = [first]
        while self.accept("kw", "or"):
            items.append(self.parse_and())
        self.depth -= 1
        return first if len(items) == 1 else BoolOp("or", tuple(items), _col(first))

    def parse_and(self) -> Node:
        first = self.parse_not()
        items = [first]
        while self.accept("kw", "and"):
            items.append(self.parse_not())
        return first if len(items) == 1 else BoolOp("and", tuple(items), _col(first))

    def parse_not(self) -> Node:
        t = self.accept("kw", "not")
        if t:
            self.enter()
            node = Not(self.parse_not(), t.column)
            self.depth -= 1
            return node
        return self.parse_comparison()

    def parse_comparison(self) -> Node:
        left = self.parse_operand()
        t = self.tok
        if t.kind == "op":
            self.take()
            right = self.parse_operand()
            return Compare(t.value, left, right, t.column)
        if self.accept("kw", "in"):
            return InList(left, self.parse_list(), t.column)
        return left

    def parse_list(self) -> ListLit:
        start = self.expect("punct", "[", "'[' to start a list")
        items: list[Literal_] = []
        if self.accept("punct", "]"):
            raise ExprError("the list is empty", start.column)
        while True:
            t = self.take()
            if t.kind in ("number", "string"):
                items.append(Literal_(t.value, t.column))
            elif t.kind == "kw" and t.value in ("true", "false"):
                items.append(Literal_(t.value == "true", t.column))
            else:
                raise ExprError(f"a list holds numbers or quoted texts, not {describe(t)}",
                                t.column)
            if self.accept("punct", "]"):
                return ListLit(tuple(items), start.column)
            self.expect("punct", ",", "',' or ']'")

    def parse_operand(self) -> Node:
        t = self.tok
        if t.kind == "number" or t.kind == "string":
            self.take()
            return Literal_(t.value, t.column)
        if t.kind == "kw" and t.value in ("true", "false"):
            self.take()
            return Literal_(t.value == "true", t.column)
        if t.kind == "punct" and t.value == "(":
            self.take()
            node = self.parse_or()
            self.expect("punct", ")", f"')' to close the '(' at column {t.column}")
            return node
        if t.kind == "ident":
            self.take()
            if t.value in FUNCTIONS and self.tok.kind == "punct" and self.tok.value == "(":
                return self.parse_call(t)
            if t.value in SCOPES:
                if not self.accept("punct", "."):
                    raise ExprError(f"write {t.value}.<id>, e.g. profile.employees", t.column)
                name = self.take()
                if name.kind not in ("ident", "kw"):
                    raise ExprError(f"expected an id after '{t.value}.'", name.column)
                return Ref(t.value, str(name.value), t.column)
            if self.tok.kind == "punct" and self.tok.value == "(":
                raise ExprError(f"unknown function '{t.value}'; use one of "
                                + ", ".join(FUNCTIONS), t.column)
            if self.tok.kind == "punct" and self.tok.value == ".":
                raise ExprError(f"'{t.value}.' is not a known prefix; use "
                                + ", ".join(f"{x}.<id>" for x in SCOPES), self.tok.column)
            return Ref("question", t.value, t.column)
        raise ExprError(f"expected a value, a question id or profile.<field> but found "
                        f"{describe(t)}", t.column)

    def parse_call(self, name: Token) -> Node:
        self.expect("punct", "(", "'('")
        target = self.parse_operand()
        if not isinstance(target, Ref):
            raise ExprError(f"{name.value}() needs a question id or profile.<field> first",
                            _col(target))
        args: list[str] = []
        while self.accept("punct", ","):
            arg = self.take()
            if arg.kind != "string":
                raise ExprError(f"{name.value}() takes option ids in quotes, e.g. 'cnc'",
                                arg.column)
            args.append(arg.value)
        self.expect("punct", ")", f"')' to close {name.value}(")
        if name.value == "selected" and not args:
            raise ExprError("selected() needs at least one option id, e.g. "
                            "selected(eq_robots, 'cell')", name.column)
        if name.value != "selected" and args:
            raise ExprError(f"{name.value}() takes only the question id", name.column)
        return Call(name.value, target, tuple(args), name.column)


def _col(node: Node) -> int:
    return node.column


def describe(t: Token) -> str:
    if t.kind == "end":
        return "the end of the condition"
    if t.kind == "string":
        return f"the text '{t.value}'"
    return f"'{t.value}'"


def parse(source: str) -> Node:
    """Parse a condition; raises :class:`ExprError` with a column on any syntax problem."""
    if not isinstance(source, str):
        raise ExprError("a condition must be text")
    return _Parser(tokenize(source)).parse()


def references(node: Node) -> list[Ref]:
    """Every reference in the condition, in order."""
    out: list[Ref] = []

    def walk(n: Node) -> None:
        if isinstance(n, Ref):
            out.append(n)
        elif isinstance(n, Call):
            out.append(n.ref)
        elif isinstance(n, Not):
            walk(n.operand)
        elif isinstance(n, BoolOp):
            for child in n.operands:
                walk(child)
        elif isinstance(n, Compare):
            walk(n.left)
            walk(n.right)
        elif isinstance(n, InList):
            walk(n.left)

    walk(node)
    return out


def to_source(node: Node) -> str:
    """Render a tree back to condition text (parse(to_source(t)) == t, columns aside)."""
    if isinstance(node, Literal_):
        if isinstance(node.value, bool):
            return "true" if node.value else "false"
        if isinstance(node.value, str):
            quote = "'" if "'" not in node.value else '"'
            return f"{quote}{node.value}{quote}"
        return repr(node.value)
    if isinstance(node, ListLit):
        return "[" + ", ".join(to_source(i) for i in node.items) + "]"
    if isinstance(node, Ref):
        return node.name if node.scope == "question" else f"{node.scope}.{node.name}"
    if isinstance(node, Call):
        parts = [to_source(node.ref)] + [f"'{a}'" if "'" not in a else f'"{a}"'
                                         for a in node.args]
        return f"{node.func}({', '.join(parts)})"
    if isinstance(node, Not):
        return f"not ({to_source(node.operand)})"
    if isinstance(node, BoolOp):
        return "(" + f" {node.op} ".join(to_source(o) for o in node.operands) + ")"
    if isinstance(node, Compare):
        return f"{to_source(node.left)} {node.op} {to_source(node.right)}"
    if isinstance(node, InList):
        return f"{to_source(node.left)} in {to_source(node.items)}"
    raise TypeError(node)  # pragma: no cover


# ---------------------------------------------------------------------------- checking

ValueType = Literal["bool", "number", "text", "choice", "multi", "date"]


@dataclass(frozen=True)
class Symbol:
    """What a reference points at: its value type and, for choices, the option ids."""

    type: ValueType
    options: frozenset[str] | None = None
    label: str = ""


class SymbolTable(Protocol):
    def question(self, name: str) -> Symbol | None: ...
    def scoped(self, scope: str, name: str) -> Symbol | None:
        """A profile field, project fact or score value; None when unknown or unavailable."""
        ...
    def question_problem(self, name: str) -> str | None:
        """A reason this question may not be referenced from here (e.g. it comes later)."""
        ...
    def suggest(self, scope: str, name: str) -> str | None: ...


def check(node: Node, symbols: SymbolTable) -> list[ExprError]:
    """Check names, option ids and types. Returns every problem found (empty when fine)."""
    errors: list[ExprError] = []

    def resolve(ref: Ref) -> Symbol | None:
        if ref.scope != "question":
            sym = symbols.scoped(ref.scope, ref.name)
            if sym is None:
                hint = symbols.suggest(ref.scope, ref.name)
                what = {"profile": "a profile field of this questionnaire",
                        "project": "a project fact", "score": "a score value"}.get(
                    ref.scope, "known")
                errors.append(ExprError(
                    f"{ref.scope}.{ref.name} is not {what}"
                    + (f"; did you mean {ref.scope}.{hint}?" if hint else ""), ref.column))
            return sym
        sym = symbols.question(ref.name)
        if sym is None:
            hint = symbols.suggest("question", ref.name)
            errors.append(ExprError(
                f"'{ref.name}' is not a question id of this questionnaire"
                + (f"; did you mean '{hint}'?" if hint else "")
                + (" (profile fields are written profile.<id>)"
                   if symbols.scoped("profile", ref.name) else ""), ref.column))
            return None
        reason = symbols.question_problem(ref.name)
        if reason:
            errors.append(ExprError(reason, ref.column))
        return sym

    def options_check(sym: Symbol, ref: Ref, values: list[tuple[str, int]]) -> None:
        if sym.options is None:
            return
        for value, column in values:
            if value not in sym.options:
                errors.append(ExprError(
                    f"'{value}' is not an option of {_ref_text(ref)}; its options are "
                    + ", ".join(sorted(sym.options)), column))

    def type_of(n: Node) -> str | None:
        if isinstance(n, Literal_):
            if isinstance(n.value, bool):
                return "bool"
            return "text" if isinstance(n.value, str) else "number"
        if isinstance(n, Ref):
            sym = resolve(n)
            return None if sym is None else sym.type
        if isinstance(n, Call):
            sym = resolve(n.ref)
            if n.func == "answered":
                return "bool"
            if sym is None:
                return "bool" if n.func == "selected" else "number"
            if n.func == "count":
                if sym.type != "multi":
                    errors.append(ExprError(f"count() works on multiple-choice questions; "
                                            f"{_ref_text(n.ref)} is {sym.type}", n.column))
                return "number"
            if sym.type not in ("choice", "multi", "bool"):
                errors.append(ExprError(f"selected() works on choice and yes/no questions; "
                                        f"{_ref_text(n.ref)} is {sym.type}", n.column))
            elif sym.type == "bool":
                for a in n.args:
                    if a not in ("yes", "no"):
                        errors.append(ExprError(
                            f"a yes/no question is selected(…, 'yes') or selected(…, 'no'), "
                            f"not '{a}'", n.column))
            else:
                options_check(sym, n.ref, [(a, n.column) for a in n.args])
            return "bool"
        if isinstance(n, Not):
            need_bool(n.operand, "not")
            return "bool"
        if isinstance(n, BoolOp):
            for child in n.operands:
                need_bool(child, n.op)
            return "bool"
        if isinstance(n, Compare):
            return check_compare(n)
        if isinstance(n, InList):
            left = type_of(n.left)
            kinds = {k for k in (type_of(i) for i in n.items.items) if k is not None}
            if len(kinds) > 1:
                errors.append(ExprError("a list must hold values of one kind", n.items.column))
            if left == "multi":
                errors.append(ExprError("for a multiple-choice question use selected(q, 'a', "
                                        "'b') instead of 'in'", n.column))
            elif left is not None and kinds and _comparable(left) != _comparable(kinds.pop()):
                errors.append(ExprError(f"{_text_of(n.left)} is {left} and cannot be compared "
                                        "with the list's values", n.column))
            if isinstance(n.left, Ref) and left == "choice":
                sym = _lookup(symbols, n.left)
                if sym:
                    options_check(sym, n.left, [(str(i.value), i.column) for i in n.items.items])
            return "bool"
        if isinstance(n, ListLit):  # pragma: no cover - lists only follow 'in'
            return None
        return None  # pragma: no cover

    def need_bool(n: Node, where: str) -> None:
        t = type_of(n)
        if t is not None and t != "bool":
            errors.append(ExprError(f"'{where}' needs a true/false condition, but "
                                    f"{_text_of(n)} is a {t} value; compare it, e.g. "
                                    f"{_text_of(n)} == …", _col(n)))

    def check_compare(n: Compare) -> str:
        lt, rt = type_of(n.left), type_of(n.right)
        if lt is None or rt is None:
            return "bool"
        if "multi" in (lt, rt):
            errors.append(ExprError("a multiple-choice answer cannot be compared; use "
                                    "selected(q, 'option') or count(q)", n.column))
            return "bool"
        if _comparable(lt) != _comparable(rt):
            errors.append(ExprError(f"cannot compare {_text_of(n.left)} ({lt}) with "
                                    f"{_text_of(n.right)} ({rt})", n.column))
            return "bool"
        if n.op in ("<", "<=", ">", ">=") and _comparable(lt) not in ("number", "date"):
            errors.append(ExprError(f"'{n.op}' compares numbers or dates; {lt} values can only "
                                    "be compared with == or !=", n.column))
        for ref_side, lit_side in ((n.left, n.right), (n.right, n.left)):
            if isinstance(ref_side, Ref) and isinstance(lit_side, Literal_) \
                    and isinstance(lit_side.value, str):
                sym = _lookup(symbols, ref_side)
                if sym is not None and sym.type == "choice":
                    options_check(sym, ref_side, [(lit_side.value, lit_side.column)])
        return "bool"

    top = type_of(node)
    if top is not None and top != "bool":
        errors.append(ExprError(f"the condition must be true or false, but {_text_of(node)} is "
                                f"a {top} value; compare it with something", _col(node)))
    return errors


def _comparable(t: str) -> str:
    return "text" if t in ("choice", "text") else t


def _ref_text(ref: Ref) -> str:
    return ref.name if ref.scope == "question" else f"{ref.scope}.{ref.name}"


def _lookup(symbols: SymbolTable, ref: Ref) -> Symbol | None:
    if ref.scope == "question":
        return symbols.question(ref.name)
    return symbols.scoped(ref.scope, ref.name)


def _text_of(node: Node) -> str:
    return to_source(node)


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
