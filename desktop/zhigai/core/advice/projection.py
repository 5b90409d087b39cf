"""The firm after its project: the answers each measure brings (read from its ``done_if``, the
lowest answer that counts as done, and its ``brings``, what it changes beyond that) applied to
today's answers, and the score they give."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..assessment.model import Answer, Assessment
from ..assessment.scoring import Score, score
from ..questionnaire.conditions import syntax
from ..questionnaire.instrument import Instrument
from .models import Measure

Brought = tuple[str, str, Any]   # question id, "option" | "at_least" | "yes", value


def brought(condition: str | None) -> list[Brought]:
    """What a measure's ``done_if`` says the firm has once it is done: for ``selected(q, a,
    b)`` the first option listed (options are listed from the lowest level up), for ``q >= n``
    the number n, for a bare yes/no question yes; both sides of ``and``, the first
    alternative of ``or``. Negations bring nothing."""
    if not condition:
        return []
    return _walk(syntax.parse(condition))


def _walk(node: Any) -> list[Brought]:
    if isinstance(node, syntax.BoolOp):
        if node.op == "or":
            return _walk(node.operands[0])
        return [b for operand in node.operands for b in _walk(operand)]
    if isinstance(node, syntax.Call) and node.func == "selected" and node.args \
            and node.ref.scope == "question":
        return [(node.ref.name, "option", node.args[0])]
    if isinstance(node, syntax.Compare) and isinstance(node.left, syntax.Ref) \
            and node.left.scope == "question" and isinstance(node.right, syntax.Literal_) \
            and node.op in (">=", ">", "==") and isinstance(node.right.value, int | float):
        step = 1 if node.op == ">" else 0
        return [(node.left.name, "at_least", node.right.value + step)]
    if isinstance(node, syntax.Ref) and node.scope == "question":
        return [(node.name, "yes", True)]
    return []


def projected_answers(instrument: Instrument, assessment: Assessment,
                      measures: Iterable[Measure]) -> dict[str, Answer]:
    """Today's answers with what the measures bring; an answer is only ever raised (a
    measure never lowers what the firm already has), and "not applicable" stays."""
    answers = dict(assessment.answers)
    for m in measures:
        for qid, kind, value in [b for c in [m.done_if, *m.brings] for b in brought(c)]:
            q = instrument.by_id.get(qid)
            if q is None:
                continue
            old = answers.get(qid)
            if old is not None and old.na:
                continue
            current = None if old is None else old.value
            new = _raised(q, current, kind, value)
            if new is not None:
                answers[qid] = Answer(value=new)
    return answers


def _raised(q: Any, current: Any, kind: str, value: Any) -> Any:
    levels = {o.id: o.level for o in (q.options or [])}
    if levels and all(level is None for level in levels.values()):
        # an unscored question (what the MIIT estimate reads) lists its options lowest first
        levels = {oid: n for n, oid in enumerate(levels)}
    if kind == "option" and q.type == "single":
        if value not in levels:
            return None
        have = levels.get(current) if isinstance(current, str) else None
        return value if have is None or (levels[value] or 0) > (have or 0) else None
    if kind == "option" and q.type == "multi":
        chosen = [c for c in current if isinstance(c, str)] if isinstance(current, list) else []
        exclusive = {o.id for o in (q.options or []) if getattr(o, "exclusive", False)}
        if value in chosen or value not in levels:
            return None
        return [c for c in chosen if c not in exclusive] + [value]
    if kind == "option" and q.type == "yesno":
        return True if current is not True else None
    if kind == "at_least" and q.type in ("number", "percent"):
        have = current if isinstance(current, int | float) else None
        return value if have is None or have < value else None
    if kind == "yes" and q.type == "yesno":
        return True if current is not True else None
    return None


def projected_score(instrument: Instrument, assessment: Assessment,
                    measures: Iterable[Measure]) -> Score:
    """The score the firm would have once the measures are in place."""
    return score(instrument, projected_answers(instrument, assessment, measures),
                 assessment.profile)
