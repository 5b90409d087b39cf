"""The home list read a page at a time, in SQL: a page (offset, limit) in a chosen order, the
number of assessments a search finds, where one assessment is in that order, and the
assessments a page's rows are linked to (the earlier assessment of a follow-up, the
re-assessments of an assessment). With 100,000 assessments a page is a few milliseconds;
:meth:`Store.assessments` (every row, its summary parsed) stays for the callers that need
them all.

Searches are case-insensitive (``ILIKE`` on PostgreSQL, ``lower() LIKE lower()`` on SQLite)
and escaped: a ``%`` or ``_`` typed by the user matches itself, on every database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, overload

from .rows import AssessmentRow, row_from

if TYPE_CHECKING:
    from .store import Store

#: rows read at a time by the home list
PAGE = 200

#: the orders of the home list: "updated" (newest change first when descending) and one per
#: column of the home table
ORDERS = ("updated", "company", "industry", "city", "date", "status", "stage")


# ---------------------------------------------------------------------------- SQL pieces

def summary_value(store: Store, key: str, number: bool = False) -> Any:
    """The SQL expression of one top-level value of the stored summary (NULL when the
    summary is missing it; on SQLite also when it is not JSON). ``number`` reads it as a
    float."""
    from sqlalchemy import Float, case, cast, func
    from sqlalchemy.dialects.postgresql import JSONB

    column = store.t["assessment"].c.summary_json
    value: Any
    if store.engine.dialect.name == "postgresql":
        value = cast(column, JSONB)[key].astext
    else:
        value = case((func.json_valid(column) == 1,
                      func.json_extract(column, f'$."{key}"')), else_=None)
    return cast(value, Float) if number else value


def matching(store: Store, search: str | None) -> Any:
    """The condition of a home-list search (None when ``search`` is empty): the text, as
    typed, in the company name, city, industry, firm key or summary (labels, date)."""
    from sqlalchemy import or_

    text = (search or "").strip()
    if not text:
        return None
    a = store.t["assessment"].c
    return or_(*(column.icontains(text, autoescape=True)
                 for column in (a.company_name, a.city, a.industry, a.firm_key,
                                a.summary_json)))


def order_keys(store: Store, order: str = "updated",
               descending: bool = True) -> list[tuple[Any, bool]]:
    """(expression, descending) of the list's sort: the chosen key, then the newest change
    first and the id (so equal keys keep the order of the newest first, as a stable sort
    of that list would)."""
    from sqlalchemy import func

    a = store.t["assessment"].c
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}")
    tail = [(a.updated_at, True), (a.id, False)]
    if order == "updated":
        return [(a.updated_at, descending), (a.id, not descending)]
    keys: list[Any] = {
        "company": [a.company_name],
        "industry": [a.industry],
        "city": [a.city],
        "date": [func.coalesce(func.nullif(summary_value(store, "date"), ""),
                               func.substr(a.created_at, 1, 10))],
        "status": [a.status, func.coalesce(summary_value(store, "completeness", True), 0.0)],
        "stage": [func.coalesce(summary_value(store, "stage_index", True), -1.0)],
    }[order]
    return [*((k, descending) for k in keys), *tail]


def _where(query: Any, condition: Any) -> Any:
    return query if condition is None else query.where(condition)


# ---------------------------------------------------------------------------- the home list

def page(store: Store, search: str | None = None, offset: int = 0, limit: int = PAGE,
         order: str = "updated", descending: bool = True) -> list[AssessmentRow]:
    """Rows ``offset`` to ``offset + limit`` of the home list (newest change first by
    default), those a search finds when ``search`` is given."""
    from sqlalchemy import select

    a = store.t["assessment"]
    keys = order_keys(store, order, descending)
    ordered = [k.desc() if desc else k.asc() for k, desc in keys]
    # the ids of the page first: sorting ids only is cheaper than sorting whole rows
    ids = _where(select(a.c.id), matching(store, search)).order_by(*ordered)
    ids = ids.offset(max(offset, 0)).limit(max(limit, 0))
    with store._read() as conn:
        wanted = [r[0] for r in conn.execute(ids)]
        if not wanted:
            return []
        found = {r["id"]: row_from(r) for r in
                 conn.execute(select(a).where(a.c.id.in_(wanted))).mappings()}
    return [found[i] for i in wanted if i in found]


def count(store: Store, search: str | None = None) -> int:
    """How many assessments the home list has (that a search finds)."""
    from sqlalchemy import func, select

    a = store.t["assessment"]
    query = _where(select(func.count()).select_from(a), matching(store, search))
    with store._read() as conn:
        return int(conn.execute(query).scalar() or 0)


def position(store: Store, assessment_id: str, search: str | None = None,
             order: str = "updated", descending: bool = True) -> int | None:
    """Where an assessment is in the list (0 first), None when the list does not have it."""
    from sqlalchemy import and_, func, or_, select

    a = store.t["assessment"]
    keys = order_keys(store, order, descending)
    mine = _where(select(*(k for k, _d in keys)).where(a.c.id == assessment_id),
                  matching(store, search))
    with store._read() as conn:
        values = conn.execute(mine).first()
        if values is None:
            return None
        before: list[Any] = []
        for i, (key, desc) in enumerate(keys):
            equal = [k == v for (k, _d), v in zip(keys[:i], values[:i], strict=True)]
            before.append(and_(*equal, key > values[i] if desc else key < values[i]))
        query = _where(select(func.count()).select_from(a).where(or_(*before)),
                       matching(store, search))
        return int(conn.execute(query).scalar() or 0)


def linked(store: Store, rows: Iterable[AssessmentRow]) -> list[AssessmentRow]:
    """The assessments ``rows`` are linked to, wherever they are in the list: the earlier
    assessment each follow-up was made from, and the follow-ups made from each row."""
    from sqlalchemy import or_, select

    rows = list(rows)
    ids = sorted({r.id for r in rows})
    earlier = sorted({r.previous_id for r in rows if r.previous_id} - set(ids))
    if not ids:
        return []
    a = store.t["assessment"]
    found: list[AssessmentRow] = []
    with store._read() as conn:
        for start in range(0, max(len(ids), len(earlier)), 500):   # bound the IN lists
            some_ids, some_earlier = ids[start:start + 500], earlier[start:start + 500]
            condition = or_(a.c.previous_id.in_(some_ids), a.c.id.in_(some_earlier)) \
                if some_ids and some_earlier else (
                    a.c.previous_id.in_(some_ids) if some_ids else a.c.id.in_(some_earlier))
            found.extend(row_from(r) for r in
                         conn.execute(select(a).where(condition)).mappings())
    return list({r.id: r for r in found}.values())



def shown_date(row: AssessmentRow) -> str:
    """The date the home list shows for an assessment: its assessment date, else the day it
    was made."""
    return str(row.summary.get("date") or row.created_at[:10])


# ---------------------------------------------------------------------------- pages

class Pages(Sequence[AssessmentRow]):
    """The home list as a sequence read a page at a time: its length is the SQL count, an
    item is read with its page when first asked for (and kept). ``dates`` and ``followed``
    say, for every row read, the date of each assessment it is linked to (see
    :func:`linked`): the earlier assessment of a follow-up, the newest re-assessment."""

    def __init__(self, store: Store, search: str | None = None, order: str = "updated",
                 descending: bool = True, size: int = PAGE) -> None:
        self.store, self.search, self.order, self.descending = store, search, order, descending
        self.size = max(size, 1)
        self.total = count(store, search)
        self._pages: dict[int, list[AssessmentRow]] = {}
        self.dates: dict[str, str] = {}
        self.followed: dict[str, str] = {}
        if self.total:
            self._load(0)  # the first page at once: what is shown first

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> AssessmentRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[AssessmentRow]: ...

    def __getitem__(self, index: int | slice) -> AssessmentRow | list[AssessmentRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.total))]
        if index < 0:
            index += self.total
        if not 0 <= index < self.total:
            raise IndexError(index)
        number, within = divmod(index, self.size)
        rows = self._pages.get(number)
        if rows is None:
            rows = self._load(number)
        if within >= len(rows):   # deleted elsewhere since the count
            raise IndexError(index)
        return rows[within]

    def loaded(self) -> list[AssessmentRow]:
        """The rows read so far, in list order."""
        return [r for n in sorted(self._pages) for r in self._pages[n]]

    def is_loaded(self, index: int) -> bool:
        return self.page_of(index) in self._pages

    def index_of(self, assessment_id: str) -> int | None:
        """Where an assessment is in the list (None when the list does not have it)."""
        for number, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r.id == assessment_id:
                    return number * self.size + i
        return position(self.store, assessment_id, self.search, self.order, self.descending)

    def fetch(self, number: int) -> tuple[list[AssessmentRow], list[AssessmentRow]]:
        """Page ``number`` read from the store (its rows, and the rows they are linked to),
        not kept: any thread may read it (see :meth:`keep`)."""
        rows = page(self.store, self.search, number * self.size, self.size, self.order,
                    self.descending)
        return rows, linked(self.store, rows)

    def keep(self, number: int, fetched: tuple[list[AssessmentRow], list[AssessmentRow]]
             ) -> list[AssessmentRow]:
        """Keep page ``number`` as :meth:`fetch` read it, with the dates it links to."""
        rows, around = fetched
        self._pages[number] = rows
        for r in [*around, *rows]:
            self.dates[r.id] = shown_date(r)
        for r in around:
            if r.previous_id and r.previous_id in self.dates:
                if shown_date(r) >= self.followed.get(r.previous_id, ""):
                    self.followed[r.previous_id] = shown_date(r)
        return rows

    def page_of(self, index: int) -> int:
        """The number of the page row ``index`` is on."""
        return index // self.size

    def _load(self, number: int) -> list[AssessmentRow]:
        return self.keep(number, self.fetch(number))


def prefix_count(store: Store, prefix: str) -> int:
    """How many stored assessments have an id beginning with ``prefix`` (as typed: ``%`` and
    ``_`` match themselves)."""
    from sqlalchemy import func, select

    a = store.t["assessment"]
    query = select(func.count()).select_from(a).where(
        a.c.id.startswith(prefix, autoescape=True))
    with store._read() as conn:
        return int(conn.execute(query).scalar() or 0)
