"""Bank file: what a bank asks for beside the assessment — the firm's tax status, three years
of accounts, its existing loans, the collateral offered, the project's permits and the
subsidies already received. Every valid change is saved at once (with the project plan) and
flows into the financing advice; a refused value is named with the field, and nothing
already saved is lost."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.bank_file import (
    MAX_ROWS,
    PERMIT_NAMES,
    PERMIT_STATUSES,
    PERMITS,
    TAX_STATUSES,
    Permit,
)
from ..core.assessment.plan import ProjectPlan
from .bank_tables import BankRows, Column, LoansModel, SubsidiesModel, YearsModel, has_content, save
from .controller import SessionController
from .lazy import LazyRefresh
from .pages import scroll_page
from .tables import FittedTable
from .wheel_guard import guard_wheel

EDIT_TRIGGERS = (QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                 | QTableView.EditTrigger.AnyKeyPressed)


def assessment_year(controller: SessionController) -> int:
    """The year of the assessment date in the profile, else this year."""
    session = controller.session
    field = session.instrument.field_for_role("assessment_date")
    raw = session.assessment.profile.get(field.id) if field else None
    try:
        return dt.date.fromisoformat(str(raw)[:10]).year
    except (TypeError, ValueError):
        return dt.date.today().year


class BankFileView(LazyRefresh, QScrollArea):
    def __init__(self, controller: SessionController, lang: str):
        super().__init__()
        self.controller = controller
        self.lang = lang
        self.errors: dict[str, QLabel] = {}
        layout = scroll_page(self)
        title = QLabel(self.tr("Bank file"))
        title.setObjectName("title")
        layout.addWidget(title)
        intro = QLabel(self.tr("What a bank asks for beside the assessment. Everything is saved "
                               "as you type and used in the financing advice; amounts in 10k "
                               "yuan."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        firm = QGroupBox(self.tr("Tax status and collateral"))
        form = QFormLayout(firm)
        self.tax_status = QComboBox()
        self.tax_status.addItem(self.tr("Not stated (the plan's tax rate, else 25%)"), None)
        for tax, name in TAX_STATUSES.items():
            self.tax_status.addItem(name.get(lang), tax)
        self.tax_status.currentIndexChanged.connect(self._tax_status_changed)
        self.collateral = QLineEdit()
        self.collateral.setMaxLength(500)
        self.collateral.setPlaceholderText(self.tr("e.g. the factory building, 3,600 m², "
                                                   "valued at 900 (10k yuan)"))
        self.collateral.editingFinished.connect(self._collateral_changed)
        status_row = QHBoxLayout()
        status_row.addWidget(self.tax_status)
        status_row.addStretch(1)
        form.addRow(self._buddy(self.tr("Tax status"), self.tax_status), status_row)
        form.addRow(self._buddy(self.tr("Collateral offered"), self.collateral),
                    self.collateral)
        form.addRow(self._error("firm"))
        layout.addWidget(firm)

        years_box = QGroupBox(self.tr("Accounts of the last three years (10k yuan)"))
        box = QVBoxLayout(years_box)
        self.years_note = QLabel()
        self.years_note.setObjectName("help")
        self.years_note.setWordWrap(True)
        box.addWidget(self.years_note)
        self.years = YearsModel(controller, lang, [
            Column("year", "label", self.tr("Year")),
            Column("revenue", "wan", self.tr("Revenue")),
            Column("net_profit", "signed_wan", self.tr("Net profit")),
            Column("total_assets", "wan", self.tr("Total assets")),
            Column("liabilities", "wan", self.tr("Liabilities")),
            Column("operating_cash_flow", "signed_wan", self.tr("Operating cash flow")),
        ], self._expected_years())
        self.years_view = self._table(self.years, box, "years", stretch=-1)
        layout.addWidget(years_box)

        loans_box = QGroupBox(self.tr("Existing loans"))
        box = QVBoxLayout(loans_box)
        self.no_loans = QCheckBox(self.tr("The firm has no existing loans"))
        self.no_loans.toggled.connect(self._no_loans_changed)
        box.addWidget(self.no_loans)
        self.loans = LoansModel(controller, lang, [
            Column("lender", "text", self.tr("Lender"), empty="", max_length=100),
            Column("balance", "wan", self.tr("Balance (10k yuan)"), empty="0"),
            Column("yearly_service", "wan", self.tr("Repaid per year (10k yuan)"), empty="0"),
            Column("rate", "percent", self.tr("Rate (%)")),
            Column("ends", "year", self.tr("Last year")),
        ])
        self.loans_view = self._table(self.loans, box, "loans")
        self.add_loan = QPushButton(self.tr("Add loan"))
        self.remove_loan = QPushButton(self.tr("Remove loan"))
        self.add_loan.clicked.connect(self._add_loan)
        self.remove_loan.clicked.connect(self._remove_loan)
        box.addLayout(self._buttons(self.add_loan, self.remove_loan))
        layout.addWidget(loans_box)

        permits_box = QGroupBox(self.tr("Permits for the project"))
        grid = QGridLayout(permits_box)
        grid.addWidget(self._muted(self.tr("Permit")), 0, 0)
        grid.addWidget(self._muted(self.tr("Status")), 0, 1)
        grid.addWidget(self._muted(self.tr("Document number or office")), 0, 2)
        self.permit_status: dict[str, QComboBox] = {}
        self.permit_reference: dict[str, QLineEdit] = {}
        for row, kind in enumerate(PERMITS, start=1):
            status = QComboBox()
            for value, name in PERMIT_STATUSES.items():
                status.addItem(name.get(lang), value)
            status.currentIndexChanged.connect(lambda _i, k=kind: self._permit_changed(k))
            reference = QLineEdit()
            reference.setMaxLength(100)
            reference.editingFinished.connect(lambda k=kind: self._permit_changed(k))
            grid.addWidget(self._buddy(PERMIT_NAMES[kind].get(lang), status), row, 0)
            grid.addWidget(status, row, 1)
            grid.addWidget(reference, row, 2)
            self.permit_status[kind], self.permit_reference[kind] = status, reference
        grid.setColumnStretch(2, 1)
        grid.addWidget(self._error("permits"), len(PERMITS) + 1, 0, 1, 3)
        layout.addWidget(permits_box)

        subsidies_box = QGroupBox(self.tr("Subsidies already received"))
        box = QVBoxLayout(subsidies_box)
        self.subsidies = SubsidiesModel(controller, lang, [
            Column("programme", "text", self.tr("Programme"), optional=False),
            Column("amount", "wan", self.tr("Amount (10k yuan)"), empty="0"),
            Column("year", "year", self.tr("Year"), optional=False),
        ])
        self.subsidies_view = self._table(self.subsidies, box, "subsidies")
        self.add_subsidy = QPushButton(self.tr("Add subsidy"))
        self.remove_subsidy = QPushButton(self.tr("Remove subsidy"))
        self.add_subsidy.clicked.connect(self._add_subsidy)
        self.remove_subsidy.clicked.connect(self._remove_subsidy)
        box.addLayout(self._buttons(self.add_subsidy, self.remove_subsidy))
        layout.addWidget(subsidies_box)
        layout.addStretch(1)

        guard_wheel(self.tax_status, *self.permit_status.values())
        controller.scoreChanged.connect(lambda _s: self.request_refresh())
        controller.projectChanged.connect(self.request_refresh)
        self.refresh()

    # ------------------------------------------------------------------ building

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _muted(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("muted")
        return label

    def _error(self, section: str) -> QLabel:
        label = QLabel()
        label.setObjectName("error")
        label.setWordWrap(True)
        label.hide()
        self.errors[section] = label
        return label

    def _table(self, model: BankRows, box: QVBoxLayout, section: str,
               stretch: int = 0) -> FittedTable:
        view = FittedTable(model, stretch=stretch)
        view.setEditTriggers(EDIT_TRIGGERS)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        model.problem.connect(lambda message, s=section: self.show_problem(s, message))
        box.addWidget(view)
        box.addWidget(self._error(section))
        return view

    def _buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _expected_years(self) -> list[int]:
        year = assessment_year(self.controller)
        return [year - 3, year - 2, year - 1]

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        bank = self.controller.project().bank
        years = self._expected_years()
        self.years_note.setText(self.tr("The three years before the assessment (%1). Double-click "
                                        "a cell or start typing to fill it in. Net profit and "
                                        "operating cash flow may be negative; leave a cell empty "
                                        "when it is not known.")
                                .replace("%1", str(years[-1] + 1)))
        self.years.set_years(years)
        for model in (self.years, self.loans, self.subsidies):
            model.reload()
        self._set(self.tax_status, bank.tax_status)
        if not self.collateral.hasFocus():
            self.collateral.setText(bank.collateral)
        self.no_loans.blockSignals(True)
        self.no_loans.setChecked(bank.no_loans)
        self.no_loans.blockSignals(False)
        self.no_loans.setEnabled(not bank.loans)
        self.no_loans.setToolTip(self.tr("Remove the loans listed to tick this") if bank.loans
                                 else "")
        self.add_loan.setEnabled(not bank.no_loans and len(bank.loans) < MAX_ROWS)
        self.add_loan.setToolTip(self.tr("Untick \u201cno existing loans\u201d to list a loan")
                                 if bank.no_loans else "")
        self.add_subsidy.setEnabled(len(bank.subsidies) < MAX_ROWS)
        for kind in PERMITS:
            permit = bank.permit(kind)
            self._set(self.permit_status[kind], permit.status)
            if not self.permit_reference[kind].hasFocus():
                self.permit_reference[kind].setText(permit.reference)

    @staticmethod
    def _set(combo: QComboBox, value: Any) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.blockSignals(False)

    def show_problem(self, section: str, message: str) -> None:
        """Show ``message`` under its section (and clear the others); "" clears them all."""
        for name, label in self.errors.items():
            label.setText(message if name == section else "")
            label.setVisible(bool(message) and name == section)

    # ------------------------------------------------------------------ editing

    def _save(self, section: str, plan: ProjectPlan) -> bool:
        error = save(self.controller, plan, self.tr("Bank file: the value at %1 is not "
                                                    "accepted (%2)"))
        self.show_problem(section, error or "")
        if error:
            self.refresh()      # show what is saved again
        return error is None

    def _tax_status_changed(self) -> None:
        plan = self.controller.project()
        plan.bank.tax_status = self.tax_status.currentData()
        self._save("firm", plan)

    def _collateral_changed(self) -> None:
        plan = self.controller.project()
        text = self.collateral.text().strip()[:500]
        if text != plan.bank.collateral:
            plan.bank.collateral = text
            self._save("firm", plan)

    def _no_loans_changed(self, on: bool) -> None:
        plan = self.controller.project()
        plan.bank.no_loans = on
        self._save("loans", plan)

    def _permit_changed(self, kind: str) -> None:
        plan = self.controller.project()
        bank = plan.bank
        permit = Permit.model_validate({
            "kind": kind, "status": self.permit_status[kind].currentData(),
            "reference": self.permit_reference[kind].text().strip()[:100]})
        if permit == bank.permit(kind):
            return
        others = [p for p in bank.permits if p.kind != kind]
        keep = permit.status != "unknown" or permit.reference
        bank.permits = sorted(others + ([permit] if keep else []),
                              key=lambda p: PERMITS.index(p.kind))
        self._save("permits", plan)

    def _add_loan(self) -> None:
        plan = self.controller.project()
        plan.bank.loans.append(self.loans.blank())
        if self._save("loans", plan):
            self._edit(self.loans_view, len(plan.bank.loans) - 1)

    def _add_subsidy(self) -> None:
        plan = self.controller.project()
        plan.bank.subsidies.append(self.subsidies.blank(self._expected_years()[-1]))
        if self._save("subsidies", plan):
            self._edit(self.subsidies_view, len(plan.bank.subsidies) - 1)

    def _edit(self, view: QTableView, row: int) -> None:
        index = view.model().index(row, 0)
        view.setCurrentIndex(index)
        view.edit(index)

    def _remove_loan(self) -> None:
        row = self.loans_view.currentIndex().row()
        plan = self.controller.project()
        if not 0 <= row < len(plan.bank.loans):
            return
        loan = plan.bank.loans[row]
        if has_content(loan, self.loans.blank()) and not self._confirm(
                self.tr("Remove loan %1 (%2)? Its figures will be lost.")
                .replace("%1", str(row + 1)).replace("%2", loan.lender or "—")):
            return
        del plan.bank.loans[row]
        self._save("loans", plan)

    def _remove_subsidy(self) -> None:
        row = self.subsidies_view.currentIndex().row()
        plan = self.controller.project()
        if not 0 <= row < len(plan.bank.subsidies):
            return
        subsidy = plan.bank.subsidies[row]
        blank = self.subsidies.blank(subsidy.year)
        if has_content(subsidy, blank) and not self._confirm(
                self.tr("Remove the subsidy \u201c%1\u201d? Its figures will be lost.")
                .replace("%1", subsidy.programme)):
            return
        del plan.bank.subsidies[row]
        self._save("subsidies", plan)

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove a row"), text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
