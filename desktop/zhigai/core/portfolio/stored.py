"""The portfolio frame read from the store in SQL: only the columns the portfolio uses, from
the summary values the store keeps as columns (store schema 5, :mod:`..store.summary_columns`),
sent back as one row holding a JSON array per column, so 100,000 assessments are read
without a row object, a driver row or a summary parsed for each. The result equals
:func:`.frame.frame` of :meth:`Store.assessments` (the tests compare the two); a store the
database cannot read this way falls back to that path."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from .frame import _SUMMARY_KEYS, assemble, frame

if TYPE_CHECKING:
    import pandas as pd

    from ..store.store import Store

_BASE = ("id", "firm_key", "company_name", "industry", "city", "kind", "status", "created_at",
         "updated_at", "previous_id")


def stored_frame(store: Store, dimensions: Sequence[str] | None = None,
                 samples: Collection[str] = ()) -> pd.DataFrame:
    """:func:`.frame.frame` of every stored assessment, read in SQL (see the module)."""
    from sqlalchemy import exc

    from ..store.errors import StoreError
    from ..store.store import Store as Stored

    if getattr(getattr(store, "assessments", None), "__func__", None) is not \
            Stored.assessments or not hasattr(store, "engine"):
        # something else that lists assessments (a stand-in, or a store whose listing was
        # replaced): what it lists is the portfolio
        return frame(store.assessments(), dimensions, samples)
    try:
        return _read(store, dimensions, samples)
    except (exc.DBAPIError, StoreError, ValueError, TypeError):
        return frame(store.assessments(), dimensions, samples)


_VALUES = ("score", "stage_index", "stage_weakest", "completeness", "assessed_on", "size_band")
_NAMES = ("industry_zh", "industry_en")


def _read(store: Store, dimensions: Sequence[str] | None,
          samples: Collection[str]) -> pd.DataFrame:
    import gc

    import numpy as np
    import pandas as pd

    listed = list(dict.fromkeys(dimensions or ()))
    # a million small Python objects are made here; the cyclic collector would walk them
    # again and again (a second or more) though none of them can form a cycle
    collecting = gc.isenabled()
    gc.disable()
    try:
        with store._read() as conn:
            found = conn.execute(_columns_query(store)).one()
        columns = [json.loads(text) if text else [] for text in found]
        levels = [d if isinstance(d, dict) else {} for d in columns.pop()]
        places = np.asarray(columns.pop(), dtype=np.int64)
    finally:
        if collecting:
            gc.enable()
    # the order of Store.assessments(): newest change first, then by id (each row's place,
    # numbered by the database); the frame is put in that order once made
    order = np.argsort(places, kind="stable")
    extra: set[str] = set().union(*levels) - set(listed) if levels else set()
    dims = listed + sorted(str(d) for d in extra)
    width = len(_BASE)
    base_columns = dict(zip(_BASE, columns[:width], strict=True))
    values = columns[width:width + len(_VALUES)]
    scalars = pd.DataFrame({k: pd.Series(v, dtype=object)
                            for k, v in zip(_SUMMARY_KEYS, values, strict=True)},
                           columns=list(_SUMMARY_KEYS))
    zh, en = columns[width + len(_VALUES):]
    matrix = pd.DataFrame(levels, columns=dims) if dims else None
    industries = base_columns["industry"]
    names: dict[str | None, dict[str, str]] = {}
    for i in order.tolist():
        key = industries[i] or None
        if key not in names:   # the newest row's names, as frame() takes them
            names[key] = {lang: text for lang, text in (("zh", zh[i]), ("en", en[i]))
                          if isinstance(text, str)}
    made = assemble(base_columns, scalars, matrix, dims, names, samples)
    return made.take(order).reset_index(drop=True)


def _columns_query(store: Store) -> Any:
    """One row: a JSON array per column of :data:`_BASE`, :data:`_VALUES` and :data:`_NAMES`,
    then each row's place in the order of Store.assessments(), then the levels (an object
    per row)."""
    from sqlalchemy import func, literal_column, select, text

    a = store.t["assessment"]
    place = func.row_number().over(order_by=(a.c.updated_at.desc(), a.c.id)).label("place")
    rows = select(*(a.c[c] for c in (*_BASE, *_VALUES, *_NAMES, "levels_json")),
                  place).subquery("r")
    if store.engine.dialect.name == "postgresql":
        def agg(column: Any) -> Any:
            return func.json_agg(column).op("::")(literal_column("text"))

        # the levels are JSON the store wrote (summary_columns): joined, not parsed
        levels = text("'[' || string_agg(r.levels_json, ',') || ']'")
        return select(*(agg(rows.c[c]) for c in (*_BASE, *_VALUES, *_NAMES, "place")),
                      levels).select_from(rows)
    return select(*(func.json_group_array(rows.c[c])
                    for c in (*_BASE, *_VALUES, *_NAMES, "place")),
                  "[" + func.coalesce(func.group_concat(rows.c.levels_json, ","), "") + "]")


