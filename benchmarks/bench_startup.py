"""Start-up and answering figures of the desktop application (offscreen).

    python benchmarks/bench_startup.py

Goals (issue #3): start-up until the home screen shows the store's assessments and the event
loop is idle, at most 2.0x a bare PySide6 window measured in the same run; an answer click
until saved and rescored under 10 ms (median).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _util import ROOT, report

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1180, 780)
window.show()
def ready():
    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def spawn_until(args: list[str], env: dict[str, str], marker: str,
                also: str | None = None) -> tuple[float, float | None]:
    """Seconds from spawning the process until it prints ``marker`` (and ``also``)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    first = second = None
    assert process.stdout is not None
    for line in process.stdout:
        now = time.perf_counter() - start
        if first is None and line.startswith(marker):
            first = now
            if also is None:
                break
        elif also is not None and line.startswith(also):
            second = now
            break
    process.wait(30)
    assert first is not None, f"{args} never printed {marker!r}"
    return first, second


def seed_store(data_dir: Path, count: int) -> None:
    sys.path.insert(0, str(ROOT / "desktop"))
    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    store = Store.open(sqlite_url(data_dir / DB_FILE))
    catalog = default_catalog()
    examples = [load_assessment(p) for p in sorted((ROOT / "examples").glob("*.json"))]
    for n in range(count):
        copy = examples[n % len(examples)].model_copy(deep=True)
        copy.id = f"bench-{n:05d}"
        Session.import_assessment(store, catalog, copy)
    store.close()


def answer_clicks(data_dir: Path, runs: int = 300) -> tuple[float, float]:
    """Median seconds of (a) a real click on an option until saved and rescored, GUI refresh
    included, and (b) the core alone (validate, save, rescore)."""
    import random

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from zhigai.gui.app import create_app

    app, window = create_app(["--lang", "zh"])
    while window.ctx.store is None or not window.ctx.catalog_ready:
        QApplication.processEvents()
        time.sleep(0.005)
    window.open_assessment("bench-00000", tab=1)
    page = window.page
    view = page.questions
    view.dim_list.setCurrentRow(2)
    cards = [c for qid, c in view.cards.items()
             if c.q.type == "single" and c.q.dimension == view.current_dimension()]
    rng = random.Random(3)
    clicks = []
    for _ in range(runs):
        card = rng.choice(cards)
        button = rng.choice(card.buttons)
        start = time.perf_counter()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        clicks.append(time.perf_counter() - start)
        QApplication.processEvents()
    session = page.session
    core = []
    singles = [q for q in session.instrument.questions if q.type == "single"]
    for _ in range(runs):
        q = rng.choice(singles)
        option = rng.choice(q.options or [])
        start = time.perf_counter()
        session.answer(q.id, option.id)
        core.append(time.perf_counter() - start)
    window.close()
    from zhigai.gui.worker import wait_for_background

    wait_for_background()
    return statistics.median(clicks), statistics.median(core)


def main() -> None:
    runs = 9
    data_dir = Path(tempfile.mkdtemp(prefix="zhigai-bench-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZHIGAI_DATA_DIR": str(data_dir),
           "ZHIGAI_CONFIG_DIR": str(data_dir / "config"),
           "PYTHONPATH": str(ROOT / "desktop")}
    env.pop("ZHIGAI_DB_URL", None)
    # as on a user's machine: compiled bytecode is cached after the first start (some
    # sandboxes set PYTHONDONTWRITEBYTECODE, which would recompile every module each time)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    seed_store(data_dir, 60)
    app_args = [sys.executable, "-m", "zhigai.gui", "--quit-when-ready", "--lang", "zh"]
    bare, ours, full = [], [], []
    spawn_until(app_args, env, "ready")  # warm the file cache and the translations
    for _ in range(runs):  # alternate so both see the same machine state
        bare.append(spawn_until([sys.executable, "-c", BARE], env, "ready")[0])
        first, second = spawn_until(app_args, env, "ready in", also="store open in")
        ours.append(first)
        full.append(second or first)
    b, o, f = (statistics.median(x) for x in (bare, ours, full))
    print(f"(process wall time from spawn, median of {runs}; store of 60 assessments)")
    report("bare PySide6 window shown and idle", b)
    report("Zhigai home screen with the assessments, idle", o, baseline=b,
           baseline_name="bare (goal <= 2.0x)")
    report("Zhigai store fully open (SQLAlchemy, in background)", f, baseline=b,
           baseline_name="bare")
    os.environ.update({k: env[k] for k in ("QT_QPA_PLATFORM", "ZHIGAI_DATA_DIR",
                                           "ZHIGAI_CONFIG_DIR")})
    click, core = answer_clicks(data_dir)
    report("answer click -> saved (committed) and rescored, GUI refreshed", click, goal=0.010)
    report("  of which the core: validate, save, rescore", core, goal=0.010)


if __name__ == "__main__":
    main()
