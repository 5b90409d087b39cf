"""Results: the overall stage by both rules, the index, a radar chart, the table of levels with
their descriptors, the prioritized gaps and the change since last time. Updates live."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
)

from ..core.assessment import explain, verdict
from ..core.assessment.comparison import Comparison
from ..core.assessment.scoring import Score
from ..core.questionnaire.instrument import Instrument
from .controller import SessionController
from .lazy import LazyRefresh
from .pages import scroll_page
from .radar import RadarChart
from .style import ERROR, OK

Index = QModelIndex | QPersistentModelIndex


class DimensionTableModel(QAbstractTableModel):
    """Dimension, level, stage reached, change, what it looks like now, the next level."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.rows: list[tuple[str, ...]] = []
        self.deltas: list[float | None] = []

    def headers(self) -> list[str]:
        return [self.tr("Dimension"), self.tr("Level"), self.tr("Stage"), self.tr("Change"),
                self.tr("Owner's level")]

    def set_score(self, instrument: Instrument, score: Score,
                  comparison: Comparison | None, owner: Score | None = None) -> None:
        changes = {c.dimension: c.delta for c in comparison.dimensions} if comparison else {}
        owner_levels = {d.id: d.level for d in owner.dimensions} if owner else {}
        rows, deltas = [], []
        for d in score.dimensions:
            dim = instrument.dimension_by_id[d.id]
            level = "—" if d.level is None else f"{d.level:.2f}"
            stage = self.tr("not assessed") if not d.assessed else "—" if d.stage is None else \
                f"{d.stage} {instrument.stage_name(d.stage).get(self.lang)}"
            delta = changes.get(d.id)
            change = "" if delta is None else f"{delta:+.2f}"
            name = dim.name.get(self.lang) + ("" if d.core else self.tr(" (enabler)"))
            mine = owner_levels.get(d.id)
            rows.append((name, level, stage, change, "—" if mine is None else f"{mine:.2f}"))
            deltas.append(delta)
        self.beginResetModel()
        self.rows, self.deltas = rows, deltas
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            delta = self.deltas[index.row()]
            if delta:
                return QColor(OK if delta > 0 else ERROR)
        return None


class StageBox(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        self.caption = QLabel()
        self.caption.setObjectName("muted")
        self.value = QLabel()
        self.value.setObjectName("stageValue")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)


class ResultsView(LazyRefresh, QScrollArea):
    answerRequested = Signal()

    def __init__(self, controller: SessionController, lang: str):
        super().__init__()
        self.controller = controller
        self.lang = lang
        layout = scroll_page(self, spacing=12, horizontal_scroll=True)

        banner_row = QHBoxLayout()
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.go_answer = QPushButton(self.tr("Answer the rest"))
        self.go_answer.clicked.connect(self.answerRequested)
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.go_answer)
        layout.addLayout(banner_row)

        self.verdict = StageBox()
        self.verdict.detail.setObjectName("headline")
        layout.addWidget(self.verdict)
        self.rules_toggle = QToolButton()
        self.rules_toggle.setCheckable(True)
        self.rules_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.rules_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.rules_toggle.setAutoRaise(True)
        self.rules_toggle.toggled.connect(self._show_rules)
        layout.addWidget(self.rules_toggle)
        self.rule = QLabel()
        self.rule.setObjectName("muted")
        self.rule.setWordWrap(True)
        self.rule.setVisible(False)
        layout.addWidget(self.rule)
        self.change = QLabel()
        self.change.setWordWrap(True)
        layout.addWidget(self.change)
        self.verification = QLabel()
        self.verification.setObjectName("banner")
        self.verification.setWordWrap(True)
        self.verification.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.verification)

        middle = QHBoxLayout()
        self.radar = RadarChart()
        self.table_model = DimensionTableModel(lang)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        middle.addWidget(self.radar, 5)
        middle.addWidget(self.table, 6)
        layout.addLayout(middle)

        self.levels_title = QLabel(self.tr("Where each dimension stands, and its next level"))
        self.levels_title.setObjectName("subtitle")
        layout.addWidget(self.levels_title)
        levels_card = QFrame()
        levels_card.setObjectName("card")
        self.levels = QGridLayout(levels_card)
        self.levels.setHorizontalSpacing(16)
        self.levels.setVerticalSpacing(8)
        self.levels.setColumnStretch(1, 1)
        self.levels.setColumnStretch(2, 1)
        layout.addWidget(levels_card)

        self.gaps_title = QLabel(self.tr("What to improve first"))
        self.gaps_title.setObjectName("subtitle")
        layout.addWidget(self.gaps_title)
        self.gaps = QVBoxLayout()
        self.gaps.setSpacing(8)
        layout.addLayout(self.gaps)
        layout.addStretch(1)
        controller.scoreChanged.connect(lambda _s: self.request_refresh())
        controller.verificationChanged.connect(self.request_refresh)
        controller.evidenceChanged.connect(lambda _key: self._fill_verification())
        self.refresh()

    def refresh(self) -> None:
        session = self.controller.session
        instrument, score, lang = session.instrument, session.score, self.lang
        missing = len(score.missing)
        self.banner.setText(self.tr("Provisional: %1 required questions are not answered yet; "
                                    "unanswered questions are not counted as zero.")
                            .replace("%1", str(missing)))
        self.banner.setVisible(missing > 0)
        self.go_answer.setVisible(missing > 0)

        self.verdict.caption.setText(self.tr("Where your factory stands"))
        if score.stage_weakest_link is not None:
            stage = explain.stage_label(instrument, score.stage_weakest_link, lang)
        elif score.index is not None:
            stage = self.tr("Not yet determined (at least stage %1)").replace(
                "%1", str(score.weakest_at_least))
        else:
            stage = "—"
        self.verdict.value.setText(stage)
        self.verdict.detail.setText(verdict.headline(score, instrument, lang))
        index = "—" if score.index is None else f"{score.index:.1f}"
        self.rules_toggle.setText(self.tr("Index %1 / 100 · how the stage is worked out")
                                  .replace("%1", index))
        self.rule.setText("\n".join(verdict.rule_lines(score, instrument, lang)
                                     + [self.tr("The index lets strengths make up for "
                                                "weaknesses; the gates show what the firm can "
                                                "rely on everywhere.")]))

        comparison = session.comparison
        if comparison is not None:
            delta = comparison.index_delta
            parts = [self.tr("Since the assessment of %1:").replace("%1",
                                                                    comparison.previous_date)]
            if delta is not None:
                parts.append(self.tr("index %1").replace("%1", f"{delta:+.1f}"))
            parts.append(self.tr("stage by index %1 → %2")
                         .replace("%1", str(_dash(comparison.stage_index_before)))
                         .replace("%2", str(_dash(comparison.stage_index_after))))
            parts.append(self.tr("stage by the gates %1 → %2")
                         .replace("%1", str(_dash(comparison.stage_weakest_before)))
                         .replace("%2", str(_dash(comparison.stage_weakest_after))))
            self.change.setText("  ".join(parts))
        self.change.setVisible(comparison is not None)

        labels = [(d.short or d.name).get(lang) for d in instrument.dimensions]
        values = [d.level for d in score.dimensions]
        previous = None
        if comparison is not None:
            previous = [c.before for c in comparison.dimensions]
        self.radar.set_data(labels, values, previous)
        self.table_model.set_score(instrument, score, comparison, session.owner_score)
        self.table.setColumnHidden(3, comparison is None)
        self.table.setColumnHidden(4, session.owner_score is None)
        self._fill_verification()
        rows = self.table_model.rowCount()
        self.table.setFixedHeight(self.table.horizontalHeader().height()
                                  + sum(self.table.rowHeight(r) for r in range(rows)) + 4)
        self._fill_levels(instrument, score)
        self._fill_gaps(instrument, score)

    def _show_rules(self, shown: bool) -> None:
        self.rule.setVisible(shown)
        self.rules_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                       else Qt.ArrowType.RightArrow)

    def _fill_verification(self) -> None:
        session = self.controller.session
        owner = session.owner_score
        self.verification.setVisible(owner is not None)
        if owner is None:
            return
        instrument, lang = session.instrument, self.lang

        def index(value: float | None) -> str:
            return "—" if value is None else f"{value:.1f}"

        cov = session.coverage()
        lines = [self.tr("Expert verification by %1. Owner's own answers: index %2, stage %3. "
                         "Verified: index %4, stage %5.")
                 .replace("%1", session.assessment.assessor.name
                          if session.assessment.assessor else "—")
                 .replace("%2", index(owner.index))
                 .replace("%3", explain.stage_label(instrument, owner.stage_by_index, lang))
                 .replace("%4", index(session.score.index))
                 .replace("%5", explain.stage_label(instrument, session.score.stage_by_index,
                                                    lang))]
        if cov.checked:
            lines.append(self.tr("Checked %1 of %2 answers (%3%); corrected %4. The other %5 "
                                 "count as the owner gave them.")
                         .replace("%1", str(len(cov.checked)))
                         .replace("%2", str(len(cov.answers)))
                         .replace("%3", str(cov.percent))
                         .replace("%4", str(len(cov.corrected)))
                         .replace("%5", str(len(cov.unchecked))))
        else:
            lines.append(self.tr("No answer has been checked yet. Under each question, tick "
                                 "“Checked on site” once you have seen it, or correct the "
                                 "answer."))
        differences = list(cov.corrected)
        if differences:
            lines.append(self.tr("%1 answers corrected:").replace("%1", str(len(differences))))
            for qid in differences[:12]:
                lines.append("• " + instrument.by_id[qid].text.get(lang))
            if len(differences) > 12:
                lines.append("…")
        self.verification.setText("\n".join(lines))

    def _fill_levels(self, instrument: Instrument, score: Score) -> None:
        _clear(self.levels)
        heads = (self.tr("Dimension"), self.tr("Where it stands now"), self.tr("Next level"))
        for column, text in enumerate(heads):
            head = QLabel(text)
            head.setObjectName("muted")
            self.levels.addWidget(head, 0, column)
        answers = self.controller.session.assessment.answers
        for row, d in enumerate(score.dimensions, start=1):
            dim = instrument.dimension_by_id[d.id]
            now = verdict.dimension_now(d, score, instrument, answers, self.lang)
            nxt = verdict.dimension_next(d, instrument, self.lang)
            for column, text in enumerate((dim.name.get(self.lang), now, nxt)):
                label = QLabel(text)
                label.setWordWrap(True)
                label.setAlignment(Qt.AlignmentFlag.AlignTop)
                if column == 0:
                    label.setObjectName("subtitle")
                self.levels.addWidget(label, row, column)

    def _fill_gaps(self, instrument: Instrument, score: Score) -> None:
        _clear(self.gaps)
        priorities = score.priorities
        if not priorities:
            empty = QLabel(self.tr("No gaps to rank yet.") if score.index is None else
                           self.tr("Every dimension has reached the target stage."))
            empty.setObjectName("muted")
            self.gaps.addWidget(empty)
            return
        pains = explain.pain_labels(instrument, self.lang)
        target = explain.stage_label(instrument, score.target, self.lang)
        self.gaps_title.setText(self.tr("What to improve first (target stage: %1)")
                                .replace("%1", target))
        for n, gap in enumerate(priorities[:6], start=1):
            dim = instrument.dimension_by_id[gap.dimension]
            box = QFrame()
            box.setObjectName("card")
            lines = QVBoxLayout(box)
            title = QLabel(f"{n}. {dim.name.get(self.lang)}   "
                           + self.tr("priority: %1").replace(
                               "%1", verdict.priority_word(gap, priorities, self.lang)))
            title.setObjectName("subtitle")
            lines.addWidget(title)
            why = QLabel(explain.t("separator", self.lang).join(
                explain.gap_reasons(gap, instrument, pains, self.lang)))
            why.setWordWrap(True)
            lines.addWidget(why)
            if gap.next_level is not None:
                nxt = QLabel(self.tr("Next level %1: ").replace("%1", str(gap.next_level))
                             + dim.levels[gap.next_level].get(self.lang))
                nxt.setWordWrap(True)
                nxt.setObjectName("muted")
                lines.addWidget(nxt)
            for step in gap.holding_back[:3]:
                label = QLabel("• " + explain.next_step_text(step, instrument, self.lang))
                label.setWordWrap(True)
                lines.addWidget(label)
            self.gaps.addWidget(box)


def _clear(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()


def _dash(value: int | None) -> str:
    return "—" if value is None else str(value)
