"""An instrument: one questionnaire version plus the industry modules that apply, compiled for
answering and scoring (presentation order, lookups, compiled skip-logic conditions)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..base.i18n import Text
from ..base.prose import number as plain
from .conditions import evaluation, syntax
from .loader import LoadedDoc
from .models import (
    Dimension,
    Module,
    Option,
    ProfileField,
    Question,
    Questionnaire,
    presentation_order,
)
from .values import ValueProblem, parse_bool, parse_number, typed_profile_value

TEXT_ANSWER_LIMIT = 2000


class AnswerProblem(ValueProblem):
    """An answer that does not fit its question."""


@dataclass(frozen=True)
class ModuleRef:
    id: str
    version: str
    hash: str


@dataclass
class Instrument:
    """Questionnaire + modules in presentation order. Built by :meth:`Catalog.instrument`."""

    base: LoadedDoc
    module_docs: tuple[LoadedDoc, ...] = ()
    questions: tuple[Question, ...] = field(init=False)
    by_id: dict[str, Question] = field(init=False)
    position: dict[str, int] = field(init=False)
    by_dimension: dict[str, tuple[Question, ...]] = field(init=False)
    dimensions: tuple[Dimension, ...] = field(init=False)
    dimension_by_id: dict[str, Dimension] = field(init=False)
    profile_fields: dict[str, ProfileField] = field(init=False)
    role_fields: dict[str, ProfileField] = field(init=False)
    conditions: dict[str, Callable[[evaluation.Env], bool | None]] = field(init=False)
    condition_refs: dict[str, tuple[syntax.Ref, ...]] = field(init=False)
    emphasis: dict[str, float] = field(init=False)
    module_of: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        q = self.questionnaire
        modules = [m.model for m in self.module_docs]
        self.questions = tuple(presentation_order(q, modules))  # type: ignore[arg-type]
        self.by_id = {x.id: x for x in self.questions}
        self.position = {x.id: i for i, x in enumerate(self.questions)}
        self.dimensions = tuple(q.dimensions)
        self.dimension_by_id = {d.id: d for d in q.dimensions}
        self.by_dimension = {d.id: tuple(x for x in self.questions if x.dimension == d.id)
                             for d in q.dimensions}
        self.profile_fields = {f.id: f for f in q.profile}
        self.role_fields = {f.role: f for f in q.profile if f.role}
        self.conditions = {}
        self.condition_refs = {}
        for x in self.questions:
            if x.show_if:
                tree = syntax.parse(x.show_if)  # checked when the file loaded
                self.conditions[x.id] = evaluation.compile_condition(tree)
                self.condition_refs[x.id] = tuple(syntax.references(tree))
        self.emphasis = {}
        self.module_of = {}
        for m in modules:
            assert isinstance(m, Module)
            for dim, factor in m.emphasis.items():
                self.emphasis[dim] = max(self.emphasis.get(dim, 1.0), factor)
            for x in m.questions:
                self.module_of[x.id] = m.id

    @property
    def questionnaire(self) -> Questionnaire:
        model = self.base.model
        assert isinstance(model, Questionnaire)
        return model

    @property
    def id(self) -> str:
        return self.questionnaire.id

    @property
    def version(self) -> str:
        return self.questionnaire.version

    @property
    def modules(self) -> tuple[Module, ...]:
        return tuple(m.model for m in self.module_docs)  # type: ignore[misc]

    @property
    def module_refs(self) -> tuple[ModuleRef, ...]:
        return tuple(ModuleRef(d.model.id, d.model.version, d.hash) for d in self.module_docs)

    def stage_name(self, level: int) -> Text:
        for s in self.questionnaire.stages:
            if s.level == level:
                return s.name
        return Text(zh=str(level), en=str(level))

    def field_for_role(self, role: str) -> ProfileField | None:
        return self.role_fields.get(role)

    def scored(self, q: Question) -> bool:
        return q.scored and q.type != "text" and q.weight > 0

    # ------------------------------------------------------------------ answers

    def coerce_answer(self, q: Question, raw: Any) -> Any:
        """Validate an answer and return its stored JSON value (raises AnswerProblem)."""
        return coerce_answer(q, raw)

    def level_of(self, q: Question, value: Any) -> int | None:
        return answer_level(q, value)

    def option(self, q: Question, option_id: str) -> Option | None:
        for o in q.options or []:
            if o.id == option_id:
                return o
        return None


def coerce_answer(q: Question, raw: Any) -> Any:
    t = q.type
    if raw is None:
        raise AnswerProblem("no answer given", "没有填写答案")
    if t == "single":
        value = str(raw).strip()
        ids = [o.id for o in q.options or []]
        if value not in ids:
            raise AnswerProblem(f"'{value}' is not an option of {q.id}; choose one of "
                                + ", ".join(ids), f"“{value}”不是本题的选项")
        return value
    if t == "multi":
        items = raw if isinstance(raw, (list, tuple)) else str(raw).split(",")
        ids = [o.id for o in q.options or []]
        chosen: list[str] = []
        for item in items:
            v = str(item).strip()
            if not v:
                continue
            if v not in ids:
                raise AnswerProblem(f"'{v}' is not an option of {q.id}; choose from "
                                    + ", ".join(ids), f"“{v}”不是本题的选项")
            if v not in chosen:
                chosen.append(v)
        exclusive = [o.id for o in q.options or [] if o.exclusive and o.id in chosen]
        if exclusive and len(chosen) > 1:
            raise AnswerProblem(f"'{exclusive[0]}' cannot be combined with other options",
                                "“以上都没有”不能与其他选项同时选择")
        return [o.id for o in q.options or [] if o.id in chosen]  # option order
    if t in ("number", "percent"):
        try:
            number = parse_number(raw)
        except ValueProblem as exc:
            raise AnswerProblem(exc.message, exc.zh) from None
        low = 0.0 if t == "percent" else (q.min if q.min is not None else 0.0)
        high = 100.0 if t == "percent" else q.max
        if q.min is not None:
            low = max(low, q.min)
        if t == "percent" and q.max is not None:
            high = min(100.0, q.max)
        if number < low:
            raise AnswerProblem(f"{plain(number)} is below the smallest allowed answer "
                                f"{plain(low)}", f"{plain(number)} 小于允许的最小值 {plain(low)}")
        if high is not None and number > high:
            raise AnswerProblem(f"{plain(number)} is above the largest allowed answer "
                                f"{plain(high)}", f"{plain(number)} 超过允许的最大值 {plain(high)}")
        if number == int(number) and abs(number) < 2**53:
            return int(number)
        return number
    if t == "yesno":
        try:
            return parse_bool(raw)
        except ValueProblem as exc:
            raise AnswerProblem(exc.message, exc.zh) from None
    if t == "text":
        if not isinstance(raw, str):
            raise AnswerProblem("expected text", "请输入文字")
        limit = q.max_length or TEXT_ANSWER_LIMIT
        if len(raw) > limit:
            raise AnswerProblem(f"the text is {len(raw)} characters long; at most {limit}",
                                f"共 {len(raw)} 个字，最多 {limit} 个字")
        return raw
    raise AnswerProblem(f"unknown question type {t}")  # pragma: no cover


def _threshold_level(q: Question, number: float) -> int | None:
    level = None
    for t in q.thresholds or []:
        if number >= t.from_:
            level = t.level
        else:
            break
    return level


def answer_level(q: Question, value: Any) -> int | None:
    """The level (0-4) an answer gives, or None when the question is unscored/unreadable."""
    if not q.scored or q.type == "text" or value is None:
        return None
    try:
        if q.type == "single":
            for o in q.options or []:
                if o.id == value:
                    return o.level
            return None
        if q.type == "multi":
            chosen = set(value) if isinstance(value, (list, tuple)) else set()
            if q.multi_scoring == "count":
                counted = [o for o in q.options or [] if o.id in chosen and not o.exclusive]
                return _threshold_level(q, float(len(counted)))
            levels = [o.level for o in q.options or [] if o.id in chosen and o.level is not None]
            return max(levels) if levels else None
        if q.type in ("number", "percent"):
            if isinstance(value, bool):
                return None
            number = float(value)
            if not math.isfinite(number):
                return None
            return _threshold_level(q, number)
        if q.type == "yesno":
            if value is True:
                return q.yes_level
            if value is False:
                return q.no_level
            return None
    except (TypeError, ValueError):
        return None
    return None


class AnswerEnv:
    """Values for skip-logic conditions from stored answers and profile."""

    __slots__ = ("instrument", "answers", "profile")

    def __init__(self, instrument: Instrument, answers: dict[str, Any],
                 profile: dict[str, Any]):
        self.instrument = instrument
        self.answers = answers
        self.profile = profile

    def question_value(self, name: str) -> Any:
        a = self.answers.get(name)
        if a is None:
            return None
        if getattr(a, "na", False):
            return None
        return getattr(a, "value", None)

    def scoped_value(self, scope: str, name: str) -> Any:
        if scope != "profile":
            return None
        f = self.instrument.profile_fields.get(name)
        if f is None:
            return None
        return typed_profile_value(f, self.profile.get(name))


def visible_questions(instrument: Instrument, answers: dict[str, Any],
                      profile: dict[str, Any]) -> dict[str, bool | None]:
    """For each question with a condition: True shown, False skipped, None undecided."""
    env = AnswerEnv(instrument, answers, profile)
    return {qid: cond(env) for qid, cond in instrument.conditions.items()}


def questions_in(instrument: Instrument, dimension_id: str) -> Sequence[Question]:
    return instrument.by_dimension.get(dimension_id, ())
