"""Project values typed by a person (the plan page, the bank file, the financing terms) read
into their stored form, each refusal naming the field; the range checks of a stored plan are
:func:`zhigai.core.assessment.plan.check_plan`'s."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..base.numbers import NumberProblem, read_decimal, read_stored, read_within
from ..questionnaire.values import ValueProblem
from .money import yuan

FIELD_NAMES = {
    "quantity": ("quantity", "数量"), "unit_price": ("unit price", "单价"),
    "cost_per_worker": ("annual cost per worker", "每人年用工成本"),
    "extra_output": ("extra sales from output gain", "增产带来的新增销售额"),
    "margin_rate": ("margin rate", "毛利率"), "scrap_rate_before": ("scrap rate before",
                                                                   "改造前废品率"),
    "scrap_rate_after": ("scrap rate after", "改造后废品率"),
    "material_cost": ("annual material cost", "年材料成本"),
    "energy_saving": ("energy saved per year", "每年节约能源费用"),
    "running_costs": ("added running costs", "新增运行费用"),
    "discount_rate": ("discount rate", "折现率"), "tax_rate": ("tax rate", "所得税率"),
    "own_funds": ("own funds available", "可投入的自有资金"),
    "existing_debt_service": ("existing yearly debt service", "现有年还本付息额"),
    "positions": ("positions redeployed", "减少/转岗人数"),
    "life_years": ("project life", "项目使用年限"),
    "ramp_up": ("share of benefits in year 1", "第一年效益达产比例"),
}


def name_of(field: str, lang: str) -> str:
    en, zh = FIELD_NAMES.get(field, (field, field))
    return zh if lang == "zh" else en


def parse_money_input(field: str, raw: Any, unit: str = "wan") -> str:
    """Validate money typed by the user (in 万元 by default) and return yuan as text.

    Raises ValueProblem naming the field (zh and en)."""
    try:
        return str(yuan(raw, name_of(field, "en"), unit=unit))
    except ValueProblem as problem:
        zh = problem.zh.replace(name_of(field, "en"), name_of(field, "zh"))
        raise ValueProblem(problem.message, zh) from None


def _read(field: str, read: Callable[[str], Any]) -> Any:
    try:
        return read(name_of(field, "en"))
    except NumberProblem as problem:
        raise ValueProblem(problem.message, problem.zh.replace(name_of(field, "en"),
                                                               name_of(field, "zh"))) from None


def parse_quantity(raw: Any, stored: bool = False) -> str:
    """An item's quantity as typed (above 0, at most 100,000), as stored text; ``stored``:
    the quantity read from a file, which must be written as stored."""
    value = _read("quantity", lambda name: (read_stored if stored else read_decimal)(raw, name))
    if not 0 < value <= 100000:
        en, zh = FIELD_NAMES["quantity"]
        raise ValueProblem(f"{en}: '{raw}' must be a number above 0 and at most 100,000",
                           f"{zh}：“{raw}”应为大于 0、不超过 100000 的数")
    return str(value)


def parse_plan_input(field: str, kind: str, text: str) -> Any:
    """The stored value of an effects or finance field typed as shown: ``wan`` money in
    万元 (stored in yuan), ``percent`` a percentage stored as a fraction, ``plain_percent``
    a percentage stored as such, ``count`` a whole number. Range checks are
    :func:`check_plan`'s; this refuses what cannot be read, naming the field."""
    if kind == "wan":
        return parse_money_input(field, text)
    if kind == "count":
        return int(_read(field, lambda name: read_within(text, name, 0, 100000, whole=True)))
    value = _read(field, lambda name: read_within(text, name, -1000, 1000, unit="%"))
    return f"{(value / 100).normalize() if kind == 'percent' else value:f}"



#: a financing option's terms a user may fix: (lowest, highest, unit typed, stored as a fraction)
TERMS: dict[str, tuple[int, int, str, bool]] = {
    "rate": (0, 50, "%", True), "fee_rate": (0, 20, "%", True),
    "financed_share": (0, 100, "%", True), "profit_share": (0, 100, "%", True),
    "years": (1, 30, "", False), "max_amount": (0, 10_000_000, "", False),
}
TERM_NAMES = {"rate": ("interest rate", "利率"), "fee_rate": ("fee rate", "费率"),
              "financed_share": ("share financed", "融资比例"),
              "profit_share": ("profit share", "收益分成比例"), "years": ("term", "期限（年）"),
              "max_amount": ("largest amount (10k yuan)", "最高额度（万元）")}


def parse_term(name: str, text: str) -> str:
    """A financing term as typed (percentages as such, years whole) in its stored form."""
    low, high, unit, fraction = TERMS[name]
    en, zh = TERM_NAMES[name]
    try:
        value = read_within(text, en, low, high, whole=name == "years", unit=unit)
    except NumberProblem as problem:
        raise ValueProblem(problem.message, problem.zh.replace(en, zh)) from None
    return f"{(value / 100).normalize() if fraction else value.normalize():f}"


def check_term(name: str, stored: Any) -> None:
    """A stored term (fractions for percentages): ValueProblem naming it when out of range."""
    if name not in TERMS:
        raise ValueProblem(f"'{name}' is not a financing term ({', '.join(TERMS)})",
                           f"“{name}”不是可设定的融资条件")
    if stored in (None, ""):
        return
    if not isinstance(stored, str):
        raise ValueProblem(f"{TERM_NAMES[name][0]}: expected the number as text",
                           f"{TERM_NAMES[name][1]}：应为文本形式的数字")
    low, high, unit, fraction = TERMS[name]
    en, zh = TERM_NAMES[name]
    try:
        value = read_stored(stored, en)
    except NumberProblem as problem:
        raise ValueProblem(problem.message, problem.zh.replace(en, zh)) from None
    parse_term(name, f"{value * 100 if fraction else value:f}")
