"""Choosing comparable cases for a firm: by its trade and by the kind of project it plans."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: at most this many cases are shown
MAX_CASES = 3


def pick_cases(cases: Iterable[Any], industry: str | None, kinds: set[str],
               ) -> list[Any]:
    """Cases of the firm's trade or of its kind of project, the closest first: a case of the
    same trade and kind of project, then of the same kind of project, then of the same trade.
    A case naming neither trades nor kinds fits nobody in particular and is not shown. An
    empty list means nothing comparable is on file (the report says so)."""
    ranked: list[tuple[int, int, Any]] = []
    for n, case in enumerate(cases):
        trade = bool(industry) and industry in case.industries
        kind = bool(kinds & set(case.measures))
        if not (trade or kind):
            continue
        ranked.append((-(2 * kind + trade + 2 * (trade and kind)), n, case))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [case for _rank, _n, case in ranked[:MAX_CASES]]
