"""The investment appraisal a bank can follow: a project's yearly cash flows before and after
income tax, with depreciation by asset class, a residual value at the end of the horizon, an
optional ramp-up, the break-even benefit and the sensitivity scenarios. Every amount is a
Decimal in yuan (see ``assessment/money.py``); the formulas are in docs/advice.md.

* annual net benefit B = labour saved + extra margin + scrap saved + energy saved - added
  running costs; year 1 earns the ramp-up share of the gross benefits
* net investment = investment - subsidies; subsidies (non-taxable public grants) lower the
  depreciable cost of every asset but land in proportion
* depreciation: straight line per asset class, cost x (1 - salvage) / life; land none
* residual value = book value at the end of the horizon (land at cost)
* tax_t = rate x max(0, B_t - D_t - losses carried from the 5 years before)
* after-tax CF_t = B_t - tax_t (+ residual value in year N); pre-tax CF_t = B_t (+ residual)
* NPV = sum CF_t / (1 + r)^t - net investment; IRR solves NPV = 0
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from ..assessment.money import ZERO, round_fen
from .cashmath import ONE, annuity_factor, irr, npv, payback_year, simple_payback

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

    def with_net_benefit(self, benefit: Decimal) -> Effects:
        """Effects whose net benefit is ``benefit`` (the running costs kept): for break-even."""
        return Effects(extra_margin=round_fen(benefit + self.added_running_costs),
                       added_running_costs=self.added_running_costs)


@dataclass(frozen=True)
class AssetClass:
    """How one kind of asset is depreciated: straight line over ``life`` years down to
    ``salvage`` (a share of cost); ``life`` 0 is never depreciated (land)."""

    life: int
    salvage: Decimal = ZERO


ASSET_CLASSES: dict[str, AssetClass] = {
    "land": AssetClass(0, ONE),
    "building": AssetClass(20, Decimal("0.05")),
    "equipment": AssetClass(10, Decimal("0.05")),
    "software": AssetClass(3),
    "expensed": AssetClass(1),
}


@dataclass(frozen=True)
class Asset:
    kind: str          # a key of the asset classes
    cost: Decimal


@dataclass(frozen=True)
class Project:
    """What the calculator needs about a project and the firm."""

    investment: Decimal
    subsidies: Decimal
    effects: Effects
    life_years: int = 8                  # the horizon of the appraisal
    discount_rate: Decimal = Decimal("0.08")
    tax_rate: Decimal = Decimal("0.25")
    base_profit: Decimal = ZERO          # the firm's yearly net profit before the project
    existing_debt_service: Decimal = ZERO  # the firm's yearly repayments of existing loans
    existing_interest: Decimal = ZERO    # the interest part of them
    debt_estimated: bool = False         # existing debt service estimated, not given
    base_cash: Decimal | None = None     # the firm's operating cash flow, when given
    assets: tuple[Asset, ...] = ()       # empty: the whole investment is equipment
    classes: Mapping[str, AssetClass] = field(default_factory=lambda: dict(ASSET_CLASSES))
    ramp_up: Decimal = ONE               # share of the gross benefits earned in year 1
    loss_years: int = 5                  # years a tax loss is carried forward

    @property
    def net_investment(self) -> Decimal:
        return round_fen(max(ZERO, self.investment - self.subsidies))

    def lines(self) -> tuple[Asset, ...]:
        return self._lines

    @cached_property
    def _lines(self) -> tuple[Asset, ...]:
        """The assets at their cost net of subsidies (land keeps its cost), summing to the net
        investment."""
        assets = self.assets if sum((a.cost for a in self.assets), ZERO) > 0 else (
            Asset("equipment", self.investment),)
        total = sum((a.cost for a in assets), ZERO)
        scale = self.investment / total if total > 0 else ONE
        scaled = [Asset(a.kind, round_fen(a.cost * scale)) for a in assets]
        land = sum((a.cost for a in scaled if a.kind == "land"), ZERO)
        rest = sum((a.cost for a in scaled if a.kind != "land"), ZERO)
        target = self.net_investment - land
        if target < 0:  # subsidies larger than all but land: land is what remains
            return (Asset("land", self.net_investment),)
        factor = target / rest if rest > 0 else ZERO
        out = [a if a.kind == "land" else Asset(a.kind, round_fen(a.cost * factor))
               for a in scaled]
        drift = self.net_investment - sum((a.cost for a in out), ZERO)
        if drift and out:  # fen rounding goes to the largest line
            big = max(range(len(out)), key=lambda i: out[i].cost)
            out[big] = Asset(out[big].kind, out[big].cost + drift)
        return tuple(out)

    def _class(self, kind: str) -> AssetClass:
        return self.classes.get(kind) or self.classes.get("equipment") or AssetClass(10)

    def depreciation(self, year: int) -> Decimal:
        """Depreciation (and amortisation) charged in ``year`` (1-based)."""
        cache = self._depreciation
        if year not in cache:
            cache[year] = self._depreciation_in(year)
        return cache[year]

    @cached_property
    def _depreciation(self) -> dict[int, Decimal]:
        return {}

    def _depreciation_in(self, year: int) -> Decimal:
        total = ZERO
        for asset in self.lines():
            cls = self._class(asset.kind)
            if cls.life > 0 and year <= cls.life:
                total += asset.cost * (ONE - cls.salvage) / cls.life
        return round_fen(total)

    @property
    def residual_value(self) -> Decimal:
        """Book value at the end of the horizon: land at cost, the rest net of depreciation."""
        return round_fen(sum((self.book_value(a, self.life_years) for a in self.lines()),
                             ZERO))

    def book_value(self, asset: Asset, year: int) -> Decimal:
        cls = self._class(asset.kind)
        if cls.life <= 0:
            return asset.cost
        used = min(year, cls.life)
        return asset.cost - asset.cost * (ONE - cls.salvage) * used / cls.life

    def benefit(self, year: int) -> Decimal:
        """The net benefit earned in ``year``: year 1 earns the ramp-up share of the gross."""
        return self._first_benefit if year == 1 else self._net_benefit

    @cached_property
    def _net_benefit(self) -> Decimal:
        return self.effects.net_benefit

    @cached_property
    def _first_benefit(self) -> Decimal:
        if self.ramp_up != ONE:
            return round_fen(self.effects.gross_benefit * self.ramp_up
                             - self.effects.added_running_costs)
        return self.effects.net_benefit


# ---------------------------------------------------------------------------- appraisal

@dataclass(frozen=True)
class TaxYear:
    year: int
    benefit: Decimal
    depreciation: Decimal
    taxable: Decimal      # benefit - depreciation - losses brought forward, not below 0
    tax: Decimal
    pre_tax_flow: Decimal
    flow: Decimal         # after tax; the residual value is in the last year of both


@dataclass(frozen=True)
class Scenario:
    name: str
    net_investment: Decimal
    annual_net_benefit: Decimal
    npv: Decimal
    irr: Decimal | None
    payback_years: Decimal | None
    project: Project
    npv_pre_tax: Decimal = ZERO


@dataclass(frozen=True)
class Appraisal:
    investment: Decimal
    subsidies: Decimal
    net_investment: Decimal
    annual_net_benefit: Decimal
    labour_saving: Decimal
    payback_years: Decimal | None        # simple: net investment / yearly net benefit
    payback_after_tax: Decimal | None    # from the after-tax flows
    roi: Decimal | None
    npv: Decimal                         # after tax
    irr: Decimal | None
    npv_pre_tax: Decimal
    irr_pre_tax: Decimal | None
    breakeven_benefit: Decimal           # yearly net benefit at which after-tax NPV is 0
    safety_margin: Decimal | None
    discount_rate: Decimal
    life_years: int
    tax_rate: Decimal
    residual_value: Decimal
    years: tuple[TaxYear, ...]
    cash_flows: tuple[Decimal, ...]      # year 0 (-net investment) then after tax
    sensitivity: tuple[Scenario, ...] = field(default=())


def tax_years(project: Project) -> tuple[TaxYear, ...]:
    """Income tax on the project's incremental profit, year by year, with losses carried
    forward for ``project.loss_years`` years (Enterprise Income Tax Law, art. 18)."""
    losses: list[list[Decimal | int]] = []   # [year, amount left]
    out: list[TaxYear] = []
    residual = project.residual_value
    for year in range(1, project.life_years + 1):
        benefit = project.benefit(year)
        dep = project.depreciation(year)
        profit = benefit - dep
        losses = [entry for entry in losses if year - int(entry[0]) <= project.loss_years]
        if profit < 0:
            losses.append([year, -profit])
            taxable = ZERO
        else:
            taxable = profit
            for entry in losses:
                used = min(Decimal(entry[1]), taxable)
                entry[1] = Decimal(entry[1]) - used
                taxable -= used
        tax = round_fen(taxable * project.tax_rate)
        extra = residual if year == project.life_years else ZERO
        out.append(TaxYear(year, benefit, dep, taxable, tax, benefit + extra,
                           benefit - tax + extra))
    return tuple(out)


def _scenario(name: str, project: Project) -> Scenario:
    rows = tax_years(project)
    net = project.net_investment
    flows = [r.flow for r in rows]
    return Scenario(name, net, project.effects.net_benefit,
                    npv(project.discount_rate, net, flows), irr(net, flows),
                    simple_payback(net, project.effects.net_benefit), project,
                    npv(project.discount_rate, net, [r.pre_tax_flow for r in rows]))


def after_tax_npv(project: Project) -> Decimal:
    return npv(project.discount_rate, project.net_investment,
               [r.flow for r in tax_years(project)])


def breakeven_benefit(project: Project) -> Decimal:
    """The yearly net benefit at which the after-tax NPV is zero (bisection to the fen)."""
    net = project.net_investment
    if net <= 0 or project.life_years <= 0:
        return ZERO

    def value(benefit: Decimal) -> Decimal:
        return after_tax_npv(replace(project,
                                     effects=project.effects.with_net_benefit(benefit)))

    low = ZERO
    if value(low) >= 0:
        return ZERO
    high = round_fen(net / annuity_factor(project.discount_rate, project.life_years)
                     / (ONE - min(project.tax_rate, Decimal("0.99"))) + 1)
    while value(high) < 0:
        high *= 2
    while high - low > Decimal("0.01"):
        mid = round_fen((low + high) / 2)
        if mid in (low, high):
            break
        if value(mid) < 0:
            low = mid
        else:
            high = mid
    return high


def scenarios(project: Project) -> tuple[Scenario, ...]:
    """Base, benefits -20%, investment +20% and both (the bank's usual stress cases)."""
    more = round_fen(project.investment * Decimal("1.2"))
    more_cost = replace(project, investment=more,
                        assets=tuple(Asset(a.kind, round_fen(a.cost * Decimal("1.2")))
                                     for a in project.assets))
    less_benefit = replace(project, effects=project.effects.scaled(Decimal("0.8")))
    both = replace(more_cost, effects=less_benefit.effects)
    return (_scenario("base", project), _scenario("benefits_minus_20", less_benefit),
            _scenario("costs_plus_20", more_cost), _scenario("both", both))


def appraise(project: Project) -> Appraisal:
    net = project.net_investment
    benefit = project.effects.net_benefit
    rows = tax_years(project)
    flows = [r.flow for r in rows]
    pre = [r.pre_tax_flow for r in rows]
    breakeven = breakeven_benefit(project)
    margin = None
    if benefit > 0:
        margin = ((benefit - breakeven) / benefit).quantize(Decimal("0.0001"),
                                                           rounding=ROUND_HALF_UP)
    return Appraisal(
        investment=project.investment, subsidies=min(project.subsidies, project.investment),
        net_investment=net, annual_net_benefit=benefit,
        labour_saving=project.effects.labour_saving,
        payback_years=simple_payback(net, benefit),
        payback_after_tax=payback_year(net, [r.benefit - r.tax for r in rows]),
        roi=None if net <= 0 else (benefit / net).quantize(Decimal("0.0001"),
                                                           rounding=ROUND_HALF_UP),
        npv=npv(project.discount_rate, net, flows), irr=irr(net, flows),
        npv_pre_tax=npv(project.discount_rate, net, pre), irr_pre_tax=irr(net, pre),
        breakeven_benefit=breakeven, safety_margin=margin,
        discount_rate=project.discount_rate, life_years=project.life_years,
        tax_rate=project.tax_rate, residual_value=project.residual_value, years=rows,
        cash_flows=(-net, *flows), sensitivity=scenarios(project))
