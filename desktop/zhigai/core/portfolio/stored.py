"""The portfolio frame read from the store in SQL: only the columns the portfolio uses, from
the summary values the store keeps as columns (store schema 5, :mod:`..store.summary_columns`),
sent back as one row holding a JSON array per column (parsed by orjson; a large store in
parts by stretches of the table, parsed while the next is read: :mod:`.pipelined`), so 100,000
assessments are read without a row object, a driver row or a summary parsed for each. The
database neither sorts nor numbers the rows (seconds for 100,000 wide rows): they are put in
the listing's order here. The result equals :func:`.frame.frame` of :meth:`Store.assessments`
(the tests compare the two); a store the database cannot read this way falls back to that
path."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from .frame import _SUMMARY_KEYS, assemble, frame
from .pipelined import parsed_columns

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

    import orjson

    listed = list(dict.fromkeys(dimensions or ()))
    # a million small Python objects are made here; the cyclic collector would walk them
    # again and again (a second or more) though none of them can form a cycle
    collecting = gc.isenabled()
    gc.disable()
    try:
        columns = parsed_columns(store, _columns_query(store),
                                 lambda text: orjson.loads(text) if text else [])
        return _made(listed, columns, samples)
    finally:
        if collecting:
            gc.enable()


def _made(listed: list[str], columns: list[Any], samples: Collection[str]) -> pd.DataFrame:
    """The frame from the parsed columns of :func:`_columns_query`."""
    import numpy as np
    import pandas as pd

    levels = [d if isinstance(d, dict) else {} for d in columns.pop()]
    width = len(_BASE)
    base_columns = dict(zip(_BASE, columns[:width], strict=True))
    order = _listing_order(base_columns["updated_at"], base_columns["id"])
    extra: set[str] = set().union(*levels) - set(listed) if levels else set()
    dims = listed + sorted(str(d) for d in extra)
    values = columns[width:width + len(_VALUES)]
    scalars = pd.DataFrame({k: pd.Series(v, dtype=object)
                            for k, v in zip(_SUMMARY_KEYS, values, strict=True)},
                           columns=list(_SUMMARY_KEYS))
    zh, en = columns[width + len(_VALUES):]
    matrix = {d: [row.get(d) for row in levels] for d in dims}   # faster than a frame
    industries = base_columns["industry"]
    distinct = len({i or None for i in industries})
    names: dict[str | None, dict[str, str]] = {}
    for i in order.tolist():
        key = industries[i] or None
        if key not in names:   # the newest row's names, as frame() takes them
            names[key] = {lang: text for lang, text in (("zh", zh[i]), ("en", en[i]))
                          if isinstance(text, str)}
            if len(names) == distinct:
                break
    made = assemble(base_columns, scalars, matrix, dims, names, samples)
    return made.take(np.asarray(order)).reset_index(drop=True)


def _listing_order(updated: list[Any], ids: list[Any]) -> Any:
    """The positions of the rows in the order of Store.assessments(): newest change first,
    then by id (both ISO or hex texts, so any collation orders them as Python does);
    sorted here (two stable sorts) rather than by the database, which takes seconds to
    sort 100,000 rows."""
    import numpy as np

    by_id = [i or "" for i in ids]
    newest = [u or "" for u in updated]
    order = sorted(range(len(by_id)), key=by_id.__getitem__)
    order.sort(key=newest.__getitem__, reverse=True)   # stable: equal times stay by id
    return np.array(order, dtype=np.int64)


def _columns_query(store: Store) -> Any:
    """One row: a JSON array per column of :data:`_BASE`, :data:`_VALUES` and :data:`_NAMES`
    (the rows in the table's order), then the levels (an array of one object per row)."""
    from sqlalchemy import func, literal_column, select

    a = store.t["assessment"]
    names = (*_BASE, *_VALUES, *_NAMES)
    if store.engine.dialect.name == "postgresql":
        def agg(column: Any) -> Any:
            return func.json_agg(column).op("::")(literal_column("text"))

        joined = func.string_agg(a.c.levels_json, ",")
    else:
        agg, joined = func.json_group_array, func.group_concat(a.c.levels_json, ",")
    # the levels are JSON the store wrote (summary_columns): joined, not parsed
    return select(*(agg(a.c[c]) for c in names), "[" + func.coalesce(joined, "") + "]")
