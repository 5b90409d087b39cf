"""Report figures: one full PDF report, and a batch of reports on one core against all cores.

    python benchmarks/bench_report.py [--count 200] [--runs 15]

Goals (issue #5): one full report (scoring, advice, fingerprint, layout, embedded font subset,
written to disk) under 0.5 s; a batch of 200 reports at least 1.7x faster on every core (2 here)
than on one. Baselines measured in the same run: a one-page PDF with the same embedded font
(what reportlab costs for almost nothing), and a fixed pure-Python loop (to compare machines).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from _util import ROOT, calibration, median_seconds, report

from zhigai.core.advice.data import default_advice_data  # noqa: E402
from zhigai.core.assessment.model import Answer, load_assessment  # noqa: E402
from zhigai.core.questionnaire.catalog import default_catalog  # noqa: E402
from zhigai.core.report import batch  # noqa: E402
from zhigai.core.report.service import make_report  # noqa: E402

EXAMPLES = ("textile-early", "auto-parts-midway", "equipment-advanced")


def one_page(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from zhigai.core.report.fonts import FONT, register

    register()
    canvas = Canvas(str(path), pagesize=A4, initialFontName=FONT)
    canvas.drawString(72, 760, "智能化改造准备度评估报告 Readiness report")
    canvas.showPage()
    canvas.save()


def synthetic(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` assessment files: the example firms with new ids and some answers changed."""
    rng = random.Random(seed)
    catalog = default_catalog()
    folder.mkdir(parents=True, exist_ok=True)
    bases = [load_assessment(ROOT / "examples" / f"{n}.json") for n in EXAMPLES]
    paths = []
    for i in range(count):
        a = bases[i % len(bases)].model_copy(deep=True)
        a.id = str(uuid.UUID(int=rng.getrandbits(128)))
        a.profile["company_name"] = f"{a.profile['company_name']}（样本 {i + 1}）"
        instrument, _ = catalog.instrument_for(a)
        for q in rng.sample(instrument.questions, 12):
            if q.type in ("single", "multi") and q.options:
                option = rng.choice(q.options).id
                a.answers[q.id] = Answer(value=[option] if q.type == "multi" else option)
        path = folder / f"firm-{i + 1:04d}.json"
        a.save(path)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200, help="reports in the batch")
    parser.add_argument("--runs", type=int, default=15, help="runs of the single report")
    parser.add_argument("--keep", action="store_true", help="keep the PDFs (default: removed)")
    args = parser.parse_args()

    base = calibration()
    report("calibration loop (pure Python)", base)
    work = Path(tempfile.mkdtemp(prefix="zhigai-bench-report-"))
    catalog, data = default_catalog(), default_advice_data()
    floor = median_seconds(lambda: one_page(work / "one-page.pdf"), runs=args.runs)
    report("baseline: one-page PDF with the embedded font", floor)

    assessment = load_assessment(ROOT / "examples" / "auto-parts-midway.json")
    pages = []

    def full(lang: str, appendix: bool = True) -> None:
        made = make_report(assessment, work / f"full-{lang}.pdf", lang, catalog=catalog,
                           data=data, include_appendix=appendix)
        pages.append(made.pages)

    zh = median_seconds(lambda: full("zh"), runs=args.runs)
    report(f"one full report, zh ({pages[-1]} pages, to disk)", zh, goal=0.5,
           baseline=floor, baseline_name="one-page PDF")
    en = median_seconds(lambda: full("en"), runs=args.runs)
    report(f"one full report, en ({pages[-1]} pages, to disk)", en, goal=0.5,
           baseline=floor, baseline_name="one-page PDF")
    short = median_seconds(lambda: full("zh", appendix=False), runs=args.runs)
    report(f"report without the appendix, zh ({pages[-1]} pages)", short, goal=0.5,
           baseline=floor, baseline_name="one-page PDF")

    from zhigai.core.report.model import prepare

    gather = median_seconds(lambda: prepare(assessment, catalog, data, "zh"), runs=args.runs)
    report("  of which scoring + advice + fingerprint", gather, baseline=zh,
           baseline_name="of the report")

    sources = synthetic(work / "in", args.count)
    timings = {}
    cores = batch.default_jobs()
    for workers in (1, cores):
        out = work / f"out-{workers}"
        jobs = batch.plan(work / "in", out)
        start = time.perf_counter()
        outcomes = batch.run(jobs, "zh", workers)
        timings[workers] = time.perf_counter() - start
        failed = [o for o in outcomes if not o.ok]
        if failed:
            raise SystemExit(f"{len(failed)} reports failed: {failed[0].error}")
        per = statistics.median(o.seconds for o in outcomes)
        print(f"batch of {len(sources)} reports on {workers} process(es): "
              f"{timings[workers]:.1f} s, {len(sources) / timings[workers]:.1f} reports/s "
              f"(median {per * 1000:.0f} ms per report inside a worker)")
    if cores > 1:
        speedup = timings[1] / timings[cores]
        verdict = "ok" if speedup >= 1.7 else "UNDER GOAL"
        print(f"speed-up with {cores} processes: {speedup:.2f}x   goal 1.7x ({verdict})")
    else:
        print("one core only: no speed-up to measure")
    if args.keep:
        print(f"(files in {work})")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
