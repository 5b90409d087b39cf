"""Money: exact Decimal amounts in yuan, rounded to the fen, never float sums.

Chinese readers expect 万元 (10,000 yuan); inputs and displays convert at the edges only.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..base.numbers import NumberProblem, read_decimal, read_stored
from ..base.prose import number
from ..questionnaire.values import ValueProblem

FEN = Decimal("0.01")
WAN = Decimal(10000)
ZERO = Decimal(0)
#: no SME project in this tool is near this; anything above is a typing error
ABSURD_YUAN = Decimal("1e12")


def yuan(value: Any, field: str = "amount", *, allow_negative: bool = False,
         unit: str = "yuan", stored: bool = False) -> Decimal:
    """Parse an amount (``unit`` "yuan" or "wan") into yuan, rounded to the fen.

    Refuses what :func:`~zhigai.core.base.numbers.read_decimal` refuses (non-numbers, NaN,
    infinities, exponents, other scripts' digits), negatives (unless allowed) and absurd sizes
    with a :class:`ValueProblem` naming ``field``. ``stored``: a value read from a file, which
    must be written as Zhigai writes it (:func:`~zhigai.core.base.numbers.read_stored`).
    """
    if isinstance(value, bool) or value is None:
        raise ValueProblem(f"{field}: expected an amount", f"{field}：请输入金额")
    try:
        amount = (read_stored if stored else read_decimal)(value, field)
    except NumberProblem as problem:
        raise ValueProblem(problem.message, problem.zh) from None
    given = number(amount)
    if unit == "wan":
        amount *= WAN
    if amount < 0 and not allow_negative:
        raise ValueProblem(f"{field}: {given} is negative; enter 0 or more",
                           f"{field}：{given} 是负数，请输入 0 或更大的数")
    if abs(amount) > ABSURD_YUAN:
        raise ValueProblem(f"{field}: {given} is far too large for an SME project; check the "
                           "unit (10k yuan) and the number of zeros",
                           f"{field}：{given} 对中小企业项目来说过大，请检查单位（万元）和位数")
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def rate(value: Any, field: str, *, low: Decimal = ZERO, high: Decimal = Decimal(1)) -> Decimal:
    """A stored rate, a fraction (0.035) within [low, high]."""
    if isinstance(value, bool) or value is None:
        raise ValueProblem(f"{field}: expected a rate", f"{field}：请输入比率")
    try:
        result = read_stored(value, field)
    except NumberProblem as problem:
        raise ValueProblem(problem.message, problem.zh) from None
    if not low <= result <= high:
        raise ValueProblem(f"{field}: {value} must be between {low} and {high}",
                           f"{field}：{value} 应在 {low} 到 {high} 之间")
    return result


def round_fen(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def to_wan(amount: Decimal) -> Decimal:
    return (amount / WAN).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fmt(amount: Decimal | None, lang: str, *, wan_decimals: int = 2) -> str:
    """``1,234.50 万元`` in Chinese, ``12,345,000 yuan`` in English."""
    if amount is None:
        return "—"
    if lang == "zh":
        value = (amount / WAN).quantize(Decimal(1).scaleb(-wan_decimals),
                                        rounding=ROUND_HALF_UP)
        return f"{value:,} 万元"
    return f"{amount.quantize(Decimal(1), rounding=ROUND_HALF_UP):,} yuan"


def fmt_short(amount: Decimal | None, lang: str) -> str:
    """Compact: ``123.5 万`` / ``1.24 M``."""
    if amount is None:
        return "—"
    if lang == "zh":
        return f"{(amount / WAN).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,} 万"
    return f"{(amount / Decimal(1000000)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)} M"
