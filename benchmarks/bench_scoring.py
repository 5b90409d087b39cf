"""Scoring figures: load+validate the default questionnaire, rescore after one answer, and the
verdict's words the results screen shows after each answer.

    python benchmarks/bench_scoring.py

Goals (issue #2): load and validate under 100 ms; rescore after one changed answer under 2 ms.
Baselines measured in the same run: plain YAML parsing of the same file (what our checks add on
top of reading), and a fixed pure-Python loop (to compare machines).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys

import yaml  # noqa: E402
from _util import ROOT, calibration, median_seconds, report

from zhigai.core.assessment import verdict  # noqa: E402
from zhigai.core.assessment.model import Answer  # noqa: E402
from zhigai.core.assessment.scoring import score  # noqa: E402
from zhigai.core.questionnaire.catalog import Catalog  # noqa: E402
from zhigai.core.questionnaire.instrument import Instrument  # noqa: E402
from zhigai.core.questionnaire.loader import load_questionnaire_file  # noqa: E402

QFILE = ROOT / "questionnaires" / "zhigai-readiness-1.1.yaml"


def full_answers(instrument: Instrument, rng: random.Random) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for q in instrument.questions:
        if q.options:
            value: object = rng.choice(q.options).id
            if q.type == "multi":
                value = [value]
        elif q.type in ("number", "percent"):
            value = rng.choice([t.from_ for t in q.thresholds or []] or [1])
        elif q.type == "yesno":
            value = rng.choice([True, False])
        else:
            value = "note"
        answers[q.id] = Answer(value=value)
    return answers


def cold_start(runs: int = 7) -> float:
    """Import the core and load the default questionnaire in a new process (seconds, median,
    interpreter start excluded)."""
    code = ("import time; t = time.perf_counter(); "
            "from zhigai.core.questionnaire.loader import load_questionnaire_file; "
            f"load_questionnaire_file({str(QFILE)!r}); print(time.perf_counter() - t)")
    env_path = str(ROOT / "desktop")
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={"PYTHONPATH": env_path, "PATH": ""})
        samples.append(float(out.stdout.strip()))
    return statistics.median(samples)


def main() -> None:
    base = calibration()
    report("calibration: fixed pure-Python loop", base)
    text = QFILE.read_text(encoding="utf-8")
    parse_only = median_seconds(lambda: yaml.load(text, Loader=yaml.CSafeLoader), runs=30)
    report("baseline: yaml.load of the questionnaire (no checks)", parse_only)
    load = median_seconds(lambda: load_questionnaire_file(QFILE), runs=30)
    report("load + validate default questionnaire", load, goal=0.100, baseline=parse_only,
           baseline_name="yaml.load")
    everything = median_seconds(lambda: Catalog.load([ROOT / "questionnaires"])
                                .instrument("zhigai-readiness", None, "textile"), runs=15)
    report("load + validate all questionnaires and modules, build", everything,
           baseline=parse_only, baseline_name="yaml.load")

    cold = cold_start()
    report("cold: fresh interpreter, import core + load default", cold, goal=None,
           baseline=parse_only, baseline_name="yaml.load")

    catalog = Catalog.load([ROOT / "questionnaires"])
    instrument = catalog.instrument("zhigai-readiness", None, "textile")
    rng = random.Random(7)
    answers = full_answers(instrument, rng)
    profile = {"industry": "textile", "employees": 120, "pain_points": ["labour", "quality"]}
    scored = [q for q in instrument.questions if q.options]
    state = {"i": 0}

    def change() -> None:
        q = scored[state["i"] % len(scored)]
        state["i"] += 1
        answers[q.id] = Answer(value=rng.choice(q.options or []).id if q.type == "single"
                               else [rng.choice(q.options or []).id])

    def change_and_rescore() -> None:
        change()
        score(instrument, answers, profile)

    rescore = median_seconds(change_and_rescore, runs=2000, warmup=50)
    print(f"({len(instrument.questions)} questions incl. the textile module)")
    report("rescore after one changed answer", rescore, goal=0.002, baseline=base,
           baseline_name="calibration")

    def rescore_and_word() -> None:
        change()
        result = score(instrument, answers, profile)
        verdict.summary_texts(result, instrument, answers, "zh")

    worded = median_seconds(rescore_and_word, runs=1000, warmup=20)
    report("rescore + the verdict's words (headline, rules, 'now' x10)", worded,
           baseline=rescore, baseline_name="rescore")


if __name__ == "__main__":
    main()
