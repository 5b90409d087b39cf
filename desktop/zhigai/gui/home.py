"""Home: the assessments in the store, with search, New, Open, Follow-up and Delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.store.errors import StoreError
from .context import AppContext
from .models import AssessmentTableModel, date_of
from .off_thread import off_thread


class HomePage(QWidget):
    newRequested = Signal()
    openRequested = Signal(str)
    followUpRequested = Signal(str)
    importRequested = Signal()
    portfolioRequested = Signal()
    ready = Signal()

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.setObjectName("page")
        self.ctx = ctx
        # the rows come from the store a page at a time, sorted by SQL (see the model)
        self.model = AssessmentTableModel(ctx.lang)
        self._quick_total: int | None = None   # the count read with the quick first page

        self.title = QLabel()
        self.title.setObjectName("title")
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.new_button = QPushButton()
        self.new_button.setObjectName("primary")
        self.open_button = QPushButton()
        self.follow_button = QPushButton()
        self.delete_button = QPushButton()
        self.import_button = QPushButton()
        self.portfolio_button = QPushButton()
        self.import_button.clicked.connect(self.importRequested)
        self.portfolio_button.clicked.connect(self.portfolioRequested)
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self._open_selected)
        self.follow_button.clicked.connect(self._follow_selected)
        self.delete_button.clicked.connect(self._delete_selected)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # newest change first until a header is clicked (no column shows that order)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # widths fitted to the distinct texts of each column (see fit_columns); letting the
        # view measure every cell (ResizeToContents) costs tens of ms at start-up
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._open_selected())
        # a new sort order reads the rows again: the selected assessment stays selected
        self._kept: str | None = None
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.search)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.follow_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.portfolio_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        self.retranslate()
        self._update_buttons()
        ctx.storeChanged.connect(self.refresh)
        ctx.languageChanged.connect(self._language_changed)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Assessments"))
        self.search.setPlaceholderText(self.tr("Search company, city, industry…"))
        self.new_button.setText(self.tr("&New assessment"))
        self.open_button.setText(self.tr("&Open"))
        self.follow_button.setText(self.tr("&Re-assess"))
        self.follow_button.setToolTip(self.tr("Start a follow-up assessment from the selected "
                                              "one; the history is kept"))
        self.delete_button.setText(self.tr("&Delete"))
        self.import_button.setText(self.tr("&Import…"))
        self.import_button.setToolTip(self.tr("Import .zhigai bundles from a site visit or "
                                              "another computer (Ctrl+I)"))
        self.portfolio_button.setText(self.tr("&Portfolio"))
        self.portfolio_button.setToolTip(self.tr("All firms with filters, charts, peer "
                                                 "benchmarks and Excel export (Ctrl+Shift+P)"))
        self._update_empty()

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        self.retranslate()
        self.fit_columns()

    def _update_empty(self) -> None:
        if self.ctx.store is None:
            self.empty.setText(self.tr("Opening the store…"))
        elif self.search.text().strip():
            self.empty.setText(self.tr("No assessment matches “%1”.").replace(
                "%1", self.search.text().strip()))
        else:
            self.empty.setText(self.tr("No assessments yet.\nClick “New assessment” to assess "
                                       "a factory; it takes 20-40 minutes and every answer is "
                                       "saved at once."))
        self.stack.setCurrentIndex(0 if self.model.rowCount() else 1)
        total = self.model.total()
        if self.ctx.store is None and self._quick_total is not None:
            total = self._quick_total
        if self.ctx.store is None and not total:
            self.count.setText("")
        elif self.search.text().strip():
            self.count.setText(self.tr("Found: %1").replace("%1", f"{total:,}"))
        else:
            self.count.setText(self.tr("Total: %1").replace("%1", f"{total:,}"))

    def fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        bold = header.fontMetrics()
        for column in range(1, self.model.columnCount()):
            texts = {row[column] for row in self.model.texts()}
            texts.add(self.model.headers()[column])
            widest = max(max(metrics.horizontalAdvance(t), bold.horizontalAdvance(t) + 12)
                         for t in texts)
            header.resizeSection(column, min(widest + 18, 420))

    def show_rows(self, rows: list, related: list | None = None,
                  total: int | None = None) -> None:
        """Show rows read before the store is fully open (see core.store.quick_page):
        the first page, the rows it is linked to, and how many assessments there are."""
        self.model.set_rows(rows, related)
        self._quick_total = total
        self.fit_columns()
        self._update_empty()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def refresh(self) -> None:
        store = self.ctx.store
        selected = self.selected_id()
        self._quick_total = None
        if store is not None:
            try:
                # a page at a time; a search shows some rows, and the links between rows
                # are dated from the whole store
                self.model.load(store, self.search.text())
                self.fit_columns()
            except StoreError as error:
                QMessageBox.warning(self, self.tr("Store"), str(error))
                self.model.set_rows([])
        else:
            self.model.set_rows([])
        self._update_empty()
        if selected:
            self.select(selected)
        elif self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()
        if store is not None:
            self.ready.emit()

    def select(self, assessment_id: str) -> None:
        row = self.model.position_of(assessment_id)
        if row is not None and 0 <= row < self.model.rowCount():
            try:
                self.model.row_at(row)   # its page read (on the store thread) before it shows
            except (StoreError, IndexError):
                return
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _keep_selection(self) -> None:
        self._kept = self.selected_id()

    def _restore_selection(self) -> None:
        kept, self._kept = self._kept, None
        if kept:
            self.select(kept)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        try:   # the row's page is read first if it is not yet (a row selected by a key)
            return self.model.row_at(rows[0].row()).id
        except (StoreError, IndexError):   # the store went away, or the row was deleted
            return None

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None and self.ctx.store is not None
        for b in (self.open_button, self.follow_button, self.delete_button):
            b.setEnabled(has)
        self.new_button.setEnabled(self.ctx.store is not None)

    def _open_selected(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id:
            self.openRequested.emit(assessment_id)

    def _follow_selected(self) -> None:
        """Say what a re-assessment does, then ask for it (nothing happens on No)."""
        assessment_id = self.selected_id()
        store = self.ctx.store
        if not assessment_id or store is None:
            return
        try:
            row = off_thread(lambda: store.row(assessment_id))
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Re-assess"), str(error))
            return
        name = row.company_name or self.tr("(no name yet)")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Re-assess"),
                          self.tr("Start a re-assessment of %1?").replace("%1", name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setInformativeText(self.tr(
            "This makes a new assessment of the same firm that starts from the answers of the "
            "assessment of %1; check and update them. The earlier assessment stays unchanged "
            "and becomes the baseline the new one is compared with.").replace(
            "%1", date_of(row)))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.exec()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        self.followUpRequested.emit(assessment_id)

    def _delete_selected(self) -> None:
        assessment_id = self.selected_id()
        store = self.ctx.store
        if not assessment_id or store is None:
            return
        try:
            row = off_thread(lambda: store.row(assessment_id))
        except StoreError as error:   # deleted elsewhere meanwhile, the server gone
            QMessageBox.warning(self, self.tr("Delete assessment"), str(error))
            self.refresh()
            return
        name = row.company_name or self.tr("(no name yet)")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete assessment"),
                          self.tr("Delete the assessment of %1 made on %2?\nIts answers are "
                                  "removed from this computer and cannot be restored.")
                          .replace("%1", name).replace("%2", date_of(row)),
                          QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        try:
            off_thread(lambda: store.delete(assessment_id))
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Delete assessment"), str(error))
        self.refresh()
