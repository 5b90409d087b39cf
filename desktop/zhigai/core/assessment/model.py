"""The assessment file: profile and answers, tied to the exact questionnaire version (id,
version and content hash) they were given against. Saved as JSON."""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..base import jsontext
from ..base.clock import now_iso
from ..base.diagnostics import DataFileError, Problem
from ..questionnaire.instrument import AnswerProblem, Instrument, coerce_answer
from ..questionnaire.values import ValueProblem, coerce_profile_value
from .plan import ProjectPlan

FORMAT: Literal["zhigai-assessment"] = "zhigai-assessment"
# 2: evidence (notes and photos), the owner's answers kept under expert verification, the
#    assessor and the audit trail
# 3: per question, whether the expert checked the answer (evidence.confirmed); the machine of
#    each audit entry
FORMAT_VERSION = 3

JsonValue = str | int | float | bool | list[str] | None

MAX_NOTE_LENGTH = 4000

class Answer(BaseModel):
    """One answer: a value, or "not applicable"."""

    model_config = ConfigDict(extra="forbid")

    value: JsonValue = Field(None, description="option id, list of option ids, number, "
                                               "true/false or text, by question type")
    na: bool = Field(False, description="not applicable to this firm (leaves the denominator)")
    updated_at: str | None = None


class Photo(BaseModel):
    """A photo taken as evidence: the bytes live in the store (and in exchange bundles) under
    their SHA-256; the assessment keeps the reference."""

    model_config = ConfigDict(extra="forbid")

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    name: str = Field(max_length=200, description="the original file name, for display")
    mime: Literal["image/jpeg", "image/png"]
    size: int = Field(ge=1)
    added_at: str
    added_by: str = ""


class Evidence(BaseModel):
    """What an expert saw for one question, or for one indicator of an official-level lens
    (keyed ``<lens id>:<indicator id>``): a note, photos and the materials seen."""

    model_config = ConfigDict(extra="forbid")

    note: str = Field("", max_length=MAX_NOTE_LENGTH)
    photos: list[Photo] = Field(default_factory=list)
    checked: list[str] = Field(default_factory=list, max_length=50, description=(
        "ids of the materials a rater asks for (the lens's evidence list) the expert saw"))
    confirmed: bool = Field(False, description=(
        "under expert verification: the expert checked this answer against what they saw "
        "(a corrected answer counts as checked without it)"))
    updated_at: str | None = None

    @property
    def empty(self) -> bool:
        return (not self.note.strip() and not self.photos and not self.checked
                and not self.confirmed)


class Assessor(BaseModel):
    """The expert who verifies an assessment on site."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    organisation: str = Field("", max_length=200)
    service_group: str = Field("", max_length=200)


class AuditEntry(BaseModel):
    """One recorded change: who, on which machine, when, what (a field path such as
    ``answer.q1``, ``owner.q1``, ``note.q1``, ``confirmed.q1``, ``profile.employees``,
    ``project``, ``kind``), old and new. The ids also tell two copies of an assessment
    apart when they meet again (merge)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    at: str = Field(default_factory=now_iso)
    who: str = ""
    machine: str = Field("", max_length=100, description="the computer the change was made on")
    field: str
    old: Any = None
    new: Any = None


class DocRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    version: str
    hash: str = Field(description="sha256 of the questionnaire's canonical content")


class Assessment(BaseModel):
    """A filled (or partly filled) questionnaire for one firm at one time."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["zhigai-assessment"] = FORMAT
    format_version: int = Field(FORMAT_VERSION, ge=1)
    id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    kind: Literal["self", "expert"] = "self"
    created_at: str = Field(default_factory=now_iso)
    updated_at: str = Field(default_factory=now_iso)
    questionnaire: DocRef
    modules: list[DocRef] = Field(default_factory=list)
    profile: dict[str, JsonValue] = Field(default_factory=dict)
    answers: dict[str, Answer] = Field(default_factory=dict)
    previous_id: str | None = Field(None, description="the firm's earlier assessment this one "
                                                      "follows up")
    project: ProjectPlan | None = Field(None, description="the planned transformation project "
                                                          "(measures, items, effects, financing)")
    notes: str | None = None
    assessor: Assessor | None = Field(None, description="the expert, for expert-verified "
                                                        "assessments")
    owner_answers: dict[str, Answer] = Field(default_factory=dict, description=(
        "under expert verification: the owner's own answers, kept beside the verified ones"))
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    audit: list[AuditEntry] = Field(default_factory=list)

    # ------------------------------------------------------------------ editing

    def set_answer(self, instrument: Instrument, question_id: str, raw: Any) -> Answer:
        q = instrument.by_id.get(question_id)
        if q is None:
            raise AnswerProblem(f"'{question_id}' is not a question of {instrument.id} "
                                f"{instrument.version}")
        answer = Answer(value=coerce_answer(q, raw), updated_at=now_iso())
        self.answers[question_id] = answer
        self.updated_at = answer.updated_at or self.updated_at
        return answer

    def set_not_applicable(self, instrument: Instrument, question_id: str) -> Answer:
        q = instrument.by_id.get(question_id)
        if q is None:
            raise AnswerProblem(f"'{question_id}' is not a question of {instrument.id}")
        if not q.allow_na:
            raise AnswerProblem(f"{question_id} cannot be answered 'not applicable'")
        answer = Answer(na=True, updated_at=now_iso())
        self.answers[question_id] = answer
        self.updated_at = answer.updated_at or self.updated_at
        return answer

    def clear_answer(self, question_id: str) -> None:
        self.answers.pop(question_id, None)
        self.updated_at = now_iso()

    def set_profile(self, instrument: Instrument, field_id: str, raw: Any) -> Any:
        f = instrument.profile_fields.get(field_id)
        if f is None:
            raise ValueProblem(f"'{field_id}' is not a profile field of {instrument.id}")
        value = coerce_profile_value(f, raw)
        if value is None:
            self.profile.pop(field_id, None)
        else:
            self.profile[field_id] = value
        self.updated_at = now_iso()
        return value

    def industry(self, instrument: Instrument) -> str | None:
        f = instrument.field_for_role("industry")
        value = self.profile.get(f.id) if f else None
        return value if isinstance(value, str) else None

    def profile_by_role(self, instrument: Instrument, role: str) -> JsonValue:
        f = instrument.field_for_role(role)
        return self.profile.get(f.id) if f else None

    # ------------------------------------------------------------------ JSON

    def to_json(self) -> str:
        data = self.model_dump(mode="json", exclude_none=False)
        data["format_version"] = FORMAT_VERSION  # written in this version's format
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def save(self, path: str | Path) -> None:
        """Write atomically: a crash never leaves a half-written file behind."""
        target = Path(path)
        data = self.to_json().encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".zhigai-", suffix=".tmp", dir=target.parent or ".")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


def answer_key(answer: Answer | None) -> Any:
    """An answer as compared and recorded in the audit trail: without its edit time."""
    if answer is None:
        return None
    return {"na": True} if answer.na else {"value": answer.value}


def corrected(assessment: Assessment, instrument: Instrument) -> list[str]:
    """Under expert verification: the questions whose verified answer differs from the
    owner's, in questionnaire order (empty for a self-assessment)."""
    if assessment.kind != "expert":
        return []
    return [q.id for q in instrument.questions
            if answer_key(assessment.answers.get(q.id))
            != answer_key(assessment.owner_answers.get(q.id))]


def _json_lines(text: str) -> dict[tuple[Any, ...], int]:
    """Best-effort line numbers for locations in a JSON text (JSON is YAML flow syntax)."""
    from ..base.yamlsource import parse_yaml

    try:
        return parse_yaml(text).lines
    except DataFileError:
        return {}


def parse_assessment(text: str, path: str = "<assessment>") -> Assessment:
    try:
        data = jsontext.loads(text)
    except jsontext.JsonProblem as exc:
        raise DataFileError([Problem(path, exc.line, exc.where, exc.message)]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataFileError([Problem(path, 1, "format",
                                     f"not a Zhigai assessment file (format must be "
                                     f"\"{FORMAT}\")")])
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise DataFileError([Problem(path, None, "format_version",
                                     f"written by a newer Zhigai (format {version}; this "
                                     f"version reads up to {FORMAT_VERSION}); update Zhigai")])
    try:
        return Assessment.model_validate(data)
    except ValidationError as exc:
        lines = _json_lines(text)
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
            line = None
            probe = loc
            while probe and line is None:
                line = lines.get(probe)
                probe = probe[:-1]
            where = ".".join(str(p) for p in loc) or "(file)"
            problems.append(Problem(path, line, where, str(err["msg"])))
        raise DataFileError(problems) from None


def load_assessment(path: str | Path) -> Assessment:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DataFileError([Problem(str(p), None, "(file)",
                                     f"cannot be read: {exc.strerror or exc}")]) from None
    except UnicodeDecodeError:
        raise DataFileError([Problem(str(p), None, "(file)",
                                     "is not UTF-8 text")]) from None
    return parse_assessment(text, str(p))
