"""Settings (File → Settings…, Ctrl+,): language, data folder, default assessor, policy
catalogue for new assessments, report defaults and the peer-benchmark threshold. Everything
is kept in one typed file (zhigai.core.base.settings); the dialog checks what it saves."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.base import settings as prefs
from ..core.base.dirs import default_data_dir
from ..core.base.paths import ENV_DATA_DIR, ENV_DB_URL
from .screen_fit import available
from .unsaved import may_discard, snapshot

LANG_NAMES = (("zh", "中文"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, catalogues: list[tuple[str, str]], parent: QWidget | None = None,
                 store_overridden: bool = False):
        """``catalogues``: (id, readable name) of every policy catalogue."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(600)
        current = prefs.settings()
        outer = QVBoxLayout(self)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        # the groups scroll when the screen is too low for them (1366x768 at 125 % with a task
        # bar): squeezed into less height, Qt halved the combo boxes instead
        self.body = QScrollArea()
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setWidget(body)
        outer.addWidget(self.body, 1)

        general = QGroupBox(self.tr("General"))
        general_box = QVBoxLayout(general)
        form = QFormLayout()
        general_box.addLayout(form)
        self.language = QComboBox()
        for lang, name in LANG_NAMES:
            self.language.addItem(name, lang)
        from .translations import system_language

        self.language.setCurrentIndex(
            max(0, self.language.findData(system_language(current.language))))
        form.addRow(self.tr("&Interface language"), self.language)
        from ..core.base.identity import login_name

        self.user_name = QLineEdit(current.user_name or "")
        self.user_name.setMaxLength(100)
        self.user_name.setPlaceholderText(login_name())
        self.user_name.setToolTip(self.tr("Every change made on this computer is recorded "
                                          "under this name in the change history"))
        form.addRow(self.tr("Your &name (change history)"), self.user_name)
        self.data_dir = QLineEdit(current.data_dir or "")
        self.data_dir.setPlaceholderText(str(default_data_dir()))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        reset = QPushButton(self.tr("&Default"))
        reset.clicked.connect(lambda: self.data_dir.setText(""))
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(browse)
        row.addWidget(reset)
        folder_label = QLabel(self.tr("&Data folder"))
        folder_label.setBuddy(self.data_dir)
        form.addRow(folder_label, row)
        note = self.tr("The assessments, photos and reports' data are kept here, in the file "
                       "zhigai.sqlite3. A new folder starts empty unless you copy that file "
                       "there; the old folder is not changed.")
        overridden = [name for name in (ENV_DATA_DIR, ENV_DB_URL) if os.environ.get(name)]
        if overridden or store_overridden:
            note += " " + self.tr("This session uses a store chosen at start-up (%1); the "
                                  "folder set here is used from the next normal start.").replace(
                "%1", ", ".join(overridden) or "--store")
        self.data_note = QLabel(note)
        self.data_note.setObjectName("help")
        self.data_note.setWordWrap(True)
        general_box.addWidget(self.data_note)  # outside the form: it gets its wrapped height
        layout.addWidget(general)

        assessor = QGroupBox(self.tr("Default assessor (used when verifying on site)"))
        form = QFormLayout(assessor)
        profile = current.assessor
        self.assessor_name = QLineEdit(profile.name if profile else "")
        self.assessor_name.setMaxLength(100)
        self.organisation = QLineEdit(profile.organisation if profile else "")
        self.organisation.setMaxLength(200)
        self.service_group = QLineEdit(profile.service_group if profile else "")
        self.service_group.setMaxLength(200)
        form.addRow(self.tr("&Name"), self.assessor_name)
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("Service &group"), self.service_group)
        layout.addWidget(assessor)

        advice = QGroupBox(self.tr("Supports and reports"))
        advice_box = QVBoxLayout(advice)
        form = QFormLayout()
        advice_box.addLayout(form)
        self.catalogue = QComboBox()
        self.catalogue.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.catalogue.setMinimumContentsLength(16)
        self.catalogue.addItem(self.tr("By the firm's region (national, province, city)"), None)
        for cid, name in catalogues:
            self.catalogue.addItem(name, cid)
        self.catalogue.setCurrentIndex(max(0, self.catalogue.findData(current.catalogue)))
        form.addRow(self.tr("&Policy catalogue for new assessments"), self.catalogue)
        self.report_language = QComboBox()
        self.report_language.addItem(self.tr("Same as the interface"), None)
        for lang, name in LANG_NAMES:
            self.report_language.addItem(name, lang)
        self.report_language.setCurrentIndex(
            max(0, self.report_language.findData(current.report.language)))
        form.addRow(self.tr("&Report language"), self.report_language)
        self.appendix = QCheckBox(self.tr("Include the &appendix with every answer"))
        self.appendix.setChecked(current.report.appendix)
        form.addRow("", self.appendix)
        self.open_after = QCheckBox(self.tr("&Open a report when it is ready"))
        self.open_after.setChecked(current.report.open_after)
        self.shared = QCheckBox(self.tr("Reports readable by other &users"))
        self.shared.setToolTip(self.tr("Off: a report file is readable by you only (it holds "
                                       "the firm's financial figures)"))
        self.shared.setChecked(current.report.shared)
        after = QHBoxLayout()   # one row: the dialog fits a 1366x768 screen at 125 %
        after.addWidget(self.open_after)
        after.addWidget(self.shared)
        after.addStretch(1)
        form.addRow("", after)
        self.min_peers = QSpinBox()
        self.min_peers.setRange(2, 1000)
        self.min_peers.setValue(current.min_peers)
        self.min_peers.setSuffix(self.tr(" firms"))
        form.addRow(self.tr("&Fewest peers for a benchmark"), self.min_peers)
        peers_note = QLabel(self.tr("Peer comparisons (portfolio and report) are shown only "
                                    "when at least this many other firms of the same industry "
                                    "are in the store, so that no single firm can be "
                                    "recognised."))
        peers_note.setObjectName("help")
        peers_note.setWordWrap(True)
        advice_box.addWidget(peers_note)
        layout.addWidget(advice)

        self.problem = QLabel()
        self.problem.setObjectName("errorBanner")
        self.problem.setWordWrap(True)
        self.problem.hide()
        outer.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.language.setFocus()
        self._opened = snapshot(self)
        wanted = body.sizeHint().height() + buttons.sizeHint().height() + 40
        room = available(self).height() - 80          # a title bar and a task bar
        self.body.setMinimumHeight(min(body.minimumSizeHint().height(), 200))
        self.resize(max(self.minimumWidth(), body.sizeHint().width() + 40),
                    max(300, min(wanted, room)))

    def reject(self) -> None:  # Esc, Cancel, the close button: ask when something was changed
        if may_discard(self, self._opened):
            super().reject()

    def _browse(self) -> None:
        start = self.data_dir.text().strip() or str(default_data_dir())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), start)
        if chosen:
            self.data_dir.setText(chosen)

    def chosen(self) -> dict[str, Any]:
        """The settings as entered (top-level fields of zhigai.core.base.settings.Settings)."""
        name = self.assessor_name.text().strip()
        profile = (prefs.AssessorProfile(name, self.organisation.text().strip(),
                                         self.service_group.text().strip()) if name else None)
        return {
            "language": self.language.currentData(),
            "data_dir": self.data_dir.text().strip() or None,
            "user_name": self.user_name.text().strip() or None,
            "assessor": profile,
            "catalogue": self.catalogue.currentData(),
            "report": prefs.ReportDefaults(self.report_language.currentData(),
                                           self.appendix.isChecked(),
                                           self.open_after.isChecked(),
                                           self.shared.isChecked()),
            "min_peers": self.min_peers.value(),
        }

    def accept(self) -> None:
        values = self.chosen()
        if not values["assessor"] and (self.organisation.text().strip()
                                       or self.service_group.text().strip()):
            return self._show(self.tr("Enter the assessor's name, or clear the organisation "
                                      "and service group."), self.assessor_name)
        folder = values["data_dir"]
        if folder is not None:
            path = Path(folder).expanduser()
            if not path.is_absolute():
                return self._show(self.tr("The data folder must be a full path, such as "
                                          "%1.").replace("%1", str(default_data_dir())),
                                  self.data_dir)
            if path.exists() and not path.is_dir():
                return self._show(self.tr("%1 is a file, not a folder.").replace(
                    "%1", str(path)), self.data_dir)
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                return self._show(self.tr("The folder %1 cannot be created: %2").replace(
                    "%1", str(path)).replace("%2", error.strerror or str(error)),
                    self.data_dir)
            if not os.access(path, os.W_OK):
                return self._show(self.tr("Zhigai cannot write in %1.").replace(
                    "%1", str(path)), self.data_dir)
            values["data_dir"] = str(path)
        file = prefs.current()
        try:
            file.settings = prefs.check(dataclasses.replace(file.settings, **values))
            file.save()
        except (ValueError, OSError) as error:
            return self._show(self.tr("The settings could not be saved: %1").replace(
                "%1", str(error)), None)
        super().accept()

    def _show(self, text: str, widget: QWidget | None) -> None:
        self.problem.setText(text)
        self.problem.show()
        if widget is not None:
            widget.setFocus()
