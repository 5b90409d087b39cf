"""Matching the public supports of a policy catalogue to the firm and its project: what fits,
near misses with what is missing, and capped estimates of the amounts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..assessment.money import WAN, ZERO, round_fen
from .facts import AdviceEnv, holds, render
from .models import Policy, PolicyCatalogue

# ---------------------------------------------------------------------------- supports

@dataclass(frozen=True)
class SupportMatch:
    policy: Policy
    status: str                       # eligible, near_miss, not_eligible, information
    met: tuple[str, ...]              # reasons (already rendered), per language below
    unmet: tuple[str, ...]
    estimate_low: Decimal | None
    estimate_high: Decimal | None
    capped: bool
    lang: str

    @property
    def eligible(self) -> bool:
        return self.status == "eligible"


def match_supports(catalogue: PolicyCatalogue, env: AdviceEnv, lang: str) -> list[SupportMatch]:
    """Every support with its status; estimates where the catalogue gives a rate or amount."""
    out: list[SupportMatch] = []
    for p in catalogue.policies:
        if p.audience == "government":
            out.append(SupportMatch(p, "information", (), (), None, None, False, lang))
            continue
        met: list[str] = []
        unmet: list[tuple[str, bool]] = []
        for req in p.requirements:
            if holds(req.when, env) is True:
                met.append(render(req.met, env.project, lang))
            else:
                unmet.append((render(req.unmet, env.project, lang), req.fixable))
        if not unmet:
            status = "information" if p.gives.type == "information" and not p.requirements \
                else "eligible"
        elif len(unmet) == 1 and unmet[0][1]:
            status = "near_miss"
        else:
            status = "not_eligible"
        low = high = None
        capped = False
        if status == "eligible":
            low, high, capped = estimate(p, env.project)
        out.append(SupportMatch(p, status, tuple(met), tuple(u for u, _ in unmet), low, high,
                                capped, lang))
    order = {"eligible": 0, "near_miss": 1, "information": 2, "not_eligible": 3}
    out.sort(key=lambda m: (order[m.status], -(m.estimate_high or ZERO)))
    return out


def estimate(policy: Policy, facts: dict[str, Any]) -> tuple[Decimal | None, Decimal | None,
                                                              bool]:
    """The support's money estimate (yuan): a range for rates, the amount for amounts; never
    above the cap."""
    g = policy.gives
    # a cap rounds down to the fen, so an estimate can never exceed it
    cap = (Decimal(repr(g.cap)) * WAN).quantize(Decimal("0.01"), rounding="ROUND_DOWN") \
        if g.cap is not None else None
    if g.type == "rate" and g.base and g.rate_min is not None and g.rate_max is not None:
        base = facts.get(g.base)
        if not isinstance(base, Decimal) or base <= 0:
            return None, None, False
        low = round_fen(base * Decimal(repr(g.rate_min)))
        high = round_fen(base * Decimal(repr(g.rate_max)))
    elif g.type == "amount" and g.amount is not None:
        low = high = round_fen(Decimal(repr(g.amount)) * WAN)
    else:
        return None, None, False
    capped = False
    if cap is not None:
        capped = high > cap
        low, high = min(low, cap), min(high, cap)
    return low, high, capped
