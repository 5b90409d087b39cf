"""Two people on one assessment (two computers on a shared store): the second save is refused,
the page says who changed what, reloads with their change and, when asked, saves the refused
change again on top of theirs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui_helpers import seed


def _click_when_asked(want: str, seen: list[str]) -> QTimer:
    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text() + "\n" + box.informativeText())
            next(b for b in box.buttons() if want in b.text().replace("&", "")).click()

    timer = QTimer(interval=20)
    timer.timeout.connect(poll)
    timer.start()
    return timer


def _other_single(view: Any, taken: set[str]) -> tuple[str, int]:
    dim = view.current_dimension()
    qid = next(q.id for q in view.instrument.by_dimension[dim]
               if q.type == "single" and view.cards[q.id].is_answered() and q.id not in taken)
    card = view.cards[qid]
    checked = next(i for i, b in enumerate(card.buttons) if b.isChecked())
    return qid, 0 if checked else 1


def _another(there: Any, qid: str, *not_these: str) -> str:
    """An option of ``qid`` other than the one stored there and ``not_these``."""
    return next(o.id for o in there.instrument.by_id[qid].options
                if o.id not in (there.assessment.answers[qid].value, *not_these))


def _click_and_answer(qtbot: Any, window: Any, button: Any, poll: Any, timeout: int) -> None:
    """Click ``button`` with ``poll`` answering the dialogs it opens, until the page is
    rebuilt."""
    page = window.page
    timer = QTimer(interval=20)
    timer.timeout.connect(poll)
    timer.start()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page is not page, timeout=timeout)
    timer.stop()


def _two_computers(start: Any, data_dir: Path, root: Path) -> tuple[Any, Any, Any, Any]:
    """The window on a seeded assessment's questions, and the same assessment opened by
    王工 on another computer (its own connection): (window, view, other store, there)."""
    from zhigai.core.base.identity import Editor
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    (aid,) = seed(data_dir, root, "textile-early")
    window = start("en")
    window.open_assessment(aid, tab=1)
    other = Store.open(window.ctx.store.url)
    there = Session.open(other, window.ctx.catalog(), aid, Editor(name="王工",
                                                                 machine="LAPTOP-3"))
    return window, window.page.questions, other, there


@pytest.mark.parametrize("choice", ["Reload (show their changes)",
                                    "Reload and save my change again"])
def test_a_save_after_another_computer_saved_is_explained_and_reloaded(
        qtbot: Any, start: Any, data_dir: Path, root: Path, choice: str) -> None:
    window, view, other, there = _two_computers(start, data_dir, root)
    page, aid = window.page, there.id
    theirs_id, _ = _other_single(view, set())
    # another computer saves an answer of the same assessment
    their_value = next(o.id for o in there.instrument.by_id[theirs_id].options
                       if o.id != there.assessment.answers[theirs_id].value)
    there.answer(theirs_id, their_value)
    # here, the owner answers another question
    mine_id, button = _other_single(view, {theirs_id})
    mine = view.instrument.by_id[mine_id].options[button].id
    seen: list[str] = []
    timer = _click_when_asked(choice, seen)
    qtbot.mouseClick(view.cards[mine_id].buttons[button], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page is not page, timeout=5000)
    timer.stop()
    assert len(seen) == 1
    assert "saved by someone else" in seen[0] and "王工 (LAPTOP-3)" in seen[0]
    assert there.instrument.by_id[theirs_id].text.get("en") in seen[0]
    stored = other.load(aid)
    assert stored.answers[theirs_id].value == their_value         # never overwritten
    again = choice.startswith("Reload and save")
    assert (stored.answers[mine_id].value == mine) is again
    session = window.page.session
    assert session.assessment.answers[theirs_id].value == their_value   # shown after reload
    assert session.stored_revision == other.row(aid).revision
    other.close()


@pytest.mark.parametrize("keep", ["incoming", "local"])
def test_a_refused_save_is_merged_field_by_field(
        qtbot: Any, start: Any, data_dir: Path, root: Path, keep: str) -> None:
    """Another computer changed one question and the one the owner is changing: "Compare field
    by field" shows both (the same dialog as for bundles); their other change is preset to
    theirs, the question both changed waits for a choice, and Merge saves what was chosen."""
    from zhigai.gui.merge_dialog import MergeDialog

    window, view, other, there = _two_computers(start, data_dir, root)
    aid = there.id
    theirs_id, _ = _other_single(view, set())
    mine_id, button = _other_single(view, {theirs_id})
    mine = view.instrument.by_id[mine_id].options[button].id

    their_value = _another(there, theirs_id)
    their_mine = _another(there, mine_id, mine)        # the same question, a third value
    there.answer(theirs_id, their_value)
    there.answer(mine_id, their_mine)
    shown: list[Any] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and modal.isVisible():
            next(b for b in modal.buttons()
                 if "Compare field by field" in b.text().replace("&", "")).click()
        elif isinstance(modal, MergeDialog) and modal.isVisible() and not shown:
            shown.append({d.field: (d.default, d.conflict) for d in modal.plan.differences})
            shown.append(modal.merge_button.isEnabled())
            modal.choose(f"answer.{mine_id}", keep)
            shown.append(modal.merge_button.isEnabled())
            modal.merge_button.click()

    _click_and_answer(qtbot, window, view.cards[mine_id].buttons[button], poll, 10000)
    rows, enabled_before, enabled_after = shown
    assert rows[f"answer.{theirs_id}"] == ("local", False)      # only they changed it: theirs
    assert rows[f"answer.{mine_id}"] == (None, True)            # both: a choice to make
    assert not enabled_before and enabled_after
    stored = other.load(aid)
    assert stored.answers[theirs_id].value == their_value
    assert stored.answers[mine_id].value == (mine if keep == "incoming" else their_mine)
    assert stored.audit[-1].field == "merge"
    session = window.page.session
    assert session.assessment.answers[mine_id].value == stored.answers[mine_id].value
    assert session.stored_revision == other.row(aid).revision   # the next edit saves
    other.close()


def test_a_merge_refused_because_someone_saved_meanwhile_compares_again(
        qtbot: Any, start: Any, data_dir: Path, root: Path) -> None:
    """While the owner compares, 王工 saves once more: Merge is refused (nothing of it saved),
    the page says so and the comparison opens again, now with 王工's newest change too;
    the second Merge saves, on top of both of 王工's saves."""
    from zhigai.gui.merge_dialog import MergeDialog

    window, view, other, there = _two_computers(start, data_dir, root)
    aid = there.id
    mine_id, button = _other_single(view, set())
    later_id, _ = _other_single(view, {mine_id})
    mine = view.instrument.by_id[mine_id].options[button].id

    there.answer(mine_id, _another(there, mine_id, mine))
    later_value = _another(there, later_id)
    seen: list[str] = []
    compared: list[set[str]] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and modal.isVisible():
            seen.append(modal.text())
            wanted = "Compare field by field" if len(seen) == 1 else "OK"
            next(b for b in modal.buttons() if wanted in b.text().replace("&", "")).click()
        elif isinstance(modal, MergeDialog) and modal.isVisible() \
                and len(compared) < len(seen):
            compared.append({d.field for d in modal.plan.differences})
            if len(compared) == 1:
                there.answer(later_id, later_value)   # saved while the dialog is open
            modal.choose(f"answer.{mine_id}", "incoming")
            modal.merge_button.click()

    _click_and_answer(qtbot, window, view.cards[mine_id].buttons[button], poll, 15000)
    assert len(seen) == 2 and "saved this assessment again" in seen[1]
    assert len(compared) == 2
    assert f"answer.{later_id}" not in compared[0] and f"answer.{later_id}" in compared[1]
    stored = other.load(aid)
    assert stored.answers[mine_id].value == mine                 # the owner's choice
    assert stored.answers[later_id].value == later_value         # 王工's save meanwhile
    assert stored.audit[-1].field == "merge"
    assert [e.field for e in stored.audit].count("merge") == 1   # the refused one left none
    assert window.page.session.stored_revision == other.row(aid).revision
    other.close()
