"""Supports: every entry of the policy catalogues that apply to the firm (by its region, or as
the user ticks them), with its status: eligible with the estimated amount, nearly eligible
with what is missing, not eligible with the reason, and expired (for reference); each with its
issuer, source and date."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from ..core.advice.advise import Advice
from ..core.advice.supports import SupportMatch
from ..core.assessment.money import fmt
from ..core.questionnaire.values import ValueProblem
from .controller import SessionController
from .lazy import LazyRefresh
from .pages import scroll_page


class SupportsView(LazyRefresh, QScrollArea):
    def __init__(self, controller: SessionController, lang: str, advice_source: Any,
                 data_source: Any):
        super().__init__()
        self.controller = controller
        self.lang = lang
        self.advice_source = advice_source
        self.data_source = data_source
        layout = scroll_page(self)
        row = QHBoxLayout()
        title = QLabel(self.tr("Public supports"))
        title.setObjectName("title")
        row.addWidget(title)
        row.addStretch(1)
        layout.addLayout(row)
        picker = QGridLayout()   # three a row: region names are long in English
        picker.addWidget(QLabel(self.tr("Policy catalogues:")), 0, 0)
        self.catalogue_checks: dict[str, QCheckBox] = {}
        self.picker = picker
        self.by_region = QPushButton(self.tr("Use the firm's region"))
        self.by_region.setToolTip(self.tr("Choose the national catalogue and those of the "
                                          "firm's province, city and county again"))
        self.by_region.clicked.connect(self._use_region)
        self.region_note = QLabel()
        self.region_note.setObjectName("muted")
        layout.addLayout(picker)
        below = QHBoxLayout()
        below.addWidget(self.region_note, 1)
        below.addWidget(self.by_region)
        layout.addLayout(below)
        self.source = QLabel()
        self.source.setObjectName("banner")
        self.source.setWordWrap(True)
        layout.addWidget(self.source)
        self.total = QLabel()
        self.total.setObjectName("subtitle")
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        self.list = QVBoxLayout()
        self.list.setSpacing(8)
        layout.addLayout(self.list)
        layout.addStretch(1)
        self._fill_catalogues()
        controller.scoreChanged.connect(lambda _s: self.request_refresh())
        controller.projectChanged.connect(self.request_refresh)
        self.refresh()

    def _fill_catalogues(self) -> None:
        try:
            data = self.data_source()
        except Exception:  # shown by refresh()
            return
        order = {"national": 0, "province": 1, "city": 2, "county": 3}
        for cat in sorted(data.catalogues.values(),
                          key=lambda c: (c.historical, order[c.scope.level], c.id)):
            check = QCheckBox(catalogue_name(cat, self.lang, self.tr("now"))
                              + (self.tr(" (historical)") if cat.historical else ""))
            check.setToolTip(cat.title.get(self.lang))
            check.toggled.connect(self._catalogues_changed)
            n = len(self.catalogue_checks)
            self.catalogue_checks[cat.id] = check
            self.picker.addWidget(check, n // 3, 1 + n % 3)
        self.picker.setColumnStretch(4, 1)

    def _catalogues_changed(self) -> None:
        plan = self.controller.project()
        plan.catalogues = [cid for cid, c in self.catalogue_checks.items() if c.isChecked()]
        plan.catalogue = None
        self.controller.set_project(plan)

    def _use_region(self) -> None:
        plan = self.controller.project()
        plan.catalogues = None
        plan.catalogue = None
        self.controller.set_project(plan)

    def refresh(self) -> None:
        while self.list.count():
            widget = self.list.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        try:
            advice: Advice = self.advice_source()
        except Exception as error:
            self.source.setText(error.text(self.lang) if isinstance(error, ValueProblem) else
                               self.tr("The advice data could not be loaded: %1")
                                .replace("%1", str(error)))
            return
        chosen = {c.id for c in advice.catalogues}
        for cid, check in self.catalogue_checks.items():
            check.blockSignals(True)
            check.setChecked(cid in chosen)
            check.blockSignals(False)
        self.by_region.setEnabled(not advice.by_region)
        self.region_note.setText(
            (self.tr("Chosen by the firm's region.") if advice.by_region
             else self.tr("Chosen by hand.")) + " "
            + self.tr("Policies are judged as in force on %1, the assessment date.")
            .replace("%1", advice.day.isoformat()))
        empty = {c.id for c in advice.without_current()}
        parts = []
        for cat in advice.catalogues:
            text = (f"<b>{cat.title.get(self.lang)}</b><br>"
                    + self.tr("Source: %1 (catalogue dated %2)").replace(
                        "%1", cat.source.basis.get(self.lang)).replace("%2", cat.source.date))
            if cat.id in empty:
                text += "<br><b>" + self.tr("No entry of this catalogue is in force on %1; "
                                            "for reference only.").replace(
                    "%1", advice.day.isoformat()) + "</b>"
            elif cat.verify:
                text += "<br><b>" + self.tr("Verify current terms before relying on these.") \
                    + "</b>"
            parts.append(text)
        if not parts:
            parts.append(self.tr("No policy catalogue is chosen: tick one above, or use the "
                                 "firm's region."))
        self.source.setText("<br><br>".join(parts))
        if advice.subsidies_high > 0:
            self.total.setText(self.tr("Estimated subsidies: %1 to %2. The calculator counts "
                                       "the low end, %1.")
                               .replace("%1", fmt(advice.subsidies, self.lang))
                               .replace("%2", fmt(advice.subsidies_high, self.lang)))
        else:
            self.total.setText(self.no_estimate(advice))
        headings = {"eligible": self.tr("Eligible"), "near_miss": self.tr("Nearly eligible"),
                    "information": self.tr("Good to know"),
                    "not_eligible": self.tr("Not eligible"),
                    "expired": self.tr("Expired — for reference")}
        current = None
        for match in advice.supports:
            if match.status != current:
                current = match.status
                head = QLabel(headings[current])
                head.setObjectName("subtitle")
                self.list.addWidget(head)
            self.list.addWidget(self._card(match))

    def no_estimate(self, advice: Advice) -> str:
        """Why no amount is estimated, true for the state the project is in: nothing in force
        pays an amount, the project is not described yet, its items have no prices, what
        pays a share finds no such cost among the items, or nothing that pays is open yet."""
        current = [m for m in advice.supports if m.status != "expired"]
        paying = [m for m in current if m.policy.gives.type in ("rate", "amount")]
        plan = self.controller.project()
        if not paying:
            return self.tr("No support in force in the chosen catalogues pays a grant whose "
                           "amount could be estimated: those in force below are loans, "
                           "guarantees, interest subsidies, services or information.")
        if not plan.items and not advice.facts.get("total_investment"):
            return self.tr("No estimate yet: list the project's items in the Plan tab (or "
                           "its estimated cost in the profile) to estimate the supports "
                           "below that pay an amount.")
        if plan.items and not plan.total() and not advice.facts.get("total_investment"):
            return self.tr("No estimate yet: the project's items have no prices. Enter their "
                           "unit prices in the Plan tab to estimate the supports.")
        eligible = [m for m in paying if m.eligible]
        if eligible:
            sep = "、" if self.lang == "zh" else "; "
            return self.tr("Nothing to estimate yet: the project's items include none of "
                           "the costs these eligible supports pay a share of: %1.").replace(
                "%1", sep.join(m.policy.name.get(self.lang) for m in eligible))
        near = sum(m.status == "near_miss" for m in paying)
        if near:
            return self.tr("Supports in force that pay an amount: %1, none open to this "
                           "project yet (%2 nearly eligible: see what is missing below).").replace(
                "%1", str(len(paying))).replace("%2", str(near))
        return self.tr("Supports in force that pay an amount: %1, none open to this project "
                       "(the reasons are below).").replace("%1", str(len(paying)))

    def _card(self, m: SupportMatch) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        box = QVBoxLayout(card)
        p = m.policy
        name = QLabel(f"<b>{p.name.get(self.lang)}</b> — {p.gives.text.get(self.lang)}")
        name.setWordWrap(True)
        box.addWidget(name)
        if m.estimate_high:
            estimate = QLabel(self.tr("Estimate: %1 to %2").replace(
                "%1", fmt(m.estimate_low, self.lang)).replace(
                "%2", fmt(m.estimate_high, self.lang))
                + (self.tr(" (capped)") if m.capped else ""))
            estimate.setObjectName("stageValue")
            estimate.setStyleSheet("font-size: 12pt")
            box.addWidget(estimate)
        for reason in m.met:
            label = QLabel("✓ " + reason)
            label.setWordWrap(True)
            box.addWidget(label)
        for reason in m.unmet:
            label = QLabel("○ " + reason)
            label.setWordWrap(True)
            label.setObjectName("muted" if m.status == "not_eligible" else "")
            box.addWidget(label)
        for item in m.to_confirm:
            label = QLabel("? " + self.tr("To confirm: %1").replace("%1", item))
            label.setWordWrap(True)
            box.addWidget(label)
        if m.status == "expired":
            label = QLabel(self.tr("Valid until %1: expired on the assessment date, never "
                                   "counted in an estimate.").replace(
                "%1", p.period.end or "—"))
            label.setObjectName("muted")
            label.setWordWrap(True)
            box.addWidget(label)
            if p.recurring:
                again = QLabel(self.tr("It runs in yearly rounds: ask whether a new round is "
                                       "open."))
                again.setWordWrap(True)
                box.addWidget(again)
        ongoing = self.tr("ongoing")
        period = f"{p.period.start} – {p.period.end or ongoing}"
        source = QLabel(p.issuer.get(self.lang) + " · " + p.source.get(self.lang)
                        + " · " + self.tr("dated %1, valid %2").replace("%1", p.date)
                        .replace("%2", period)
                        + (" · " + self.tr("verify current terms") if p.verify else ""))
        source.setObjectName("help")
        source.setWordWrap(True)
        box.addWidget(source)
        return card


def catalogue_name(cat: Any, lang: str, now: str) -> str:
    """A policy catalogue as offered in lists: region and period (e.g. 浙江省 2013-2018)."""
    start = cat.period.start[:4]
    end = cat.period.end[:4] if cat.period.end else now
    return f"{cat.region.get(lang)} {start}" + ("" if end == start else f"-{end}")
