"""Many reports at once, on every core: one process per core, each loading the questionnaires,
the advice data and the font once. A bad file is reported and the batch goes on."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..base.diagnostics import DataFileError


@dataclass(frozen=True)
class Job:
    source: Path
    output: Path


@dataclass(frozen=True)
class Outcome:
    source: Path
    output: Path
    pages: int | None
    error: str | None
    seconds: float

    @property
    def ok(self) -> bool:
        return self.error is None


def plan(folder: Path, out_dir: Path) -> list[Job]:
    """One job per assessment file (``*.json``) under ``folder``; the output mirrors the
    sub-folders so that equal names in different folders do not collide."""
    if folder.is_file():
        return [Job(folder, out_dir / (folder.stem + ".pdf"))]
    jobs = []
    for path in sorted(folder.rglob("*.json")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        jobs.append(Job(path, out_dir / path.relative_to(folder).with_suffix(".pdf")))
    return jobs


def _one(job: Job, lang: str, include_appendix: bool) -> Outcome:
    from ..assessment.model import load_assessment
    from .service import ReportError, make_report

    started = time.perf_counter()
    try:
        assessment = load_assessment(job.source)
        made = make_report(assessment, job.output, lang, where=str(job.source),
                           include_appendix=include_appendix)
        pages: int | None = made.pages
        error = None
    except DataFileError as exc:
        pages, error = None, _summarise([p.format() for p in exc.errors or exc.problems])
    except ReportError as exc:
        pages, error = None, _summarise(str(exc).splitlines())
    except Exception as exc:  # a defect: report it with the file, keep going
        pages, error = None, f"{job.source}: internal error: {type(exc).__name__}: {exc}"
    return Outcome(job.source, job.output, pages, error, time.perf_counter() - started)


def _summarise(lines: list[str]) -> str:
    """One line for the batch summary: the first problem, and how many more there are."""
    if len(lines) <= 2:
        return "; ".join(lines)
    return f"{lines[0]}; … {lines[-1]}"


def _warm_up() -> None:
    """Load once per worker what every report needs."""
    from ..advice.data import default_advice_data
    from ..questionnaire.catalog import default_catalog
    from .fonts import register

    default_catalog()
    default_advice_data()
    register()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run(jobs: list[Job], lang: str = "zh", workers: int | None = None,
        include_appendix: bool = True,
        on_outcome: Callable[[Outcome, int, int], None] | None = None) -> list[Outcome]:
    """Make every report; ``on_outcome(outcome, done, total)`` is called as each finishes.
    Outcomes come back in the order of ``jobs``."""
    workers = max(1, min(workers or default_jobs(), len(jobs) or 1))
    results: dict[int, Outcome] = {}
    for index, outcome in _results(jobs, lang, workers, include_appendix):
        results[index] = outcome
        if on_outcome is not None:
            on_outcome(outcome, len(results), len(jobs))
    return [results[i] for i in range(len(jobs))]


def _results(jobs: list[Job], lang: str, workers: int,
             include_appendix: bool) -> Iterator[tuple[int, Outcome]]:
    if workers == 1:
        for index, job in enumerate(jobs):
            yield index, _one(job, lang, include_appendix)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        futures = {pool.submit(_one, job, lang, include_appendix): index
                   for index, job in enumerate(jobs)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                yield index, future.result()
            except Exception as exc:  # the worker process died (out of memory, killed)
                job = jobs[index]
                yield index, Outcome(job.source, job.output, None,
                                     f"{job.source}: the report process stopped: "
                                     f"{type(exc).__name__}: {exc}", 0.0)
