"""Write the financing advice of the reference firms to tests/fixtures/financing.json, which
tests/test_financing_snapshot.py compares with what the program advises.

    python scripts/pin_financing.py

Run it only after a change to the appraisal, the bank tests, the structures, the ranking or
the financing data, and read the diff (`git diff tests/fixtures/financing.json`) as a credit
officer would: every figure, every test passed or failed, every term proposed and every reason
in both languages, for firms whose facts are in examples/reference/<firm>/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from zhigai.core.advice.advise import advise
from zhigai.core.advice.data import default_advice_data
from zhigai.core.advice.finance_summary import verdict
from zhigai.core.assessment.model import load_assessment
from zhigai.core.assessment.scoring import score
from zhigai.core.base.i18n import Text
from zhigai.core.questionnaire.catalog import default_catalog

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "reference"
OUT = ROOT / "tests" / "fixtures" / "financing.json"


def both(texts: Any) -> list[list[str | None]]:
    return [[t.get("zh"), t.get("en")] for t in texts]


def one(text: Text) -> list[str | None]:
    return [text.get("zh"), text.get("en")]


def financing_of(firm: str) -> dict[str, Any]:
    assessment = load_assessment(REFERENCE / firm / "assessment.json")
    instrument, _ = default_catalog().instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    advice = advise(default_advice_data(), instrument, assessment, result, assessment.project)
    a = advice.appraisal
    return {
        "appraisal": None if a is None else [str(x) for x in (
            a.npv, a.irr, a.npv_pre_tax, a.irr_pre_tax, a.payback_years, a.payback_after_tax,
            a.breakeven_benefit, a.residual_value, a.tax_rate)],
        "verdict": both(verdict(advice)),
        "dscr_sensitivity": [[n, None if v is None else str(v)]
                             for n, v in advice.dscr_sensitivity()],
        "structures": [{
            "option": o.option.id, "label": one(o.label), "passes": o.acceptable,
            "score": o.score,
            "terms": [str(o.structure.terms.financed_share), o.structure.terms.years,
                      str(o.structure.terms.profit_share)],
            "figures": [str(x) for x in (o.plan.financed, o.plan.own_contribution,
                                         o.plan.total_cost, o.plan.min_dscr, o.plan.min_icr)],
            "tests": [[t.test, t.passed, t.text.get("zh"), t.text.get("en")] for t in o.tests],
            "proposed": both(o.structure.proposed), "needs": both(o.structure.needs),
            "for": both(o.reasons_for), "against": both(o.reasons_against)}
            for o in advice.options]}


def firms() -> list[str]:
    return sorted(p.name for p in REFERENCE.iterdir() if (p / "assessment.json").exists())


def main() -> None:
    names = firms()
    OUT.write_text(json.dumps({f: financing_of(f) for f in names}, ensure_ascii=False,
                              indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(names)} firms)")


if __name__ == "__main__":
    main()
