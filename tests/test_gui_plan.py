"""The plan, supports and financing tabs follow the project; financing terms can be changed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from zhigai.gui.plan_view import CategoryDelegate

from gui_helpers import seed, type_into

# ---------------------------------------------------------------------------- advisor pages

def test_plan_supports_and_financing_follow_the_project(qtbot: Any, start: Any,
                                                        data_dir: Path, root: Path) -> None:
    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start()
    window.open_assessment(auto, tab=4)
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
    assert model.setData(model.index(row, 3), "4")
    assert model.setData(model.index(row, 4), "20")       # 万元
    robots = sum(int(float(i.quantity)) for i in session.assessment.project.items
                 if i.category == "robot")
    assert robots == 10
    # the item's words suggest the measure it carries out; the owner can choose another
    shown = model.data(model.index(row, 2))
    assert "(suggested)" in shown, shown
    assert model.setData(model.index(row, 2), "robot_cell")
    assert session.assessment.project.items[row].measure == "robot_cell"
    assert "(suggested)" not in model.data(model.index(row, 2))
    assert not model.setData(model.index(row, 2), "no_such_measure")
    # the plan shows the owner's project as its own step with its projected effect
    page.plan.refresh()
    cards = [w.text() for w in page.plan.findChildren(QLabel)]
    assert any(t.startswith("<b>Your project:") for t in cards)
    assert any("after the project:" in t for t in cards)
    page.tabs.setCurrentWidget(page.supports)
    labels = [w.text() for w in page.supports.findChildren(QLabel)]
    assert any("the project buys equipment, robots or an engineered line" in t for t in labels)
    assert any("dated 2026-01-20" in t for t in labels)      # every entry with its date
    # a bad price is refused with a message naming the field, nothing changes
    saved = session.assessment.project.model_dump()
    assert not model.setData(model.index(row, 4), "abc")
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
    # the first year earns a share of the benefits (ramp-up), typed in percent
    ramp = page.plan.inputs["ramp_up"]
    assert ramp.text() == "100"
    type_into(qtbot, ramp, "50")
    qtbot.keyClick(ramp, Qt.Key.Key_Return)
    assert session.assessment.project.finance.ramp_up == "0.5"
    years = session.advice(window.ctx.advice_data(), "en").appraisal.years
    assert years[0].benefit < years[1].benefit
    type_into(qtbot, ramp, "150")
    qtbot.keyClick(ramp, Qt.Key.Key_Return)
    assert "share of benefits in year 1" in page.plan.field_error.text()
    assert session.assessment.project.finance.ramp_up == "0.5"
    # without a tax status the rate is the plan's, editable; land is an item category
    assert not page.plan.inputs["tax_rate"].isReadOnly()
    assert ("Land", "land") in CategoryDelegate("en").choices()
    page.tabs.setCurrentWidget(page.financing)
    figures = [w.text() for w in page.financing.findChildren(QLabel)]
    assert f"{advice.appraisal.annual_net_benefit.quantize(1):,} yuan" in figures
    assert page.financing.options.rowCount() == len(advice.options)
    # by the firm's region; ticking the paper's catalogue adds it, with its entries expired
    page.tabs.setCurrentWidget(page.supports)
    checks = page.supports.catalogue_checks
    assert checks["national-2024-2026"].isChecked() and checks["zhejiang-2022-2026"].isChecked()
    assert not checks["zhejiang-2013-2018"].isChecked()
    assert not page.supports.by_region.isEnabled()
    checks["zhejiang-2013-2018"].setChecked(True)
    assert session.assessment.project.catalogues == ["national-2024-2026",
                                                     "zhejiang-2022-2026",
                                                     "zhejiang-2013-2018"]
    assert "Verify current terms" in page.supports.source.text()
    assert "No entry of this catalogue is in force" in page.supports.source.text()
    headings = [w.text() for w in page.supports.findChildren(QLabel)
                if w.objectName() == "subtitle"]
    assert "Expired — for reference" in headings
    expired = session.advice(window.ctx.advice_data(), "en")
    assert all(m.status == "expired" for m in expired.supports
               if m.catalogue and m.catalogue.id == "zhejiang-2013-2018")
    assert page.supports.by_region.isEnabled()
    page.supports.by_region.click()
    assert session.assessment.project.catalogues is None
    # everything was saved: a fresh store sees it
    from zhigai.core.store.store import Store

    reopened = Store.open(window.ctx.store.url).load(auto)
    assert reopened.project == session.assessment.project


def test_financing_terms_can_be_changed(qtbot: Any, start: Any, data_dir: Path,
                                        root: Path) -> None:
    (textile,) = seed(data_dir, root, "textile-early")
    window = start()
    window.open_assessment(textile, tab=6)
    page = window.page
    page.tabs.setCurrentWidget(page.financing)
    view = page.financing
    ids = [o.option.id for o in page.session.advice(window.ctx.advice_data(), "en").options]
    row = ids.index("financing_capital")
    view.options_view.selectRow(row)
    view.options_view.clicked.emit(view.options.index(row, 0))
    assert view.selected == "financing_capital"
    share = view.terms["profit_share"]
    # the advisor proposes the profit share that passes; the default is said beside it
    capital = next(o for o in page.session.advice(window.ctx.advice_data(), "en").options
                   if o.option.id == "financing_capital")
    proposed = f"{(capital.structure.terms.profit_share * 100).normalize():f}"
    assert share.isEnabled() and share.text() == proposed
    assert view.term_notes["profit_share"].text() == (
        "" if proposed == "40" else "proposed (default 40)")
    type_into(qtbot, share, "60")
    qtbot.keyClick(share, Qt.Key.Key_Return)
    overrides = page.session.assessment.project.finance.overrides
    assert overrides["financing_capital"]["profit_share"] == "0.6"
    capital = next(o for o in page.session.advice(window.ctx.advice_data(), "en").options
                   if o.option.id == "financing_capital")
    assert capital.plan.repaid and capital.structure.terms.profit_share == Decimal("0.6")
    assert view.selected == "financing_capital" and share.text() == "60"
    assert view.term_notes["profit_share"].text() == ""      # the owner's own term
    type_into(qtbot, share, "150")
    qtbot.keyClick(share, Qt.Key.Key_Return)
    assert view.term_error.text() == "profit share: 150% must be from 0% to 100%"
    assert overrides["financing_capital"]["profit_share"] == "0.6"
    qtbot.mouseClick(view.choose, Qt.MouseButton.LeftButton)
    assert page.session.assessment.project.finance.chosen == "financing_capital"
    ranked = [o.option.id for o in page.session.advice(window.ctx.advice_data(), "en").options]
    marked = [r[0].startswith("★ ") for r in view.options.rows]
    assert marked == [i == "financing_capital" for i in ranked]


REFERENCE = "reference/apparel-childrenswear/assessment"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_financing_speaks_in_words(qtbot: Any, start: Any, data_dir: Path, root: Path,
                                   lang: str) -> None:
    """No score anywhere; the verdict on top; the view opens on the recommended structure;
    each structure by its name, its plain description and whether it passes; the schedule
    with the existing loans, DSCR and ICR; after-tax figures with the pre-tax ones beside."""
    from zhigai.core.advice.charts import cashflow_series
    from zhigai.core.advice.finance_summary import verdict
    from zhigai.core.assessment.money import fmt

    (firm,) = seed(data_dir, root, REFERENCE)
    window = start(lang)
    window.open_assessment(firm, tab=6)
    page = window.page
    page.tabs.setCurrentWidget(page.financing)
    view = page.financing
    advice = page.session.advice(window.ctx.advice_data(), lang)
    recommended = advice.recommended
    assert recommended is not None
    # the verdict banner says what the summary says, word for word
    assert view.verdict.isVisible()
    assert view.verdict.text() == "\n".join(t.get(lang) for t in verdict(advice))
    assert view.verdict.objectName() == "verdictOk"
    # no score: not as a column, not as a number, not as a word
    options = view.options
    head = [options.headerData(c, Qt.Orientation.Horizontal) for c in range(options.columnCount())]
    assert not any("score" in h.lower() or "得分" in h or "评分" in h for h in head)
    cells = [c for r in options.rows for c in r]
    for o in advice.options:
        assert f"{o.score:.2f}" not in cells and f"{o.score:g}" not in cells
    shown = [w.text() for w in view.findChildren(QLabel)]
    assert not any("score" in t.lower() for t in shown)
    # each structure by its label, with its plain line and the bank's tests in plain words
    assert [r[0] for r in options.rows] == [o.label.get(lang) for o in advice.options]
    assert options.lines[(0, 0)][0][0] == advice.options[0].option.plain.get(lang)
    passes = "Passes the bank's tests" if lang == "en" else "通过银行的检验"
    assert options.rows[0][1].startswith(passes)
    assert options.rows[0][5] == str(recommended.plan.min_dscr)
    assert options.rows[0][6] == str(recommended.plan.min_icr)
    # it opens on the recommended structure
    assert view.selected == recommended.option.id
    assert view.options_view.selectionModel().selectedRows()[0].row() == \
        advice.options.index(recommended)
    assert recommended.label.get(lang) in view.reasons.text()
    # the schedule: year, payment, interest, principal, still owed, existing loans, DSCR, ICR
    head = view.schedule.head
    assert head[-2:] == ["DSCR", "ICR"] if lang == "en" else head[-1] == "利息备付率"
    assert [r[-1] for r in view.schedule.rows] == [str(r.icr) for r in recommended.plan.rows]
    assert [r[4] for r in view.schedule.rows] == [fmt(r.balance, lang)
                                                  for r in recommended.plan.rows]
    assert [r[5] for r in view.schedule.rows] == [fmt(r.existing_service, lang)
                                                  for r in recommended.plan.rows]
    # after-tax figures with the pre-tax ones beside them
    a = advice.appraisal
    assert fmt(a.npv, lang) in shown and any(fmt(a.npv_pre_tax, lang) in t for t in shown)
    # the stress scenarios add the lowest DSCR of the first-ranked structure
    low = dict(advice.dscr_sensitivity())
    assert [r[-1] for r in view.sensitivity.rows] == [
        "—" if low[s.name] is None else str(low[s.name]) for s in a.sensitivity]
    # the chart also draws what is still owed, with its legend
    series = cashflow_series(a, recommended.plan)
    assert view.chart.series == series and len(view.chart.labels) == 4
    assert view.chart.series.owed[0] == recommended.plan.financed
    view.chart.grab()                                     # paints without error


def test_the_project_is_typed_once(qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    """The profile's planned project and the plan are one: the description edited in the plan
    is the profile's, and while the plan has items the profile shows their total."""
    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start()
    window.open_assessment(auto)
    page = window.page
    session = page.session
    cost = page.profile.editors["project_cost"].editor
    assert not cost.isEnabled()                          # items exist: their total speaks
    assert cost.text() == "366"                          # 3,660,000 yuan in 万元
    page.tabs.setCurrentWidget(page.plan)
    name = page.plan.name
    assert name.text() == session.assessment.profile["project_description"]
    type_into(qtbot, name, "6 台焊接机器人和装配线")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert session.assessment.profile["project_description"] == "6 台焊接机器人和装配线"
    assert page.profile.editors["project_description"].raw() == "6 台焊接机器人和装配线"
    # without items the profile's estimate is the project's investment, typed there
    plan = session.assessment.project.model_copy(deep=True)
    plan.items = []
    page.controller.set_project(plan)
    assert cost.isEnabled()
    assert "the profile's estimate" in page.plan.total.text()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_plan_names_the_level_milestone(qtbot: Any, start: Any, data_dir: Path,
                                            root: Path, lang: str) -> None:
    """Hangzhou's pilot pays only at MIIT 二级: the plan shows the milestone with the level
    now and after the project; a firm without a gated support has none."""
    import re

    (brakes, apparel) = seed(data_dir, root, "reference/hangzhou-brake-parts/assessment",
                             REFERENCE)
    window = start(lang)
    window.open_assessment(brakes)
    page = window.page
    page.tabs.setCurrentWidget(page.plan)
    view = page.plan
    qtbot.waitUntil(lambda: view.milestones.isVisible(), timeout=10000)
    text = view.milestones.text()
    if lang == "zh":
        assert "里程碑：项目完成后达到工信部数字化水平二级" in text and "预估现在一级" in text
    else:
        assert "reach MIIT digital level Level 2 after the project" in text
        assert not re.search(r"[\u4e00-\u9fff]", text)
    window.open_assessment(apparel)
    page = window.page
    page.tabs.setCurrentWidget(page.plan)
    qtbot.waitUntil(lambda: page.plan.isVisible(), timeout=10000)  # refreshed when shown
    assert page.session.advice(window.ctx.advice_data(), lang).gates == ()
    assert not page.plan.milestones.isVisible() and page.plan.milestones.text() == ""


def test_the_item_table_is_walked_with_the_keyboard(qtbot: Any, qtlog: Any, start: Any,
                                                     data_dir: Path, root: Path) -> None:
    """Tab and Shift+Tab walk the editable cells row after row (the computed total is
    skipped), each editor commits as Tab or Enter leaves it, a refused value keeps its editor,
    Enter on the last row adds an item; Qt never warns about an editor."""
    from PySide6.QtWidgets import QApplication

    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start()
    window.open_assessment(auto, tab=4)
    page = window.page
    page.tabs.setCurrentWidget(page.plan)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)       # the offscreen window is not always active
    table, model = page.plan.table, page.plan.items
    columns = list(model.COLUMNS)
    rows = model.rowCount()
    assert rows >= 2

    def items() -> list[Any]:
        return page.session.assessment.project.items

    def editor() -> Any:
        widget = QApplication.focusWidget()
        assert widget is not None and table.viewport().isAncestorOf(widget), widget
        return widget

    def at() -> tuple[int, str]:
        return table.currentIndex().row(), columns[table.currentIndex().column()]

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
              ) -> None:
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)

    quantity = model.index(0, columns.index("quantity"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(quantity).center())
    qtbot.keyClicks(table, "3")                     # typing on a cell opens its editor
    assert editor().text() == "3"
    press(Qt.Key.Key_Tab)
    assert items()[0].quantity == "3"               # committed as Tab left the editor
    assert at() == (0, "unit_price")
    qtbot.keyClicks(editor(), "12")                 # the editor opens with its text selected
    press(Qt.Key.Key_Tab)
    assert Decimal(items()[0].unit_price) == 120000
    assert at() == (0, "supplier")                  # the computed total is skipped
    assert model.data(model.index(0, columns.index("total"))) == "36"
    press(Qt.Key.Key_Tab)
    assert at() == (1, "description")               # on to the next row, still editing
    assert editor().text() == items()[1].description
    press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert at() == (0, "supplier")
    press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert at() == (0, "unit_price")
    # a refused value keeps its editor open with the message; nothing is saved
    qtbot.keyClicks(editor(), "abc")
    press(Qt.Key.Key_Tab)
    assert at() == (0, "unit_price") and editor().text() == "abc"
    assert "'abc' is not a number" in page.plan.field_error.text()
    assert Decimal(items()[0].unit_price) == 120000
    press(Qt.Key.Key_Escape)
    assert table.state() != table.State.EditingState
    # Enter moves down a row; on the last row it commits and adds an item to type into
    press(Qt.Key.Key_Return)
    assert at() == (1, "unit_price")
    last = model.index(rows - 1, columns.index("quantity"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(last).center())
    qtbot.keyClicks(table, "2")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rowCount() == rows + 1)
    assert items()[rows - 1].quantity == "2"
    qtbot.waitUntil(lambda: at() == (rows, "description")
                    and table.state() == table.State.EditingState)
    qtbot.keyClicks(editor(), "Fixtures")
    press(Qt.Key.Key_Tab)
    assert items()[rows].description == "Fixtures" and at() == (rows, "category")
    press(Qt.Key.Key_Escape)
    # saved: a fresh store sees it
    from zhigai.core.store.store import Store

    reopened = Store.open(window.ctx.store.url).load(auto)
    assert [i.description for i in reopened.project.items][-1] == "Fixtures"
    assert reopened.project.items[0].quantity == "3"
    warnings = [r.message for r in qtlog.records if "editor" in r.message
                or "commitData" in r.message]
    assert warnings == []


def test_the_supports_say_why_nothing_is_estimated(qtbot: Any, start: Any, data_dir: Path,
                                                   root: Path) -> None:
    """Without an estimate the supports tab says why, true for the state: nothing in force
    pays an amount (listing items would not help), nothing that pays is open yet, no project
    described, or items without prices."""
    (textile, brakes) = seed(data_dir, root, "textile-early",
                             "reference/hangzhou-brake-parts/assessment")
    window = start()

    def shown(page: Any) -> str:
        page.tabs.setCurrentWidget(page.supports)
        return page.supports.total.text()

    window.open_assessment(textile)
    page = window.page
    nothing_pays = "No support in force in the chosen catalogues pays a grant"
    assert shown(page).startswith(nothing_pays)
    page.tabs.setCurrentWidget(page.plan)
    qtbot.mouseClick(page.plan.add_item, Qt.MouseButton.LeftButton)
    assert page.session.assessment.project.items
    assert shown(page).startswith(nothing_pays)         # never "list the items" once listed
    window.open_assessment(brakes)                      # the Hangzhou pilot, gated at 二级
    page = window.page
    assert shown(page) == ("Supports in force that pay an amount: 1, none open to this "
                           "project yet (1 nearly eligible: see what is missing below).")
    # no items and no estimated cost: list them
    page.tabs.setCurrentWidget(page.plan)
    table, model = page.plan.table, page.plan.items
    while model.rowCount():
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(model.index(0, 0)).center())
        qtbot.mouseClick(page.plan.remove_item, Qt.MouseButton.LeftButton)
    page.tabs.setCurrentWidget(page.profile)
    cost = page.profile.editors["project_cost"].editor
    type_into(qtbot, cost, "")
    qtbot.keyClick(cost, Qt.Key.Key_Return)
    assert page.session.assessment.profile.get("project_cost") is None
    assert shown(page).startswith("No estimate yet: list the project's items in the Plan tab")
    # an item without a price: enter the prices
    page.tabs.setCurrentWidget(page.plan)
    qtbot.mouseClick(page.plan.add_item, Qt.MouseButton.LeftButton)
    assert shown(page).startswith("No estimate yet: the project's items have no prices.")


def test_the_arrow_keys_walk_the_financing_structures(qtbot: Any, start: Any, data_dir: Path,
                                                      root: Path) -> None:
    """Down and Up move through the structures compared, and the details follow the row."""
    (firm,) = seed(data_dir, root, REFERENCE)
    window = start()
    window.open_assessment(firm, tab=6)
    page = window.page
    page.tabs.setCurrentWidget(page.financing)
    view = page.financing
    advice = page.session.advice(window.ctx.advice_data(), "en")
    ids = [o.option.id for o in advice.options]
    table = view.options_view
    table.setFocus()
    row = ids.index(view.selected)
    key = Qt.Key.Key_Down if row + 1 < len(ids) else Qt.Key.Key_Up
    step = 1 if key == Qt.Key.Key_Down else -1
    qtbot.keyClick(table, key)
    assert table.selectionModel().selectedRows()[0].row() == row + step
    assert view.selected == ids[row + step]
    assert advice.options[row + step].label.get("en") in view.reasons.text()
    back = Qt.Key.Key_Up if key == Qt.Key.Key_Down else Qt.Key.Key_Down
    qtbot.keyClick(table, back)
    assert view.selected == ids[row]


def test_an_older_stores_unreadable_plan_value_opens_and_is_shown(
        qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    """A value no import would take now, stored by an earlier release: the assessment opens,
    the plan shows the value as it is and says what is wrong; nothing crashes."""
    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.store.store import Store

    assessment = load_assessment(root / "examples" / "auto-parts-midway.json")
    assert assessment.project is not None
    assessment.project.items[0].unit_price = "abc"
    assessment.project.finance.discount_rate = "NaN"
    store = Store.open(sqlite_url(data_dir / DB_FILE))
    store.create(assessment)                        # as an old release stored it, unchecked
    store.close()
    window = start()
    window.open_assessment(assessment.id, tab=4)
    page = window.page
    assert page.stored_problems is not None and page.stored_problems.isVisible()
    said = page.stored_problems.text()
    assert "unit price: 'abc' is not" in said and "discount rate" in said
    page.tabs.setCurrentWidget(page.plan)
    model = page.plan.items
    assert model.data(model.index(0, 4)) == "abc"
    page.tabs.setCurrentWidget(page.financing)
    qtbot.wait(50)
    assert page.session.assessment.project.items[0].unit_price == "abc"   # nothing changed


def test_two_bad_stored_values_are_corrected_one_at_a_time(
        qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.store.store import Store

    assessment = load_assessment(root / "examples" / "auto-parts-midway.json")
    assert assessment.project is not None
    assessment.project.items[0].unit_price = "abc"
    assessment.project.items[1].unit_price = "1e999999999"
    store = Store.open(sqlite_url(data_dir / DB_FILE))
    store.create(assessment)
    store.close()
    window = start()
    window.open_assessment(assessment.id, tab=4)
    page = window.page
    page.tabs.setCurrentWidget(page.plan)
    model = page.plan.items
    assert model.setData(model.index(0, 4), "18")            # the first, the second still bad
    assert page.session.assessment.project.items[0].unit_price == "180000.00"
    assert not model.setData(model.index(2, 4), "abc")        # a new bad value is refused
    assert model.setData(model.index(1, 4), "45")
    page.plan.refresh()
    assert not page.plan.error.isVisible() or page.plan.error.text() == ""
    assert page.session.advice(window.ctx.advice_data(), "en").appraisal is not None
