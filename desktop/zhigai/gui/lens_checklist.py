"""The on-site evidence checklist of an official-level lens, for an expert verification: the
completeness per part, then per indicator (scored item or scenario) what the answers give, the
materials a rater asks for as ticks, a note saved as you type and photos."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.lens import LensResult
from ..core.assessment.lens_evidence import (
    SCENARIO_PART,
    SCENARIO_PART_NAME,
    Indicator,
    completeness,
    evidence_key,
    indicators,
    seen,
)
from ..core.assessment.lens_text import points, scenario_level_name
from .controller import SessionController
from .evidence_widgets import EvidenceFields
from .question_card import ClickLabel


class IndicatorCard(QFrame):
    """One indicator: its name, what the answers give, its materials as ticks, a note and
    photos. Every tick is saved at once."""

    def __init__(self, controller: SessionController, lens: Any, indicator: Indicator,
                 group: str, lang: str):
        super().__init__()
        self.setObjectName("card")
        self.controller = controller
        self.lens = lens
        self.indicator = indicator
        self.lang = lang
        self.key = evidence_key(lens, indicator.id)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(16)

        left = QVBoxLayout()
        left.setSpacing(4)
        self.title = QLabel(indicator.name.get(lang))
        self.title.setObjectName("subtitle")
        self.title.setWordWrap(True)
        left.addWidget(self.title)
        self.claim = QLabel(group)
        self.claim.setObjectName("muted")
        self.claim.setWordWrap(True)
        left.addWidget(self.claim)
        self.group = group
        ticks = QGridLayout()
        ticks.setHorizontalSpacing(6)
        ticks.setVerticalSpacing(2)
        ticks.setColumnStretch(1, 1)
        self.checks: dict[str, QCheckBox] = {}
        for row, material in enumerate(indicator.materials):
            check = QCheckBox()
            label = ClickLabel(material.label.get(lang), check)
            check.clicked.connect(lambda on, m=material.id: self._ticked(m, on))
            self.checks[material.id] = check
            ticks.addWidget(check, row, 0)
            ticks.addWidget(label, row, 1)
        left.addLayout(ticks)
        left.addStretch(1)
        layout.addLayout(left, 1)

        right = QVBoxLayout()
        right.setSpacing(4)
        self.fields = EvidenceFields(controller, self.key, self,
                                     lambda: self.ask_photo_paths())
        self.note = self.fields.note
        self.note.setFixedHeight(52)
        right.addWidget(self.note)
        self.photos = self.fields.photos
        right.addWidget(self.photos)
        foot = QHBoxLayout()
        self.add = self.fields.add
        foot.addWidget(self.add)
        foot.addStretch(1)
        right.addLayout(foot)
        self.error = self.fields.error
        right.addWidget(self.error)
        right.addStretch(1)
        layout.addLayout(right, 1)

    def ask_photo_paths(self) -> list[str]:
        """The files to attach (tests replace this to skip the dialog)."""
        return self.fields.ask_photo_paths()

    def _ticked(self, material: str, on: bool) -> None:
        error = self.controller.set_checked(self.key, material, on)
        if error is not None:
            self.checks[material].setChecked(not on)
        self.fields.show_error(error)

    def refresh(self, result: LensResult | None) -> None:
        assessment = self.controller.session.assessment
        ticked = seen(self.lens, assessment, self.indicator)
        for material, check in self.checks.items():
            check.setChecked(material in ticked)
        self.claim.setText(self.group + self._claim(result))
        self.fields.refresh()

    def _claim(self, result: LensResult | None) -> str:
        if result is None:
            return ""
        sep = "　" if self.lang == "zh" else " · "
        if self.indicator.part == SCENARIO_PART:
            s = next((s for s in result.scenarios if s.scenario.id == self.indicator.id), None)
            return "" if s is None else sep + self.tr("from the answers: %1").replace(
                "%1", scenario_level_name(s.level, self.lang))
        r = next((r for r in result.items if r.item.id == self.indicator.id), None)
        return "" if r is None else sep + self.tr("from the answers: %1 of %2 points").replace(
            "%1", points(r.points)).replace("%2", points(r.item.points))

    def flush(self) -> None:
        self.fields.flush()


class EvidenceChecklist(QWidget):
    """The completeness per part, then a card per indicator, grouped by part."""

    def __init__(self, controller: SessionController, lens: Any, lang: str):
        super().__init__()
        self.controller = controller
        self.lens = lens
        self.lang = lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        summary = QFrame()
        summary.setObjectName("card")
        grid = QGridLayout(summary)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        head = QLabel(self.tr("Materials seen, per part"))
        head.setStyleSheet("font-weight: bold")
        grid.addWidget(head, 0, 0, 1, 3)
        self.completeness: dict[str, QLabel] = {}
        self.bars: dict[str, QProgressBar] = {}
        self.photo_counts: dict[str, QLabel] = {}
        for row, c in enumerate(completeness(lens, controller.session.assessment), start=1):
            label = QLabel()
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setMaximumHeight(10)
            bar.setRange(0, max(1, c.total))
            photos = QLabel()
            photos.setObjectName("muted")
            grid.addWidget(label, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(photos, row, 2)
            self.completeness[c.part], self.bars[c.part] = label, bar
            self.photo_counts[c.part] = photos
        grid.setColumnStretch(1, 1)
        layout.addWidget(summary)

        names = {p.id: p.name for p in lens.parts} | {SCENARIO_PART: SCENARIO_PART_NAME}
        groups = {i.id: i.group for i in lens.items} | {s.id: s.group for s in lens.scenarios}
        self.cards: dict[str, IndicatorCard] = {}
        every = indicators(lens)
        for part, name in names.items():
            mine = [i for i in every if i.part == part]
            if not mine:
                continue
            title = QLabel(name.get(lang))
            title.setObjectName("subtitle")
            layout.addWidget(title)
            for indicator in mine:
                card = IndicatorCard(controller, lens, indicator,
                                     groups[indicator.id].get(lang), lang)
                self.cards[indicator.id] = card
                layout.addWidget(card)
        controller.evidenceChanged.connect(self._evidence_changed)

    def refresh(self, result: LensResult | None) -> None:
        for card in self.cards.values():
            card.refresh(result)
        self.update_completeness()

    def update_completeness(self) -> None:
        for c in completeness(self.lens, self.controller.session.assessment):
            share = str(round(100 * c.share))
            self.completeness[c.part].setText(
                self.tr("%1 %2/%3 (%4%)").replace("%1", c.name.get(self.lang))
                .replace("%2", str(c.seen)).replace("%3", str(c.total)).replace("%4", share))
            self.bars[c.part].setValue(c.seen)
            self.photo_counts[c.part].setText(
                self.tr("photos for %1 indicators").replace("%1", str(c.with_photos))
                if c.with_photos else "")

    def _evidence_changed(self, key: str) -> None:
        if key.startswith(f"{self.lens.id}:"):
            self.update_completeness()

    def flush(self) -> None:
        for card in self.cards.values():
            card.flush()
