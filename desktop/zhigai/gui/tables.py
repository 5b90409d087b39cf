"""Tables shown inside a scrolling page: a read-only table of strings, a view as tall as its
rows (the page scrolls, not the table) and a cell drawn as a bold title over coloured lines."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from .style import MUTED

Index = QModelIndex | QPersistentModelIndex
#: a cell's lines under its title: (text, colour or None)
LINES_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class TextTable(QAbstractTableModel):
    """A read-only table of strings; numbers (every column but those in ``left``) align right."""

    def __init__(self, left: tuple[int, ...] = (0,)) -> None:
        super().__init__()
        self.head: list[str] = []
        self.rows: list[list[str]] = []
        self.colors: dict[tuple[int, int], str] = {}
        self.lines: dict[tuple[int, int], list[tuple[str, str | None]]] = {}
        self.left = left

    def set(self, head: list[str], rows: list[list[str]],
            colors: dict[tuple[int, int], str] | None = None,
            lines: dict[tuple[int, int], list[tuple[str, str | None]]] | None = None) -> None:
        self.beginResetModel()
        self.head, self.rows = head, rows
        self.colors, self.lines = colors or {}, lines or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.head)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.head[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        where = (index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == LINES_ROLE:
            return self.lines.get(where, [])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if index.column() in self.left \
                else Qt.AlignmentFlag.AlignRight
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.colors.get(where)
            return QColor(color) if color else None
        return None


class FittedTable(QTableView):
    """A table as tall as its rows, for a page that scrolls: wrapped cells grow their row when
    the columns narrow, and the table follows."""

    def __init__(self, model: QAbstractTableModel, stretch: int = 0,
                 fixed: dict[int, int] | None = None, parent: QWidget | None = None) -> None:
        """``stretch``: the column that takes the room left (-1: all share it); ``fixed``:
        columns of a set width (their text wraps)."""
        super().__init__(parent)
        self._pending = False
        self.stretch = stretch
        self.fixed = dict(fixed or {})
        self.setModel(model)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().sectionResized.connect(self._later)
        model.modelReset.connect(self.set_modes)
        model.modelReset.connect(self._later)
        model.rowsInserted.connect(self._later)
        model.rowsRemoved.connect(self._later)
        model.dataChanged.connect(self._later)
        self.set_modes()

    def set_fixed(self, column: int, width: int) -> None:
        self.fixed[column] = width
        self.set_modes()

    def set_modes(self) -> None:
        """How each column takes its width (the sections exist once the model has columns)."""
        header = self.horizontalHeader()
        for column in range(header.count()):
            if column in self.fixed:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, self.fixed[column])
            elif self.stretch in (-1, column):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _later(self, *_args: Any) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit)

    def fit(self) -> None:
        """Rows as tall as their wrapped text, the table as tall as its rows."""
        self._pending = False
        self.resizeRowsToContents()
        rows = self.model().rowCount()
        height = self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(rows))
        bar = self.horizontalScrollBar()
        if bar.isVisible():
            height += bar.height()
        height += 2 * self.frameWidth() + 2
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._later()


class CardDelegate(QStyledItemDelegate):
    """A cell drawn as its text in bold with the lines of ``LINES_ROLE`` below it, wrapped."""

    PAD = 5

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        return bold, QFont(option.font)

    def _blocks(self, index: Index) -> list[tuple[str, str | None, bool]]:
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = index.data(LINES_ROLE) or []
        return [(title, None, True)] + [(text, color, False) for text, color in lines if text]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        rect: QRect = option.rect
        width = max(rect.width(), 240) - 2 * self.PAD
        bold, plain = self._fonts(option)
        height = 2 * self.PAD
        widest = 0
        for text, _color, strong in self._blocks(index):
            metrics = QFontMetrics(bold if strong else plain)
            box = metrics.boundingRect(QRect(0, 0, width, 100000),
                                       int(Qt.TextFlag.TextWordWrap), text)
            height += box.height() + 2
            widest = max(widest, min(metrics.horizontalAdvance(text), 360))
        return QSize(widest + 2 * self.PAD, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        rect: QRect = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD,
                                        -self.PAD)
        bold, plain = self._fonts(opt)
        painter.save()
        top = rect.top()
        for text, color, strong in self._blocks(index):
            painter.setFont(bold if strong else plain)
            if selected:
                painter.setPen(palette.highlightedText().color())
            else:
                painter.setPen(QColor(color) if color else
                               palette.text().color() if strong else QColor(MUTED))
            box = QRect(rect.left(), top, rect.width(), 100000)
            used = painter.boundingRect(box, int(Qt.TextFlag.TextWordWrap), text)
            painter.drawText(box, int(Qt.TextFlag.TextWordWrap), text)
            top += used.height() + 2
        painter.restore()
