"""The home screen: the assessments table, search, delete with confirmation, and a damaged
store that must not stop the program."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui_helpers import seed, type_text

# ---------------------------------------------------------------------------- home

def test_home_table_model_without_widgets(qapp: Any, data_dir: Path, root: Path) -> None:
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.store.store import Store
    from zhigai.gui.models import AssessmentTableModel
    from zhigai.gui.translations import Translators

    Translators().install("en")   # the interface in English, whatever a test before left

    seed(data_dir, root, "textile-early", "auto-parts-midway")
    store = Store.open(sqlite_url(data_dir / DB_FILE))
    model = AssessmentTableModel("zh")
    model.set_rows(store.assessments())
    assert model.rowCount() == 2 and model.columnCount() == 6
    shown = {model.index(r, 0).data(): [model.index(r, c).data() for c in range(6)]
             for r in range(2)}
    textile = shown["绍兴柯桥锦程织造有限公司"]
    assert textile[1:5] == ["纺织", "绍兴市", "2026-11-20", "Complete"]
    assert textile[5] == "1 机械化与自动化 / 1 机械化与自动化"
    model.set_language("en")
    assert model.index(0, 1).data() in ("Textiles", "Automobile & motorcycle parts")
    stage_sort = [model.index(r, 5).data(AssessmentTableModel.SortRole) for r in range(2)]
    assert sorted(stage_sort) == [1, 2]
    store.close()


def test_home_lists_searches_and_deletes_with_confirmation(qtbot: Any, start: Any,
                                                           data_dir: Path, root: Path) -> None:
    seed(data_dir, root, "textile-early", "auto-parts-midway", "equipment-advanced")
    window = start()
    home = window.home
    qtbot.waitUntil(lambda: home.model.rowCount() == 3)
    type_text(qtbot, home.search, "玉环")
    qtbot.waitUntil(lambda: home.model.rowCount() == 1)
    assert home.model.rows[0].company_name == "玉环恒达汽车零部件有限公司"
    home.search.clear()
    qtbot.waitUntil(lambda: home.model.rowCount() == 3)
    home.select(home.model.rows[-1].id)
    victim = home.selected_id()

    def answer_dialog(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        assert "cannot be restored" in box.text()
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no {button_text} button")

    QTimer.singleShot(200, lambda: answer_dialog("Cancel"))
    qtbot.mouseClick(home.delete_button, Qt.MouseButton.LeftButton)
    assert home.model.rowCount() == 3             # cancelled: nothing deleted
    QTimer.singleShot(200, lambda: answer_dialog("Delete"))
    qtbot.mouseClick(home.delete_button, Qt.MouseButton.LeftButton)
    assert home.model.rowCount() == 2
    assert victim not in {r.id for r in home.model.rows}


# ---------------------------------------------------------------------------- store problems

def test_damaged_store_still_starts_and_offers_another(qtbot: Any, data_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir.mkdir(parents=True)
    damaged = data_dir / "zhigai.sqlite3"
    damaged.write_bytes(b"this is not a database" * 50)
    before = damaged.read_bytes()
    offered: list[Any] = []
    replacement = data_dir.parent / "other"
    replacement.mkdir()

    def choose(parent: Any, error: Any) -> str | None:
        offered.append(error)
        from zhigai.core.base.paths import sqlite_url

        return sqlite_url(replacement / "zhigai.sqlite3") if len(offered) == 1 else None

    monkeypatch.setattr("zhigai.gui.main_window.ask_for_store", choose)
    from zhigai.gui.app import create_app

    _app, window = create_app(["--lang", "en"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.ctx.store is not None, timeout=10000)
    assert offered and offered[0].kind == "damaged"
    assert window.isVisible()
    assert window.ctx.store.path == replacement / "zhigai.sqlite3"
    assert damaged.read_bytes() == before      # nothing overwritten
    window.close()
    from zhigai.gui.worker import wait_for_background

    wait_for_background()
