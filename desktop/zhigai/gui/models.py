"""Qt table models over core data (tested without widgets)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.assessment.summary import label
from ..core.store.errors import StoreError
from ..core.store.listing import PAGE, Pages
from ..core.store.rows import AssessmentRow
from .off_thread import in_background, off_thread

Index = QModelIndex | QPersistentModelIndex


class AssessmentTableModel(QAbstractTableModel):
    """The home table: company, industry, city, date, status, stage.

    Either over rows in memory (:meth:`set_rows`: the start-up fast path, tests) or over the
    store a page at a time (:meth:`load`): the row count is the SQL count and a row's page is
    read when the view first shows it, so 100,000 assessments show at once. That read runs
    on the store thread: until it is back the rows show :attr:`WAITING`, and the view is told
    (``dataChanged``) when they are there, so scrolling never waits for the database. Sorting
    (the view calls :meth:`sort`) reorders the rows in memory or asks SQL for the new
    order."""

    COLUMNS = ("company", "industry", "city", "date", "status", "stage")
    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    WAITING = "…"                 # a cell whose page is being read
    page_size = PAGE              # rows read at a time from the store

    def __init__(self, lang: str = "zh") -> None:
        super().__init__()
        self.rows: Sequence[AssessmentRow] = []
        self.lang = lang
        self._given: list[AssessmentRow] = []      # set_rows' rows in their own order
        self._texts: dict[int, tuple[str, ...]] = {}  # display strings, computed once per row
        self._dates: dict[str, str] = {}           # id: the date the list shows
        self._followed: dict[str, str] = {}        # id: the date of its newest re-assessment
        self._store: Any = None
        self._search: str | None = None
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.DescendingOrder)
        self._reading: set[int] = set()   # pages of the current rows being read

    def headers(self) -> list[str]:
        return [self.tr("Company"), self.tr("Industry"), self.tr("City"), self.tr("Date"),
                self.tr("Status"), self.tr("Stage (index / gates)")]

    def set_rows(self, rows: list[AssessmentRow],
                 related: list[AssessmentRow] | None = None) -> None:
        """Show ``rows``; ``related`` (e.g. every stored row when a search shows only some)
        also name the dates of the earlier assessments and re-assessments rows are linked
        to."""
        self.beginResetModel()
        self._store = None
        self._given = list(rows)
        known = {r.id: r for r in [*(related or []), *rows]}
        self._dates = {i: date_of(r) for i, r in known.items()}
        self._followed = {}
        for r in sorted(known.values(), key=date_of):
            if r.previous_id:
                self._followed[r.previous_id] = date_of(r)
        self.rows = self._ordered(self._given)
        self._texts = {i: self._display_all(r) for i, r in enumerate(self.rows)}
        self.endResetModel()

    def load(self, store: Any, search: str | None = None) -> None:
        """Show the store's assessments (those ``search`` finds) a page at a time, in the
        current sort order. StoreError when the store cannot be read (nothing changed)."""
        pages = off_thread(lambda: self._pages(store, search, self._sort))
        self.beginResetModel()
        self._store, self._search, self._given = store, search, []
        self._use(pages)
        self.endResetModel()

    def _pages(self, store: Any, search: str | None, sort: tuple[int, Qt.SortOrder]) -> Pages:
        column, order = sort
        return Pages(store, search, "updated" if column < 0 else self.COLUMNS[column],
                     order == Qt.SortOrder.DescendingOrder, size=self.page_size)

    def _use(self, pages: Pages) -> None:
        self.rows = pages
        self._dates, self._followed = pages.dates, pages.followed
        self._texts = {}
        self._reading = set()

    def _waiting_for(self, row: int) -> bool:
        """Whether ``row``'s page is still to be read; asks the store thread for it (once)."""
        pages = self.rows
        if not isinstance(pages, Pages) or pages.is_loaded(row):
            return False
        number = pages.page_of(row)
        if number not in self._reading:
            self._reading.add(number)
            in_background(lambda: pages.fetch(number),
                          lambda fetched, error: self._read(pages, number, fetched, error))
        return True

    def _read(self, pages: Pages, number: int, fetched: Any, error: BaseException | None
              ) -> None:
        if pages is not self.rows:   # the list was read again meanwhile
            return
        if error is not None or fetched is None:
            # the store is unreachable: the rows keep waiting; shown again, they are asked
            # for again (the connection banner says what is wrong)
            self._reading.discard(number)
            return
        rows = pages.keep(number, fetched)
        self._reading.discard(number)
        first = number * pages.size
        last = min(first + max(len(rows), 1), len(pages)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def total(self) -> int:
        """How many assessments the list has (the SQL count when read from the store)."""
        return len(self.rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if self._store is not None:
            try:
                store, search, wanted = self._store, self._search, self._sort
                pages = off_thread(lambda: self._pages(store, search, wanted))
            except StoreError:
                return
            # a reset, not a layout change: the rows at each position are new (the view's
            # owner selects its assessment again, see HomePage)
            self.beginResetModel()
            self._use(pages)
            self.endResetModel()
        elif self._given:
            self.beginResetModel()
            self.rows = self._ordered(self._given)
            self._texts = {i: self._display_all(r) for i, r in enumerate(self.rows)}
            self.endResetModel()

    def _ordered(self, rows: list[AssessmentRow]) -> list[AssessmentRow]:
        column, order = self._sort
        if column < 0:
            return list(rows)
        name = self.COLUMNS[column]
        return sorted(rows, key=lambda r: self._sort_key(r, name),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._texts = {}
        if isinstance(self.rows, list):
            self._texts = {i: self._display_all(r) for i, r in enumerate(self.rows)}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def texts(self) -> list[tuple[str, ...]]:
        """The display strings of the rows read so far (every row when in memory)."""
        rows = self.rows
        if isinstance(rows, Pages):
            return [self._text(i) for i in range(len(rows)) if rows.is_loaded(i)]
        return [self._text(i) for i in range(len(rows))]

    def row_at(self, row: int) -> AssessmentRow:
        """The assessment at ``row`` (its page read on the store thread first, if need be)."""
        pages = self.rows
        if isinstance(pages, Pages) and not pages.is_loaded(row):
            number = pages.page_of(row)
            pages.keep(number, off_thread(lambda: pages.fetch(number)))
        return self.rows[row]

    def position_of(self, assessment_id: str) -> int | None:
        """The row of an assessment (None when the list does not show it)."""
        rows = self.rows
        if isinstance(rows, Pages):
            try:
                return off_thread(lambda: rows.index_of(assessment_id))
            except StoreError:
                return None
        return next((i for i, r in enumerate(rows) if r.id == assessment_id), None)

    def _display_all(self, row: AssessmentRow) -> tuple[str, ...]:
        return tuple(self.display(row, c) for c in self.COLUMNS)

    def _text(self, row: int) -> tuple[str, ...]:
        found = self._texts.get(row)
        if found is None:
            found = self._texts[row] = self._display_all(self.rows[row])
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self._waiting_for(index.row()):
            return self.WAITING if role == Qt.ItemDataRole.DisplayRole else None
        try:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._text(index.row())[index.column()]
            row = self.rows[index.row()]
        except (StoreError, IndexError):   # the store went away, a row deleted elsewhere
            return None
        column = self.COLUMNS[index.column()]
        if role == self.IdRole:
            return row.id
        if role == self.SortRole:
            if column in ("stage", "date", "status"):
                return self._sort_key(row, column)
            return self._text(index.row())[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column == "stage":
            return self.tr("Stage by weighted index / by the stage gates")
        return None

    def _sort_key(self, row: AssessmentRow, column: str) -> Any:
        if column == "stage":
            return (row.summary.get("stage_index") if row.summary.get("stage_index")
                    is not None else -1)
        if column == "date":
            return row.summary.get("date") or row.created_at
        if column == "status":
            return (row.status, row.summary.get("completeness") or 0)
        return self.display(row, column)

    def display(self, row: AssessmentRow, column: str) -> str:
        s = row.summary
        if column == "company":
            name = row.company_name or self.tr("(no name yet)")
            if row.previous_id:
                before = self._dates.get(row.previous_id)
                name += (self.tr(" (re-assessment of the assessment of %1)").replace(
                    "%1", before) if before else self.tr(" (follow-up)"))
            if row.id in self._followed:
                name += self.tr(" (re-assessed on %1)").replace("%1", self._followed[row.id])
            return name
        if column == "industry":
            return label(s, "industry", self.lang) or row.industry
        if column == "city":
            return row.city
        if column == "date":
            return date_of(row)
        if column == "status":
            if row.status == "complete":
                return self.tr("Complete")
            done = s.get("completeness")
            percent = f" {round(done * 100)}%" if isinstance(done, int | float) else ""
            return self.tr("Draft") + percent
        if column == "stage":
            first, second = s.get("stage_index"), s.get("stage_weakest")
            if first is None:
                return "—"
            weakest = ("—" if second is None else
                       f"{second} {label(s, 'stage_weakest', self.lang)}".strip())
            return f"{first} {label(s, 'stage_index', self.lang)}".strip() + " / " + weakest
        return ""


def date_of(row: AssessmentRow) -> str:
    """The date the home list shows for an assessment: its assessment date, else the day it
    was made."""
    return str(row.summary.get("date") or row.created_at[:10])
