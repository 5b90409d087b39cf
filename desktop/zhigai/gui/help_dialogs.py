"""Help: the first-run welcome and About (version, data files with their versions and
sources, where the data and settings are kept)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from .screen_fit import fitting

if TYPE_CHECKING:
    from ..core.advice.data import AdviceData
    from ..core.questionnaire.catalog import Catalog


class WelcomeDialog(QDialog):
    """Shown once, on the first start: what Zhigai does, in four steps, and the sample."""

    sampleRequested = Signal()
    newRequested = Signal()

    def __init__(self, has_sample: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Zhigai"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Welcome to Zhigai"))
        title.setObjectName("title")
        layout.addWidget(title)
        intro = QLabel(self.tr("Zhigai shows where your factory stands on the way from "
                               "mechanization to intelligent manufacturing, what to do next, "
                               "which public supports and financing fit your project, and "
                               "prints a report your bank can check."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        steps = [self.tr("Enter the firm's profile (name, industry, size)."),
                 self.tr("Answer the questions: about 20 to 40 minutes; everything is saved "
                         "as you go, so you can stop and continue later."),
                 self.tr("See the stage, what holds it back and a step-by-step roadmap."),
                 self.tr("Plan the project: supports, costs, payback and financing."),
                 self.tr("Export the PDF report for the bank or the programme office.")]
        text = "".join(f"<li>{escape(s)}</li>" for s in steps)
        body = QLabel(f"<ol>{text}</ol>")
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setWordWrap(True)
        layout.addWidget(body)
        if has_sample:
            sample = QLabel(self.tr("A sample assessment of a fictional auto-parts supplier "
                                    "has been added so you can look around first. It is "
                                    "marked 【示例】 (sample) and you can delete it at any time."))
            sample.setObjectName("banner")
            sample.setWordWrap(True)
            layout.addWidget(sample)
        # the local profile, asked once: every change made on this computer is recorded
        # under this name (with the computer's name), whoever's assessment it is
        from ..core.base import settings as prefs
        from ..core.base.identity import login_name

        self.user_name = QLineEdit(prefs.settings().user_name or "")
        self.user_name.setMaxLength(100)
        self.user_name.setPlaceholderText(login_name())
        who = QFormLayout()
        who.addRow(self.tr("Your &name:"), self.user_name)
        layout.addLayout(who)
        who_help = QLabel(self.tr("Every change made on this computer is recorded under this "
                                  "name in the change history (you can change it in File → "
                                  "Settings)."))
        who_help.setObjectName("help")
        who_help.setWordWrap(True)
        layout.addWidget(who_help)
        keys = QLabel(self.tr("Everything works with the keyboard too: Tab moves between "
                              "fields, number keys choose an answer, Ctrl+1 to Ctrl+8 switch "
                              "tabs. Help → Welcome and first steps shows this again."))
        keys.setObjectName("help")
        keys.setWordWrap(True)
        layout.addWidget(keys)
        buttons = QDialogButtonBox()
        self.sample_button: QPushButton | None = None
        if has_sample:
            self.sample_button = buttons.addButton(self.tr("&Explore the sample"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
            self.sample_button.clicked.connect(self.sampleRequested)
        self.new_button = buttons.addButton(self.tr("&Start my own assessment"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.new_button.clicked.connect(self.newRequested)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        first = self.sample_button or self.new_button
        first.setDefault(True)
        first.setFocus()

    def done(self, result: int) -> None:
        """Any button, Esc or the close box: keep the name typed (an empty one changes
        nothing)."""
        from ..core.base import settings as prefs

        name = self.user_name.text().strip()
        if name and name != prefs.settings().user_name:
            prefs.settings().user_name = name
            prefs.current().try_save()
        super().done(result)


class AboutDialog(QDialog):
    def __init__(self, lang: str, catalog: Catalog | None, advice: AdviceData | None,
                 store_location: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        from ..core.app.about import data_versions, kind_name, program_versions
        from ..core.base.settings import settings_path

        self.setWindowTitle(self.tr("About Zhigai"))
        self.resize(fitting(self, 720, 560))   # within the screen (1093x614 at 125%)
        name = self.tr("Zhigai")
        parts = [f"<h2>{escape(name)} {escape(__version__)}</h2>",
                 "<p>" + escape(self.tr("Intelligent-transformation readiness assessment for "
                                        "manufacturing SMEs: stage, roadmap, supports, "
                                        "financing and a bank-ready report. Works offline."))
                 + "</p>"]
        headings = (self.tr("Data files"), self.tr("Where your data is kept"),
                    self.tr("Software"))
        if catalog is not None:
            parts.append(f"<h3>{escape(headings[0])}</h3><table cellpadding='4'>")
            parts.append("<tr><th align='left'>" + "</th><th align='left'>".join(
                escape(h) for h in (self.tr("Kind"), self.tr("Title"), self.tr("Version"),
                                    self.tr("Source"))) + "</th></tr>")
            for d in data_versions(catalog, advice, lang):
                parts.append(f"<tr><td>{escape(kind_name(d.kind, lang))}</td>"
                             f"<td>{escape(d.title)}</td><td>{escape(d.version)}</td>"
                             f"<td>{escape(d.basis)} ({escape(d.date)})</td></tr>")
            parts.append("</table>")
        parts.append(f"<h3>{escape(headings[1])}</h3><p>")
        if store_location:  # a file, or a database URL shown without its password
            from ..core.store.url import display_url

            shown = display_url(store_location)
            parts.append(escape(self.tr("Data store: %1").replace("%1", shown))
                         + "<br>")
        parts.append(escape(self.tr("Settings: %1").replace("%1", str(settings_path())))
                     + "</p>")
        libs = ", ".join(f"{escape(k)} {escape(v)}" for k, v in program_versions().items())
        parts.append(f"<h3>{escape(headings[2])}</h3><p>{libs}</p>")
        parts.append("<p>" + escape(self.tr("Licence: Apache-2.0. Policy figures come from the "
                                            "public sources named above; verify current "
                                            "terms with the issuing office.")) + "</p>")
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml("".join(parts))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
