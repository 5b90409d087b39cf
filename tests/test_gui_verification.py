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
    from zhigai.core.base import settings as prefs
    from zhigai.core.base.identity import machine_name
    from zhigai.core.exchange.bundle import read_bundle
    from zhigai.core.questionnaire.catalog import default_catalog

    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start("en")
    prefs.settings().user_name = "王工"        # the expert's laptop: its local profile
    window.open_assessment(auto, tab=1)
    page = window.page
    assert page.verify.text() == "Verify on site…" and not page.verified.isVisible()
    monkeypatch.setattr(page, "ask_assessor", lambda: Assessor(
        name="王工", organisation="杭州智造服务有限公司"))
    qtbot.mouseClick(page.verify, Qt.MouseButton.LeftButton)
    assert page.verified.isVisible() and "王工" in page.verified.text()
    assert page.verify.text() == "Assessor…"
    page.tabs.setCurrentWidget(page.results)
    qtbot.waitUntil(lambda: page.results.verification.isVisible(), timeout=3000)
    # nothing is checked yet, and the screen says so (never "confirmed every answer")
    assert "No answer has been checked yet" in page.results.verification.text()
    assert "confirmed every" not in page.results.verification.text()
    page.tabs.setCurrentWidget(page.questions)

    view = page.questions
    dim = view.current_dimension()
    qid = next(q.id for q in view.instrument.by_dimension[dim]
               if q.type == "single" and view.cards[q.id].is_answered())
    card, panel = view.cards[qid], view.panels[qid]
    assert panel.expert.isVisible() and "Owner's answer" in panel.owner.text()
    assert "corrected" not in panel.owner.text()
    assert panel.confirmed.isVisible() and not panel.confirmed.isChecked()
    # the next question: confirmed as the owner answered it
    confirm_id = next(q.id for q in view.instrument.by_dimension[dim]
                      if q.id != qid and view.cards[q.id].is_answered())
    view.panels[confirm_id].confirmed.click()       # as a click or Space on the box does
    assert view.panels[confirm_id].confirmed.isChecked()
    assert page.session.assessment.evidence[confirm_id].confirmed
    checked = next(i for i, b in enumerate(card.buttons) if b.isChecked())
    other = 0 if checked else 1
    qtbot.mouseClick(card.buttons[other], Qt.MouseButton.LeftButton)
    assert "corrected by the expert" in panel.owner.text()
    assert panel.confirmed.isChecked() and not panel.confirmed.isEnabled()

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
    assert rows == 3 and dialog.table.item(0, 1).text() == (
        "王工" + (f" @ {machine_name()}" if machine_name() else ""))
    assert dialog.table.item(0, 2).text() == "answer"
    dialog.close()

    page.tabs.setCurrentWidget(page.results)
    qtbot.waitUntil(lambda: page.results.verification.isVisible(), timeout=3000)
    total = len(page.session.coverage().answers)
    text = page.results.verification.text()
    assert f"Checked 2 of {total} answers ({200 // total}%); corrected 1." in text
    assert "1 answers corrected" in text
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


def test_the_local_profile_is_asked_once_and_names_every_change(
        qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    """The welcome asks who uses this computer; changes made here are recorded under that
    name and the computer's, not under the assessor stored in the file."""
    from zhigai.core.base import settings as prefs
    from zhigai.core.base.identity import login_name, machine_name
    from zhigai.gui.help_dialogs import WelcomeDialog

    (auto,) = seed(data_dir, root, "auto-parts-midway")
    window = start("en")
    dialog = WelcomeDialog(False, window)
    dialog.show()
    assert dialog.user_name.text() == "" and dialog.user_name.placeholderText() == login_name()
    dialog.user_name.setFocus()
    type_into(qtbot, dialog.user_name, "李会计")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)           # closing keeps the name
    assert not dialog.isVisible() and prefs.settings().user_name == "李会计"
    assert '"user_name": "李会计"' in (data_dir.parent / "config" / "settings.json").read_text()
    window.open_assessment(auto, tab=1)
    page = window.page
    view = page.questions
    qid = next(q.id for q in view.instrument.by_dimension[view.current_dimension()]
               if q.type == "single" and view.cards[q.id].is_answered())
    card = view.cards[qid]
    other = next(i for i, b in enumerate(card.buttons) if not b.isChecked())
    qtbot.mouseClick(card.buttons[other], Qt.MouseButton.LeftButton)
    last = window.ctx.store.audit_trail(auto)[-1]
    assert (last.who, last.machine) == ("李会计", machine_name())


def test_the_history_names_the_owner_of_older_files_in_chinese(qtbot: Any, start: Any) -> None:
    """Entries written before the local profile say "owner": shown in words, not the id."""
    from zhigai.core.assessment.model import AuditEntry
    from zhigai.gui.evidence_panel import AuditDialog

    window = start("zh")
    entries = [AuditEntry(who="owner", field="answer.q1"),
               AuditEntry(who="王工", machine="laptop-7", field="confirmed.q1", new=True)]
    dialog = AuditDialog(entries, lambda e, v: "—", window)
    assert dialog.table.item(0, 1).text() == "企业（自评）"
    assert dialog.table.item(1, 1).text() == "王工 @ laptop-7"
    assert dialog.table.item(1, 2).text() == "现场核对"
    assert dialog.table.horizontalHeaderItem(1).text() == "修改人（电脑）"
