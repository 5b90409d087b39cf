"""The portfolio table as a Qt model over the pandas frame. Cells are formatted when shown (a
screenful at a time), so 100,000 assessments open at once; sorting reorders row positions."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core import portfolio as P

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("company_name", "industry", "city", "size_band", "kind", "date", "index",
           "stage_index", "stage_weakest")
NUMERIC = {"index", "stage_index", "stage_weakest"}


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))


class PortfolioModel(QAbstractTableModel):
    def __init__(self, labels: P.Labels, lang: str = "zh") -> None:
        super().__init__()
        self.labels = labels
        self.lang = lang
        self.df: Any = None
        self._columns: dict[str, np.ndarray] = {}
        self._order: np.ndarray = np.arange(0)

    def set_frame(self, df: Any) -> None:
        self.beginResetModel()
        self.df = df
        self._columns = {c: df[c].to_numpy(dtype=object) for c in COLUMNS}
        self._order = np.arange(len(df))
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
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
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return P.header(COLUMNS[section], self.lang)
        return None

    def position(self, row: int) -> int:
        """The frame row (iloc) shown at a table row."""
        return int(self._order[row])

    def assessment_id(self, row: int) -> str:
        return str(self.df["id"].iat[self.position(row)])

    def firm_key(self, row: int) -> str:
        return str(self.df["firm_key"].iat[self.position(row)])

    def display(self, row: int, column: int) -> str:
        name = COLUMNS[column]
        value = self._columns[name][self.position(row)]
        if name == "industry":
            return self.labels.industry(None if _missing(value) else value, self.lang)
        if name in ("stage_index", "stage_weakest"):
            return self.labels.stage(None if _missing(value) else value, self.lang)
        if name == "kind":
            return P.kind_label(str(value), self.lang)
        if name == "size_band":
            return P.size_label(value, self.lang)
        if name == "index":
            return "—" if _missing(value) else f"{float(value):.1f}"
        return "" if _missing(value) else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()] == "index":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # ------------------------------------------------------------------ sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.df is None or not len(self.df):
            return
        name = COLUMNS[column]
        if name in NUMERIC:
            keys = self.df[name].astype("Float64").fillna(-1.0).to_numpy(dtype=float)
        else:
            series = self.df[name]
            if name == "industry":
                series = series.map(lambda v: self.labels.industry(v, self.lang))
            keys = series.fillna("").astype(str).to_numpy()
        positions = np.argsort(keys, kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            positions = positions[::-1]
        self.layoutAboutToBeChanged.emit()
        self._order = positions
        self.layoutChanged.emit()
