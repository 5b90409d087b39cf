"""Portfolio and exchange figures.

1. Aggregate 100,000 synthetic assessments into the portfolio tables (frame, filter, stage
   distribution, stages by industry, dimension means by industry, a peer benchmark, the
   readable export tables). Goal: under 1 s. Baselines in the same run: a pandas DataFrame of
   the same shape built from one NumPy array (no per-row work at all), and one built from
   plain Python lists, one per column (the least work any frame made from Python objects
   needs).
2. Open the portfolio table model on them and format the first screen of cells. Goal: 0.5 s.
   Also reported: sorting the model, opening the whole portfolio screen (frame, filters,
   charts) and selecting a row (progress and peer benchmark).
3. Import 1,000 bundles into an empty store (each checked completely first). Reported.

    python benchmarks/bench_portfolio.py [--rows 100000] [--bundles 1000] [--runs 5]

Each section is a function of main(); a further section is one more function and one more
line at the end of main().
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from _util import ROOT, calibration, median_seconds, report

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CITIES = ("杭州市", "宁波市", "温州市", "台州市", "绍兴市", "嘉兴市", "金华市", "湖州市")
BANDS = ("micro", "small", "medium", "large", None)


def synthetic_rows(n: int, labels: Any) -> list[Any]:
    """``n`` assessments shaped as the store returns them (summaries as session.summary_of
    writes them): random industries of the questionnaire, cities, kinds, dates, levels;
    about two assessments per firm."""
    from zhigai.core.store.rows import AssessmentRow

    rng = random.Random(7)
    industries = list(labels.industries)
    dims = list(labels.dimensions)
    rows = []
    for i in range(n):
        levels = {d: round(rng.uniform(0, 4), 4) for d in dims}
        index = 25 * sum(levels.values()) / len(levels)
        stage, weakest = min(int(index // 25), 4), min(int(min(levels.values())), 4)
        industry = rng.choice(industries)
        date = f"20{rng.randint(23, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append(AssessmentRow(
            id=f"{i:08d}-0000-4000-8000-000000000000", firm_key=f"name:firm{i % (n // 2 + 1)}",
            company_name=f"企业{i}", industry=industry, city=rng.choice(CITIES),
            created_at=date + "T00:00:00", updated_at=date + "T08:00:00",
            status="complete" if rng.random() < 0.9 else "draft",
            kind="expert" if rng.random() < 0.3 else "self",
            questionnaire_id="zhigai-readiness", questionnaire_version="1.0.0",
            previous_id=None, revision=0,
            summary={"index": round(index, 2), "stage_index": stage, "stage_weakest": weakest,
                     "completeness": 1.0, "answered": 60, "required": 60, "date": date,
                     "size_band": rng.choice(BANDS), "dimensions": levels,
                     "labels": {"industry": labels.industries[industry],
                                "stage_index": labels.stages[stage],
                                "stage_weakest": labels.stages[weakest]}}))
    return rows


def bench_aggregate(rows: list[Any], labels: Any, runs: int) -> Any:
    import numpy as np
    import pandas as pd

    from zhigai.core.portfolio.frame import (
        BASE_COLUMNS,
        Filter,
        dimension_averages,
        firm_progress,
        stage_by_industry,
        stage_distribution,
    )
    from zhigai.core.portfolio.frame import frame as portfolio_frame
    from zhigai.core.portfolio.peers import latest_complete, peer_benchmark
    from zhigai.core.portfolio.tables import tables as portfolio_tables

    dims = list(labels.dimensions)
    holder: dict[str, Any] = {}

    def aggregate() -> None:
        df = portfolio_frame(rows, dims)
        shown = Filter(kinds=["self", "expert"]).apply(df)
        stage_distribution(shown)
        stage_by_industry(shown)
        dimension_averages(shown)
        firm_progress(shown, str(shown["firm_key"].iat[0]))
        peer_benchmark(shown, str(shown["id"].iat[0]), 5)
        portfolio_tables(shown, "zh", labels)
        holder["df"] = df

    def frame_only() -> None:
        holder["df"] = portfolio_frame(rows, dims)

    width = len(BASE_COLUMNS) + len(dims)
    matrix = np.random.default_rng(1).uniform(0, 4, size=(len(rows), width))
    lists = [matrix[:, j].tolist() for j in range(width)]

    def from_array() -> None:
        pd.DataFrame(matrix)

    def from_lists() -> None:
        pd.DataFrame({j: column for j, column in enumerate(lists)})

    base = median_seconds(from_array, runs=runs)
    report(f"baseline A: DataFrame of one {len(rows):,}x{width} NumPy array", base)
    lists_base = median_seconds(from_lists, runs=runs)
    report(f"baseline B: DataFrame of {width} Python lists", lists_base,
           baseline=base, baseline_name="A")
    report(f"frame() of {len(rows):,} assessments", median_seconds(frame_only, runs=runs),
           baseline=lists_base, baseline_name="B")
    total = median_seconds(aggregate, runs=runs)
    report(f"frame + filter + all portfolio tables ({len(rows):,})", total, goal=1.0,
           baseline=lists_base, baseline_name="B")
    print(f"{'':58}    ratio to baseline A: {total / base:.1f}x")
    df = holder["df"]
    pool = latest_complete(df)
    some = df["id"].iloc[:: max(len(df) // 50, 1)].tolist()
    report("peer benchmark of one row (pool cached, as the screen does)",
           median_seconds(lambda: [peer_benchmark(df, i, 5, pool) for i in some],
                          runs=runs) / len(some))
    return df


def bench_model(df: Any, labels: Any, runs: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from zhigai.gui.portfolio_model import COLUMNS, PortfolioModel

    _app = QApplication.instance() or QApplication([])

    def open_model() -> None:
        model = PortfolioModel(labels, "zh")
        model.set_frame(df)
        for row in range(40):
            for column in range(len(COLUMNS)):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    report(f"open the portfolio model on {len(df):,} rows + first screen",
           median_seconds(open_model, runs=runs), goal=0.5)
    model = PortfolioModel(labels, "zh")
    model.set_frame(df)
    report("sort the model by index", median_seconds(
        lambda: model.sort(COLUMNS.index("index"), Qt.SortOrder.DescendingOrder), runs=runs))
    report("sort the model by industry name", median_seconds(
        lambda: model.sort(COLUMNS.index("industry")), runs=runs))


def bench_page(rows: list[Any], runs: int) -> None:
    """The whole portfolio screen over a store that returns ``rows``."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.gui.portfolio_page import PortfolioPage

    _app = QApplication.instance() or QApplication([])

    class Rows:
        def assessments(self) -> list[Any]:
            return rows

    class Context(QObject):
        languageChanged = Signal(str)
        storeChanged = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.lang = "zh"
            self.store = Rows()

        def catalog(self) -> Any:
            return default_catalog()

    ctx = Context()
    pages: list[Any] = []

    def open_page() -> None:
        pages.append(PortfolioPage(ctx, min_peers=5))

    report(f"open the portfolio screen on {len(rows):,} assessments",
           median_seconds(open_page, runs=runs))
    page = pages[-1]
    row = [0]

    def select() -> None:
        row[0] += 997
        page.table.selectRow(row[0] % page.model.rowCount())

    report("select a row (progress + peer benchmark)", median_seconds(select, runs=runs))
    for p in pages:
        p.deleteLater()


def bench_import(n: int) -> None:
    from zhigai.core.assessment.model import Assessment, load_assessment
    from zhigai.core.exchange.bundle import bundle_bytes
    from zhigai.core.exchange.merge import import_bundle
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.store.store import Store

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
    from zhigai.core.portfolio.tables import Labels
    from zhigai.core.questionnaire.catalog import default_catalog

    labels = Labels.from_catalog(default_catalog())
    report("calibration (pure-Python loop)", calibration())
    rows = synthetic_rows(args.rows, labels)
    # 1. aggregation
    df = bench_aggregate(rows, labels, args.runs)
    # 2. the Qt model and the screen
    bench_model(df, labels, args.runs)
    bench_page(rows, min(args.runs, 3))
    # 3. bundle import
    bench_import(args.bundles)


if __name__ == "__main__":
    main()
