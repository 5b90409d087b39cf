"""Import of bundles through the window, with the side-by-side merge dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gui_helpers import seed


def test_import_bundles_with_side_by_side_merge(qtbot: Any, start: Any, data_dir: Path,
                                                root: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from zhigai.core.exchange.bundle import export_bundle
    from zhigai.core.questionnaire.catalog import default_catalog
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store
    from zhigai.gui.merge_dialog import MergeDialog

    (auto,) = seed(data_dir, root, "auto-parts-midway")
    # the same assessment on a laptop, changed there and (differently) here
    from zhigai.core.base.paths import DB_FILE, sqlite_url

    laptop = Store.open(f"sqlite:///{tmp_path / 'laptop.db'}")
    catalog = default_catalog()
    office_url = sqlite_url(data_dir / DB_FILE)
    office = Store.open(office_url)
    export_bundle(office, auto, tmp_path / "first.zhigai")
    window = start("en")
    assert window.ctx.store.url == office_url
    reports: list[tuple[list[str], bool]] = []
    monkeypatch.setattr(window, "show_import_report", lambda lines, failed:
                        reports.append((lines, failed)))
    lines = window.import_bundles([str(tmp_path / "first.zhigai")])
    assert "same content" in lines[0]

    from zhigai.core.exchange.merge import import_bundle

    import_bundle(laptop, catalog, str(tmp_path / "first.zhigai"))
    there, here = Session.open(laptop, catalog, auto), Session.open(office, catalog, auto)
    qid = next(q.id for q in here.instrument.questions if q.type == "single"
               and q.id in here.assessment.answers and len(q.options) > 2)
    current = here.assessment.answers[qid].value
    mine, theirs = [o.id for o in here.instrument.by_id[qid].options if o.id != current][:2]
    here.answer(qid, mine)
    there.answer(qid, theirs)
    there.set_profile("employees", "333")
    export_bundle(laptop, auto, tmp_path / "later.zhigai")
    (tmp_path / "broken.zhigai").write_bytes(b"PK\x03\x04junk")

    seen: list[MergeDialog] = []

    def decide(plan: Any, catalog: Any) -> dict[str, Any]:
        instrument, _ = catalog.instrument_for(plan.bundle.assessment)
        dialog = MergeDialog(plan, instrument, "en")
        seen.append(dialog)
        assert not dialog.merge_button.isEnabled() and dialog.undecided() == 1
        row = next(r for r, d in enumerate(plan.differences) if d.conflict)
        assert dialog.table.item(row, 0).text().startswith("⚠")
        assert dialog.table.item(row, 3).text() == "both"
        dialog.choose(f"answer.{qid}", "incoming")
        assert dialog.merge_button.isEnabled()
        return dialog.choices()

    monkeypatch.setattr(window, "ask_merge", decide)
    lines = window.import_bundles([str(tmp_path / "broken.zhigai"),
                                   str(tmp_path / "later.zhigai")])
    assert reports[-1][1] is True                      # one failed: shown as a warning
    assert "not a Zhigai bundle" in lines[0] and "merged as chosen" in lines[1]
    merged = Store.open(office_url).load(auto)
    assert merged.answers[qid].value == theirs and merged.profile["employees"] == 333
    assert len(seen) == 1


@pytest.mark.parametrize("how", ["menu", "shortcut"])
def test_file_import_and_ctrl_i_import(qtbot: Any, start: Any, data_dir: Path, root: Path,
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       how: str) -> None:
    """File → Import bundles… and Ctrl+I ask for the files and import them (the menu's
    triggered(bool) once filled the paths with False and nothing happened)."""
    from PySide6.QtCore import Qt

    from zhigai.core.exchange.bundle import export_bundle
    from zhigai.core.store.store import Store

    (firm,) = seed(tmp_path / "laptop-data", root, "auto-parts-midway")
    source = Store.open(f"sqlite:///{tmp_path / 'laptop-data' / 'zhigai.sqlite3'}")
    export_bundle(source, firm, tmp_path / "visit.zhigai")
    source.close()
    window = start("en")
    assert window.ctx.store.assessments() == []
    asked: list[bool] = []
    monkeypatch.setattr(window, "ask_import_paths",
                        lambda: asked.append(True) or [str(tmp_path / "visit.zhigai")])
    reports: list[list[str]] = []
    monkeypatch.setattr(window, "show_import_report", lambda lines, failed: reports.append(lines))
    if how == "menu":
        window.import_action.trigger()
    else:
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(reports), timeout=10000)
    assert asked == [True]
    assert [a.id for a in window.ctx.store.assessments()] == [firm]


def test_a_hand_edited_file_is_shown_as_changed_outside_zhigai(
        qtbot: Any, start: Any, data_dir: Path, root: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The merge dialog says where a difference comes from: a file edited by hand is
    "outside Zhigai", a changed firm asks to be confirmed; nothing is taken unasked."""
    import json

    from zhigai.core.base.paths import DB_FILE, sqlite_url
    from zhigai.core.store.store import Store
    from zhigai.gui.merge_dialog import MergeDialog

    (aid,) = seed(data_dir, root, "auto-parts-midway")
    doc = json.loads((root / "examples" / "auto-parts-midway.json").read_text(encoding="utf-8"))
    doc["profile"]["company_name"] = "另一家公司"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    window = start("en")
    monkeypatch.setattr(window, "show_import_report", lambda lines, failed: None)
    shown: list[str] = []

    def look(plan: Any, catalog: Any) -> None:
        instrument, _ = catalog.instrument_for(plan.bundle.assessment)
        dialog = MergeDialog(plan, instrument, "en")
        shown.extend(dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount()))
        assert not dialog.merge_button.isEnabled()   # a choice is needed first
        return None                                  # the person closes it: skipped

    monkeypatch.setattr(window, "ask_merge", look)
    lines = window.import_bundles([str(edited)])
    assert shown == ["outside Zhigai (whose assessment it is: confirm)"]
    assert "skipped" in lines[0]
    store = Store.open(sqlite_url(data_dir / DB_FILE))
    try:
        assert store.load(aid).profile["company_name"] == "玉环恒达汽车零部件有限公司"
    finally:
        store.close()
