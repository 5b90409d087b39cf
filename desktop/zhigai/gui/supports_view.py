"""Supports: the public supports of the chosen policy catalogue that fit this firm and project,
with reasons, near misses and estimated amounts; the catalogue's source and date always
shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout

from ..core.advice.advise import Advice
from ..core.advice.supports import SupportMatch
from ..core.assessment.money import fmt
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
        label = QLabel(self.tr("Policy catalogue:"))
        self.catalogue = QComboBox()
        label.setBuddy(self.catalogue)
        row.addWidget(label)
        row.addWidget(self.catalogue)
        layout.addLayout(row)
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
        self.catalogue.currentIndexChanged.connect(self._catalogue_changed)
        controller.scoreChanged.connect(lambda _s: self.request_refresh())
        controller.projectChanged.connect(self.request_refresh)
        self.refresh()

    def _fill_catalogues(self) -> None:
        try:
            data = self.data_source()
        except Exception:  # shown by refresh()
            return
        self.catalogue.blockSignals(True)
        for cat in data.catalogues.values():
            self.catalogue.addItem(catalogue_name(cat, self.lang, self.tr("now")), cat.id)
        self.catalogue.blockSignals(False)

    def _catalogue_changed(self) -> None:
        plan = self.controller.project()
        plan.catalogue = self.catalogue.currentData()
        self.controller.set_project(plan)

    def refresh(self) -> None:
        while self.list.count():
            widget = self.list.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        try:
            advice: Advice = self.advice_source()
        except Exception as error:
            self.source.setText(self.tr("The advice data could not be loaded: %1")
                                .replace("%1", str(error)))
            return
        cat = advice.catalogue
        self.catalogue.blockSignals(True)
        self.catalogue.setCurrentIndex(max(0, self.catalogue.findData(cat.id)))
        self.catalogue.blockSignals(False)
        text = (f"<b>{cat.title.get(self.lang)}</b><br>"
                + self.tr("Source: %1 (catalogue dated %2)").replace(
                    "%1", cat.source.basis.get(self.lang)).replace("%2", cat.source.date)
                + "<br>" + cat.note.get(self.lang))
        if cat.verify:
            text = ("<b>" + self.tr("Verify current terms before relying on these.") + "</b><br>"
                    + text)
        self.source.setText(text)
        if advice.subsidies_high > 0:
            self.total.setText(self.tr("Estimated subsidies: %1 to %2. The calculator counts "
                                       "the low end, %1.")
                               .replace("%1", fmt(advice.subsidies, self.lang))
                               .replace("%2", fmt(advice.subsidies_high, self.lang)))
        else:
            self.total.setText(self.tr("No support with an amount to estimate yet; plan the "
                                       "project's items to see estimates."))
        headings = {"eligible": self.tr("Eligible"), "near_miss": self.tr("Nearly eligible"),
                    "information": self.tr("Good to know"),
                    "not_eligible": self.tr("Not eligible")}
        current = None
        for match in advice.supports:
            if match.status != current:
                current = match.status
                head = QLabel(headings[current])
                head.setObjectName("subtitle")
                self.list.addWidget(head)
            self.list.addWidget(self._card(match))

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
        source = QLabel(p.issuer.get(self.lang) + " · " + p.source.get(self.lang))
        source.setObjectName("help")
        source.setWordWrap(True)
        box.addWidget(source)
        return card


def catalogue_name(cat: Any, lang: str, now: str) -> str:
    """A policy catalogue as offered in lists: region and period (e.g. 浙江省 2013-2018)."""
    end = cat.period.end[:4] if cat.period.end else now
    return f"{cat.region.get(lang)} {cat.period.start[:4]}-{end}"
