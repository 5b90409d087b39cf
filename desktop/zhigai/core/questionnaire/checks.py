"""The thorough checks of a questionnaire or an industry module beyond its structure: ids,
profile roles, option levels and thresholds, skip-logic conditions, reachable questions,
and how a module fits its questionnaire."""

from __future__ import annotations

from collections.abc import Sequence

from ..base.datafile import Checker, suggest
from ..base.yamlsource import Loc
from .conditions import checking, syntax
from .models import LEVELS, Module, ProfileField, Question, Questionnaire, presentation_order

ROLE_TYPES: dict[str, tuple[str, ...]] = {
    "company_name": ("text",), "credit_code": ("uscc",), "province": ("text", "choice"),
    "city": ("text", "choice"), "county": ("text", "choice"), "industry": ("choice",),
    "employees": ("integer",), "frontline_share": ("percent",), "revenue": ("decimal",),
    "profit": ("decimal",), "total_assets": ("decimal",), "liabilities": ("decimal",),
    "credit_rating": ("choice", "text"), "owns_land": ("yesno",), "pain_points": ("multi",),
    "assessment_date": ("date",), "contact": ("text",),
}


_EXPR_TYPES = {"single": "choice", "multi": "multi", "number": "number", "percent": "number",
               "yesno": "bool", "text": "text"}
_PROFILE_EXPR_TYPES = {"text": "text", "uscc": "text", "integer": "number", "decimal": "number",
                       "percent": "number", "date": "date", "choice": "choice", "multi": "multi",
                       "yesno": "bool"}


def check_questionnaire_rules(q: Questionnaire, c: Checker) -> None:
    stage_levels = [s.level for s in q.stages]
    if sorted(stage_levels) != list(LEVELS) or len(stage_levels) != 5:
        c.error(("stages",), f"must name each stage 0-4 exactly once (found levels "
                             f"{stage_levels})")
    c.duplicates(q.dimensions, ("dimensions",), "dimension id")
    c.duplicates(q.profile, ("profile",), "profile field id")
    c.duplicates(q.questions, ("questions",), "question id")

    pain_ids: set[str] | None = None
    roles: dict[str, int] = {}
    c.duplicates(q.profile_groups, ("profile_groups",), "profile group id")
    groups = {g.id for g in q.profile_groups}
    for i, f in enumerate(q.profile):
        _check_profile_field(f, ("profile", i), c)
        if f.group is not None and f.group not in groups:
            hint = suggest(f.group, groups)
            c.error(("profile", i, "group"),
                    f"'{f.group}' is not in profile_groups"
                    + (f"; did you mean '{hint}'?" if hint else
                       f"; add it there or use one of {', '.join(sorted(groups)) or '(none)'}"))
        if f.role:
            if f.role in roles:
                c.error(("profile", i, "role"), f"role '{f.role}' is already given to "
                                                f"'{q.profile[roles[f.role]].id}'; a role "
                                                "belongs to one field")
            roles[f.role] = i
            if f.type not in ROLE_TYPES[f.role]:
                c.error(("profile", i, "type"),
                        f"a field with role '{f.role}' must have type "
                        + " or ".join(ROLE_TYPES[f.role]) + f", not {f.type}")
        if f.role == "pain_points" and f.options:
            pain_ids = {o.id for o in f.options}

    for i, d in enumerate(q.dimensions):
        keys = sorted(d.levels)
        if keys != list(LEVELS):
            missing = [lv for lv in LEVELS if lv not in d.levels]
            extra = [lv for lv in keys if lv not in LEVELS]
            c.error(("dimensions", i, "levels"),
                    "must describe every level 0-4"
                    + (f"; missing {', '.join(map(str, missing))}" if missing else "")
                    + (f"; {', '.join(map(str, extra))} is not a level" if extra else ""))
        for j, pain in enumerate(d.addresses):
            if pain_ids is None:
                c.error(("dimensions", i, "addresses", j),
                        "addresses pain points, but no profile field has role: pain_points")
            elif pain not in pain_ids:
                hint = suggest(pain, pain_ids)
                c.error(("dimensions", i, "addresses", j),
                        f"'{pain}' is not a pain point; use one of {', '.join(sorted(pain_ids))}"
                        + (f" (did you mean '{hint}'?)" if hint else ""))
    if not q.dimensions:
        c.error(("dimensions",), "a questionnaire needs at least one dimension")
    if sum(d.weight for d in q.dimensions) <= 0 and q.dimensions:
        c.error(("dimensions",), "at least one dimension needs a weight above 0")
    _check_gates(q, c)
    _check_questions(q.questions, "questions", q, [], c)
    _check_reach(q, list(q.questions), c, "questions")


def _check_gates(q: Questionnaire, c: Checker) -> None:
    """Stage gates: none anywhere (every core dimension gates every stage), or a list on each
    stage 1-4 of core dimensions, each stage keeping the gates of the stage below."""
    by_level = {s.level: (i, s) for i, s in enumerate(q.stages)}
    if all(s.gates is None for s in q.stages):
        return
    dims = {d.id: d for d in q.dimensions}
    previous: set[str] = set()
    for level in sorted(by_level):
        i, stage = by_level[level]
        loc: Loc = ("stages", i, "gates")
        gates = stage.gates or []
        if level == 0:
            if gates:
                c.error(loc, "stage 0 is where every firm starts; it has no gates")
            continue
        if not gates:
            c.error(loc, f"stage {level} needs gates: the dimensions that must reach it")
            continue
        for j, g in enumerate(gates):
            if g not in dims:
                hint = suggest(g, dims)
                c.error((*loc, j), f"'{g}' is not a dimension"
                        + (f"; did you mean '{hint}'?" if hint else ""))
            elif not dims[g].core:
                c.error((*loc, j), f"'{g}' gates a stage but is not a core dimension; set "
                                   "core: true on it or remove it here")
        lost = sorted(previous - set(gates))
        if lost:
            c.error(loc, f"stage {level} drops {', '.join(lost)}, which gate stage "
                         f"{level - 1}; a stage keeps the gates of the stage below")
        previous = set(gates)
    for i, d in enumerate(q.dimensions):
        if d.core and d.id not in previous:
            c.error(("dimensions", i, "core"),
                    f"core dimension '{d.id}' gates no stage; add it to stage 4's gates or set "
                    "core: false")


def _check_profile_field(f: ProfileField, loc: Loc, c: Checker) -> None:
    if f.type in ("choice", "multi"):
        if not f.options:
            c.error((*loc, "options"), f"a {f.type} field needs options: a list of id and label")
        else:
            c.duplicates(f.options, (*loc, "options"), "option id")
    elif f.options is not None:
        c.error((*loc, "options"), f"options are only for choice and multi fields, not {f.type}")
    if f.min is not None and f.max is not None and f.min > f.max:
        c.error((*loc, "min"), f"min {f.min:g} is above max {f.max:g}")
    if (f.min is not None or f.max is not None) and f.type not in ("integer", "decimal",
                                                                   "percent"):
        c.error((*loc, "min" if f.min is not None else "max"),
                f"min/max are for number fields, not {f.type}")
    if f.max_length is not None and f.type != "text":
        c.error((*loc, "max_length"), f"max_length is for text fields, not {f.type}")


class _Symbols:
    """What a condition on question ``position`` may refer to."""

    def __init__(self, ordered: Sequence[Question], position: int,
                 profile: Sequence[ProfileField]):
        self.order = {q.id: i for i, q in enumerate(ordered)}
        self.questions = {q.id: q for q in ordered}
        self.position = position
        self.profile_fields = {f.id: f for f in profile}

    def question(self, name: str) -> checking.Symbol | None:
        q = self.questions.get(name)
        if q is None:
            return None
        opts = frozenset(o.id for o in q.options) if q.options else None
        return checking.Symbol(_EXPR_TYPES[q.type], opts)  # type: ignore[arg-type]

    def scoped(self, scope: str, name: str) -> checking.Symbol | None:
        if scope != "profile":
            return None  # questionnaire conditions see answers and the profile only
        f = self.profile_fields.get(name)
        if f is None:
            return None
        opts = frozenset(o.id for o in f.options) if f.options else None
        return checking.Symbol(_PROFILE_EXPR_TYPES[f.type], opts)  # type: ignore[arg-type]

    def question_problem(self, name: str) -> str | None:
        index = self.order[name]
        if index == self.position:
            return f"the condition refers to its own question '{name}'"
        if index > self.position:
            return (f"'{name}' is asked after this question; a condition may only refer to "
                    "earlier questions or to profile fields")
        return None

    def suggest(self, scope: str, name: str) -> str | None:
        pool = self.profile_fields if scope == "profile" else self.questions
        return suggest(name, pool)


def _possible_levels(q: Question) -> list[int]:
    if not q.scored or q.type == "text":
        return []
    if q.type == "single" and q.options:
        return [o.level for o in q.options if o.level is not None]
    if q.type == "multi":
        if q.multi_scoring == "count" and q.thresholds:
            return [t.level for t in q.thresholds]
        return [o.level for o in (q.options or []) if o.level is not None]
    if q.type in ("number", "percent") and q.thresholds:
        return [t.level for t in q.thresholds]
    if q.type == "yesno":
        return [lv for lv in (q.yes_level, q.no_level) if lv is not None]
    return []


def _check_questions(questions: Sequence[Question], key: str, base: Questionnaire,
                     ordered: Sequence[Question], c: Checker) -> None:
    """Check ``questions`` (listed under ``key`` in the file). ``ordered`` is the whole
    presentation order they take part in (empty: the questionnaire's own order)."""
    dims = {d.id for d in base.dimensions}
    if not ordered:
        ordered = presentation_order(base, [])
    position = {q.id: i for i, q in enumerate(ordered)}
    for i, q in enumerate(questions):
        loc: Loc = (key, i)
        if q.dimension not in dims:
            hint = suggest(q.dimension, dims)
            c.error((*loc, "dimension"),
                    f"'{q.dimension}' is not a dimension of {base.id}"
                    + (f"; did you mean '{hint}'?" if hint else
                       f"; use one of {', '.join(d.id for d in base.dimensions)}"))
        _check_question_shape(q, loc, c)
        if q.show_if is not None:
            _check_condition(q, loc, ordered, position.get(q.id, len(ordered)), base, c)
        elif q.if_skipped is not None:
            c.error((*loc, "if_skipped"), "if_skipped only matters with show_if; remove it")
        if q.skip_reason is not None and q.if_skipped is None:
            c.error((*loc, "skip_reason"), "skip_reason explains if_skipped; add if_skipped or "
                                           "remove skip_reason")
        if q.refines is not None:
            _check_refines(q, loc, ordered, position, c)
        if q.step is not None and "{value}" not in (q.step.zh or "") + (q.step.en or ""):
            c.error((*loc, "step"), "step must contain {value} (the value to reach) in zh or en")


def _check_refines(q: Question, loc: Loc, ordered: Sequence[Question],
                   position: dict[str, int], c: Checker) -> None:
    """A follow-up refines an earlier scored question of its dimension that its condition
    names; it does not count on its own, so it is never scored when hidden."""
    by_id = {x.id: x for x in ordered}
    parent = by_id.get(q.refines or "")
    field = (*loc, "refines")
    if parent is None:
        hint = suggest(q.refines or "", by_id)
        c.error(field, f"'{q.refines}' is not a question"
                + (f"; did you mean '{hint}'?" if hint else ""))
        return
    if position.get(parent.id, 0) >= position.get(q.id, len(ordered)):
        c.error(field, f"'{parent.id}' is asked after this question; a follow-up refines an "
                       "earlier question")
    if parent.dimension != q.dimension:
        c.error(field, f"'{parent.id}' is in dimension {parent.dimension}, this question in "
                       f"{q.dimension}; a follow-up refines a question of its own dimension")
    if not (parent.scored and parent.type != "text") or parent.refines is not None:
        c.error(field, f"'{parent.id}' is not a scored question of its own; refine a scored "
                       "question that is not itself a follow-up")
    if not (q.scored and q.type != "text"):
        c.error(field, "only a scored question can refine another")
    names = set()
    if q.show_if:
        try:
            names = {r.name for r in syntax.references(syntax.parse(q.show_if))
                     if r.scope == "question"}
        except syntax.ExprError:
            return  # reported with show_if
    if parent.id not in names:
        c.error(field, f"a follow-up is shown by its parent: show_if must refer to "
                       f"'{parent.id}'")
    if isinstance(q.if_skipped, int):
        c.error((*loc, "if_skipped"),
                f"if_skipped {q.if_skipped} would count the fact '{parent.id}' already scores "
                "a second time; use if_skipped: na")


def _check_question_shape(q: Question, loc: Loc, c: Checker) -> None:
    t = q.type
    scored = q.scored and t != "text"
    if t in ("single", "multi"):
        if not q.options or len(q.options) < 2:
            c.error((*loc, "options"), f"a {t} question needs at least two options")
        else:
            c.duplicates(q.options, (*loc, "options"), "option id")
            needs_level = scored and not (t == "multi" and q.multi_scoring == "count")
            for j, o in enumerate(q.options):
                if needs_level and o.level is None:
                    c.error((*loc, "options", j, "level"),
                            "a scored question needs a level (0-4) on every option; add level: "
                            "or set scored: false")
                if o.exclusive and t != "multi":
                    c.error((*loc, "options", j, "exclusive"),
                            "exclusive is only for multi questions")
    elif q.options is not None:
        c.error((*loc, "options"), f"options are only for single and multi questions, not {t}")
    if t == "multi" and q.multi_scoring == "count":
        if scored and not q.thresholds:
            c.error((*loc, "thresholds"), "multi_scoring: count needs thresholds over the number "
                                          "of options selected")
    elif t != "multi" and q.multi_scoring != "max":
        c.error((*loc, "multi_scoring"), "multi_scoring is only for multi questions")
    uses_thresholds = t in ("number", "percent") or (t == "multi" and q.multi_scoring == "count")
    if uses_thresholds:
        if scored and not q.thresholds:
            c.error((*loc, "thresholds"), f"a scored {t} question needs thresholds: "
                                          "a list of {from: value, level: n}")
        if q.thresholds:
            _check_thresholds(q, loc, c)
    elif q.thresholds is not None:
        c.error((*loc, "thresholds"), f"thresholds are only for number, percent and counted "
                                      f"multi questions, not {t}")
    if t == "yesno":
        if scored and (q.yes_level is None or q.no_level is None):
            c.error((*loc, "yes_level" if q.yes_level is None else "no_level"),
                    "a scored yes/no question needs yes_level and no_level (0-4)")
    else:
        for name in ("yes_level", "no_level"):
            if getattr(q, name) is not None:
                c.error((*loc, name), f"{name} is only for yesno questions")
    if t not in ("number", "percent"):
        for name in ("min", "max", "unit"):
            if getattr(q, name) is not None:
                c.error((*loc, name), f"{name} is only for number and percent questions")
    if t == "percent":
        for name in ("min", "max"):
            value = getattr(q, name)
            if value is not None and not 0 <= value <= 100:
                c.error((*loc, name), f"a percent runs from 0 to 100; {value:g} is outside")
    if q.min is not None and q.max is not None and q.min >= q.max:
        c.error((*loc, "min"), f"min {q.min:g} must be below max {q.max:g}")
    if q.max_length is not None and t != "text":
        c.error((*loc, "max_length"), "max_length is only for text questions")
    if scored and q.weight == 0:
        c.warn((*loc, "weight"), "a scored question with weight 0 never counts; "
                                 "set scored: false or give it a weight")


def _check_thresholds(q: Question, loc: Loc, c: Checker) -> None:
    thresholds = q.thresholds or []
    previous: float | None = None
    for j, t in enumerate(thresholds):
        if previous is not None and t.from_ <= previous:
            c.error((*loc, "thresholds", j, "from"),
                    f"thresholds must rise: {t.from_:g} does not come after {previous:g}")
        previous = t.from_
    levels = [t.level for t in thresholds]
    rising = all(a <= b for a, b in zip(levels, levels[1:], strict=False))
    falling = all(a >= b for a, b in zip(levels, levels[1:], strict=False))
    if not (rising or falling):
        c.error((*loc, "thresholds"),
                f"levels {levels} go up and down; they must only rise (higher is better) or "
                "only fall (lower is better)")
    lowest = 0.0 if q.type in ("percent", "multi") else (q.min if q.min is not None else 0.0)
    if thresholds and thresholds[0].from_ > lowest:
        c.error((*loc, "thresholds", 0, "from"),
                f"the first threshold starts at {thresholds[0].from_:g}, so answers from "
                f"{lowest:g} have no level; start it at {lowest:g}")
    if q.type == "percent":
        for j, t in enumerate(thresholds):
            if t.from_ > 100:
                c.error((*loc, "thresholds", j, "from"), f"{t.from_:g} is above 100%")
    if q.max is not None:
        for j, t in enumerate(thresholds):
            if t.from_ > q.max:
                c.error((*loc, "thresholds", j, "from"),
                        f"{t.from_:g} is above the largest allowed answer {q.max:g}")


def _check_condition(q: Question, loc: Loc, ordered: Sequence[Question], position: int,
                     base: Questionnaire, c: Checker) -> None:
    field_loc = (*loc, "show_if")
    assert q.show_if is not None
    try:
        tree = syntax.parse(q.show_if)
    except syntax.ExprError as exc:
        c.error(field_loc, f"{exc.message}" + (f" (at column {exc.column})" if exc.column else "")
                + f" in: {q.show_if}")
        return
    for err in checking.check(tree, _Symbols(ordered, position, base.profile)):
        c.error(field_loc, err.message
                + (f" (at column {err.column})" if err.column else "") + f" in: {q.show_if}")
    refers_to_answers = any(r.scope == "question" for r in syntax.references(tree))
    if refers_to_answers and q.if_skipped is None and q.scored and q.type != "text":
        c.error((*loc, "show_if"),
                "this condition depends on earlier answers, so say how the question counts when "
                "skipped: add if_skipped: 0 (a firm that skips it lacks the capability) or "
                "if_skipped: na")
    levels = _possible_levels(q)
    if isinstance(q.if_skipped, int) and levels and q.if_skipped > min(levels):
        c.error((*loc, "if_skipped"),
                f"if_skipped {q.if_skipped} is above the lowest answer level {min(levels)}; a "
                "firm that skips the question would score better than one that answers it")


def _check_reach(base: Questionnaire, questions: Sequence[Question], c: Checker,
                 key: str) -> None:
    """Every dimension must be able to land anywhere from 0 to 4."""
    for i, d in enumerate(base.dimensions):
        scored = [q for q in questions if q.dimension == d.id and q.scored and q.type != "text"
                  and q.weight > 0 and q.refines is None]
        if not scored:
            c.error(("dimensions", i), f"dimension '{d.id}' has no scored question")
            continue
        for q in scored:
            levels = _possible_levels(q)
            if not levels:
                continue
            if isinstance(q.if_skipped, int) and q.show_if:
                levels = [*levels, q.if_skipped]
            if max(levels) < 4:
                c.error((key, questions.index(q)),
                        f"the best answer reaches only level {max(levels)}, so dimension "
                        f"'{d.id}' can never reach level 4; give one answer level 4")
            if q.show_if and q.if_skipped is None:
                continue  # reported already: if_skipped is missing
            if min(levels) > 0 and not q.allow_na:
                c.error((key, questions.index(q)),
                        f"the weakest answer is level {min(levels)}, so dimension '{d.id}' "
                        "can never be at level 0; give one answer level 0")


def check_module_rules(m: Module, base: Questionnaire, others: Sequence[Module],
                       c: Checker) -> None:
    c.duplicates(m.questions, ("questions",), "question id")
    industry = next((f for f in base.profile if f.role == "industry"), None)
    industry_ids = {o.id for o in industry.options or []} if industry else set()
    for j, ind in enumerate(m.industries):
        if ind not in industry_ids:
            hint = suggest(ind, industry_ids)
            c.error(("industries", j),
                    f"'{ind}' is not an industry of {base.id} {base.version}"
                    + (f"; did you mean '{hint}'?" if hint else
                       f"; use one of {', '.join(sorted(industry_ids))}"))
    dims = {d.id for d in base.dimensions}
    for name, factor in m.emphasis.items():
        if name not in dims:
            c.error(("emphasis", name), f"'{name}' is not a dimension of {base.id}")
        if not 0 < factor <= 5:
            c.error(("emphasis", name), f"factor {factor:g} must be above 0 and at most 5")
    taken = {q.id: f"{base.id} {base.version}" for q in base.questions}
    for other in others:
        if other.id != m.id:
            taken.update({q.id: f"module {other.id}" for q in other.questions})
    for i, q in enumerate(m.questions):
        if q.id in taken:
            c.error(("questions", i, "id"), f"question id '{q.id}' is already used in "
                                            f"{taken[q.id]}; module question ids must be new")
    _check_questions(m.questions, "questions", base, presentation_order(base, [m]), c)
