"""The display summary stored with each assessment: made from a score (``summary_of``) and read
back by the home screen before anything heavy is loaded (``label``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .firm_size import size_band

if TYPE_CHECKING:
    from ..questionnaire.instrument import Instrument
    from .model import Assessment
    from .scoring import Score


def label(summary: dict[str, Any], key: str, lang: str) -> str:
    """A label from a summary's ``labels`` (falls back to the other language)."""
    raw = summary.get("labels", {}).get(key)
    if not isinstance(raw, dict):
        return ""
    first, second = ("en", "zh") if lang == "en" else ("zh", "en")
    for name in (first, second):
        value = raw.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def summary_of(instrument: Instrument, assessment: Assessment, result: Score) -> dict[str, Any]:
    """What the home table and portfolio show without loading the questionnaire."""
    labels: dict[str, Any] = {"questionnaire": instrument.questionnaire.title.model_dump()}
    industry_field = instrument.field_for_role("industry")
    industry = assessment.industry(instrument)
    if industry_field and industry:
        for option in industry_field.options or []:
            if option.id == industry:
                labels["industry"] = option.label.model_dump()
    if result.stage_by_index is not None:
        labels["stage_index"] = instrument.stage_name(result.stage_by_index).model_dump()
    if result.stage_weakest_link is not None:
        labels["stage_weakest"] = instrument.stage_name(result.stage_weakest_link).model_dump()
    date = assessment.profile_by_role(instrument, "assessment_date")
    band = size_band(assessment.profile_by_role(instrument, "employees"),
                     assessment.profile_by_role(instrument, "revenue"))
    return {
        "index": None if result.index is None else round(result.index, 2),
        "stage_index": result.stage_by_index,
        "stage_weakest": result.stage_weakest_link,
        "completeness": round(result.completeness, 4),
        "answered": result.answered,
        "required": result.required,
        "date": date if isinstance(date, str) else assessment.created_at[:10],
        "size_band": band,
        "dimensions": {d.id: None if d.level is None else round(d.level, 4)
                       for d in result.dimensions},
        "labels": labels,
    }


def identity_of(instrument: Instrument, assessment: Assessment) -> dict[str, Any]:
    """The profile values that identify and list a firm, found by their roles."""
    return {key: assessment.profile_by_role(instrument, role)
            for key, role in (("company_name", "company_name"), ("credit_code", "credit_code"),
                              ("industry", "industry"), ("city", "city"))}
