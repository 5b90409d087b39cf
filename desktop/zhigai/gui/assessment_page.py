"""An open assessment: company profile, questionnaire and results in tabs, with a saved
indicator. Every edit is already saved when the indicator updates."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.base import settings as prefs
from ..core.session.session import Session
from .bank_file_view import BankFileView
from .controller import SessionController
from .financing_view import FinancingView
from .official_view import OfficialView
from .plan_view import PlanView
from .profile_form import ProfileForm
from .questionnaire_view import QuestionnaireView
from .results_view import ResultsView
from .screen_fit import ElidedLabel
from .store_dialog import store_message
from .supports_view import SupportsView


class AssessmentPage(QWidget):
    backRequested = Signal()
    reloadRequested = Signal(int)   # the session was reloaded: rebuild the page at this tab

    def __init__(self, session: Session, lang: str, advice_data: Any = None):
        super().__init__()
        self.setObjectName("page")
        self.controller = SessionController(session, lang)
        self.lang = lang
        self.advice_data = advice_data or _bundled_advice_data

        self.back = QPushButton(self.tr("← All assessments"))
        self.back.clicked.connect(self._back)
        self.title = ElidedLabel(shortest=240)
        self.title.setObjectName("title")
        self.saved = ElidedLabel()
        self.saved.setObjectName("muted")
        self.error = QLabel()
        self.error.setObjectName("errorBanner")
        self.error.setWordWrap(True)
        self.error.hide()
        # the connection to the database server is lost: the edits wait (controller.pending)
        self.offline = QFrame()
        self.offline.setObjectName("banner")
        offline_row = QHBoxLayout(self.offline)
        offline_row.setContentsMargins(8, 4, 8, 4)
        self.offline_text = QLabel()
        self.offline_text.setWordWrap(True)
        self.retry_now = QPushButton(self.tr("Try again now"))
        self.retry_now.clicked.connect(lambda: self.controller.retry_pending())
        offline_row.addWidget(self.offline_text, 1)
        offline_row.addWidget(self.retry_now)
        self.offline.hide()
        head = QHBoxLayout()
        head.addWidget(self.back)
        head.addSpacing(12)
        head.addWidget(self.title, 1)
        head.addWidget(self.saved)
        head.addSpacing(12)
        self.verified = ElidedLabel(shortest=140)
        self.verified.setObjectName("verified")
        head.addWidget(self.verified)
        self.verify = QPushButton()
        self.verify.clicked.connect(self.start_verification)
        head.addWidget(self.verify)
        self.bundle = QPushButton(self.tr("Export bundle…"))
        self.bundle.setToolTip(self.tr("Save this assessment with its photos as a .zhigai file "
                                       "to import on another computer (Ctrl+Shift+E)"))
        self.bundle.clicked.connect(self.export_bundle)
        head.addWidget(self.bundle)
        self.export = QPushButton(self.tr("Export PDF…"))
        self.export.setToolTip(self.tr("Print the report for the bank or the file (Ctrl+E)"))
        self.export.clicked.connect(self.export_pdf)
        head.addWidget(self.export)

        self.profile = ProfileForm(session.instrument, lang, self.controller.set_profile,
                                   self.controller.session.profile_change)  # asks first
        self.profile.set_values(session.assessment.profile)
        profile_scroll = QScrollArea()
        profile_scroll.setWidgetResizable(True)
        holder = QWidget()
        holder.setObjectName("page")
        box = QVBoxLayout(holder)
        box.setContentsMargins(16, 12, 16, 16)
        box.addWidget(self.profile)
        profile_scroll.setWidget(holder)

        self.questions = QuestionnaireView(self.controller, lang)
        self.results = ResultsView(self.controller, lang)
        self.tabs = QTabWidget()
        self.tabs.addTab(profile_scroll, self.tr("Company profile"))
        self.tabs.addTab(self.questions, self.tr("Questionnaire"))
        self.tabs.addTab(self.results, self.tr("Results"))

        def advice() -> Any:
            return self.controller.session.advice(self.advice_data(), self.lang)

        self.official = OfficialView(self.controller, lang, advice)
        self.tabs.addTab(self.official, self.tr("Official level"))
        self.plan = PlanView(self.controller, lang, advice, self.advice_data)
        self.supports = SupportsView(self.controller, lang, advice, self.advice_data)
        self.financing = FinancingView(self.controller, lang, advice, self.advice_data)
        self.bank_file = BankFileView(self.controller, lang)
        self.tabs.addTab(self.plan, self.tr("Plan"))
        self.tabs.addTab(self.supports, self.tr("Supports"))
        self.tabs.addTab(self.financing, self.tr("Financing"))
        self.tabs.addTab(self.bank_file, self.tr("Bank file"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.questions.resultsRequested.connect(lambda: self.tabs.setCurrentWidget(self.results))
        self.results.answerRequested.connect(self._answer_rest)
        self.official.questionRequested.connect(self._show_question)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(head)
        from ..core.app.sample import is_sample

        self.sample_banner: QLabel | None = None
        if is_sample(session.id):
            self.sample_banner = QLabel(self.tr(
                "Sample assessment: a fictional firm to explore Zhigai. Change anything you "
                "like; delete it from the list of assessments when you are done."))
            self.sample_banner.setObjectName("banner")
            self.sample_banner.setWordWrap(True)
            layout.addWidget(self.sample_banner)
        if session.problems:  # stored by an earlier release: say what to correct
            shown = "\n".join(f"• {p.text(lang)}" if p.field == "project" else
                               f"• {p.field}: {p.text(lang)}" for p in session.problems[:5])
            more = len(session.problems) - 5
            stored = QLabel(self.tr("Some stored values cannot be used and are left out of the "
                                    "results until they are corrected:") + "\n" + shown
                            + (self.tr("\n… and %1 more").replace("%1", str(more))
                               if more > 0 else ""))
            stored.setObjectName("banner")
            stored.setWordWrap(True)
            layout.addWidget(stored)
            self.stored_problems: QLabel | None = stored
        else:
            self.stored_problems = None
        layout.addWidget(self.error)
        layout.addWidget(self.offline)
        layout.addWidget(self.tabs, 1)

        self.questions.positionChanged.connect(self._remember_position)
        self.controller.answerSaved.connect(self._saved)
        self.controller.profileSaved.connect(self._profile_saved)
        self.controller.saveFailed.connect(self._save_failed)
        self.controller.conflicted.connect(self._conflicted)
        self.controller.connectionLost.connect(self._connection_lost)
        self.controller.connectionRestored.connect(self._connection_restored)
        self.controller.projectChanged.connect(self._project_saved)
        self._project_saved()
        for index in range(self.tabs.count()):
            key = f"Ctrl+{index + 1}"
            QShortcut(QKeySequence(key), self, lambda i=index: self.tabs.setCurrentIndex(i))
        QShortcut(QKeySequence("Ctrl+J"), self, self._answer_rest)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_pdf)
        QShortcut(QKeySequence("Ctrl+Shift+E"), self, self.export_bundle)
        self.controller.verificationChanged.connect(self._update_title)
        self._update_title()
        self.saved.setText(self.tr("All changes are saved automatically"))
        self._resolving = False

    def _remember_position(self, question_id: str) -> None:
        prefs.current().set_resume(self.session.id, question_id)

    def last_position(self) -> str | None:
        return prefs.current().resume(self.session.id)

    @property
    def session(self) -> Session:
        return self.controller.session

    def _update_title(self) -> None:
        session = self.session
        name = session.assessment.profile_by_role(session.instrument, "company_name")
        q = session.instrument
        self.title.setText(str(name or self.tr("New assessment")))
        self.title.setToolTip(f"{q.questionnaire.title.get(self.lang)} {q.version}")
        assessor = session.assessment.assessor
        if session.verifying and assessor is not None:
            self.verified.setText(self.tr("Expert-verified · %1").replace(
                "%1", assessor.name + ((f"（{assessor.organisation}）" if self.lang == "zh"
                                        else f" ({assessor.organisation})")
                                       if assessor.organisation else "")))
            self.verify.setText(self.tr("Assessor…"))
            self.verify.setToolTip(self.tr("Change the assessor recorded for this verification"))
        else:
            self.verify.setText(self.tr("Verify on site…"))
            self.verify.setToolTip(self.tr("As an expert, confirm or correct the owner's answers "
                                           "and record evidence; the owner's answers are kept"))
        self.verified.setVisible(session.verifying)

    def ask_assessor(self) -> Any:
        """The assessor for a verification (tests replace this to skip the dialog)."""
        from PySide6.QtWidgets import QDialog

        from .assessor_dialog import AssessorDialog

        explain = "" if self.session.verifying else self.tr(
            "You are about to verify this assessment as an expert. The owner's answers stay "
            "as they are and are shown beside each question; what you change is recorded with "
            "your name. Results and the report show where the two differ.")
        dialog = AssessorDialog(self, explain, self.session.assessment.assessor)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.assessor()

    def start_verification(self) -> None:
        assessor = self.ask_assessor()
        if assessor is None:
            return
        error = self.controller.start_verification(assessor)
        if error is None:
            self.saved.setText(self.tr("Verification started: the owner's answers are kept"))

    def ask_bundle_path(self, suggested: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export bundle"), suggested, self.tr("Zhigai bundle (*.zhigai)"))
        return path or None

    def export_bundle(self) -> Any:
        """Write this assessment (and its photos) to a .zhigai file."""
        from pathlib import Path

        from PySide6.QtWidgets import QMessageBox

        from ..core.exchange.bundle import SUFFIX, BundleError, export_bundle
        from ..core.store.errors import StoreError

        self.flush()
        name = str(self.session.assessment.profile_by_role(self.session.instrument,
                                                           "company_name") or "assessment")
        folder = prefs.current().folder("bundle", str(Path.home()))
        suggested = str(Path(folder) / f"{name}-{_dt.date.today().isoformat()}{SUFFIX}")
        path = self.ask_bundle_path(suggested)
        if not path:
            return None
        if not path.endswith(SUFFIX):
            path += SUFFIX
        try:
            written = export_bundle(self.session.store, self.session.id, path)
        except (BundleError, StoreError) as error:
            text = error.text(self.lang) if isinstance(error, BundleError) else str(error)
            QMessageBox.warning(self, self.tr("Export bundle"), text)
            return None
        prefs.current().set_folder("bundle", written.parent)
        self.saved.setText(self.tr("Bundle saved: %1").replace("%1", str(written)))
        return written

    def _saved(self, _question_id: str) -> None:
        self.error.hide()
        self.saved.setText(self.tr("Saved %1").replace(
            "%1", _dt.datetime.now().strftime("%H:%M:%S")))

    def _profile_saved(self, field_id: str) -> None:
        self._saved(field_id)
        self._update_title()
        # saved from another page (the plan's project description): the form shows it too
        self.profile.show_saved(field_id, self.controller.session.assessment.profile.get(field_id))

    def _conflicted(self, error: object) -> None:
        """Someone else saved since this page opened: asked once the edit has returned."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self, lambda: self.resolve_conflict(error))

    def resolve_conflict(self, error: object) -> None:
        """Say who changed what, then reload (their changes shown), perhaps redo the refused
        edit, or merge the two field by field; then ask the window to rebuild the page."""
        from ..core.store.errors import StoreError
        from .conflict_dialog import ask_after_conflict

        if self._resolving:
            return
        self._resolving = True
        choice = ask_after_conflict(self, self.session, error, self.lang)
        retry = self.controller.retry
        self.controller.retry = None
        try:
            if choice == "merge":
                self._merge(error)
            self.controller.in_store(self.session.reload)
        except StoreError as failed:
            self._save_failed(store_message(failed))
            self._resolving = False
            return
        if choice == "again" and retry is not None:
            retry()
        self.reloadRequested.emit(self.tabs.currentIndex())

    def _merge(self, error: Any) -> None:
        """The stored copy and this one with the refused edit, field by field (the dialog
        of bundles edited on two computers); saved as chosen, or nothing on Cancel. When
        someone saves again while the dialog is open, the merge is refused: the page says
        so and compares again, against what is stored now. Raises StoreError when the store
        cannot be read or written."""
        from PySide6.QtWidgets import QDialog, QMessageBox

        from ..core.exchange.merge import apply_import, plan_merge
        from ..core.store.errors import StoreError
        from .merge_dialog import MergeDialog

        store, session = self.session.store, self.session
        while True:
            plan = self.controller.in_store(
                lambda: plan_merge(store, error.mine, error.mine_photos))
            if plan.status != "diverged":
                return   # they saved the same: nothing to choose
            dialog = MergeDialog(plan, session.instrument, self.lang, self, live=True)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choices = dialog.choices()
            try:
                self.controller.in_store(lambda plan=plan, choices=choices: apply_import(
                    store, session.catalog, plan, choices, session.who,
                    session.editor.machine))
                return
            except StoreError as refused:
                if refused.kind != "conflict":
                    raise
            QMessageBox.information(
                self, self.tr("Saved again meanwhile"),
                self.tr("Someone saved this assessment again while you were comparing, so "
                        "your choices were not saved. The comparison opens again with what "
                        "is stored now: please choose once more."))

    def _connection_lost(self, message: str) -> None:
        self.offline_text.setText(message)
        self.offline.show()
        self.saved.setText(self.tr("Not saved yet: waiting for the database server"))

    def _connection_restored(self) -> None:
        self.offline.hide()
        self.error.hide()
        self.saved.setText(self.tr("Connection back: every change is saved"))

    def confirm_leave(self) -> bool:
        """True to leave the page: every edit is saved, or the user chooses to drop those
        still waiting for a lost connection (else the page stays, and they wait)."""
        from PySide6.QtWidgets import QMessageBox

        self.flush()
        if not self.controller.pending or self.controller.retry_pending():
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changes not saved yet"),
                          self.tr("%1 of your changes are not saved yet: the connection to "
                                  "the database server is lost. Stay on this page and they "
                                  "are saved as soon as it is back.").replace(
                              "%1", str(self.controller.waiting)), parent=self)
        stay = box.addButton(self.tr("&Stay and wait"), QMessageBox.ButtonRole.RejectRole)
        drop = box.addButton(self.tr("&Leave without them"),
                             QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        if box.clickedButton() is not drop:
            return False
        self.controller.discard_pending()
        return True

    def _save_failed(self, message: str) -> None:
        self.error.setText(self.tr("Not saved: %1").replace("%1", message))
        self.error.show()

    def _project_saved(self) -> None:
        """The profile shows the plan's total while the plan has items (one project)."""
        from .plan_view import wan

        plan = self.controller.session.assessment.project
        has_items = plan is not None and bool(plan.items)
        self.profile.show_plan_total("project_cost",
                                     wan(str(plan.total())) if plan and has_items else None,
                                     len(plan.items) if plan else 0)

    def _tab_changed(self, index: int) -> None:
        self.flush()
        if self.tabs.widget(index) is self.questions:
            self.questions.focus_first(self.questions.current_dimension())

    def export_pdf(self) -> Any:
        """Ask what to print and where, then make the report in the background."""
        from .export_dialog import export_report

        self.flush()
        return export_report(self, self.session, self.lang, self.advice_data(),
                             self._exported)

    def _exported(self, path: Any) -> None:
        self.saved.setText(self.tr("Report saved: %1").replace("%1", str(path)))

    def _answer_rest(self) -> None:
        self.tabs.setCurrentWidget(self.questions)
        self.questions.jump_to_next_unanswered()

    def show_questions(self) -> None:
        self.tabs.setCurrentWidget(self.questions)

    def _show_question(self, question_id: str) -> None:
        self.tabs.setCurrentWidget(self.questions)
        self.questions.focus_question(question_id)

    def flush(self) -> None:
        self.profile.flush()
        self.questions.flush()
        self.official.flush()

    def _back(self) -> None:
        self.flush()
        self.backRequested.emit()

    def keyPressEvent(self, event: object) -> None:  # Escape goes back home
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self._back()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]


def _bundled_advice_data() -> Any:
    from ..core.advice.data import default_advice_data

    return default_advice_data()
