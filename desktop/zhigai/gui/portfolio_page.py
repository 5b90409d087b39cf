"""The portfolio screen for programme officers and service groups: every stored assessment
with filters, the stage distribution, dimension means by industry, the selected firm's progress
over time and its peer benchmark, and export to Excel or CSV. Samples, thin drafts and
superseded assessments are left out unless their check box includes them
(:mod:`zhigai.core.portfolio.scope`); Esc goes back like the ← button."""

from __future__ import annotations

import contextlib
import datetime as _dt
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core.base import settings as prefs
from ..core.portfolio.export import export_csv, export_excel
from ..core.portfolio.frame import (
    DIM,
    STAGES,
    Filter,
    PortfolioError,
    dimension_averages,
    dimension_columns,
    firm_progress,
    stage_distribution,
)
from ..core.portfolio.frame import frame as portfolio_frame
from ..core.portfolio.peers import PeerBenchmark, latest_complete, peer_benchmark
from ..core.portfolio.scope import MIN_COMPLETENESS, Counted, Scope
from ..core.portfolio.stored import stored_frame
from ..core.portfolio.tables import SHEETS, Labels, kind_label
from ..core.portfolio.tables import header as portfolio_header
from ..core.portfolio.tables import tables as portfolio_tables
from .off_thread import off_thread
from .portfolio_model import PortfolioModel
from .style import ACCENT, ERROR, MUTED, OK, STAGE_COLORS
from .worker import run_in_background

GRID = "#dde3e8"


def _iso_date(text: str) -> bool:
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


class BarChart(QWidget):
    """Labelled vertical bars (the stage distribution)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, float, str]] = []   # label, value, colour
        self.setMinimumHeight(100)     # the page fits a 1093x614 desktop (125%)

    def set_items(self, items: list[tuple[str, float, str]]) -> None:
        self.items = items
        self.setAccessibleDescription("; ".join(f"{label}: {value:g}"
                                                for label, value, _c in items))
        self.update()

    def paintEvent(self, _event: Any) -> None:
        if not self.items:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        top, bottom = 18, 36
        slot = w / len(self.items)
        biggest = max(v for _, v, _ in self.items) or 1.0
        p.setPen(QPen(QColor(GRID)))
        p.drawLine(0, h - bottom, w, h - bottom)
        for i, (label, value, colour) in enumerate(self.items):
            height = (h - top - bottom) * value / biggest
            x = i * slot + slot * 0.2
            p.fillRect(QRectF(x, h - bottom - height, slot * 0.6, height), QColor(colour))
            p.setPen(QColor("black"))
            p.drawText(QRectF(i * slot, h - bottom - height - 16, slot, 14),
                       Qt.AlignmentFlag.AlignHCenter, f"{value:g}")
            p.setPen(QColor(MUTED))
            p.drawText(QRectF(i * slot + 2, h - bottom + 2, slot - 4, bottom - 2),
                       Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, label)
        p.end()


class HeatGrid(QWidget):
    """Mean levels (0-4) as a grid of shaded tiles: one row per industry (with its number of
    assessments), one column per dimension (names written upwards). Hovering a tile names
    it."""

    TILE = 30          # narrowest tile
    HEADER_TEXT = 128  # longest column name drawn (longer ones are elided; the tooltip has all)

    def __init__(self) -> None:
        super().__init__()
        self.columns: list[str] = []
        self.rows: list[tuple[str, int, list[float | None]]] = []   # label, n, levels
        self.n_title = "n"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_data(self, columns: list[str], rows: list[tuple[str, int, list[float | None]]],
                 n_title: str = "n") -> None:
        self.columns, self.rows, self.n_title = columns, rows, n_title
        self.setAccessibleDescription("; ".join(
            f"{label} (n={n}): " + ", ".join(f"{c} {'—' if v is None else f'{v:.2f}'}"
                                             for c, v in zip(columns, levels, strict=True))
            for label, n, levels in rows))
        self.setMinimumWidth(self.minimumSizeHint().width())
        self.updateGeometry()
        self.update()

    def rowCount(self) -> int:
        return len(self.rows)

    def _geometry(self) -> tuple[float, float, float, float, float]:
        """Label width, n width, tile width, header height, row height."""
        fm = self.fontMetrics()
        label_w = min(max([fm.horizontalAdvance(r[0]) for r in self.rows] + [40]) + 12, 180)
        n_w = fm.horizontalAdvance("00000") + 8
        cols = max(len(self.columns), 1)
        tile_w = max(float(self.TILE), (self.width() - label_w - n_w) / cols)
        longest = max([fm.horizontalAdvance(c) for c in self.columns] + [20])
        header_h = min(longest, self.HEADER_TEXT) + 10
        return label_w, n_w, min(tile_w, 90.0), header_h, fm.height() + 10

    def sizeHint(self) -> QSize:
        label_w, n_w, _tw, header_h, row_h = self._geometry()
        width = label_w + n_w + len(self.columns) * 56
        return QSize(int(width), int(header_h + row_h * max(len(self.rows), 1) + 4))

    def minimumSizeHint(self) -> QSize:
        label_w, n_w, _tw, header_h, row_h = self._geometry()
        return QSize(int(label_w + n_w + len(self.columns) * self.TILE),
                     int(header_h + row_h * max(len(self.rows), 1) + 4))

    def _cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        label_w, n_w, tile_w, header_h, row_h = self._geometry()
        column = int((x - label_w - n_w) // tile_w)
        if x < label_w + n_w or not 0 <= column < len(self.columns):
            return None
        row = int((y - header_h) // row_h) if y >= header_h else -1
        return (row, column) if row < len(self.rows) else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self._cell_at(event.pos().x(), event.pos().y())
            if cell is None:
                QToolTip.hideText()
            elif cell[0] < 0:   # a column name
                QToolTip.showText(event.globalPos(), self.columns[cell[1]], self)
            else:
                label, n, levels = self.rows[cell[0]]
                value = levels[cell[1]]
                QToolTip.showText(event.globalPos(), f"{label} · {self.columns[cell[1]]}: "
                                  f"{'—' if value is None else f'{value:.2f}'} (n={n})", self)
            return True
        return super().event(event)

    def paintEvent(self, _event: Any) -> None:
        if not self.rows:
            return
        p = QPainter(self)
        fm = p.fontMetrics()
        label_w, n_w, tile_w, header_h, row_h = self._geometry()
        p.setPen(QColor(MUTED))
        p.drawText(QRectF(label_w, 0, n_w - 4, header_h - 4),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, self.n_title)
        for c, name in enumerate(self.columns):
            text = fm.elidedText(name, Qt.TextElideMode.ElideRight, self.HEADER_TEXT)
            x = label_w + n_w + c * tile_w + tile_w / 2
            p.save()
            p.translate(x + fm.ascent() / 2 - 1, header_h - 6)
            p.rotate(-90)
            p.drawText(0, 0, text)
            p.restore()
        accent = QColor(ACCENT)
        for r, (label, n, levels) in enumerate(self.rows):
            y = header_h + r * row_h
            p.setPen(QColor("black"))
            p.drawText(QRectF(0, y, label_w - 8, row_h), Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(label, Qt.TextElideMode.ElideRight, int(label_w - 8)))
            p.setPen(QColor(MUTED))
            p.drawText(QRectF(label_w, y, n_w - 4, row_h),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(n))
            for c, value in enumerate(levels):
                tile = QRectF(label_w + n_w + c * tile_w + 1, y + 1, tile_w - 2, row_h - 2)
                if value is None:
                    p.fillRect(tile, QColor("#f0f2f4"))
                    p.setPen(QColor(MUTED))
                    p.drawText(tile, Qt.AlignmentFlag.AlignCenter, "—")
                    continue
                share = max(0.0, min(1.0, value / 4))
                shade = QColor(accent)
                shade.setAlphaF(0.12 + 0.88 * share)
                p.fillRect(tile, shade)
                p.setPen(QColor("white" if share > 0.55 else "black"))
                p.drawText(tile, Qt.AlignmentFlag.AlignCenter, f"{value:.1f}")
        p.end()


class LineChart(QWidget):
    """A firm's index (0-100) over its assessment dates; the selected assessment is ringed."""

    def __init__(self) -> None:
        super().__init__()
        self.points: list[tuple[str, float]] = []
        self.highlight: int | None = None
        self.setMinimumHeight(90)

    def set_points(self, points: list[tuple[str, float]], highlight: int | None = None) -> None:
        self.points, self.highlight = points, highlight
        self.setAccessibleDescription("; ".join(f"{d}: {v:.1f}" for d, v in points))
        self.update()

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        left, right, top, bottom = 34, 16, 18, 22
        for value in (0, 25, 50, 75, 100):
            y = top + (h - top - bottom) * (1 - value / 100)
            p.setPen(QPen(QColor(GRID)))
            p.drawLine(left, int(y), w - right, int(y))
            p.setPen(QColor(MUTED))
            p.drawText(QRectF(0, y - 7, left - 4, 14), Qt.AlignmentFlag.AlignRight, str(value))
        if not self.points:
            p.end()
            return
        n = len(self.points)
        span = w - left - right - 60
        xs = ([left + 30 + span / 2] if n == 1 else
              [left + 30 + span * (i / (n - 1)) for i in range(n)])
        ys = [top + (h - top - bottom) * (1 - max(0.0, min(100.0, v)) / 100)
              for _, v in self.points]
        p.setPen(QPen(QColor(ACCENT), 2))
        for i in range(1, n):
            p.drawLine(int(xs[i - 1]), int(ys[i - 1]), int(xs[i]), int(ys[i]))
        for i, ((date, value), x, y) in enumerate(zip(self.points, xs, ys, strict=True)):
            p.setPen(QPen(QColor(ACCENT), 2))
            p.setBrush(QColor(ACCENT))
            p.drawEllipse(int(x) - 3, int(y) - 3, 6, 6)
            if i == self.highlight:
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(int(x) - 7, int(y) - 7, 14, 14)
            p.setPen(QColor("black"))
            p.drawText(QRectF(x - 40, y - 20, 80, 14), Qt.AlignmentFlag.AlignHCenter,
                       f"{value:.1f}")
            p.setPen(QColor(MUTED))
            p.drawText(QRectF(x - 45, h - bottom + 4, 90, 16), Qt.AlignmentFlag.AlignHCenter,
                       date)
        p.end()


class PortfolioPage(QWidget):
    """Every assessment of ``ctx.store``: filters, table, charts, the selected firm's progress
    and peer benchmark, export. :meth:`refresh` reloads from the store."""

    openRequested = Signal(str)     # an assessment id (double-click)
    backRequested = Signal()
    exported = Signal(str)          # the path of a finished export

    background_rows = 5000          # larger Excel exports are written off the GUI thread

    def __init__(self, ctx: Any, parent: QWidget | None = None, *,
                 min_peers: int | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page")
        self.lang: str = ctx.lang
        self.base_labels = Labels.from_catalog(ctx.catalog())
        self.labels = self.base_labels
        self.all: Any = None      # every assessment (the frame)
        self.shown: Any = None    # the filtered rows, as in the table
        self.counted: Counted | None = None  # what the scope check boxes count, and the rest
        self._pool: Any = None    # each firm's latest complete assessment (peer pool)
        self._exporting = False
        if min_peers is None:
            min_peers = prefs.settings().min_peers
        self.min_peers = max(2, min(int(min_peers), 100))

        self.back = QPushButton()
        self.back.clicked.connect(self.backRequested)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.excel = QPushButton()
        self.excel.clicked.connect(lambda: self.export("xlsx"))
        self.csv = QPushButton()
        self.csv.clicked.connect(lambda: self.export("csv"))
        head = QHBoxLayout()
        head.addWidget(self.back)
        head.addWidget(self.title)
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
        self.peers.valueChanged.connect(self._peers_changed)
        filters = QHBoxLayout()
        self.filter_labels: list[QLabel] = []
        for widget in (self.industry, self.city, self.stage, self.kind, self.date_from,
                       self.date_to, self.peers):
            label = QLabel()
            label.setBuddy(widget)
            self.filter_labels.append(label)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        for combo in (self.industry, self.city, self.stage, self.kind):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.apply_filter)

        # what is counted: samples, thin drafts and superseded assessments only when ticked
        self.excluded = QLabel()
        self.excluded.setObjectName("muted")
        self.include_samples = QCheckBox()
        self.include_drafts = QCheckBox()
        self.include_superseded = QCheckBox()
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.excluded)
        scope_row.addSpacing(12)
        for box in (self.include_samples, self.include_drafts, self.include_superseded):
            box.toggled.connect(self._scope_changed)
            scope_row.addWidget(box)
        scope_row.addStretch(1)

        self.model = PortfolioModel(self.labels, self.lang)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no measuring 100,000 rows
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in zip(range(self.model.columnCount()),
                                 (220, 150, 80, 60, 110, 90, 60, 140, 140, 70), strict=False):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_firm(current.row()))
        self.table.doubleClicked.connect(lambda i: self.openRequested.emit(
            self.model.assessment_id(i.row())))

        self.stages = BarChart()
        self.averages = HeatGrid()
        averages_scroll = QScrollArea()
        averages_scroll.setWidgetResizable(True)
        averages_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        averages_scroll.setWidget(self.averages)
        charts = QWidget()
        side = QVBoxLayout(charts)
        side.setContentsMargins(0, 0, 0, 0)
        self.stages_title = QLabel()
        self.stages_title.setObjectName("subtitle")
        self.averages_title = QLabel()
        self.averages_title.setObjectName("subtitle")
        side.addWidget(self.stages_title)
        side.addWidget(self.stages, 2)
        side.addWidget(self.averages_title)
        side.addWidget(averages_scroll, 3)
        top = QSplitter()
        top.addWidget(self.table)
        top.addWidget(charts)
        top.setSizes([640, 520])

        self.firm_title = QLabel()
        self.firm_title.setObjectName("subtitle")
        self.firm_title.setWordWrap(True)
        self.progress = LineChart()
        self.peer_text = QLabel()
        self.peer_text.setWordWrap(True)
        self.peer_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.peer_table = QTableWidget()
        self.peer_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.peer_table.verticalHeader().hide()
        self.peer_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        bottom = QWidget()
        lower = QHBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(self.firm_title)
        left.addWidget(self.progress, 1)
        right = QVBoxLayout()
        right.addWidget(self.peer_text)
        right.addWidget(self.peer_table, 1)
        right.addStretch(0)
        lower.addLayout(left, 1)
        lower.addLayout(right, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(bottom)
        body.setSizes([460, 280])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addLayout(scope_row)
        layout.addWidget(body, 1)
        self.retranslate()
        ctx.languageChanged.connect(self.set_language)
        ctx.storeChanged.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        """Every fixed text, in the installed translation."""
        self.back.setText(self.tr("← All assessments"))
        self.title.setText(self.tr("Portfolio"))
        self.excel.setText(self.tr("Export Excel…"))
        self.excel.setToolTip(self.tr("The filtered assessments and the summary tables, one "
                                      "sheet each"))
        self.csv.setText(self.tr("Export CSV…"))
        self.csv.setToolTip(self.tr("The filtered assessment list as CSV (UTF-8)"))
        texts = (self.tr("Industry"), self.tr("City"), self.tr("Stage"), self.tr("Type"),
                 self.tr("From"), self.tr("To"), self.tr("Min. peers"))
        for label, text in zip(self.filter_labels, texts, strict=True):
            label.setText(text)
        self.peers.setToolTip(self.tr("Peer benchmarks are shown only when at least this many "
                                      "other firms are comparable"))
        self.include_samples.setToolTip(self.tr("The fictional sample firm added to explore "
                                                "the program"))
        self.include_drafts.setToolTip(self.tr("Drafts with fewer than %1% of their required "
                                               "questions answered").replace(
            "%1", str(round(MIN_COMPLETENESS * 100))))
        self.include_superseded.setToolTip(self.tr("Earlier assessments of a firm that has a "
                                                   "newer assessment or a follow-up"))
        self._show_scope()
        self.stages_title.setText(self.tr("Stage distribution (by index)"))
        self.averages_title.setText(self.tr("Mean level by industry"))
        for edit in (self.date_from, self.date_to):
            self._check_date(edit)
        if self.all is not None:
            self._fill_filters()
            self._show_count()
            self._fill_charts()
        self.show_firm(self.table.currentIndex().row())

    def set_language(self, lang: str) -> None:
        """Show everything in ``lang`` ("zh" or "en"); filters and selection are kept."""
        if lang == self.lang:
            return
        self.lang = lang
        self.model.set_language(lang)
        self.retranslate()

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        """Reload every assessment from the store (filters and selection are kept). When the
        store cannot be read, what is shown stays and the reason is shown instead of the
        count."""
        from ..core.store.errors import StoreError

        store = self.ctx.store
        dims, samples = list(self.base_labels.dimensions), prefs.settings().state.sample_ids
        try:
            # only the columns and summary values the portfolio shows, read in SQL
            # (on the store thread: the window keeps painting while 100,000 rows are read)
            self.all = off_thread(lambda: stored_frame(store, dims, samples)) \
                if store is not None else portfolio_frame([], dims, samples)
        except StoreError as error:
            self.count.setText(str(error))
            return
        self.labels = self.base_labels.including(self.all)
        self.model.labels = self.labels
        self._pool = None
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
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None
                                  else 0)
            combo.blockSignals(False)

        industries = sorted({i for i in df["industry"].dropna().unique() if i},
                            key=lambda i: self.labels.industry(i, lang))
        fill(self.industry, [(self.labels.industry(i, lang), i) for i in industries])
        fill(self.city, [(c, c) for c in sorted({c for c in df["city"].dropna().unique()
                                                 if c})])
        fill(self.stage, [(self.labels.stage(s, lang), s) for s in STAGES])
        fill(self.kind, [(kind_label(k, lang), k) for k in ("self", "expert")])

    def _check_date(self, edit: QLineEdit) -> str | None:
        """The date written in a date field (None when empty or not a date, then marked)."""
        text = edit.text().strip()
        ok = not text or _iso_date(text)
        edit.setStyleSheet("" if ok else f"border: 1px solid {ERROR};")
        edit.setToolTip("" if ok else self.tr("Write the date as YYYY-MM-DD"))
        return text if text and ok else None

    def current_filter(self) -> Filter:
        def one(combo: QComboBox) -> list[Any]:
            value = combo.currentData()
            return [] if value is None else [value]

        return Filter(industries=one(self.industry), cities=one(self.city),
                        stages=one(self.stage), kinds=one(self.kind),
                        date_from=self._check_date(self.date_from),
                        date_to=self._check_date(self.date_to))

    def current_scope(self) -> Scope:
        """What the check boxes include besides the assessments counted by default."""
        return Scope(samples=self.include_samples.isChecked(),
                     drafts=self.include_drafts.isChecked(),
                     superseded=self.include_superseded.isChecked())

    def _scope_changed(self) -> None:
        self._pool = None  # the peers follow what is counted
        self.apply_filter()

    def apply_filter(self) -> None:
        """Show the counted assessments passing the filter fields (the selection stays when
        its row still passes)."""
        if self.all is None:
            return
        selected = self.selected_id()
        self.counted = self.current_scope().apply(self.all)
        self.shown = self.current_filter().apply(self.counted.frame).reset_index(drop=True)
        self.model.set_frame(self.shown)
        self._show_count()
        self._fill_charts()
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.show_firm(row)

    def _show_count(self) -> None:
        self.count.setText(self.tr("%1 of %2 assessments").replace(
            "%1", str(len(self.shown))).replace("%2", str(len(self.all))))
        self._show_scope()

    def _show_scope(self) -> None:
        """The check boxes with how many of each kind there are, and what is left out."""
        counted = self.counted
        flagged = counted.flagged if counted else {}
        excluded = counted.excluded if counted else {}
        self.include_samples.setText(self.tr("Include samples (%1)").replace(
            "%1", str(flagged.get("sample", 0))))
        self.include_drafts.setText(self.tr("Include drafts under %1% answered (%2)").replace(
            "%1", str(round(MIN_COMPLETENESS * 100))).replace(
            "%2", str(flagged.get("draft", 0))))
        self.include_superseded.setText(self.tr("Include superseded (%1)").replace(
            "%1", str(flagged.get("superseded", 0))))
        parts = [text.replace("%1", str(excluded[reason])) for reason, text in (
            ("sample", self.tr("samples %1")), ("draft", self.tr("drafts %1")),
            ("superseded", self.tr("superseded by a re-assessment %1")))
            if excluded.get(reason)]
        self.excluded.setText(self.tr("Excluded: %1").replace("%1", self.tr(", ").join(parts))
                              if parts else self.tr("Nothing excluded"))

    def _fill_charts(self) -> None:
        df, lang = self.shown, self.lang
        if df is None:
            return
        dist = stage_distribution(df)
        items = []
        for stage, count in zip(dist["stage"].tolist(), dist["count"], strict=True):
            if pd.isna(stage):
                if count:
                    items.append((self.labels.stage(None, lang), float(count), "#cfd8dc"))
            else:
                items.append((self.labels.stage(stage, lang), float(count),
                              STAGE_COLORS[int(stage)]))
        self.stages.set_items(items)
        means = dimension_averages(df)
        dims = dimension_columns(df)
        rows = [(self.labels.industry(industry, lang), int(values["n"]),
                 [None if pd.isna(values[c]) else float(values[c]) for c in dims])
                for industry, values in means.iterrows()]
        self.averages.set_data([self.labels.dimension(c[len(DIM):], lang) for c in dims],
                               rows, portfolio_header("n", lang))

    # ------------------------------------------------------------------ one firm

    def selected_id(self) -> str | None:
        """The assessment of the current row, if any."""
        row = self.table.currentIndex().row()
        if row < 0 or row >= self.model.rowCount():
            return None
        return self.model.assessment_id(row)

    def show_firm(self, row: int) -> None:
        """The progress chart and the peer benchmark of the assessment at table row ``row``
        (nothing when -1)."""
        if row < 0 or self.shown is None or row >= self.model.rowCount():
            self.firm_title.setText(self.tr("Select an assessment to see the firm's progress "
                                            "and its peer benchmark"))
            self.progress.set_points([])
            self.peer_text.setText("")
            self.peer_table.setRowCount(0)
            self.peer_table.hide()
            return
        me = self.shown.iloc[self.model.position(row)]
        self.firm_title.setText(self.tr("%1: index over time").replace(
            "%1", str(me["company_name"] or "—")))
        history = firm_progress(self.all, str(me["firm_key"])) if me["firm_key"] else \
            self.all[(self.all["id"] == me["id"]).to_numpy()]
        points = [(str(i), str(d), float(v)) for i, d, v in
                  zip(history["id"], history["date"], history["index"], strict=True)
                  if not pd.isna(v)]
        ids = [p[0] for p in points]
        self.progress.set_points([(d, v) for _i, d, v in points],
                                 ids.index(me["id"]) if me["id"] in ids else None)
        scope = self.current_scope()
        if self._pool is None:
            self._pool = latest_complete(self.all, scope)
        result = peer_benchmark(self.all, str(me["id"]), self.min_peers, self._pool, scope)
        self._show_peers(result)

    def _show_peers(self, result: PeerBenchmark) -> None:
        lang = self.lang
        self.peer_text.setText(result.text(lang, self.labels.industry(result.industry, lang)))
        self.peer_table.clear()
        self.peer_table.setColumnCount(5)
        self.peer_table.setHorizontalHeaderLabels([
            self.tr("Dimension"), self.tr("This firm"), self.tr("Peer mean"),
            self.tr("Peer median"), self.tr("Peer middle half")])
        self.peer_table.setRowCount(len(result.rows))
        self.peer_table.setVisible(result.enough)
        for r, peer in enumerate(result.rows):
            cells = (self.labels.dimension(peer.dimension, lang), _fmt(peer.firm),
                     _fmt(peer.mean), _fmt(peer.median), f"{_fmt(peer.q1)} – {_fmt(peer.q3)}")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                firm, q1, q3 = peer.firm, peer.q1, peer.q3
                if c == 1 and firm is not None and q1 is not None and q3 is not None:
                    if firm < q1:
                        item.setForeground(QColor(ERROR))
                        item.setToolTip(self.tr("Below the middle half of the peers"))
                    elif firm > q3:
                        item.setForeground(QColor(OK))
                        item.setToolTip(self.tr("Above the middle half of the peers"))
                self.peer_table.setItem(r, c, item)
        self.peer_table.resizeColumnsToContents()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back to the list of assessments, like the ← button."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.backRequested.emit()
            return
        super().keyPressEvent(event)

    def _peers_changed(self, value: int) -> None:
        self.min_peers = value
        with contextlib.suppress(ValueError, OSError):
            prefs.current().update(min_peers=value)
        self.show_firm(self.table.currentIndex().row())

    # ------------------------------------------------------------------ export

    def ask_save_path(self, kind: str) -> str | None:
        """Where to export ``kind`` ("xlsx" or "csv"); None when cancelled (tests replace
        this to skip the dialog)."""
        folder = prefs.current().folder("portfolio")
        name = self.tr("portfolio") + f".{kind}"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export portfolio"), str(Path(folder) / name) if folder else name,
            self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("CSV (*.csv)"))
        return path or None

    def export(self, kind: str) -> str | None:
        """Export the filtered assessments: every table to an Excel workbook ("xlsx") or the
        assessment list to CSV ("csv"). Returns the path, None when cancelled or failed (the
        reason is shown). A large workbook (more than ``background_rows`` rows) is written
        off the GUI thread: the path is returned at once and :attr:`exported` tells when the
        file is there."""
        if self.shown is None or self._exporting:
            return None
        path = self.ask_save_path(kind)
        if not path:
            return None
        if not path.lower().endswith("." + kind):
            path += "." + kind
        sheets = portfolio_tables(self.shown, self.lang, self.labels)

        def write() -> None:
            if kind == "xlsx":
                export_excel(sheets, path)
            else:
                export_csv(sheets[SHEETS["assessments"][self.lang]], path)

        if kind == "xlsx" and len(self.shown) > self.background_rows:
            self._set_exporting(True)
            self.count.setText(self.tr("Writing %1…").replace("%1", path))
            run_in_background(write, lambda _r: self._export_done(path, None),
                              lambda error, _trace: self._export_done(path, error))
            return path
        try:
            write()
        except PortfolioError as error:
            self._export_done(path, error)
            return None
        self._export_done(path, None)
        return path

    def _set_exporting(self, busy: bool) -> None:
        self._exporting = busy
        self.excel.setEnabled(not busy)
        self.csv.setEnabled(not busy)

    def _export_done(self, path: str, error: BaseException | None) -> None:
        if not isValid(self):  # the page was closed while the file was written
            return
        self._set_exporting(False)
        if error is not None:
            self._show_count()
            QMessageBox.warning(self, self.tr("Export portfolio"), str(error))
            return
        prefs.current().set_folder("portfolio", Path(path).parent)
        self.count.setText(self.tr("Exported to %1").replace("%1", path))
        self.exported.emit(path)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
