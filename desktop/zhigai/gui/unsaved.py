"""Dialogs with typed text are never closed without a question when something was changed:
Esc, Cancel and the window's close button all go through ``QDialog.reject``; a dialog takes a
:func:`snapshot` of its fields when it opens and calls :func:`may_discard` in ``reject``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def snapshot(root: QWidget) -> tuple[Any, ...]:
    """What the user can change in ``root``: texts, choices, numbers and ticks, in order."""
    values: list[Any] = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            values.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            values.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            values.append(w.currentIndex())
        elif isinstance(w, QAbstractSpinBox):
            values.append(w.text())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            values.append(w.isChecked())
    return tuple(values)


def ask_discard_changes(parent: QWidget) -> bool:
    """True when the user chooses to discard the changes typed in ``parent``."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(),
                      QCoreApplication.translate("Unsaved", "Discard your changes?"),
                      parent=parent)
    discard = box.addButton(QCoreApplication.translate("Unsaved", "&Discard"),
                            QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QCoreApplication.translate("Unsaved", "&Keep editing"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def may_discard(dialog: QWidget, opened: tuple[Any, ...]) -> bool:
    """True to close ``dialog``: nothing changed since ``opened``, or the user discards."""
    return snapshot(dialog) == opened or ask_discard_changes(dialog)
