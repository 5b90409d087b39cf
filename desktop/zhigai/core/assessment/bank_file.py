"""What a bank asks for beside the assessment: three years of financials, existing loans,
collateral, the project's permits, subsidies already received and the firm's tax status.
Saved with the project plan (``ProjectPlan.bank``); money as exact decimal text in yuan."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..base.i18n import Text
from ..questionnaire.values import ValueProblem
from .money import ZERO, rate, yuan

PERMITS: tuple[str, ...] = ("filing", "environment", "energy", "safety", "land")
PERMIT_NAMES: dict[str, Text] = {
    "filing": Text(zh="项目备案或核准", en="Project filing or approval"),
    "environment": Text(zh="环境影响评价", en="Environmental impact assessment"),
    "energy": Text(zh="节能审查", en="Energy-saving review"),
    "safety": Text(zh="安全生产（安全设施“三同时”）", en="Work safety (safety facilities review)"),
    "land": Text(zh="用地与规划", en="Land use and planning"),
}
PermitStatus = Literal["unknown", "not_needed", "to_apply", "applied", "granted"]
PERMIT_STATUSES: dict[str, Text] = {
    "unknown": Text(zh="未说明", en="Not stated"),
    "not_needed": Text(zh="不需要", en="Not needed"),
    "to_apply": Text(zh="待办理", en="To apply for"),
    "applied": Text(zh="已申请", en="Applied for"),
    "granted": Text(zh="已取得", en="Granted"),
}
TaxStatus = Literal["general", "high_tech", "small_low_profit"]
TAX_STATUSES: dict[str, Text] = {
    "general": Text(zh="一般企业（25%）", en="General (25%)"),
    "high_tech": Text(zh="高新技术企业（15%）", en="High-tech enterprise (15%)"),
    "small_low_profit": Text(zh="小型微利企业（实际 5%）", en="Small low-profit enterprise "
                                                           "(5% effective)"),
}
MAX_ROWS = 30


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FinancialYear(_Row):
    """One year of the firm's accounts (yuan); None: not given."""

    year: int = Field(ge=1990, le=2100)
    revenue: str | None = None
    net_profit: str | None = None
    total_assets: str | None = None
    liabilities: str | None = None
    operating_cash_flow: str | None = None


class ExistingLoan(_Row):
    lender: str = Field("", max_length=100)
    balance: str = "0"                 # yuan outstanding
    yearly_service: str = "0"          # yuan of principal and interest a year
    rate: str | None = None            # yearly interest rate, when known
    ends: int | None = Field(None, ge=1990, le=2100)


class Permit(_Row):
    kind: Literal["filing", "environment", "energy", "safety", "land"]
    status: PermitStatus = "unknown"
    reference: str = Field("", max_length=100)   # document number or the office applied to


class SubsidyReceived(_Row):
    programme: str = Field(min_length=1, max_length=200)
    amount: str = "0"                  # yuan
    year: int = Field(ge=1990, le=2100)


class BankFile(_Row):
    years: list[FinancialYear] = Field(default_factory=list, max_length=5)
    loans: list[ExistingLoan] = Field(default_factory=list, max_length=MAX_ROWS)
    no_loans: bool = False             # the owner states the firm has no loans
    collateral: str = Field("", max_length=500)
    permits: list[Permit] = Field(default_factory=list, max_length=len(PERMITS))
    subsidies: list[SubsidyReceived] = Field(default_factory=list, max_length=MAX_ROWS)
    tax_status: TaxStatus | None = None

    def permit(self, kind: str) -> Permit:
        return next((p for p in self.permits if p.kind == kind),
                    Permit.model_validate({"kind": kind}))

    def latest_cash_flow(self) -> Decimal | None:
        """The operating cash flow of the newest year that gives one."""
        for y in sorted(self.years, key=lambda y: -y.year):
            if y.operating_cash_flow not in (None, ""):
                return Decimal(str(y.operating_cash_flow))
        return None

    def loans_service(self) -> Decimal | None:
        """The yearly service of the existing loans: their sum, 0 when the owner says there
        are none, None when not given."""
        if self.loans:
            return sum((Decimal(x.yearly_service) for x in self.loans), ZERO)
        return ZERO if self.no_loans else None

    def loans_interest(self, assumed_rate: Decimal) -> Decimal:
        """The interest part of the existing loans: balance x rate (the loan's own rate, else
        ``assumed_rate``)."""
        return sum((Decimal(x.balance) * (Decimal(x.rate) if x.rate else assumed_rate)
                    for x in self.loans), ZERO).quantize(Decimal("0.01"))


YEAR_FIELDS = {"revenue": ("revenue", "营业收入"), "net_profit": ("net profit", "净利润"),
               "total_assets": ("total assets", "资产总额"),
               "liabilities": ("liabilities", "负债总额"),
               "operating_cash_flow": ("operating cash flow", "经营活动现金流量净额")}


def check_bank_file(bank: BankFile) -> list[ValueProblem]:
    """Every value that is not acceptable, each naming where it is (zh and en)."""
    problems: list[ValueProblem] = []

    def _readable(value: str | None) -> Decimal | None:
        """The amount when it can be read (its problem, if any, is reported apart)."""
        try:
            if value in (None, ""):
                return None
            return yuan(value, "", allow_negative=True, stored=True)
        except ValueProblem:
            return None

    def money(value: str | None, en: str, zh: str, negative: bool = False) -> None:
        if value is None:
            return
        try:
            yuan(value, en, allow_negative=negative, stored=True)
        except ValueProblem as problem:
            problems.append(ValueProblem(problem.message, problem.zh.replace(en, zh)))

    seen: set[int] = set()
    for y in bank.years:
        if y.year in seen:
            problems.append(ValueProblem(f"financial years: {y.year} is given twice",
                                         f"财务数据：{y.year} 年填写了两次"))
        seen.add(y.year)
        for name, (en, zh) in YEAR_FIELDS.items():
            money(getattr(y, name), f"financial year {y.year}, {en}",
                  f"财务数据 {y.year} 年{zh}", negative=name in ("net_profit",
                                                            "operating_cash_flow"))
        assets, liabilities = _readable(y.total_assets), _readable(y.liabilities)
        if assets is not None and liabilities is not None and liabilities > 10 * assets > 0:
            problems.append(ValueProblem(
                f"financial year {y.year}: liabilities {y.liabilities} are more than ten times "
                f"the total assets {y.total_assets}; check the unit",
                f"财务数据 {y.year} 年：负债 {y.liabilities} 超过资产总额 {y.total_assets} 的十倍，"
                "请检查单位"))
    for n, loan in enumerate(bank.loans, start=1):
        where_en, where_zh = f"existing loan {n} ({loan.lender or '—'})", f"现有贷款第 {n} 笔"
        money(loan.balance, f"{where_en}, balance", f"{where_zh}余额")
        money(loan.yearly_service, f"{where_en}, yearly debt service", f"{where_zh}年还本付息额")
        if loan.rate not in (None, ""):
            try:
                rate(loan.rate, f"{where_en}, rate", high=Decimal("0.36"))
            except ValueProblem as problem:
                problems.append(ValueProblem(problem.message, problem.zh.replace(
                    f"{where_en}, rate", f"{where_zh}利率")))
    if bank.loans and bank.no_loans:
        problems.append(ValueProblem("existing loans: 'no loans' is ticked but loans are listed",
                                     "现有贷款：勾选了“没有贷款”，但列出了贷款"))
    for n, s in enumerate(bank.subsidies, start=1):
        money(s.amount, f"subsidy received {n} ({s.programme[:20]}), amount",
              f"已获补助第 {n} 项金额")
    kinds = [p.kind for p in bank.permits]
    for kind in set(kinds):
        if kinds.count(kind) > 1:
            problems.append(ValueProblem(f"permits: {kind} is listed twice",
                                         f"项目手续：{PERMIT_NAMES[kind].zh} 重复"))
    return problems


def recent_years(bank: BankFile, latest: int, profile: dict[str, Decimal | None],
                 count: int = 3) -> list[FinancialYear]:
    """The ``count`` years up to ``latest`` (newest first) as given, with the latest year's
    blanks filled from the profile (revenue, net_profit, total_assets, liabilities: its
    figures are last year's)."""
    given = {y.year: y for y in bank.years}
    out: list[FinancialYear] = []
    for year in range(latest, latest - count, -1):
        row = given.get(year, FinancialYear(year=year))
        if year == latest:
            filled = {name: str(profile[name]) for name in ("revenue", "net_profit",
                                                            "total_assets", "liabilities")
                      if getattr(row, name) in (None, "") and profile.get(name) is not None}
            row = row.model_copy(update=filled)
        out.append(row)
    return out
