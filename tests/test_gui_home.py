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


# ---------------------------------------------------------------------------- re-assess, delete

def _answer_box(button_text: str, seen: list[QMessageBox]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox), box
    seen.append(box)
    for button in box.buttons():
        if button.text().replace("&", "") == button_text:
            button.click()
            return
    raise AssertionError(f"no {button_text} button in {[b.text() for b in box.buttons()]}")


def _box_text(box: QMessageBox) -> str:
    return box.text() + "\n" + box.informativeText()


def test_re_assess_explains_first_and_links_the_copy_to_the_earlier(
        qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    (textile,) = seed(data_dir, root, "textile-early")
    window = start()
    home = window.home
    qtbot.waitUntil(lambda: home.model.rowCount() == 1)
    home.select(textile)
    seen: list[QMessageBox] = []
    texts: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        texts.append(_box_text(box))
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        _answer_box(button, seen)

    QTimer.singleShot(200, lambda: answer("No"))
    qtbot.mouseClick(home.follow_button, Qt.MouseButton.LeftButton)
    assert seen and window.page is None and home.model.rowCount() == 1   # nothing copied
    said = texts[0]
    assert "绍兴柯桥锦程织造有限公司" in said and "2026-11-20" in said
    assert "new assessment of the same firm" in said
    assert "answers of the assessment of 2026-11-20" in said
    assert "stays unchanged" in said and "baseline" in said

    QTimer.singleShot(200, lambda: answer("Yes"))
    qtbot.mouseClick(home.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: type(window.page).__name__ == "AssessmentPage", timeout=5000)
    copy = window.page.session
    assert copy.assessment.previous_id == textile and copy.id != textile
    qtbot.mouseClick(window.page.back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page is None and home.model.rowCount() == 2)
    names = {r.id: home.model.index(i, 0).data() for i, r in enumerate(home.model.rows)}
    today = home.model.index(
        [r.id for r in home.model.rows].index(copy.id), 3).data()
    assert names[copy.id] == ("绍兴柯桥锦程织造有限公司 (re-assessment of the assessment of "
                              "2026-11-20)")
    assert names[textile] == f"绍兴柯桥锦程织造有限公司 (re-assessed on {today})"
    # a search that shows only the copy still dates its link
    home.search.setText(today)
    qtbot.waitUntil(lambda: home.model.rowCount() == 1)
    assert "re-assessment of the assessment of 2026-11-20" in home.model.index(0, 0).data()


def test_re_assess_speaks_chinese(qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    (textile,) = seed(data_dir, root, "textile-early")
    window = start("zh")
    home = window.home
    qtbot.waitUntil(lambda: home.model.rowCount() == 1)
    home.select(textile)
    seen: list[QMessageBox] = []
    texts: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        texts.append(_box_text(box))
        box.reject()   # Esc / the window's close button: nothing happens
        seen.append(box)

    QTimer.singleShot(200, answer)
    qtbot.mouseClick(home.follow_button, Qt.MouseButton.LeftButton)
    assert seen and window.page is None and home.model.rowCount() == 1
    assert "同一家企业新建一份评估" in texts[0] and "2026-11-20" in texts[0]
    assert not any("a" <= c.lower() <= "z" for c in texts[0])        # no English


def test_delete_confirmation_names_the_date_the_list_shows(qtbot: Any, start: Any,
                                                           data_dir: Path, root: Path) -> None:
    """The assessment date (the list's Date column), not the day the record was made."""
    from zhigai.core.assessment.model import load_assessment
    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    assessment = load_assessment(root / "examples" / "textile-early.json")
    assessment.profile["assessment_date"] = "2026-10-05"     # made on 2026-11-20
    store = Store.open(sqlite_url(data_dir / DB_FILE))
    Session.import_assessment(store, default_catalog(), assessment)
    store.close()
    window = start()
    home = window.home
    qtbot.waitUntil(lambda: home.model.rowCount() == 1)
    home.select(assessment.id)
    assert home.model.index(0, 3).data() == "2026-10-05"
    seen: list[QMessageBox] = []
    texts: list[str] = []

    def answer() -> None:
        texts.append(_box_text(QApplication.activeModalWidget()))  # type: ignore[arg-type]
        _answer_box("Cancel", seen)

    QTimer.singleShot(200, answer)
    qtbot.mouseClick(home.delete_button, Qt.MouseButton.LeftButton)
    assert "made on 2026-10-05?" in texts[0] and "2026-11-20" not in texts[0]
    assert home.model.rowCount() == 1


def test_home_stage_column_never_says_none(qapp: Any) -> None:
    """A stage by the gates not decided yet shows a dash, not "None"."""
    from zhigai.core.store.rows import AssessmentRow
    from zhigai.gui.models import AssessmentTableModel

    summary = {"stage_index": 2, "stage_weakest": None, "labels": {
        "stage_index": {"zh": "数字化", "en": "Digitised"}}}
    row = AssessmentRow(id="x", firm_key="", company_name="甲", industry="", city="",
                        created_at="2026-11-20T00:00:00", updated_at="2026-11-20T00:00:00",
                        status="draft", kind="self", questionnaire_id="q",
                        questionnaire_version="1", previous_id=None, revision=0,
                        summary=summary)
    model = AssessmentTableModel("en")
    model.set_rows([row, AssessmentRow(**{**row.__dict__, "id": "y", "summary": {}})])
    assert model.index(0, 5).data() == "2 Digitised / —"
    assert model.index(1, 5).data() == "—"
    assert all("None" not in str(model.index(r, c).data())
               for r in range(2) for c in range(6))
