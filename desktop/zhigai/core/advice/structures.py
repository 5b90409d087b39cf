"""Financing structures that pass: every option is built with own funds for the part it does
not finance, tested by the bank's tests, and where it fails only on a term the parties
negotiate (the share financed, the term, the profit share), the advisor looks for the terms
within the option's ranges that pass, as close to the defaults as it can. When no allowed
term passes, it says what would make it pass, in numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..assessment.money import ZERO, fmt
from ..base.i18n import Text
from .bank_tests import FirmMoney, TestResult, passes, run_tests
from .calculator import Project
from .models import BankTest, FinancingOption, Range
from .schedules import FinancingPlan, Terms, plan, repaid_within

STEP = Decimal("0.01")


@dataclass(frozen=True)
class Structure:
    option: FinancingOption
    plan: FinancingPlan
    defaults: Terms                     # the option's default terms (with any overrides)
    tests: tuple[TestResult, ...]
    proposed: tuple[Text, ...] = ()     # the negotiated terms that make it pass
    needs: tuple[Text, ...] = ()        # when it fails: what would make it pass

    @property
    def terms(self) -> Terms:
        return self.plan.terms or self.defaults

    @property
    def passes(self) -> bool:
        return passes(self.tests)

    @property
    def failures(self) -> tuple[TestResult, ...]:
        return tuple(t for t in self.tests if t.passed is False)

    @property
    def unchecked(self) -> tuple[TestResult, ...]:
        return tuple(t for t in self.tests if t.passed is None)


def _dec(value: float) -> Decimal:
    return Decimal(repr(value))


def _steps(low: Decimal, high: Decimal, step: Decimal) -> list[Decimal]:
    out, value = [], low
    while value <= high:
        out.append(value)
        value += step
    if out and out[-1] != high:
        out.append(high)
    return out


def _share_values(rng: Range | None, default: Decimal, extra: list[Decimal]) -> list[Decimal]:
    if rng is None:
        return [default]
    low, high = _dec(rng.low), _dec(rng.high)
    values = set(_steps(low, high, Decimal("0.05"))) | {default}
    values |= {v for v in extra if low <= v <= high}
    return sorted(values)


def _year_values(rng: Range | None, default: int) -> list[int]:
    if rng is None:
        return [default]
    return sorted(set(range(int(rng.low), int(rng.high) + 1)) | {default})


def smallest_share(option: str, project: Project, terms: Terms, base: Decimal,
                   low: Decimal, high: Decimal) -> Decimal | None:
    """The smallest profit share in [low, high] (to 1%) that repays within the term; None when
    even ``high`` does not. Repayment only gets faster with a larger share, so a bisection."""
    def repaid(share: Decimal) -> bool:
        return repaid_within(project, replace(terms, profit_share=share), base)

    if not repaid(high):
        return None
    if repaid(low):
        return low
    lo, hi = int(low / STEP), int(high / STEP)     # in whole percent: lo fails, hi repays
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if repaid(mid * STEP):
            hi = mid
        else:
            lo = mid
    return hi * STEP


class Builder:
    """Builds the structures of one project for one firm."""

    def __init__(self, project: Project, firm: FirmMoney):
        self.project = project
        self.firm = firm

    def schedule(self, option: FinancingOption, terms: Terms, base: Decimal) -> FinancingPlan:
        return plan(option.id, self.project, terms, base)

    def tests(self, test: BankTest, schedule: FinancingPlan) -> tuple[TestResult, ...]:
        return run_tests(test, schedule, self.project, self.firm)

    def build(self, option: FinancingOption, test: BankTest, terms: Terms, base: Decimal,
              negotiable: bool = True) -> Structure:
        first = self.schedule(option, terms, base)
        results = self.tests(test, first)
        if passes(results) or not negotiable:
            return Structure(option, first, terms, results)
        found = self._negotiate(option, test, terms, base)
        if found is not None:
            schedule, found_results = found
            return Structure(option, schedule, terms, found_results,
                             proposed=proposals(terms, schedule.terms or terms, schedule))
        return Structure(option, first, terms, results,
                         needs=self.needs(option, test, terms, base, first, results))

    # ------------------------------------------------------------------ negotiation

    def _grid(self, option: FinancingOption, test: BankTest, terms: Terms,
              base: Decimal) -> list[tuple[Decimal, Terms]]:
        """The (years, share financed) pairs to try, each with its move from the defaults,
        nearest first."""
        n = option.negotiable
        net = self.project.net_investment
        extra: list[Decimal] = []
        if base > 0:
            # the shares at which the own contribution is what the firm has, and the least
            # the bank wants
            if self.firm.own_funds is not None:
                extra.append(((net - self.firm.own_funds) / base).quantize(
                    STEP, rounding=ROUND_CEILING))
            extra.append(((net * (1 - _dec(test.min_own_share))) / base).quantize(
                STEP, rounding=ROUND_FLOOR))
        grid: list[tuple[Decimal, Terms]] = []
        for years in _year_values(n.years, terms.years):
            if years > self.project.life_years and years != terms.years:
                continue     # never negotiate a term beyond the project's life
            for share in _share_values(n.financed_share, terms.financed_share, extra):
                moved = (_moved(n.years, terms.years, years)
                         + _moved(n.financed_share, terms.financed_share, share))
                grid.append((moved, replace(terms, years=years, financed_share=share)))
        grid.sort(key=lambda pair: pair[0])
        return grid

    def _negotiate(self, option: FinancingOption, test: BankTest, terms: Terms,
                   base: Decimal) -> tuple[FinancingPlan, tuple[TestResult, ...]] | None:
        """The passing terms nearest the defaults (ties: the lower cost). The grid is tried
        nearest first and stops once no untried pair can come nearer than the best found
        (the profit share's move only adds to a pair's)."""
        n = option.negotiable
        best: tuple[Decimal, Decimal, FinancingPlan, tuple[TestResult, ...]] | None = None
        for moved, candidate in self._grid(option, test, terms, base):
            if best is not None and moved > best[0]:
                break
            if terms.repayment == "profit_share" and n.profit_share is not None:
                low, high = _dec(n.profit_share.low), _dec(n.profit_share.high)
                smallest = smallest_share(option.id, self.project, candidate, base, low, high)
                if smallest is None:
                    continue       # not repaid in this term even at the highest share
                candidate = replace(candidate, profit_share=smallest)
                moved += _moved(n.profit_share, terms.profit_share, smallest)
            schedule = self.schedule(option, candidate, base)
            results = self.tests(test, schedule)
            if not passes(results):
                continue
            key = (moved, schedule.total_cost)
            if best is None or key < (best[0], best[1]):
                best = (moved, schedule.total_cost, schedule, results)
        return None if best is None else (best[2], best[3])

    # ------------------------------------------------------------------ when nothing passes

    def needs(self, option: FinancingOption, test: BankTest, terms: Terms, base: Decimal,
              first: FinancingPlan, results: tuple[TestResult, ...]) -> tuple[Text, ...]:
        failed = {r.test for r in results if r.passed is False}
        out: list[Text] = []
        net = self.project.net_investment
        n = option.negotiable
        if "own_funds" in failed and self.firm.own_funds is not None:
            top = _dec(n.financed_share.high) if n.financed_share else terms.financed_share
            fewest = replace(terms, financed_share=top)
            own = self.schedule(option, fewest, base).own_contribution
            own = max(own, (net * _dec(test.min_own_share)).quantize(STEP))
            gap = own - self.firm.own_funds
            if gap > 0:
                out.append(Text(zh=f"需要自有资金 {fmt(own, 'zh')}，可动用 "
                                   f"{fmt(self.firm.own_funds, 'zh')}：需再筹集 {fmt(gap, 'zh')}"
                                   "的股本或自有资金",
                                en=f"own funds of {fmt(own, 'en')} needed, "
                                   f"{fmt(self.firm.own_funds, 'en')} available: add "
                                   f"{fmt(gap, 'en')} of equity"))
        if failed & {"dscr", "repaid", "icr"} and terms.repayment != "none":
            out.extend(self.coverage_needs(option, test, terms, base))
        if "debt_ratio" in failed and self.firm.assets is not None \
                and self.firm.liabilities is not None:
            cap = _dec(test.max_debt_ratio)
            # liabilities L' with (L' + F) / (A + F) = cap
            allowed_l = cap * (self.firm.assets + first.financed) - first.financed
            cut = self.firm.liabilities - allowed_l
            if cut > 0:
                # financing less helps only if the firm is within the limit before it
                less = self.firm.liabilities <= cap * self.firm.assets
                out.append(Text(zh=f"项目后资产负债率超过 {cap:.0%}：需先减少负债 "
                                   f"{fmt(cut.quantize(STEP), 'zh')}"
                                   + ("，或少融资" if less else ""),
                                en=f"the debt ratio after the project exceeds {cap:.0%}: "
                                   f"reduce liabilities by {fmt(cut.quantize(STEP), 'en')}"
                                   + (" or finance less" if less else "")))
        return tuple(out)

    def coverage_needs(self, option: FinancingOption, test: BankTest, terms: Terms,
                       base: Decimal) -> list[Text]:
        """For the coverage and repayment tests, each on the longest term allowed: a longer
        term within the project's life, less borrowing with the own money it needs, or the
        smallest rise of the benefits that passes them."""
        n = option.negotiable
        life = self.project.life_years
        allowed = min(int(n.years.high) if n.years else terms.years, max(terms.years, life))
        longest = replace(terms, years=allowed)
        coverage = {"dscr", "repaid", "icr"}

        def covered(candidate: Terms, project: Project | None = None) -> bool:
            project = project or self.project
            if candidate.repayment == "profit_share" and n.profit_share is not None:
                share = smallest_share(option.id, project, candidate, base,
                                       _dec(n.profit_share.low), _dec(n.profit_share.high))
                candidate = replace(candidate, profit_share=share or _dec(n.profit_share.high))
            schedule = plan(option.id, project, candidate, base)
            return not {r.test for r in run_tests(test, schedule, project, self.firm)
                        if r.passed is False} & coverage

        zh: list[str] = []
        en: list[str] = []
        found = next((y for y in range(allowed + 1, life + 1)
                      if covered(replace(terms, years=y))), None)
        if found is not None:
            zh.append(f"期限延长到 {found} 年（比允许的 {allowed} 年长 {found - allowed} 年）")
            en.append(f"a term of {found} years ({found - allowed} longer than the {allowed} "
                      "allowed)")
        # less financed covers more (the coverage never falls when more is put down)
        top = int(terms.financed_share / Decimal("0.05")) - 1
        step = last_true(1, top, lambda k: covered(replace(
            longest, financed_share=Decimal(k) * Decimal("0.05"))))
        if step is not None:
            share = Decimal(step) * Decimal("0.05")
            own = plan(option.id, self.project, replace(longest, financed_share=share),
                       base).own_contribution
            have = self.firm.own_funds
            zh.append(f"少借一些：融资 {share:.0%}、期限 {allowed} 年，"
                      f"需自有资金 {fmt(own, 'zh')}"
                      + (f"（可动用 {fmt(have, 'zh')}）" if have is not None else ""))
            en.append(f"borrowing less: {share:.0%} financed over {allowed} years needs "
                      f"{fmt(own, 'en')} of own money"
                      + (f" ({fmt(have, 'en')} available)" if have is not None else ""))
        # more benefit covers more: the smallest rise, in 5% steps up to three times
        rise = first_true(1, 40, lambda k: covered(longest, replace(
            self.project, effects=self.project.effects.scaled(1 + Decimal(k) / 20))))
        if rise is not None:
            zh.append(f"项目年效益提高 {Decimal(rise) / 20:.0%}")
            en.append(f"yearly benefits {Decimal(rise) / 20:.0%} higher")
        if not zh:
            return []
        return [Text(zh="偿债能力方面：" + "；或".join(zh), en="for the coverage: "
                     + "; or ".join(en))]

def first_true(low: int, high: int, test: Callable[[int], bool]) -> int | None:
    """The smallest k in [low, high] with test(k), for a test that stays true once true."""
    if low > high or not test(high):
        return None
    while low < high:
        mid = (low + high) // 2
        if test(mid):
            high = mid
        else:
            low = mid + 1
    return low


def last_true(low: int, high: int, test: Callable[[int], bool]) -> int | None:
    """The largest k in [low, high] with test(k), for a test that stays true below."""
    if low > high or not test(low):
        return None
    while low < high:
        mid = (low + high + 1) // 2
        if test(mid):
            low = mid
        else:
            high = mid - 1
    return low


def _moved(rng: Range | None, default: Decimal | int, value: Decimal | int) -> Decimal:
    if rng is None or rng.high == rng.low:
        return ZERO
    return abs(Decimal(value) - Decimal(default)) / (_dec(rng.high) - _dec(rng.low))


def proposals(default: Terms, chosen: Terms, schedule: FinancingPlan) -> tuple[Text, ...]:
    """The negotiated terms in words, e.g. "a 52% profit share repays within 8 years"."""
    out: list[Text] = []
    if chosen.profit_share != default.profit_share:
        out.append(Text(zh=f"分成比例 {chosen.profit_share:.0%}（默认 {default.profit_share:.0%}）"
                           f"可在 {chosen.years} 年内还清",
                        en=f"a {chosen.profit_share:.0%} profit share (default "
                           f"{default.profit_share:.0%}) repays within {chosen.years} years"))
    if chosen.years != default.years:
        out.append(Text(zh=f"期限 {chosen.years} 年（默认 {default.years} 年）",
                        en=f"a term of {chosen.years} years (default {default.years})"))
    if chosen.financed_share != default.financed_share:
        out.append(Text(zh=f"融资比例 {chosen.financed_share:.0%}（默认 "
                           f"{default.financed_share:.0%}），"
                           f"即融资 {fmt(schedule.financed, 'zh')}、"
                           f"自筹 {fmt(schedule.own_contribution, 'zh')}",
                        en=f"{chosen.financed_share:.0%} financed (default "
                           f"{default.financed_share:.0%}): {fmt(schedule.financed, 'en')} "
                           f"financed, {fmt(schedule.own_contribution, 'en')} own money"))
    return tuple(out)
