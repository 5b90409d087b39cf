"""Portfolio and exchange figures.

1. Aggregate 100,000 synthetic assessments into the portfolio tables (frame, filter, stage
   distribution, stages by industry, dimension means by industry, a peer benchmark, the
   readable export tables). Goal: under 1 s. Baseline in the same run: building a plain
   pandas DataFrame of the same shape from NumPy arrays.
2. Open the portfolio table model on them and format the first screen of cells. Goal: 0.5 s.
3. Import 1,000 bundles into an empty store (each checked completely first). Reported.

    python benchmarks/bench_portfolio.py [--rows 100000] [--bundles 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from _util import ROOT, calibration, median_seconds, report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def synthetic_rows(n: int, labels: object) -> list:
    from zhigai.core.store import AssessmentRow

    rng = random.Random(7)
    industries = list(labels.industries)  # type: ignore[attr-defined]
    dims = list(labels.dimensions)  # type: ignore[attr-defined]
    cities = ["杭州市", "宁波市", "温州市", "台州市", "绍兴市", "嘉兴市", "金华市", "湖州市"]
    bands = ["micro", "small", "medium", "large", None]
    rows = []
    for i in range(n):
        levels = {d: round(rng.uniform(0, 4), 4) for d in dims}
        index = 25 * sum(levels.values()) / len(levels)
        date = f"20{rng.randint(23, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append(AssessmentRow(
            id=f"{i:08d}-0000-4000-8000-000000000000", firm_key=f"name:firm{i % (n // 2 + 1)}",
            company_name=f"企业{i}", industry=rng.choice(industries), city=rng.choice(cities),
            created_at=date + "T00:00:00", updated_at=date + "T00:00:00",
            status="complete" if rng.random() < 0.9 else "draft",
            kind="expert" if rng.random() < 0.3 else "self",
            questionnaire_id="zhigai-readiness", questionnaire_version="1.0.0",
            previous_id=None, revision=0,
            summary={"index": round(index, 2), "stage_index": min(int(index // 25), 4),
                     "stage_weakest": min(int(min(levels.values())), 4), "completeness": 1.0,
                     "date": date, "size_band": rng.choice(bands), "dimensions": levels}))
    return rows


def bench_aggregate(rows: list, labels: object, runs: int) -> object:
    import numpy as np
    import pandas as pd

    from zhigai.core import portfolio as P

    dims = list(labels.dimensions)  # type: ignore[attr-defined]
    holder: dict[str, object] = {}

    def aggregate() -> None:
        df = P.frame(rows, dims)
        shown = P.Filter(kinds=["self", "expert"]).apply(df)
        P.stage_distribution(shown)
        P.stage_by_industry(shown)
        P.dimension_averages(shown)
        P.peer_benchmark(shown, str(shown["id"].iat[0]), 5)
        P.tables(shown, labels, "zh")  # type: ignore[arg-type]
        holder["df"] = df

    def frame_only() -> None:
        holder["df"] = P.frame(rows, dims)

    matrix = np.random.default_rng(1).uniform(0, 4, size=(len(rows), 25))

    def baseline() -> None:
        pd.DataFrame(matrix)

    base = median_seconds(baseline, runs=runs)
    report(f"baseline: pandas DataFrame of {len(rows):,}x25 floats", base)
    report(f"frame() of {len(rows):,} assessments", median_seconds(frame_only, runs=runs),
           baseline=base, baseline_name="baseline")
    report(f"frame + filter + all portfolio tables ({len(rows):,})",
           median_seconds(aggregate, runs=runs), goal=1.0, baseline=base,
           baseline_name="baseline")
    return holder["df"]


def bench_model(df: object, labels: object, runs: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from zhigai.gui.portfolio_model import COLUMNS, PortfolioModel

    _app = QApplication.instance() or QApplication([])

    def open_model() -> None:
        model = PortfolioModel(labels, "zh")  # type: ignore[arg-type]
        model.set_frame(df)
        for row in range(40):
            for column in range(len(COLUMNS)):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    report(f"open the portfolio model on {len(df):,} rows + first screen",  # type: ignore[arg-type]
           median_seconds(open_model, runs=runs), goal=0.5)
    model = PortfolioModel(labels, "zh")  # type: ignore[arg-type]
    model.set_frame(df)
    report("sort the model by index", median_seconds(lambda: model.sort(6), runs=runs))


def bench_import(n: int) -> None:
    from zhigai.core.assessment import Assessment, load_assessment
    from zhigai.core.bundle import bundle_bytes
    from zhigai.core.catalog import default_catalog
    from zhigai.core.merge import import_bundle
    from zhigai.core.store import Store

    catalog = default_catalog()
    example = load_assessment(ROOT / "examples" / "auto-parts-midway.json")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for i in range(n):
            copy = Assessment.model_validate({**example.model_dump(),
                                              "id": f"{i:08d}-1111-4111-8111-111111111111"})
            (work / f"b{i:04d}.zhigai").write_bytes(bundle_bytes(copy, {}))
        store = Store.open(f"sqlite:///{work / 'z.db'}")
        paths = sorted(work.glob("*.zhigai"))
        start = time.perf_counter()
        for path in paths:
            import_bundle(store, catalog, str(path))
        elapsed = time.perf_counter() - start
        assert store.count() == n
        store.close()
    report(f"import {n:,} bundles (checked, scored, stored)", elapsed)
    report("  per bundle", elapsed / n)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from zhigai.core import portfolio as P
    from zhigai.core.catalog import default_catalog

    labels = P.Labels.from_catalog(default_catalog())
    report("calibration (pure-Python loop)", calibration())
    rows = synthetic_rows(args.rows, labels)
    df = bench_aggregate(rows, labels, args.runs)
    bench_model(df, labels, args.runs)
    bench_import(args.bundles)


if __name__ == "__main__":
    main()
