"""The home list over a large store: read a page at a time (the count is the SQL count) on
the store thread, sorted and searched in SQL, an assessment found and selected wherever it
is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from gui_helpers import seed, type_text

N = 650


def _shown(qtbot: Any, model: Any, row: int, column: int = 0, role: Any = None) -> Any:
    """What a cell shows once its page has been read (it shows "…" until then)."""
    role = Qt.ItemDataRole.DisplayRole if role is None else role
    index = model.index(row, column)
    index.data(role)   # as the view asks when it paints the row: its page is asked for
    qtbot.waitUntil(lambda: model.rows.is_loaded(row), timeout=5000)
    return index.data(role)


def _bulk(data_dir: Path, root: Path) -> list[str]:
    """The textile example and N - 1 copies of its stored row (other ids, names, dates)."""
    from sqlalchemy import select

    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.store.store import Store

    (first,) = seed(data_dir, root, "textile-early")
    store = Store.open(sqlite_url(data_dir / DB_FILE))
    a = store.t["assessment"]
    with store.engine.connect() as conn:
        base = dict(conn.execute(select(a)).mappings().one())
    rows = []
    for i in range(1, N):
        summary = json.loads(base["summary_json"])
        summary["date"] = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
        rows.append({**base, "id": f"{i:08d}-0000-4000-8000-000000000000",
                     "company_name": f"企业{i:04d}" + ("_50%" if i == 600 else ""),
                     "firm_key": f"name:企业{i:04d}",
                     "updated_at": f"2025-06-01T00:{i // 60:02d}:{i % 60:02d}+00:00",
                     "summary_json": json.dumps(summary, ensure_ascii=False)})
    with store.engine.begin() as conn:
        conn.execute(a.insert(), rows)
    store.close()
    return [first, *(r["id"] for r in rows)]


def test_home_reads_pages_counts_in_sql_sorts_and_selects(
        qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    from zhigai.core.store.listing import PAGE, Pages

    ids = _bulk(data_dir, root)
    window = start()
    home = window.home
    qtbot.waitUntil(lambda: window.ctx.store is not None and isinstance(home.model.rows, Pages))
    model = home.model
    assert model.rowCount() == N and home.count.text() == f"Total: {N}"
    assert model.rows.is_loaded(0) and not model.rows.is_loaded(PAGE)   # one page read
    # newest change first: the imported example (changed today), then the copies
    assert model.index(0, 0).data(model.IdRole) == ids[0]
    assert model.index(1, 0).data(model.IdRole) == ids[-1]
    # an assessment on a page not read yet is found and selected
    home.select(ids[5])
    assert home.selected_id() == ids[5]
    assert home.table.currentIndex().row() == N - 5
    # the last row, then sorting by a header: SQL orders, the view shows the new first rows
    assert _shown(qtbot, model, N - 1, role=model.IdRole) == ids[1]
    home.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data().startswith("企业0001")
    assert home.selected_id() == ids[5]                      # still selected, elsewhere
    assert home.table.currentIndex().row() == 4
    home.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    dates = [_shown(qtbot, model, r, 3) for r in range(0, N, 37)]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2026-11-20"
    # a search still searches every row, literally, and says how many it found
    type_text(qtbot, home.search, "_50%")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 0).data().startswith("企业0600") and home.count.text() == "Found: 1"
    home.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == N)


def test_pages_are_read_on_the_store_thread_and_shown_when_back(
        qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    """Scrolling to rows not read yet never reads the store on the interface thread: the
    rows show "…" and their page is asked for once; when it is back the view is told and
    the rows show their assessments, those of the list read whole."""
    import threading

    from sqlalchemy import event

    from zhigai.core.store.listing import PAGE, Pages

    ids = _bulk(data_dir, root)
    window = start()
    home = window.home
    qtbot.waitUntil(lambda: window.ctx.store is not None and isinstance(home.model.rows, Pages))
    model, store = home.model, window.ctx.store
    on_interface: list[str] = []

    def where(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            on_interface.append(statement)

    event.listen(store.engine, "before_cursor_execute", where)
    try:
        row = 2 * PAGE + 7
        assert not model.rows.is_loaded(row)
        asked: list[int] = []
        fetch = model.rows.fetch
        model.rows.fetch = lambda number: (asked.append(number), fetch(number))[1]
        with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
            assert model.index(row, 0).data() == model.WAITING
            assert model.index(row, 0).data(model.IdRole) is None
            assert model.index(row + 1, 2).data() == model.WAITING   # the same page: asked once
        first, last = changed.args[:2]
        assert asked == [2]
        assert (first.row(), last.row()) == (2 * PAGE, 3 * PAGE - 1)
        assert last.column() == len(model.COLUMNS) - 1
        home.table.scrollTo(model.index(N - 1, 0))
        qtbot.waitUntil(lambda: model.rows.is_loaded(N - 1), timeout=5000)
        assert on_interface == []
    finally:
        event.remove(store.engine, "before_cursor_execute", where)
    everything = store.assessments()
    assert model.index(row, 0).data(model.IdRole) == everything[row].id
    assert model.index(N - 1, 0).data(model.IdRole) == everything[-1].id == ids[1]
    assert not model.rows.is_loaded(PAGE)   # a page nobody looked at is not read
