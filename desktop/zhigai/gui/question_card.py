"""One question as a card: text, options, help, "not applicable", the previous answer of a
follow-up, and full keyboard use (number keys pick an option, N marks not applicable, Enter
moves on)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.model import Answer
from ..core.questionnaire.models import Question

Saver = Callable[[str, str, Any], str | None]  # (action, question id, value) -> error or None


class ClickLabel(QLabel):
    """An option's text: wraps, and clicking it clicks its button."""

    def __init__(self, text: str, button: QAbstractButton):
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setAccessibleName(text)

    def mousePressEvent(self, event: Any) -> None:
        if self.button.isEnabled():
            self.button.click()
        event.accept()


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class QuestionCard(QFrame):
    advance = Signal(str)        # Enter pressed: move to the next question
    focused = Signal(str)

    def __init__(self, question: Question, number: str, lang: str, save: Saver,
                 previous: str | None = None):
        super().__init__()
        self.q = question
        self.lang = lang
        self.save = save
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.buttons: list[QAbstractButton] = []
        self.option_ids: list[str | bool] = []
        self._answer: Answer | None = None
        self._updating = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.number = QLabel(number)
        self.number.setObjectName("muted")
        self.number.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(question.text.get(lang) + ("" if question.required else
                                                      self.tr(" (optional)")))
        self.text.setObjectName("subtitle")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.number)
        head.addWidget(self.text, 1)
        # the widgets shown or hidden here are made with their parent: a widget without one
        # that is shown becomes a window of its own (it flashes and takes the focus)
        self.toggle_evidence = QPushButton(self.tr("Expert check"), self)
        self.toggle_evidence.setObjectName("link")
        self.toggle_evidence.setFlat(True)
        self.toggle_evidence.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle_evidence.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle_evidence.setVisible(question.evidence is not None)
        head.addWidget(self.toggle_evidence, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        if question.help:
            help_label = QLabel(question.help.get(lang))
            help_label.setObjectName("help")
            help_label.setWordWrap(True)
            layout.addWidget(help_label)
        self.evidence = QLabel(self.tr("Evidence: ") + question.evidence.get(lang)
                               if question.evidence else "")
        self.evidence.setObjectName("help")
        self.evidence.setWordWrap(True)
        self.evidence.hide()
        self.toggle_evidence.clicked.connect(
            lambda: self.evidence.setVisible(not self.evidence.isVisible()))
        layout.addWidget(self.evidence)

        self.body = QVBoxLayout()
        self.body.setSpacing(2)
        layout.addLayout(self.body)
        self._build_inputs()

        foot = QHBoxLayout()
        self.na = QCheckBox(self.tr("Not applicable to us (N)"), self)
        self.na.setVisible(question.allow_na)
        self.na.clicked.connect(self._na_clicked)
        foot.addWidget(self.na)
        foot.addStretch(1)
        self.previous = QLabel(self.tr("Last time: ") + previous if previous else "", self)
        self.previous.setObjectName("muted")
        self.previous.setVisible(bool(previous))
        foot.addWidget(self.previous)
        layout.addLayout(foot)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        for child in self.findChildren(QWidget):
            child.installEventFilter(self)

    # ------------------------------------------------------------------ inputs

    def _build_inputs(self) -> None:
        q = self.q
        if q.type in ("single", "multi", "yesno"):
            self.group = QButtonGroup(self)
            self.group.setExclusive(q.type != "multi")
            choices: list[tuple[str | bool, str]]
            if q.type == "yesno":
                choices = [(True, self.tr("Yes")), (False, self.tr("No"))]
            else:
                choices = [(o.id, o.label.get(self.lang)) for o in q.options or []]
            for n, (oid, text) in enumerate(choices, start=1):
                number = str(n) if n <= 9 else ""
                button: QAbstractButton = (QCheckBox(number) if q.type == "multi"
                                           else QRadioButton(number))
                button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                label = ClickLabel(text, button)
                row = QHBoxLayout()
                row.setSpacing(6)
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(label, 1)
                self.group.addButton(button, n - 1)
                self.buttons.append(button)
                self.option_ids.append(oid)
                self.body.addLayout(row)
            self.group.idClicked.connect(self._choice_clicked)
        elif q.type in ("number", "percent"):
            row = QHBoxLayout()
            self.line = QLineEdit()
            self.line.setMaximumWidth(160)
            self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.line.setPlaceholderText(self.tr("number"))
            row.addWidget(self.line)
            unit = "%" if q.type == "percent" else (q.unit.get(self.lang) if q.unit else "")
            if unit:
                row.addWidget(QLabel(unit))
            row.addStretch(1)
            self.body.addLayout(row)
            self.line.editingFinished.connect(self._number_finished)
        else:
            self.textedit = QPlainTextEdit()
            self.textedit.setTabChangesFocus(True)
            self.textedit.setFixedHeight(80)
            self.textedit.setPlaceholderText(self.tr("Type here; it is saved as you type. "
                                                     "Ctrl+Enter: next question"))
            self.body.addWidget(self.textedit)
            self._text_timer = QTimer(self, singleShot=True, interval=700)
            self._text_timer.timeout.connect(self._text_finished)
            self.textedit.textChanged.connect(self._text_changed)

    def set_number(self, number: str) -> None:
        """The card's number among the questions shown now (the view renumbers as follow-up
        questions appear or hide, so the numbers never skip)."""
        self.number.setText(number)

    # ------------------------------------------------------------------ showing an answer

    def set_answer(self, answer: Answer | None) -> None:
        """Show the stored answer (without saving anything)."""
        self._answer = answer
        self._updating = True
        try:
            value = None if answer is None or answer.na else answer.value
            self.na.setChecked(bool(answer and answer.na))
            if self.buttons:
                chosen = set(value) if isinstance(value, list) else {value}
                for button, oid in zip(self.buttons, self.option_ids, strict=True):
                    button.setChecked(oid in chosen and value is not None)
                    button.setEnabled(not (answer and answer.na))
            elif hasattr(self, "line"):
                self.line.setText("" if value is None else f"{value:g}"
                                  if isinstance(value, float) else str(value))
                self.line.setEnabled(not (answer and answer.na))
            elif hasattr(self, "textedit") and self.textedit.toPlainText() != (value or ""):
                self.textedit.setPlainText(value or "")
        finally:
            self._updating = False
        self.setProperty("state", "answered" if self.is_answered() else "open")
        _repolish(self)

    def is_answered(self) -> bool:
        a = self._answer
        if a is None:
            return False
        if a.na:
            return True
        return a.value not in (None, "", [])

    # ------------------------------------------------------------------ saving

    def _result(self, error: str | None) -> None:
        self.error.setText(error or "")
        self.error.setVisible(bool(error))

    def _choice_clicked(self, index: int) -> None:
        if self._updating:
            return
        if self.q.type == "multi":
            chosen = [oid for oid, b in zip(self.option_ids, self.buttons, strict=True)
                      if b.isChecked()]
            option = self.q.options[index] if self.q.options else None
            if option is not None and option.exclusive and self.buttons[index].isChecked():
                chosen = [option.id]
            elif option is not None and not option.exclusive:
                exclusive = {o.id for o in self.q.options or [] if o.exclusive}
                chosen = [c for c in chosen if c not in exclusive]
            error = self.save("clear" if not chosen else "answer", self.q.id, chosen)
        else:
            error = self.save("answer", self.q.id, self.option_ids[index])
        self._result(error)

    def _na_clicked(self, checked: bool) -> None:
        error = self.save("na" if checked else "clear", self.q.id, None)
        self._result(error)

    def _number_finished(self) -> None:
        if self._updating:
            return
        text = self.line.text().strip()
        current = None if self._answer is None or self._answer.na else self._answer.value
        if text == ("" if current is None else str(current)):
            return
        error = self.save("clear" if not text else "answer", self.q.id, text)
        self._result(error)

    def _text_changed(self) -> None:
        if not self._updating:
            self._text_timer.start()

    def _text_finished(self) -> None:
        text = self.textedit.toPlainText()
        error = self.save("clear" if not text.strip() else "answer", self.q.id, text)
        self._result(error)

    def flush(self) -> None:
        if hasattr(self, "_text_timer") and self._text_timer.isActive():
            self._text_timer.stop()
            self._text_finished()

    # ------------------------------------------------------------------ keyboard

    def pick(self, n: int) -> bool:
        """Choose option ``n`` (1-based) as a number key does."""
        if not self.buttons or not 1 <= n <= len(self.buttons):
            return False
        button = self.buttons[n - 1]
        if not button.isEnabled():
            return False
        button.click()
        return True

    def focus_input(self) -> None:
        if hasattr(self, "line"):
            self.line.setFocus()
        elif hasattr(self, "textedit"):
            self.textedit.setFocus()
        else:
            self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._set_focused(True)
        elif event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self, self._check_focus)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if isinstance(watched, (QLineEdit, QPlainTextEdit)):
                enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                if enter and isinstance(watched, QLineEdit):
                    self._number_finished()
                    if not self.error.isVisible():
                        self.advance.emit(self.q.id)
                    return True
                if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.flush()  # Ctrl+Enter leaves a text answer
                    self.advance.emit(self.q.id)
                    return True
                return False
            if self._handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            return self.pick(key - Qt.Key.Key_0)
        if key == Qt.Key.Key_N and self.q.allow_na:
            self.na.click()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.advance.emit(self.q.id)
            return True
        return False

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self._set_focused(True)
        if hasattr(self, "line") or hasattr(self, "textedit"):
            self.focus_input()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        QTimer.singleShot(0, self, self._check_focus)

    def _check_focus(self) -> None:
        from PySide6.QtWidgets import QApplication

        widget = QApplication.focusWidget()
        inside = widget is self or (widget is not None and self.isAncestorOf(widget))
        self._set_focused(inside)

    def _set_focused(self, on: bool) -> None:
        if bool(self.property("focused")) != on:
            self.setProperty("focused", on)
            _repolish(self)
            if on:
                self.focused.emit(self.q.id)
