"""Write the roadmaps of the reference firms to tests/fixtures/roadmaps.json, which
tests/test_roadmap_snapshot.py compares with what the program proposes.

    python scripts/pin_roadmaps.py

Run it only after a change to the roadmap's rules or the measures library, and read the diff
(`git diff tests/fixtures/roadmaps.json`) as an expert would: every measure added, dropped or
moved to another horizon for a firm whose facts you can read in examples/reference/<firm>/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from zhigai.core.advice.data import default_advice_data
from zhigai.core.advice.roadmap import roadmap
from zhigai.core.assessment.model import load_assessment
from zhigai.core.assessment.scoring import score
from zhigai.core.questionnaire.catalog import default_catalog

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "reference"
OUT = ROOT / "tests" / "fixtures" / "roadmaps.json"


def roadmap_of(firm: str) -> dict[str, Any]:
    assessment = load_assessment(REFERENCE / firm / "assessment.json")
    instrument, _ = default_catalog().instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    road = roadmap(default_advice_data(), instrument, assessment, result, assessment.project)
    own = road.project
    return {"steps": [[s.measure.id, s.horizon, list(s.after),
                       [r.get("en") for r in s.reasons]] for s in road.steps],
            "done": list(road.already_done),
            "project": None if own is None else [[m.id for m in own.measures], own.horizon,
                                                  list(own.after), [m.id for m in own.lacks],
                                                  list(own.open_gaps)]}


def main() -> None:
    firms = sorted(p.name for p in REFERENCE.iterdir() if (p / "assessment.json").exists())
    OUT.write_text(json.dumps({f: roadmap_of(f) for f in firms}, ensure_ascii=False,
                              indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(firms)} firms)")


if __name__ == "__main__":
    main()
