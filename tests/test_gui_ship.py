"""Shipping quality: every screen in both languages with nothing left untranslated or
clipped, settings, the first start, About, and a whole assessment with the keyboard alone."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QWidget,
)

from zhigai.core.base import settings as prefs

from gui_helpers import seed, type_into, type_text

# ---------------------------------------------------------------------------- texts on screen

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
# words that stay as they are in a Chinese interface: product and file names, acronyms of the
# trade, key names
KEEP = {
    "English", "Zhigai", "zhigai", "PDF", "MES", "ERP", "CSV", "Excel", "Word", "Ctrl", "Shift",
    "Tab",
    "Enter", "Esc", "Space", "SQLite", "sqlite", "JSON", "CNC", "PLM", "PLC", "SCADA", "APS", "WMS",
    "AGV", "SPC", "OEE", "DNC", "CAD", "CAM", "CAPP", "IATF", "ISO", "MRP", "SRM", "CRM",
    "AII", "IoT", "OPC", "LIMS", "HMI", "EMS", "QMS", "APP", "App", "RFID", "WiFi", "Wi-Fi",
    "PPP", "IRR", "NPV", "DSCR", "LPR", "KPI", "GB/T", "Apache", "Alt", "Del", "xlsx",
    "PNG", "JPEG", "JPG", "EAM", "LAN", "VPN", "SaaS", "IaaS", "PaaS", "MIS", "OA", "BOM",
    "TPM", "SMT", "Qt", "QR", "python", "reportlab", "pandas", "SQLAlchemy", "pydantic",
}


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return unescape(text).replace("&&", "&").replace("&", "")


def screen_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every piece of interface text under ``root``: labels, buttons, group
    titles, tabs, combo items, placeholders, tool tips, headers, menus, window titles. What
    the user typed (line edits, text areas) and table cells (data) are left out."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str | None, what: str = "") -> None:
        if text and text.strip():
            found.append((f"{type(widget).__name__}{what} {widget.objectName()}".strip(),
                          _plain(text)))

    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w.isWindow():
            add(w, w.windowTitle(), ".windowTitle")
        add(w, w.toolTip(), ".toolTip")
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w, w.text())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, w.tabText(i), ".tab")
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, w.itemText(i), ".item")
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            add(w, w.placeholderText(), ".placeholder")
        elif isinstance(w, QTextBrowser):
            add(w, w.toPlainText())
        elif isinstance(w, QMenu):
            add(w, w.title(), ".title")
            for action in w.actions():
                add(w, action.text(), ".action")
        header = (w.horizontalHeader() if isinstance(w, QTableView)
                  else w.header() if isinstance(w, QTreeView) else None)
        if header is not None and w.model() is not None:
            for c in range(header.count()):
                if not header.isSectionHidden(c):
                    add(w, str(w.model().headerData(c, Qt.Orientation.Horizontal) or ""),
                        ".header")
    return found


def untranslated(texts: list[tuple[str, str]], lang: str, data: set[str]) -> list[str]:
    """Texts in the other language: English words in the Chinese interface, Chinese in the
    English one (``data``: firm data shown as entered, e.g. company names, is allowed)."""
    bad = []
    for where, text in texts:
        rest = text
        for value in sorted(data, key=len, reverse=True):
            rest = rest.replace(value, " ")
        if lang == "zh":
            # file paths, versions, e-mail and URLs are not words of the interface
            rest = re.sub(r"\S*[/\\@:]\S*|\S*\d\S*", " ", rest)
            # a command to type (zhigai db upgrade) is not a sentence to translate
            rest = re.sub(r"\bzhigai(?: [a-z][a-z-]*)+", " ", rest)
            # acronyms (EDI, PDM, YYYY-MM-DD, ZHIGAI_DATA_DIR) are not translated
            rest = re.sub(r"\b[A-Z][A-Z0-9_-]+\b", " ", rest)
            words = [w for w in WORD.findall(rest) if w not in KEEP]
            if words:
                bad.append(f"{where}: {text!r} ({', '.join(words[:4])})")
        else:
            rest = rest.replace("中文", "").replace("【示例】", "").replace("示例", "")
            if CJK.search(rest):
                bad.append(f"{where}: {text!r}")
    return bad


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons smaller than their text needs: single-line ones too narrow,
    wrapped labels too short for their lines."""
    out = []
    for w in root.findChildren(QWidget):
        if not w.isVisible() or w.width() <= 1:
            continue
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            if w.wordWrap():
                need_h = w.heightForWidth(w.width())
                if w.height() + 2 < need_h:
                    out.append(f"QLabel {_plain(w.text())[:40]!r}: height {w.height()} < "
                               f"{need_h}")
                continue
        elif not (isinstance(w, QAbstractButton) and w.text()
                  and type(w).__name__ in ("QPushButton", "QCheckBox", "QRadioButton")):
            continue
        need = w.minimumSizeHint().width()
        if w.width() + 2 < need:
            out.append(f"{type(w).__name__} {_plain(w.text())!r}: {w.width()} < {need}")
    return out


def settled_clipping(qtbot: Any, root: QWidget, tries: int = 5) -> list[str]:
    """:func:`clipped` once the layouts have settled: a page just shown on a busy machine may
    not have had its sizes yet (a label 3 px high for a moment); a real clipping stays."""
    found = clipped(root)
    for _ in range(tries):
        if not found:
            break
        qtbot.wait(200)
        found = clipped(root)
    return found


def data_strings(store: Any) -> set[str]:
    """The firm data the screens may show as entered (company, city, products, project)."""
    out: set[str] = set()
    for row in store.assessments():
        a = store.load(row.id)
        for value in a.profile.values():
            if isinstance(value, str) and CJK.search(value):
                out.add(value)
        if a.project is not None:
            out.add(a.project.name)
            out.update(i.description for i in a.project.items)
            out.update(i.supplier for i in a.project.items if i.supplier)
        out.update(e.note for e in a.evidence.values())
        if a.assessor is not None:
            out.update({a.assessor.name, a.assessor.organisation})
        out.update({row.company_name or "", a.notes or ""})
    out.discard("")
    return out


def settle(qtbot: Any, ms: int = 50) -> None:
    qtbot.wait(ms)


# ---------------------------------------------------------------------------- every screen


def walk(qtbot: Any, window: Any, lang: str) -> Iterator[tuple[str, QWidget]]:
    """Every screen and dialog, one after the other, as (name, widget shown)."""
    from zhigai.core.assessment.model import Assessor
    from zhigai.gui.assessor_dialog import AssessorDialog
    from zhigai.gui.help_dialogs import AboutDialog, WelcomeDialog
    from zhigai.gui.settings_dialog import SettingsDialog
    from zhigai.gui.store_dialog import StoreDialog
    from zhigai.gui.supports_view import catalogue_name

    store = window.ctx.store
    window.home.refresh()
    yield "home", window
    for menu in (window.file_menu, window.view_menu, window.help_menu,
                 window.language_menu):
        yield f"menu {menu.title()}", menu
    window.new_assessment()
    settle(qtbot)
    yield "new assessment", window
    window.go_home()
    rows = {r.company_name: r.id for r in store.assessments()}
    auto = next(i for name, i in rows.items() if name.startswith("玉环"))
    window.open_assessment(auto, tab=0)
    page = window.page
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        settle(qtbot)
        yield f"tab {index + 1}", window
    # on site: verification, evidence, history
    page.ask_assessor = lambda: Assessor(name="王工", organisation="杭州智造服务有限公司")
    page.start_verification()
    page.tabs.setCurrentIndex(1)
    settle(qtbot)
    yield "verification", window
    view = page.questions
    qid = next(q.id for q in view.instrument.by_dimension[view.current_dimension()]
               if q.id in view.panels)
    history = view.panels[qid].show_history()
    yield "history", history
    history.close()
    page.tabs.setCurrentIndex(2)
    settle(qtbot)
    yield "verified results", window
    page.tabs.setCurrentWidget(page.official)      # with the evidence checklist
    settle(qtbot)
    yield "verified official level", window
    export = page.export_pdf()
    yield "export", export
    export.reject()
    window.show_portfolio()
    qtbot.waitUntil(lambda: type(window.page).__name__ == "PortfolioPage", timeout=10000)
    portfolio = window.page
    portfolio.table.selectRow(0)
    settle(qtbot, 200)
    yield "portfolio", window
    window.go_home()
    catalogues = [(c.id, catalogue_name(c, lang, "-"))
                  for c in window.ctx.advice_data().catalogues.values()]
    for name, dialog in (
            ("settings", SettingsDialog(catalogues, window)),
            ("about", AboutDialog(lang, window.ctx.catalog(), window.ctx.advice_data(),
                                  store.url, window)),
            ("welcome", WelcomeDialog(True, window)),
            ("assessor", AssessorDialog(window))):
        dialog.show()
        settle(qtbot)
        yield name, dialog
        dialog.reject()
    box = QWidget(window)
    box.setObjectName("store texts")
    helper = StoreDialog()
    for kind in ("damaged", "newer", "readonly", "foreign", "missing", "outdated", "conflict"):
        from zhigai.core.store.errors import StoreError

        label = QLabel(helper.message(StoreError(kind, "x", "/tmp/s.sqlite3")), box)
        label.setWordWrap(True)
    yield "store messages", box


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_screen_speaks_one_language_and_nothing_is_clipped(
        qtbot: Any, start: Any, data_dir: Path, root: Path, lang: str) -> None:
    seed(data_dir, root, "textile-early", "auto-parts-midway", "equipment-advanced")
    window = start(lang)
    window.resize(1180, 780)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    assert window.devicePixelRatio() == scale
    data = data_strings(window.ctx.store)
    from zhigai.core.base.identity import login_name

    # the login name is offered as the default name of this computer's user
    data.update({"王工", "杭州智造服务有限公司", "浙江省", "中文", login_name()})
    problems: list[str] = []
    names = []
    for name, widget in walk(qtbot, window, lang):
        names.append(name)
        data = data | data_strings(window.ctx.store)
        problems += [f"[{name}] {p}" for p in untranslated(screen_texts(widget), lang, data)]
        if isinstance(widget, QDialog) or widget is window:
            problems += [f"[{name}] clipped: {p}" for p in settled_clipping(qtbot, widget)]
    assert len(names) >= 20
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(os.environ.get("QT_SCALE_FACTOR", "1") != "1", reason="already scaled")
def test_every_screen_at_200_percent(root: Path, tmp_path: Path) -> None:
    """The same walk at 200% (QT_SCALE_FACTOR=2) on a 2560x1600 laptop screen, i.e. a
    1280x800 desktop: nothing clipped, nothing untranslated. A separate process, because the
    scale is fixed when Qt starts."""
    import subprocess
    import sys

    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": 2560, "height": 1600,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": "2",
           "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "-k", "speaks_one_language", str(Path(__file__))],
                         cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "2 passed" in run.stdout


def test_the_checks_catch_a_mixed_screen(qtbot: Any) -> None:
    """The language and clipping checks themselves fail where they should."""
    page = QWidget()
    qtbot.addWidget(page)
    QLabel("评估结果", page).setObjectName("ok")
    QLabel("Results of the assessment", page)
    tight = QLabel("一个很长很长的不会换行的标题文字", page)
    page.show()
    tight.setFixedWidth(20)
    texts = screen_texts(page)
    assert untranslated(texts, "zh", set()) == [
        "QLabel: 'Results of the assessment' (Results, the, assessment)"]
    assert untranslated(texts, "en", set()) == [
        "QLabel ok: '评估结果'", "QLabel: '一个很长很长的不会换行的标题文字'"]
    assert untranslated(texts, "en", {"评估结果", "一个很长很长的不会换行的标题文字"}) == []
    assert any("一个很长" in p for p in clipped(page))


def test_qt_own_dialogs_speak_chinese(qtbot: Any, tmp_path: Path) -> None:
    """Qt's file dialog (the non-native one, as offscreen and on Linux without a portal) and
    the standard message-box buttons are Chinese, including the labels whose shortcut key is
    newer than Qt's Chinese translation ("&Look in:", "Files of &type:")."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from zhigai.gui.translations import Translators

    translators = Translators()
    translators.install("zh")
    try:
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            dialog = QFileDialog(None, "导出报告", str(tmp_path), "PDF 文件 (*.pdf)")
            qtbot.addWidget(dialog)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.setAcceptMode(mode)
            dialog.show()
            texts = screen_texts(dialog) + [("QAction", _plain(a.text()))
                                            for a in dialog.findChildren(QAction)]
            assert untranslated(texts, "zh", {str(tmp_path), "*.pdf"}) == []
            labels = {w.text() for w in dialog.findChildren(QLabel)}
            assert {"查找范围(&L)：", "文件类型(&T)："} <= labels, labels
            dialog.reject()
        box = QMessageBox(QMessageBox.Icon.Question, "替换文件", "文件已存在，替换吗？",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                          | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert sorted(_plain(b.text()) for b in box.buttons()) == sorted(["是(Y)", "否(N)", "取消"])
    finally:
        translators.install("en")


# ---------------------------------------------------------------------------- first start


def _no_settings(data_dir: Path) -> None:
    (data_dir.parent / "config" / "settings.json").unlink()


def test_first_start_welcomes_and_offers_a_sample(qtbot: Any, start: Any,
                                                   data_dir: Path) -> None:
    _no_settings(data_dir)
    window = start("zh")
    qtbot.waitUntil(lambda: getattr(window, "welcome", None) is not None
                    and window.welcome.isVisible(), timeout=10000)
    welcome = window.welcome
    assert welcome.windowTitle() == "欢迎使用智改" and welcome.sample_button is not None
    rows = window.ctx.store.assessments()
    assert len(rows) == 1 and "示例" in rows[0].company_name
    assert prefs.settings().state.sample_ids == [rows[0].id]
    assert prefs.settings().state.welcomed and window.home.model.rowCount() == 1
    qtbot.mouseClick(welcome.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: type(window.page).__name__ == "AssessmentPage", timeout=10000)
    page = window.page
    assert page.session.id == rows[0].id and page.session.score.complete
    assert page.sample_banner is not None and page.sample_banner.isVisible()
    assert "示例评估" in page.sample_banner.text()
    window.close()
    again = start("zh")                       # the second start: no welcome, no new sample
    qtbot.wait(300)
    assert getattr(again, "welcome", None) is None
    assert len(again.ctx.store.assessments()) == 1
    # Help → Add the sample assessment: another copy, marked too
    again.sample_action.trigger()
    qtbot.waitUntil(lambda: type(again.page).__name__ == "AssessmentPage", timeout=10000)
    assert len(again.ctx.store.assessments()) == 2 and again.page.sample_banner is not None


def test_no_sample_in_a_store_that_has_assessments(qtbot: Any, start: Any, data_dir: Path,
                                                   root: Path) -> None:
    _no_settings(data_dir)
    seed(data_dir, root, "textile-early")
    window = start("en")
    qtbot.waitUntil(lambda: getattr(window, "welcome", None) is not None, timeout=10000)
    assert window.welcome.sample_button is None
    assert len(window.ctx.store.assessments()) == 1


@pytest.mark.parametrize(("system", "chosen", "expected"), [
    ("en_US", None, "en"), ("zh_CN", None, "zh"), ("zh_TW", None, "zh"),
    ("zh_CN", "en", "en"), ("en_GB", "zh", "zh")])
def test_language_follows_the_system_until_one_is_chosen(
        qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch, system: str,
        chosen: str | None, expected: str) -> None:
    from zhigai.gui import translations
    from zhigai.gui.app import create_app

    if chosen:
        prefs.current().update(language=chosen)
    monkeypatch.setattr(translations.QLocale, "system", staticmethod(lambda: QLocale(system)))
    _app, window = create_app([])
    qtbot.addWidget(window)
    assert window.ctx.lang == expected
    assert window.file_menu.title() == ("文件(&F)" if expected == "zh" else "&File")
    assert prefs.settings().language == chosen     # following the system saves nothing
    qtbot.waitUntil(lambda: window.ctx.store is not None, timeout=10000)
    window.close()


def test_about_shows_versions_and_sources(qtbot: Any, start: Any) -> None:
    from zhigai import __version__
    from zhigai.core.advice.data import default_advice_data

    window = start("en")
    window.about()
    text = window.about_dialog.text.toPlainText()
    assert f"Zhigai {__version__}" in text
    assert "Questionnaire" in text and "1.0.0" in text
    for cat in default_advice_data().catalogues.values():
        assert cat.title.get("en") in text and cat.source.basis.get("en")[:30] in text
    assert str(prefs.settings_path()) in text and str(window.ctx.store.path) in text
    window.about_dialog.close()


# ---------------------------------------------------------------------------- settings


def _in_settings(qtbot: Any, window: Any, act: Any) -> None:
    """Open File → Settings (modal) and let ``act(dialog)`` fill it in and close it."""
    done: list[bool] = []

    def run() -> None:
        dialog = window.settings_dialog
        act(dialog)
        done.append(True)

    QTimer.singleShot(100, run)
    window.settings_action.trigger()
    assert done


def test_settings_switch_language_without_losing_work(qtbot: Any, start: Any, data_dir: Path,
                                                      root: Path) -> None:
    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start("zh")
    window.open_assessment(auto, tab=1)
    page = window.page
    page.questions.focus_question("eq_cnc_rate")
    line = page.questions.cards["eq_cnc_rate"].line
    line.selectAll()
    qtbot.keyClicks(line, "77")                 # typed, Enter not pressed yet

    def choose_english(dialog: Any) -> None:
        assert dialog.windowTitle() == "设置"
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.min_peers.setValue(7)
        type_into(qtbot, dialog.assessor_name, "王建国")
        dialog.catalogue.setCurrentIndex(dialog.catalogue.findData("national-2024-2026"))
        dialog.report_language.setCurrentIndex(dialog.report_language.findData("zh"))
        dialog.accept()

    _in_settings(qtbot, window, choose_english)
    assert window.ctx.lang == "en" and window.file_menu.title() == "&File"
    page = window.page                           # rebuilt in English, same assessment and tab
    assert page.session.id == auto and page.tabs.currentIndex() == 1
    assert page.tabs.tabText(1) == "Questionnaire"
    assert page.session.assessment.answers["eq_cnc_rate"].value == 77   # nothing lost
    saved = json.loads(prefs.settings_path().read_text(encoding="utf-8"))
    assert saved["language"] == "en" and saved["min_peers"] == 7
    assert saved["assessor"]["name"] == "王建国" and saved["catalogue"] == "national-2024-2026"
    assert saved["report"]["language"] == "zh"
    # a new assessment starts with the chosen policy catalogue
    window.go_home()
    window.new_assessment()
    new = window.page
    new.form.editors["company_name"].editor.setText("设置测试有限公司")
    new.form.editors["city"].editor.setText("杭州市")
    industry = new.form.editors["industry"].editor
    industry.setCurrentIndex(industry.findData("textile"))
    new.form.editors["employees"].editor.setText("30")
    qtbot.mouseClick(new.create, Qt.MouseButton.LeftButton)
    assert window.page.session.assessment.project.catalogues == ["national-2024-2026"]


def test_settings_data_folder_moves_to_another_store(qtbot: Any, start: Any, data_dir: Path,
                                                     root: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    seed(data_dir, root, "textile-early")
    monkeypatch.delenv("ZHIGAI_DATA_DIR")
    (data_dir.parent / "config" / "settings.json").write_text(json.dumps(
        {"data_dir": str(data_dir), "state": {"welcomed": True}}))
    window = start("en")
    assert window.ctx.store.path.parent == data_dir and window.home.model.rowCount() == 1
    other = tmp_path / "visit-laptop"

    def bad_then_good(dialog: Any) -> None:
        dialog.data_dir.setText("relative/folder")
        dialog.accept()
        assert dialog.isVisible() and "full path" in dialog.problem.text()
        dialog.data_dir.setText(str(other))
        dialog.accept()

    _in_settings(qtbot, window, bad_then_good)
    qtbot.waitUntil(lambda: window.ctx.store is not None
                    and window.ctx.store.path.parent == other, timeout=10000)
    assert window.home.model.rowCount() == 0 and (other / "zhigai.sqlite3").exists()
    assert (data_dir / "zhigai.sqlite3").exists()          # the old store is untouched
    assert prefs.settings().data_dir == str(other)


def test_old_qsettings_are_carried_over_once(qtbot: Any, data_dir: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from zhigai.gui.app import migrate_qsettings

    config = data_dir.parent / "config"
    (config / "settings.json").unlink()
    ini = QSettings(str(config / "Zhigai" / "Zhigai.ini"), QSettings.Format.IniFormat)
    for key, value in (("assessor/name", "李工"), ("assessor/organisation", "宁波服务团"),
                       ("portfolio/min_peers", "9"), ("report/lang", "en"),
                       ("report/appendix", "false"), ("bundle/folder", str(tmp_path)),
                       ("resume/abc", "q3")):
        ini.setValue(key, value)
    ini.sync()
    prefs.forget()
    migrate_qsettings(prefs.current())
    s = prefs.settings()
    assert s.assessor == prefs.AssessorProfile("李工", "宁波服务团", "")
    assert (s.min_peers, s.report.language, s.report.appendix) == (9, "en", False)
    assert s.state.folders["bundle"] == str(tmp_path) and s.state.resume == {"abc": "q3"}
    prefs.current().update(min_peers=4)
    migrate_qsettings(prefs.current())                    # once: the new file wins
    assert prefs.settings().min_peers == 4


def test_a_damaged_settings_file_is_reported_and_kept(qtbot: Any, start: Any,
                                                       data_dir: Path) -> None:
    path = data_dir.parent / "config" / "settings.json"
    path.write_text('{"state": {"welcomed": true}, "min_peers": "lots", "language": "zh"}')
    window = start("en")
    box = window.settings_problems_box
    assert box.isVisible() and "File → Settings" in box.text()
    assert f"{path}: field 'min_peers': value \"lots\" must be a whole number" in \
        box.detailedText()
    assert prefs.settings().min_peers == 5 and prefs.settings().language == "zh"
    assert list(path.parent.glob("settings.json.broken-*"))
    box.close()


# ---------------------------------------------------------------------------- keyboard only


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_a_complete_assessment_with_the_keyboard_alone(qtbot: Any, start: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+N, the profile with Tab and typing, every question with number keys and Enter,
    the results, Ctrl+E and Enter for the report: no mouse anywhere."""
    from zhigai.gui import export_dialog
    from zhigai.gui.question_card import QuestionCard

    opened: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_file", lambda p: opened.append(p) or True)
    monkeypatch.setattr(export_dialog, "_documents", lambda: str(tmp_path))
    window = start("en")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: type(window.page).__name__ == "NewAssessmentPage", timeout=5000)
    page = window.page
    editors = {f.editor: fid for fid, f in page.form.editors.items()}
    wanted = {"company_name": "绍兴纯键盘纺织有限公司", "city": "绍兴市", "employees": "45"}
    for _ in range(120):
        focus = _focus()
        if focus is page.create:
            break
        field = editors.get(focus)
        if field in wanted:
            type_text(qtbot, focus, wanted.pop(field))   # Chinese through the input method
        elif field == "industry":
            for _step in range(focus.count()):
                if focus.currentData() == "textile":
                    break
                qtbot.keyClick(focus, Qt.Key.Key_Down)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert _focus() is page.create and not wanted
    qtbot.keyClick(page.create, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: type(window.page).__name__ == "AssessmentPage", timeout=5000)
    page = window.page
    assert page.tabs.currentWidget() is page.questions
    for _ in range(400):
        if page.tabs.currentWidget() is page.results:
            break
        focus = _focus()
        card = focus
        while card is not None and not isinstance(card, QuestionCard):
            card = card.parentWidget()
        assert card is not None, f"focus is on {focus!r}, not on a question"
        if card.q.type in ("single", "yesno") or card.q.type == "multi":
            qtbot.keyClick(focus, Qt.Key.Key_1)
        elif card.q.type in ("number", "percent"):
            qtbot.keyClick(focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(focus, "20")
        else:
            type_text(qtbot, focus, "无")
            qtbot.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            continue
        qtbot.keyClick(focus, Qt.Key.Key_Return)
    session = page.session
    assert page.tabs.currentWidget() is page.results and session.score.complete
    assert page.results.verdict.value.text().startswith(str(session.score.stage_weakest_link))
    for index in range(6):                       # every tab with Ctrl+1..6
        qtbot.keyClick(page, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert page.tabs.currentIndex() == index
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    or any(type(w).__name__ == "ExportDialog" and w.isVisible()
                           for w in QApplication.topLevelWidgets()), timeout=5000)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if type(w).__name__ == "ExportDialog" and w.isVisible())
    qtbot.keyClick(dialog, Qt.Key.Key_Return)      # the default button: Export
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    assert opened[0].exists() and opened[0].parent == tmp_path
    assert window.ctx.store.row(session.id).status == "complete"
    qtbot.keyClick(page, Qt.Key.Key_Escape)        # back to the list
    assert window.page is None and window.home.isVisible()
    assert window.home.model.rowCount() == 1


# ---------------------------------------------------------------------------- the .ts files


def _messages(ts: Path) -> set[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    return {(c.findtext("name") or "", m.findtext("source") or "")
            for c in ET.parse(ts).iter("context") for m in c.iter("message")}


def test_ts_files_hold_every_interface_string_translated(root: Path, tmp_path: Path) -> None:
    """lupdate over the code finds no string the committed .ts files lack (nor any they keep
    for nothing), and every one has its Chinese: `python scripts/i18n.py update` and a
    translator's pass were not forgotten."""
    import shutil
    import subprocess
    import sys

    sys.path.insert(0, str(root / "scripts"))
    try:
        import i18n
    finally:
        sys.path.remove(str(root / "scripts"))
    committed = i18n.FILES["zh_CN"]
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    subprocess.run([i18n.tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "zh_CN", *i18n.sources(),
                    "-ts", str(fresh)], check=True)
    found, kept = _messages(fresh), _messages(committed)
    assert found - kept == set(), "run: python scripts/i18n.py update"
    assert kept - found == set(), "strings no longer in the code: python scripts/i18n.py update"
    assert i18n.missing(committed) == []
    assert _messages(i18n.FILES["en"]) == kept
