"""The portfolio frame read from the store in SQL: only the columns the portfolio uses, the
summary values it needs picked out by the database (one ``json_extract`` of every path per
row on SQLite, ``json_to_record`` on PostgreSQL) and sent back as one row holding a JSON array
per column, so 100,000 assessments are read without a row object, a driver row or a summary
parsed in Python for each. The result equals :func:`.frame.frame` of
:meth:`Store.assessments` (the tests compare the two); a store whose summaries the database
cannot read as JSON falls back to that path."""

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


def _read(store: Store, dimensions: Sequence[str] | None,
          samples: Collection[str]) -> pd.DataFrame:
    import gc
    from operator import itemgetter

    import pandas as pd

    listed = list(dict.fromkeys(dimensions or ()))
    dims = listed
    # a million small Python objects are made here; the cyclic collector would walk them
    # again and again (a second or more) though none of them can form a cycle
    collecting = gc.isenabled()
    gc.disable()
    try:
        with store._read() as conn:
            for _attempt in range(2):
                paths = [[k] for k in _SUMMARY_KEYS] + [["dimensions", d] for d in dims] + [
                    ["labels", "industry", "zh"], ["labels", "industry", "en"]]
                # one row: every column as one JSON array (the database builds it, json.loads
                # reads it in C), rather than 100,000 rows of 30 values through the driver
                found = conn.execute(_columns_query(store, dims, paths)).one()
                if not found[-1]:
                    break
                # a summary with dimensions besides these: read again with all of them
                dims = listed + _extra_dimensions(store, conn, listed)
        width = len(_BASE)
        columns = [json.loads(text) if text else [] for text in found[:-1]]
        if store.engine.dialect.name != "postgresql":   # one array of values per row
            blank = [None] * len(paths)
            rows = columns[width]
            columns[width:] = [list(c) for c in zip(
                *(v if isinstance(v, list) else blank for v in rows), strict=True)] \
                if rows else [[] for _p in paths]
        # the order of Store.assessments(): newest change first, then by id (an ORDER BY
        # would have the database sort every row with its values)
        order = pd.DataFrame({"u": columns[_BASE.index("updated_at")], "i": columns[0]}) \
            .sort_values(["u", "i"], ascending=[False, True], kind="stable").index.tolist()
        if len(order) > 1:
            pick = itemgetter(*order)
            columns = [list(pick(c)) for c in columns]
    finally:
        if collecting:
            gc.enable()
    base_columns = dict(zip(_BASE, columns[:width], strict=True))
    data = columns[width:]
    scalars = pd.DataFrame({k: pd.Series(data[i], dtype=object)
                            for i, k in enumerate(_SUMMARY_KEYS)}, columns=list(_SUMMARY_KEYS))
    start = len(_SUMMARY_KEYS)
    matrix = pd.DataFrame({d: pd.Series(data[start + i], dtype=object)
                           for i, d in enumerate(dims)}, columns=dims) if dims else None
    zh, en = data[start + len(dims):]
    names: dict[str | None, dict[str, str]] = {}
    for industry, one, two in zip(base_columns["industry"], zh, en, strict=True):
        key = industry or None
        if key not in names:   # the newest row's names, as frame() takes them
            names[key] = {lang: text for lang, text in (("zh", one), ("en", two))
                          if isinstance(text, str)}
    return assemble(base_columns, scalars, matrix, dims, names, samples)


def _columns_query(store: Store, dims: list[str], paths: list[list[str]]) -> Any:
    """One row: a JSON array per column of :data:`_BASE`, then (SQLite) one array of every
    row's summary values or (PostgreSQL) one array per value, and last whether any summary
    has dimensions besides ``dims``."""
    from sqlalchemy import func, select

    a = store.t["assessment"]
    if store.engine.dialect.name == "postgresql":
        return _postgres_query(store, dims)
    values = func.json(_values(paths, a.c.summary_json))
    return select(*(func.json_group_array(a.c[c]) for c in _BASE),
                  func.json_group_array(values),
                  func.max(_has_others(dims, a.c.summary_json)))


def _postgres_query(store: Store, dims: list[str]) -> Any:
    """The portfolio's columns on PostgreSQL, as :func:`_columns_query` says: each summary
    parsed once (json_to_record, far cheaper than a cast to jsonb), its values kept as JSON
    (so numbers stay numbers and strings strings, as json.loads reads them)."""
    from sqlalchemy import bindparam, text

    def name(identifier: str) -> str:
        return '"' + identifier.replace('"', '""') + '"'

    def typed(column: str) -> str:   # only an object is read as a record
        return f"CASE WHEN json_typeof({column}) = 'object' THEN {column} END"

    table = name(store.t["assessment"].name)
    parts = [f"a.{name(c)}" for c in _BASE] + [f"r.{name(k)}" for k in _SUMMARY_KEYS] + [
        f"d.{name(d)}" for d in dims] + ["li.zh", "li.en"]
    others = ("EXISTS (SELECT 1 FROM json_object_keys(" + typed("r.dimensions") + ") AS k"
              + (" WHERE k NOT IN :dims)" if dims else ")"))
    record = ", ".join(f"{name(k)} json" for k in _SUMMARY_KEYS)
    sql = (f"SELECT {', '.join(f'json_agg({p})::text' for p in parts)}, "
           f"coalesce(bool_or({others}), false) FROM {table} AS a "
           f"LEFT JOIN LATERAL json_to_record(a.summary_json::json) AS "
           f"r({record}, dimensions json, labels json) ON true ")
    if dims:
        sql += (f"LEFT JOIN LATERAL json_to_record({typed('r.dimensions')}) AS "
                f"d({', '.join(name(d) + ' json' for d in dims)}) ON true ")
    industry = typed("r.labels -> 'industry'")
    sql += f"LEFT JOIN LATERAL json_to_record({industry}) AS li(zh json, en json) ON true"
    query = text(sql)
    if dims:
        query = query.bindparams(bindparam("dims", value=list(dims), expanding=True))
    return query


def _has_others(dims: list[str], column: Any) -> Any:
    """SQLite: whether a row's summary has dimensions besides ``dims`` (1 or 0)."""
    from sqlalchemy import and_, case, func

    found = func.json_extract(column, "$.dimensions")
    rest = func.json_remove(found, *(_sqlite_path([d]) for d in dims)) if dims else found
    return case((and_(func.json_type(column, "$.dimensions") == "object", rest != "{}"),
                 1), else_=0)


def _values(paths: list[list[str]], column: Any) -> Any:
    """SQLite: one JSON array per row, the summary's value at each path (null when
    missing), as JSON, so numbers stay numbers and strings strings, as json.loads reads
    them. One call with every path: SQLite parses the summary once."""
    from sqlalchemy import func

    return func.json_extract(column, *(_sqlite_path(p) for p in paths))


def _sqlite_path(path: list[str]) -> str:
    return "$." + ".".join('"' + p.replace('"', '""') + '"' for p in path)


def _extra_dimensions(store: Store, conn: Any, listed: list[str]) -> list[str]:
    """The dimension ids the summaries have besides ``listed``, sorted (frame() adds their
    columns after the listed ones)."""
    from sqlalchemy import func, literal_column, select, true

    a = store.t["assessment"]
    column = a.c.summary_json
    if store.engine.dialect.name == "postgresql":
        found = _jsonb(column)["dimensions"]
        keys = func.jsonb_object_keys(found).table_valued("value").render_derived(
            name="dimkeys")
        query = select(keys.c.value).select_from(a).join(keys, true()).where(
            func.jsonb_typeof(found) == "object").distinct()
    else:
        keys = func.json_each(column, "$.dimensions").table_valued("key").alias("dimkeys")
        query = select(keys.c.key).select_from(a).join(keys, literal_column("1") == 1).where(
            func.json_type(column, "$.dimensions") == "object").distinct()
    return sorted(str(k) for (k,) in conn.execute(query) if str(k) not in listed)


def _jsonb(column: Any) -> Any:
    """A text column read as PostgreSQL's jsonb."""
    from sqlalchemy import cast
    from sqlalchemy.dialects.postgresql import JSONB

    return cast(column, JSONB)
