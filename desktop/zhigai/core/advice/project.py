"""The owner's plan, bank file and profile turned into the calculator's project: effects per
year, the investment by asset class, subsidies, the tax rate, the base profit and the existing
debt service (given, or estimated from liabilities with the assumption stated)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ..assessment.money import WAN, ZERO, round_fen
from ..assessment.plan import ProjectPlan
from ..questionnaire.instrument import Instrument
from .calculator import Asset, AssetClass, Effects, Project
from .models import FinancingOptions

# ---------------------------------------------------------------------------- conversion

def effects_of(plan: ProjectPlan) -> Effects:
    e = plan.effects
    extra_margin = round_fen(Decimal(e.extra_output) * Decimal(e.margin_rate))
    scrap = round_fen((Decimal(e.scrap_rate_before) - Decimal(e.scrap_rate_after))
                      / 100 * Decimal(e.material_cost))
    return Effects(positions=e.positions, cost_per_worker=Decimal(e.cost_per_worker),
                   extra_margin=extra_margin, scrap_saving=scrap,
                   energy_saving=Decimal(e.energy_saving),
                   added_running_costs=Decimal(e.running_costs))


def profile_money(profile: dict[str, Any], field: str | None) -> Decimal | None:
    """A 万元 profile value in yuan."""
    if not field:
        return None
    value = profile.get(field)
    if value is None:
        return None
    try:
        return round_fen(Decimal(str(value)) * WAN)
    except (InvalidOperation, ValueError):
        return None


def role_money(instrument: Instrument, profile: dict[str, Any], role: str) -> Decimal | None:
    """The 万元 profile value of the field with ``role``, in yuan (None: no such field or no
    value)."""
    f = instrument.field_for_role(role)
    return profile_money(profile, f.id if f else None)


@dataclass(frozen=True)
class ExistingDebt:
    service: Decimal      # yearly principal and interest
    interest: Decimal     # the interest part (0: not known, so not added back)
    estimated: bool       # estimated from liabilities, not given


def existing_debt(plan: ProjectPlan, options: FinancingOptions,
                  liabilities: Decimal | None) -> ExistingDebt:
    """The existing loans' service: listed loans, else "no loans", else the older plan field
    when above 0, else an estimate from total liabilities (stated in the options data)."""
    bank = plan.bank
    given = bank.loans_service()
    estimate = options.existing_debt
    if given is not None:
        return ExistingDebt(round_fen(given), bank.loans_interest(Decimal(repr(estimate.rate))),
                            False)
    older = Decimal(plan.finance.existing_debt_service or "0")
    if older > 0:
        return ExistingDebt(round_fen(older), ZERO, False)
    loans = (liabilities or ZERO) * Decimal(repr(estimate.interest_bearing_share))
    interest = round_fen(loans * Decimal(repr(estimate.rate)))
    return ExistingDebt(round_fen(loans / estimate.years) + interest, interest, True)


def tax_rate(plan: ProjectPlan, options: FinancingOptions) -> Decimal:
    """The firm's tax status decides; without one, the plan's rate, else the general rate."""
    status = plan.bank.tax_status
    if status is not None:
        return Decimal(repr(getattr(options.tax_rates, status)))
    if plan.finance.tax_rate not in (None, ""):
        return Decimal(str(plan.finance.tax_rate))
    return Decimal(repr(options.tax_rates.general))


def asset_classes(options: FinancingOptions) -> dict[str, AssetClass]:
    return {kind: AssetClass(c.life, Decimal(repr(c.salvage)))
            for kind, c in options.appraisal.asset_classes.items()}


def assets_of(plan: ProjectPlan, options: FinancingOptions) -> tuple[Asset, ...]:
    """The plan's items grouped by asset class (categories no class names: equipment)."""
    by_category = {cat: kind for kind, c in options.appraisal.asset_classes.items()
                   for cat in c.categories}
    totals: dict[str, Decimal] = {}
    for item in plan.items:
        kind = by_category.get(item.category, "equipment")
        totals[kind] = totals.get(kind, ZERO) + item.total
    return tuple(Asset(kind, cost) for kind, cost in totals.items() if cost > 0)


def calculator_project(plan: ProjectPlan, subsidies: Decimal, base_profit: Decimal | None,
                       investment: Decimal, options: FinancingOptions,
                       liabilities: Decimal | None) -> Project:
    f = plan.finance
    debt = existing_debt(plan, options, liabilities)
    return Project(investment=investment, subsidies=subsidies, effects=effects_of(plan),
                   life_years=f.life_years, discount_rate=Decimal(f.discount_rate),
                   tax_rate=tax_rate(plan, options), base_profit=base_profit or ZERO,
                   existing_debt_service=debt.service, existing_interest=debt.interest,
                   debt_estimated=debt.estimated, base_cash=plan.bank.latest_cash_flow(),
                   assets=assets_of(plan, options),
                   classes=asset_classes(options), ramp_up=Decimal(f.ramp_up),
                   loss_years=options.appraisal.loss_years)
