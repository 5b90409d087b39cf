"""The money arithmetic of the appraisal: net present value, internal rate of return, the
annuity payment and the payback year, on exact decimals (yuan, rounded to the fen)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext

from ..assessment.money import ZERO, round_fen

ONE = Decimal(1)


def _present_value(rate: Decimal, initial: Decimal, flows: Sequence[Decimal]) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 34
        total = -initial
        factor = ONE + rate
        discount = ONE
        for flow in flows:
            discount *= factor
            total += flow / discount
        return total


def npv(rate: Decimal, initial: Decimal, flows: Sequence[Decimal]) -> Decimal:
    """Net present value: -initial + sum(flow_t / (1 + rate)^t), t = 1..len(flows)."""
    return round_fen(_present_value(rate, initial, flows))


def irr(initial: Decimal, flows: Sequence[Decimal]) -> Decimal | None:
    """The rate that makes NPV zero (bisection to 1e-9, rounded to 1e-7), when one exists
    between -99% and 1000%; else None."""
    if initial <= 0 or not flows or sum(flows) <= 0:
        return None
    low, high = Decimal("-0.99"), Decimal("10")
    if _present_value(low, initial, flows) < 0 or _present_value(high, initial, flows) > 0:
        return None
    for _ in range(100):
        mid = (low + high) / 2
        if _present_value(mid, initial, flows) > 0:
            low = mid
        else:
            high = mid
        if high - low < Decimal("1e-9"):
            break
    return ((low + high) / 2).quantize(Decimal("0.0000001"), rounding=ROUND_HALF_UP)


def annuity_factor(rate: Decimal, years: int) -> Decimal:
    """The present value of 1 a year for ``years`` years: (1 - (1 + r)^-n) / r."""
    if years <= 0:
        return ZERO
    with localcontext() as ctx:
        ctx.prec = 34
        if rate == 0:
            return Decimal(years)
        return (ONE - (ONE + rate) ** -years) / rate


def annuity_payment(principal: Decimal, rate: Decimal, years: int) -> Decimal:
    """Yearly payment of an annuity loan: P r / (1 - (1 + r)^-n)."""
    if years <= 0:
        raise ValueError("the term must be at least one year")
    if principal <= 0:
        return ZERO
    with localcontext() as ctx:
        ctx.prec = 34
        return round_fen(principal / annuity_factor(rate, years))


def payback_year(initial: Decimal, flows: Sequence[Decimal]) -> Decimal | None:
    """The year (with its fraction, to 0.01) at which the cumulative flows repay ``initial``;
    None when they never do."""
    if initial <= 0:
        return ZERO
    left = initial
    for year, flow in enumerate(flows, start=1):
        if flow > 0 and flow >= left:
            return (Decimal(year - 1) + left / flow).quantize(Decimal("0.01"),
                                                              rounding=ROUND_HALF_UP)
        left -= flow
    return None


def simple_payback(net_investment: Decimal, benefit: Decimal) -> Decimal | None:
    """Net investment / yearly net benefit (the brief's formula); None without a benefit."""
    if benefit <= 0:
        return None
    return (net_investment / benefit).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
