"""The expert's evidence for one key (a question id, or ``<lens id>:<indicator id>`` for an
official-level indicator): a note saved as you type, photos as thumbnails that open larger and
can be removed, an "Add photo…" button and an error line. Shared by the evidence panel under
each question card and the checklist of the official-level tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.model import MAX_NOTE_LENGTH
from .controller import SessionController
from .screen_fit import ElidedLabel, fitting

THUMB = 88


def thumbnail(data: bytes, side: int) -> QPixmap:
    image = QImage.fromData(data)
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


class NoteEdit(QPlainTextEdit):
    """An evidence note saved as you type (after a short pause, or at once by ``flush``); a
    note longer than the limit is refused with a message and not saved."""

    problem = Signal(str)            # the message to show ("" when saved)
    saved = Signal()

    def __init__(self, save: Callable[[str], str | None], parent: QWidget | None = None):
        super().__init__(parent)
        self._save_note = save
        self.setTabChangesFocus(True)
        self.setPlaceholderText(self.tr("Evidence note: what you saw, documents checked, "
                                        "who you spoke to (saved as you type)"))
        self.setAccessibleName(self.tr("Evidence note"))
        self._timer = QTimer(self, singleShot=True, interval=800)
        self._timer.timeout.connect(self._save)
        self.textChanged.connect(self._changed)

    def show_note(self, note: str) -> None:
        """Show the saved note (not while the user is typing in it)."""
        if not self.hasFocus() and self.toPlainText() != note:
            self.blockSignals(True)
            self.setPlainText(note)
            self.blockSignals(False)

    def _changed(self) -> None:
        if len(self.toPlainText()) > MAX_NOTE_LENGTH:
            self._timer.stop()
            self.problem.emit(self.tr("The note is too long (at most %1 characters)")
                              .replace("%1", str(MAX_NOTE_LENGTH)))
            return
        self._timer.start()

    def _save(self) -> None:
        error = self._save_note(self.toPlainText())
        self.problem.emit(error or "")
        if error is None:
            self.saved.emit()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._save()


class PhotoStrip(QScrollArea):
    """A row of thumbnails, each opening the photo larger, with a "Remove" link under it;
    hidden while there is no photo."""

    removeRequested = Signal(str)    # sha256

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = QHBoxLayout()
        self.row.setSpacing(6)
        strip = QWidget()
        strip.setLayout(self.row)
        self.setWidget(strip)
        self.setWidgetResizable(True)
        self.setFixedHeight(THUMB + 30)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.tiles: list[tuple[QToolButton, QPushButton]] = []   # (thumbnail, remove)
        self.hide()

    def show_photos(self, session: Any, photos: list[Any]) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.tiles = []
        self.setVisible(bool(photos))
        if not photos:
            return
        data = session.store.attachments(session.id, {p.sha256 for p in photos})
        for photo in photos:
            tile = QWidget()
            column = QVBoxLayout(tile)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            image = QToolButton()
            image.setIconSize(QSize(THUMB, THUMB))
            image.setIcon(thumbnail(data.get(photo.sha256, b""), THUMB))
            image.setAutoRaise(True)
            image.setToolTip(f"{photo.name} · {photo.size // 1024} KB · {photo.added_by}")
            image.setAccessibleName(photo.name)
            image.clicked.connect(lambda _=False, p=photo: view_photo(self, session, p))
            remove = QPushButton(self.tr("Remove"))
            remove.setObjectName("link")
            remove.setFlat(True)
            remove.clicked.connect(lambda _=False, p=photo: self.removeRequested.emit(p.sha256))
            column.addWidget(image)
            column.addWidget(remove, 0, Qt.AlignmentFlag.AlignHCenter)
            self.row.addWidget(tile)
            self.tiles.append((image, remove))
        self.row.addStretch(1)


def view_photo(parent: QWidget, session: Any, photo: Any) -> QDialog:
    """The photo, larger, in a dialog (not modal)."""
    data = session.photo_data(photo.sha256) or b""
    dialog = QDialog(parent)
    dialog.setWindowTitle(photo.name)
    box = QVBoxLayout(dialog)
    label = QLabel()
    # no larger than the screen (1093x614 at 125%), with room for the caption, the button and
    # a task bar the screen may not report
    room = fitting(dialog, 900, 900)
    label.setPixmap(thumbnail(data, max(120, min(room.width() - 24, room.height() - 140))))
    box.addWidget(label)
    caption = ElidedLabel()                    # a long file name ends in …, whole in the tip
    caption.setText(f"{photo.name} · {photo.size // 1024} KB · {photo.added_by} · "
                    f"{photo.added_at[:16].replace('T', ' ')}")
    box.addWidget(caption)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    box.addWidget(buttons)
    dialog.open()
    return dialog


class EvidenceFields(QObject):
    """The note, photos, "Add photo…" button and error line of one evidence key, for the
    owner widget to lay out; ``ask_paths`` chooses the photo files (the file dialog when
    None)."""

    saved = Signal()                 # the note or the photos changed in the store

    def __init__(self, controller: SessionController, key: str, owner: QWidget,
                 ask_paths: Callable[[], list[str]] | None = None):
        super().__init__(owner)
        self.controller = controller
        self.key = key
        self.owner = owner
        self._ask_paths = ask_paths or self.ask_photo_paths
        self.note = NoteEdit(lambda text: controller.set_note(key, text))
        self.note.problem.connect(self.show_error)
        self.note.saved.connect(self.saved)
        self.photos = PhotoStrip()
        self.photos.removeRequested.connect(self.remove_photo)
        self.add = QPushButton(self.tr("Add photo…"))
        self.add.setToolTip(self.tr("JPEG or PNG, up to 10 MB"))
        self.add.clicked.connect(self.add_photos)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()

    @property
    def session(self) -> Any:
        return self.controller.session

    def refresh(self) -> None:
        evidence = self.session.evidence(self.key)
        self.note.show_note(evidence.note)
        self.photos.show_photos(self.session, evidence.photos)

    def show_error(self, error: str | None) -> None:
        self.error.setText(error or "")
        self.error.setVisible(bool(error))

    def flush(self) -> None:
        self.note.flush()

    def ask_photo_paths(self) -> list[str]:
        paths, _filter = QFileDialog.getOpenFileNames(
            self.owner, self.tr("Add photos"), "", self.tr("Photos (*.jpg *.jpeg *.png)"))
        return list(paths)

    def add_photos(self) -> None:
        errors = []
        added = False
        for path in self._ask_paths():
            photo, error = self.controller.add_photo(self.key, path)
            if error:
                errors.append(error)
            added = added or photo is not None
        self.show_error("\n".join(errors) or None)
        self.refresh()
        if added:
            self.saved.emit()

    def remove_photo(self, sha256: str) -> None:
        error = self.controller.remove_photo(self.key, sha256)
        self.show_error(error)
        self.refresh()
        if error is None:
            self.saved.emit()
