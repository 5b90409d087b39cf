"""The bank file tab: the firm's accounts, existing loans, permits, subsidies and tax status are
typed, checked (a refused value names its field and changes nothing) and saved with the plan,
and they flow into the plan and the financing advice."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from gui_helpers import seed, type_into

REFERENCE = "reference/apparel-childrenswear/assessment"   # assessed on 2026-12-01


def open_bank_file(start: Any, data_dir: Path, root: Path, lang: str = "en",
                   empty: bool = True) -> Any:
    """The reference firm's bank file tab; ``empty``: with its bank file cleared first."""
    from zhigai.core.assessment.bank_file import BankFile

    (firm,) = seed(data_dir, root, REFERENCE)
    window = start(lang)
    window.open_assessment(firm, tab=7)
    page = window.page
    if empty:
        plan = page.controller.project()
        plan.bank = BankFile()
        plan.finance.existing_debt_service = "0"
        assert page.controller.set_project(plan) is None
    page.tabs.setCurrentWidget(page.bank_file)
    return page


def test_what_is_saved_is_shown(qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    from zhigai.gui.bank_tables import BankRows

    page = open_bank_file(start, data_dir, root, empty=False)
    view = page.bank_file
    bank = saved(page).bank
    for model, rows in ((view.loans, bank.loans), (view.subsidies, bank.subsidies)):
        assert model.rowCount() == len(rows)
        for r, row in enumerate(rows):
            for c, column in enumerate(model.columns):
                assert model.data(model.index(r, c)) == BankRows.shown(
                    getattr(row, column.key), column.kind)
    by_year = {y.year: y for y in bank.years}
    years = view.years
    for r in range(years.rowCount()):
        year = int(years.data(years.index(r, 0)))
        for c, column in enumerate(years.columns[1:], start=1):
            value = getattr(by_year[year], column.key) if year in by_year else None
            assert years.data(years.index(r, c)) == BankRows.shown(value, column.kind)
    assert view.tax_status.currentData() == bank.tax_status
    assert view.collateral.text() == bank.collateral
    assert view.no_loans.isChecked() == bank.no_loans
    for kind, combo in view.permit_status.items():
        assert combo.currentData() == bank.permit(kind).status
        assert view.permit_reference[kind].text() == bank.permit(kind).reference


def saved(page: Any) -> Any:
    return page.session.assessment.project


def test_typing_a_years_revenue_saves_it(qtbot: Any, start: Any, data_dir: Path,
                                         root: Path) -> None:
    page = open_bank_file(start, data_dir, root)
    view = page.bank_file
    years = view.years
    # the three years before the assessment year
    assert [years.data(years.index(r, 0)) for r in range(years.rowCount())] == [
        "2023", "2024", "2025"]
    assert saved(page).bank.years == []
    # type into the cell as a person does: the editor opens, the number is typed, Enter
    cell = years.index(2, 1)
    view.years_view.setCurrentIndex(cell)
    view.years_view.edit(cell)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_into(qtbot, editor, "3,900")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(saved(page).bank.years))
    (year,) = saved(page).bank.years
    assert (year.year, year.revenue) == (2025, "39000000.00")
    assert years.data(cell) == "3900"
    # net profit and operating cash flow may be negative; an emptied cell is not given
    assert years.setData(years.index(2, 2), "-35.5")
    assert years.setData(years.index(2, 5), "-12")
    assert saved(page).bank.years[0].net_profit == "-355000.00"
    assert saved(page).bank.years[0].operating_cash_flow == "-120000.00"
    assert years.setData(years.index(2, 5), "")
    assert saved(page).bank.years[0].operating_cash_flow is None
    assert view.errors["years"].text() == ""
    # saved in the store, not only on screen
    from zhigai.core.store.store import Store

    again = Store.open(page.session.store.url).load(page.session.id)
    assert again.project.bank.years == saved(page).bank.years


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_bad_value_is_named_and_nothing_is_saved(qtbot: Any, start: Any, data_dir: Path,
                                                   root: Path, lang: str) -> None:
    page = open_bank_file(start, data_dir, root, lang)
    view = page.bank_file
    years = view.years
    assert years.setData(years.index(2, 3), "1850")          # total assets 2025
    before = saved(page).model_dump()
    assert not years.setData(years.index(2, 1), "abc")       # revenue
    message = view.errors["years"].text()
    assert view.errors["years"].isVisible()
    if lang == "en":
        assert message == "Financial year 2025, Revenue: 'abc' is not a number"
    else:
        assert "2025" in message and "营业收入" in message and "“abc”不是数字" in message
    assert saved(page).model_dump() == before
    assert years.data(years.index(2, 1)) == ""               # the saved value is shown
    assert not years.setData(years.index(2, 3), "-5")        # assets cannot be negative
    assert ("negative" if lang == "en" else "负数") in view.errors["years"].text()
    # a check across fields (core.check_bank_file): liabilities of 100 x the assets
    assert not years.setData(years.index(2, 4), "185000")
    assert ("ten times" if lang == "en" else "十倍") in view.errors["years"].text()
    assert saved(page).model_dump() == before
    assert years.setData(years.index(2, 4), "920")
    assert view.errors["years"].text() == ""


def test_loans_are_added_and_removed_with_a_confirmation(qtbot: Any, start: Any,
                                                         data_dir: Path, root: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    page = open_bank_file(start, data_dir, root)
    view = page.bank_file
    advice = page.session.advice(page.advice_data(), "en")
    assert advice.project.debt_estimated               # no loans given: estimated
    qtbot.mouseClick(view.add_loan, Qt.MouseButton.LeftButton)
    loans = view.loans
    assert loans.rowCount() == 1 and len(saved(page).bank.loans) == 1
    for column, text in enumerate(("湖州银行织里支行", "300", "68", "4.2", "2028")):
        assert loans.setData(loans.index(0, column), text), view.errors["loans"].text()
    (loan,) = saved(page).bank.loans
    assert (loan.lender, loan.balance, loan.yearly_service, loan.rate, loan.ends) == (
        "湖州银行织里支行", "3000000.00", "680000.00", "0.042", 2028)
    # the financing advice now uses the loan given, not an estimate
    advice = page.session.advice(page.advice_data(), "en")
    assert not advice.project.debt_estimated
    assert str(advice.project.existing_debt_service) == "680000.00"
    assert not view.no_loans.isEnabled()               # loans are listed
    # a rate out of range is refused with its field named
    assert not loans.setData(loans.index(0, 3), "50")
    assert "Existing loan 1, Rate (%): '50' is not a rate" in view.errors["loans"].text()
    assert saved(page).bank.loans[0].rate == "0.042"
    # removing a loan with figures asks first
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
            asked.append(text)
            return reply
        return question

    view.loans_view.setCurrentIndex(loans.index(0, 0))
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(view.remove_loan, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "湖州银行织里支行" in asked[0]
    assert len(saved(page).bank.loans) == 1
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(view.remove_loan, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and saved(page).bank.loans == [] and loans.rowCount() == 0
    # an empty row just added goes without a question
    qtbot.mouseClick(view.add_loan, Qt.MouseButton.LeftButton)
    view.loans_view.setCurrentIndex(loans.index(0, 0))
    qtbot.mouseClick(view.remove_loan, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and saved(page).bank.loans == []


def test_no_loans_check_box(qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    page = open_bank_file(start, data_dir, root)
    view = page.bank_file
    assert not view.no_loans.isChecked() and view.add_loan.isEnabled()
    view.no_loans.click()
    assert saved(page).bank.no_loans
    assert not view.add_loan.isEnabled()               # no loan can be listed while ticked
    advice = page.session.advice(page.advice_data(), "en")
    assert not advice.project.debt_estimated and advice.project.existing_debt_service == 0
    view.no_loans.click()
    assert not saved(page).bank.no_loans and view.add_loan.isEnabled()


def test_permits_subsidies_and_tax_status_are_saved(qtbot: Any, start: Any, data_dir: Path,
                                                    root: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_bank_file(start, data_dir, root)
    view = page.bank_file
    status = view.permit_status["environment"]
    status.setCurrentIndex(status.findData("applied"))
    assert saved(page).bank.permit("environment").status == "applied"
    reference = view.permit_reference["environment"]
    type_into(qtbot, reference, "湖环评〔2026〕18号")
    qtbot.keyClick(reference, Qt.Key.Key_Return)
    assert saved(page).bank.permit("environment").reference == "湖环评〔2026〕18号"
    assert [p.kind for p in saved(page).bank.permits] == ["environment"]
    # a subsidy received
    qtbot.mouseClick(view.add_subsidy, Qt.MouseButton.LeftButton)
    subsidies = view.subsidies
    assert subsidies.setData(subsidies.index(0, 0), "2024 年技改补助")
    assert subsidies.setData(subsidies.index(0, 1), "12")
    assert subsidies.setData(subsidies.index(0, 2), "2024")
    (subsidy,) = saved(page).bank.subsidies
    assert (subsidy.programme, subsidy.amount, subsidy.year) == ("2024 年技改补助",
                                                                 "120000.00", 2024)
    assert not subsidies.setData(subsidies.index(0, 0), "")    # a programme needs a name
    assert not subsidies.setData(subsidies.index(0, 2), "24")
    assert "'24' is not a year" in view.errors["subsidies"].text()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    view.subsidies_view.setCurrentIndex(subsidies.index(0, 0))
    qtbot.mouseClick(view.remove_subsidy, Qt.MouseButton.LeftButton)
    assert saved(page).bank.subsidies == []
    # the tax status decides the plan's tax rate, shown read-only there
    view.tax_status.setCurrentIndex(view.tax_status.findData("high_tech"))
    assert saved(page).bank.tax_status == "high_tech"
    page.tabs.setCurrentWidget(page.plan)
    tax = page.plan.inputs["tax_rate"]
    assert tax.isReadOnly() and tax.text() == "15"
    assert "tax status" in tax.toolTip()
    assert page.session.advice(page.advice_data(), "en").appraisal.tax_rate == Decimal("0.15")
    page.tabs.setCurrentWidget(page.bank_file)
    view.tax_status.setCurrentIndex(view.tax_status.findData(None))
    assert saved(page).bank.tax_status is None
    page.tabs.setCurrentWidget(page.plan)
    assert not tax.isReadOnly() and tax.text() == "25"


def wheel(widget: Any, down: bool = True) -> None:
    event = QWheelEvent(QPointF(5, 5), QPointF(widget.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                        QPoint(0, -120 if down else 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_does_not_change_an_unfocused_combo(qtbot: Any, start: Any, data_dir: Path,
                                                      root: Path) -> None:
    page = open_bank_file(start, data_dir, root)
    view = page.bank_file
    before = saved(page).model_dump()
    for combo in (view.permit_status["land"], view.tax_status):
        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert not combo.hasFocus()
        index = combo.currentIndex()
        wheel(combo)
        assert combo.currentIndex() == index
    assert saved(page).model_dump() == before
    # once focused (clicked or tabbed to), the wheel changes it as usual
    combo = view.permit_status["land"]
    page.window().activateWindow()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentIndex() == 1
    assert saved(page).bank.permit("land").status == combo.currentData()
