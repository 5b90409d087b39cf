"""Importing bundles: each file is checked before anything is saved; an assessment edited on two
computers is shown side by side, field by field, and the user chooses which value to keep."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.assessment.answer_text import describe_answer
from ..core.assessment.model import Answer
from ..core.exchange.merge import Difference, ImportPlan
from ..core.questionnaire.instrument import Instrument
from .screen_fit import fitting


class MergeDialog(QDialog):
    """One row per differing field: the value here, the value in the bundle, where it was
    changed, and which to keep. Conflicts start undecided; OK waits until all are decided."""

    LOCAL, INCOMING = 1, 2

    def __init__(self, plan: ImportPlan, instrument: Instrument, lang: str,
                 parent: QWidget | None = None, live: bool = False):
        """``live``: the plan of a save refused because someone else saved meanwhile
        (:func:`plan_merge`): the stored copy is theirs, the incoming one the user's."""
        super().__init__(parent)
        self.plan = plan
        self.instrument = instrument
        self.lang = lang
        self.live = live
        self.setWindowTitle(self.tr("Assessment edited on two computers"))
        self.resize(fitting(self, 980, 560))   # within the screen (1093x614 at 125%)
        layout = QVBoxLayout(self)
        a = plan.bundle.assessment
        name = a.profile_by_role(instrument, "company_name") or a.id
        intro = QLabel((self.tr(
            "%1 was saved by someone else (now revision %2) after you opened it, and your "
            "last change was not saved. Choose for each difference which value to keep: "
            "their changes are preset to theirs, yours to yours; rows marked ⚠ were changed "
            "by both of you and need your choice. Nothing is saved until you press Merge.")
            if live else self.tr(
            "%1 was changed both here (revision %2) and on the computer the bundle comes from. "
            "Choose for each difference which value to keep. Rows changed on one side only "
            "are preset to that side; rows marked ⚠ were changed on both sides and need your "
            "choice. Nothing is saved until you press Merge."))
            .replace("%1", str(name)).replace("%2", str(plan.local_revision)))
        here, there = self.side_names()
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(len(plan.differences), 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Field"), here, there, self.tr("Changed on"), self.tr("Keep")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.combos: list[QComboBox] = []
        for row, d in enumerate(plan.differences):
            cells = (("⚠ " if d.conflict else "") + self.field_name(d),
                     self.value_text(d, d.local), self.value_text(d, d.incoming),
                     self.changed_text(d))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            combo = QComboBox()
            combo.addItem(self.tr("— choose —"), None)
            combo.addItem(here, "local")
            combo.addItem(there, "incoming")
            combo.setCurrentIndex({None: 0, "local": self.LOCAL,
                                   "incoming": self.INCOMING}[d.default])
            combo.setAccessibleName(self.field_name(d))
            combo.currentIndexChanged.connect(self._update)
            self.table.setCellWidget(row, 4, combo)
            self.combos.append(combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)

        row_buttons = QHBoxLayout()
        self.all_local = QPushButton(self.tr("Keep all of theirs") if live
                                     else self.tr("Keep everything from this computer"))
        self.all_local.clicked.connect(lambda: self._set_all(self.LOCAL))
        self.all_incoming = QPushButton(self.tr("Keep all of mine") if live
                                        else self.tr("Take everything from the bundle"))
        self.all_incoming.clicked.connect(lambda: self._set_all(self.INCOMING))
        row_buttons.addWidget(self.all_local)
        row_buttons.addWidget(self.all_incoming)
        row_buttons.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("muted")
        row_buttons.addWidget(self.status)
        layout.addLayout(row_buttons)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    # ------------------------------------------------------------------ texts

    def side_names(self) -> tuple[str, str]:
        """The names of the stored side and of the other."""
        if self.live:
            return self.tr("Saved by others"), self.tr("Mine")
        return self.tr("This computer"), self.tr("Bundle")

    def field_name(self, d: Difference) -> str:
        kind, _, key = d.field.partition(".")
        if kind in ("answer", "owner", "evidence"):
            q = self.instrument.by_id.get(key)
            text = q.text.get(self.lang) if q else key
            prefix = {"answer": "", "owner": self.tr("Owner's answer: "),
                      "evidence": self.tr("Evidence: ")}[kind]
            return prefix + text
        if kind == "profile":
            f = self.instrument.profile_fields.get(key)
            return self.tr("Profile: ") + (f.label.get(self.lang) if f else key)
        return {"kind": self.tr("Type of assessment"), "assessor": self.tr("Assessor"),
                "project": self.tr("Project plan"), "notes": self.tr("Notes")}.get(kind, d.field)

    def value_text(self, d: Difference, value: Any) -> str:
        if value is None:
            return "—"
        kind, _, key = d.field.partition(".")
        if kind in ("answer", "owner") and isinstance(value, dict):
            q = self.instrument.by_id.get(key)
            if q is not None:
                answer = Answer(value=value.get("value"), na=bool(value.get("na")))
                return describe_answer(q, answer, self.lang, self.tr("Yes"), self.tr("No"),
                                       self.tr("not applicable")) or "—"
        if kind == "evidence" and isinstance(value, dict):
            photos = len(value.get("photos", []))
            return (value.get("note") or "") + (
                "  " + self.tr("(%1 photos)").replace("%1", str(photos)) if photos else "")
        if kind == "kind":
            return self.tr("Expert-verified") if value == "expert" else self.tr("Self-assessment")
        if kind == "assessor" and isinstance(value, dict):
            return " · ".join(v for v in value.values() if v)
        if kind == "project" and isinstance(value, dict):
            return self.tr("%1 investment items").replace("%1", str(len(value.get("items", []))))
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def changed_text(self, d: Difference) -> str:
        text = self._changed_by(d)
        if d.guarded:
            text += self.tr(" (whose assessment it is: confirm)")
        return text

    def _changed_by(self, d: Difference) -> str:
        if d.outside:
            return self.tr("outside Zhigai")
        if d.changed_local and d.changed_incoming:
            return self.tr("both of us") if self.live else self.tr("both")
        if d.changed_local:
            return self.tr("by others") if self.live else self.tr("this computer")
        if d.changed_incoming:
            return self.tr("by me") if self.live else self.tr("bundle")
        return self.tr("unknown")

    # ------------------------------------------------------------------ choosing

    def _set_all(self, index: int) -> None:
        for combo in self.combos:
            combo.setCurrentIndex(index)

    def undecided(self) -> int:
        return sum(1 for combo in self.combos if combo.currentData() is None)

    def _update(self) -> None:
        left = self.undecided()
        self.merge_button.setEnabled(left == 0)
        self.status.setText(self.tr("%1 differences still need a choice").replace(
            "%1", str(left)) if left else self.tr("Every difference is decided"))

    def choices(self) -> dict[str, Any]:
        return {d.field: combo.currentData()
                for d, combo in zip(self.plan.differences, self.combos, strict=True)
                if combo.currentData() is not None}

    def choose(self, field: str, side: str) -> None:
        """Set one row's choice (for tests and keyboard users)."""
        for d, combo in zip(self.plan.differences, self.combos, strict=True):
            if d.field == field:
                combo.setCurrentIndex(combo.findData(side))
        self._update()
