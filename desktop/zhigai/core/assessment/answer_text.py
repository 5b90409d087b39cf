"""An answer in words, as the screens' hints, the merge dialog and the report's appendix show
it: option labels, yes/no, percentages and units in the chosen language."""

from __future__ import annotations

from ..questionnaire.models import Question
from .model import Answer


def describe_answer(q: Question, answer: Answer | None, lang: str, yes: str, no: str, na: str,
                    *, limit: int | None = 40, separator_en: str = ", ") -> str | None:
    """A short text of an answer; None when there is none. Free text is cut to ``limit``
    characters (None keeps it whole); chosen options are joined by "、" in Chinese and by
    ``separator_en`` in English."""
    if answer is None:
        return None
    if answer.na:
        return na
    value = answer.value
    if value is None:
        return None
    if q.type == "yesno":
        return yes if value else no
    if q.options:
        labels = {o.id: o.label.get(lang) for o in q.options}
        items = value if isinstance(value, list) else [value]
        return ("、" if lang == "zh" else separator_en).join(labels.get(str(v), str(v))
                                                            for v in items)
    if q.type == "percent":
        return f"{value}%"
    if q.unit:
        return f"{value} {q.unit.get(lang)}"
    return str(value) if limit is None else str(value)[:limit]
