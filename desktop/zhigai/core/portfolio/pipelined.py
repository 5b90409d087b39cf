"""One query over every assessment, read in parts while the parts already read are parsed.

The portfolio's columns (:func:`.stored._columns_query`) arrive as JSON texts; the database
builds them (a third of a second for 100,000 assessments) and orjson parses them (a quarter
of a second). Read whole, the two wait for each other. Here a second thread runs the query
on a few stretches of the table, one after another, in one read transaction (every part
sees the store as of the same moment), and hands each part over as soon as the database has
sent it; this thread parses it meanwhile. The driver waits for the database without holding
Python's lock, so both processor cores work. A small store is read in one part.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from ..store.store import Store

#: Assessments per part (about); fewer than two parts' worth are read in one.
PART_ROWS = 12_500
_DONE = object()


def parsed_columns(store: Store, query: Any, parse: Callable[[Any], Any]) -> list[Any]:
    """The columns of ``query`` (one row of JSON arrays, the assessments in any order) over
    every assessment: ``parse`` of each text of each part, the parts joined column by column.
    Every part is read in one snapshot (:meth:`Store._snapshot`). A database error raises as
    it would from the query itself."""
    found: queue.Queue[Any] = queue.Queue()
    stop = threading.Event()

    def read() -> None:
        try:
            with store._snapshot() as conn:
                for part in _parts(store, conn, query):
                    if stop.is_set():
                        break
                    found.put(part)
        except BaseException as error:   # noqa: BLE001 - handed to the reading thread
            found.put(error)
        finally:
            found.put(_DONE)

    worker = threading.Thread(target=read, name="zhigai-portfolio-read", daemon=True)
    worker.start()
    columns: list[Any] | None = None
    try:
        while (part := found.get()) is not _DONE:
            if isinstance(part, BaseException):
                raise part
            parsed = [parse(text) for text in part]
            if columns is None:
                columns = parsed
            else:
                for column, more in zip(columns, parsed, strict=True):
                    column.extend(more)
    finally:
        stop.set()
        worker.join()
    if columns is None:   # the query gave no row at all: not the portfolio's query
        raise ValueError("the portfolio query returned nothing")
    return columns


def _parts(store: Store, conn: Connection, query: Any) -> Iterator[Any]:
    """The row of ``query`` over each part of the table (see :func:`_ranges`)."""
    for where in _ranges(store, conn):
        yield conn.execute(query.where(*where)).one()


def _ranges(store: Store, conn: Connection) -> list[tuple[Any, ...]]:
    """The conditions that cut the table into parts of about PART_ROWS assessments, by
    where the rows lie: ranges of ``rowid`` on SQLite, of pages (``ctid``, a range scan) on
    PostgreSQL; so each part is read in one sweep through its stretch of the table, and
    every row falls in exactly one part (the first and last parts are open-ended). One part
    for a small table or another database."""
    from sqlalchemy import bindparam, func, select, text

    a = store.t["assessment"]
    count = conn.execute(select(func.count()).select_from(a)).scalar_one()
    parts = count // PART_ROWS
    dialect = store.engine.dialect.name
    if parts < 2 or dialect not in ("sqlite", "postgresql"):
        return [()]
    edge: Callable[[int], object]
    if dialect == "sqlite":
        low, high = conn.execute(text(f"SELECT min(rowid), max(rowid) FROM {a.fullname}")
                                 ).one()
        cut = [low + (high - low + 1) * k // parts for k in range(1, parts)]
        where, edge = "rowid {} :{}", int
    else:
        pages = conn.execute(text("SELECT pg_relation_size(CAST(:t AS regclass)) / "
                                  "current_setting('block_size')::int"),
                             {"t": a.fullname}).scalar_one()
        cut = [int(pages) * k // parts for k in range(1, parts)]
        where, edge = "ctid {} CAST(:{} AS tid)", "({},0)".format   # page, first row

    def limit(sign: str, name: str, at: int) -> Any:
        return text(where.format(sign, name)).bindparams(bindparam(name, edge(at)))

    cut = sorted(set(cut))
    ranges: list[tuple[Any, ...]] = [(limit("<", "high", cut[0]),)]
    ranges += [(limit(">=", "low", low), limit("<", "high", high))
               for low, high in zip(cut, cut[1:], strict=False)]
    return [*ranges, (limit(">=", "low", cut[-1]),)]
