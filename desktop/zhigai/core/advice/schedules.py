"""The yearly schedule of one financing of a project: payments, interest, balance, the firm's
net profit with the project, and the coverage ratios a bank reads for every year.

* annuity payment = P r / (1 - (1 + r)^-n); a profit-share option pays the agreed share of the
  project's yearly net benefit until the amount and the financier's return are paid
* DSCR_t = (net profit_t + depreciation_t + interest_t + existing interest + subsidy_t)
  / (payment_t + existing debt service), the project's tax taken on its profit before
  financing costs (the new debt's tax saving is not counted: conservative, and so putting more
  money down never lowers the coverage); when the firm's operating cash flow is given (it is
  before interest paid and includes the firm's own depreciation), it stands for the firm's
  net profit and existing interest
* ICR_t (利息备付率) = EBIT_t / (interest_t - interest subsidy_t + existing interest), EBIT_t =
  the firm's profit before interest and tax with the project
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from ..assessment.money import ZERO, round_fen
from .calculator import Project
from .cashmath import ONE, annuity_payment

Repayment = Literal["none", "annuity", "profit_share"]


@dataclass(frozen=True)
class Terms:
    """How an option is repaid. Rates are yearly fractions."""

    repayment: Repayment
    financed_share: Decimal = ZERO       # share of the financed base the financier pays
    rate: Decimal = ZERO                 # loan rate, or the financier's required return
    years: int = 0                       # loan term, or the longest profit-share period
    fee_rate: Decimal = ZERO             # yearly fee on the outstanding amount (guarantee)
    profit_share: Decimal = ZERO         # share of the project's yearly benefit paid
    subsidy_points: Decimal = ZERO       # interest subsidy, in rate points (0.01 = 1 point)
    subsidy_years: int = 0
    max_amount: Decimal | None = None    # e.g. microfinance ceiling


@dataclass(frozen=True)
class YearRow:
    year: int
    payment: Decimal       # paid to the financier this year (interest + principal + fees)
    interest: Decimal      # cost part: interest, fees, the financier's return
    principal: Decimal     # capital repaid
    balance: Decimal       # outstanding after this year's payment
    subsidy: Decimal       # interest subsidy received
    net_profit: Decimal    # the firm's net profit with the project, after financing costs
    depreciation: Decimal
    dscr: Decimal | None
    icr: Decimal | None = None
    ebit: Decimal = ZERO
    existing_service: Decimal = ZERO


@dataclass(frozen=True)
class FinancingPlan:
    option: str
    base: Decimal                 # what the option can finance (net investment or a part)
    financed: Decimal
    own_contribution: Decimal
    rows: tuple[YearRow, ...]
    total_cost: Decimal           # interest + fees + returns - subsidies
    repaid: bool                  # fully repaid within the term
    capped: bool = False          # limited by max_amount
    terms: Terms | None = None

    @property
    def min_dscr(self) -> Decimal | None:
        values = [r.dscr for r in self.rows if r.dscr is not None]
        return min(values) if values else None

    @property
    def min_icr(self) -> Decimal | None:
        values = [r.icr for r in self.rows if r.icr is not None]
        return min(values) if values else None

    @property
    def left_unpaid(self) -> Decimal:
        return self.rows[-1].balance if self.rows else ZERO

    @property
    def own_share(self) -> Decimal:
        total = self.financed + self.own_contribution
        return ZERO if total == 0 else (self.own_contribution / total).quantize(
            Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _ratio(top: Decimal, bottom: Decimal) -> Decimal | None:
    if bottom <= 0:
        return None
    return (top / bottom).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _pre_tax_base(project: Project) -> Decimal:
    """The firm's profit before tax without the project, from its net profit."""
    base = project.base_profit
    if base > 0 and project.tax_rate < 1:
        return round_fen(base / (ONE - project.tax_rate))
    return base


def _row(project: Project, year: int, payment: Decimal, cost: Decimal, principal: Decimal,
         balance: Decimal, subsidy: Decimal) -> YearRow:
    benefit = project.benefit(year)
    dep = project.depreciation(year)
    pre_tax = benefit - dep - cost + subsidy
    after_tax = pre_tax * (ONE - project.tax_rate) if pre_tax > 0 else pre_tax
    profit = round_fen(project.base_profit + after_tax)
    existing = project.existing_debt_service
    ebit_project = benefit - dep
    unlevered = ebit_project * (ONE - project.tax_rate) if ebit_project > 0 else ebit_project
    base = project.base_cash if project.base_cash is not None \
        else project.base_profit + project.existing_interest
    dscr = _ratio(round_fen(base + unlevered) + dep + subsidy, payment + existing)
    ebit = round_fen(_pre_tax_base(project) + project.existing_interest + benefit - dep)
    icr = _ratio(ebit, cost - subsidy + project.existing_interest)
    return YearRow(year, payment, cost, principal, balance, subsidy, profit, dep, dscr, icr,
                   ebit, existing)


def plan(option: str, project: Project, terms: Terms,
         base: Decimal | None = None) -> FinancingPlan:
    """The yearly schedule of one financing option for the project's net investment (or for
    ``base``, the part it can finance, e.g. the equipment of a lease)."""
    net = project.net_investment
    base = net if base is None else min(base, net)
    financed = round_fen(base * terms.financed_share) if terms.repayment != "none" else ZERO
    capped = False
    if terms.max_amount is not None and financed > terms.max_amount:
        financed, capped = terms.max_amount, True
    own = net - financed
    rows: list[YearRow] = []
    total_cost = ZERO
    balance = financed
    if terms.repayment == "annuity" and financed > 0:
        payment = annuity_payment(financed, terms.rate, terms.years)
        for year in range(1, terms.years + 1):
            interest = round_fen(balance * terms.rate)
            fee = round_fen(balance * terms.fee_rate)
            # the last year repays what is left; fen rounding of small loans can also pay
            # the balance off a year early, never below zero
            principal = min(payment - interest, balance) if year < terms.years else balance
            subsidy = round_fen(balance * terms.subsidy_points) \
                if year <= terms.subsidy_years else ZERO
            cost = interest + fee
            balance = round_fen(balance - principal)
            rows.append(_row(project, year, principal + cost, cost, principal, balance,
                             subsidy))
            total_cost += cost - subsidy
        repaid = True
    elif terms.repayment == "profit_share" and financed > 0:
        repaid = False
        for year in range(1, terms.years + 1):
            benefit = project.benefit(year)
            share = round_fen(benefit * terms.profit_share) if benefit > 0 else ZERO
            cost = round_fen(balance * terms.rate)
            due = balance + cost
            payment = min(share, due)
            principal = payment - cost
            balance = round_fen(due - payment)
            rows.append(_row(project, year, payment, cost, principal, balance, ZERO))
            total_cost += cost
            if balance <= 0:
                repaid = True
                break
    else:
        repaid = True
        for year in range(1, project.life_years + 1):
            rows.append(_row(project, year, ZERO, ZERO, ZERO, ZERO, ZERO))
    return FinancingPlan(option, base, financed, round_fen(own), tuple(rows),
                         round_fen(total_cost), repaid, capped, terms)


def repaid_within(project: Project, terms: Terms, base: Decimal) -> bool:
    """Whether a profit-share financing of ``base`` is repaid within its term: the balance
    loop of ``plan`` alone (no rows), for the searches that only need this."""
    financed = round_fen(min(base, project.net_investment) * terms.financed_share)
    if terms.max_amount is not None and financed > terms.max_amount:
        financed = terms.max_amount
    balance = financed
    if balance <= 0:
        return True
    for year in range(1, terms.years + 1):
        benefit = project.benefit(year)
        share = round_fen(benefit * terms.profit_share) if benefit > 0 else ZERO
        due = balance + round_fen(balance * terms.rate)
        balance = round_fen(due - min(share, due))
        if balance <= 0:
            return True
    return False
