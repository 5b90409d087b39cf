"""Numbers typed by a person or written in a file, read in one place for the CLI, the GUI and
imports.

Accepted forms (:data:`ACCEPTED`): the digits 0-9, also full-width (０-９, as a Chinese input
method types them); one decimal point (``.`` or ``．``); a leading minus (``-``, ``－`` or
``−``) or plus; thousands separators (``,`` or ``，``) only between groups of three digits
(``1,234,567.5``). Refused, with the field named: exponents (``5e2``, ``1e999999999``), NaN and
infinities, digits of other scripts (Arabic-Indic ``٣``, which Python's ``Decimal`` would take
silently), more than :data:`MAX_DIGITS` digits, and spaces or letters inside a number. ``-0``
is read as 0. JSON numbers (int and float) are taken as they are when finite and not huge.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from .prose import number as _shown

#: digits a number may have (a yuan amount of 10^12 has 13; a rate with 6 decimals has 7);
#: below Decimal's 28 digits of precision, so every sum and product stays exact
MAX_DIGITS = 24
ACCEPTED = ("digits 0-9 (full-width ０-９ too), one decimal point, a leading minus, "
            "thousands separators between groups of three (1,234,567.5)")
ACCEPTED_ZH = ("数字 0-9（全角亦可）、一个小数点、开头的负号，"
               "千位分隔符须每三位一组（如 1,234,567.5）")

_FOLD = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)},
                       "．": ".", "－": "-", "−": "-", "＋": "+", "，": ","})
_PLAIN = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?|[+-]?\.[0-9]+")


class NumberProblem(ValueError):
    """A number that cannot be read; ``message`` in English, ``zh`` in Chinese, both naming
    the field when one was given. (:class:`~zhigai.core.questionnaire.values.ValueProblem`
    carries the same two texts.)"""

    def __init__(self, message: str, zh: str):
        super().__init__(message)
        self.message = message
        self.zh = zh


def _named(field: str | None, en: str, zh: str) -> NumberProblem:
    if field:
        return NumberProblem(f"{field}: {en}", f"{field}：{zh}")
    return NumberProblem(en, zh)


def _quoted(raw: object) -> str:
    text = str(raw) if not isinstance(raw, str) else raw
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 40 else text[:37] + "…"


def read_decimal(raw: object, field: str | None = None) -> Decimal:
    """``raw`` (text, int or float) as an exact, finite Decimal; raises NumberProblem."""
    if isinstance(raw, bool) or raw is None:
        raise _named(field, "expected a number", "请输入数字")
    if isinstance(raw, int):
        if abs(raw) >= 10 ** MAX_DIGITS:
            raise _named(field, f"a number of more than {MAX_DIGITS} digits is not a value "
                                "this tool can use", f"数字超过 {MAX_DIGITS} 位，无法使用")
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise _named(field, f"{raw!r} is not a finite number", f"{raw!r} 不是有效的数字")
        if raw != 0 and not 1e-12 <= abs(raw) < 10.0 ** MAX_DIGITS:
            raise _named(field, f"{raw!r} is out of range for this tool",
                         f"{raw!r} 超出可用范围")
        value = Decimal(repr(raw))
        return Decimal(0) if value == 0 else value
    if isinstance(raw, Decimal):
        if not raw.is_finite() or abs(raw.adjusted()) >= MAX_DIGITS:
            raise _named(field, f"{raw} is not a usable number", f"{raw} 不是可用的数字")
        return raw.copy_abs() if raw == 0 else raw
    if not isinstance(raw, str):
        raise _named(field, "expected a number", "请输入数字")
    text = raw.strip().translate(_FOLD)
    if not text:
        raise _named(field, "expected a number", "请输入数字")
    shown = _quoted(raw.strip())
    if len(text) > MAX_DIGITS + 12 or not _PLAIN.fullmatch(text):
        if re.fullmatch(r"[+-]?[0-9.,]+[eE][+-]?[0-9]+", text):
            raise _named(field, f"'{shown}' is written with an exponent; write the number in "
                                "full", f"“{shown}”使用了科学计数法，请写出完整的数字")
        if any(c.isdigit() and not c.isascii() for c in text):
            raise _named(field, f"'{shown}' has digits of another script; use 0-9",
                         f"“{shown}”含有非 0-9 的数字字符，请使用 0-9")
        if not any(c.isdigit() for c in text):
            raise _named(field, f"'{shown}' is not a number", f"“{shown}”不是数字")
        raise _named(field, f"'{shown}' is not a number ({ACCEPTED})",
                     f"“{shown}”不是数字（{ACCEPTED_ZH}）")
    digits = sum(c.isdigit() for c in text)
    if digits > MAX_DIGITS:
        raise _named(field, f"'{shown}' has more than {MAX_DIGITS} digits",
                     f"“{shown}”超过 {MAX_DIGITS} 位数字")
    value = Decimal(text.replace(",", ""))
    return value.copy_abs() if value == 0 else value


def shown(value: Decimal) -> str:
    """A read number as the messages print it (plain digits, no exponent)."""
    return _shown(value)


def read_within(raw: object, field: str | None, low: Decimal | int, high: Decimal | int,
                *, whole: bool = False, unit: str = "") -> Decimal:
    """A number from ``low`` to ``high`` (a whole one when ``whole``), ``unit`` (such as
    "%") allowed after it; raises NumberProblem naming the field and the range."""
    if isinstance(raw, str) and unit and raw.strip().endswith(unit):
        raw = raw.strip()[: -len(unit)]
    value = read_decimal(raw, field)
    if whole and value != value.to_integral_value():
        raise _named(field, f"'{_quoted(raw)}' is not a whole number", f"“{_quoted(raw)}”不是整数")
    if not low <= value <= high:
        raise _named(field, f"{_shown(value)}{unit} must be from {_shown(low)}{unit} to "
                            f"{_shown(high)}{unit}",
                     f"{_shown(value)}{unit} 应在 {_shown(low)}{unit} 到 {_shown(high)}{unit} 之间")
    return value


_STORED = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def read_stored(raw: object, field: str | None = None) -> Decimal:
    """A number as Zhigai writes it into a file (plain ASCII digits, no separators, no
    exponent), or a JSON number; what a person may type but a file must not hold (``1,234``,
    full-width digits) is refused, naming the form it should have."""
    if isinstance(raw, str) and not _STORED.fullmatch(raw):
        value = read_decimal(raw, field)  # refuses what cannot be read at all
        plain = f"{value:f}"
        raise _named(field, f"'{_quoted(raw)}' is not written as Zhigai stores numbers "
                            f"({plain})", f"“{_quoted(raw)}”不是智改保存数字的写法（应为 {plain}）")
    return read_decimal(raw, field)


def scaled_text(stored: object, factor: Decimal | int, *, whole: bool = False) -> str:
    """A stored number shown multiplied by ``factor`` (100 for a percentage, 1/10,000 for
    万元), without trailing zeros; what cannot be read is shown as it is (an older file's
    value is never a reason for a screen to fail)."""
    try:
        value = read_decimal(stored) * Decimal(factor)
    except NumberProblem:
        return str(stored)
    if whole:
        return str(int(value))
    text = f"{value.normalize():f}"
    return text
