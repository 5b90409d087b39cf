"""Helpers the advice tests share: an example assessment with its instrument and score."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zhigai.core.assessment.model import load_assessment
from zhigai.core.assessment.scoring import score


def example(name: str, root: Path, catalog: Any) -> tuple[Any, Any, Any]:
    assessment = load_assessment(root / "examples" / f"{name}.json")
    instrument, _ = catalog.instrument_for(assessment)
    return assessment, instrument, score(instrument, assessment.answers, assessment.profile)
