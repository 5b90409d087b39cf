"""Export PDF: choose the report's language (independent of the interface), the appendix, the
assessor and the file; the report is made off the GUI thread with progress, then opened in the
system's PDF viewer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.base import settings as prefs
from ..core.session.session import Session
from .wheel_guard import guard_wheel
from .worker import run_in_background

LANGS = (("zh", "中文"), ("en", "English"))


def open_file(path: Path) -> bool:
    """Open a file with the system's viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _documents() -> Path:
    """The user's documents folder, made when it does not exist yet (a fresh machine); the
    home folder when it cannot be made."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not folder:
        return Path.home()
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return path


class ExportDialog(QDialog):
    """What to print and where; ``values()`` after ``exec()`` returns the choices."""

    def __init__(self, session: Session, ui_lang: str, advice_data: Any,
                 parent: QWidget | None = None):
        super().__init__(parent)
        from ..core.report.model import report_fingerprint
        from ..core.report.service import default_name

        self.setWindowTitle(self.tr("Export PDF report"))
        settings = prefs.settings()
        defaults = settings.report
        self.language = QComboBox()
        for lang, name in LANGS:
            self.language.addItem(name, lang)
        chosen = defaults.language or ui_lang
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Full report"), False)
        self.kind.addItem(self.tr("Summary for the board and officials (1-2 pages)"), True)
        self.appendix = QCheckBox(self.tr("Appendix with every answer"))
        self.appendix.setChecked(defaults.appendix)
        # the assessment's own verifier is printed anyway; the default profile fills in
        # the rest (the dialog does not keep one-off names)
        profile = settings.assessor
        self.assessor = QLineEdit(profile.name if profile else "")
        self.assessor.setPlaceholderText(self.tr("optional"))
        self.organisation = QLineEdit(profile.organisation if profile else "")
        self.organisation.setPlaceholderText(self.tr("optional"))
        self.open_after = QCheckBox(self.tr("Open the report when it is ready"))
        self.open_after.setChecked(defaults.open_after)

        a = session.assessment
        fp = report_fingerprint(a, session.instrument, advice_data)
        date_field = session.instrument.field_for_role("assessment_date")
        date = a.profile.get(date_field.id) if date_field else None
        date = date if isinstance(date, str) and date else a.created_at[:10]
        company = a.profile_by_role(session.instrument, "company_name") or ""
        folder = Path(prefs.current().folder("report", _documents()))
        # one default name per kind and language, so a second language never lands on the first
        self._names = {(board, lang): default_name(str(company), fp.report_id(date),
                                                   ("-board" if board else "") + f"-{lang}")
                       for board in (False, True) for lang, _name in LANGS}
        self.path = QLineEdit(str(folder / self._default_name()))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.language.currentIndexChanged.connect(self._kind_changed)
        guard_wheel(self.language, self.kind)   # a wheel over them changes nothing
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)  # Enter anywhere in the dialog exports
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Report language"), self.language)
        form.addRow(self.tr("What to print"), self.kind)
        form.addRow("", self.appendix)
        form.addRow(self.tr("Assessor"), self.assessor)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Save as"), where)
        form.addRow("", self.open_after)
        note = QLabel(self.tr("Verification code of this assessment: %1. Any later change to "
                              "the answers, profile or project gives a new code.")
                      .replace("%1", fp.code))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("errorBanner")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.path.textChanged.connect(lambda _text: self.problem.hide())  # said until fixed
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("Export"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())
        self.export_button.setFocus()

    def _default_name(self) -> str:
        return self._names[(bool(self.kind.currentData()), str(self.language.currentData()))]

    def _kind_changed(self, _index: int) -> None:
        """The board summary has no appendix; the default file name follows the kind and the
        language (a name the user typed is kept)."""
        self.appendix.setEnabled(not bool(self.kind.currentData()))
        path = Path(self.path.text().strip())
        if path.name in self._names.values():
            self.path.setText(str(path.with_name(self._default_name())))

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), self.path.text(), self.tr("PDF (*.pdf)"))
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def _accept(self) -> None:
        text = self.path.text().strip()
        if not text:
            self._show_problem(self.tr("Choose where to save the report."))
            return
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
            self.path.setText(str(path))
        if path.is_dir():
            self._show_problem(self.tr("%1 is a folder; add a file name.").replace("%1", text))
            return
        if not path.parent.is_dir():
            self._show_problem(self.tr("The folder %1 does not exist.").replace(
                "%1", str(path.parent)))
            return
        if path.exists() and QMessageBox.question(
                self, self.tr("Export PDF report"),
                self.tr("%1 already exists. Replace it?").replace("%1", str(path)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        self.problem.hide()
        prefs.current().set_folder("report", path.parent)
        self.accept()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def values(self) -> dict[str, Any]:
        return {"lang": self.language.currentData(), "path": Path(self.path.text().strip()),
                "include_appendix": self.appendix.isChecked(),
                "board": bool(self.kind.currentData()),
                "assessor": self.assessor.text().strip() or None,
                "organisation": self.organisation.text().strip() or None,
                "open": self.open_after.isChecked()}


def export_report(parent: QWidget, session: Session, ui_lang: str, advice_data: Any,
                  on_done: Callable[[Path], None] | None = None) -> ExportDialog:
    """Ask, then make the report in the background with a progress dialog."""
    dialog = ExportDialog(session, ui_lang, advice_data, parent)
    exporter = Exporter(parent, session, advice_data, on_done)
    dialog.accepted.connect(lambda: exporter.start(dialog.values()))
    dialog.exporter = exporter  # type: ignore[attr-defined]  # lives as long as the dialog
    dialog.open()
    return dialog


class Exporter(QObject):
    """Makes one report off the GUI thread, showing progress, then opens it."""

    finished = Signal(object)   # Path of the report
    failed = Signal(str)

    def __init__(self, parent: QWidget, session: Session, advice_data: Any,
                 on_done: Callable[[Path], None] | None = None):
        super().__init__(parent)
        self.window = parent
        self.session = session
        self.advice_data = advice_data
        self.on_done = on_done
        self.progress: QProgressDialog | None = None

    def start(self, choice: dict[str, Any]) -> None:
        from ..core.report.service import make_report

        progress = QProgressDialog(self.tr("Making the report…"), "", 0, 100, self.window)
        progress.setWindowTitle(self.tr("Export PDF report"))
        progress.setCancelButton(None)  # type: ignore[arg-type]
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)
        self.progress = progress
        # a copy: the report shows the assessment as it is now, whatever happens meanwhile
        assessment = self.session.assessment.model_copy(deep=True)
        catalog, previous, data = self.session.catalog, self.session.previous, self.advice_data
        photos = self.session.store.attachments(self.session.id)
        store, assessment_id = self.session.store, self.session.id
        minimum = prefs.settings().min_peers

        def peers() -> Any:
            """The peer benchmark against the store (read with the report, off this thread)."""
            from ..core.portfolio.peers import peer_benchmark
            from ..core.portfolio.stored import stored_frame

            try:
                frame = stored_frame(store)
                return peer_benchmark(frame, assessment_id, minimum)
            except (KeyError, ValueError, TypeError):
                return None

        def work(report: Callable[[int, int], None]) -> Any:
            return make_report(assessment, choice["path"], choice["lang"], catalog=catalog,
                               data=data, previous=previous,
                               include_appendix=choice["include_appendix"],
                               assessor=choice["assessor"],
                               organisation=choice["organisation"], progress=report,
                               photos=photos, peers=peers(), board=choice.get("board", False))

        def done(made: Any) -> None:
            self._close_progress()
            if self.on_done is not None:
                self.on_done(made.path)
            self.finished.emit(made.path)
            if choice["open"] and not open_file(made.path):
                QMessageBox.information(self.window, self.tr("Export PDF report"),
                                        self.tr("The report was saved as %1. No PDF viewer "
                                                "could be started; open it from there.")
                                        .replace("%1", str(made.path)))

        def fail(error: BaseException, _trace: str) -> None:
            from ..core.report.service import ReportError

            self._close_progress()
            text = str(error) if isinstance(error, ReportError) else \
                f"{type(error).__name__}: {error}"
            self.failed.emit(text)
            QMessageBox.critical(self.window, self.tr("Export PDF report"),
                                 self.tr("The report was not made.") + "\n\n" + text)

        run_in_background(work, done, fail, self._step)

    def _step(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setValue(min(99, int(100 * done / max(1, total))))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.setValue(100)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
