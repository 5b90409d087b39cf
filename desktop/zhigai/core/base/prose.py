"""How numbers and punctuation are written in messages and reports, in one place.

Chinese text takes full-width punctuation after Chinese characters, one mark where two meet
("？：", "。。", "：:" never appear) and no space before a mark; English takes ASCII marks.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation, localcontext

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
#: marks that end a label or sentence and are dropped before a colon
_END = "？?！!。.：:；;，,、 \u3000"
_STOPS = "。！？…!?"
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_ZH_MARKS = "，。；：？！、）」』”》"
# two marks where one belongs (the first full-width mark of each pair is Chinese): a question
# or sentence followed by a colon is a label, doubled stops and colons, a comma before a stop
_DOUBLES = (
    (re.compile(r"[？！。][：:]|[?!][：]"), "："),
    (re.compile(r"：[：:]+"), "："),
    (re.compile(r"。[。.]+"), "。"),
    (re.compile(r"[，；、][，,；;、]*。|[,;][。]"), "。"),
    (re.compile(r"([，；、])[，,；;、]+"), r"\1"),
)
_SPACE_BEFORE = re.compile(rf"[ \t\u3000]+(?=[{_ZH_MARKS}])")
_ASCII_AFTER_CJK = re.compile(rf"(?<=[{_CJK}」』”）])([,;:!?])(?:[ \t]+|(?=[{_CJK}「『“（]|$))",
                              re.M)


def number(value: float | int | Decimal | str) -> str:
    """A number as plain digits with thousands separators and no exponent or trailing zeros:
    ``100,000,000``, ``1,234.5``, ``0.035``."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        value = repr(value)
    try:
        exact = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    if not exact.is_finite() or abs(exact.adjusted()) > 60:
        return str(value)  # never a million digits for 1e999999
    with localcontext() as context:
        context.prec = 130
        if exact == exact.to_integral_value():
            exact = exact.quantize(Decimal(1))
        else:
            exact = exact.normalize()
        return format(exact, ",f")


def bare(label: str) -> str:
    """A label without the marks it ends with (a question's "？", a trailing colon)."""
    return label.rstrip(_END)


def labelled(label: str, text: str, lang: str) -> str:
    """``label：text`` in Chinese, ``label: text`` in English, whatever the label ends with."""
    return f"{bare(label)}：{text}" if lang == "zh" else f"{bare(label)}: {text}"


def sentence(text: str, lang: str) -> str:
    """The text ending with exactly one end mark: "。" in Chinese, "." in English (a text that
    already ends with "？", "！" or "…" keeps it)."""
    body = text.rstrip(" \t\u3000")
    if not body:
        return body
    if body[-1] in _STOPS or body[-1] == ".":
        return tidy(body, lang)
    body = body.rstrip("：:；;，,、")
    return tidy(body + ("。" if lang == "zh" else "."), lang)


def tidy(text: str, lang: str) -> str:
    """Chinese punctuation rules on a finished text (English text is returned as it is): ASCII
    marks after Chinese characters become full-width, a question or sentence mark before a
    colon and doubled marks are dropped, spaces before a full-width mark go."""
    if lang != "zh" or not text:
        return text
    out = _ASCII_AFTER_CJK.sub(lambda m: _FULL[m.group(1)], text)
    out = _SPACE_BEFORE.sub("", out)
    for pattern, replacement in _DOUBLES:
        out = pattern.sub(replacement, out)
    return out
