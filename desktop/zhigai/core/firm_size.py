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


def size_band(employees: object, revenue: object) -> SizeBand | None:
    """The band by both figures; None when either is missing (the rule needs both)."""
    if isinstance(employees, bool) or isinstance(revenue, bool):
        return None
    if not isinstance(employees, (int, float)) or not isinstance(revenue, (int, float)):
        return None
    for band, min_employees, min_revenue in _LIMITS:
        if employees >= min_employees and revenue >= min_revenue:
            return band
    return "micro"
