"""The assessor profile (name, organisation, service group): remembered in the settings, used
when an expert starts verifying an assessment on site."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.model import Assessor
from ..core.base import settings as prefs
from .unsaved import may_discard, snapshot

KEYS = ("name", "organisation", "service_group")


def saved_assessor() -> Assessor | None:
    """The assessor profile from the settings (None until one is entered)."""
    profile = prefs.settings().assessor
    if profile is None:
        return None
    try:
        return Assessor(name=profile.name, organisation=profile.organisation,
                        service_group=profile.service_group)
    except ValueError:
        return None


def save_assessor(assessor: Assessor) -> None:
    prefs.current().update(assessor=prefs.AssessorProfile(
        name=assessor.name, organisation=assessor.organisation,
        service_group=assessor.service_group))


class AssessorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, explain: str = "",
                 current: Assessor | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assessor profile"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if explain:
            text = QLabel(explain)
            text.setWordWrap(True)
            layout.addWidget(text)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.organisation = QLineEdit()
        self.organisation.setMaxLength(200)
        self.organisation.setPlaceholderText(self.tr("e.g. the engineering-service company"))
        self.service_group = QLineEdit()
        self.service_group.setMaxLength(200)
        self.service_group.setPlaceholderText(self.tr("e.g. the provincial expert service "
                                                      "group"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Service group"), self.service_group)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        start = current or saved_assessor()
        if start is not None:
            self.name.setText(start.name)
            self.organisation.setText(start.organisation)
            self.service_group.setText(start.service_group)
        self.name.setFocus()
        self._opened = snapshot(self)

    def reject(self) -> None:  # Esc, Cancel, the close button: ask when something was typed
        if may_discard(self, self._opened):
            super().reject()

    def assessor(self) -> Assessor | None:
        name = self.name.text().strip()
        if not name:
            return None
        return Assessor(name=name, organisation=self.organisation.text().strip(),
                        service_group=self.service_group.text().strip())

    def accept(self) -> None:
        assessor = self.assessor()
        if assessor is None:
            self.error.setText(self.tr("Enter the assessor's name."))
            self.error.show()
            self.name.setFocus()
            return
        save_assessor(assessor)
        super().accept()
