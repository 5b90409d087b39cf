"""Verification on site: the assessor, the owner's answer beside the verified one, evidence
notes and photos, and the history of each question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gui_helpers import seed, type_into


def _png(path: Path, colour: tuple[int, int, int] = (20, 120, 60)) -> Path:
    from PIL import Image

    Image.new("RGB", (320, 200), colour).save(path, "PNG")
    return path


def test_expert_verification_with_evidence_and_history(qtbot: Any, start: Any, data_dir: Path,
                                                       root: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Verify on site: the owner's answer stays beside the corrected one, a note and a photo
    are kept, the history names the expert, results show both scores, and the bundle
    carries it all to another store."""
    from zhigai.core.assessment.model import Assessor
    from zhigai.core.exchange.bundle import read_bundle
    from zhigai.core.questionnaire.catalog import default_catalog

    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start("en")
    window.open_assessment(auto, tab=1)
    page = window.page
    assert page.verify.text() == "Verify on site…" and not page.verified.isVisible()
    monkeypatch.setattr(page, "ask_assessor", lambda: Assessor(
        name="王工", organisation="杭州智造服务有限公司"))
    qtbot.mouseClick(page.verify, Qt.MouseButton.LeftButton)
    assert page.verified.isVisible() and "王工" in page.verified.text()
    assert page.verify.text() == "Assessor…"

    view = page.questions
    dim = view.current_dimension()
    qid = next(q.id for q in view.instrument.by_dimension[dim]
               if q.type == "single" and view.cards[q.id].is_answered())
    card, panel = view.cards[qid], view.panels[qid]
    assert panel.expert.isVisible() and "Owner's answer" in panel.owner.text()
    assert "corrected" not in panel.owner.text()
    checked = next(i for i, b in enumerate(card.buttons) if b.isChecked())
    other = 0 if checked else 1
    qtbot.mouseClick(card.buttons[other], Qt.MouseButton.LeftButton)
    assert "corrected by the expert" in panel.owner.text()

    panel.note.setFocus()
    type_into(qtbot, panel.note, "设备台账已核对")
    panel.flush()
    monkeypatch.setattr(panel, "ask_photo_paths", lambda: [str(_png(tmp_path / "mes.png")),
                                                           str(tmp_path / "missing.jpg")])
    qtbot.mouseClick(panel.add, Qt.MouseButton.LeftButton)
    assert panel.photo_scroll.isVisible() and panel.photos.count() == 2  # tile + stretch
    assert "missing.jpg" in panel.error.text()              # the bad file is named
    dialog = panel.show_history()
    rows = dialog.table.rowCount()
    assert rows == 3 and dialog.table.item(0, 1).text() == "王工"
    assert dialog.table.item(0, 2).text() == "answer"
    dialog.close()

    page.tabs.setCurrentWidget(page.results)
    qtbot.waitUntil(lambda: page.results.verification.isVisible(), timeout=3000)
    assert "1 answers corrected" in page.results.verification.text()
    assert not page.results.table.isColumnHidden(4)

    target = tmp_path / "visit"
    monkeypatch.setattr(page, "ask_bundle_path", lambda suggested: str(target))
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    bundle = read_bundle(target.with_suffix(".zhigai"), default_catalog())
    a = bundle.assessment
    assert a.kind == "expert" and a.evidence[qid].note == "设备台账已核对"
    assert len(bundle.photos) == 1 and a.owner_answers[qid].value != a.answers[qid].value
    assert "Bundle saved" in page.saved.text()
