"""New assessment: choose the questionnaire, fill the company profile (validated as you type),
and see which industry module the chosen industry adds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.plan import ProjectPlan
from ..core.base.paths import data_dir
from ..core.questionnaire.catalog import Catalog
from ..core.questionnaire.values import ValueProblem
from ..core.session.draft import NewDraft, delete_draft, load_draft, save_draft
from ..core.session.session import Session
from ..core.store.errors import StoreError
from .context import AppContext
from .profile_form import ProfileForm
from .store_dialog import store_message


class NewAssessmentPage(QWidget):
    created = Signal(object)   # Session
    cancelled = Signal()

    def __init__(self, ctx: AppContext, catalog: Catalog):
        super().__init__()
        self.setObjectName("page")
        self.ctx = ctx
        self.catalog = catalog
        lang = ctx.lang
        title = QLabel(self.tr("New assessment"))
        title.setObjectName("title")
        intro = QLabel(self.tr("Fill in the company profile (fields marked * are required). "
                               "It is not scored; it decides the industry questions and is used "
                               "for advice and the report."))
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.choice = QComboBox()
        for qid in catalog.ids():
            version = catalog.versions(qid)[-1]
            doc = catalog.get(qid, version)
            self.choice.addItem(f"{doc.model.title.get(lang)}  ({version})", (qid, version))
        self._index = self.choice.currentIndex()
        self.choice.currentIndexChanged.connect(self._questionnaire_changed)
        choose = QHBoxLayout()
        label = QLabel(self.tr("&Questionnaire:"))
        label.setBuddy(self.choice)
        choose.addWidget(label)
        choose.addWidget(self.choice, 1)

        self.modules = QLabel()
        self.modules.setObjectName("banner")
        self.modules.setWordWrap(True)
        self.modules.hide()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside
        self.form: ProfileForm | None = None
        self._empty: dict[str, Any] = {}   # the values of the untouched form
        self._done = False                 # created or discarded: leave without asking
        # the form as typed so far survives a restart (saved after a short pause)
        self._draft_timer = QTimer(self, singleShot=True, interval=700)
        self._draft_timer.timeout.connect(self.save_draft)
        self.restored = QFrame()   # "restored the draft", in the colours of the banners
        self.restored.setObjectName("restored")
        self.restored.setStyleSheet("QFrame#restored { background: #fff4e5; "
                                    "border: 1px solid #f0c36d; border-radius: 4px; }")
        restored_row = QHBoxLayout(self.restored)
        restored_row.setContentsMargins(8, 4, 8, 4)
        restored_row.addWidget(QLabel(self.tr("Restored the form you had not finished")), 1)
        self.clear_draft = QPushButton(self.tr("C&lear"))
        self.clear_draft.setToolTip(self.tr("Start again with an empty form"))
        self.clear_draft.clicked.connect(self._clear)
        restored_row.addWidget(self.clear_draft)
        self.restored.hide()

        self.problem = QLabel()
        self.problem.setObjectName("errorBanner")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.create = QPushButton(self.tr("&Create and start"))
        self.create.setObjectName("primary")
        self.create.setDefault(True)
        self.cancel.clicked.connect(self._cancel)
        self.create.clicked.connect(self._create)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.create)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(choose)
        layout.addWidget(self.restored)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.modules)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self._build_form()
        self._restore_draft()

    def _selected(self) -> tuple[str, str]:
        data = self.choice.currentData()
        return data[0], data[1]

    def _build_form(self, values: dict[str, Any] | None = None) -> None:
        qid, version = self._selected()
        instrument = self.catalog.instrument(qid, version)
        self.form = ProfileForm(instrument, self.ctx.lang)
        self._empty = self._raws()
        for fid, value in (values or {}).items():
            if fid in self.form.editors:
                self.form.editors[fid].set_value(value)
        for editor in self.form.editors.values():
            editor.edited.connect(self._draft_timer.start)
        holder = QWidget()
        holder.setObjectName("page")
        box = QVBoxLayout(holder)
        box.addWidget(self.form)
        self.scroll.setWidget(holder)
        industry = instrument.field_for_role("industry")
        if industry is not None:
            self.form.editors[industry.id].edited.connect(self._industry_changed)
        self._industry_changed()
        # Tab order: the fields, then Create and Cancel, then the questionnaire choice
        fields = [w for w in self.form.findChildren(QWidget)
                  if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if fields:
            QWidget.setTabOrder(fields[-1], self.create)
        QWidget.setTabOrder(self.create, self.cancel)
        QWidget.setTabOrder(self.cancel, self.choice)
        self._focus_first()

    def _focus_first(self) -> None:
        first = next(iter(self.form.editors), None) if self.form is not None else None
        if first:
            self.form.focus_field(first)  # type: ignore[union-attr]

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_shown", False):  # the first field, once the page is on screen
            self._shown = True
            QTimer.singleShot(0, self, self._focus_first)

    def _industry_changed(self) -> None:
        qid, version = self._selected()
        instrument = self.catalog.instrument(qid, version)
        field = instrument.field_for_role("industry")
        if self.form is None or field is None:
            return
        industry = self.form.editors[field.id].raw()
        added = self.catalog.instrument(qid, version, industry).modules if industry else ()
        if added:
            lang = self.ctx.lang
            names = "、".join(m.title.get(lang) for m in added) if lang == "zh" else \
                ", ".join(m.title.get(lang) for m in added)
            count = sum(len(m.questions) for m in added)
            self.modules.setText(self.tr("This industry adds: %1 (%2 questions)")
                                 .replace("%1", names).replace("%2", str(count)))
        self.modules.setVisible(bool(added))

    def _create(self) -> None:
        assert self.form is not None
        raws, invalid = self.form.values(force=True)
        if invalid:
            self.form.focus_field(invalid[0])
            names = [self.form.editors[f].field.label.get(self.ctx.lang) for f in invalid]
            joined = "、".join(names) if self.ctx.lang == "zh" else ", ".join(names)
            self.problem.setText(self.tr("Please check: %1").replace("%1", joined))
            self.problem.show()
            return
        store = self.ctx.store
        if store is None:
            return
        qid, version = self._selected()
        try:
            session = Session.create(store, self.catalog, qid, version, profile=raws,
                                     project=_starting_plan(), editor=self.ctx.editor())
        except ValueProblem as problem:
            self.problem.setText(problem.text(self.ctx.lang))
            self.problem.show()
            return
        except StoreError as error:
            QMessageBox.warning(self, self.tr("New assessment"), store_message(error))
            return
        self._done = True
        self._draft_timer.stop()
        delete_draft(data_dir())
        self.created.emit(session)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._cancel()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ nothing typed is lost

    def _raws(self) -> dict[str, Any]:
        return {fid: e.raw() for fid, e in self.form.editors.items()} if self.form else {}

    def typed(self) -> dict[str, Any]:
        """The fields the user filled in (those that differ from the untouched form)."""
        return {fid: raw for fid, raw in self._raws().items() if raw != self._empty.get(fid)}

    def has_content(self) -> bool:
        return bool(self.typed())

    def _questionnaire_changed(self, index: int) -> None:
        typed = self.typed()
        qid, version = self._selected()
        fields = self.catalog.instrument(qid, version).profile_fields
        lost = [fid for fid in typed if fid not in fields]
        if lost and self.form is not None and not self.ask_switch(
                [self.form.editors[f].field.label.get(self.ctx.lang) for f in lost]):
            self.choice.blockSignals(True)
            self.choice.setCurrentIndex(self._index)
            self.choice.blockSignals(False)
            return
        self._index = index
        self._build_form({fid: raw for fid, raw in typed.items() if fid in fields})
        self._draft_timer.start()

    def ask_switch(self, lost: list[str]) -> bool:
        """Yes to switch the questionnaire although the fields ``lost`` are cleared."""
        names = "、".join(lost) if self.ctx.lang == "zh" else ", ".join(lost)
        answer = QMessageBox.question(
            self, self.tr("Switch the questionnaire?"),
            self.tr("This questionnaire does not ask for %1; what you typed there will be "
                    "cleared.").replace("%1", names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _restore_draft(self) -> None:
        draft = load_draft(data_dir())
        if draft is None:
            return
        # the questionnaire's newest version (the only one offered; findData cannot match
        # a tuple, which Qt compares by identity)
        index = next((i for i in range(self.choice.count())
                      if self.choice.itemData(i)[0] == draft.questionnaire), -1)
        if index < 0:
            return     # a questionnaire not installed here: the draft stays for later
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(index)
        self.choice.blockSignals(False)
        self._index = index
        self._build_form(draft.values)
        self.restored.setVisible(self.has_content())
        if self.form is not None:
            self.form.validityChanged.emit(self.form.is_valid())

    def save_draft(self) -> None:
        """Keep what is typed for the next start (deleted when nothing is typed)."""
        self._draft_timer.stop()
        if self._done:
            return
        typed = self.typed()
        qid, version = self._selected()
        try:
            if typed:
                save_draft(data_dir(), NewDraft(qid, version, typed))
            else:
                delete_draft(data_dir())
        except OSError:
            pass  # a draft that cannot be written must not interrupt the typing

    def keep_as_draft(self) -> None:
        """Leave without asking, what is typed kept as the draft (the page is rebuilt)."""
        self.save_draft()
        self._done = True

    def _clear(self) -> None:
        self._draft_timer.stop()
        delete_draft(data_dir())
        self.restored.hide()
        self._build_form()

    def confirm_leave(self) -> bool:
        """True to leave the page: nothing typed, or the user chose to discard it (the draft
        is deleted then)."""
        if self._done:
            return True
        if self.has_content() and not self.ask_discard():
            return False
        self._done = True
        self._draft_timer.stop()
        delete_draft(data_dir())
        return True

    def ask_discard(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("New assessment"),
                          self.tr("Discard this unsaved new assessment?"), parent=self)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def _cancel(self) -> None:
        if self.confirm_leave():
            self.cancelled.emit()


def _starting_plan() -> ProjectPlan | None:
    """A new assessment starts with the policy catalogue chosen in the settings (if any)."""
    from ..core.base import settings as prefs

    chosen = prefs.settings().catalogue
    return ProjectPlan(catalogues=[chosen]) if chosen else None
