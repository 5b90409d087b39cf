"""The roadmaps of the reference firms, as reviewed (tests/fixtures/roadmaps.json, written by
scripts/pin_roadmaps.py): every measure, its horizon, what it follows and why it is there, the
project's step and what the firm already has. A change shows up here and must be read as an
expert would before the file is written again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PINNED = json.loads((ROOT / "tests" / "fixtures" / "roadmaps.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("firm", sorted(PINNED))
def test_the_roadmap_is_the_one_reviewed(firm: str) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from pin_roadmaps import roadmap_of

    assert roadmap_of(firm) == PINNED[firm]


def test_every_reference_firm_is_pinned() -> None:
    firms = {p.name for p in (ROOT / "examples" / "reference").iterdir()
             if (p / "assessment.json").exists()}
    assert set(PINNED) == firms
