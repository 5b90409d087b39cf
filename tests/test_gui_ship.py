"""Shipping quality: every screen in both languages with nothing left untranslated or
clipped, settings, the first start, About, and a whole assessment with the keyboard alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
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
from test_gui import seed

# ---------------------------------------------------------------------------- texts on screen

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
# words that stay as they are in a Chinese interface: product and file names, acronyms of the
# trade, key names
KEEP = {
    "English", "Zhigai", "zhigai", "PDF", "MES", "ERP", "CSV", "Excel", "Ctrl", "Shift", "Tab",
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
    from zhigai.core.assessment import Assessor
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
    for kind in ("damaged", "newer", "readonly", "foreign", "missing"):
        from zhigai.core.store import StoreError

        label = QLabel(helper.message(StoreError(kind, "x", "/tmp/s.sqlite3")), box)
        label.setWordWrap(True)
    yield "store messages", box


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_screen_speaks_one_language_and_nothing_is_clipped(
        qtbot: Any, start: Any, data_dir: Path, root: Path, lang: str) -> None:
    seed(data_dir, root, "textile-early", "auto-parts-midway", "equipment-advanced")
    window = start(lang)
    window.resize(1180, 780)
    data = data_strings(window.ctx.store)
    data.update({"王工", "杭州智造服务有限公司", "浙江省", "中文"})
    problems: list[str] = []
    names = []
    for name, widget in walk(qtbot, window, lang):
        names.append(name)
        data = data | data_strings(window.ctx.store)
        problems += [f"[{name}] {p}" for p in untranslated(screen_texts(widget), lang, data)]
        if isinstance(widget, QDialog) or widget is window:
            problems += [f"[{name}] clipped: {p}" for p in clipped(widget)]
    assert len(names) >= 20
    assert not problems, "\n".join(problems)


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
