"""Helpers the GUI tests share: a store seeded with the examples, typing as a person types
(key by key, input methods for Chinese), filling the profile, answering with the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from zhigai.core.assessment.model import load_assessment


def seed(data_dir: Path, root: Path, *names: str) -> list[str]:
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    store = Store.open(sqlite_url(data_dir / DB_FILE))
    ids = [Session.import_assessment(store, default_catalog(),
                                     load_assessment(root / "examples" / f"{n}.json")).id
           for n in names]
    store.close()
    return ids


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type as a user would: ASCII as key presses, Chinese as the input method commits it."""
    from PySide6.QtGui import QInputMethodEvent

    for part in _runs(text):
        if part.isascii():
            qtbot.keyClicks(widget, part)
        else:
            event = QInputMethodEvent()
            event.setCommitString(part)
            QApplication.sendEvent(widget, event)


def _runs(text: str) -> list[str]:
    runs: list[str] = []
    for ch in text:
        if runs and runs[-1][-1].isascii() == ch.isascii():
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.clear()
    type_text(qtbot, widget, text)


def fill_profile(qtbot: Any, page: Any, **values: str) -> None:
    for field, text in values.items():
        editor = page.form.editors[field].editor
        if field == "industry":
            editor.setCurrentIndex(editor.findData(text))
        else:
            type_into(qtbot, editor, text)


# ---------------------------------------------------------------------------- answering

def answer_with_keyboard(qtbot: Any, window: Any, limit: int = 400,
                         stop_after: int | None = None) -> int:
    """Answer every shown question from the keyboard: number keys, digits, Enter."""
    from zhigai.gui.question_card import QuestionCard

    page = window.page
    answered = 0
    for _ in range(limit):
        if page.tabs.currentWidget() is page.results:
            break
        focus = QApplication.focusWidget()
        card = focus
        while card is not None and not isinstance(card, QuestionCard):
            card = card.parentWidget()
        assert card is not None, f"focus is on {focus!r}, not on a question"
        q = card.q
        if q.type in ("single", "yesno"):
            key = Qt.Key.Key_2 if len(card.buttons) > 2 else Qt.Key.Key_1
            qtbot.keyClick(focus, key)
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        elif q.type == "multi":
            qtbot.keyClick(focus, Qt.Key.Key_2)
            qtbot.keyClick(focus, Qt.Key.Key_3)
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        elif q.type in ("number", "percent"):
            assert isinstance(focus, QLineEdit)
            focus.clear()
            qtbot.keyClicks(focus, "35")
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        else:
            assert isinstance(focus, QPlainTextEdit)
            type_text(qtbot, focus, "没有")
            qtbot.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        answered += 1
        if stop_after is not None and answered >= stop_after:
            break
    return answered


def create_via_ui(qtbot: Any, window: Any, industry: str = "textile") -> Any:
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    page = window.page
    fill_profile(qtbot, page, company_name="绍兴键盘测试纺织有限公司", city="绍兴市",
                 industry=industry, employees="60")
    qtbot.keyClick(page.create, Qt.Key.Key_Space)
    return window.page
