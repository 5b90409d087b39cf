"""The new-assessment page and the questionnaire: the profile validated as you type, a whole
questionnaire with the keyboard, live skip logic, restart and resume, switching language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from gui_helpers import answer_with_keyboard, create_via_ui, fill_profile, type_into

# ---------------------------------------------------------------------------- profile

def test_profile_validates_as_you_type(qtbot: Any, start: Any) -> None:
    window = start(lang="zh")
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    page = window.page
    assert page is not None and page.form is not None
    code = page.form.editors["credit_code"]
    type_into(qtbot, code.editor, "914403001922038217")
    assert code.error.isVisible()
    assert code.error.text() == "校验码不对：最后一位是“7”，按前 17 位应为“6”，请检查是否输错"
    code.editor.setText("914403001922038216")
    assert not code.error.isVisible()
    employees = page.form.editors["employees"]
    type_into(qtbot, employees.editor, "12.5")
    assert employees.error.text() == "“12.5”不是整数"
    type_into(qtbot, employees.editor, "0")
    assert "小于允许的最小值 1" in employees.error.text()
    type_into(qtbot, employees.editor, "120")
    assert not employees.error.isVisible()
    revenue = page.form.editors["revenue"]
    type_into(qtbot, revenue.editor, "abc")
    assert revenue.error.text() == "“abc”不是数字"
    revenue.editor.clear()
    # create with required fields missing: an inline message names them, nothing is created
    qtbot.mouseClick(page.create, Qt.MouseButton.LeftButton)
    assert page.problem.isVisible() and "企业名称" in page.problem.text()
    assert window.ctx.store.count() == 0
    fill_profile(qtbot, page, company_name="深圳测试精密有限公司", city="宁波市",
                 industry="pump_valve")
    assert page.modules.isVisible() and "泵阀行业模块" in page.modules.text()
    qtbot.mouseClick(page.create, Qt.MouseButton.LeftButton)
    session = window.page.session
    assert session.assessment.profile["employees"] == 120
    assert [m.id for m in session.instrument.modules] == ["pump-valve"]
    assert window.ctx.store.count() == 1


@pytest.fixture(params=["local", "slow server"])
def store_speed(request: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """On a slow server every save waits with the event loop running (see off_thread): the
    focus must stay where the user is."""
    if request.param == "slow server":
        from zhigai.gui import off_thread
        monkeypatch.setattr(off_thread, "QUICK_S", 0.0)
    return str(request.param)


def test_whole_questionnaire_with_the_keyboard(qtbot: Any, start: Any, store_speed: str) -> None:
    window = start()
    page = create_via_ui(qtbot, window)
    assert page.tabs.currentWidget() is page.questions
    answered = answer_with_keyboard(qtbot, window)
    session = page.session
    assert session.score.complete, session.score.missing
    assert answered >= 75
    assert page.tabs.currentWidget() is page.results        # Enter after the last question
    # the results screen opens with the stage in one sentence; the index and both rules are
    # one click below
    results = page.results
    score = session.score
    assert results.verdict.value.text().startswith(str(score.stage_weakest_link))
    assert results.verdict.detail.text().startswith("Your factory is at stage ")
    assert f"{score.index:.1f}" in results.rules_toggle.text()
    assert not results.rule.isVisible()
    qtbot.mouseClick(results.rules_toggle, Qt.MouseButton.LeftButton)
    assert results.rule.isVisible() and "Weighted index" in results.rule.text()
    assert not results.banner.isVisible()
    assert results.table_model.rowCount() == 10
    titles = [w.text() for w in results.findChildren(QLabel) if w.objectName() == "subtitle"]
    first = session.instrument.dimension_by_id[score.priorities[0].dimension]
    assert any(t.startswith(f"1. {first.name.get('en')}") for t in titles)
    row = window.ctx.store.row(session.id)
    assert row.status == "complete" and row.summary["index"] == pytest.approx(score.index, 0.01)


def test_skip_logic_is_applied_live(qtbot: Any, start: Any) -> None:
    window = start()
    page = create_via_ui(qtbot, window)
    view = page.questions
    view.focus_question("eq_robot_count")
    robots, vision = view.cards["eq_robot_count"], view.cards["eq_robot_vision"]
    assert not vision.isVisible()
    robots.line.clear()
    qtbot.keyClicks(robots.line, "3")
    qtbot.keyClick(robots.line, Qt.Key.Key_Return)
    assert vision.isVisible()
    assert QApplication.focusWidget() is vision or vision.isAncestorOf(
        QApplication.focusWidget())          # Enter moved on to the revealed follow-up
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)  # no N here: not allowed
    assert "eq_robot_vision" not in page.session.assessment.answers
    view.focus_question("eq_robot_count")
    qtbot.keyClick(robots.line, Qt.Key.Key_N)  # typed into the number box, not an action
    robots.line.clear()
    qtbot.keyClicks(robots.line, "0")
    qtbot.keyClick(robots.line, Qt.Key.Key_Return)
    assert not vision.isVisible()


def test_restart_and_resume(qtbot: Any, start: Any, data_dir: Path) -> None:
    window = start()
    create_via_ui(qtbot, window)
    answer_with_keyboard(qtbot, window, stop_after=12)
    session = window.page.session
    answers = {k: v.value for k, v in session.assessment.answers.items()}
    where = window.page.last_position()
    assert len(answers) == 12 and where is not None
    window.close()

    again = start()
    home = again.home
    qtbot.waitUntil(lambda: home.model.rowCount() == 1)
    row = home.model.rows[0]
    assert row.status == "draft" and row.company_name == "绍兴键盘测试纺织有限公司"
    assert home.model.display(row, "status").startswith("Draft")
    home.select(row.id)
    qtbot.mouseClick(home.open_button, Qt.MouseButton.LeftButton)
    page = again.page
    assert {k: v.value for k, v in page.session.assessment.answers.items()} == answers
    assert page.tabs.currentWidget() is page.questions
    focus = QApplication.focusWidget()
    assert page.questions.cards[where] is focus or page.questions.cards[where].isAncestorOf(focus)


def test_language_switch_keeps_work(qtbot: Any, start: Any) -> None:
    window = start(lang="zh")
    page = create_via_ui(qtbot, window)
    answer_with_keyboard(qtbot, window, stop_after=5)
    answers = dict(page.session.assessment.answers)
    window.language_actions["en"].trigger()
    page = window.page
    assert page.tabs.tabText(1) == "Questionnaire"
    assert page.session.assessment.answers == answers
    window.language_actions["zh"].trigger()
    assert window.page.tabs.tabText(1) == "问卷"


def test_questions_are_numbered_as_shown(qtbot: Any, start: Any) -> None:
    """The shown questions of a part are numbered 1..n without gaps, renumbered as follow-up
    questions appear or hide; the total says it counts what is shown now."""
    import re

    window = start()
    page = create_via_ui(qtbot, window)
    view = page.questions
    view.focus_question("eq_robot_count")
    robots, vision = view.cards["eq_robot_count"], view.cards["eq_robot_vision"]
    dim = robots.q.dimension
    part = [d.id for d in page.session.instrument.dimensions].index(dim) + 1

    def numbers() -> list[str]:
        return [view.cards[q.id].number.text() for q in page.session.instrument.by_dimension[dim]
                if not view.cards[q.id].isHidden()]

    def total() -> int:
        found = re.fullmatch(r"Answered (\d+) of (\d+) questions", view.progress_label.text())
        assert found, view.progress_label.text()
        return int(found.group(2))

    assert vision.isHidden()
    assert numbers() == [f"{part}.{n}" for n in range(1, len(numbers()) + 1)]
    before, shown = total(), len(numbers())
    assert "follow-up questions add to it" in view.count_note.text()
    assert view.count_note.isVisible()
    robots.line.clear()
    qtbot.keyClicks(robots.line, "3")
    qtbot.keyClick(robots.line, Qt.Key.Key_Return)
    assert not vision.isHidden()
    assert numbers() == [f"{part}.{n}" for n in range(1, shown + 2)]   # no gap, one more
    at = numbers().index(robots.number.text())
    assert vision.number.text() == f"{part}.{at + 2}"                   # right after it
    assert total() == before + 1
    view.focus_question("eq_robot_count")
    robots.line.clear()
    qtbot.keyClicks(robots.line, "0")
    qtbot.keyClick(robots.line, Qt.Key.Key_Return)
    assert vision.isHidden()
    assert numbers() == [f"{part}.{n}" for n in range(1, shown + 1)]
    assert total() == before
