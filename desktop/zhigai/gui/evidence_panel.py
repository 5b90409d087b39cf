"""Under each question card: its change history and, during an expert verification, the owner's
answer beside the verified one, an evidence note and photos (thumbnails)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.answer_text import describe_answer
from ..core.assessment.model import MAX_NOTE_LENGTH, Answer, AuditEntry
from ..core.questionnaire.models import Question
from .controller import SessionController

THUMB = 88


def describe(q: Question, answer: Answer | None, lang: str, yes: str, no: str, na: str,
             none: str) -> str:
    return describe_answer(q, answer, lang, yes, no, na) or none


def thumbnail(data: bytes, side: int) -> QPixmap:
    image = QImage.fromData(data)
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


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
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(54)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Evidence note: what you saw, documents checked, "
                                             "who you spoke to (saved as you type)"))
        self.note.setAccessibleName(self.tr("Evidence note"))
        self._note_timer = QTimer(self, singleShot=True, interval=800)
        self._note_timer.timeout.connect(self._save_note)
        self.note.textChanged.connect(self._note_changed)
        box.addWidget(self.note)
        self.photos = QHBoxLayout()
        self.photos.setSpacing(6)
        strip = QWidget()
        strip.setLayout(self.photos)
        scroll = QScrollArea()
        scroll.setWidget(strip)
        scroll.setWidgetResizable(True)
        scroll.setFixedHeight(THUMB + 30)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.photo_scroll = scroll
        box.addWidget(scroll)
        layout.addWidget(self.expert)

        foot = QHBoxLayout()
        self.add = QPushButton(self.tr("Add photo…"))
        self.add.setToolTip(self.tr("JPEG or PNG, up to 10 MB"))
        self.add.clicked.connect(self.add_photos)
        self.history = QPushButton(self.tr("History…"))
        self.history.setObjectName("link")
        self.history.setFlat(True)
        self.history.setToolTip(self.tr("Who changed this answer, when, from what to what"))
        self.history.clicked.connect(self.show_history)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
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
        evidence = self.session.evidence(self.q.id)
        if not self.note.hasFocus() and self.note.toPlainText() != evidence.note:
            self.note.blockSignals(True)
            self.note.setPlainText(evidence.note)
            self.note.blockSignals(False)
        self._show_photos(evidence.photos)

    def refresh_owner(self) -> None:
        owner = self.session.owner_answer(self.q.id)
        text = describe(self.q, owner, self.lang, self.tr("Yes"), self.tr("No"),
                        self.tr("not applicable"), self.tr("(not answered)"))
        differs = self.q.id in set(self.session.differences())
        self.owner.setText(self.tr("Owner's answer: %1").replace("%1", text)
                           + ("  " + self.tr("— corrected by the expert") if differs else ""))
        self.owner.setObjectName("differs" if differs else "muted")
        self.owner.style().unpolish(self.owner)
        self.owner.style().polish(self.owner)

    def _show_photos(self, photos: list[Any]) -> None:
        while self.photos.count():
            item = self.photos.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.photo_scroll.setVisible(bool(photos))
        if not photos:
            return
        data = self.session.store.attachments(self.session.id, {p.sha256 for p in photos})
        for photo in photos:
            tile = QWidget()
            column = QVBoxLayout(tile)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            image = QToolButton()
            image.setIconSize(QSize(THUMB, THUMB))
            pixmap = thumbnail(data.get(photo.sha256, b""), THUMB)
            image.setIcon(pixmap)
            image.setAutoRaise(True)
            image.setToolTip(f"{photo.name} · {photo.size // 1024} KB · {photo.added_by}")
            image.setAccessibleName(photo.name)
            image.clicked.connect(lambda _=False, p=photo: self.view_photo(p))
            remove = QPushButton(self.tr("Remove"))
            remove.setObjectName("link")
            remove.setFlat(True)
            remove.clicked.connect(lambda _=False, p=photo: self.remove_photo(p.sha256))
            column.addWidget(image)
            column.addWidget(remove, 0, Qt.AlignmentFlag.AlignHCenter)
            self.photos.addWidget(tile)
        self.photos.addStretch(1)

    def _result(self, error: str | None) -> None:
        self.error.setText(error or "")
        self.error.setVisible(bool(error))

    # ------------------------------------------------------------------ note

    def _note_changed(self) -> None:
        if len(self.note.toPlainText()) > MAX_NOTE_LENGTH:
            self._result(self.tr("The note is too long (at most %1 characters)").replace(
                "%1", str(MAX_NOTE_LENGTH)))
            return
        self._note_timer.start()

    def _save_note(self) -> None:
        self._result(self.controller.set_note(self.q.id, self.note.toPlainText()))
        self.history.setVisible(bool(self.session.history(self.q.id)))

    def flush(self) -> None:
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._save_note()

    # ------------------------------------------------------------------ photos

    def ask_photo_paths(self) -> list[str]:
        """The files to attach (tests replace this to skip the dialog)."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Photos (*.jpg *.jpeg *.png)"))
        return list(paths)

    def add_photos(self) -> None:
        errors = []
        for path in self.ask_photo_paths():
            _photo, error = self.controller.add_photo(self.q.id, path)
            if error:
                errors.append(error)
        self._result("\n".join(errors) or None)
        self.refresh()

    def remove_photo(self, sha256: str) -> None:
        self._result(self.controller.remove_photo(self.q.id, sha256))
        self.refresh()

    def view_photo(self, photo: Any) -> None:
        data = self.session.photo_data(photo.sha256) or b""
        dialog = QDialog(self)
        dialog.setWindowTitle(photo.name)
        box = QVBoxLayout(dialog)
        label = QLabel()
        label.setPixmap(thumbnail(data, 900))
        box.addWidget(label)
        box.addWidget(QLabel(f"{photo.name} · {photo.size // 1024} KB · {photo.added_by} · "
                             f"{photo.added_at[:16].replace('T', ' ')}"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        box.addWidget(buttons)
        dialog.open()

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
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class AuditDialog(QDialog):
    """The recorded changes: when, who, what, old value, new value."""

    def __init__(self, entries: list[AuditEntry], text: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(entries), 5)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                              self.tr("Before"), self.tr("After")])
        names = {"answer": self.tr("answer"), "owner": self.tr("owner's answer"),
                 "note": self.tr("evidence note"), "photo": self.tr("photo")}
        for row, e in enumerate(entries):
            kind = e.field.partition(".")[0]
            for col, value in enumerate((e.at[:19].replace("T", " "), e.who,
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
