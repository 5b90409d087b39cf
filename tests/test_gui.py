"""The desktop application driven as a user would: real widgets, keyboard and mouse."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPlainTextEdit

from zhigai.core.assessment.model import load_assessment


def seed(data_dir: Path, root: Path, *names: str) -> list[str]:
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    store = Store.open(sqlite_url(data_dir / DB_FILE))
    ids = [Session.import_assessment(store, default_catalog(),
                                     load_assessment(root / "examples" / f"{n}.json")).id
           for n in names]
    store.close()
    return ids


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type as a user would: ASCII as key presses, Chinese as the input method commits it."""
    from PySide6.QtGui import QInputMethodEvent

    for part in _runs(text):
        if part.isascii():
            qtbot.keyClicks(widget, part)
        else:
            event = QInputMethodEvent()
            event.setCommitString(part)
            QApplication.sendEvent(widget, event)


def _runs(text: str) -> list[str]:
    runs: list[str] = []
    for ch in text:
        if runs and runs[-1][-1].isascii() == ch.isascii():
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.clear()
    type_text(qtbot, widget, text)


def fill_profile(qtbot: Any, page: Any, **values: str) -> None:
    for field, text in values.items():
        editor = page.form.editors[field].editor
        if field == "industry":
            editor.setCurrentIndex(editor.findData(text))
        else:
            type_into(qtbot, editor, text)


# ---------------------------------------------------------------------------- home

def test_home_table_model_without_widgets(data_dir: Path, root: Path) -> None:
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.store.store import Store
    from zhigai.gui.models import AssessmentTableModel

    seed(data_dir, root, "textile-early", "auto-parts-midway")
    store = Store.open(sqlite_url(data_dir / DB_FILE))
    model = AssessmentTableModel("zh")
    model.set_rows(store.assessments())
    assert model.rowCount() == 2 and model.columnCount() == 6
    shown = {model.index(r, 0).data(): [model.index(r, c).data() for c in range(6)]
             for r in range(2)}
    textile = shown["绍兴柯桥锦程织造有限公司"]
    assert textile[1:5] == ["纺织", "绍兴市", "2026-11-20", "Complete"]
    assert textile[5] == "1 机械化与自动化 / 0 手工为主"
    model.set_language("en")
    assert model.index(0, 1).data() in ("Textiles", "Automobile & motorcycle parts")
    stage_sort = [model.index(r, 5).data(AssessmentTableModel.SortRole) for r in range(2)]
    assert sorted(stage_sort) == [1, 2]
    store.close()


def test_home_lists_searches_and_deletes_with_confirmation(qtbot: Any, start: Any,
                                                           data_dir: Path, root: Path) -> None:
    seed(data_dir, root, "textile-early", "auto-parts-midway", "equipment-advanced")
    window = start()
    home = window.home
    qtbot.waitUntil(lambda: home.model.rowCount() == 3)
    type_text(qtbot, home.search, "玉环")
    qtbot.waitUntil(lambda: home.model.rowCount() == 1)
    assert home.model.rows[0].company_name == "玉环恒达汽车零部件有限公司"
    home.search.clear()
    qtbot.waitUntil(lambda: home.model.rowCount() == 3)
    home.select(home.model.rows[-1].id)
    victim = home.selected_id()

    def answer_dialog(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        assert "cannot be restored" in box.text()
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no {button_text} button")

    QTimer.singleShot(200, lambda: answer_dialog("Cancel"))
    qtbot.mouseClick(home.delete_button, Qt.MouseButton.LeftButton)
    assert home.model.rowCount() == 3             # cancelled: nothing deleted
    QTimer.singleShot(200, lambda: answer_dialog("Delete"))
    qtbot.mouseClick(home.delete_button, Qt.MouseButton.LeftButton)
    assert home.model.rowCount() == 2
    assert victim not in {r.id for r in home.model.rows}


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


# ---------------------------------------------------------------------------- answering

def answer_with_keyboard(qtbot: Any, window: Any, limit: int = 400,
                         stop_after: int | None = None) -> int:
    """Answer every shown question from the keyboard: number keys, digits, Enter."""
    from zhigai.gui.question_card import QuestionCard

    page = window.page
    answered = 0
    for _ in range(limit):
        if page.tabs.currentWidget() is page.results:
            break
        focus = QApplication.focusWidget()
        card = focus
        while card is not None and not isinstance(card, QuestionCard):
            card = card.parentWidget()
        assert card is not None, f"focus is on {focus!r}, not on a question"
        q = card.q
        if q.type in ("single", "yesno"):
            key = Qt.Key.Key_2 if len(card.buttons) > 2 else Qt.Key.Key_1
            qtbot.keyClick(focus, key)
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        elif q.type == "multi":
            qtbot.keyClick(focus, Qt.Key.Key_2)
            qtbot.keyClick(focus, Qt.Key.Key_3)
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        elif q.type in ("number", "percent"):
            assert isinstance(focus, QLineEdit)
            focus.clear()
            qtbot.keyClicks(focus, "35")
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        else:
            assert isinstance(focus, QPlainTextEdit)
            type_text(qtbot, focus, "没有")
            qtbot.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        answered += 1
        if stop_after is not None and answered >= stop_after:
            break
    return answered


def create_via_ui(qtbot: Any, window: Any, industry: str = "textile") -> Any:
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    page = window.page
    fill_profile(qtbot, page, company_name="绍兴键盘测试纺织有限公司", city="绍兴市",
                 industry=industry, employees="60")
    qtbot.keyClick(page.create, Qt.Key.Key_Space)
    return window.page


def test_whole_questionnaire_with_the_keyboard(qtbot: Any, start: Any) -> None:
    window = start()
    page = create_via_ui(qtbot, window)
    assert page.tabs.currentWidget() is page.questions
    answered = answer_with_keyboard(qtbot, window)
    session = page.session
    assert session.score.complete, session.score.missing
    assert answered >= 75
    assert page.tabs.currentWidget() is page.results        # Enter after the last question
    # the results screen shows both rules, the index and the gaps of this very score
    results = page.results
    score = session.score
    assert results.by_index.value.text().startswith(str(score.stage_by_index))
    assert results.by_weakest.value.text().startswith(str(score.stage_weakest_link))
    assert f"{score.index:.1f}" in results.by_index.detail.text()
    assert not results.banner.isVisible()
    assert results.table_model.rowCount() == 10
    titles = [w.text() for w in results.findChildren(QLabel) if w.objectName() == "subtitle"]
    first = session.instrument.dimension_by_id[score.priorities[0].dimension]
    assert any(t.startswith(f"1. {first.name.get('en')}") for t in titles)
    row = window.ctx.store.row(session.id)
    assert row.status == "complete" and row.summary["index"] == pytest.approx(score.index, 0.01)


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


# ---------------------------------------------------------------------------- store problems

def test_damaged_store_still_starts_and_offers_another(qtbot: Any, data_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir.mkdir(parents=True)
    damaged = data_dir / "zhigai.sqlite3"
    damaged.write_bytes(b"this is not a database" * 50)
    before = damaged.read_bytes()
    offered: list[Any] = []
    replacement = data_dir.parent / "other"
    replacement.mkdir()

    def choose(parent: Any, error: Any) -> str | None:
        offered.append(error)
        from zhigai.core.base.paths import sqlite_url

        return sqlite_url(replacement / "zhigai.sqlite3") if len(offered) == 1 else None

    monkeypatch.setattr("zhigai.gui.main_window.ask_for_store", choose)
    from zhigai.gui.app import create_app

    _app, window = create_app(["--lang", "en"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ctx.store is not None, timeout=10000)
    assert offered and offered[0].kind == "damaged"
    assert window.isVisible()
    assert window.ctx.store.path == replacement / "zhigai.sqlite3"
    assert damaged.read_bytes() == before      # nothing overwritten
    window.close()
    from zhigai.gui.worker import wait_for_background

    wait_for_background()


# ---------------------------------------------------------------------------- advisor pages

def test_plan_supports_and_financing_follow_the_project(qtbot: Any, start: Any,
                                                        data_dir: Path, root: Path) -> None:
    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start()
    window.open_assessment(auto, tab=3)
    page = window.page
    page.tabs.setCurrentWidget(page.plan)
    session = page.session
    before = session.assessment.project.total()
    # tick a measure of the roadmap: it joins the project with an indicative price
    check = next(c for mid, c in page.plan.checks.items() if not c.isChecked())
    measure_id = next(mid for mid, c in page.plan.checks.items() if c is check)
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)   # the page then rebuilds its cards
    project = session.assessment.project
    assert measure_id in project.measures
    assert any(i.measure == measure_id for i in project.items)
    assert project.total() > before
    # add a robot item through the table, typing the cells
    qtbot.mouseClick(page.plan.add_item, Qt.MouseButton.LeftButton)
    model = page.plan.items
    row = model.rowCount() - 1
    assert model.setData(model.index(row, 0), "焊接机器人工作站")
    assert model.setData(model.index(row, 1), "robot")
    assert model.setData(model.index(row, 2), "4")
    assert model.setData(model.index(row, 3), "20")       # 万元
    robots = sum(int(float(i.quantity)) for i in session.assessment.project.items
                 if i.category == "robot")
    assert robots == 10
    page.tabs.setCurrentWidget(page.supports)
    labels = [w.text() for w in page.supports.findChildren(QLabel)]
    assert any("the project buys 10 industrial robots" in t for t in labels)
    robot_cost = 6 * 180000 + 4 * 200000
    assert any(f"{robot_cost // 10:,} yuan" in t for t in labels)   # 10% of the robot cost
    # a bad price is refused with a message naming the field, nothing changes
    saved = session.assessment.project.model_dump()
    assert not model.setData(model.index(row, 3), "abc")
    assert "'abc' is not a number" in page.plan.field_error.text()
    assert session.assessment.project.model_dump() == saved
    # effects typed in the form flow into the calculator
    page.tabs.setCurrentWidget(page.plan)
    positions = page.plan.inputs["positions"]
    benefit = session.advice(window.ctx.advice_data(), "en").appraisal.annual_net_benefit
    type_into(qtbot, positions, "20")
    qtbot.keyClick(positions, Qt.Key.Key_Return)
    advice = session.advice(window.ctx.advice_data(), "en")
    assert advice.appraisal.annual_net_benefit > benefit
    page.tabs.setCurrentWidget(page.financing)
    figures = [w.text() for w in page.financing.findChildren(QLabel)]
    assert f"{advice.appraisal.annual_net_benefit.quantize(1):,} yuan" in figures
    assert page.financing.options.rowCount() == len(advice.options)
    # another catalogue: its source and the verify warning are shown
    page.tabs.setCurrentWidget(page.supports)
    combo = page.supports.catalogue
    combo.setCurrentIndex(combo.findData("national-generic"))
    assert session.assessment.project.catalogue == "national-generic"
    assert "Verify current terms" in page.supports.source.text()
    # everything was saved: a fresh store sees it
    from zhigai.core.store.store import Store

    reopened = Store.open(window.ctx.store.url).load(auto)
    assert reopened.project == session.assessment.project


def test_financing_terms_can_be_changed(qtbot: Any, start: Any, data_dir: Path,
                                        root: Path) -> None:
    (textile,) = seed(data_dir, root, "textile-early")
    window = start()
    window.open_assessment(textile, tab=5)
    page = window.page
    page.tabs.setCurrentWidget(page.financing)
    view = page.financing
    ids = [o.option.id for o in page.session.advice(window.ctx.advice_data(), "en").options]
    view.options_view.selectRow(ids.index("financing_capital"))
    view._option_clicked(view.options.index(ids.index("financing_capital"), 0))
    share = view.terms["profit_share"]
    assert share.isEnabled() and share.text() == "40"
    type_into(qtbot, share, "60")
    qtbot.keyClick(share, Qt.Key.Key_Return)
    overrides = page.session.assessment.project.finance.overrides
    assert overrides["financing_capital"]["profit_share"] == "0.6"
    capital = next(o for o in page.session.advice(window.ctx.advice_data(), "en").options
                   if o.option.id == "financing_capital")
    assert capital.plan.repaid
    type_into(qtbot, share, "150")
    qtbot.keyClick(share, Qt.Key.Key_Return)
    assert "not valid" in view.term_error.text()
    assert overrides["financing_capital"]["profit_share"] == "0.6"
    qtbot.mouseClick(view.choose, Qt.MouseButton.LeftButton)
    assert page.session.assessment.project.finance.chosen == "financing_capital"


def _export_dialog(qtbot: Any, page: Any, shortcut: bool = True) -> Any:
    from zhigai.gui.export_dialog import ExportDialog

    if shortcut:
        qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.mouseClick(page.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, ExportDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, ExportDialog) and w.isVisible())


def test_export_pdf_in_another_language(qtbot: Any, start: Any, data_dir: Path, root: Path,
                                        tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """English interface, Chinese report: made in the background, opened in the viewer, and
    it verifies against the store."""
    import subprocess

    from zhigai.gui import export_dialog

    opened: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_file", lambda p: opened.append(p) or True)
    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start("en")
    window.open_assessment(auto, tab=2)
    page = window.page
    dialog = _export_dialog(qtbot, page)
    assert dialog.path.text().endswith(".pdf") and "ZG-" in dialog.path.text()
    # a folder that does not exist: said in the dialog, which stays open
    dialog.path.setText(str(tmp_path / "missing" / "r.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "does not exist" in dialog.problem.text()
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    type_into(qtbot, dialog.assessor, "王建国")
    type_into(qtbot, dialog.organisation, "台州市智能制造服务团")
    target = tmp_path / "报告"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    pdf = target.with_name("报告.pdf")
    assert opened == [pdf] and pdf.stat().st_size > 50_000
    assert "Report saved" in page.saved.text()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "摘要" in text and "王建国" in text and "台州市智能制造服务团" in text
    from zhigai.cli.main import main

    monkeypatch.setenv("ZHIGAI_DB_URL", window.ctx.store.url)
    assert main(["verify", str(pdf)]) == 0
    # the next export starts from the defaults in the settings again (one-off choices are
    # not kept) and remembers the folder
    again = _export_dialog(qtbot, page, shortcut=False)
    assert again.language.currentData() == "en" and again.assessor.text() == ""
    assert Path(again.path.text()).parent == tmp_path
    again.reject()
    from zhigai.core.base import settings as prefs

    prefs.current().update(report=prefs.ReportDefaults("zh", False, True),
                           assessor=prefs.AssessorProfile("王建国", "台州市智能制造服务团"))
    third = _export_dialog(qtbot, page, shortcut=False)
    assert third.language.currentData() == "zh" and not third.appendix.isChecked()
    assert third.assessor.text() == "王建国" and third.organisation.text() == "台州市智能制造服务团"
    third.reject()


def _png(path: Path, colour: tuple[int, int, int] = (20, 120, 60)) -> Path:
    from PIL import Image

    Image.new("RGB", (320, 200), colour).save(path, "PNG")
    return path


def test_expert_verification_with_evidence_and_history(qtbot: Any, start: Any, data_dir: Path,
                                                       root: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Verify on site: the owner's answer stays beside the corrected one, a note and a photo
    are kept, the history names the expert, results show both scores, and the bundle
    carries it all to another store."""
    from zhigai.core.assessment.model import Assessor
    from zhigai.core.exchange.bundle import read_bundle
    from zhigai.core.questionnaire.catalog import default_catalog

    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start("en")
    window.open_assessment(auto, tab=1)
    page = window.page
    assert page.verify.text() == "Verify on site…" and not page.verified.isVisible()
    monkeypatch.setattr(page, "ask_assessor", lambda: Assessor(
        name="王工", organisation="杭州智造服务有限公司"))
    qtbot.mouseClick(page.verify, Qt.MouseButton.LeftButton)
    assert page.verified.isVisible() and "王工" in page.verified.text()
    assert page.verify.text() == "Assessor…"

    view = page.questions
    dim = view.current_dimension()
    qid = next(q.id for q in view.instrument.by_dimension[dim]
               if q.type == "single" and view.cards[q.id].is_answered())
    card, panel = view.cards[qid], view.panels[qid]
    assert panel.expert.isVisible() and "Owner's answer" in panel.owner.text()
    assert "corrected" not in panel.owner.text()
    checked = next(i for i, b in enumerate(card.buttons) if b.isChecked())
    other = 0 if checked else 1
    qtbot.mouseClick(card.buttons[other], Qt.MouseButton.LeftButton)
    assert "corrected by the expert" in panel.owner.text()

    panel.note.setFocus()
    type_into(qtbot, panel.note, "设备台账已核对")
    panel.flush()
    monkeypatch.setattr(panel, "ask_photo_paths", lambda: [str(_png(tmp_path / "mes.png")),
                                                           str(tmp_path / "missing.jpg")])
    qtbot.mouseClick(panel.add, Qt.MouseButton.LeftButton)
    assert panel.photo_scroll.isVisible() and panel.photos.count() == 2  # tile + stretch
    assert "missing.jpg" in panel.error.text()              # the bad file is named
    dialog = panel.show_history()
    rows = dialog.table.rowCount()
    assert rows == 3 and dialog.table.item(0, 1).text() == "王工"
    assert dialog.table.item(0, 2).text() == "answer"
    dialog.close()

    page.tabs.setCurrentWidget(page.results)
    qtbot.waitUntil(lambda: page.results.verification.isVisible(), timeout=3000)
    assert "1 answers corrected" in page.results.verification.text()
    assert not page.results.table.isColumnHidden(4)

    target = tmp_path / "visit"
    monkeypatch.setattr(page, "ask_bundle_path", lambda suggested: str(target))
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    bundle = read_bundle(target.with_suffix(".zhigai"), default_catalog())
    a = bundle.assessment
    assert a.kind == "expert" and a.evidence[qid].note == "设备台账已核对"
    assert len(bundle.photos) == 1 and a.owner_answers[qid].value != a.answers[qid].value
    assert "Bundle saved" in page.saved.text()


def test_import_bundles_with_side_by_side_merge(qtbot: Any, start: Any, data_dir: Path,
                                                root: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from zhigai.core.exchange.bundle import export_bundle
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store
    from zhigai.gui.merge_dialog import MergeDialog

    (auto,) = seed(data_dir, root, "auto-parts-midway")
    # the same assessment on a laptop, changed there and (differently) here
    from zhigai.core.base.paths import DB_FILE, sqlite_url

    laptop = Store.open(f"sqlite:///{tmp_path / 'laptop.db'}")
    catalog = default_catalog()
    office_url = sqlite_url(data_dir / DB_FILE)
    office = Store.open(office_url)
    export_bundle(office, auto, tmp_path / "first.zhigai")
    window = start("en")
    assert window.ctx.store.url == office_url
    reports: list[tuple[list[str], bool]] = []
    monkeypatch.setattr(window, "show_import_report", lambda lines, failed:
                        reports.append((lines, failed)))
    lines = window.import_bundles([str(tmp_path / "first.zhigai")])
    assert "same content" in lines[0]

    from zhigai.core.exchange.merge import import_bundle

    import_bundle(laptop, catalog, str(tmp_path / "first.zhigai"))
    there, here = Session.open(laptop, catalog, auto), Session.open(office, catalog, auto)
    qid = next(q.id for q in here.instrument.questions if q.type == "single"
               and q.id in here.assessment.answers and len(q.options) > 2)
    current = here.assessment.answers[qid].value
    mine, theirs = [o.id for o in here.instrument.by_id[qid].options if o.id != current][:2]
    here.answer(qid, mine)
    there.answer(qid, theirs)
    there.set_profile("employees", "333")
    export_bundle(laptop, auto, tmp_path / "later.zhigai")
    (tmp_path / "broken.zhigai").write_bytes(b"PK\x03\x04junk")

    seen: list[MergeDialog] = []

    def decide(plan: Any, catalog: Any) -> dict[str, Any]:
        instrument, _ = catalog.instrument_for(plan.bundle.assessment)
        dialog = MergeDialog(plan, instrument, "en")
        seen.append(dialog)
        assert not dialog.merge_button.isEnabled() and dialog.undecided() == 1
        row = next(r for r, d in enumerate(plan.differences) if d.conflict)
        assert dialog.table.item(row, 0).text().startswith("⚠")
        assert dialog.table.item(row, 3).text() == "both"
        dialog.choose(f"answer.{qid}", "incoming")
        assert dialog.merge_button.isEnabled()
        return dialog.choices()

    monkeypatch.setattr(window, "ask_merge", decide)
    lines = window.import_bundles([str(tmp_path / "broken.zhigai"),
                                   str(tmp_path / "later.zhigai")])
    assert reports[-1][1] is True                      # one failed: shown as a warning
    assert "not a Zhigai bundle" in lines[0] and "merged as chosen" in lines[1]
    merged = Store.open(office_url).load(auto)
    assert merged.answers[qid].value == theirs and merged.profile["employees"] == 333
    assert len(seen) == 1


def test_portfolio_filters_charts_peers_and_export(qtbot: Any, start: Any, data_dir: Path,
                                                   root: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    seed(data_dir, root, "textile-early", "auto-parts-midway", "equipment-advanced")
    window = start("zh")
    qtbot.mouseClick(window.home.portfolio_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: type(window.page).__name__ == "PortfolioPage", timeout=5000)
    page = window.page
    assert page.model.rowCount() == 3 and "3 / 3" not in page.count.text()
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "企业名称"
    page.industry.setCurrentIndex(page.industry.findData("textile"))
    assert page.model.rowCount() == 1 and page.model.display(0, 1) == "纺织"
    page.industry.setCurrentIndex(0)
    assert page.model.rowCount() == 3
    assert sum(v for _l, v, _c in page.stages.items) == 3
    assert page.averages.rowCount() == 3
    page.date_from.setText("2030-01-01")
    page.apply_filter()
    assert page.model.rowCount() == 0
    page.date_from.setText("not a date")
    page.apply_filter()
    assert page.model.rowCount() == 3 and "border" in page.date_from.styleSheet()
    page.date_from.clear()
    page.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)          # by index
    assert page.model.display(0, 0) == "杭州精控智能装备股份有限公司"
    page.table.selectRow(0)
    assert "杭州精控" in page.firm_title.text() and len(page.progress.points) == 1
    assert "至少需要" in page.peer_text.text()                    # three firms: too few peers
    target = tmp_path / "组合.xlsx"
    monkeypatch.setattr(page, "ask_save_path", lambda kind: str(target))
    qtbot.mouseClick(page.excel, Qt.MouseButton.LeftButton)
    book = load_workbook(target)
    assert book.sheetnames[0] == "评估清单" and book["评估清单"].max_row == 4
    window.grab().save(str(tmp_path / "portfolio.png"))
