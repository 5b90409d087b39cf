"""Under each question card: its change history and, during an expert verification, the owner's
answer beside the verified one, an evidence note and photos (thumbnails)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.answer_text import describe_answer
from ..core.assessment.model import Answer, AuditEntry
from ..core.questionnaire.models import Question
from .controller import SessionController
from .evidence_widgets import EvidenceFields


def describe(q: Question, answer: Answer | None, lang: str, yes: str, no: str, na: str,
             none: str) -> str:
    return describe_answer(q, answer, lang, yes, no, na) or none


class EvidencePanel(QFrame):
    """Built by the questionnaire view for every card; the expert part shows only during a
    verification."""

    def __init__(self, controller: SessionController, question: Question, lang: str):
        super().__init__()
        self.controller = controller
        self.q = question
        self.lang = lang
        self.setObjectName("evidence")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)

        self.expert = QWidget()
        box = QVBoxLayout(self.expert)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.owner = QLabel()
        self.owner.setObjectName("muted")
        self.owner.setWordWrap(True)
        box.addWidget(self.owner)
        # the expert vouches for this answer: seen on site (a corrected one counts anyway)
        self.confirmed = QCheckBox(self.tr("Checked on site: the answer matches what I saw"))
        self.confirmed.setToolTip(self.tr("Only checked answers count as verified in the "
                                          "results and the report; a corrected answer counts "
                                          "as checked."))
        self.confirmed.toggled.connect(self._confirm)
        box.addWidget(self.confirmed)
        self.fields = EvidenceFields(controller, question.id, self,
                                     lambda: self.ask_photo_paths())
        self.fields.saved.connect(self._evidence_saved)
        self.note = self.fields.note
        self.note.setFixedHeight(54)
        box.addWidget(self.note)
        self.photo_scroll = self.fields.photos
        self.photos = self.photo_scroll.row
        box.addWidget(self.photo_scroll)
        layout.addWidget(self.expert)

        foot = QHBoxLayout()
        self.add = self.fields.add
        self.history = QPushButton(self.tr("History…"))
        self.history.setObjectName("link")
        self.history.setFlat(True)
        self.history.setToolTip(self.tr("Who changed this answer, when, from what to what"))
        self.history.clicked.connect(self.show_history)
        self.error = self.fields.error
        foot.addWidget(self.add)
        foot.addStretch(1)
        foot.addWidget(self.history)
        layout.addLayout(foot)
        layout.addWidget(self.error)
        self.refresh()

    # ------------------------------------------------------------------ state

    @property
    def session(self) -> Any:
        return self.controller.session

    def refresh(self) -> None:
        verifying = self.session.verifying
        self.expert.setVisible(verifying)
        self.add.setVisible(verifying)
        self.history.setVisible(bool(self.session.history(self.q.id)))
        if not verifying:
            return
        self.refresh_owner()
        self.fields.refresh()

    def refresh_owner(self) -> None:
        owner = self.session.owner_answer(self.q.id)
        text = describe(self.q, owner, self.lang, self.tr("Yes"), self.tr("No"),
                        self.tr("not applicable"), self.tr("(not answered)"))
        differs = self.q.id in set(self.session.differences())
        self.owner.setText(self.tr("Owner's answer: %1").replace("%1", text)
                           + ("  " + self.tr("— corrected by the expert") if differs else ""))
        confirmed = self.session.evidence(self.q.id).confirmed
        self.confirmed.blockSignals(True)
        self.confirmed.setChecked(differs or confirmed)
        self.confirmed.setEnabled(not differs)
        self.confirmed.setText(self.tr("Checked on site: corrected") if differs else
                               self.tr("Checked on site: the answer matches what I saw"))
        self.confirmed.blockSignals(False)
        self.owner.setObjectName("differs" if differs else "muted")
        self.owner.style().unpolish(self.owner)
        self.owner.style().polish(self.owner)

    def _confirm(self, checked: bool) -> None:
        error = self.controller.set_confirmed(self.q.id, checked)
        if error:
            self.confirmed.blockSignals(True)
            self.confirmed.setChecked(not checked)
            self.confirmed.blockSignals(False)
            self.error.setText(error)
            self.error.show()
            return
        self.error.hide()
        self._evidence_saved()

    def _evidence_saved(self) -> None:
        self.history.setVisible(bool(self.session.history(self.q.id)))

    def flush(self) -> None:
        self.fields.flush()

    def ask_photo_paths(self) -> list[str]:
        """The files to attach (tests replace this to skip the dialog)."""
        return self.fields.ask_photo_paths()

    def add_photos(self) -> None:
        self.fields.add_photos()

    def remove_photo(self, sha256: str) -> None:
        self.fields.remove_photo(sha256)

    # ------------------------------------------------------------------ history

    def show_history(self) -> QDialog:
        dialog = AuditDialog(self.session.history(self.q.id), self._value_text, self)
        dialog.setWindowTitle(self.tr("History: %1").replace("%1", self.q.text.get(self.lang)))
        dialog.open()
        return dialog

    def _value_text(self, entry: AuditEntry, value: Any) -> str:
        if value is None:
            return "—"
        kind = entry.field.partition(".")[0]
        if kind in ("answer", "owner") and isinstance(value, dict):
            answer = Answer(value=value.get("value"), na=bool(value.get("na")))
            return describe(self.q, answer, self.lang, self.tr("Yes"), self.tr("No"),
                            self.tr("not applicable"), "—")
        if kind == "photo" and isinstance(value, dict):
            return str(value.get("added") or value.get("removed") or "")
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class AuditDialog(QDialog):
    """The recorded changes: when, who, what, old value, new value."""

    def __init__(self, entries: list[AuditEntry], text: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(entries), 5)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who (computer)"),
                                              self.tr("What"),
                                              self.tr("Before"), self.tr("After")])
        names = {"answer": self.tr("answer"), "owner": self.tr("owner's answer"),
                 "note": self.tr("evidence note"), "photo": self.tr("photo"),
                 "confirmed": self.tr("checked on site"),
                 "checked": self.tr("material seen")}
        for row, e in enumerate(entries):
            kind = e.field.partition(".")[0]
            # "owner": what versions before the local profile recorded for the owner
            name = self.tr("the owner") if e.who == "owner" else e.who
            who = name + (" @ " + e.machine if e.machine else "")
            for col, value in enumerate((e.at[:19].replace("T", " "), who,
                                         names.get(kind, e.field), text(e, e.old),
                                         text(e, e.new))):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("No change of this question has been recorded yet."), self)
        self.empty.setObjectName("muted")
        self.empty.setVisible(not entries)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
