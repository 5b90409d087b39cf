"""The results tab: it follows each answer, and a follow-up assessment shows the change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

from gui_helpers import answer_with_keyboard, create_via_ui, seed


def test_results_follow_each_answer(qtbot: Any, start: Any) -> None:
    window = start()
    page = create_via_ui(qtbot, window)
    answer_with_keyboard(qtbot, window)
    results = page.results
    before = page.session.score.index
    page.tabs.setCurrentWidget(page.questions)
    page.questions.focus_question("eq_cnc_rate")
    line = page.questions.cards["eq_cnc_rate"].line
    line.clear()
    qtbot.keyClicks(line, "95")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert page.session.score.index > before
    page.tabs.setCurrentWidget(results)       # the results page refreshes when it is shown
    assert f"{page.session.score.index:.1f}" in results.rules_toggle.text()
    page.tabs.setCurrentWidget(page.questions)
    # an invalid number is refused with a message and nothing changes
    page.questions.focus_question("eq_cnc_rate")
    line.clear()
    qtbot.keyClicks(line, "150")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    card = page.questions.cards["eq_cnc_rate"]
    assert card.error.isVisible() and "above the largest allowed answer 100" in card.error.text()
    assert page.session.assessment.answers["eq_cnc_rate"].value == 95


def test_follow_up_shows_change(qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    (first,) = seed(data_dir, root, "textile-early")
    window = start()
    window.home.select(first)

    def yes() -> None:   # re-assess asks first (test_gui_home checks what it says)
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(200, yes)
    qtbot.mouseClick(window.home.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: type(window.page).__name__ == "AssessmentPage", timeout=5000)
    page = window.page
    assert page.session.assessment.previous_id == first
    card = page.questions.cards.get("eq_cnc_rate") or (
        page.questions.focus_question("eq_cnc_rate") or page.questions.cards["eq_cnc_rate"])
    assert card.previous.isVisible() and card.previous.text() == "Last time: 12%"
    page.questions.focus_question("eq_cnc_rate")
    card.line.clear()
    qtbot.keyClicks(card.line, "65")
    qtbot.keyClick(card.line, Qt.Key.Key_Return)
    page.tabs.setCurrentWidget(page.results)
    assert page.results.change.isVisible()
    assert "Since the assessment of 2026-11-20" in page.results.change.text()
    change = page.session.comparison
    equipment = {d.dimension: d for d in change.dimensions}["equipment"]
    assert equipment.delta > 0


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("firm", ["office-ahead-pump-maker", "contract-machinist",
                                  "half-finished", "mechanized-weaving-mill"])
def test_results_say_what_the_verdict_module_says(qtbot: Any, start: Any, data_dir: Path,
                                                  root: Path, firm: str, lang: str) -> None:
    """The GUI shows the same headline, rule lines and "now" texts as `zhigai score` and the
    report (tests/test_verdict_outputs.py), for reference firms in both languages."""
    from PySide6.QtWidgets import QLabel

    from zhigai.core.assessment import verdict

    (first,) = seed(data_dir, root, f"reference/{firm}/assessment")
    window = start(lang=lang)
    window.home.select(first)
    qtbot.mouseClick(window.home.open_button, Qt.MouseButton.LeftButton)
    page = window.page
    page.tabs.setCurrentWidget(page.results)
    session, results = page.session, page.results
    said = verdict.summary_texts(session.score, session.instrument, session.assessment.answers,
                                 lang)
    assert results.verdict.detail.text() == said["headline"]
    assert results.rule.text().split("\n")[:len(said["rules"])] == said["rules"]
    shown = {w.text() for w in results.findChildren(QLabel)}
    assert set(said["now"].values()) <= shown
    assert results.banner.isVisible() is (not session.score.complete)
