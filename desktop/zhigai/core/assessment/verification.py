"""What an expert verification covered, question by question: each given answer is
*corrected* (the verified answer differs from the owner's), *confirmed* (the expert ticked it
as checked against what they saw) or *not checked*. Screens and the report say exactly this
("checked 23 of 78 answers (30%); corrected 5") and never claim more."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..questionnaire.instrument import Instrument
from .model import Assessment, answer_key
from .scoring import Score

CheckState = Literal["corrected", "confirmed", "unchecked"]


def check_state(assessment: Assessment, question_id: str) -> CheckState:
    """The verification state of one question (``unchecked`` outside a verification)."""
    if assessment.kind != "expert":
        return "unchecked"
    if answer_key(assessment.answers.get(question_id)) \
            != answer_key(assessment.owner_answers.get(question_id)):
        return "corrected"
    evidence = assessment.evidence.get(question_id)
    return "confirmed" if evidence is not None and evidence.confirmed else "unchecked"


@dataclass(frozen=True)
class Coverage:
    """How much of the assessment the expert checked, in questionnaire order."""

    answers: tuple[str, ...]      # the questions answered (or "not applicable") and shown
    corrected: tuple[str, ...]    # checked and changed
    confirmed: tuple[str, ...]    # checked and left as the owner answered
    with_evidence: tuple[str, ...]  # answers with a note or photos

    @property
    def checked(self) -> tuple[str, ...]:
        done = set(self.corrected) | set(self.confirmed)
        return tuple(q for q in self.answers if q in done)

    @property
    def unchecked(self) -> tuple[str, ...]:
        done = set(self.checked)
        return tuple(q for q in self.answers if q not in done)

    @property
    def share(self) -> float:
        """Checked answers over all answers (0 when nothing is answered)."""
        return len(self.checked) / len(self.answers) if self.answers else 0.0

    @property
    def percent(self) -> int:
        """The share in whole percent, rounded down (never more than was checked)."""
        if not self.answers:
            return 0
        return len(self.checked) * 100 // len(self.answers)

    @property
    def complete(self) -> bool:
        return bool(self.answers) and not self.unchecked


def coverage(assessment: Assessment, instrument: Instrument, score: Score) -> Coverage:
    """The verification coverage of ``assessment``: answers are the questions of the
    instrument that are shown and answered or marked not applicable; a corrected answer the
    expert cleared (the owner had answered) counts as corrected too."""
    answers: list[str] = []
    corrected: list[str] = []
    confirmed: list[str] = []
    evidence: list[str] = []
    for q in instrument.questions:
        state = score.questions.get(q.id)
        given = state is not None and state.state in ("answered", "na")
        owner_gave = q.id in assessment.owner_answers
        if not given and not owner_gave:
            continue
        answers.append(q.id)
        found = check_state(assessment, q.id)
        if found == "corrected":
            corrected.append(q.id)
        elif found == "confirmed":
            confirmed.append(q.id)
        e = assessment.evidence.get(q.id)
        if e is not None and (e.note.strip() or e.photos):
            evidence.append(q.id)
    return Coverage(tuple(answers), tuple(corrected), tuple(confirmed), tuple(evidence))
