"""The investment calculator a bank can follow: appraisal of a transformation project and the
yearly schedules of its financing options. Every amount is a Decimal in yuan (see
``assessment/money.py``).

Formulas (domain brief section 8):

* annual net benefit = labour saved (positions x annual cost per worker) + extra margin from
  output gain + scrap/rework saved + energy saved - added running costs
* net investment = investment - subsidies
* simple payback = net investment / annual net benefit; ROI = annual net benefit / net investment
* NPV = sum over t = 1..N of CF_t / (1 + r)^t - net investment (residual value in year N);
  IRR solves NPV = 0 (bisection, to 1e-7)
* annuity payment = P r / (1 - (1 + r)^-n)
* DSCR_t = (net profit_t + depreciation_t + interest_t) / (interest_t + principal_t), with the
  firm's existing yearly debt service added to the denominator (conservative: its interest is
  not added back to the numerator)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal

from ..assessment.money import ZERO, round_fen

ONE = Decimal(1)


# ---------------------------------------------------------------------------- inputs

@dataclass(frozen=True)
class Effects:
    """Expected yearly effects of the project, in yuan (positions as a count)."""

    positions: int = 0
    cost_per_worker: Decimal = ZERO
    extra_margin: Decimal = ZERO
    scrap_saving: Decimal = ZERO
    energy_saving: Decimal = ZERO
    added_running_costs: Decimal = ZERO

    @property
    def labour_saving(self) -> Decimal:
        return round_fen(Decimal(self.positions) * self.cost_per_worker)

    @property
    def gross_benefit(self) -> Decimal:
        return self.labour_saving + self.extra_margin + self.scrap_saving + self.energy_saving

    @property
    def net_benefit(self) -> Decimal:
        return round_fen(self.gross_benefit - self.added_running_costs)

    def scaled(self, factor: Decimal) -> Effects:
        """Benefits scaled by ``factor`` (running costs unchanged): the -20% scenario."""
        return replace(self, cost_per_worker=round_fen(self.cost_per_worker * factor),
                       extra_margin=round_fen(self.extra_margin * factor),
                       scrap_saving=round_fen(self.scrap_saving * factor),
                       energy_saving=round_fen(self.energy_saving * factor))


@dataclass(frozen=True)
class Project:
    """What the calculator needs about a project and the firm."""

    investment: Decimal
    subsidies: Decimal
    effects: Effects
    life_years: int = 8
    discount_rate: Decimal = Decimal("0.08")
    residual_value: Decimal = ZERO
    tax_rate: Decimal = Decimal("0.25")
    base_profit: Decimal = ZERO          # the firm's yearly net profit before the project
    existing_debt_service: Decimal = ZERO  # the firm's yearly repayments of existing loans

    @property
    def net_investment(self) -> Decimal:
        return round_fen(max(ZERO, self.investment - self.subsidies))

    @property
    def depreciation(self) -> Decimal:
        """Straight-line depreciation of the net investment over the life."""
        if self.life_years <= 0:
            return ZERO
        return round_fen((self.net_investment - self.residual_value) / self.life_years)


# ---------------------------------------------------------------------------- appraisal

def npv(rate: Decimal, initial: Decimal, flows: list[Decimal]) -> Decimal:
    """Net present value: -initial + sum(flow_t / (1 + rate)^t), t = 1..len(flows)."""
    with localcontext() as ctx:
        ctx.prec = 34
        total = -initial
        factor = ONE + rate
        discount = ONE
        for flow in flows:
            discount *= factor
            total += flow / discount
    return round_fen(total)


def irr(initial: Decimal, flows: list[Decimal]) -> Decimal | None:
    """The rate that makes NPV zero, when the cash flows change sign once; else None."""
    if initial <= 0 or not flows or sum(flows) <= 0:
        return None

    def value(r: Decimal) -> Decimal:
        with localcontext() as ctx:
            ctx.prec = 34
            total = -initial
            factor = ONE + r
            discount = ONE
            for flow in flows:
                discount *= factor
                total += flow / discount
            return total

    low, high = Decimal("-0.99"), Decimal("10")
    if value(low) < 0 or value(high) > 0:
        return None
    for _ in range(100):
        mid = (low + high) / 2
        if value(mid) > 0:
            low = mid
        else:
            high = mid
        if high - low < Decimal("1e-9"):
            break
    return ((low + high) / 2).quantize(Decimal("0.0000001"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Scenario:
    name: str
    net_investment: Decimal
    annual_net_benefit: Decimal
    npv: Decimal
    irr: Decimal | None
    payback_years: Decimal | None


@dataclass(frozen=True)
class Appraisal:
    investment: Decimal
    subsidies: Decimal
    net_investment: Decimal
    annual_net_benefit: Decimal
    labour_saving: Decimal
    payback_years: Decimal | None
    roi: Decimal | None
    npv: Decimal
    irr: Decimal | None
    breakeven_benefit: Decimal
    safety_margin: Decimal | None
    discount_rate: Decimal
    life_years: int
    cash_flows: tuple[Decimal, ...]
    sensitivity: tuple[Scenario, ...] = field(default=())


def _flows(project: Project, benefit: Decimal) -> list[Decimal]:
    flows = [benefit] * project.life_years
    if flows:
        flows[-1] += project.residual_value
    return flows


def _payback(net_investment: Decimal, benefit: Decimal) -> Decimal | None:
    if benefit <= 0:
        return None
    return (net_investment / benefit).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _scenario(name: str, project: Project) -> Scenario:
    benefit = project.effects.net_benefit
    flows = _flows(project, benefit)
    return Scenario(name, project.net_investment, benefit,
                    npv(project.discount_rate, project.net_investment, flows),
                    irr(project.net_investment, flows), _payback(project.net_investment, benefit))


def appraise(project: Project) -> Appraisal:
    net = project.net_investment
    benefit = project.effects.net_benefit
    flows = _flows(project, benefit)
    value = npv(project.discount_rate, net, flows)
    # the yearly benefit at which NPV is zero: net investment / annuity factor
    with localcontext() as ctx:
        ctx.prec = 34
        r, n = project.discount_rate, project.life_years
        if n <= 0:
            annuity = ZERO
        elif r == 0:
            annuity = Decimal(n)
        else:
            annuity = (ONE - (ONE + r) ** -n) / r
        residual_pv = project.residual_value / (ONE + r) ** n if n > 0 else ZERO
        breakeven = round_fen((net - residual_pv) / annuity) if annuity > 0 else net
    breakeven = max(ZERO, breakeven)
    margin = None
    if benefit > 0:
        margin = ((benefit - breakeven) / benefit).quantize(Decimal("0.0001"),
                                                           rounding=ROUND_HALF_UP)
    more_cost = replace(project, investment=round_fen(project.investment * Decimal("1.2")))
    less_benefit = replace(project, effects=project.effects.scaled(Decimal("0.8")))
    both = replace(less_benefit, investment=more_cost.investment)
    return Appraisal(
        investment=project.investment, subsidies=min(project.subsidies, project.investment),
        net_investment=net, annual_net_benefit=benefit,
        labour_saving=project.effects.labour_saving,
        payback_years=_payback(net, benefit),
        roi=None if net <= 0 else (benefit / net).quantize(Decimal("0.0001"),
                                                           rounding=ROUND_HALF_UP),
        npv=value, irr=irr(net, flows), breakeven_benefit=breakeven, safety_margin=margin,
        discount_rate=project.discount_rate, life_years=project.life_years,
        cash_flows=(-net, *flows),
        sensitivity=(_scenario("base", project), _scenario("benefits_minus_20", less_benefit),
                     _scenario("costs_plus_20", more_cost), _scenario("both", both)))


# ---------------------------------------------------------------------------- financing

def annuity_payment(principal: Decimal, rate: Decimal, years: int) -> Decimal:
    """Yearly payment of an annuity loan: P r / (1 - (1 + r)^-n)."""
    if years <= 0:
        raise ValueError("the term must be at least one year")
    if principal <= 0:
        return ZERO
    with localcontext() as ctx:
        ctx.prec = 34
        if rate == 0:
            return round_fen(principal / years)
        return round_fen(principal * rate / (ONE - (ONE + rate) ** -years))


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

    @property
    def min_dscr(self) -> Decimal | None:
        values = [r.dscr for r in self.rows if r.dscr is not None]
        return min(values) if values else None

    @property
    def own_share(self) -> Decimal:
        total = self.financed + self.own_contribution
        return ZERO if total == 0 else (self.own_contribution / total).quantize(
            Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _net_profit(project: Project, benefit: Decimal, cost: Decimal, subsidy: Decimal) -> Decimal:
    """The firm's net profit: its base profit plus the project's after-tax contribution."""
    pre_tax = benefit - project.depreciation - cost + subsidy
    after_tax = pre_tax * (ONE - project.tax_rate) if pre_tax > 0 else pre_tax
    return round_fen(project.base_profit + after_tax)


def _dscr(net_profit: Decimal, depreciation: Decimal, interest: Decimal,
          debt_service: Decimal, existing: Decimal = ZERO) -> Decimal | None:
    debt_service += existing
    if debt_service <= 0:
        return None
    return ((net_profit + depreciation + interest) / debt_service).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP)


def plan(option: str, project: Project, terms: Terms, base: Decimal | None = None,
         own_funds_used: Decimal | None = None) -> FinancingPlan:
    """The yearly schedule of one financing option for the project's net investment (or for
    ``base``, the part it can finance, e.g. the equipment of a lease)."""
    net = project.net_investment
    base = net if base is None else min(base, net)
    financed = round_fen(base * terms.financed_share) if terms.repayment != "none" else ZERO
    capped = False
    if terms.max_amount is not None and financed > terms.max_amount:
        financed, capped = terms.max_amount, True
    own = net - financed if own_funds_used is None else own_funds_used
    benefit = project.effects.net_benefit
    rows: list[YearRow] = []
    total_cost = ZERO
    balance = financed
    horizon = max(project.life_years, terms.years)
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
            profit = _net_profit(project, benefit, cost, subsidy)
            rows.append(YearRow(year, principal + cost, cost, principal, balance, subsidy,
                                profit, project.depreciation,
                                _dscr(profit, project.depreciation, cost, principal + cost,
                                      project.existing_debt_service)))
            total_cost += cost - subsidy
        repaid = True
    elif terms.repayment == "profit_share" and financed > 0:
        share = round_fen(benefit * terms.profit_share) if benefit > 0 else ZERO
        repaid = False
        for year in range(1, terms.years + 1):
            cost = round_fen(balance * terms.rate)
            due = balance + cost
            payment = min(share, due)
            principal = payment - cost
            balance = round_fen(due - payment)
            profit = _net_profit(project, benefit, cost, ZERO)
            rows.append(YearRow(year, payment, cost, principal, balance, ZERO, profit,
                                project.depreciation,
                                _dscr(profit, project.depreciation, cost, payment,
                                      project.existing_debt_service)))
            total_cost += cost
            if balance <= 0:
                repaid = True
                break
    else:
        repaid = True
        for year in range(1, horizon + 1):
            profit = _net_profit(project, benefit, ZERO, ZERO)
            rows.append(YearRow(year, ZERO, ZERO, ZERO, ZERO, ZERO, profit,
                                project.depreciation,
                                _dscr(profit, project.depreciation, ZERO, ZERO,
                                      project.existing_debt_service)))
    return FinancingPlan(option, base, financed, round_fen(own), tuple(rows),
                         round_fen(total_cost), repaid, capped)
