"""The plan, supports and financing tabs follow the project; financing terms can be changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from gui_helpers import seed, type_into

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
