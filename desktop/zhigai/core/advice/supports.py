"""Matching the public supports of a policy catalogue to the firm and its project: what fits,
near misses with what is missing, and capped estimates of the amounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..assessment.money import WAN, ZERO, round_fen
from .catalogues import covers
from .facts import AdviceEnv, holds, render
from .models import Policy, PolicyCatalogue
from .official import gate_reason

# ---------------------------------------------------------------------------- supports

#: the order supports are listed in, and every status a support can have
STATUSES = ("eligible", "near_miss", "information", "not_eligible", "expired")


@dataclass(frozen=True)
class SupportMatch:
    policy: Policy
    status: str                       # one of STATUSES
    met: tuple[str, ...]              # reasons (already rendered), per language below
    unmet: tuple[str, ...]
    estimate_low: Decimal | None
    estimate_high: Decimal | None
    capped: bool
    lang: str
    catalogue: PolicyCatalogue | None = None
    confirm: tuple[str, ...] = ()     # conditions the firm must confirm itself

    @property
    def eligible(self) -> bool:
        return self.status == "eligible"

    @property
    def to_confirm(self) -> tuple[str, ...]:
        """What the firm must confirm, where it matters: not for an entry it cannot get."""
        return self.confirm if self.status in ("eligible", "near_miss", "information") else ()


def match_supports(catalogue: PolicyCatalogue, env: AdviceEnv, lang: str,
                   day: dt.date | None = None,
                   planned: frozenset[str] = frozenset()) -> list[SupportMatch]:
    """Every support with its status; estimates only for eligible ones.

    An entry whose period does not cover ``day`` is expired (for reference, never eligible).
    A near miss is one fixable requirement short, and when the requirement names the measures
    that would meet it (``via``), one of them must be ``planned`` (on the firm's roadmap or in
    its project): no support invites a purchase the firm's own gaps do not ask for."""
    out: list[SupportMatch] = []
    for p in catalogue.policies:
        confirm = tuple(t.get(lang) for t in p.confirm)

        def plain(status: str, p: Policy = p, confirm: tuple[str, ...] = confirm
                  ) -> SupportMatch:
            return SupportMatch(p, status, (), (), None, None, False, lang, catalogue, confirm)

        if day is not None and not covers(p.period, day):
            out.append(plain("expired"))
            continue
        if p.audience == "government":
            out.append(plain("information"))
            continue
        met: list[str] = []
        unmet: list[tuple[str, bool]] = []
        for req in p.requirements:
            if holds(req.when, env) is True:
                met.append(render(req.met, env.project, lang))
            else:
                realistic = req.fixable and (not req.via or bool(set(req.via) & planned))
                unmet.append((render(req.unmet, env.project, lang), realistic))
        official = getattr(env, "official", None)
        if p.level_gate is not None and official is not None \
                and p.level_gate.lens == official.today.lens.id:
            ok, reason = gate_reason(official, p.level_gate.level, lang)
            if ok:
                met.append(reason)
            else:
                unmet.append((reason, True))
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
                                capped, lang, catalogue, confirm))
    return out


def match_all(catalogues: tuple[PolicyCatalogue, ...], env: AdviceEnv, lang: str,
              day: dt.date, planned: frozenset[str]) -> list[SupportMatch]:
    """The supports of every chosen catalogue, eligible first (largest estimate first), then
    near misses, information, not eligible and expired."""
    out = [m for cat in catalogues for m in match_supports(cat, env, lang, day, planned)]
    order = {status: n for n, status in enumerate(STATUSES)}
    out.sort(key=lambda m: (order[m.status], -(m.estimate_high or ZERO)))
    return out


def current_entries(catalogue: PolicyCatalogue, day: dt.date) -> int:
    """How many of the catalogue's entries are in force on ``day``."""
    return sum(covers(p.period, day) for p in catalogue.policies)


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
