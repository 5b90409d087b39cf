"""The home list, the portfolio and a report's look-up over a large store, SQLite and
PostgreSQL side by side.

Seeds N assessments (default 100,000; ``ZHIGAI_BENCH_N`` or ``--rows`` for fewer) into a new
store: the three examples imported properly, the rest inserted in bulk (SQLAlchemy core) with
summaries made from a real stored summary (levels, dates, stages, completeness varied; about
two assessments per firm, some follow-ups, some samples and thin drafts). PostgreSQL too when
``ZHIGAI_BENCH_PG`` gives an admin URL (e.g. postgresql+psycopg://zhigai@127.0.0.1:54330/postgres):
a database of its own, dropped afterwards.

Medians of: the first home page (the model ready to show, with the first screen of cells
formatted), a search, sorting by date, the portfolio tables (frame, default scope, filter,
the summary tables), and finding a stored assessment by an id prefix and loading it. The old
path (``Store.assessments()`` into the home model, ``frame(Store.assessments())``, the prefix
found among every row) is the baseline of each ratio. Goals: first page 0.5 s, portfolio
1.5 s. No assertions on time.

    python benchmarks/bench_store.py [--rows 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from _util import ROOT, calibration, median_seconds

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CITIES = ("杭州市", "宁波市", "温州市", "台州市", "绍兴市", "嘉兴市", "金华市", "湖州市")
EXAMPLES = ("textile-early", "auto-parts-midway", "equipment-advanced")


# ---------------------------------------------------------------------------- seeding

def seed(store: Any, n: int) -> list[str]:
    """The examples imported, then ``n - 3`` assessments in bulk; returns the examples' ids."""
    from sqlalchemy import select

    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.portfolio.frame import SAMPLE_NAME_MARK
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.session.session import Session
    from zhigai.core.store.summary_columns import stored_summary

    catalog = default_catalog()
    real = [Session.import_assessment(store, catalog, load_assessment(
        ROOT / "examples" / f"{name}.json")).id for name in EXAMPLES]
    a = store.t["assessment"]
    with store.engine.connect() as conn:
        templates = [dict(r) for r in conn.execute(select(a)).mappings()]
    rng = random.Random(18)
    rows: list[dict[str, Any]] = []
    firms = max((n - len(real)) // 2, 1)
    by_firm: dict[int, str] = {}
    with store.engine.begin() as conn:
        for i in range(n - len(real)):
            base = templates[i % len(templates)]
            summary = json.loads(base["summary_json"])
            levels = {d: round(rng.uniform(0, 4), 4) for d in summary["dimensions"]}
            index = 25 * sum(levels.values()) / len(levels)
            done = 1.0 if rng.random() < 0.85 else round(rng.uniform(0.05, 0.99), 2)
            date = f"20{rng.randint(22, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            summary.update(index=round(index, 2), stage_index=min(int(index // 25), 4),
                           stage_weakest=min(int(min(levels.values())), 4), completeness=done,
                           date=date, dimensions=levels)
            firm = rng.randrange(firms)
            aid = f"{i:08x}-{rng.getrandbits(16):04x}-4000-8000-{rng.getrandbits(48):012x}"
            sample = rng.random() < 0.01
            name = (SAMPLE_NAME_MARK if sample else "") + f"企业{firm}号{base['company_name'][-6:]}"
            stamp = f"{date}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:" \
                    f"{rng.randint(0, 59):02d}.{i % 1000000:06d}+00:00"
            rows.append({**base, "id": aid, "firm_key": f"name:firm{firm}",
                         "company_name": name, "city": rng.choice(CITIES),
                         "kind": "expert" if rng.random() < 0.3 else "self",
                         "status": "complete" if done == 1.0 else "draft",
                         "previous_id": by_firm.get(firm) if rng.random() < 0.3 else None,
                         "created_at": stamp, "updated_at": stamp,
                         **stored_summary(summary)})
            by_firm[firm] = aid
            if len(rows) == 5000:
                conn.execute(a.insert(), rows)
                rows = []
        if rows:
            conn.execute(a.insert(), rows)
    return real


# ---------------------------------------------------------------------------- measuring

def measure(store: Any, real: list[str], runs: int) -> dict[str, tuple[float, float]]:
    """name: (old seconds, new seconds)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from zhigai.core.portfolio.frame import (
        Filter,
        dimension_averages,
        stage_by_industry,
        stage_distribution,
    )
    from zhigai.core.portfolio.frame import frame as portfolio_frame
    from zhigai.core.portfolio.scope import Scope
    from zhigai.core.portfolio.stored import stored_frame
    from zhigai.core.portfolio.tables import Labels
    from zhigai.core.portfolio.tables import tables as portfolio_tables
    from zhigai.gui.models import AssessmentTableModel

    _app = QApplication.instance() or QApplication([])
    labels = Labels.default()
    dims = list(labels.dimensions)

    def first_screen(model: Any) -> None:
        for row in range(min(40, model.rowCount())):
            for column in range(model.columnCount()):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    def home_old(search: str = "") -> None:
        model = AssessmentTableModel("zh")
        model.set_rows(store.assessments(search), store.assessments() if search else None)
        model.sort(3, Qt.SortOrder.DescendingOrder)   # the old proxy sorted by date
        first_screen(model)

    def home_new(search: str = "") -> None:
        model = AssessmentTableModel("zh")
        model.load(store, search)
        first_screen(model)

    def sort_old() -> None:
        model = AssessmentTableModel("zh")
        model.set_rows(store.assessments())
        model.sort(3, Qt.SortOrder.AscendingOrder)
        first_screen(model)

    def sort_new() -> None:
        model = AssessmentTableModel("zh")
        model.load(store)
        model.sort(3, Qt.SortOrder.AscendingOrder)
        first_screen(model)

    def tables_of(df: Any) -> None:
        shown = Filter().apply(Scope().apply(df).frame)
        stage_distribution(shown)
        stage_by_industry(shown)
        dimension_averages(shown)
        portfolio_tables(shown, "zh", labels.including(df))

    from PySide6.QtCore import QObject, Signal

    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.gui.portfolio_page import PortfolioPage

    class Listing:
        """The store as the old screen read it: every row through Store.assessments()."""

        def assessments(self) -> list[Any]:
            return store.assessments()

    class Context(QObject):
        languageChanged = Signal(str)
        storeChanged = Signal()

        def __init__(self, over: Any) -> None:
            super().__init__()
            self.lang, self.store = "zh", over

        def catalog(self) -> Any:
            return default_catalog()

    pages: list[Any] = []

    def screen(over: Any) -> None:
        pages.append(PortfolioPage(Context(over), min_peers=5))

    prefix = real[1][:8]

    def find_old() -> None:
        matches = [r for r in store.assessments() if r.id.startswith(prefix)]
        store.load(matches[0].id)

    def find_new() -> None:
        store.load(store.resolve(prefix))

    cases = {
        "home: first page shown": (home_old, home_new),
        "home: search 杭州": (lambda: home_old("杭州"), lambda: home_new("杭州")),
        "home: sort by date": (sort_old, sort_new),
        "portfolio: frame + scope + tables": (
            lambda: tables_of(portfolio_frame(store.assessments(), dims)),
            lambda: tables_of(stored_frame(store, dims))),
        "portfolio: the screen opened": (lambda: screen(Listing()), lambda: screen(store)),
        "report: find an id prefix + load": (find_old, find_new),
    }
    out = {}
    for name, (old, new) in cases.items():
        out[name] = (median_seconds(old, runs=max(runs // 2, 1)), median_seconds(new, runs=runs))
        for page in pages:
            page.deleteLater()
        pages.clear()
    return out


def run_on(url: str, n: int, runs: int) -> tuple[float, dict[str, tuple[float, float]]]:
    from zhigai.core.store.store import Store

    store = Store.open(url)
    try:
        start = time.perf_counter()
        real = seed(store, n)
        seeded = time.perf_counter() - start
        return seeded, measure(store, real, runs)
    finally:
        store.close()


def postgres(admin: str, n: int, runs: int) -> tuple[float, dict[str, tuple[float, float]]]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"zhigai_bench_{os.getpid()}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return run_on(make_url(admin).set(database=name).render_as_string(hide_password=False),
                      n, runs)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=int(os.environ.get("ZHIGAI_BENCH_N",
                                                                       100_000)))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"calibration (pure-Python loop): {calibration() * 1000:.3f} ms")
    results: dict[str, tuple[float, dict[str, tuple[float, float]]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = run_on(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", args.rows,
                                   args.runs)
    admin = os.environ.get("ZHIGAI_BENCH_PG")
    if admin:
        results["PostgreSQL"] = postgres(admin, args.rows, args.runs)
    goals = {"home: first page shown": 0.5, "portfolio: frame + scope + tables": 1.5,
             "portfolio: the screen opened": 1.5}
    print(f"\n{args.rows:,} assessments; medians in ms; old = Store.assessments() path, "
          "ratio = new / old")
    head = f"{'':36}" + "".join(f"{db + ' old':>15}{db + ' new':>15}{'ratio':>8}"
                                 for db in results)
    print(head)
    for name in next(iter(results.values()))[1]:
        line = f"{name:<36}"
        for _seeded, figures in results.values():
            old, new = figures[name]
            line += f"{old * 1000:15.1f}{new * 1000:15.1f}{new / old:8.3f}"
        if name in goals:
            ok = all(f[name][1] <= goals[name] for _s, f in results.values())
            line += f"   goal {goals[name] * 1000:g} ms ({'ok' if ok else 'OVER GOAL'})"
        print(line)
    print("seeding: " + ", ".join(f"{db} {s:.1f} s" for db, (s, _f) in results.items()))


if __name__ == "__main__":
    main()
