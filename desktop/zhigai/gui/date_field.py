"""A date field that is one Tab stop: a button-like field showing the date (yyyy-MM-dd) that
opens a calendar on a click, Enter, Space, F4 or Alt+↓. Typed digits never change it (a
phone number typed into the wrong field stays out of the date), nor does the wheel. The value
API of QDateEdit that the profile form uses: ``date()``, ``setDate()``, ``dateChanged`` and
``editingFinished``."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QPushButton, QWidget

FORMAT = "yyyy-MM-dd"


class CalendarPopup(QCalendarWidget):
    """The calendar of a date field: a pop-up window; Esc closes it, a click or Enter picks."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateField(QPushButton):
    dateChanged = Signal(QDate)
    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dateField")
        self.setAutoDefault(False)   # Enter opens the calendar, never a dialog's default
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._date = QDate.currentDate()
        self.popup: CalendarPopup | None = None
        self.clicked.connect(self.open_calendar)
        self.setToolTip(self.tr("Click, or press Enter, Space or F4, to choose the date"))
        self._show()

    # ------------------------------------------------------------------ value

    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, date: QDate) -> None:
        if not date.isValid() or date == self._date:
            return
        self._date = QDate(date)
        self._show()
        self.dateChanged.emit(QDate(date))

    def text_value(self) -> str:
        return self._date.toString(FORMAT)

    def _show(self) -> None:
        self.setText(f"{self._date.toString(FORMAT)}  ▾")
        self.setAccessibleName(self._date.toString(FORMAT))

    # ------------------------------------------------------------------ calendar

    def open_calendar(self) -> CalendarPopup:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.clicked.connect(self._picked)
            self.popup.activated.connect(self._picked)
        popup = self.popup
        popup.setSelectedDate(self._date)
        popup.adjustSize()
        where = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:  # keep it on the screen (a field near the bottom: above)
            if where.y() + popup.height() > screen.bottom():
                where.setY(self.mapToGlobal(QPoint(0, 0)).y() - popup.height())
            where.setX(max(screen.left(), min(where.x(), screen.right() - popup.width())))
        popup.move(where)
        popup.show()
        popup.setFocus()
        return popup

    def _picked(self, date: QDate) -> None:
        if self.popup is not None:
            self.popup.close()
        self.setFocus()
        self.setDate(date)
        self.editingFinished.emit()

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F4) \
                or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.accept()   # no stepping (nor moving focus) by the arrows
            return
        super().keyPressEvent(event)   # Space clicks (opens); Tab moves on; digits do nothing
