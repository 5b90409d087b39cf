"""The questionnaire: dimensions on the left with answered/total counts, one page of question
cards per dimension, skip logic applied live, a "next unanswered" jump."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.answer_text import describe_answer
from .controller import SessionController
from .evidence_panel import EvidencePanel
from .pages import scroll_page
from .question_card import QuestionCard
from .style import ACCENT, MUTED, OK

SHOWN = ("answered", "na", "missing", "optional")


_ICONS: dict[str, QIcon] = {}


def _status_icon(state: str) -> QIcon:
    """A green check (all answered), a half-filled dot (some) or an empty ring (none)."""
    if state not in _ICONS:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state == "done":
            p.setPen(QPen(QColor(OK), 2.2))
            p.drawPolyline([QPointF(2.5, 7.5), QPointF(5.5, 10.5), QPointF(11.5, 3.5)])
        else:
            p.setPen(QPen(QColor(MUTED), 1.4))
            p.setBrush(QColor(ACCENT) if state == "partial" else Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(7, 7), 4.5, 4.5)
        p.end()
        _ICONS[state] = QIcon(pixmap)
    return _ICONS[state]


class DimensionPage(QScrollArea):
    def __init__(self) -> None:
        super().__init__()
        self.box = scroll_page(self)


class QuestionnaireView(QWidget):
    """Cards for every question of the session's instrument."""

    resultsRequested = Signal()
    positionChanged = Signal(str)   # the question the user is on

    def __init__(self, controller: SessionController, lang: str):
        super().__init__()
        self.controller = controller
        self.lang = lang
        self.cards: dict[str, QuestionCard] = {}
        self.panels: dict[str, EvidencePanel] = {}
        self.pages: dict[str, DimensionPage] = {}

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("muted")
        self.progress_label.setWordWrap(True)
        # the total is what is shown now: say so, or a growing total looks like a mistake
        self.count_note = QLabel(self.tr("The total counts the questions that need an "
                                         "answer now (optional ones once answered); "
                                         "follow-up questions add to it when an answer "
                                         "calls for them."))
        self.count_note.setObjectName("help")
        self.count_note.setWordWrap(True)
        self.dim_list = QListWidget()
        self.dim_list.setObjectName("dimensions")
        self.dim_list.setSpacing(3)
        self.dim_list.setMinimumWidth(230)
        self.dim_list.setMaximumWidth(300)
        self.dim_list.currentRowChanged.connect(self._show_dimension)
        self.stack = QStackedWidget()

        self.prev_button = QPushButton(self.tr("← Previous part"))
        self.next_unanswered = QPushButton()
        self.next_unanswered.setObjectName("primary")
        self.next_button = QPushButton(self.tr("Next part →"))
        self.prev_button.clicked.connect(lambda: self._step_dimension(-1))
        self.next_button.clicked.connect(lambda: self._step_dimension(1))
        self.next_unanswered.clicked.connect(self.jump_to_next_unanswered)
        for b in (self.prev_button, self.next_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        left = QVBoxLayout()
        left.addWidget(self.progress_label)
        left.addWidget(self.progress)
        left.addWidget(self.count_note)
        left.addWidget(self.dim_list, 1)
        keys = QLabel(self.tr("Keys: 1-9 choose · N not applicable · Enter next · "
                              "Ctrl+J next unanswered"))
        keys.setObjectName("muted")
        keys.setWordWrap(True)
        left.addWidget(keys)
        bottom = QHBoxLayout()
        bottom.addWidget(self.prev_button)
        bottom.addStretch(1)
        bottom.addWidget(self.next_unanswered)
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

        controller.scoreChanged.connect(lambda _s: self.refresh())
        controller.answerSaved.connect(self._answer_saved)
        controller.instrumentChanged.connect(self.rebuild)
        controller.verificationChanged.connect(self._verification_changed)
        self.rebuild()

    # ------------------------------------------------------------------ building

    @property
    def instrument(self) -> Any:
        return self.controller.session.instrument

    def rebuild(self) -> None:
        """(Re)create the dimension list; pages are built when first shown."""
        current = self.dim_list.currentRow()
        self.dim_list.blockSignals(True)
        self.dim_list.clear()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.cards.clear()
        self.panels.clear()
        for d in self.instrument.dimensions:
            item = QListWidgetItem(d.name.get(self.lang))
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            self.dim_list.addItem(item)
        self.dim_list.blockSignals(False)
        self.dim_list.setCurrentRow(max(0, current))
        self._show_dimension(self.dim_list.currentRow())
        self.refresh()

    def _page(self, dim_id: str) -> DimensionPage:
        page = self.pages.get(dim_id)
        if page is not None:
            return page
        page = DimensionPage()
        session = self.controller.session
        d = self.instrument.dimension_by_id[dim_id]
        dim_number = [x.id for x in self.instrument.dimensions].index(dim_id) + 1
        title = QLabel(f"{dim_number}. {d.name.get(self.lang)}")
        title.setObjectName("title")
        page.box.addWidget(title)
        if d.description:
            text = QLabel(d.description.get(self.lang))
            text.setObjectName("muted")
            text.setWordWrap(True)
            page.box.addWidget(text)
        yes, no, na = self.tr("Yes"), self.tr("No"), self.tr("not applicable")
        for q in self.instrument.by_dimension[dim_id]:
            previous = describe_answer(q, session.previous_answer(q.id), self.lang, yes, no, na)
            card = QuestionCard(q, "", self.lang, self._save, previous)   # numbered when shown
            card.set_answer(session.assessment.answers.get(q.id))
            panel = EvidencePanel(self.controller, q, self.lang)
            card.layout().addWidget(panel)
            self.panels[q.id] = panel
            card.advance.connect(self._advance)
            card.focused.connect(self.positionChanged)
            self.cards[q.id] = card
            page.box.addWidget(card)
        page.box.addStretch(1)
        self.pages[dim_id] = page
        self.stack.addWidget(page)
        self._apply_states(dim_id)
        return page

    def _save(self, action: str, question_id: str, value: Any) -> str | None:
        if action == "answer":
            return self.controller.answer(question_id, value)
        if action == "na":
            return self.controller.set_not_applicable(question_id)
        return self.controller.clear(question_id)

    def _answer_saved(self, question_id: str) -> None:
        card = self.cards.get(question_id)
        if card is not None:
            card.set_answer(self.controller.session.assessment.answers.get(question_id))
        panel = self.panels.get(question_id)
        if panel is not None:
            panel.refresh()

    def _verification_changed(self) -> None:
        for panel in self.panels.values():
            panel.refresh()

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        score = self.controller.score
        states = score.questions
        total = answered = 0
        for row in range(self.dim_list.count()):
            item = self.dim_list.item(row)
            dim_id = item.data(Qt.ItemDataRole.UserRole)
            # required questions count, optional ones only once answered
            shown = [q for q in self.instrument.by_dimension[dim_id]
                     if states[q.id].state in ("answered", "na", "missing")]
            done = [q for q in shown if states[q.id].state in ("answered", "na")]
            total += len(shown)
            answered += len(done)
            complete = len(done) == len(shown)
            item.setIcon(_status_icon("done" if complete else "partial" if done else "open"))
            item.setText(f"{self.instrument.dimension_by_id[dim_id].name.get(self.lang)}"
                         f"   {len(done)}/{len(shown)}")
        for dim_id in self.pages:
            self._apply_states(dim_id)
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(answered)
        self.progress_label.setText(self.tr("Answered %1 of %2 questions")
                                    .replace("%1", str(answered)).replace("%2", str(total)))
        missing = len(score.missing)
        self.next_unanswered.setText(self.tr("Next unanswered (%1)").replace("%1", str(missing))
                                     if missing else self.tr("All answered: see results"))

    def _apply_states(self, dim_id: str) -> None:
        """Show the questions that apply now and number them 1..n in the dimension, without
        gaps for the hidden ones."""
        states = self.controller.score.questions
        dim_number = [x.id for x in self.instrument.dimensions].index(dim_id) + 1
        n = 0
        for q in self.instrument.by_dimension[dim_id]:
            card = self.cards.get(q.id)
            if card is None:
                continue
            shown = states[q.id].state in SHOWN
            card.setVisible(shown)
            if shown:
                n += 1
                card.set_number(f"{dim_number}.{n}")

    # ------------------------------------------------------------------ navigation

    def _show_dimension(self, row: int) -> None:
        if row < 0:
            return
        dim_id = self.dim_list.item(row).data(Qt.ItemDataRole.UserRole)
        self.stack.setCurrentWidget(self._page(dim_id))
        self.prev_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.dim_list.count() - 1)

    def current_dimension(self) -> str:
        return self.dim_list.currentItem().data(Qt.ItemDataRole.UserRole)

    def _step_dimension(self, delta: int) -> None:
        row = self.dim_list.currentRow() + delta
        if 0 <= row < self.dim_list.count():
            self.dim_list.setCurrentRow(row)
            self.focus_first(self.current_dimension())

    def focus_first(self, dim_id: str) -> None:
        states = self.controller.score.questions
        questions = [q for q in self.instrument.by_dimension[dim_id]
                     if states[q.id].state in SHOWN]
        target = next((q for q in questions if states[q.id].state in ("missing", "optional")),
                      questions[0] if questions else None)
        if target is not None:
            self.focus_question(target.id)

    def resume(self, question_id: str | None) -> None:
        """Go back to where the user left off: that question if it is still shown, else the
        next unanswered one."""
        states = self.controller.score.questions
        if question_id and question_id in states and states[question_id].state in SHOWN:
            self.focus_question(question_id)
        elif self.controller.score.missing:
            self.focus_question(self.controller.score.missing[0])
        else:
            self.focus_first(self.current_dimension())

    def focus_question(self, question_id: str) -> None:
        q = self.instrument.by_id[question_id]
        row = [d.id for d in self.instrument.dimensions].index(q.dimension)
        if self.dim_list.currentRow() != row:
            self.dim_list.setCurrentRow(row)
        page = self._page(q.dimension)
        card = self.cards[question_id]
        card.setFocus()
        card.focus_input()
        QTimer.singleShot(0, card, lambda: page.ensureWidgetVisible(card, 0, 60))

    def _advance(self, question_id: str) -> None:
        """Enter on a card: the next shown question (across dimensions)."""
        states = self.controller.score.questions
        order = [q.id for q in self.instrument.questions]
        start = order.index(question_id) + 1
        for qid in order[start:]:
            if states[qid].state in SHOWN:
                self.focus_question(qid)
                return
        self.resultsRequested.emit()

    def jump_to_next_unanswered(self) -> None:
        score = self.controller.score
        if not score.missing:
            self.resultsRequested.emit()
            return
        order = [q.id for q in self.instrument.questions]
        focused = next((qid for qid, c in self.cards.items() if c.property("focused")), None)
        start = order.index(focused) + 1 if focused else 0
        missing = set(score.missing)
        for qid in order[start:] + order[:start]:
            if qid in missing:
                self.focus_question(qid)
                return

    def flush(self) -> None:
        for card in self.cards.values():
            card.flush()
        for panel in self.panels.values():
            panel.flush()
