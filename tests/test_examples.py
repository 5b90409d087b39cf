"""The three example firms score where a reader would expect them."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhigai.core.assessment.checking import check_against
from zhigai.core.assessment.model import load_assessment
from zhigai.core.assessment.scoring import score

EXPECTED = {
    # file: (index, stage by index, stage by the gates, limiting dimensions, first priority)
    "textile-early": (22.2, 1, 1, {"equipment", "production", "systems", "design"},
                      "equipment"),
    "auto-parts-midway": (46.9, 2, 2, None, "connectivity"),
    "equipment-advanced": (79.5, 3, 3, None, "systems"),
}
# The same firms as filled in with questionnaire 1.0.0 (tests/fixtures/v1_0): an old
# assessment keeps its results under the rules of its own version (every core dimension gates
# every stage; follow-ups hidden count 0).
EXPECTED_1_0 = {
    "textile-early": (20.9, 1, 0, {"systems", "connectivity"}, "connectivity"),
    "auto-parts-midway": (45.5, 2, 1, {"systems", "connectivity"}, "connectivity"),
    "equipment-advanced": (79.8, 3, 3, None, "systems"),
}


CASES = [("examples", n, "1.1.0") for n in sorted(EXPECTED)] + \
    [("tests/fixtures/v1_0", n, "1.0.0") for n in sorted(EXPECTED_1_0)]


@pytest.mark.parametrize(("folder", "name", "version"), CASES)
def test_example_scores(folder: str, name: str, version: str, root: Path, catalog) -> None:
    assessment = load_assessment(root / folder / f"{name}.json")
    instrument, warnings = catalog.instrument_for(assessment)
    assert warnings == []
    assert instrument.version == version
    assert [p for p in check_against(assessment, instrument) if p.severity == "error"] == []
    result = score(instrument, assessment.answers, assessment.profile)
    expected = EXPECTED if version == "1.1.0" else EXPECTED_1_0
    index, by_index, weakest, limiting, first = expected[name]
    assert result.complete
    assert result.index == pytest.approx(index, abs=0.05)
    assert result.stage_by_index == by_index
    assert result.stage_weakest_link == weakest
    if limiting is not None:
        assert set(result.limiting) == limiting
    assert result.priorities[0].dimension == first


def test_examples_use_their_industry_modules(root: Path, catalog) -> None:
    modules = {}
    for name in EXPECTED:
        assessment = load_assessment(root / "examples" / f"{name}.json")
        instrument, _ = catalog.instrument_for(assessment)
        modules[name] = [m.id for m in instrument.modules]
    assert modules == {"textile-early": ["textile"], "auto-parts-midway": ["auto-parts"],
                       "equipment-advanced": []}
