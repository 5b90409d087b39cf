"""The PDF export dialog: the report in another language than the interface."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui_helpers import seed, type_into


def _export_dialog(qtbot: Any, page: Any, shortcut: bool = True) -> Any:
    from zhigai.gui.export_dialog import ExportDialog

    if shortcut:
        qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.mouseClick(page.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, ExportDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, ExportDialog) and w.isVisible())


def test_export_pdf_in_another_language(qtbot: Any, start: Any, data_dir: Path, root: Path,
                                        tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """English interface, Chinese report: made in the background, opened in the viewer, and
    it verifies against the store."""
    import subprocess

    from zhigai.gui import export_dialog

    opened: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_file", lambda p: opened.append(p) or True)
    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start("en")
    window.open_assessment(auto, tab=2)
    page = window.page
    dialog = _export_dialog(qtbot, page)
    assert dialog.path.text().endswith(".pdf") and "ZG-" in dialog.path.text()
    # a folder that does not exist: said in the dialog, which stays open
    dialog.path.setText(str(tmp_path / "missing" / "r.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "does not exist" in dialog.problem.text()
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    type_into(qtbot, dialog.assessor, "王建国")
    type_into(qtbot, dialog.organisation, "台州市智能制造服务团")
    target = tmp_path / "报告"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    pdf = target.with_name("报告.pdf")
    assert opened == [pdf] and pdf.stat().st_size > 50_000
    assert "Report saved" in page.saved.text()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "摘要" in text and "王建国" in text and "台州市智能制造服务团" in text
    from zhigai.cli.main import main

    monkeypatch.setenv("ZHIGAI_DB_URL", window.ctx.store.url)
    assert main(["verify", str(pdf)]) == 0
    # the next export starts from the defaults in the settings again (one-off choices are
    # not kept) and remembers the folder
    again = _export_dialog(qtbot, page, shortcut=False)
    assert again.language.currentData() == "en" and again.assessor.text() == ""
    assert Path(again.path.text()).parent == tmp_path
    again.reject()
    from zhigai.core.base import settings as prefs

    prefs.current().update(report=prefs.ReportDefaults("zh", False, True),
                           assessor=prefs.AssessorProfile("王建国", "台州市智能制造服务团"))
    third = _export_dialog(qtbot, page, shortcut=False)
    assert third.language.currentData() == "zh" and not third.appendix.isChecked()
    assert third.assessor.text() == "王建国" and third.organisation.text() == "台州市智能制造服务团"
    third.reject()


def test_export_the_board_summary(qtbot: Any, start: Any, data_dir: Path, root: Path,
                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing the board summary in the dialog (keys, not code): the default name gets
    -board, the appendix is not offered, and the file has one or two pages with the levels
    and the MIIT estimate; a wheel over the choice changes nothing."""
    import subprocess

    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    from zhigai.gui import export_dialog

    opened: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_file", lambda p: opened.append(p) or True)
    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start("zh")
    window.open_assessment(auto, tab=2)
    dialog = _export_dialog(qtbot, window.page)
    wheel = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(dialog.kind, wheel)
    assert dialog.kind.currentIndex() == 0
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.currentData() is True
    assert dialog.path.text().endswith("-board-zh.pdf") and not dialog.appendix.isEnabled()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Up)
    assert dialog.path.text().endswith("-zh.pdf") and "-board" not in dialog.path.text()
    assert dialog.appendix.isEnabled()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    dialog.path.setText(str(tmp_path / Path(dialog.path.text()).name))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    pdf = opened[0]
    assert pdf.name.endswith("-board-zh.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:"))
                .split()[1])
    assert 1 <= pages <= 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "董事会与主管部门摘要" in text and "工信部数字化水平" in text



def test_export_never_overwrites_without_asking(qtbot: Any, start: Any, data_dir: Path,
                                                root: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The default name carries the language, so the English report does not land on the
    Chinese one; an existing file is replaced only after Yes; a problem shown for a missing
    folder goes away once a good path is typed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from zhigai.gui import export_dialog

    opened: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_file", lambda p: opened.append(p) or True)
    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start("en")
    window.open_assessment(auto, tab=2)
    dialog = _export_dialog(qtbot, window.page)
    assert dialog.path.text().endswith("-en.pdf")
    qtbot.keyClick(dialog.language, Qt.Key.Key_Up)        # 中文 is listed first
    assert dialog.language.currentData() == "zh" and dialog.path.text().endswith("-zh.pdf")
    dialog.path.setText(str(tmp_path / "missing" / "r.pdf"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible()
    target = tmp_path / "r.pdf"
    target.write_bytes(b"the earlier report")
    qtbot.keyClicks(dialog.path, "x")                     # typing clears the problem
    assert not dialog.problem.isVisible()
    dialog.path.setText(str(target))

    def answer(button: QMessageBox.StandardButton) -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        assert "already exists" in box.text()
        box.button(button).click()

    QTimer.singleShot(200, lambda: answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and target.read_bytes() == b"the earlier report"
    QTimer.singleShot(200, lambda: answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert opened == [target] and target.read_bytes().startswith(b"%PDF")


def test_the_documents_folder_is_made_on_a_fresh_machine(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from zhigai.gui.export_dialog import _documents

    home = tmp_path / "新用户"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    folder = _documents()
    assert folder.is_dir() and home in folder.parents
