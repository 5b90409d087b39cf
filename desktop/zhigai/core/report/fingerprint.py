"""The fingerprint that ties a printed report to the assessment it comes from.

SHA-256 over the canonical JSON of each part (what the firm is, what it answered, the planned
project and calculator inputs, the exact questionnaire and advice data), then over the parts.
The report prints a short code and a QR code and stores the parts' hashes in its metadata, so
``zhigai verify`` can say whether a report matches and, if not, which part differs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..assessment.model import Assessment, answer_key

PARTS = ("profile", "answers", "project", "questionnaire", "advice_data")
PREFIX = "ZGFP1"


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def _digest(data: Any) -> str:
    return hashlib.sha256(_canonical(data)).hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    assessment_id: str
    parts: dict[str, str]      # part -> sha256 hex
    value: str                 # sha256 hex over the parts

    @property
    def code(self) -> str:
        return short_code(self.value)

    def report_id(self, date: str) -> str:
        return f"ZG-{date.replace('-', '')}-{self.value[:8].upper()}"

    def keywords(self, report_id: str) -> str:
        """What the PDF's keywords field carries (parsed back by :func:`parse_keywords`)."""
        parts = " ".join(f"{name}={self.parts[name]}" for name in PARTS)
        return (f"{PREFIX} report={report_id} assessment={self.assessment_id} "
                f"fingerprint={self.value} {parts}")

    def qr_payload(self, report_id: str) -> str:
        return f"ZHIGAI-REPORT;{report_id};{self.assessment_id};{self.value}"


def short_code(value: str) -> str:
    """A short code to read out or type: the first 12 hex digits in groups of four."""
    v = value[:12].upper()
    return f"{v[:4]}-{v[4:8]}-{v[8:12]}"


def fingerprint(assessment: Assessment, questionnaire_hashes: dict[str, str],
                advice_data_hash: str, catalogue_id: str | None) -> Fingerprint:
    """Fingerprint of an assessment as reported: the company profile with the type of
    assessment (self or expert-verified) and the assessor, answers without edit times (only
    what was answered counts; under verification also the owner's answers and the evidence
    notes and photo hashes), the project plan with the policy catalogue used, and the hashes of the
    questionnaire (and modules) and of the advice data files."""
    def plain(found: dict[str, Any]) -> dict[str, Any]:
        return {qid: answer_key(a) for qid, a in sorted(found.items())}

    answers: dict[str, Any] = plain(assessment.answers)
    if assessment.owner_answers or assessment.evidence:  # expert verification
        answers = {"verified": answers, "owner": plain(assessment.owner_answers),
                   "evidence": {qid: _evidence_key(e)
                                for qid, e in sorted(assessment.evidence.items())}}
    who: dict[str, Any] = {"kind": assessment.kind, "profile": assessment.profile}
    if assessment.assessor is not None:
        who["assessor"] = assessment.assessor.model_dump()
    project = assessment.project.model_dump(mode="json") if assessment.project else None
    parts = {
        "profile": _digest(who),
        "answers": _digest(answers),
        "project": _digest({"plan": project, "catalogue": catalogue_id}),
        "questionnaire": _digest(questionnaire_hashes),
        "advice_data": advice_data_hash,
    }
    value = _digest({"assessment": assessment.id, "parts": parts})
    return Fingerprint(assessment.id, parts, value)


def parse_keywords(keywords: str) -> dict[str, str] | None:
    """The fields stored by :meth:`Fingerprint.keywords`, or None when absent."""
    tokens = keywords.split()
    if not tokens or tokens[0] != PREFIX:
        return None
    fields = dict(t.split("=", 1) for t in tokens[1:] if "=" in t)
    if "fingerprint" not in fields or "assessment" not in fields:
        return None
    return fields


def _evidence_key(e: Any) -> dict[str, Any]:
    """A note, its photos and (only when any: older reports verify as before) the
    materials ticked on an indicator's checklist and whether the expert checked the answer."""
    out: dict[str, Any] = {"note": e.note, "photos": [p.sha256 for p in e.photos]}
    if e.checked:
        out["checked"] = sorted(e.checked)
    if e.confirmed:
        out["confirmed"] = True
    return out


def advice_data_hash(sources: dict[str, Any]) -> str:
    """Hash of the advice data files as loaded (their parsed content, path-independent)."""
    return _digest(sorted(_digest(doc.data) for doc in sources.values()))
