"""Advice figures: the whole advice for a reference firm with its project (roadmap around the
project with its projected score, supports of every chosen catalogue, calculator, financing
ranking with the bank's tests and negotiated terms), what the Plan, Supports and Financing tabs
recompute after each edit of the project; and the after-tax appraisal and the financing
structures on their own.

    python benchmarks/bench_advice.py

Baselines measured in the same run: one rescore of the same firm (the projection rescores
once more), the roadmap without a project (what the project step adds), and a fixed
pure-Python loop (to compare machines).
"""

from __future__ import annotations

from _util import ROOT, calibration, median_seconds, report

from zhigai.core.advice.advise import advise  # noqa: E402
from zhigai.core.advice.calculator import appraise  # noqa: E402
from zhigai.core.advice.data import default_advice_data  # noqa: E402
from zhigai.core.advice.financing import rank_options  # noqa: E402
from zhigai.core.advice.roadmap import roadmap  # noqa: E402
from zhigai.core.assessment.model import load_assessment  # noqa: E402
from zhigai.core.assessment.plan import ProjectPlan  # noqa: E402
from zhigai.core.assessment.scoring import score  # noqa: E402
from zhigai.core.questionnaire.catalog import default_catalog  # noqa: E402

FIRMS = ("mechanized-weaving-mill", "office-ahead-pump-maker", "hangzhou-brake-parts")


def main() -> None:
    base = calibration()
    report("calibration: fixed pure-Python loop", base)
    for firm in FIRMS:
        bench_firm(firm, base)


def bench_firm(firm: str, base: float) -> None:
    data = default_advice_data()
    catalog = default_catalog()
    assessment = load_assessment(ROOT / "examples" / "reference" / firm / "assessment.json")
    instrument, _ = catalog.instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    print(f"-- {firm}: {len(assessment.project.items)} items, "
          f"{len(data.measures.measures)} measures, {len(data.catalogues)} catalogues")
    rescore = median_seconds(lambda: score(instrument, assessment.answers,
                                           assessment.profile), runs=200, warmup=10)
    report("baseline: rescore", rescore, baseline=base, baseline_name="calibration")
    empty = ProjectPlan()
    plain = assessment.model_copy(update={"profile": {
        k: v for k, v in assessment.profile.items() if k != "project_description"}})
    bare = median_seconds(lambda: roadmap(data, instrument, plain, result, empty),
                          runs=100, warmup=5)
    report("baseline: roadmap without a project", bare, baseline=rescore,
           baseline_name="rescore")
    own = median_seconds(lambda: roadmap(data, instrument, assessment, result,
                                         assessment.project), runs=100, warmup=5)
    report("roadmap around the project (with its projection)", own, baseline=bare,
           baseline_name="without a project")
    whole = median_seconds(lambda: advise(data, instrument, assessment, result,
                                          assessment.project, "zh"), runs=50, warmup=3)
    report("whole advice (roadmap, supports, calculator, financing)", whole, goal=0.100,
           baseline=rescore, baseline_name="rescore")
    advice = advise(data, instrument, assessment, result, assessment.project, "zh")
    project = advice.project
    assert project is not None and advice.appraisal is not None
    appraisal = advice.appraisal
    taxed = median_seconds(lambda: appraise(project), runs=100, warmup=5)
    report("after-tax appraisal (with break-even and four scenarios)", taxed,
           baseline=rescore, baseline_name="rescore")
    bank = median_seconds(lambda: rank_options(
        data, project, assessment.project, assessment, instrument, appraisal, {}, None),
        runs=30, warmup=2)
    negotiated = sum(1 for o in advice.options if o.structure.proposed or o.structure.needs)
    report(f"financing structures, tested and negotiated ({negotiated} of "
           f"{len(advice.options)} searched)", bank, baseline=taxed,
           baseline_name="appraisal")


if __name__ == "__main__":
    main()
