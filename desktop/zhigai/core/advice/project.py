"""The owner's plan and profile turned into the calculator's project (effects per year,
investment, subsidies, base profit)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ..assessment.money import WAN, ZERO, round_fen
from ..assessment.plan import ProjectPlan
from .calculator import Effects, Project

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


def calculator_project(plan: ProjectPlan, subsidies: Decimal, base_profit: Decimal | None,
                       investment: Decimal | None = None) -> Project:
    f = plan.finance
    return Project(investment=plan.total() if investment is None else investment,
                   subsidies=subsidies, effects=effects_of(plan), life_years=f.life_years,
                   discount_rate=Decimal(f.discount_rate), tax_rate=Decimal(f.tax_rate),
                   base_profit=base_profit or ZERO,
                   existing_debt_service=Decimal(f.existing_debt_service or "0"))
