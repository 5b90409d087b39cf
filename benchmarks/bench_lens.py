"""Official-level figures: the MIIT 2024 estimate of a reference firm on its own, the official
level in the advice (the estimate after the project, the path and the measures that make each
step, read again after each candidate measure), and what the lens adds to the whole advice.

    python benchmarks/bench_lens.py

Baselines measured in the same run: one rescore of the same firm, and the whole advice with
the lens switched off (what the Official level tab adds to each recomputation).
"""

from __future__ import annotations

from unittest import mock

from _util import ROOT, calibration, median_seconds, report

from zhigai.core.advice import official  # noqa: E402
from zhigai.core.advice.advise import advise  # noqa: E402
from zhigai.core.advice.data import default_advice_data  # noqa: E402
from zhigai.core.assessment.lens import estimate  # noqa: E402
from zhigai.core.assessment.lens_data import default_lens  # noqa: E402
from zhigai.core.assessment.model import load_assessment  # noqa: E402
from zhigai.core.assessment.scoring import score  # noqa: E402
from zhigai.core.questionnaire.catalog import default_catalog  # noqa: E402

FIRMS = ("tiny-workshop", "hangzhou-brake-parts", "diecast-auto-parts")


def main() -> None:
    base = calibration()
    report("calibration: fixed pure-Python loop", base)
    for firm in FIRMS:
        bench_firm(firm, base)


def bench_firm(firm: str, base: float) -> None:
    data = default_advice_data()
    catalog = default_catalog()
    loaded = default_lens()
    assessment = load_assessment(ROOT / "examples" / "reference" / firm / "assessment.json")
    instrument, _ = catalog.instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    print(f"-- {firm}: questionnaire {assessment.questionnaire.version}")
    rescore = median_seconds(lambda: score(instrument, assessment.answers,
                                           assessment.profile), runs=200, warmup=10)
    report("baseline: rescore", rescore, baseline=base, baseline_name="calibration")
    alone = median_seconds(lambda: estimate(loaded, instrument, assessment.answers,
                                            assessment.profile), runs=200, warmup=10)
    report("the MIIT estimate", alone, baseline=rescore, baseline_name="rescore")
    with mock.patch.object(official, "lens_for", lambda _instrument: None):
        without = median_seconds(lambda: advise(data, instrument, assessment, result,
                                                assessment.project), runs=40, warmup=3)
    report("baseline: whole advice without the lens", without, baseline=rescore,
           baseline_name="rescore")
    whole = median_seconds(lambda: advise(data, instrument, assessment, result,
                                          assessment.project), runs=40, warmup=3)
    report("whole advice with the official level (goal 100 ms)", whole, baseline=without,
           baseline_name="without the lens")


if __name__ == "__main__":
    main()
