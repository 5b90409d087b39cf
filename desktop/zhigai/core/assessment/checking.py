"""One check of an assessment's meaning, used by every way an assessment enters: a bundle or
JSON file imported, a file given to the command line (``validate``, ``score``, ``advise``,
``report``, ``set``), the interface, and later the group server's push.

It checks what the schema cannot: every profile value and answer against the questionnaire and
in the form Zhigai stores it (what the interface would have written), the project plan's values
(:func:`~zhigai.core.assessment.plan.check_plan`: finite numbers in their ranges), evidence and
the audit trail (unique ids, times that are times), the ids, and every text and number anywhere
(no lone surrogates, NUL characters, huge integers, non-finite numbers or deep nesting). An
assessment with no error here can be scored, advised and reported; the fuzz tests hold it to
that.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..base import jsontext
from ..base.diagnostics import Problem
from ..questionnaire.instrument import AnswerProblem, Instrument, coerce_answer
from ..questionnaire.values import ValueProblem, coerce_profile_value
from .model import Answer, Assessment
from .plan import check_plan

#: ids of assessments and audit entries: uuid4 by default; letters, digits, ``-_.`` allowed
ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
#: the longest text anywhere (the notes; the schema bounds the shorter fields)
MAX_TEXT = 20_000
MAX_AUDIT = 50_000


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same kind (True is not 1; 5.0 is 5)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def _time(text: str | None) -> bool:
    if text is None:
        return True
    try:
        _dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return True


def _tree(assessment: Assessment, path: str) -> list[Problem]:
    try:
        data = assessment.model_dump(mode="python")
    except (ValueError, RecursionError):
        return [Problem(path, None, "(file)", f"nested more than {jsontext.MAX_DEPTH} levels "
                                              "deep")]
    problems = [Problem(path, None, p.where, p.message) for p in jsontext.check_tree(data)]
    for where, value in (("notes", assessment.notes), *(
            (f"audit[{i}].{side}", v) for i, e in enumerate(assessment.audit)
            for side, v in (("old", e.old), ("new", e.new)) if isinstance(v, str))):
        if isinstance(value, str) and len(value) > MAX_TEXT:
            problems.append(Problem(path, None, where, f"{len(value)} characters; at most "
                                                       f"{MAX_TEXT}"))
    return problems


def _identity(assessment: Assessment, path: str) -> list[Problem]:
    problems: list[Problem] = []
    if not ID.fullmatch(assessment.id):
        problems.append(Problem(path, None, "id", f"{assessment.id[:80]!r} is not an id "
                                                  "(letters, digits and -_. only, at most 64)"))
    previous = assessment.previous_id
    if previous is not None and (not ID.fullmatch(previous) or previous == assessment.id):
        problems.append(Problem(path, None, "previous_id", f"{previous[:80]!r} cannot name the "
                                                           "earlier assessment"))
    for name in ("created_at", "updated_at"):
        if not _time(getattr(assessment, name)):
            problems.append(Problem(path, None, name, f"{getattr(assessment, name)[:40]!r} is "
                                                      "not a date and time (ISO 8601)"))
    if assessment.kind == "self" and (assessment.owner_answers or assessment.assessor):
        problems.append(Problem(path, None, "kind", "a self-assessment cannot carry an "
                                                    "assessor or the owner's answers"))
    return problems


def _answers(answers: dict[str, Answer], instrument: Instrument, path: str,
             key: str) -> list[Problem]:
    problems: list[Problem] = []
    for qid, answer in answers.items():
        q = instrument.by_id.get(qid)
        if q is None:
            problems.append(Problem(path, None, f"{key}.{qid}",
                                    "not a question of this questionnaire and its modules; "
                                    "kept but not scored", "warning"))
            continue
        if not _time(answer.updated_at):
            problems.append(Problem(path, None, f"{key}.{qid}.updated_at",
                                    "not a date and time (ISO 8601)"))
        if answer.na:
            if not q.allow_na:
                problems.append(Problem(path, None, f"{key}.{qid}.na",
                                        "this question cannot be 'not applicable'"))
            continue
        if answer.value is None:
            continue
        try:
            stored = coerce_answer(q, answer.value)
        except AnswerProblem as exc:
            problems.append(Problem(path, None, f"{key}.{qid}.value", str(exc)))
            continue
        if not _same(stored, answer.value):
            problems.append(Problem(path, None, f"{key}.{qid}.value",
                                    f"{answer.value!r} is not written as Zhigai stores it "
                                    f"({stored!r})"))
    return problems


def _profile(assessment: Assessment, instrument: Instrument, path: str) -> list[Problem]:
    problems: list[Problem] = []
    for fid, value in assessment.profile.items():
        f = instrument.profile_fields.get(fid)
        if f is None:
            problems.append(Problem(path, None, f"profile.{fid}",
                                    "not a profile field of this questionnaire; kept but unused",
                                    "warning"))
            continue
        try:
            stored = coerce_profile_value(f, value)
        except ValueProblem as exc:
            problems.append(Problem(path, None, f"profile.{fid}", str(exc)))
            continue
        if stored is None:
            problems.append(Problem(path, None, f"profile.{fid}",
                                    "is empty; leave the field out or give a value"))
        elif not _same(stored, value):
            problems.append(Problem(path, None, f"profile.{fid}",
                                    f"{value!r} is not written as Zhigai stores it "
                                    f"({stored!r})"))
    return problems


def _record(assessment: Assessment, path: str) -> list[Problem]:
    problems: list[Problem] = []
    if len(assessment.audit) > MAX_AUDIT:
        problems.append(Problem(path, None, "audit", f"{len(assessment.audit)} entries; at "
                                                     f"most {MAX_AUDIT}"))
    seen: set[str] = set()
    for n, entry in enumerate(assessment.audit):
        if entry.id in seen:
            problems.append(Problem(path, None, f"audit[{n}].id",
                                    f"{entry.id[:64]!r} appears twice in the audit trail"))
        seen.add(entry.id)
        if not ID.fullmatch(entry.id):
            problems.append(Problem(path, None, f"audit[{n}].id", "not an id"))
        if not _time(entry.at):
            problems.append(Problem(path, None, f"audit[{n}].at",
                                    f"{entry.at[:40]!r} is not a date and time (ISO 8601)"))
        if len(entry.field) > 200 or len(entry.who) > 200:
            problems.append(Problem(path, None, f"audit[{n}]", "field or who longer than 200 "
                                                               "characters"))
    for key, evidence in assessment.evidence.items():
        if len(key) > 200:
            problems.append(Problem(path, None, f"evidence.{key[:40]}…", "key too long"))
        if not _time(evidence.updated_at) or not all(_time(p.added_at)
                                                     for p in evidence.photos):
            problems.append(Problem(path, None, f"evidence.{key}",
                                    "a time that is not a date and time (ISO 8601)"))
    return problems


def _plan(assessment: Assessment, path: str) -> list[Problem]:
    if assessment.project is None:
        return []
    return [Problem(path, None, "project", p.message, zh=p.zh)
            for p in check_plan(assessment.project)]


def check_against(assessment: Assessment, instrument: Instrument,
                  path: str = "<assessment>") -> list[Problem]:
    """Every problem of the assessment's values (see the module text); errors first.

    Unknown question and profile ids (e.g. from a module that no longer applies) are
    warnings: they are kept in the file but not used.
    """
    problems = _tree(assessment, path)
    if problems:  # the rest would stumble over the same values
        return problems
    problems = (_identity(assessment, path)
                + _profile(assessment, instrument, path)
                + _answers(assessment.answers, instrument, path, "answers")
                + _answers(assessment.owner_answers, instrument, path, "owner_answers")
                + _record(assessment, path) + _plan(assessment, path))
    return sorted(problems, key=lambda p: p.severity != "error")
