"""Safe editing (issue 16), driving the real widgets: the mouse wheel never changes an unfocused
box anywhere (it scrolls the page), a change of industry that hides questions asks first and
keeps the answers, the date field is one Tab stop that typing cannot change, and a typed new
assessment is never thrown away without a question (and survives a restart as a draft)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zhigai.core.session.draft import DRAFT_FILE, load_draft

from gui_helpers import seed, type_into

DISCARD_NEW = "放弃这份未保存的新评估？"


def wheel(widget: QWidget, notches: int = -1) -> bool:
    """One turn of the mouse wheel over the middle of ``widget`` (down for negative)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


class Answers:
    """Answers the message boxes that come up, in turn, by clicking the named button (a
    standard button or a part of the button's text), as a person would; a box nobody expected
    is recorded and closed, so a test never hangs on it."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.texts: list[str] = []
        self.unexpected: list[str] = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        if not self.answers:
            self.unexpected.append(box.text())
            box.reject()
            return
        want = self.answers.pop(0)
        if isinstance(want, QMessageBox.StandardButton):
            button = box.button(want)
        else:
            button = next((b for b in box.buttons() if want in b.text().replace("&", "")),
                          None)
        if button is None:                    # not the box this answer was for
            self.unexpected.append(box.text())
            box.reject()
            return
        self.texts.append(box.text())
        button.click()

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def answers() -> Iterator[Any]:
    made: list[Answers] = []

    def make(*wanted: Any) -> Answers:
        for old in made:
            old.stop()
        made.append(Answers(*wanted))
        return made[-1]

    yield make
    for box in made:
        box.stop()


def new_page(qtbot: Any, window: Any) -> Any:
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: type(window.page).__name__ == "NewAssessmentPage", timeout=5000)
    return window.page


def open_profile(qtbot: Any, start: Any, data_dir: Path, root: Path) -> Any:
    (assessment_id,) = seed(data_dir, root, "textile-early")
    window = start("zh")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)   # the focus stays where the test puts it
    window.open_assessment(assessment_id, tab=0)
    page = window.page
    assert type(page).__name__ == "AssessmentPage"
    qtbot.wait(100)                           # the page settles (its first focus)
    return window, page


# ---------------------------------------------------------------------------- the wheel

def test_the_wheel_over_an_unfocused_drop_down_scrolls_the_new_assessment_page(
        qtbot: Any, start: Any, answers: Any) -> None:
    window = start("zh")
    page = new_page(qtbot, window)
    industry = page.form.editors["industry"].editor
    industry.setCurrentIndex(industry.findData("textile"))
    page.form.editors["company_name"].editor.setFocus()
    bar = page.scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the form should be longer than the window"
    assert industry.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert page.choice.focusPolicy() == Qt.FocusPolicy.StrongFocus
    for _ in range(3):                        # three notches changed 纺织 to 泵阀 before
        wheel(industry)
    assert industry.currentData() == "textile"
    assert bar.value() > 0                    # the page scrolled instead
    assert page.form.editors["company_name"].editor.hasFocus()
    # once it has the focus (a click or Tab) the wheel does change it: the guard is not a lock
    industry.setFocus()
    wheel(industry)
    assert industry.currentData() == "apparel"
    page.form.editors["industry"].editor.setCurrentIndex(0)
    box = answers()
    page.cancel.click()                       # the form is empty again: no question
    assert not box.unexpected and window.page is None


def test_the_wheel_never_changes_an_unfocused_box_of_an_open_assessment(
        qtbot: Any, start: Any, data_dir: Path, root: Path, answers: Any) -> None:
    window, page = open_profile(qtbot, start, data_dir, root)
    box = answers()
    industry = page.profile.editors["industry"].editor
    assert industry.currentData() == "textile" and not industry.hasFocus()
    for _ in range(3):
        wheel(industry)
    qtbot.wait(700)                           # past the profile's save delay
    assert industry.currentData() == "textile"
    assert page.session.assessment.profile["industry"] == "textile"
    assert [m.id for m in page.session.instrument.modules] == ["textile"]
    assert not box.unexpected


def test_spin_boxes_and_their_line_edits_are_guarded_application_wide(
        qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    seed(data_dir, root, "textile-early", "auto-parts-midway")
    window = start("zh")
    window.show_portfolio()
    peers = window.page.peers
    assert peers.focusPolicy() == Qt.FocusPolicy.StrongFocus
    before = peers.value()
    window.page.table.setFocus()
    wheel(peers, 1)
    wheel(peers.findChild(QLineEdit), 1)      # the spin box's own line edit, under the mouse
    assert peers.value() == before
    peers.setFocus()
    wheel(peers, 1)                           # focused: the wheel steps it
    assert peers.value() == before + 1
    # a box made later, anywhere (here a decimal box in a scrolling panel), is guarded too
    area = QScrollArea()
    qtbot.addWidget(area)
    holder = QWidget()
    column = QVBoxLayout(holder)
    amount = QDoubleSpinBox()
    amount.setValue(2.5)
    column.addWidget(amount)
    combo = QComboBox()
    combo.addItems(["一", "二", "三"])
    column.addWidget(combo)
    for _ in range(30):
        column.addWidget(QLineEdit())
    area.setWidget(holder)
    area.resize(300, 200)
    area.show()
    qtbot.waitExposed(area)
    assert isinstance(amount, QAbstractSpinBox)
    assert amount.focusPolicy() == Qt.FocusPolicy.StrongFocus
    wheel(amount.findChild(QLineEdit))
    wheel(combo)
    assert amount.value() == 2.5 and combo.currentIndex() == 0
    assert area.verticalScrollBar().value() > 0


# ---------------------------------------------------------------------------- the industry

def test_changing_the_industry_asks_first_and_no_keeps_everything(
        qtbot: Any, start: Any, data_dir: Path, root: Path, answers: Any) -> None:
    window, page = open_profile(qtbot, start, data_dir, root)
    session = page.session
    kept = {q: a.value for q, a in session.assessment.answers.items()}
    industry = page.profile.editors["industry"].editor
    industry.setFocus()
    pump = industry.findData("pump_valve")
    box = answers(QMessageBox.StandardButton.No)
    industry.setCurrentIndex(pump)            # picked from the drop-down list
    industry.activated.emit(pump)
    assert box.texts == ["改为泵阀后，纺织服装行业模块的 5 道题将隐藏；已填的 5 个答案会保留，"
                         "改回纺织即可恢复。"]
    assert industry.currentData() == "textile"          # No: back to what was saved
    qtbot.wait(700)
    assert session.assessment.profile["industry"] == "textile"
    assert [m.id for m in session.instrument.modules] == ["textile"]
    assert not box.unexpected

    box = answers(QMessageBox.StandardButton.Yes)
    industry.setCurrentIndex(pump)
    industry.activated.emit(pump)
    assert len(box.texts) == 1
    assert session.assessment.profile["industry"] == "pump_valve"
    assert [m.id for m in session.instrument.modules] == ["pump-valve"]
    assert {q: a.value for q, a in session.assessment.answers.items()} == kept  # all kept
    from zhigai.core.store.store import Store

    stored = Store.open(session.store.url).load(session.id)
    assert stored.profile["industry"] == "pump_valve" and "tx_looms" in stored.answers
    qtbot.wait(700)
    assert not box.unexpected


def test_a_typed_value_that_hides_answers_asks_once_the_typing_is_done(
        qtbot: Any, start: Any, data_dir: Path, root: Path, answers: Any) -> None:
    window, page = open_profile(qtbot, start, data_dir, root)
    session = page.session
    employees = page.profile.editors["employees"].editor
    box = answers(QMessageBox.StandardButton.No)
    type_into(qtbot, employees, "30")         # fewer than 50 skip an answered question
    qtbot.wait(900)                           # a pause while typing: no question, no save
    assert box.texts == [] and session.assessment.profile["employees"] == 86
    qtbot.keyClick(employees, Qt.Key.Key_Return)
    assert len(box.texts) == 1 and "员工人数" in box.texts[0] or "人数" in box.texts[0]
    assert "30" in box.texts[0] and "86" in box.texts[0]
    assert employees.text() == "86" and session.assessment.profile["employees"] == 86
    assert not box.unexpected


# ---------------------------------------------------------------------------- the date

def test_the_date_is_one_tab_stop_typing_cannot_change_and_the_calendar_picks(
        qtbot: Any, start: Any, answers: Any) -> None:
    window = start("zh")
    window.activateWindow()
    page = new_page(qtbot, window)
    editors = page.form.editors
    date = editors["assessment_date"].editor
    before = editors["assessment_date"].raw()
    editors["main_products"].editor.setFocus()
    qtbot.keyClick(editors["main_products"].editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is date
    qtbot.keyClicks(date, "13800")            # a phone number typed into the wrong field
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Backspace):
        qtbot.keyClick(date, key)
    wheel(date)
    assert editors["assessment_date"].raw() == before
    assert QApplication.focusWidget() is date
    qtbot.keyClick(date, Qt.Key.Key_Tab)      # one more Tab leaves it
    assert QApplication.focusWidget() is editors["contact"].editor
    # the calendar: F4 (or Enter, Space, a click) opens it, the arrows and Enter pick a day
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_F4)
    popup = date.popup
    assert popup is not None and popup.isVisible()
    view = popup.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not popup.isVisible()
    picked = QDate.fromString(before, "yyyy-MM-dd").addDays(1).toString("yyyy-MM-dd")
    assert editors["assessment_date"].raw() == picked
    # a click on a day picks it too
    qtbot.mouseClick(date, Qt.MouseButton.LeftButton)
    assert popup.isVisible()
    view = popup.findChild(QTableView)
    index = next(view.model().index(r, c) for r in range(view.model().rowCount())
                 for c in range(view.model().columnCount())
                 if view.model().index(r, c).data() in ("15", 15))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert not popup.isVisible() and editors["assessment_date"].raw().endswith("-15")
    box = answers("放弃")                      # the date counts as typed: leaving asks
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert box.texts == [DISCARD_NEW] and window.page is None


# ---------------------------------------------------------------------------- discarding

def test_a_typed_new_assessment_is_never_discarded_without_a_question(
        qtbot: Any, start: Any, data_dir: Path, answers: Any) -> None:
    window = start("zh")
    page = new_page(qtbot, window)
    box = answers()
    qtbot.keyClick(page, Qt.Key.Key_Escape)   # untouched: goes without asking
    assert window.page is None and not box.unexpected

    page = new_page(qtbot, window)
    type_into(qtbot, page.form.editors["company_name"].editor, "绍兴测试纺织有限公司")
    box = answers("继续编辑", "继续编辑", "继续编辑", "继续编辑")
    qtbot.keyClick(page.form.editors["company_name"].editor, Qt.Key.Key_Escape)
    qtbot.mouseClick(page.cancel, Qt.MouseButton.LeftButton)
    window.go_home()
    window.close()
    assert box.texts == [DISCARD_NEW] * 4 and not box.unexpected
    assert window.page is page and window.isVisible()
    assert page.form.editors["company_name"].raw() == "绍兴测试纺织有限公司"

    qtbot.waitUntil(lambda: (data_dir / DRAFT_FILE).exists(), timeout=3000)
    box = answers("放弃")
    qtbot.mouseClick(page.cancel, Qt.MouseButton.LeftButton)
    assert box.texts == [DISCARD_NEW] and window.page is None
    assert not (data_dir / DRAFT_FILE).exists()          # an explicit discard drops the draft

    page = new_page(qtbot, window)
    assert not page.restored.isVisible()
    type_into(qtbot, page.form.editors["company_name"].editor, "关窗测试有限公司")
    box = answers("放弃")
    window.close()
    assert box.texts == [DISCARD_NEW] and not window.isVisible()


def test_the_new_assessment_survives_a_restart_as_a_draft(
        qtbot: Any, start: Any, data_dir: Path, answers: Any) -> None:
    window = start("zh")
    page = new_page(qtbot, window)
    type_into(qtbot, page.form.editors["company_name"].editor, "绍兴草稿纺织有限公司")
    industry = page.form.editors["industry"].editor
    industry.setFocus()
    qtbot.keyClick(industry, Qt.Key.Key_Down)  # 纺织
    qtbot.waitUntil(lambda: (load_draft(data_dir) or None) is not None
                    and "industry" in load_draft(data_dir).values, timeout=3000)
    draft = load_draft(data_dir)
    assert draft.values == {"company_name": "绍兴草稿纺织有限公司", "industry": "textile"}
    page.keep_as_draft()                      # as if the computer had been switched off
    window.close()

    again = start("zh")
    page = new_page(qtbot, again)
    assert page.restored.isVisible()
    assert page.form.editors["company_name"].raw() == "绍兴草稿纺织有限公司"
    assert page.form.editors["industry"].raw() == "textile"
    assert page.modules.isVisible()           # the industry's module is named again
    labels = [w.text() for w in page.restored.findChildren(QLabel)]
    assert "已恢复上次未完成的填写" in labels and page.clear_draft.text() == "清空(&L)"
    qtbot.mouseClick(page.clear_draft, Qt.MouseButton.LeftButton)
    assert not page.restored.isVisible() and not page.has_content()
    assert load_draft(data_dir) is None
    # typed again and created: the draft is gone with it
    editors = page.form.editors
    type_into(qtbot, editors["company_name"].editor, "绍兴创建纺织有限公司")
    type_into(qtbot, editors["city"].editor, "绍兴市")
    type_into(qtbot, editors["employees"].editor, "60")
    editors["industry"].editor.setCurrentIndex(editors["industry"].editor.findData("textile"))
    qtbot.waitUntil(lambda: load_draft(data_dir) is not None, timeout=3000)
    box = answers()
    qtbot.mouseClick(page.create, Qt.MouseButton.LeftButton)
    assert type(again.page).__name__ == "AssessmentPage"
    assert load_draft(data_dir) is None and not box.unexpected
    qtbot.wait(900)                           # no draft timer brings it back
    assert load_draft(data_dir) is None


def test_switching_the_questionnaire_keeps_the_shared_fields_or_asks(
        qtbot: Any, start: Any, root: Path, fixtures: Path, answers: Any) -> None:
    from zhigai.core.questionnaire.catalog import Catalog
    from zhigai.gui.new_page import NewAssessmentPage

    window = start("zh")
    catalog = Catalog.load([root / "questionnaires", fixtures / "valid"])
    page = NewAssessmentPage(window.ctx, catalog)
    qtbot.addWidget(page)
    assert page.choice.count() == 2
    ours = next(i for i in range(2) if page.choice.itemData(i)[0] == "zhigai-readiness")
    mini = 1 - ours
    page.choice.setCurrentIndex(ours)
    type_into(qtbot, page.form.editors["company_name"].editor, "切换测试有限公司")
    lost = [f for f in page.typed() if f not in catalog.instrument("mini").profile_fields]
    assert lost == ["company_name"]
    box = answers(QMessageBox.StandardButton.No)
    page.choice.setCurrentIndex(mini)
    assert len(box.texts) == 1 and "企业名称" in box.texts[0]
    assert page.choice.currentIndex() == ours
    assert page.form.editors["company_name"].raw() == "切换测试有限公司"
    box = answers(QMessageBox.StandardButton.Yes)
    page.choice.setCurrentIndex(mini)
    assert page.choice.currentIndex() == mini and "company_name" not in page.form.editors
    assert not box.unexpected
    page._done = True


# ---------------------------------------------------------------------------- dialogs

def test_dialogs_with_typed_text_ask_before_esc_or_cancel_throws_it_away(
        qtbot: Any, start: Any, answers: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from zhigai.gui.assessor_dialog import AssessorDialog
    from zhigai.gui.settings_dialog import SettingsDialog

    window = start("zh")
    for dialog, field in ((AssessorDialog(window), "name"),
                          (SettingsDialog([], window), "assessor_name")):
        qtbot.addWidget(dialog)
        dialog.show()
        box = answers()
        dialog.reject()                        # nothing typed: closes at once
        assert not dialog.isVisible() and not box.unexpected
        dialog.show()
        type_into(qtbot, getattr(dialog, field), "王建国")
        box = answers("继续编辑", "放弃")
        qtbot.keyClick(getattr(dialog, field), Qt.Key.Key_Escape)
        assert box.texts == ["放弃所做的修改？"] and dialog.isVisible()
        cancel = dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert len(box.texts) == 2 and not dialog.isVisible() and not box.unexpected
