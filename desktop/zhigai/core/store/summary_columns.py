"""The stored summary's values the portfolio reads, kept beside the summary as real columns
(store schema version 5): the index, both stages, the completeness, the assessment date, the
size band, the industry's names and the dimension levels. The database reads them without
parsing a summary per row, and can sort, count and group by them.

:func:`summary_columns` is the only writer: every write of ``summary_json`` writes these
from the same summary in the same statement, and migration 5 fills them for stored rows. The
values are those :func:`..portfolio.frame.frame` reads from the summary (a number from a
number or a numeric text, a stage 0-4 or none, a known size band or none), so the portfolio
read from these columns equals the one read from the summaries."""

from __future__ import annotations

import json
import math
from typing import Any

from ..assessment.firm_size import LABELS as SIZE_LABELS

# the columns, in the order of define_tables
COLUMNS = ("score", "stage_index", "stage_weakest", "completeness", "assessed_on", "size_band",
           "industry_zh", "industry_en", "levels_json")

SIZE_BANDS = tuple(SIZE_LABELS)


def number(value: Any) -> float | None:
    """A summary value as a finite number, else None (as pandas reads it: a bool is 0 or 1,
    a numeric text its number, anything else missing)."""
    if isinstance(value, bool | int | float):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def stage(value: Any) -> int | None:
    """A stage 0-4 (the whole part of the number), else None."""
    found = number(value)
    return int(found // 1) if found is not None and 0 <= found <= 4 else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def summary_columns(summary: dict[str, Any] | None) -> dict[str, Any]:
    """The column values of :data:`COLUMNS` for a stored summary (None or a damaged one gives
    empty values)."""
    s = summary if isinstance(summary, dict) else {}
    labels = s.get("labels")
    industry = labels.get("industry") if isinstance(labels, dict) else None
    names = industry if isinstance(industry, dict) else {}
    levels = s.get("dimensions")
    date = s.get("date")
    band = s.get("size_band")
    return {
        "score": number(s.get("index")),
        "stage_index": stage(s.get("stage_index")),
        "stage_weakest": stage(s.get("stage_weakest")),
        "completeness": number(s.get("completeness")),
        "assessed_on": date if isinstance(date, str) and date else None,
        "size_band": band if isinstance(band, str) and band in SIZE_BANDS else None,
        "industry_zh": _text(names.get("zh")),
        "industry_en": _text(names.get("en")),
        "levels_json": json.dumps(
            {str(k): number(v) for k, v in levels.items()} if isinstance(levels, dict) else {},
            ensure_ascii=False, separators=(",", ":")),
    }


def stored_summary(summary: dict[str, Any] | None) -> dict[str, Any]:
    """``summary_json`` and the columns of :data:`COLUMNS`, for an insert or an update."""
    return {"summary_json": json.dumps(summary or {}, ensure_ascii=False,
                                       separators=(",", ":")), **summary_columns(summary)}
