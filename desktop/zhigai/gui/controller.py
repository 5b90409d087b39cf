"""Turns the core editing session into Qt signals for the panels of an open assessment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.assessment.model import Assessor, Photo
from ..core.assessment.photos import PhotoProblem
from ..core.assessment.plan import ProjectPlan
from ..core.assessment.scoring import Score
from ..core.questionnaire.instrument import AnswerProblem
from ..core.questionnaire.values import ValueProblem
from ..core.session.session import Session
from ..core.store.errors import StoreError
from ..core.store.url import mask_secrets
from .off_thread import off_thread
from .store_dialog import store_message

# While the connection to the database server is lost, the edits made meanwhile are tried
# again this often (milliseconds), in the order they were made.
RETRY_MS = 5000


class SessionController(QObject):
    """Every edit goes through here: validated, saved (committed) and rescored by the core."""

    scoreChanged = Signal(object)          # Score
    answerSaved = Signal(str)              # question id
    profileSaved = Signal(str)             # field id
    instrumentChanged = Signal()           # the industry changed the modules
    saveFailed = Signal(str)               # a message for the user; nothing was saved
    projectChanged = Signal()              # the project plan was saved
    evidenceChanged = Signal(str)          # question id or lens key: note, photos, ticks
    verificationChanged = Signal()         # turned into (or assessor of) an expert verification
    conflicted = Signal(object)            # StoreError "conflict": saved elsewhere since read
    connectionLost = Signal(str)           # the edits wait; a message for the banner
    connectionRestored = Signal()          # every waiting edit was saved

    def __init__(self, session: Session, lang: str = "zh"):
        super().__init__()
        self.session = session
        self.lang = lang
        self.retry: Any = None      # the edit a conflict refused: done again after a reload
        # the edits made while the database server could not be reached, oldest first: each
        # does its edit again (the session kept nothing of it); see _not_saved
        self.pending: list[Any] = []
        self._lost: StoreError | None = None   # set while the connection is lost
        self._announced = False                  # connectionLost emitted, not yet restored
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.retry_pending)

    def in_store(self, call: Any) -> Any:
        """A session call that writes to the store, made off the interface thread
        (:func:`.off_thread.off_thread`). While the connection is lost it is not tried (each
        try could wait for the connect timeout): it waits with the others."""
        if self._lost is not None:
            raise self._lost
        return off_thread(call)

    @property
    def score(self) -> Score:
        return self.session.score

    def answer(self, question_id: str, raw: Any) -> str | None:
        """Returns None when saved, else the message (invalid input or the store failing)."""
        return self._edit(lambda: self.in_store(lambda: self.session.answer(question_id, raw)),
                          question_id)

    def set_not_applicable(self, question_id: str) -> str | None:
        return self._edit(
            lambda: self.in_store(lambda: self.session.set_not_applicable(question_id)),
            question_id)

    def clear(self, question_id: str) -> str | None:
        return self._edit(lambda: self.in_store(lambda: self.session.clear(question_id)),
                          question_id)

    def _not_saved(self, error: StoreError, retry: Any = None) -> str:
        """Say that the store refused a change (shown in the page's banner); a conflict
        (someone else saved since) also asks the page to offer a reload (``retry`` does the
        refused edit again)."""
        if error.kind == "disconnected" and retry is not None:
            return self._wait(error, retry)
        message = store_message(error)
        self.saveFailed.emit(message)
        if error.kind == "conflict":
            self.retry = retry
            self.conflicted.emit(error)
        return message

    def _wait(self, error: StoreError, retry: Any) -> str:
        """The connection is lost: keep the edit to do again (nothing typed is lost), say so
        once, and try again every :data:`RETRY_MS`."""
        first = not self._announced
        self._lost, self._announced = error, True
        self.pending.append(retry)
        message = self.tr("The connection to the database server was lost. Your changes are "
                          "kept on this computer and saved as soon as it is back; Zhigai "
                          "tries again every %1 seconds.").replace("%1", str(RETRY_MS // 1000))
        if first:
            # never a password: the driver's words in their display form
            self.connectionLost.emit(message + "\n" + self.tr("Details: %1").replace(
                "%1", mask_secrets(str(error))))
        if not self._timer.isActive():
            self._timer.start()
        return message

    @property
    def waiting(self) -> int:
        """How many edits wait for the connection to come back."""
        return len(self.pending)

    def discard_pending(self) -> None:
        """Drop the waiting edits (the user chose to leave without them)."""
        self.pending.clear()
        self._lost, self._announced = None, False
        self._timer.stop()

    def retry_pending(self) -> bool:
        """Try the waiting edits again, oldest first; True when every one was saved (the
        banner goes). The first that fails for the connection stops the round: it and those
        after it wait for the next."""
        waiting, self.pending = self.pending, []
        self._lost = None
        for done, redo in enumerate(waiting):
            redo()          # saved, refused for another reason (shown), or waiting again
            if self._lost is not None:
                self.pending.extend(waiting[done + 1:])
                return False
        self._timer.stop()
        if self._announced:
            self._announced = False
            self.connectionRestored.emit()
        return True

    def _edit(self, action: Any, question_id: str) -> str | None:
        try:
            result = action()
        except AnswerProblem as problem:
            return problem.text(self.lang)
        except StoreError as error:
            return self._not_saved(error, lambda: self._edit(action, question_id))
        self.answerSaved.emit(question_id)
        self.scoreChanged.emit(result)
        return None

    def set_profile(self, field_id: str, raw: Any) -> str | None:
        before = self.session.instrument
        try:
            result = self.in_store(lambda: self.session.set_profile(field_id, raw))
        except ValueProblem as problem:
            return problem.text(self.lang)
        except StoreError as error:
            return self._not_saved(error, lambda: self.set_profile(field_id, raw))
        self.profileSaved.emit(field_id)
        if self.session.instrument is not before:
            self.instrumentChanged.emit()
        self.scoreChanged.emit(result)
        return None

    def set_project(self, plan: ProjectPlan) -> str | None:
        """Validate and save the project plan; None when saved, else the message."""
        try:
            self.in_store(lambda: self.session.set_project(plan))
        except ValueProblem as problem:
            return problem.text(self.lang)
        except StoreError as error:
            return self._not_saved(error, lambda: self.set_project(plan))
        self.projectChanged.emit()
        return None

    def project(self) -> ProjectPlan:
        """A copy of the current plan to edit (an empty plan when there is none yet)."""
        plan = self.session.assessment.project
        return plan.model_copy(deep=True) if plan is not None else ProjectPlan()

    # ------------------------------------------------------------------ expert verification

    def start_verification(self, assessor: Assessor) -> str | None:
        try:
            self.in_store(lambda: self.session.start_verification(assessor))
        except StoreError as error:
            return self._not_saved(error, lambda: self.start_verification(assessor))
        self.verificationChanged.emit()
        self.scoreChanged.emit(self.session.score)
        return None

    def _evidence(self, key: str, action: Any) -> str | None:
        """Run an evidence edit of ``key``: None when saved (evidenceChanged is emitted),
        else the message for the user."""
        try:
            self.in_store(action)
        except ValueProblem as problem:
            return problem.text(self.lang)
        except StoreError as error:
            return self._not_saved(error, lambda: self._evidence(key, action))
        self.evidenceChanged.emit(key)
        return None

    def set_note(self, question_id: str, note: str) -> str | None:
        return self._evidence(question_id, lambda: self.session.set_note(question_id, note))

    def set_checked(self, key: str, material: str, seen: bool) -> str | None:
        """Tick (or untick) a material of an indicator's evidence checklist; ``key``:
        ``<lens id>:<indicator id>``. None when saved, else the message."""
        return self._evidence(key, lambda: self.session.set_checked(key, material, seen))

    def set_confirmed(self, question_id: str, confirmed: bool) -> str | None:
        """Record that the expert checked (or no longer vouches for) an answer. None when
        saved, else the message."""
        return self._evidence(question_id,
                              lambda: self.session.set_confirmed(question_id, confirmed))

    def add_photo(self, question_id: str, path: str) -> tuple[Photo | None, str | None]:
        """Read, check and attach a photo file: (photo, None) or (None, message)."""
        from pathlib import Path

        from ..core.assessment.photos import read_photo

        try:
            data, _checked = read_photo(path)
            photo = self.in_store(
                lambda: self.session.add_photo(question_id, data, Path(path).name))
        except PhotoProblem as problem:
            return None, problem.zh if self.lang == "zh" else problem.message
        except StoreError as error:
            return None, self._not_saved(error, lambda: self.add_photo(question_id, path))
        self.evidenceChanged.emit(question_id)
        return photo, None

    def remove_photo(self, question_id: str, sha256: str) -> str | None:
        try:
            self.in_store(lambda: self.session.remove_photo(question_id, sha256))
        except StoreError as error:
            return self._not_saved(error, lambda: self.remove_photo(question_id, sha256))
        self.evidenceChanged.emit(question_id)
        return None
