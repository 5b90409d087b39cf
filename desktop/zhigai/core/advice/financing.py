"""The financing options ranked for this firm and project: terms, a bank's tests on each, and
the reasoning in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..assessment.model import Assessment
from ..assessment.money import WAN, ZERO, fmt, round_fen
from ..assessment.plan import ProjectPlan
from ..base.i18n import Text
from ..questionnaire.instrument import Instrument
from .bank_tests import FirmMoney, TestResult
from .calculator import Appraisal, Project
from .data import AdviceData
from .facts import zh_en
from .models import FinancingOption, Negotiable, Policy
from .project import role_money
from .schedules import FinancingPlan, Terms
from .structures import Builder, Structure

# ---------------------------------------------------------------------------- financing

@dataclass(frozen=True)
class OptionAdvice:
    """One financing structure ranked for this firm: its schedule, the bank's tests, the terms
    proposed to make it pass and the reasons for its place, in words."""

    structure: Structure
    score: float                      # for ordering only; never shown to owners
    reasons_for: tuple[Text, ...]
    reasons_against: tuple[Text, ...]
    label: Text                       # the structure's name (with an interest subsidy)

    @property
    def option(self) -> FinancingOption:
        return self.structure.option

    @property
    def plan(self) -> FinancingPlan:
        return self.structure.plan

    @property
    def acceptable(self) -> bool:
        return self.structure.passes

    @property
    def flags(self) -> tuple[Text, ...]:
        """The bank tests it fails, with their figures."""
        return tuple(t.text for t in self.structure.failures)

    @property
    def tests(self) -> tuple[TestResult, ...]:
        return self.structure.tests


def terms_for(option: FinancingOption, overrides: dict[str, str],
              interest_subsidy: tuple[Decimal, int] | None) -> Terms:
    d = option.defaults

    def value(name: str, default: float | int | None) -> Any:
        raw = overrides.get(name)
        if raw in (None, ""):
            return default
        return raw

    max_amount = value("max_amount", d.max_amount)
    subsidy_points, subsidy_years = (interest_subsidy if interest_subsidy
                                     and option.interest_subsidy else (ZERO, 0))
    return Terms(repayment=option.repayment,
                 financed_share=Decimal(str(value("financed_share", d.financed_share))),
                 rate=Decimal(str(value("rate", d.rate))),
                 years=int(value("years", d.years) or 0),
                 fee_rate=Decimal(str(value("fee_rate", d.fee_rate))),
                 profit_share=Decimal(str(value("profit_share", d.profit_share))),
                 subsidy_points=subsidy_points, subsidy_years=subsidy_years,
                 max_amount=None if max_amount is None else
                 round_fen(Decimal(str(max_amount)) * WAN))


def category_share(plan_: ProjectPlan, categories: tuple[str, ...]) -> Decimal:
    total = plan_.total()
    return ZERO if total == 0 else plan_.total(categories) / total


def firm_money(instrument: Instrument, assessment: Assessment,
               project_plan: ProjectPlan) -> FirmMoney:
    profile = assessment.profile
    own = project_plan.finance.own_funds
    return FirmMoney(Decimal(own) if own not in (None, "") else None,
                     role_money(instrument, profile, "total_assets"),
                     role_money(instrument, profile, "liabilities"))


def fixed_terms(option: FinancingOption, overrides: dict[str, str]) -> FinancingOption:
    """The option with the terms the user has typed taken out of negotiation."""
    if not overrides:
        return option
    n = option.negotiable
    kept = Negotiable(financed_share=None if overrides.get("financed_share") else
                      n.financed_share, years=None if overrides.get("years") else n.years,
                      profit_share=None if overrides.get("profit_share") else n.profit_share)
    return option.model_copy(update={"negotiable": kept})


def rank_options(data: AdviceData, project: Project, project_plan: ProjectPlan,
                 assessment: Assessment, instrument: Instrument, appraisal: Appraisal,
                 enabled: Mapping[str, Policy], interest_subsidy: tuple[Decimal, int] | None,
                 ) -> tuple[OptionAdvice, ...]:
    """Build and test every structure (market products, offered to every firm, with own funds
    for the rest), then order them: those passing the bank's tests first, then by the factors
    of the domain brief (section 6), each explained in words. ``enabled``: options a matched
    public support backs (a guarantee fund, a leasing programme), which says so."""
    net = project.net_investment
    profile = assessment.profile
    firm = firm_money(instrument, assessment, project_plan)
    builder = Builder(project, firm)
    revenue = role_money(instrument, profile, "revenue")
    equity = firm.assets - firm.liabilities \
        if firm.assets is not None and firm.liabilities is not None else None
    land_field = instrument.field_for_role("owns_land")
    owns_land = profile.get(land_field.id) if land_field else None
    rating_field = instrument.field_for_role("credit_rating")
    rating = profile.get(rating_field.id) if rating_field else None
    own_funds = firm.own_funds
    machines = category_share(project_plan, ("robot", "equipment"))
    integration = category_share(project_plan, ("engineering",))
    software = category_share(project_plan, ("software", "cloud"))
    capacity = category_share(project_plan, ("building", "land", "training", "service",
                                             "other"))
    large = (revenue is not None and revenue > 0 and net > revenue * Decimal("0.3")) or \
        (equity is not None and equity > 0 and net > equity * Decimal("0.5"))
    payback = appraisal.payback_years
    result: list[OptionAdvice] = []
    for option in data.options.options:
        base = net if option.finances == "all" else min(net, project_plan.total(
            tuple(option.finances)))
        if option.finances != "all" and base <= 0:
            continue
        overrides = project_plan.finance.overrides.get(option.id, {})
        terms = terms_for(option, overrides, interest_subsidy)
        structure = builder.build(fixed_terms(option, overrides), data.options.test_for(option),
                                  terms, base)
        score = 0.0
        good: list[Text] = []
        bad: list[Text] = []
        oid = option.id
        if oid == "own_funds":
            score += 2
            good.append(zh_en("没有利息和还款压力", "no interest and no repayments"))
            if own_funds is not None and own_funds >= net:
                score += 2
                good.append(zh_en(f"可动用自有资金 {fmt(own_funds, 'zh')} 足以支付净投资",
                                  f"own funds of {fmt(own_funds, 'en')} cover the net "
                                  "investment"))
            if large:
                score -= 2
                bad.append(zh_en("项目相对营业收入或净资产较大，全部自筹会占用大量流动资金",
                              "the project is large for the firm's revenue or equity; paying "
                              "it all would tie up working capital"))
        short_of_cash = own_funds is not None and own_funds < net * Decimal("0.3")
        # security a lender can take: own land and buildings, and a rating that is not weak
        weak_security = owns_land is not True or rating == "bb_or_lower"
        if option.model in ("financing_capital", "financing_materials",
                            "financing_engineering"):
            score += 0.5
            good.append(zh_en("按项目利润分成还款，还款随收益变化，初期压力小",
                           "repaid from a share of the project's profit, so payments follow "
                           "the benefits"))
            if short_of_cash or weak_security:
                score += 1
                good.append(zh_en("自有资金或抵押、信用不足时，由项目收益还款更容易获得",
                               "easier to obtain than a loan when own funds, collateral or "
                               "credit are short"))
            if large:
                score += 1
                good.append(zh_en("适合相对企业规模较大的项目", "suits a project that is large "
                                                             "for the firm"))
            if payback is not None and payback <= 3:
                score += 1
                good.append(zh_en(f"静态回收期 {payback} 年，利润足以较快偿还",
                               f"a {payback}-year payback: profits repay quickly"))
            elif payback is None or payback > 6:
                score -= 1
                bad.append(zh_en("项目收益偏低，按利润分成还款期限会很长",
                              "the project's benefit is low, so profit-share repayment takes "
                              "long"))
        if option.model == "financing_materials":
            if machines >= Decimal("0.6") and (weak_security or short_of_cash):
                score += 2
                good.append(zh_en(f"投资的 {machines:.0%} 是标准设备和机器人，出租方持有设备，"
                                  "不需要另找抵押",
                                  f"{machines:.0%} of the investment is standard machines and "
                                  "robots the lessor can own, so no other collateral is needed"))
            elif machines >= Decimal("0.6"):
                score += 0.5
                good.append(zh_en(f"投资的 {machines:.0%} 是标准设备和机器人，可以租赁；"
                                  "但企业有抵押物，贷款通常更便宜",
                                  f"{machines:.0%} of the investment is standard machines and "
                                  "robots a lessor can own; with collateral of its own the firm "
                                  "usually borrows more cheaply"))
            else:
                score -= 1
                bad.append(zh_en("标准设备占比不高，租赁只能覆盖一部分投资",
                              "standard machines are a small part, so a lease covers only "
                              "part of the investment"))
        if option.model == "financing_engineering":
            if project_plan.finance.engineering_company:
                score += 2
                good.append(zh_en("由工程服务公司交钥匙交付的成套方案，适合工程分期",
                               "a turnkey solution delivered by an engineering-service "
                               "company suits engineering instalments"))
            elif integration >= Decimal("0.15") and integration + machines >= Decimal("0.6"):
                score += 1
                good.append(zh_en(f"投资以设备和工程集成为主（工程集成占 {integration:.0%}），"
                                  "适合整线工程分期（由工程服务公司整体交付更合适）",
                                  f"mostly machines with their integration ({integration:.0%} "
                                  "engineering), which suits instalments for a whole line "
                                  "(best when an engineering-service company delivers it)"))
            else:
                score -= 1
                bad.append(zh_en("项目不是由工程服务公司整体交付", "the project is not delivered "
                                                               "as a whole by an "
                                                               "engineering-service company"))
        if option.model in ("financing_engineering", "financing_materials") \
                and software >= Decimal("0.5"):
            score -= 1.5
            bad.append(zh_en(f"投资的 {software:.0%} 是软件和云服务，出租方无法持有，工程分期也很少"
                             "只为软件融资",
                             f"{software:.0%} of the investment is software and cloud "
                             "services, which a lessor cannot own and engineering instalments "
                             "rarely finance alone"))
        if option.model == "financing_capital":
            if capacity >= Decimal("0.3"):
                score += 1
                good.append(zh_en("项目包含厂房、研发等产能建设，适合整体授信",
                               "the project includes capacity, buildings or R&D: suits "
                               "credit for the whole project"))
        if oid in ("bank_loan", "guarantee_loan", "microfinance"):
            score += 1.5 if oid == "bank_loan" else 1.0
            good.append(zh_en("期限和成本确定，便于安排还款", "fixed terms and cost, easy to plan"))
            if interest_subsidy is not None and option.interest_subsidy:
                score += 0.5
                points = points_text(interest_subsidy[0])
                good.append(zh_en(f"可享受贴息 {points} 个百分点，{interest_subsidy[1]} 年",
                                  f"an interest subsidy of {points} points for "
                                  f"{interest_subsidy[1]} years applies"))
            if oid == "bank_loan":
                if owns_land is True:
                    score += 1
                    good.append(zh_en("有自有土地厂房可作抵押", "own land and buildings can serve "
                                                           "as collateral"))
                elif owns_land is False:
                    score -= 1
                    bad.append(zh_en("没有自有土地厂房，抵押物不足", "no own land or buildings "
                                                                  "as collateral"))
                if rating in ("aaa", "aa"):
                    score += 1
                    good.append(zh_en("银行信用等级较高", "a good bank credit rating"))
                elif rating in ("bb_or_lower", "unknown", None):
                    score -= 0.5
                    bad.append(zh_en("信用等级不高或不清楚，贷款审批可能较难",
                                  "a weak or unknown credit rating makes approval harder"))
            if oid == "guarantee_loan" and owns_land is not True:
                score += 1
                good.append(zh_en("担保可弥补抵押物不足", "a guarantee makes up for missing "
                                                       "collateral"))
            if oid == "microfinance":
                if structure.plan.capped:
                    score -= 2
                    bad.append(zh_en("小额贷款额度只覆盖部分投资", "a microfinance loan covers "
                                                               "only part of the investment"))
        cost = structure.plan.total_cost
        cost_share = float(cost / net) if net > 0 else 0.0
        score -= 2 * cost_share
        if cost_share > 0:
            bad.append(zh_en(f"融资总成本 {fmt(cost, 'zh')}（净投资的 {cost_share:.0%}）",
                             f"total financing cost {fmt(cost, 'en')} ({cost_share:.0%} of "
                             "the net investment)"))
        backer = enabled.get(oid)
        if backer is not None:
            score += 0.5
            good.append(zh_en(f"有公共支持：{backer.name.get('zh')}",
                              f"backed by a public support: {backer.name.get('en')}"))
        result.append(OptionAdvice(structure, round(score, 3), tuple(good), tuple(bad),
                                   label_of(option, structure.terms)))
    result.sort(key=lambda o: (not o.acceptable, -o.score))
    return tuple(result)


def points_text(points: Decimal) -> str:
    """0.015 -> "1.5" (rate points)."""
    return f"{(points * 100).normalize():f}"


def label_of(option: FinancingOption, terms: Terms) -> Text:
    """The structure's name; a loan with an interest subsidy says so."""
    if terms.subsidy_points > 0 and terms.subsidy_years > 0:
        points = points_text(terms.subsidy_points)
        return Text(zh=f"{option.name.get('zh')} + 贴息 {points} 个百分点",
                    en=f"{option.name.get('en')} + interest subsidy of {points} points")
    return option.name


def percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
