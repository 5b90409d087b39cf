"""Checking a parsed condition against what it may refer to: unknown or later questions,
unknown option ids and fields, and types that cannot be compared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from .syntax import (
    BoolOp,
    Call,
    Compare,
    ExprError,
    InList,
    ListLit,
    Literal_,
    Node,
    Not,
    Ref,
    column_of,
    to_source,
)

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
                                    f"{_text_of(n)} == …", column_of(n)))

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
                                f"a {top} value; compare it with something", column_of(node)))
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
