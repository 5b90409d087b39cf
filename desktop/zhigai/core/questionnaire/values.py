"""Company-profile values: parsing and validation shared by the GUI, the CLI and imports."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation
from typing import Any

from ..base.numbers import NumberProblem, read_decimal
from ..base.prose import number
from .models import ProfileField

# GB 32100-2015 unified social credit code (统一社会信用代码)
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

YES_WORDS = {"yes", "y", "true", "1", "是", "有"}
NO_WORDS = {"no", "n", "false", "0", "否", "无", "没有"}


class ValueProblem(ValueError):
    """A value that cannot be accepted; the message says what is wrong and what is expected,
    in English (``str()``) and Chinese (``text("zh")``)."""

    def __init__(self, message: str, zh: str | None = None):
        super().__init__(message)
        self.message = message
        self.zh = zh or message

    def text(self, lang: str) -> str:
        return self.message if lang == "en" else self.zh


def uscc_check_char(first17: str) -> str:
    """The check character (18th) for the first 17 characters of a credit code."""
    total = 0
    for ch, weight in zip(first17, USCC_WEIGHTS, strict=False):
        index = USCC_CHARS.find(ch)
        if index < 0:
            raise ValueProblem(f"'{ch}' cannot appear in a credit code",
                               f"统一社会信用代码中不能出现“{ch}”")
        total += index * weight
    return USCC_CHARS[(31 - total % 31) % 31]


def check_uscc(raw: str) -> str:
    """Return the normalized code or raise :class:`ValueProblem` saying what is wrong."""
    code = raw.strip().upper().replace(" ", "")
    if len(code) != 18:
        raise ValueProblem(f"a unified social credit code has 18 characters; this one has "
                           f"{len(code)}", f"统一社会信用代码应为 18 位，现在是 {len(code)} 位")
    for position, ch in enumerate(code, start=1):
        if ch not in USCC_CHARS:
            hint = " (the letters I, O, S, V and Z are never used)" if ch.isalpha() else ""
            raise ValueProblem(f"character {position} '{ch}' is not allowed in a credit "
                               f"code{hint}",
                               f"第 {position} 位“{ch}”不能用在统一社会信用代码中"
                               + ("（代码中不使用字母 I、O、S、V、Z）" if hint else ""))
    if not code[2:8].isdigit():
        raise ValueProblem("characters 3-8 must be the 6-digit administrative division code",
                           "第 3-8 位应为 6 位数字的行政区划码")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise ValueProblem(f"the check character is wrong: the code ends in '{code[17]}' but "
                           f"its first 17 characters give '{expected}'; check for a typo",
                           f"校验码不对：最后一位是“{code[17]}”，按前 17 位应为“{expected}”，"
                           "请检查是否输错")
    return code


def parse_decimal(raw: Any, field: str | None = None) -> Decimal:
    """A number as :func:`~zhigai.core.base.numbers.read_decimal` reads it; ValueProblem."""
    try:
        return read_decimal(raw, field)
    except NumberProblem as problem:
        raise ValueProblem(problem.message, problem.zh) from None


def parse_number(raw: Any) -> float:
    value = parse_decimal(raw)
    return float(value)


def parse_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise ValueProblem(f"'{raw}' is not yes or no", f"“{raw}”不是“是”或“否”")


def parse_date(raw: Any) -> str:
    if isinstance(raw, _dt.date):
        return raw.isoformat()
    text = str(raw).strip()
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueProblem(f"'{raw}' is not a date; write YYYY-MM-DD, e.g. 2026-11-25",
                           f"“{raw}”不是日期，请按 年-月-日 填写，例如 2026-11-25") from None


def _bounds(f: ProfileField, value: Decimal) -> None:
    unit = f" {f.unit.get('en')}" if f.unit else ""
    unit_zh = f" {f.unit.get('zh')}" if f.unit else ""
    if f.min is not None and value < Decimal(repr(f.min)):
        raise ValueProblem(f"{number(value)}{unit} is below the smallest allowed value "
                           f"{number(f.min)}{unit}", f"{number(value)}{unit_zh} 小于允许的最小值 "
                                                     f"{number(f.min)}{unit_zh}")
    if f.max is not None and value > Decimal(repr(f.max)):
        raise ValueProblem(f"{number(value)}{unit} is above the largest allowed value "
                           f"{number(f.max)}{unit}", f"{number(value)}{unit_zh} 超过允许的最大值 "
                                                     f"{number(f.max)}{unit_zh}")


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def coerce_profile_value(f: ProfileField, raw: Any) -> Any:
    """Turn user or file input into the stored JSON value for a profile field.

    Returns ``None`` for an empty value. Decimal fields are stored as exact strings.
    Raises :class:`ValueProblem` with a message meant for the user.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []:
        return None
    t = f.type
    if t == "text":
        if not isinstance(raw, str):
            raise ValueProblem("expected text", "请输入文字")
        value = raw.strip()
        limit = f.max_length or 500
        if len(value) > limit:
            raise ValueProblem(f"is {len(value)} characters long; at most {limit} are allowed",
                               f"共 {len(value)} 个字，最多 {limit} 个字")
        return value
    if t == "uscc":
        return check_uscc(str(raw))
    if t == "integer":
        d = parse_decimal(raw)
        if d != d.to_integral_value():
            raise ValueProblem(f"'{raw}' is not a whole number", f"“{raw}”不是整数")
        _bounds(f, d)
        return int(d)
    if t in ("decimal", "percent"):
        d = parse_decimal(raw)
        if t == "percent" and not Decimal(0) <= d <= Decimal(100):
            raise ValueProblem(f"{number(d)}% is not a percentage between 0 and 100",
                               f"{number(d)}% 不在 0 到 100 之间")
        _bounds(f, d)
        exponent = d.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -6:
            raise ValueProblem(f"'{raw}' has too many decimal places (at most 6)",
                               f"“{raw}”小数位太多（最多 6 位）")
        return _fmt(d)
    if t == "date":
        return parse_date(raw)
    if t == "yesno":
        return parse_bool(raw)
    options = {o.id for o in f.options or []}
    if t == "choice":
        value = str(raw).strip()
        if value not in options:
            raise ValueProblem(f"'{value}' is not one of the choices: "
                               f"{', '.join(sorted(options))}", f"“{value}”不是可选项")
        return value
    if t == "multi":
        items = raw if isinstance(raw, (list, tuple)) else [s for s in str(raw).split(",")]
        values: list[str] = []
        for item in items:
            v = str(item).strip()
            if not v:
                continue
            if v not in options:
                raise ValueProblem(f"'{v}' is not one of the choices: "
                                   f"{', '.join(sorted(options))}", f"“{v}”不是可选项")
            if v not in values:
                values.append(v)
        return values or None
    raise ValueProblem(f"unknown field type {t}")  # pragma: no cover


def typed_profile_value(f: ProfileField, stored: Any) -> Any:
    """The stored value in the form conditions compare (numbers as numbers)."""
    if stored is None:
        return None
    if f.type in ("decimal", "percent", "integer"):
        try:
            return float(Decimal(str(stored)))
        except (InvalidOperation, ValueError):
            return None
    return stored
