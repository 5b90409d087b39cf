"""Chart data shared by the screen and the report, so both draw the same numbers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..assessment.money import ZERO
from .calculator import Appraisal
from .schedules import FinancingPlan


@dataclass(frozen=True)
class CashflowSeries:
    """Year 0 (the own contribution) to the end of the life or the financing."""

    years: tuple[int, ...]
    benefit: tuple[Decimal, ...]     # the project's net benefit in the year
    payment: tuple[Decimal, ...]     # paid to the financier (and the own contribution in year 0)
    cumulative: tuple[Decimal, ...]  # the firm's cumulative cash from the project
    owed: tuple[Decimal, ...] = ()   # what is still owed to the financier at the year's end

    @property
    def position(self) -> tuple[Decimal, ...]:
        """The firm's net position from the project: cumulative cash less what is owed."""
        return tuple(c - o for c, o in zip(self.cumulative, self.owed, strict=True))


def cashflow_series(appraisal: Appraisal, plan: FinancingPlan | None) -> CashflowSeries:
    own = plan.own_contribution if plan is not None else appraisal.net_investment
    rows = {r.year: r for r in plan.rows} if plan is not None else {}
    last = max([appraisal.life_years, *rows.keys()]) if rows else appraisal.life_years
    financed = plan.financed if plan is not None else ZERO
    years, benefits, payments, cumulative, owed = [0], [ZERO], [own], [-own], [financed]
    by_year = {y.year: y.benefit for y in appraisal.years}
    running = -own
    for year in range(1, last + 1):
        benefit = by_year.get(year, ZERO)
        row = rows.get(year)
        paid = (row.payment - row.subsidy) if row is not None else ZERO
        running += benefit - paid
        years.append(year)
        benefits.append(benefit)
        payments.append(paid)
        cumulative.append(running)
        owed.append(row.balance if row is not None else ZERO)
    return CashflowSeries(tuple(years), tuple(benefits), tuple(payments), tuple(cumulative),
                          tuple(owed))


def nice_ticks(low: float, high: float, count: int = 5) -> tuple[float, float, float]:
    """A round tick step (1, 2 or 5 times a power of ten) and the axis ends on it."""
    import math

    span = (high - low) or 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return step, math.floor(low / step) * step, math.ceil(high / step) * step
