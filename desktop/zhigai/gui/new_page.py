"""New assessment: choose the questionnaire, fill the company profile (validated as you type),
and see which industry module the chosen industry adds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.plan import ProjectPlan
from ..core.questionnaire.catalog import Catalog
from ..core.questionnaire.values import ValueProblem
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
        self.choice.currentIndexChanged.connect(self._build_form)
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

        self.problem = QLabel()
        self.problem.setObjectName("errorBanner")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.create = QPushButton(self.tr("&Create and start"))
        self.create.setObjectName("primary")
        self.create.setDefault(True)
        self.cancel.clicked.connect(self.cancelled)
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
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.modules)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self._build_form()

    def _selected(self) -> tuple[str, str]:
        data = self.choice.currentData()
        return data[0], data[1]

    def _build_form(self) -> None:
        qid, version = self._selected()
        instrument = self.catalog.instrument(qid, version)
        self.form = ProfileForm(instrument, self.ctx.lang)
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
            QTimer.singleShot(0, self._focus_first)

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
        self.created.emit(session)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


def _starting_plan() -> ProjectPlan | None:
    """A new assessment starts with the policy catalogue chosen in the settings (if any)."""
    from ..core.base import settings as prefs

    chosen = prefs.settings().catalogue
    return ProjectPlan(catalogues=[chosen]) if chosen else None
