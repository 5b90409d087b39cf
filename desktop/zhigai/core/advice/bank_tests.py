"""One set of bank tests for every financing structure: own contribution, the lowest DSCR and
interest coverage, repaid within the term, own funds available for the own contribution and
the debt ratio after the project. Thresholds come from the options data, per option."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..assessment.money import fmt
from ..base.i18n import Text
from .calculator import Project
from .models import BankTest
from .schedules import FinancingPlan

TESTS = ("own_share", "dscr", "icr", "repaid", "own_funds", "debt_ratio")


@dataclass(frozen=True)
class FirmMoney:
    """What the firm has, in yuan; None: not given."""

    own_funds: Decimal | None
    assets: Decimal | None
    liabilities: Decimal | None


@dataclass(frozen=True)
class TestResult:
    test: str              # one of TESTS
    passed: bool | None    # None: cannot be checked, something is not given
    text: Text             # what was tested, with the figures


def _pct(value: Decimal) -> str:
    return f"{(value * 100).quantize(Decimal('1'), rounding=ROUND_HALF_UP)}%"


def _d(value: float) -> Decimal:
    return Decimal(repr(value))


def debt_ratio_after(plan: FinancingPlan, firm: FirmMoney) -> Decimal | None:
    """(liabilities + financed) / (total assets + financed): the financing adds to both; own
    funds only turn cash into equipment."""
    if firm.assets is None or firm.liabilities is None or firm.assets + plan.financed <= 0:
        return None
    return ((firm.liabilities + plan.financed) / (firm.assets + plan.financed)).quantize(
        Decimal("0.0001"), rounding=ROUND_HALF_UP)


def run_tests(test: BankTest, plan: FinancingPlan, project: Project,
              firm: FirmMoney) -> tuple[TestResult, ...]:
    net = project.net_investment
    own = plan.own_contribution
    share = own / net if net > 0 else Decimal(1)
    out: list[TestResult] = []
    need = _d(test.min_own_share)
    out.append(TestResult("own_share", share >= need, Text(
        zh=f"自有资金比例 {_pct(share)}（要求不低于 {_pct(need)}）",
        en=f"own contribution {_pct(share)} (at least {_pct(need)} wanted)")))
    low = plan.min_dscr
    floor = _d(test.min_dscr)
    estimated_zh = "；现有还本付息额为估计值" if project.debt_estimated else ""
    estimated_en = "; the existing debt service is an estimate" if project.debt_estimated else ""
    if low is None:
        out.append(TestResult("dscr", True, Text(zh="没有需要偿还的债务",
                                                 en="no debt service to cover")))
    else:
        out.append(TestResult("dscr", low >= floor, Text(
            zh=f"最低偿债备付率 {low}（要求不低于 {test.min_dscr:g}）{estimated_zh}",
            en=f"lowest DSCR {low} (at least {test.min_dscr:g} wanted){estimated_en}")))
    icr = plan.min_icr
    if icr is None:
        out.append(TestResult("icr", True, Text(zh="没有利息支出", en="no interest to cover")))
    else:
        out.append(TestResult("icr", icr >= _d(test.min_icr), Text(
            zh=f"最低利息备付率 {icr}（要求不低于 {test.min_icr:g}）",
            en=f"lowest interest coverage {icr} (at least {test.min_icr:g} wanted)")))
    terms = plan.terms
    years = terms.years if terms else 0
    if plan.financed <= 0:
        out.append(TestResult("repaid", True, Text(zh="无需还款", en="nothing to repay")))
    elif plan.repaid and len(plan.rows) > project.life_years:
        out.append(TestResult("repaid", False, Text(
            zh=f"{len(plan.rows)} 年才还清，超过项目 {project.life_years} 年的使用年限",
            en=f"repaid only after {len(plan.rows)} years, beyond the project's life of "
               f"{project.life_years} years")))
    elif plan.repaid:
        out.append(TestResult("repaid", True, Text(
            zh=f"{len(plan.rows)} 年内还清（期限 {years} 年）",
            en=f"repaid in {len(plan.rows)} years (term {years} years)")))
    else:
        out.append(TestResult("repaid", False, Text(
            zh=f"{years} 年期满仍欠 {fmt(plan.left_unpaid, 'zh')}",
            en=f"{fmt(plan.left_unpaid, 'en')} still owed after the {years}-year term")))
    if firm.own_funds is None:
        out.append(TestResult("own_funds", None if own > 0 else True, Text(
            zh=f"需自筹 {fmt(own, 'zh')}，可动用自有资金未填写",
            en=f"needs {fmt(own, 'en')} of own money; the own funds available are not given")))
    else:
        out.append(TestResult("own_funds", firm.own_funds >= own, Text(
            zh=f"需自筹 {fmt(own, 'zh')}，可动用自有资金 {fmt(firm.own_funds, 'zh')}",
            en=f"needs {fmt(own, 'en')} of own money; {fmt(firm.own_funds, 'en')} available")))
    ratio = debt_ratio_after(plan, firm)
    cap = _d(test.max_debt_ratio)
    if ratio is None:
        out.append(TestResult("debt_ratio", None, Text(
            zh="资产或负债未填写，无法计算项目后的资产负债率",
            en="assets or liabilities not given: the debt ratio after the project is unknown")))
    else:
        out.append(TestResult("debt_ratio", ratio <= cap, Text(
            zh=f"项目后资产负债率 {_pct(ratio)}（要求不高于 {_pct(cap)}）",
            en=f"debt ratio after the project {_pct(ratio)} (at most {_pct(cap)} wanted)")))
    return tuple(out)


def passes(results: tuple[TestResult, ...]) -> bool:
    return all(r.passed is not False for r in results)
