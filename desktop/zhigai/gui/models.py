"""Qt table models over core data (tested without widgets)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.assessment.summary import label
from ..core.store.rows import AssessmentRow

Index = QModelIndex | QPersistentModelIndex


class AssessmentTableModel(QAbstractTableModel):
    """The home table: company, industry, city, date, status, stage."""

    COLUMNS = ("company", "industry", "city", "date", "status", "stage")
    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, lang: str = "zh") -> None:
        super().__init__()
        self.rows: list[AssessmentRow] = []
        self.lang = lang
        self._texts: list[tuple[str, ...]] = []  # display strings, computed once per row
        self._dates: dict[str, str] = {}           # id: the date the list shows
        self._followed: dict[str, str] = {}        # id: the date of its newest re-assessment

    def headers(self) -> list[str]:
        return [self.tr("Company"), self.tr("Industry"), self.tr("City"), self.tr("Date"),
                self.tr("Status"), self.tr("Stage (index / gates)")]

    def set_rows(self, rows: list[AssessmentRow],
                 related: list[AssessmentRow] | None = None) -> None:
        """Show ``rows``; ``related`` (e.g. every stored row when a search shows only some)
        also name the dates of the earlier assessments and re-assessments rows are linked
        to."""
        self.beginResetModel()
        self.rows = rows
        known = {r.id: r for r in [*(related or []), *rows]}
        self._dates = {i: date_of(r) for i, r in known.items()}
        self._followed = {}
        for r in sorted(known.values(), key=date_of):
            if r.previous_id:
                self._followed[r.previous_id] = date_of(r)
        self._texts = [tuple(self.display(r, c) for c in self.COLUMNS) for r in rows]
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._texts = [tuple(self.display(r, c) for c in self.COLUMNS) for r in self.rows]
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
        """The display strings of every row (computed once)."""
        return self._texts

    def row_at(self, row: int) -> AssessmentRow:
        return self.rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == self.IdRole:
            return row.id
        if role == self.SortRole:
            if column == "stage":
                return (row.summary.get("stage_index") if row.summary.get("stage_index")
                        is not None else -1)
            if column == "date":
                return row.summary.get("date") or row.created_at
            if column == "status":
                return (row.status, row.summary.get("completeness") or 0)
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column == "stage":
            return self.tr("Stage by weighted index / by the stage gates")
        return None

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
