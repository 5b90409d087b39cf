"""The planned transformation project: items, expected effects and financing choices, saved
with the assessment. Money is stored as exact decimal text in yuan."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..base.i18n import Text
from ..base.numbers import NumberProblem, read_stored
from ..questionnaire.values import ValueProblem
from .bank_file import BankFile, check_bank_file
from .money import ZERO, rate, round_fen, yuan
from .plan_input import check_term, name_of, parse_quantity

ItemCategory = Literal["robot", "equipment", "software", "cloud", "engineering", "building",
                       "land", "training", "service", "other"]
ITEM_CATEGORIES: tuple[str, ...] = ("robot", "equipment", "software", "cloud", "engineering",
                                    "building", "land", "training", "service", "other")


CATEGORY_NAMES: dict[str, Text] = {
    "robot": Text(zh="工业机器人", en="Industrial robots"),
    "equipment": Text(zh="设备", en="Equipment"),
    "software": Text(zh="软件系统", en="Software"),
    "cloud": Text(zh="云服务", en="Cloud services"),
    "engineering": Text(zh="工程与集成", en="Engineering & integration"),
    "building": Text(zh="厂房与设施", en="Buildings & facilities"),
    "land": Text(zh="土地", en="Land"),
    "training": Text(zh="培训", en="Training"),
    "service": Text(zh="咨询与服务", en="Consulting & services"),
    "other": Text(zh="其他", en="Other"),
}


MAX_ITEMS = 200


def _readable(stored: str) -> Decimal:
    try:
        return read_stored(stored)
    except NumberProblem:
        return ZERO


class ProjectItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:10])
    description: str = Field(min_length=1, max_length=300)
    category: ItemCategory = "equipment"
    measure: str | None = None
    quantity: str = "1"
    unit_price: str = "0"          # yuan
    supplier: str | None = Field(None, max_length=200)

    @property
    def total(self) -> Decimal:
        """Quantity times unit price; 0 for a value no check lets in now but an earlier
        release stored (the check names it, the screens still open)."""
        return round_fen(_readable(self.quantity) * _readable(self.unit_price))


class ProjectEffects(BaseModel):
    model_config = ConfigDict(extra="forbid")

    positions: int = Field(0, ge=0, le=100000)  # positions redeployed
    cost_per_worker: str = "0"      # yuan per year, social insurance included
    extra_output: str = "0"         # yuan per year of extra sales from higher output
    margin_rate: str = "0"          # share of the extra sales that is margin (0-1)
    scrap_rate_before: str = "0"    # percent
    scrap_rate_after: str = "0"     # percent
    material_cost: str = "0"        # yuan per year of material the scrap rate applies to
    energy_saving: str = "0"        # yuan per year
    running_costs: str = "0"        # yuan per year added (maintenance, software, power)


class ProjectFinance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    life_years: int = Field(8, ge=1, le=30)
    discount_rate: str = "0.08"
    tax_rate: str | None = None             # None: from the firm's tax status (bank file)
    ramp_up: str = "1"                      # share of the yearly benefits earned in year 1
    own_funds: str | None = None            # yuan the firm can put in, when known
    existing_debt_service: str = "0"        # (older files) yuan per year already owed
    engineering_company: bool = False       # delivered by an engineering-service company
    overrides: dict[str, dict[str, str]] = Field(default_factory=dict)
    chosen: str | None = None


class ProjectPlan(BaseModel):
    """What the owner plans; saved with the assessment (``Assessment.project``)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field("", max_length=200)
    measures: list[str] = Field(default_factory=list)
    items: list[ProjectItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    effects: ProjectEffects = Field(default_factory=ProjectEffects)
    finance: ProjectFinance = Field(default_factory=ProjectFinance)
    bank: BankFile = Field(default_factory=BankFile)
    catalogue: str | None = Field(None, description="(older files) the one policy "
                                                    "catalogue chosen")
    catalogues: list[str] | None = Field(None, max_length=20,
                                         description="the policy catalogues chosen by the "
                                                     "user; None: those of the firm's region")

    def chosen_catalogues(self) -> list[str] | None:
        if self.catalogues is not None:
            return list(self.catalogues)
        return [self.catalogue] if self.catalogue else None

    # ------------------------------------------------------------------ totals

    def total(self, categories: tuple[str, ...] | None = None) -> Decimal:
        return sum((i.total for i in self.items
                    if categories is None or i.category in categories), ZERO)

    def count(self, category: str) -> Decimal:
        return sum((_readable(i.quantity) for i in self.items if i.category == category),
                   ZERO)


# ---------------------------------------------------------------------------- validation

def check_plan(plan: ProjectPlan) -> list[ValueProblem]:
    """Every value that is not acceptable, each naming its field; empty when all is well."""
    problems: list[ValueProblem] = []

    def money(field: str, value: str | None, where: str = "", where_zh: str = "",
              allow_negative: bool = False) -> None:
        if value is None:
            return
        try:
            yuan(value, where + name_of(field, "en"), allow_negative=allow_negative,
                 stored=True)
        except ValueProblem as problem:
            problems.append(ValueProblem(problem.message, problem.zh.replace(
                where + name_of(field, "en"), where_zh + name_of(field, "zh"))))

    def fraction(field: str, value: str, high: Decimal = Decimal(1)) -> None:
        try:
            rate(value, name_of(field, "en"), high=high)
        except ValueProblem as problem:
            problems.append(ValueProblem(problem.message, problem.zh.replace(
                name_of(field, "en"), name_of(field, "zh"))))

    for n, item in enumerate(plan.items, start=1):
        where = f"item {n} ({item.description[:20]}): "
        try:
            parse_quantity(item.quantity, stored=True)
        except ValueProblem as problem:
            problems.append(ValueProblem(f"{where}{problem.message}", f"第 {n} 项：{problem.zh}"))
        money("unit_price", item.unit_price, where, f"第 {n} 项（{item.description[:20]}）")
        if item.category not in ITEM_CATEGORIES:  # pragma: no cover - the model refuses it
            problems.append(ValueProblem(f"{where}unknown category {item.category}"))
    e = plan.effects
    if not 0 <= e.positions <= 100000:
        problems.append(ValueProblem(f"positions redeployed: {e.positions} must be between 0 "
                                     "and 100,000", f"减少/转岗人数：{e.positions} 应在 0 到 "
                                                    "100000 之间"))
    if not 1 <= plan.finance.life_years <= 30:
        problems.append(ValueProblem(f"project life: {plan.finance.life_years} must be between "
                                     "1 and 30 years", f"项目使用年限：{plan.finance.life_years} "
                                                       "应在 1 到 30 年之间"))
    for field in ("cost_per_worker", "extra_output", "material_cost", "energy_saving",
                  "running_costs"):
        money(field, getattr(e, field))
    fraction("margin_rate", e.margin_rate)
    for field in ("scrap_rate_before", "scrap_rate_after"):
        fraction(field, getattr(e, field), high=Decimal(100))
    f = plan.finance
    fraction("discount_rate", f.discount_rate, high=Decimal("0.5"))
    if f.tax_rate is not None:
        fraction("tax_rate", f.tax_rate, high=Decimal("0.5"))
    fraction("ramp_up", f.ramp_up)
    money("own_funds", f.own_funds)
    money("existing_debt_service", f.existing_debt_service)
    for option, terms in f.overrides.items():
        for term, value in terms.items():
            try:
                check_term(term, value)
            except ValueProblem as problem:
                problems.append(ValueProblem(f"financing {option[:40]}: {problem.message}",
                                             f"融资方式 {option[:40]}：{problem.zh}"))
    problems.extend(check_bank_file(plan.bank))
    return problems
