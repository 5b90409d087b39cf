"""Official level: the MIIT 2024 SME digital level (一级-四级) estimated from the same answers,
with its caveat; the points of the three parts, the level of the 16 scenarios, the counts each
level asks for, the shortest path to the next level with the measures of the firm's trade, the
supports that pay only above a level, and the questions the estimate still needs. During an
expert verification, the evidence checklist per indicator (lens_checklist.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.advice.advise import Advice
from ..core.advice.official import OfficialLevel
from ..core.assessment.lens import LensResult, ScenarioResult
from ..core.assessment.lens_text import (
    estimate_line,
    level_name,
    path_sentences,
    points,
    scenario_level_name,
    unanswered,
    unanswered_names,
)
from ..core.questionnaire.values import ValueProblem
from .controller import SessionController
from .lazy import LazyRefresh
from .lens_checklist import EvidenceChecklist
from .pages import scroll_page
from .style import OK, WARN
from .tables import CardDelegate, FittedTable, TextTable


def _label(object_name: str = "", plain: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    if plain:
        label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _table(model: TextTable, stretch: int) -> FittedTable:
    view = FittedTable(model, stretch=stretch)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QTableView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


class OfficialView(LazyRefresh, QScrollArea):
    questionRequested = Signal(str)       # "Answer them": the first question the estimate needs

    def __init__(self, controller: SessionController, lang: str, advice_source: Any):
        super().__init__()
        self.controller = controller
        self.lang = lang
        self.advice_source = advice_source
        self.official: OfficialLevel | None = None
        self.checklist: EvidenceChecklist | None = None
        self._first_unanswered: str | None = None
        layout = scroll_page(self)

        self.title = _label("title")
        layout.addWidget(self.title)
        self.caveat = _label("banner")
        self.caveat.setStyleSheet("font-weight: bold; font-size: 11pt")
        layout.addWidget(self.caveat)
        self.source = _label("help")
        layout.addWidget(self.source)
        self.none = _label("banner")
        layout.addWidget(self.none)

        self.body = QWidget()
        box = QVBoxLayout(self.body)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        layout.addWidget(self.body)

        card = QFrame()
        card.setObjectName("card")
        inner = QVBoxLayout(card)
        self.caption = _label("muted")
        self.caption.setText(self.tr("Estimated official level"))
        self.level = _label("stageValue")
        self.estimate = _label()
        self.estimate.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.after = _label()
        self.after.setStyleSheet("font-weight: bold")
        for widget in (self.caption, self.level, self.estimate, self.after):
            inner.addWidget(widget)
        box.addWidget(card)
        self.not_asked = _label("banner")
        box.addWidget(self.not_asked)
        row = QHBoxLayout()
        self.unanswered = _label("muted")
        self.answer = QPushButton(self.tr("Answer them"))
        self.answer.setToolTip(self.tr("Go to the first of these questions in the "
                                       "questionnaire"))
        self.answer.clicked.connect(self._answer_clicked)
        row.addWidget(self.unanswered, 1)
        row.addWidget(self.answer, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)

        box.addWidget(self._subtitle(self.tr("The three scored parts")))
        self.parts = TextTable()
        self.parts_view = _table(self.parts, 0)
        self.parts_view.setMaximumWidth(720)
        box.addWidget(self.parts_view)

        box.addWidget(self._subtitle(self.tr("Digital operations: the 16 scenarios")))
        self.scenarios = TextTable(left=(0, 1, 2, 5))
        self.scenarios_view = _table(self.scenarios, 5)
        box.addWidget(self.scenarios_view)
        self.legend = _label("help")
        box.addWidget(self.legend)

        box.addWidget(self._subtitle(self.tr("What each level asks for")))
        self.rules = TextTable(left=(0, 1, 2))
        self.rules_view = _table(self.rules, 0)
        self.rules_view.setItemDelegateForColumn(0, CardDelegate(self.rules_view))
        box.addWidget(self.rules_view)

        self.path_title = self._subtitle("")
        box.addWidget(self.path_title)
        self.path = _label()
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.path)

        box.addWidget(self._subtitle(self.tr("Milestones: supports paid only above a level")))
        self.gates = TextTable(left=(0, 1, 2, 3))
        self.gates_view = _table(self.gates, 0)
        box.addWidget(self.gates_view)
        self.no_gates = _label("muted")
        self.no_gates.setText(self.tr("None of the supports the firm is eligible or nearly "
                                      "eligible for asks for an official level."))
        box.addWidget(self.no_gates)

        box.addWidget(self._subtitle(self.tr("Evidence checklist for the on-site rating")))
        self.expert_hint = _label("muted")
        self.expert_hint.setText(self.tr(
            "The checklist of the materials a rater asks for, indicator by indicator, appears "
            "during an expert verification (Verify on site… at the top)."))
        box.addWidget(self.expert_hint)
        self.checklist_box = QVBoxLayout()
        box.addLayout(self.checklist_box)
        layout.addStretch(1)

        controller.scoreChanged.connect(lambda _s: self.request_refresh())
        controller.projectChanged.connect(self.request_refresh)
        controller.verificationChanged.connect(self.request_refresh)
        self.refresh()

    def _subtitle(self, text: str) -> QLabel:
        label = _label("subtitle")
        label.setText(text)
        return label

    # ------------------------------------------------------------------ refresh

    def refresh(self) -> None:
        try:
            advice: Advice = self.advice_source()
        except Exception as error:
            self._no_lens(error.text(self.lang) if isinstance(error, ValueProblem) else
                          self.tr("The advice data could not be loaded: %1")
                          .replace("%1", str(error)))
            return
        official = advice.official
        self.official = official
        if official is None:
            q = self.controller.session.instrument
            self._no_lens(self.tr("No official-level lens fits the questionnaire of this "
                                  "assessment (%1 %2), so no official level is estimated.")
                          .replace("%1", q.questionnaire.title.get(self.lang))
                          .replace("%2", q.version))
            return
        today, lang = official.today, self.lang
        lens = today.lens
        self.none.hide()
        self.body.show()
        self.title.setText(lens.name.get(lang))
        self.caveat.setText(lens.label.get(lang))
        self.caveat.show()
        self.source.setText(lens.source.document.get(lang))
        self.source.show()
        self.level.setText(self._level_text(official))
        self.estimate.setText(estimate_line(today, lang))
        after = official.after
        self.after.setVisible(after is not None)
        if after is not None:
            self.after.setText(self.tr("After the project (estimate): %1 (score %2)")
                               .replace("%1", level_name(lens, after.level, lang))
                               .replace("%2", points(after.score)))
        self._fill_missing(today)
        self._fill_parts(today, after)
        self._fill_scenarios(today, after)
        self._fill_rules(today)
        self._fill_path(official)
        self._fill_gates(advice)
        self._fill_checklist(today)

    def _no_lens(self, text: str) -> None:
        self.official = None
        self.title.setText(self.tr("Official level"))
        self.none.setText(text)
        self.none.show()
        for widget in (self.caveat, self.source, self.body):
            widget.hide()

    def _level_text(self, official: OfficialLevel) -> str:
        lens, lang = official.today.lens, self.lang
        text = level_name(lens, official.today.level, lang)
        text = text[:1].upper() + text[1:]       # "below level 1" starts the line
        if official.after is not None and official.after.level != official.today.level:
            text += "  →  " + self.tr("%1 after the project").replace(
                "%1", level_name(lens, official.after.level, lang))
        return text

    def _fill_missing(self, today: LensResult) -> None:
        instrument = self.controller.session.instrument
        missing = today.not_asked
        self.not_asked.setVisible(bool(missing))
        self.not_asked.setText(self.tr(
            "The questionnaire of this assessment (version %1) does not ask %2 of the questions "
            "the estimate reads: they came with questionnaire 1.2, so those indicators count as "
            "unknown. A follow-up assessment uses the newest questionnaire and asks them.")
            .replace("%1", instrument.version).replace("%2", str(len(missing))))
        missing_now = unanswered(today, instrument)
        self._first_unanswered = missing_now[0] if missing_now else None
        self.unanswered.setText(self.tr("Unanswered questions the estimate reads: %1")
                                .replace("%1", unanswered_names(today, instrument, self.lang)))
        self.unanswered.setVisible(bool(missing_now))
        self.answer.setVisible(bool(missing_now))

    def _answer_clicked(self) -> None:
        if self._first_unanswered is not None:
            self.questionRequested.emit(self._first_unanswered)

    def _up_to(self, level: str, possible: str) -> str:
        return self.tr("%1 (up to %2)").replace("%1", level).replace("%2", possible)

    def _fill_parts(self, today: LensResult, after: LensResult | None) -> None:
        def shown(value: float, possible: float) -> str:
            return points(value) if possible <= value + 1e-9 else \
                self._up_to(points(value), points(possible))

        rows = []
        colors: dict[tuple[int, int], str] = {}
        for n, p in enumerate(today.parts):
            row = [p.part.name.get(self.lang), shown(p.points, p.possible),
                   points(p.part.points)]
            if after is not None:
                later = after.parts[n].points
                row.append(points(later))
                if later > p.points + 1e-9:
                    colors[(n, 3)] = OK
            rows.append(row)
        total = [self.tr("Total"), shown(today.score, today.score_possible), "100"]
        if after is not None:
            total.append(points(after.score))
        rows.append(total)
        head = [self.tr("Part"), self.tr("Points"), self.tr("Of")]
        if after is not None:
            head.append(self.tr("After the project"))
        self.parts.set(head, rows, colors)

    def _scenario_level(self, s: ScenarioResult) -> str:
        level = scenario_level_name(s.level, self.lang)
        if s.possible > s.level:
            return self._up_to(level, scenario_level_name(s.possible, self.lang))
        return level

    def _fill_scenarios(self, today: LensResult, after: LensResult | None) -> None:
        lang = self.lang
        star = "★" if lang == "zh" else "*"
        rows = []
        colors: dict[tuple[int, int], str] = {}
        group = None
        for n, s in enumerate(today.scenarios):
            sc = s.scenario
            name = sc.group.get(lang)
            later = after.scenarios[n] if after is not None else None
            if s.excluded:
                nxt = self.tr("Does not apply to this firm: counts as no level")
            elif s.level >= 4:
                nxt = self.tr("Top level reached")
            else:
                nxt = (scenario_level_name(s.level + 1, lang) + ("：" if lang == "zh" else ": ")
                       + sc.levels[s.level + 1].text.get(lang))
            rows.append(["" if name == group else name, sc.name.get(lang),
                         star if sc.constraint else "", self._scenario_level(s),
                         self._scenario_level(later) if later is not None else "", nxt])
            if later is not None and later.level > s.level:
                colors[(n, 4)] = OK
            group = name
        self.scenarios.set([self.tr("Group"), self.tr("Scenario"), self.tr("Constraint"),
                            self.tr("Level now"), self.tr("After the project"),
                            self.tr("The next level asks for")], rows, colors)
        self.scenarios_view.setColumnHidden(4, after is None)
        self.legend.setText(self.tr("%1 constraint scenario. A level in brackets is the "
                                    "highest the unanswered questions could still give.")
                            .replace("%1", star))

    def _fill_rules(self, today: LensResult) -> None:
        lens, lang = today.lens, self.lang
        rows = []
        lines: dict[tuple[int, int], list[tuple[str, str | None]]] = {}
        colors: dict[tuple[int, int], str] = {}
        for n, rule in enumerate(lens.levels):
            need = rule.scenarios
            at = scenario_level_name(need.level, lang)
            count, constraint = today.counts(need.level)
            reached = today.level >= rule.level
            rows.append([
                rule.name.get(lang),
                self.tr("score ≥ %1; ≥ %2 scenarios at %3 or higher, of which ≥ %4 constraint")
                .replace("%1", points(rule.min_score)).replace("%2", str(need.count))
                .replace("%3", at).replace("%4", str(need.constraint)),
                self.tr("score %1; scenarios: %2 (constraint: %3)")
                .replace("%1", points(today.score)).replace("%2", str(count))
                .replace("%3", str(constraint)),
                self.tr("reached") if reached else self.tr("not yet")])
            lines[(n, 0)] = [(rule.meaning.get(lang), None)]
            colors[(n, 3)] = OK if reached else WARN
        self.rules.set([self.tr("Level"), self.tr("Needs"), self.tr("Now"),
                        self.tr("Reached")], rows, colors, lines)

    def _fill_path(self, official: OfficialLevel) -> None:
        today, lang = official.today, self.lang
        path = official.path
        if path is None:
            self.path_title.setText(self.tr("Shortest path to the next level"))
        else:
            self.path_title.setText(self.tr("Shortest path to %1").replace(
                "%1", level_name(today.lens, path.target.level, lang)))

        def measures(key: str) -> list[str]:
            return [m.name.get(lang) for m in official.measures_for(key)]

        self.path.setText("\n".join("• " + s for s in path_sentences(today, path, lang,
                                                                       measures)))

    def _fill_gates(self, advice: Advice) -> None:
        gates = advice.gates
        official = advice.official
        self.gates_view.setVisible(bool(gates))
        self.no_gates.setVisible(not gates)
        if official is None:
            return
        lens, lang = official.today.lens, self.lang
        rows = []
        colors: dict[tuple[int, int], str] = {}
        for n, g in enumerate(gates):
            rows.append([g.policy.name.get(lang), level_name(lens, g.level, lang),
                         level_name(lens, g.before, lang) + " → " + level_name(lens, g.after,
                                                                               lang),
                         self.tr("reached") if g.reached else self.tr("not yet")])
            colors[(n, 3)] = OK if g.reached else WARN
        self.gates.set([self.tr("Support"), self.tr("Level required"),
                        self.tr("Now → after the project"), self.tr("Reached")], rows, colors)

    # ------------------------------------------------------------------ expert mode

    def _fill_checklist(self, today: LensResult) -> None:
        verifying = self.controller.session.verifying
        self.expert_hint.setVisible(not verifying)
        if self.checklist is not None and self.checklist.lens.id != today.lens.id:
            self.checklist.deleteLater()
            self.checklist = None
        if verifying and self.checklist is None:
            self.checklist = EvidenceChecklist(self.controller, today.lens, self.lang)
            self.checklist_box.addWidget(self.checklist)
        if self.checklist is not None:
            self.checklist.setVisible(verifying)
            if verifying:
                self.checklist.refresh(today)

    def flush(self) -> None:
        if self.checklist is not None:
            self.checklist.flush()
