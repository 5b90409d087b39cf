"""The results tab: it follows each answer, and a follow-up assessment shows the change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

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
    assert f"{page.session.score.index:.1f}" in results.by_index.detail.text()
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
    qtbot.mouseClick(window.home.follow_button, Qt.MouseButton.LeftButton)
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
