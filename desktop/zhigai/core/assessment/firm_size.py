"""Size band of an industrial firm, for peer groups in the portfolio and the peer benchmark.

Source: 工业和信息化部 等《中小企业划型标准规定》（工信部联企业〔2011〕300号）, industrial
enterprises (工业): large when employees >= 1000 and revenue >= 40,000 万元; medium when
employees >= 300 and revenue >= 2,000 万元; small when employees >= 20 and revenue >= 300 万元;
micro otherwise. Revenue is in 万元 (10k yuan), as the questionnaire asks it. The rule needs
both figures; with either missing the band is None (unknown).
"""

from __future__ import annotations

from typing import Literal

SizeBand = Literal["micro", "small", "medium", "large"]
SOURCE = "工信部联企业〔2011〕300号《中小企业划型标准规定》（工业）"

# band, minimum employees, minimum revenue (万元); checked from the largest down
_LIMITS: tuple[tuple[SizeBand, int, float], ...] = (
    ("large", 1000, 40000.0),
    ("medium", 300, 2000.0),
    ("small", 20, 300.0),
)

LABELS: dict[str, dict[str, str]] = {
    "micro": {"zh": "微型", "en": "Micro"},
    "small": {"zh": "小型", "en": "Small"},
    "medium": {"zh": "中型", "en": "Medium"},
    "large": {"zh": "大型", "en": "Large"},
}


def _number(value: object) -> float | None:
    """Profile numbers are stored as numbers, decimals as strings ("32600")."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", ""))
        except ValueError:
            return None
    return None


def size_band(employees: object, revenue: object) -> SizeBand | None:
    """The band by both figures; None when either is missing (the rule needs both)."""
    people, money = _number(employees), _number(revenue)
    if people is None or money is None:
        return None
    for band, min_employees, min_revenue in _LIMITS:
        if people >= min_employees and money >= min_revenue:
            return band
    return "micro"
