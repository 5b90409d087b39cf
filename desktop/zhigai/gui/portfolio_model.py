"""The portfolio table as a Qt model over the pandas frame. Cells are formatted when shown (a
screenful at a time), so 100,000 assessments open at once; sorting reorders row positions
(NumPy), and the chosen order is kept when the frame is replaced (a new filter)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.portfolio.tables import Labels, header, kind_label, size_label

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("company_name", "industry", "city", "size_band", "kind", "date", "index",
           "stage_index", "stage_weakest", "completeness")
NUMERIC = {"index", "stage_index", "stage_weakest", "completeness"}
RIGHT = {"index", "completeness"}          # shown as numbers: right-aligned
LABELLED = {"industry", "size_band", "kind"}  # sorted by the label shown, in the language


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))


class PortfolioModel(QAbstractTableModel):
    """Rows of a portfolio frame (:func:`zhigai.core.portfolio.frame.frame`), read-only."""

    def __init__(self, labels: Labels, lang: str = "zh") -> None:
        super().__init__()
        self.labels = labels
        self.lang = lang
        self.df: Any = None
        self._columns: dict[str, np.ndarray] = {}
        self._order: np.ndarray = np.arange(0)
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def set_frame(self, df: Any) -> None:
        """Show ``df`` (kept, not copied), in the current sort order."""
        self.beginResetModel()
        self.df = df
        self._columns = {c: df[c].to_numpy(dtype=object) for c in COLUMNS}
        self._order = self._ordering(*self._sorted) if self._sorted else np.arange(len(df))
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        """Show labels and headers in ``lang`` ("zh" or "en")."""
        if lang == self.lang:
            return
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._sorted and COLUMNS[self._sorted[0]] in LABELLED:
            self.sort(*self._sorted)  # label order differs between languages
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, len(COLUMNS) - 1))

    # ------------------------------------------------------------------ reading

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header(COLUMNS[section], self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section] in RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def position(self, row: int) -> int:
        """The frame row (iloc) shown at a table row."""
        return int(self._order[row])

    def row_of(self, assessment_id: str) -> int:
        """The table row showing an assessment, -1 when it is not shown."""
        if self.df is None:
            return -1
        hits = np.flatnonzero((self.df["id"] == assessment_id).to_numpy())
        if not len(hits):
            return -1
        rows = np.flatnonzero(self._order == hits[0])
        return int(rows[0]) if len(rows) else -1

    def assessment_id(self, row: int) -> str:
        return str(self.df["id"].iat[self.position(row)])

    def firm_key(self, row: int) -> str:
        return str(self.df["firm_key"].iat[self.position(row)])

    def raw(self, row: int, column: int) -> Any:
        """The frame value behind a cell (None when missing)."""
        value = self._columns[COLUMNS[column]][self.position(row)]
        return None if _missing(value) else value

    def display(self, row: int, column: int) -> str:
        """The text of a cell, in the current language."""
        name = COLUMNS[column]
        value = self.raw(row, column)
        if name == "industry":
            return self.labels.industry(value, self.lang)
        if name in ("stage_index", "stage_weakest"):
            return self.labels.stage(value, self.lang)
        if name == "kind":
            return kind_label(value, self.lang)
        if name == "size_band":
            return size_label(value, self.lang)
        if name == "index":
            return "—" if value is None else f"{float(value):.1f}"
        if name == "completeness":
            return "—" if value is None else f"{float(value):.0%}"
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] in RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.raw(index.row(), index.column())
        return None

    # ------------------------------------------------------------------ sorting

    def _ordering(self, column: int, order: Qt.SortOrder) -> np.ndarray:
        name = COLUMNS[column]
        series = self.df[name]
        if name in NUMERIC:
            keys: Any = pd.to_numeric(series, errors="coerce").astype(float).fillna(-1.0)
            keys = keys.to_numpy()
        else:
            values = series.astype(object).where(series.notna(), None)
            if name in LABELLED:
                label = {"industry": self.labels.industry, "kind": kind_label,
                         "size_band": size_label}[name]
                values = values.map({v: label(v, self.lang) for v in set(values)})
            keys = values.fillna("").astype(str).to_numpy()
        positions = np.argsort(keys, kind="stable")
        return positions[::-1].copy() if order == Qt.SortOrder.DescendingOrder else positions

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (-1: the frame's own order); the selection follows its rows."""
        self._sorted = (column, order) if 0 <= column < len(COLUMNS) else None
        if self.df is None or not len(self.df):
            return
        self.layoutAboutToBeChanged.emit()
        old = self._order
        self._order = self._ordering(column, order) if self._sorted else np.arange(len(self.df))
        persistent = self.persistentIndexList()
        if persistent:
            row_of = np.empty_like(self._order)
            row_of[self._order] = np.arange(len(self._order))
            self.changePersistentIndexList(
                persistent, [self.index(int(row_of[old[i.row()]]), i.column())
                             for i in persistent])
        self.layoutChanged.emit()
