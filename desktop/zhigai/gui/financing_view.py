"""Financing, for owners who read words rather than scores: the verdict in one banner, the
calculator's figures (after tax, with the pre-tax figures beside), the stress scenarios, the
financing structures with their plain description and whether they pass the bank's tests,
the selected structure's tests, terms and yearly schedule, and a cash-flow chart."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.advice.advise import Advice
from ..core.advice.charts import cashflow_series
from ..core.advice.finance_summary import option_lines, verdict
from ..core.advice.financing import OptionAdvice, percent
from ..core.assessment.money import fmt
from ..core.assessment.plan_input import parse_term
from ..core.base.numbers import scaled_text
from ..core.questionnaire.values import ValueProblem
from .cashflow_chart import CashflowChart
from .controller import SessionController
from .lazy import LazyRefresh
from .pages import scroll_page
from .style import ERROR, MUTED, OK, WARN
from .tables import CardDelegate, FittedTable, TextTable

TERM_FIELDS = ("rate", "years", "financed_share", "profit_share")
TEST_COLORS = {True: OK, False: ERROR, None: WARN}


def _bundled_advice_data() -> Any:
    from ..core.advice.data import default_advice_data

    return default_advice_data()


def escape(text: str) -> str:
    """Text shown in a rich-text label: <, > and & escaped, quotes kept as they are."""
    return html.escape(text, quote=False)


def _years(value: Decimal | None) -> str:
    return "—" if value is None else str(value)


class FinancingView(LazyRefresh, QScrollArea):
    def __init__(self, controller: SessionController, lang: str, advice_source: Any,
                 advice_data: Any = None):
        super().__init__()
        self.controller = controller
        self.lang = lang
        self.advice_source = advice_source
        self.advice_data = advice_data or _bundled_advice_data
        self.selected: str | None = None
        self.shown_terms: dict[str, str] = {}
        layout = scroll_page(self)
        title = QLabel(self.tr("Investment and financing"))
        title.setObjectName("title")
        layout.addWidget(title)
        self.empty = QLabel(self.tr("No project yet. Tick measures in the Plan or add project "
                                    "items to see the calculation."))
        self.empty.setObjectName("banner")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.verdict = QLabel()
        self.verdict.setObjectName("banner")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.verdict)

        self.figures_card = QFrame()
        self.figures_card.setObjectName("card")
        self.figures = QGridLayout(self.figures_card)
        self.figures.setHorizontalSpacing(24)
        self.figures.setVerticalSpacing(12)
        layout.addWidget(self.figures_card)
        self.sensitivity_title = QLabel(self.tr("If things go worse"))
        self.sensitivity_title.setObjectName("subtitle")
        layout.addWidget(self.sensitivity_title)
        self.sensitivity = TextTable()
        self.sensitivity_view = FittedTable(self.sensitivity)
        self.sensitivity_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.sensitivity_view)
        self.sensitivity_note = QLabel()
        self.sensitivity_note.setObjectName("help")
        self.sensitivity_note.setWordWrap(True)
        layout.addWidget(self.sensitivity_note)

        self.options_title = QLabel(self.tr("Financing structures compared"))
        self.options_title.setObjectName("subtitle")
        layout.addWidget(self.options_title)
        self.options = TextTable(left=(0, 1))
        self.options_view = FittedTable(self.options)
        self.options_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.options_view.setItemDelegateForColumn(0, CardDelegate(self.options_view))
        self.options_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.options_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.options_view.clicked.connect(self._option_clicked)
        self.options_view.activated.connect(self._option_clicked)
        # the arrow keys move the current row: the details follow it as they follow a click
        self._filling = False
        self.options_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: None if self._filling or not current.isValid()
            else self._option_clicked(current))
        layout.addWidget(self.options_view)

        detail = QHBoxLayout()
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reasons_card = QFrame()
        self.reasons_card.setObjectName("card")
        QVBoxLayout(self.reasons_card).addWidget(self.reasons)
        detail.addWidget(self.reasons_card, 3)
        self.terms_card = QFrame()
        self.terms_card.setObjectName("card")
        form = QFormLayout(self.terms_card)
        terms_title = QLabel(self.tr("Terms (change them to the offer you have)"))
        terms_title.setWordWrap(True)
        terms_title.setStyleSheet("font-weight: bold")
        form.addRow(terms_title)
        self.terms: dict[str, QLineEdit] = {}
        names = {"rate": self.tr("Rate / return (% a year)"), "years": self.tr("Term (years)"),
                 "financed_share": self.tr("Share financed (%)"),
                 "profit_share": self.tr("Profit share paid (%)")}
        self.term_notes: dict[str, QLabel] = {}
        for name in TERM_FIELDS:
            edit = QLineEdit()
            edit.setMaximumWidth(100)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.editingFinished.connect(lambda n=name: self._term_changed(n))
            self.terms[name] = edit
            note = QLabel()
            note.setObjectName("help")
            self.term_notes[name] = note
            label = QLabel(names[name])
            label.setBuddy(edit)
            row = QHBoxLayout()
            row.addWidget(edit)
            row.addWidget(note, 1)
            form.addRow(label, row)
        self.assumptions = QLabel()
        self.assumptions.setObjectName("help")
        self.assumptions.setWordWrap(True)
        form.addRow(self.assumptions)
        self.choose = QPushButton(self.tr("Use this structure"))
        self.choose.setObjectName("primary")
        self.choose.clicked.connect(self._choose)
        form.addRow(self.choose)
        self.term_error = QLabel()
        self.term_error.setObjectName("error")
        self.term_error.setWordWrap(True)
        form.addRow(self.term_error)
        detail.addWidget(self.terms_card, 2)
        layout.addLayout(detail)

        self.schedule_title = QLabel()
        self.schedule_title.setObjectName("subtitle")
        self.schedule_title.setWordWrap(True)
        layout.addWidget(self.schedule_title)
        self.schedule = TextTable()
        self.schedule_view = FittedTable(self.schedule, stretch=-1)
        self.schedule_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.schedule_view)
        self.chart = CashflowChart()
        layout.addWidget(self.chart)
        layout.addStretch(1)
        controller.scoreChanged.connect(lambda _s: self.request_refresh())
        controller.projectChanged.connect(self.request_refresh)
        self.refresh()

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        try:
            advice: Advice = self.advice_source()
        except Exception as error:
            self.empty.setText(error.text(self.lang) if isinstance(error, ValueProblem) else
                               self.tr("The advice data could not be loaded: %1")
                               .replace("%1", str(error)))
            self.empty.show()
            return
        a = advice.appraisal
        has = a is not None
        self.empty.setVisible(not has)
        for widget in (self.figures_card, self.sensitivity_title, self.sensitivity_view,
                       self.sensitivity_note, self.options_title, self.options_view,
                       self.reasons_card, self.terms_card, self.schedule_view, self.chart,
                       self.schedule_title):
            widget.setVisible(has)
        lines = verdict(advice)
        self.verdict.setText("\n".join(t.get(self.lang) for t in lines))
        self.verdict.setObjectName("verdictOk" if advice.recommended is not None else "banner")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verdict.setVisible(has and bool(lines))
        if a is None:
            return
        # no repayment schedule while the assessment is unfinished or the benefit unknown
        self.schedule_view.setVisible(not advice.withheld)
        self.schedule_title.setVisible(not advice.withheld)
        self._show_figures(advice)
        self._show_sensitivity(advice)
        self._show_options(advice)
        self._show_option(advice)

    def _show_figures(self, advice: Advice) -> None:
        a = advice.appraisal
        assert a is not None
        lang = self.lang
        while self.figures.count():
            item = self.figures.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        before = self.tr("before tax: %1")
        figures: list[tuple[str, str, str]] = [
            (self.tr("Investment"), fmt(a.investment, lang), ""),
            (self.tr("Subsidies counted"), fmt(a.subsidies, lang), ""),
            (self.tr("Net investment"), fmt(a.net_investment, lang), ""),
            (self.tr("Annual net benefit"), fmt(a.annual_net_benefit, lang),
             self.tr("before tax, at full output")),
            (self.tr("NPV after tax (%1, %2 years)").replace("%1", percent(a.discount_rate))
             .replace("%2", str(a.life_years)), fmt(a.npv, lang),
             before.replace("%1", fmt(a.npv_pre_tax, lang))),
            (self.tr("IRR after tax"), percent(a.irr), before.replace("%1",
                                                                       percent(a.irr_pre_tax))),
            (self.tr("Payback after tax"), self._years_text(a.payback_after_tax),
             self.tr("simple payback before tax: %1").replace(
                 "%1", self._years_text(a.payback_years))),
            (self.tr("Income tax rate"), percent(a.tax_rate), self._tax_source()),
            (self.tr("ROI"), percent(a.roi), ""),
            (self.tr("Break-even annual benefit"), fmt(a.breakeven_benefit, lang),
             self.tr("after-tax NPV is zero")),
            (self.tr("Safety margin"), percent(a.safety_margin), ""),
            (self.tr("Residual value at the end"), fmt(a.residual_value, lang), ""),
        ]
        for n, (name, value, note) in enumerate(figures):
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            label = QLabel(name)
            label.setObjectName("muted")
            label.setWordWrap(True)
            number = QLabel(value)
            number.setObjectName("subtitle")
            box.addWidget(label)
            box.addWidget(number)
            if note:
                small = QLabel(note)
                small.setObjectName("help")
                small.setWordWrap(True)
                box.addWidget(small)
            box.addStretch(1)
            self.figures.addWidget(cell, n // 4, n % 4)
        for column in range(4):
            self.figures.setColumnStretch(column, 1)

    def _tax_source(self) -> str:
        from ..core.assessment.bank_file import TAX_STATUSES

        plan = self.controller.project()
        if plan.bank.tax_status is not None:
            return self.tr("tax status: %1").replace(
                "%1", TAX_STATUSES[plan.bank.tax_status].get(self.lang))
        if plan.finance.tax_rate not in (None, ""):
            return self.tr("as given in the plan")
        return self.tr("general rate (no tax status in the bank file)")

    def _years_text(self, value: Decimal | None) -> str:
        return "—" if value is None else self.tr("%1 years").replace("%1", str(value))

    def _show_sensitivity(self, advice: Advice) -> None:
        a = advice.appraisal
        assert a is not None
        lang = self.lang
        names = {"base": self.tr("Expected"), "benefits_minus_20": self.tr("Benefits -20%"),
                 "costs_plus_20": self.tr("Investment +20%"), "both": self.tr("Both")}
        dscr = dict(advice.dscr_sensitivity())
        best = advice.best
        floor = Decimal(repr(self.advice_data().options.test_for(best.option).min_dscr)) \
            if best is not None else None
        colors: dict[tuple[int, int], str] = {}
        rows = []
        for i, s in enumerate(a.sensitivity):
            low = dscr.get(s.name)
            rows.append([names.get(s.name, s.name), fmt(s.net_investment, lang),
                         fmt(s.annual_net_benefit, lang), fmt(s.npv, lang),
                         fmt(s.npv_pre_tax, lang), percent(s.irr),
                         "—" if s.payback_years is None else str(s.payback_years),
                         "—" if low is None else str(low)])
            colors[(i, 3)] = ERROR if s.npv < 0 else OK
            if low is not None and floor is not None:
                colors[(i, 7)] = ERROR if low < floor else OK
        self.sensitivity.set(
            [self.tr("Scenario"), self.tr("Net investment"), self.tr("Annual net benefit"),
             self.tr("NPV after tax"), self.tr("NPV before tax"), self.tr("IRR after tax"),
             self.tr("Simple payback (years)"), self.tr("Lowest DSCR")], rows, colors)
        self.sensitivity_note.setText(
            self.tr("Lowest DSCR: of the first-ranked structure, %1, on its terms. DSCR: what "
                    "the firm earns in a year divided by what it must repay that year; a bank "
                    "wants at least %2.").replace("%1", best.label.get(lang))
            .replace("%2", str(floor)) if best is not None and floor is not None else "")
        self.sensitivity_note.setVisible(best is not None)

    def _status(self, o: OptionAdvice) -> tuple[str, str]:
        """Whether the structure passes the bank's tests, in plain words, and its colour."""
        names = {"own_share": self.tr("own money share"),
                 "dscr": self.tr("repayment cover (DSCR)"),
                 "icr": self.tr("interest cover (ICR)"),
                 "repaid": self.tr("repaid within the term"),
                 "own_funds": self.tr("own funds available"),
                 "debt_ratio": self.tr("debt ratio after the project")}
        sep = "、" if self.lang == "zh" else ", "
        failed = [names.get(t.test, t.test) for t in o.tests if t.passed is False]
        if failed:
            return self.tr("Fails: %1").replace("%1", sep.join(failed)), ERROR
        unsure = [names.get(t.test, t.test) for t in o.tests if t.passed is None]
        if unsure:
            return (self.tr("Passes the bank's tests (to confirm: %1)")
                    .replace("%1", sep.join(unsure)), OK)
        return self.tr("Passes the bank's tests"), OK

    def _show_options(self, advice: Advice) -> None:
        lang = self.lang
        chosen = self.controller.project().finance.chosen
        rows: list[list[str]] = []
        colors: dict[tuple[int, int], str] = {}
        lines: dict[tuple[int, int], list[tuple[str, str | None]]] = {}
        for n, o in enumerate(advice.options):
            mark = "★ " if o.option.id == chosen else ""
            status, color = self._status(o)
            pl = o.plan
            rows.append([f"{mark}{o.label.get(lang)}", status, fmt(pl.financed, lang),
                         fmt(pl.own_contribution, lang), fmt(pl.total_cost, lang),
                         _years(pl.min_dscr), _years(pl.min_icr)])
            colors[(n, 1)] = color
            note: list[tuple[str, str | None]] = [(o.option.plain.get(lang), None)]
            if advice.recommended is o:
                note.append((self.tr("Recommended"), OK))
            if o.option.id == chosen:
                note.append((self.tr("Your choice"), None))
            lines[(n, 0)] = note
        self._filling = True      # the rows are rebuilt: the selection is restored below
        self.options.set([self.tr("Structure"), self.tr("Bank's tests"), self.tr("Financed"),
                          self.tr("Own money"), self.tr("Financing cost"),
                          self.tr("Lowest DSCR"), self.tr("Lowest ICR")], rows, colors, lines)
        metrics = self.options_view.fontMetrics()
        self.options_view.set_fixed(
            1, metrics.horizontalAdvance(self.tr("Passes the bank's tests")) + 24)
        ids = [o.option.id for o in advice.options]
        if self.selected not in ids:
            self.selected = self.opening_choice(advice)
        if self.selected in ids:
            self.options_view.selectRow(ids.index(self.selected))
        self._filling = False

    def opening_choice(self, advice: Advice) -> str | None:
        """The structure shown first: the owner's choice, else the recommended one, else the
        first-ranked one."""
        chosen = self.controller.project().finance.chosen
        if chosen in [o.option.id for o in advice.options]:
            return chosen
        first = advice.recommended or advice.best
        return first.option.id if first is not None else None

    def _option_html(self, advice: Advice, option: OptionAdvice) -> str:
        lang = self.lang
        parts = [f"<b>{escape(option.label.get(lang))}</b>",
                 escape(option.option.plain.get(lang)),
                 f"<span style='color:{MUTED}'>{escape(option.option.description.get(lang))}"
                 "</span>"]
        if advice.recommended is option:
            parts.append(f"<b style='color:{OK}'>"
                         + escape(self.tr("Recommended for this firm and project.")) + "</b>")
        lines = option_lines(option)
        tests = len(option.tests)
        parts.append("<b>" + escape(self.tr("The bank's tests")) + "</b>")
        for n, text in enumerate(lines):
            if n < tests:   # the tests, each saying whether it passes
                color = TEST_COLORS[option.tests[n].passed]
                parts.append(f"<span style='color:{color}'>{escape(text.get(lang))}</span>")
            else:
                parts.append(f"→ {escape(text.get(lang))}")
        if option.reasons_for or option.reasons_against:
            parts.append("<b>" + escape(self.tr("For and against")) + "</b>")
        parts += [f"+ {escape(t.get(lang))}" for t in option.reasons_for]
        parts += [f"– {escape(t.get(lang))}" for t in option.reasons_against]
        if option.option.case:
            parts.append("<i>" + escape(option.option.case.get(lang)) + "</i>")
        return "<br>".join(parts)

    def _show_option(self, advice: Advice) -> None:
        option = next((o for o in advice.options if o.option.id == self.selected), None)
        if option is None or advice.appraisal is None:
            return
        lang = self.lang
        self.reasons.setText(self._option_html(advice, option))
        self.assumptions.setText(option.option.assumptions.get(lang))
        terms, defaults = option.structure.terms, option.structure.defaults
        self.shown_terms = {}
        for name, edit in self.terms.items():
            text = self._term_text(name, getattr(terms, name))
            self.shown_terms[name] = text
            edit.setText(text)
            default = self._term_text(name, getattr(defaults, name))
            # a term the advisor proposes to negotiate so that the structure passes
            self.term_notes[name].setText(self.tr("proposed (default %1)").replace(
                "%1", default) if default != text else "")
            relevant = option.option.repayment != "none" and (
                name != "profit_share" or option.option.repayment == "profit_share")
            edit.setEnabled(relevant)
        self.choose.setEnabled(self.controller.project().finance.chosen != option.option.id)
        self._show_schedule(option)
        self.chart.set_series(cashflow_series(advice.appraisal, option.plan),
                              (self.tr("Project benefit"),
                               self.tr("Own contribution and payments"),
                               self.tr("Cumulative cash"),
                               self.tr("Still owed to the financier")), self.tr("10k yuan"))

    @staticmethod
    def _term_text(name: str, raw: Any) -> str:
        return scaled_text(raw, 1, whole=True) if name == "years" else scaled_text(raw, 100)

    def _show_schedule(self, option: OptionAdvice) -> None:
        lang = self.lang
        pl = option.plan
        self.schedule_title.setText(self.tr("Repayment schedule: %1")
                                    .replace("%1", option.label.get(lang)))
        subsidy = any(r.subsidy for r in pl.rows)
        test = self.advice_data().options.test_for(option.option)
        dscr_floor, icr_floor = Decimal(repr(test.min_dscr)), Decimal(repr(test.min_icr))
        rows, colors = [], {}
        for i, r in enumerate(pl.rows):
            row = [str(r.year), fmt(r.payment, lang), fmt(r.interest, lang),
                   fmt(r.principal, lang), fmt(r.balance, lang), fmt(r.existing_service, lang)]
            if subsidy:
                row.append(fmt(r.subsidy, lang))
            row += [_years(r.dscr), _years(r.icr)]
            rows.append(row)
            last = len(row) - 1
            if r.dscr is not None and r.dscr < dscr_floor:
                colors[(i, last - 1)] = ERROR
            if r.icr is not None and r.icr < icr_floor:
                colors[(i, last)] = ERROR
        head = [self.tr("Year"), self.tr("Payment"), self.tr("Interest / cost"),
                self.tr("Principal"), self.tr("Still owed"), self.tr("Existing loans")]
        if subsidy:
            head.append(self.tr("Interest subsidy"))
        self.schedule.set(head + [self.tr("DSCR"), self.tr("ICR")], rows, colors)

    # ------------------------------------------------------------------ editing

    def _option_clicked(self, index: QModelIndex) -> None:
        try:
            advice: Advice = self.advice_source()
        except Exception:
            return
        if 0 <= index.row() < len(advice.options):
            self.selected = advice.options[index.row()].option.id
            self.term_error.setText("")
            self._show_option(advice)

    def _choose(self) -> None:
        plan = self.controller.project()
        plan.finance.chosen = self.selected
        self.controller.set_project(plan)

    def _term_changed(self, name: str) -> None:
        if self.selected is None:
            return
        text = self.terms[name].text().strip()
        if text == self.shown_terms.get(name):
            return
        try:
            stored = parse_term(name, text)
        except ValueProblem as problem:
            self.term_error.setText(problem.text(self.lang))
            return
        plan = self.controller.project()
        current = plan.finance.overrides.get(self.selected, {})
        if current.get(name) == stored:
            return
        plan.finance.overrides = {**plan.finance.overrides,
                                  self.selected: {**current, name: stored}}
        error = self.controller.set_project(plan)
        self.term_error.setText(error or "")
