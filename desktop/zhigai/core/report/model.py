"""What a report shows, gathered from an assessment (no reportlab here)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from ..advice.advise import Advice, advise
from ..advice.data import AdviceData
from ..assessment.comparison import Comparison
from ..assessment.lens import estimate
from ..assessment.model import Assessment
from ..assessment.scoring import Score, score
from ..questionnaire.catalog import Catalog
from ..questionnaire.instrument import Instrument
from ..session.session import Session
from .fingerprint import Fingerprint, advice_data_hash, fingerprint


@dataclass
class ReportInput:
    """Everything the report shows, gathered once (see prepare())."""

    assessment: Assessment
    instrument: Instrument
    score: Score
    advice: Advice
    data: AdviceData
    fingerprint: Fingerprint
    lang: str
    comparison: Comparison | None = None
    previous_levels: list[float | None] | None = None
    assessor: str | None = None
    organisation: str | None = None
    generated: str = ""
    include_appendix: bool = True
    owner_score: Score | None = None            # the owner's answers, under verification
    photos: dict[str, bytes] = field(default_factory=dict)  # sha256 -> small JPEG
    peers: Any = None                           # a portfolio.PeerBenchmark, when available
    previous_official: Any = None               # the previous assessment's lens estimate
    board: bool = False                         # the 1-2 page board summary, not the report


def questionnaire_hashes(instrument: Instrument) -> dict[str, str]:
    hashes = {f"{instrument.id} {instrument.version}": instrument.base.hash}
    for ref in instrument.module_refs:
        hashes[f"{ref.id} {ref.version}"] = ref.hash
    return hashes


def report_fingerprint(assessment: Assessment, instrument: Instrument,
                       data: AdviceData) -> Fingerprint:
    from ..advice.catalogues import select

    project = assessment.project
    chosen = select(data.catalogues, instrument, assessment,
                    project.chosen_catalogues() if project else None)
    return fingerprint(assessment, questionnaire_hashes(instrument),
                       advice_data_hash(data.sources),
                       ",".join(c.id for c in chosen.catalogues))


def prepare(assessment: Assessment, catalog: Catalog, data: AdviceData, lang: str,
            previous: Assessment | None = None, include_appendix: bool = True,
            assessor: str | None = None, organisation: str | None = None,
            photos: dict[str, bytes] | None = None, peers: Any = None) -> ReportInput:
    """Score, advise and fingerprint an assessment for its report. ``photos`` are the
    evidence photos' bytes (printed small); ``peers`` the peer benchmark to print."""
    from ..assessment.photos import small_copy

    instrument, _warnings = catalog.instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    owner = (score(instrument, assessment.owner_answers, assessment.profile)
             if assessment.kind == "expert" else None)
    if assessment.assessor is not None:
        assessor = assessor or assessment.assessor.name
        organisation = organisation or assessment.assessor.organisation or None
    wanted = {p.sha256 for e in assessment.evidence.values() for p in e.photos}
    small: dict[str, bytes] = {}
    for sha, raw in (photos or {}).items():
        if sha in wanted:
            try:
                small[sha] = small_copy(raw)
            except Exception:  # noqa: BLE001 - a photo that cannot be read is left out
                continue
    advice = advise(data, instrument, assessment, result, assessment.project, lang)
    comparison = None
    previous_levels = None
    previous_official = None
    if previous is not None:
        before_instrument, _ = catalog.instrument_for(previous)
        before = score(before_instrument, previous.answers, previous.profile)
        levels = {d.id: d.level for d in before.dimensions}
        previous_levels = [levels.get(d.id) for d in result.dimensions]
        date_field = instrument.field_for_role("assessment_date")
        date = previous.profile.get(date_field.id) if date_field else None
        from ..assessment.comparison import DimensionChange

        official = advice.official
        if official is not None:
            previous_official = estimate(official.today.loaded, before_instrument,
                                         previous.answers, previous.profile)
        comparison = Comparison(
            previous_id=previous.id,
            previous_date=date if isinstance(date, str) else previous.created_at[:10],
            index_before=before.index, index_after=result.index,
            stage_index_before=before.stage_by_index, stage_index_after=result.stage_by_index,
            stage_weakest_before=before.stage_weakest_link,
            stage_weakest_after=result.stage_weakest_link,
            dimensions=tuple(DimensionChange(d.id, levels.get(d.id), d.level)
                             for d in result.dimensions))
    return ReportInput(assessment, instrument, result, advice, data,
                       report_fingerprint(assessment, instrument, data), lang, comparison,
                       previous_levels, assessor, organisation,
                       _dt.datetime.now().strftime("%Y-%m-%d %H:%M"), include_appendix,
                       owner, small, peers, previous_official)


def from_session(session: Session, data: AdviceData, lang: str,
                 include_appendix: bool = True, **kwargs: Any) -> ReportInput:
    return prepare(session.assessment, session.catalog, data, lang, session.previous,
                   include_appendix, **kwargs)
