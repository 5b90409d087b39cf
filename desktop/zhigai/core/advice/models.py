"""Formats of the advice data in ``templates/``: the measures library, policy catalogues (one
per region and period) and the financing options. Documented in docs/advice-data.md."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..assessment.plan import ItemCategory
from ..base.datatypes import Date, Version
from ..base.i18n import Text
from ..questionnaire.models import DocId, Id, Level, Source

Horizon = Literal["quick", "medium", "long"]
Share = Annotated[float, Field(ge=0, le=1)]


#: placeholders allowed in reason texts: {project.robot_count}, {profile.employees}...
PLACEHOLDER = re.compile(r"\{([a-z]+)\.([a-z_][a-z0-9_]*)\}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CostRange(_Strict):
    """An indicative cost range for an SME, in 万元 (10,000 yuan)."""

    min: float = Field(ge=0)
    max: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> CostRange:
        if self.max < self.min:
            raise ValueError(f"max {self.max:g} is below min {self.min:g}")
        return self


class Measure(_Strict):
    id: Id
    name: Text
    description: Text
    dimension: Id
    from_level: Level = Field(description="the level of the dimension it starts from")
    to_level: Level = Field(description="the level it brings the dimension to")
    done_if: str | None = Field(None, description="condition over answers: the firm already "
                                                  "has it")
    requires: list[Id] = Field(default_factory=list, description="measures that must come "
                                                                 "first")
    brings: list[str] = Field(default_factory=list,
                              description="answers it also brings beyond done_if, as "
                                          "conditions (loom monitoring networks the looms: "
                                          "\"co_networking_rate >= 80\")")
    horizon: Horizon = "medium"
    category: ItemCategory = Field(description="what a project item for it is")
    cost: CostRange = Field(description="indicative cost for an SME, 万元")
    effects: Text = Field(description="typical effects")
    addresses: list[Id] = Field(default_factory=list, description="pain points")
    industries: list[Id] = Field(default_factory=list,
                                 description="only for these industries (empty: all)")
    not_industries: list[Id] = Field(default_factory=list,
                                     description="never for these industries")
    keywords: list[str] = Field(default_factory=list,
                                description="words in a project item that point to it "
                                            "(Chinese or English, any case)")
    first: bool = Field(False, description="comes first in every roadmap where the firm "
                                           "lacks it (the expert diagnosis)")
    source: Text | None = Field(None, description="where the indicative cost comes from, "
                                                  "when not the library's source")
    policies: list[Id] = Field(default_factory=list, description="related policy entry ids")
    financing: list[Id] = Field(default_factory=list, description="fitting financing options")


class MeasureLibrary(_Strict):
    kind: Literal["measure-library"]
    id: DocId
    version: Version
    questionnaire: DocId
    title: Text
    source: Source
    cost_note: Text
    module: DocId | None = Field(None, description="the industry module whose trades these "
                                                   "measures serve")
    measures: list[Measure] = Field(min_length=1)


def fits_industry(measure: Measure, industry: str | None) -> bool:
    """A measure fits a firm unless it is limited to other industries or excludes this one; a
    firm whose industry is not known gets only the measures for every industry."""
    if measure.industries and (industry is None or industry not in measure.industries):
        return False
    return industry is None or industry not in measure.not_industries


class Period(_Strict):
    start: Date = Field(alias="from")
    end: Date | None = Field(None, alias="to")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Requirement(_Strict):
    """One eligibility rule: a condition and the reason shown when it holds or not."""

    when: str = Field(description="condition over profile., project., score. and answers")
    met: Text = Field(description="reason shown when it holds; may use {project.x} etc.")
    unmet: Text = Field(description="what would make the firm eligible")
    fixable: bool = Field(True, description="a near miss may be reported when only this fails")
    via: list[Id] = Field(default_factory=list,
                          description="measures that would meet it: a near miss is reported "
                                      "only when one of them is on the firm's roadmap or in "
                                      "its project")


GivesType = Literal["rate", "amount", "service", "interest_subsidy", "financing", "information"]


class Gives(_Strict):
    type: GivesType
    text: Text = Field(description="what the support gives, in words")
    rate_min: float | None = Field(None, ge=0, le=1)
    rate_max: float | None = Field(None, ge=0, le=1)
    base: str | None = Field(None, description="project fact the rate applies to, e.g. "
                                               "robot_cost")
    cap: float | None = Field(None, ge=0, description="ceiling of the estimate, 万元")
    amount: float | None = Field(None, ge=0, description="fixed amount, 万元")
    points: float | None = Field(None, ge=0, le=0.2,
                                 description="interest subsidy, rate points (0.01 = 1 point)")
    years: int | None = Field(None, ge=1, le=30)


class LevelGate(_Strict):
    """The support is paid only when the firm's official level reaches ``level``."""

    lens: DocId = Field(description="the official-level lens, e.g. miit-2024")
    level: Level = Field(description="the level required, 1-4")


class Policy(_Strict):
    id: Id
    name: Text
    issuer: Text
    period: Period
    source: Text
    date: Date = Field(description="when the source was published or last checked")
    url: str | None = Field(None, max_length=500)
    verify: bool = Field(False, description="the terms are not confirmed by a primary source")
    recurring: bool = Field(False, description="a yearly round: once expired, ask whether a "
                                               "new round is open")
    gives: Gives
    requirements: list[Requirement] = Field(default_factory=list)
    confirm: list[Text] = Field(default_factory=list,
                                description="conditions the assessment cannot check, shown "
                                            "as 'to confirm' (e.g. a MIIT level after "
                                            "acceptance)")
    enables: list[Id] = Field(default_factory=list,
                              description="financing options this support makes available")
    audience: Literal["firm", "government"] = "firm"
    level_gate: LevelGate | None = Field(None, description="paid only at or above an official "
                                                           "level (checked against the "
                                                           "estimate after the project)")


class Scope(_Strict):
    """Where a catalogue applies, as the profile names it (Chinese names: 浙江省, 杭州市)."""

    level: Literal["national", "province", "city", "county"]
    province: str | None = None
    city: str | None = None
    county: str | None = None

    @model_validator(mode="after")
    def _named(self) -> Scope:
        needed = {"national": (), "province": ("province",), "city": ("province", "city"),
                  "county": ("province", "city", "county")}[self.level]
        missing = [n for n in needed if not getattr(self, n)]
        if missing:
            raise ValueError(f"a {self.level} catalogue needs {', '.join(missing)}")
        return self


class PolicyCatalogue(_Strict):
    kind: Literal["policy-catalogue"]
    id: DocId
    version: Version
    region: Text
    scope: Scope
    period: Period
    historical: bool = Field(False, description="kept for reference: never chosen by "
                                                "region, its entries show as expired")
    title: Text
    source: Source
    verify: bool = Field(False, description="terms must be checked before relying on them")
    note: Text
    policies: list[Policy] = Field(min_length=1)


class OptionDefaults(_Strict):
    financed_share: Share = 0.0
    rate: float = Field(0.0, ge=0, le=0.5)
    years: int = Field(0, ge=0, le=30)
    fee_rate: float = Field(0.0, ge=0, le=0.2)
    profit_share: Share = 0.0
    max_amount: float | None = Field(None, ge=0, description="万元")


class Range(_Strict):
    """The values of a term the parties may agree on (both ends included)."""

    low: float = Field(ge=0)
    high: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.high < self.low:
            raise ValueError(f"high {self.high:g} is below low {self.low:g}")
        return self


class Negotiable(_Strict):
    """Terms of an option the firm and the financier negotiate: the advisor may propose any
    value in these ranges to make the structure pass the bank's tests."""

    financed_share: Range | None = None
    years: Range | None = None
    profit_share: Range | None = None


class BankTest(_Strict):
    """The tests a bank applies to a financing structure (thresholds with their source)."""

    min_dscr: float = Field(1.2, ge=1.0, description="lowest DSCR in every year")
    min_icr: float = Field(2.0, ge=1.0, description="lowest interest coverage in every year")
    min_own_share: Share = Field(0.2, description="own contribution / net investment")
    max_debt_ratio: Share = Field(0.7, description="liabilities / assets after the project")
    source: Text


class OptionTest(_Strict):
    """An option's own thresholds where they differ from the general bank test."""

    min_dscr: float | None = Field(None, ge=1.0)
    min_icr: float | None = Field(None, ge=1.0)
    min_own_share: Share | None = None
    max_debt_ratio: Share | None = None
    source: Text


class FinancingOption(_Strict):
    id: Id
    name: Text = Field(description="the name owners and bank staff know, with the paper's "
                                   "model in brackets")
    plain: Text = Field(description="one line in plain words: who pays what, how it is repaid")
    description: Text
    model: Literal["conventional", "financing_capital", "financing_materials",
                   "financing_engineering"]
    repayment: Literal["none", "annuity", "profit_share"]
    finances: list[ItemCategory] | Literal["all"] = "all"
    defaults: OptionDefaults = OptionDefaults()
    negotiable: Negotiable = Negotiable()
    bank_test: OptionTest | None = None
    interest_subsidy: bool = Field(False, description="a technology-upgrade interest subsidy "
                                                      "can apply to it")
    assumptions: Text = Field(description="where the default terms come from")
    case: Text | None = Field(None, description="a case from the source paper")


class AssetClassData(_Strict):
    life: int = Field(ge=0, le=50, description="years of straight-line depreciation; 0: none")
    salvage: Share = 0.0
    categories: list[ItemCategory] = Field(
        description="the project item categories depreciated this way")


class ExistingDebtEstimate(_Strict):
    """How the yearly debt service is estimated from liabilities when it is not given."""

    interest_bearing_share: Share
    years: int = Field(ge=1, le=30)
    rate: float = Field(ge=0, le=0.5)
    source: Text


class TaxRates(_Strict):
    general: Share
    high_tech: Share
    small_low_profit: Share
    source: Text


class AppraisalData(_Strict):
    asset_classes: dict[Id, AssetClassData]
    loss_years: int = Field(5, ge=0, le=10)
    source: Text


class Validity(_Strict):
    start: Date
    review_by: Date = Field(description="the day the terms and sources are to be checked again")


class FinancingOptions(_Strict):
    kind: Literal["financing-options"]
    id: DocId
    version: Version
    title: Text
    source: Source
    valid: Validity
    note: Text
    bank_test: BankTest
    defaults: dict[str, float] = Field(default_factory=dict,
                                       description="calculator defaults: discount_rate, "
                                                   "life_years, tax_rate")
    appraisal: AppraisalData
    tax_rates: TaxRates
    existing_debt: ExistingDebtEstimate
    options: list[FinancingOption] = Field(min_length=2)

    def test_for(self, option: FinancingOption) -> BankTest:
        """The general bank test with the option's own thresholds in place."""
        own = option.bank_test
        if own is None:
            return self.bank_test
        values = {k: v for k, v in own.model_dump().items() if v is not None}
        return self.bank_test.model_copy(update=values | {"source": own.source})
