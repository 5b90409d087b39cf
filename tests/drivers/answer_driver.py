"""Runs the real application and answers questions by clicking its widgets, forever.

Prints ``TRY <question> <json value>`` before a click and ``ACK <question> <json value>`` once
the application has saved it (its "saved" signal fired). tests/test_crash_safety.py kills this
process with SIGKILL at random moments and checks the store.

    python answer_driver.py SEED
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "desktop"))


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from zhigai.gui.app import create_app

    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    app, window = create_app(["--lang", "en"])

    def pump(seconds: float = 0.0) -> None:
        end = time.monotonic() + seconds
        while True:
            QApplication.processEvents()
            if time.monotonic() >= end:
                return
            time.sleep(0.002)

    while window.ctx.store is None or not window.ctx.catalog_ready:
        pump(0.01)
    store = window.ctx.store
    rows = store.assessments()
    if rows:
        assessment_id = rows[0].id
    else:
        from zhigai.core.session.session import Session

        assessment_id = Session.create(store, window.ctx.catalog(), "zhigai-readiness", profile={
            "company_name": "崩溃测试有限公司", "city": "杭州市", "industry": "textile",
            "employees": 80}).id
    window.open_assessment(assessment_id, tab=1)
    pump(0.05)
    page = window.page
    view = page.questions
    saved: list[str] = []
    page.controller.answerSaved.connect(saved.append)
    print("READY", assessment_id, flush=True)

    kinds = ("single", "yesno", "number", "percent")
    while True:
        states = page.session.score.questions
        shown = [q for q in page.session.instrument.questions
                 if q.type in kinds and states[q.id].state in ("answered", "missing", "na")]
        q = rng.choice(shown)
        view.focus_question(q.id)
        card = view.cards[q.id]
        saved.clear()
        if q.type in ("single", "yesno"):
            index = rng.randrange(len(card.buttons))
            value = card.option_ids[index]
            print("TRY", q.id, json.dumps(value), flush=True)
            QTest.mouseClick(card.buttons[index], Qt.MouseButton.LeftButton)
        else:
            top = 100 if q.type == "percent" else 40
            value = rng.randrange(0, top + 1)
            print("TRY", q.id, json.dumps(value), flush=True)
            card.line.setFocus()
            card.line.clear()
            QTest.keyClicks(card.line, str(value))
            QTest.keyClick(card.line, Qt.Key.Key_Return)
        if q.id in saved:
            stored = page.session.assessment.answers[q.id].value
            print("ACK", q.id, json.dumps(stored), flush=True)
        pump(0.001)


if __name__ == "__main__":
    main()
