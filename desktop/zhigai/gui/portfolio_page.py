"""The portfolio screen for programme officers and service groups: every stored assessment
with filters, the stage distribution, dimension means by industry, the selected firm's progress
over time and its peer benchmark, and export to Excel or CSV."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import portfolio as P
from .portfolio_model import PortfolioModel
from .style import ACCENT, MUTED, STAGE_COLORS

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BarChart(QWidget):
    """Labelled vertical bars (the stage distribution)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, float, str]] = []
        self.setMinimumHeight(150)

    def set_items(self, items: list[tuple[str, float, str]]) -> None:
        self.items = items
        self.update()

    def paintEvent(self, _event: Any) -> None:
        if not self.items:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        top, bottom = 16, 34
        slot = w / len(self.items)
        biggest = max(v for _, v, _ in self.items) or 1.0
        for i, (label, value, colour) in enumerate(self.items):
            height = (h - top - bottom) * value / biggest
            x = i * slot + slot * 0.2
            p.fillRect(int(x), int(h - bottom - height), int(slot * 0.6), int(height),
                       QColor(colour))
            p.setPen(QColor("black"))
            p.drawText(int(i * slot), int(h - bottom - height - 16), int(slot), 14,
                       Qt.AlignmentFlag.AlignHCenter, f"{value:g}")
            p.setPen(QColor(MUTED))
            p.drawText(int(i * slot), h - bottom + 2, int(slot), bottom - 2,
                       Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, label)
        p.end()


class LineChart(QWidget):
    """A firm's index over its assessment dates."""

    def __init__(self) -> None:
        super().__init__()
        self.points: list[tuple[str, float]] = []
        self.setMinimumHeight(130)

    def set_points(self, points: list[tuple[str, float]]) -> None:
        self.points = points
        self.update()

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        left, right, top, bottom = 34, 16, 10, 22
        p.setPen(QPen(QColor("#dde3e8")))
        for value in (0, 25, 50, 75, 100):
            y = top + (h - top - bottom) * (1 - value / 100)
            p.drawLine(left, int(y), w - right, int(y))
            p.setPen(QColor(MUTED))
            p.drawText(0, int(y) - 7, left - 4, 14, Qt.AlignmentFlag.AlignRight, str(value))
            p.setPen(QPen(QColor("#dde3e8")))
        if not self.points:
            p.end()
            return
        n = len(self.points)
        span = w - left - right - 60
        xs = ([left + 30 + span / 2] if n == 1 else
              [left + 30 + span * (i / (n - 1)) for i in range(n)])
        ys = [top + (h - top - bottom) * (1 - v / 100) for _, v in self.points]
        p.setPen(QPen(QColor(ACCENT), 2))
        for i in range(1, n):
            p.drawLine(int(xs[i - 1]), int(ys[i - 1]), int(xs[i]), int(ys[i]))
        for (date, value), x, y in zip(self.points, xs, ys, strict=True):
            p.setBrush(QColor(ACCENT))
            p.drawEllipse(int(x) - 3, int(y) - 3, 6, 6)
            p.setPen(QColor("black"))
            p.drawText(int(x) - 40, int(y) - 18, 80, 14, Qt.AlignmentFlag.AlignHCenter,
                       f"{value:.1f}")
            p.setPen(QColor(MUTED))
            p.drawText(int(x) - 45, h - bottom + 4, 90, 16, Qt.AlignmentFlag.AlignHCenter, date)
            p.setPen(QPen(QColor(ACCENT), 2))
        p.end()


class PortfolioPage(QWidget):
    openRequested = Signal(str)     # an assessment id (double-click)
    backRequested = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page")
        self.lang = ctx.lang
        self.labels = P.Labels.from_catalog(ctx.catalog())
        self.all: Any = None
        self.shown: Any = None
        settings_value = QSettings().value("portfolio/min_peers", P.DEFAULT_MIN_PEERS)
        self.min_peers = int(settings_value or P.DEFAULT_MIN_PEERS)

        self.back = QPushButton(self.tr("← All assessments"))
        self.back.clicked.connect(self.backRequested)
        title = QLabel(self.tr("Portfolio"))
        title.setObjectName("title")
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.excel = QPushButton(self.tr("Export Excel…"))
        self.excel.clicked.connect(lambda: self.export("xlsx"))
        self.csv = QPushButton(self.tr("Export CSV…"))
        self.csv.clicked.connect(lambda: self.export("csv"))
        head = QHBoxLayout()
        for widget in (self.back, title):
            head.addWidget(widget)
        head.addWidget(self.count, 1)
        head.addWidget(self.excel)
        head.addWidget(self.csv)

        self.industry = QComboBox()
        self.city = QComboBox()
        self.stage = QComboBox()
        self.kind = QComboBox()
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText("YYYY-MM-DD")
            edit.setMaximumWidth(110)
            edit.editingFinished.connect(self.apply_filter)
        self.peers = QSpinBox()
        self.peers.setRange(2, 100)
        self.peers.setValue(self.min_peers)
        self.peers.setToolTip(self.tr("Peer benchmarks are shown only when at least this many "
                                      "other firms are comparable"))
        self.peers.valueChanged.connect(self._peers_changed)
        filters = QHBoxLayout()
        for text, widget in ((self.tr("Industry"), self.industry), (self.tr("City"), self.city),
                             (self.tr("Stage"), self.stage), (self.tr("Type"), self.kind),
                             (self.tr("From"), self.date_from), (self.tr("To"), self.date_to),
                             (self.tr("Min. peers"), self.peers)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        for combo in (self.industry, self.city, self.stage, self.kind):
            combo.currentIndexChanged.connect(self.apply_filter)

        self.model = PortfolioModel(self.labels, self.lang)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.selectionModel().currentRowChanged.connect(lambda c, _p: self.show_firm(
            c.row()))
        self.table.doubleClicked.connect(lambda i: self.openRequested.emit(
            self.model.assessment_id(i.row())))

        self.stages = BarChart()
        self.averages = QTableWidget()
        self.averages.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.averages.verticalHeader().hide()
        charts = QWidget()
        side = QVBoxLayout(charts)
        side.setContentsMargins(0, 0, 0, 0)
        self.stages_title = QLabel(self.tr("Stage distribution (by index)"))
        self.stages_title.setObjectName("subtitle")
        self.averages_title = QLabel(self.tr("Mean level by industry"))
        self.averages_title.setObjectName("subtitle")
        for widget in (self.stages_title, self.stages, self.averages_title, self.averages):
            side.addWidget(widget)
        top = QSplitter()
        top.addWidget(self.table)
        top.addWidget(charts)
        top.setSizes([640, 480])

        self.firm_title = QLabel(self.tr("Select an assessment to see the firm's progress and "
                                         "its peer benchmark"))
        self.firm_title.setObjectName("subtitle")
        self.progress = LineChart()
        self.peer_text = QLabel()
        self.peer_text.setWordWrap(True)
        self.peer_table = QTableWidget()
        self.peer_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.peer_table.verticalHeader().hide()
        bottom = QWidget()
        lower = QHBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.firm_title)
        left.addWidget(self.progress, 1)
        right = QVBoxLayout()
        right.addWidget(self.peer_text)
        right.addWidget(self.peer_table, 1)
        lower.addLayout(left, 1)
        lower.addLayout(right, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(bottom)
        body.setSizes([460, 260])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(body, 1)
        self.refresh()

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        """Reload every assessment from the store."""
        store = self.ctx.store
        if store is None:
            return
        self.all = P.frame(store.assessments(), list(self.labels.dimensions))
        self._fill_filters()
        self.apply_filter()

    def _fill_filters(self) -> None:
        df, lang = self.all, self.lang

        def fill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for text, data in items:
                combo.addItem(text, data)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

        industries = sorted({i for i in df["industry"].dropna() if i})
        fill(self.industry, [(self.labels.industry(i, lang), i) for i in industries])
        fill(self.city, [(c, c) for c in sorted({c for c in df["city"].dropna() if c})])
        fill(self.stage, [(self.labels.stage(s, lang), s) for s in range(5)])
        fill(self.kind, [(P.kind_label(k, lang), k) for k in ("self", "expert")])

    def current_filter(self) -> P.Filter:
        def one(combo: QComboBox) -> list[Any]:
            value = combo.currentData()
            return [] if value is None else [value]

        dates = []
        for edit in (self.date_from, self.date_to):
            text = edit.text().strip()
            ok = not text or bool(DATE.match(text))
            edit.setStyleSheet("" if ok else "border: 1px solid #b3261e;")
            edit.setToolTip("" if ok else self.tr("Write the date as YYYY-MM-DD"))
            dates.append(text if text and ok else None)
        return P.Filter(industries=one(self.industry), cities=one(self.city),
                        stages=one(self.stage), kinds=one(self.kind),
                        date_from=dates[0], date_to=dates[1])

    def apply_filter(self) -> None:
        if self.all is None:
            return
        self.shown = self.current_filter().apply(self.all).reset_index(drop=True)
        self.model.set_frame(self.shown)
        self.count.setText(self.tr("%1 of %2 assessments").replace(
            "%1", str(len(self.shown))).replace("%2", str(len(self.all))))
        self._fill_charts()
        self.show_firm(-1)

    def _fill_charts(self) -> None:
        df, lang = self.shown, self.lang
        dist = P.stage_distribution(df)
        items = []
        for stage, count in zip(dist["stage"].tolist(), dist["count"], strict=True):
            if pd.isna(stage):
                if not count:
                    continue
                items.append((self.labels.stage(None, lang), float(count), "#cfd8dc"))
            else:
                items.append((self.labels.stage(stage, lang), float(count),
                              STAGE_COLORS[int(stage)]))
        self.stages.set_items(items)
        means = P.dimension_averages(df)
        dims = P.dimension_columns(df)
        self.averages.clear()
        self.averages.setRowCount(len(means))
        self.averages.setColumnCount(2 + len(dims))
        self.averages.setHorizontalHeaderLabels(
            [P.header("industry", lang), P.header("n", lang)]
            + [self.labels.dimension(c[len(P.DIM):], lang) for c in dims])
        for r, (industry, values) in enumerate(means.iterrows()):
            self.averages.setItem(r, 0, QTableWidgetItem(self.labels.industry(industry, lang)))
            self.averages.setItem(r, 1, QTableWidgetItem(str(int(values["n"]))))
            for c, column in enumerate(dims, start=2):
                value = values[column]
                item = QTableWidgetItem("—" if pd.isna(value) else f"{float(value):.2f}")
                if not pd.isna(value):
                    shade = QColor(ACCENT)
                    shade.setAlpha(int(40 + 50 * float(value)))
                    item.setBackground(shade)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.averages.setItem(r, c, item)
        self.averages.resizeColumnsToContents()

    # ------------------------------------------------------------------ one firm

    def show_firm(self, row: int) -> None:
        if row < 0 or self.shown is None or row >= self.model.rowCount():
            self.firm_title.setText(self.tr("Select an assessment to see the firm's progress "
                                            "and its peer benchmark"))
            self.progress.set_points([])
            self.peer_text.setText("")
            self.peer_table.setRowCount(0)
            return
        position = self.model.position(row)
        me = self.shown.iloc[position]
        self.firm_title.setText(self.tr("%1: index over time").replace(
            "%1", str(me["company_name"] or "—")))
        history = P.firm_progress(self.all, str(me["firm_key"]))
        self.progress.set_points([(str(d), float(v)) for d, v in
                                  zip(history["date"], history["index"], strict=True)
                                  if not pd.isna(v)])
        result = P.peer_benchmark(self.all, str(me["id"]), self.min_peers)
        self.peer_text.setText(result.text(self.lang, self.labels.industry(result.industry,
                                                                           self.lang)))
        self.peer_table.clear()
        self.peer_table.setColumnCount(4)
        self.peer_table.setHorizontalHeaderLabels([
            self.tr("Dimension"), self.tr("This firm"), self.tr("Peer median"),
            self.tr("Peer middle half")])
        self.peer_table.setRowCount(len(result.rows))
        self.peer_table.setVisible(result.enough)
        for r, peer in enumerate(result.rows):
            cells = (self.labels.dimension(peer.dimension, self.lang), _fmt(peer.firm),
                     _fmt(peer.median), f"{_fmt(peer.q1)} – {_fmt(peer.q3)}")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1 and peer.firm is not None and peer.q1 is not None \
                        and peer.q3 is not None:
                    if peer.firm < peer.q1:
                        item.setForeground(QColor("#b3261e"))
                    elif peer.firm > peer.q3:
                        item.setForeground(QColor("#2e7d32"))
                self.peer_table.setItem(r, c, item)
        self.peer_table.resizeColumnsToContents()

    def _peers_changed(self, value: int) -> None:
        self.min_peers = value
        QSettings().setValue("portfolio/min_peers", value)
        self.show_firm(self.table.currentIndex().row())

    # ------------------------------------------------------------------ export

    def ask_save_path(self, kind: str) -> str | None:
        """Where to export (tests replace this to skip the dialog)."""
        folder = str(QSettings().value("portfolio/folder", "") or "")
        name = ("组合" if self.lang == "zh" else "portfolio") + f".{kind}"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export portfolio"), f"{folder}/{name}" if folder else name,
            self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("CSV (*.csv)"))
        return path or None

    def export(self, kind: str) -> str | None:
        from pathlib import Path

        if self.shown is None:
            return None
        path = self.ask_save_path(kind)
        if not path:
            return None
        if not path.lower().endswith("." + kind):
            path += "." + kind
        sheets = P.tables(self.shown, self.labels, self.lang)
        try:
            if kind == "xlsx":
                P.export_excel(sheets, path)
            else:
                P.export_csv(next(iter(sheets.values())), path)
        except P.PortfolioError as error:
            QMessageBox.warning(self, self.tr("Export portfolio"), str(error))
            return None
        QSettings().setValue("portfolio/folder", str(Path(path).parent))
        self.count.setText(self.tr("Exported to %1").replace("%1", path))
        return path


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
