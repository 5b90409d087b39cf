"""What a proposed profile change would hide, worked out before it is saved: the industry
modules it removes, the questions that stop being shown (their module goes, or a condition on
the profile skips them) and how many of those already have an answer. Answers are never
deleted by a profile change; the screens ask first and say what will be hidden."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..assessment.model import Assessment
from ..assessment.scoring import question_states
from ..questionnaire.catalog import Catalog
from ..questionnaire.instrument import Instrument
from ..questionnaire.models import Module
from ..questionnaire.values import coerce_profile_value


@dataclass(frozen=True)
class ProfileChange:
    """The effect of setting one profile field to a new value."""

    field_id: str
    old: Any                            # the stored value now (None when empty)
    new: Any                            # the value proposed, as it would be stored
    removed_modules: tuple[Module, ...]  # industry modules that would go
    added_modules: tuple[Module, ...]    # industry modules that would come
    hidden: tuple[str, ...]              # ids of the questions that would no longer be shown
    kept_answers: int                    # answers among them (kept, shown again on change back)

    @property
    def hides_anything(self) -> bool:
        """Worth a question before saving: a module goes or answered questions are hidden."""
        return bool(self.removed_modules) or self.kept_answers > 0


def _shown(instrument: Instrument, answers: Mapping[str, Any],
           profile: Mapping[str, Any]) -> set[str]:
    """Questions on screen: shown, or pending (their condition cannot be decided yet)."""
    return {qid for qid, state in question_states(instrument, answers, profile).items()
            if state != "skipped"}


def profile_change(catalog: Catalog, instrument: Instrument, assessment: Assessment,
                   field_id: str, raw: Any) -> ProfileChange:
    """What setting ``field_id`` to ``raw`` would hide (``instrument``: the assessment's
    current one). Raises ValueProblem for a value the field refuses, like ``set_profile``."""
    f = instrument.profile_fields.get(field_id)
    if f is None:
        raise KeyError(field_id)
    new = coerce_profile_value(f, raw)
    old = assessment.profile.get(field_id)
    profile = dict(assessment.profile)
    if new is None:
        profile.pop(field_id, None)
    else:
        profile[field_id] = new
    industry_field = instrument.field_for_role("industry")
    industry = profile.get(industry_field.id) if industry_field else None
    after = catalog.instrument(instrument.id, instrument.version,
                               industry if isinstance(industry, str) else None)
    before_ids = {m.id for m in instrument.modules}
    after_ids = {m.id for m in after.modules}
    answers = assessment.answers
    hidden_set = _shown(instrument, answers, assessment.profile) - _shown(after, answers,
                                                                           profile)
    hidden = tuple(q.id for q in instrument.questions if q.id in hidden_set)
    return ProfileChange(
        field_id=field_id, old=old, new=new,
        removed_modules=tuple(m for m in instrument.modules if m.id not in after_ids),
        added_modules=tuple(m for m in after.modules if m.id not in before_ids),
        hidden=hidden,
        kept_answers=sum(1 for qid in hidden if qid in answers))
