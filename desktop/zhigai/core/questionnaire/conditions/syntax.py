"""The condition language's syntax: tokens, the tree, the parser (with the column of every
problem), the references a condition makes and the canonical source text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

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
        return first if len(items) == 1 else BoolOp("or", tuple(items), column_of(first))

    def parse_and(self) -> Node:
        first = self.parse_not()
        items = [first]
        while self.accept("kw", "and"):
            items.append(self.parse_not())
        return first if len(items) == 1 else BoolOp("and", tuple(items), column_of(first))

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
                            column_of(target))
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


def column_of(node: Node) -> int:
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
