"""Financing: the calculator (investment, subsidies, payback, ROI, NPV, IRR, break-even,
sensitivity), the options compared and ranked with their reasons, the chosen option's terms,
repayment schedule with DSCR by year, and a cash-flow chart."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
)

from ..core.advice.advise import Advice
from ..core.advice.charts import cashflow_series
from ..core.advice.financing import percent
from ..core.assessment.money import fmt
from .cashflow_chart import CashflowChart
from .controller import SessionController
from .lazy import LazyRefresh
from .pages import scroll_page
from .style import ERROR, OK

Index = QModelIndex | QPersistentModelIndex


class _Table(QAbstractTableModel):
    """A read-only table of strings."""

    def __init__(self) -> None:
        super().__init__()
        self.head: list[str] = []
        self.rows: list[list[str]] = []
        self.colors: dict[tuple[int, int], str] = {}

    def set(self, head: list[str], rows: list[list[str]],
            colors: dict[tuple[int, int], str] | None = None) -> None:
        self.beginResetModel()
        self.head, self.rows, self.colors = head, rows, colors or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.head)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.head[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.colors.get((index.row(), index.column()))
            return QColor(color) if color else None
        return None


def _table(model: _Table) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names take the room
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def _fit(view: QTableView) -> None:
    rows = view.model().rowCount()
    view.setFixedHeight(view.horizontalHeader().height()
                        + sum(view.rowHeight(r) for r in range(rows)) + 4)


TERM_FIELDS = ("rate", "years", "financed_share", "profit_share")


class FinancingView(LazyRefresh, QScrollArea):
    def __init__(self, controller: SessionController, lang: str, advice_source: Any):
        super().__init__()
        self.controller = controller
        self.lang = lang
        self.advice_source = advice_source
        self.selected: str | None = None
        layout = scroll_page(self)
        title = QLabel(self.tr("Investment and financing"))
        title.setObjectName("title")
        layout.addWidget(title)
        self.empty = QLabel(self.tr("No project yet. Tick measures in the Plan or add project "
                                    "items to see the calculation."))
        self.empty.setObjectName("banner")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.figures_card = QFrame()
        self.figures_card.setObjectName("card")
        self.figures = QGridLayout(self.figures_card)
        self.figures.setHorizontalSpacing(24)
        layout.addWidget(self.figures_card)
        self.sensitivity = _Table()
        self.sensitivity_view = _table(self.sensitivity)
        layout.addWidget(self.sensitivity_view)

        options_title = QLabel(self.tr("Financing options compared"))
        options_title.setObjectName("subtitle")
        layout.addWidget(options_title)
        self.withheld = QLabel()
        self.withheld.setObjectName("banner")
        self.withheld.setWordWrap(True)
        layout.addWidget(self.withheld)
        self.options = _Table()
        self.options_view = _table(self.options)
        self.options_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.options_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.options_view.clicked.connect(self._option_clicked)
        layout.addWidget(self.options_view)

        detail = QHBoxLayout()
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop)
        reasons_card = QFrame()
        reasons_card.setObjectName("card")
        QVBoxLayout(reasons_card).addWidget(self.reasons)
        detail.addWidget(reasons_card, 3)
        terms_card = QFrame()
        terms_card.setObjectName("card")
        form = QFormLayout(terms_card)
        self.terms: dict[str, QLineEdit] = {}
        names = {"rate": self.tr("Rate / return (% a year)"), "years": self.tr("Term (years)"),
                 "financed_share": self.tr("Share financed (%)"),
                 "profit_share": self.tr("Profit share paid (%)")}
        for name in TERM_FIELDS:
            edit = QLineEdit()
            edit.setMaximumWidth(100)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.editingFinished.connect(lambda n=name: self._term_changed(n))
            self.terms[name] = edit
            form.addRow(names[name], edit)
        self.assumptions = QLabel()
        self.assumptions.setObjectName("help")
        self.assumptions.setWordWrap(True)
        form.addRow(self.assumptions)
        self.choose = QPushButton(self.tr("Use this option"))
        self.choose.setObjectName("primary")
        self.choose.clicked.connect(self._choose)
        form.addRow(self.choose)
        self.term_error = QLabel()
        self.term_error.setObjectName("error")
        self.term_error.setWordWrap(True)
        form.addRow(self.term_error)
        detail.addWidget(terms_card, 2)
        layout.addLayout(detail)

        self.schedule_title = QLabel()
        self.schedule_title.setObjectName("subtitle")
        layout.addWidget(self.schedule_title)
        self.schedule = _Table()
        self.schedule_view = _table(self.schedule)
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
            self.empty.setText(self.tr("The advice data could not be loaded: %1")
                               .replace("%1", str(error)))
            self.empty.show()
            return
        a = advice.appraisal
        has = a is not None
        self.empty.setVisible(not has)
        for widget in (self.figures_card, self.sensitivity_view, self.options_view,
                       self.schedule_view, self.chart, self.schedule_title):
            widget.setVisible(has)
        self.withheld.setText("\n".join(r.get(self.lang) for r in advice.withheld))
        self.withheld.setVisible(has and bool(advice.withheld))
        if a is None:
            return
        # no repayment schedule while the assessment is unfinished or the benefit unknown
        self.schedule_view.setVisible(not advice.withheld)
        self.schedule_title.setVisible(not advice.withheld)
        lang = self.lang
        while self.figures.count():
            widget = self.figures.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        figures = [
            (self.tr("Investment"), fmt(a.investment, lang)),
            (self.tr("Subsidies counted"), fmt(a.subsidies, lang)),
            (self.tr("Net investment"), fmt(a.net_investment, lang)),
            (self.tr("Annual net benefit"), fmt(a.annual_net_benefit, lang)),
            (self.tr("Simple payback"), "—" if a.payback_years is None else
             self.tr("%1 years").replace("%1", str(a.payback_years))),
            (self.tr("ROI"), percent(a.roi)),
            (self.tr("NPV (%1, %2 years)").replace("%1", percent(a.discount_rate))
             .replace("%2", str(a.life_years)), fmt(a.npv, lang)),
            (self.tr("IRR"), percent(a.irr)),
            (self.tr("Break-even annual benefit"), fmt(a.breakeven_benefit, lang)),
            (self.tr("Safety margin"), percent(a.safety_margin)),
        ]
        for n, (name, value) in enumerate(figures):
            label = QLabel(name)
            label.setObjectName("muted")
            number = QLabel(value)
            number.setObjectName("subtitle")
            self.figures.addWidget(label, (n // 5) * 2, n % 5)
            self.figures.addWidget(number, (n // 5) * 2 + 1, n % 5)
        names = {"base": self.tr("Expected"), "benefits_minus_20": self.tr("Benefits -20%"),
                 "costs_plus_20": self.tr("Investment +20%"), "both": self.tr("Both")}
        self.sensitivity.set(
            [self.tr("Scenario"), self.tr("Net investment"), self.tr("Annual net benefit"),
             self.tr("NPV"), self.tr("IRR"), self.tr("Payback (years)")],
            [[names[s.name], fmt(s.net_investment, lang), fmt(s.annual_net_benefit, lang),
              fmt(s.npv, lang), percent(s.irr),
              "—" if s.payback_years is None else str(s.payback_years)]
             for s in a.sensitivity],
            {(i, 3): (ERROR if s.npv < 0 else OK) for i, s in enumerate(a.sensitivity)})
        _fit(self.sensitivity_view)

        plan = self.controller.project()
        chosen = plan.finance.chosen
        rows, colors = [], {}
        for n, o in enumerate(advice.options, start=1):
            mark = "★ " if o.option.id == chosen else ""
            status = self.tr("passes") if o.acceptable else self.tr("fails a bank's test")
            pl = o.plan
            rows.append([f"{n}. {mark}{o.option.name.get(lang)}", f"{o.score:.2f}",
                         fmt(pl.financed if pl else None, lang),
                         fmt(pl.own_contribution if pl else None, lang),
                         fmt(pl.total_cost if pl else None, lang),
                         "—" if pl is None or pl.min_dscr is None else str(pl.min_dscr),
                         status])
            colors[(n - 1, 6)] = OK if o.acceptable else ERROR
        self.options.set([self.tr("Option"), self.tr("Score"), self.tr("Financed"),
                          self.tr("Own contribution"), self.tr("Financing cost"),
                          self.tr("Lowest DSCR"), self.tr("Bank test")], rows, colors)
        _fit(self.options_view)
        ids = [o.option.id for o in advice.options]
        if self.selected not in ids:
            self.selected = chosen if chosen in ids else (
                advice.recommended.option.id if advice.recommended else None)
        if self.selected in ids:
            self.options_view.selectRow(ids.index(self.selected))
        self._show_option(advice)

    def _show_option(self, advice: Advice) -> None:
        option = next((o for o in advice.options if o.option.id == self.selected), None)
        if option is None or advice.appraisal is None:
            return
        lang = self.lang
        parts = [f"<b>{option.option.name.get(lang)}</b>",
                 option.option.description.get(lang)]
        if advice.recommended is option:
            parts.append("<b>" + self.tr("Recommended for this firm and project.") + "</b>")
        for text in option.flags:
            parts.append(f"<span style='color:{ERROR}'>⚠ {text.get(lang)}</span>")
        for text in option.reasons_for:
            parts.append(f"✓ {text.get(lang)}")
        for text in option.reasons_against:
            parts.append(f"– {text.get(lang)}")
        if option.option.case:
            parts.append("<i>" + option.option.case.get(lang) + "</i>")
        self.reasons.setText("<br>".join(parts))
        self.assumptions.setText(option.option.assumptions.get(lang))
        overrides = self.controller.project().finance.overrides.get(option.option.id, {})
        defaults = option.option.defaults
        for name, edit in self.terms.items():
            raw = overrides.get(name, getattr(defaults, name))
            value = Decimal(str(raw))
            edit.setText(str(int(value)) if name == "years"
                         else f"{(value * 100).normalize():f}")
            relevant = option.option.repayment != "none" and (
                name != "profit_share" or option.option.repayment == "profit_share")
            edit.setEnabled(relevant)
        self.choose.setEnabled(self.controller.project().finance.chosen != option.option.id)
        pl = option.plan
        self.schedule_title.setText(self.tr("Repayment schedule: %1")
                                    .replace("%1", option.option.name.get(lang)))
        rows = [[str(r.year), fmt(r.payment, lang), fmt(r.interest, lang),
                 fmt(r.principal, lang), fmt(r.balance, lang), fmt(r.subsidy, lang),
                 fmt(r.net_profit, lang), "—" if r.dscr is None else str(r.dscr)]
                for r in (pl.rows if pl else ())]
        threshold = Decimal(repr(self._bank_test()))
        colors = {(i, 7): ERROR for i, r in enumerate(pl.rows if pl else ())
                  if r.dscr is not None and r.dscr < threshold}
        self.schedule.set([self.tr("Year"), self.tr("Payment"), self.tr("Interest / cost"),
                           self.tr("Principal"), self.tr("Balance"), self.tr("Subsidy"),
                           self.tr("Firm's net profit"), self.tr("DSCR")], rows, colors)
        _fit(self.schedule_view)
        self.chart.set_series(cashflow_series(advice.appraisal, pl),
                              (self.tr("Project benefit"),
                               self.tr("Own contribution and payments"),
                               self.tr("Cumulative cash")), self.tr("10k yuan"))

    def _bank_test(self) -> float:
        from ..core.advice.data import default_advice_data

        return default_advice_data().options.bank_test.min_dscr

    # ------------------------------------------------------------------ editing

    def _option_clicked(self, index: QModelIndex) -> None:
        try:
            advice: Advice = self.advice_source()
        except Exception:
            return
        if 0 <= index.row() < len(advice.options):
            self.selected = advice.options[index.row()].option.id
            self._show_option(advice)

    def _choose(self) -> None:
        plan = self.controller.project()
        plan.finance.chosen = self.selected
        self.controller.set_project(plan)

    def _term_changed(self, name: str) -> None:
        if self.selected is None:
            return
        text = self.terms[name].text().strip()
        try:
            value = Decimal(text)
            if not value.is_finite():
                raise InvalidOperation
            if name == "years":
                if value != value.to_integral_value() or not 1 <= value <= 30:
                    raise ValueError
                stored = str(int(value))
            else:
                if not 0 <= value <= (50 if name == "rate" else 100):
                    raise ValueError
                stored = str((value / 100).normalize())
        except (InvalidOperation, ValueError):
            limits = {"rate": "0-50", "years": "1-30", "financed_share": "0-100",
                      "profit_share": "0-100"}[name]
            self.term_error.setText(
                f"“{text}”无效，请输入 {limits} 之间的数" if self.lang == "zh" else
                 f"'{text}' is not valid; enter a number in {limits}")
            return
        plan = self.controller.project()
        current = plan.finance.overrides.get(self.selected, {})
        if current.get(name) == stored:
            return
        plan.finance.overrides = {**plan.finance.overrides,
                                  self.selected: {**current, name: stored}}
        error = self.controller.set_project(plan)
        self.term_error.setText(error or "")

