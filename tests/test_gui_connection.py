"""Store calls from the interface run off its thread, and a lost connection to the database
server keeps what was typed: the page shows a banner, the edits wait and are saved, in order,
once the server answers again; leaving the page with edits waiting asks first."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui_helpers import seed


def _cut(monkeypatch: pytest.MonkeyPatch, store: Any, down: dict[str, bool]) -> None:
    """While ``down["yes"]``, every answer save fails as a lost server connection does."""
    from zhigai.core.store.errors import StoreError

    real = store.save_answer

    def save_answer(*args: Any, **kwargs: Any) -> Any:
        if down["yes"]:
            raise StoreError("disconnected", "the connection to db.example:5432 was lost "
                                             "(server closed the connection unexpectedly)")
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "save_answer", save_answer)


def _single(view: Any, n: int) -> list[tuple[str, int, str]]:
    """``n`` single-choice questions of the current dimension, each with an option it does
    not have yet."""
    found = []
    for q in view.instrument.by_dimension[view.current_dimension()]:
        if q.type == "single" and view.cards[q.id].isVisible():
            card = view.cards[q.id]
            index = next(i for i, b in enumerate(card.buttons) if not b.isChecked())
            found.append((q.id, index, q.options[index].id))
        if len(found) == n:
            break
    return found


def test_edits_made_while_the_server_is_gone_wait_and_are_saved_when_it_is_back(
        qtbot: Any, start: Any, data_dir: Path, root: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (aid,) = seed(data_dir, root, "textile-early")
    window = start("en")
    window.open_assessment(aid, tab=1)
    page = window.page
    view, controller = page.questions, page.controller
    store = window.ctx.store
    down = {"yes": True}
    _cut(monkeypatch, store, down)
    tries: list[int] = []
    monkeypatch.setattr(controller._timer, "start", lambda *a: tries.append(1))
    (first, i1, v1), (second, i2, v2) = _single(view, 2)
    with qtbot.waitSignal(controller.connectionLost, timeout=3000) as lost:
        qtbot.mouseClick(view.cards[first].buttons[i1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.cards[second].buttons[i2], Qt.MouseButton.LeftButton)
    assert "connection to the database server was lost" in lost.args[0]
    assert "db.example" in lost.args[0]
    assert page.offline.isVisible() and controller.waiting == 2
    assert tries                                     # a retry is scheduled
    # what was clicked stays on screen, nothing of it is stored yet
    assert view.cards[first].buttons[i1].isChecked()
    assert view.cards[second].buttons[i2].isChecked()
    stored = store.load(aid)
    assert stored.answers[first].value != v1 and stored.answers[second].value != v2
    # still down: a try keeps both, in order
    qtbot.mouseClick(page.retry_now, Qt.MouseButton.LeftButton)
    assert controller.waiting == 2 and page.offline.isVisible()
    down["yes"] = False
    with qtbot.waitSignal(controller.connectionRestored, timeout=3000):
        qtbot.mouseClick(page.retry_now, Qt.MouseButton.LeftButton)
    assert not page.offline.isVisible() and controller.waiting == 0
    stored = store.load(aid)
    assert stored.answers[first].value == v1 and stored.answers[second].value == v2
    assert page.session.assessment.answers[first].value == v1
    assert page.session.stored_revision == store.row(aid).revision


def test_the_waiting_edits_are_tried_again_by_the_timer(
        qtbot: Any, start: Any, data_dir: Path, root: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (aid,) = seed(data_dir, root, "textile-early")
    window = start("en")
    window.open_assessment(aid, tab=1)
    page = window.page
    view, controller = page.questions, page.controller
    down = {"yes": True}
    _cut(monkeypatch, window.ctx.store, down)
    controller._timer.setInterval(100)
    ((qid, index, value),) = _single(view, 1)
    qtbot.mouseClick(view.cards[qid].buttons[index], Qt.MouseButton.LeftButton)
    assert controller.waiting == 1
    down["yes"] = False
    with qtbot.waitSignal(controller.connectionRestored, timeout=3000):
        pass
    assert window.ctx.store.load(aid).answers[qid].value == value


@pytest.mark.parametrize("leave", [False, True])
def test_leaving_with_edits_waiting_asks_first(
        qtbot: Any, start: Any, data_dir: Path, root: Path,
        monkeypatch: pytest.MonkeyPatch, leave: bool) -> None:
    (aid,) = seed(data_dir, root, "textile-early")
    window = start("en")
    window.open_assessment(aid, tab=1)
    page = window.page
    view = page.questions
    _cut(monkeypatch, window.ctx.store, {"yes": True})
    ((qid, index, _value),) = _single(view, 1)
    qtbot.mouseClick(view.cards[qid].buttons[index], Qt.MouseButton.LeftButton)
    seen: list[str] = []
    want = "Leave without them" if leave else "Stay and wait"

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            next(b for b in box.buttons() if want in b.text().replace("&", "")).click()

    timer = QTimer(interval=20)
    timer.timeout.connect(poll)
    timer.start()
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    timer.stop()
    assert len(seen) == 1 and "1 of your changes are not saved yet" in seen[0]
    assert (window.page is None) is leave
    if not leave:
        assert page.controller.waiting == 1 and page.offline.isVisible()


def test_a_store_call_runs_off_the_interface_thread_which_keeps_running(qtbot: Any) -> None:
    from zhigai.gui.off_thread import QUICK_S, notifier, off_thread

    gui = QThread.currentThread()
    ran_on: list[Any] = []
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    busy: list[bool] = []
    notifier().busyChanged.connect(busy.append)

    def slow() -> str:
        ran_on.append(threading.current_thread())
        assert QThread.currentThread() is not gui
        time.sleep(0.6)
        return "done"

    began = time.perf_counter()
    assert off_thread(slow) == "done"
    timer.stop()
    assert ran_on and ran_on[0] is not threading.main_thread()
    # the interface's timers ran while the call was under way
    assert len([t for t in ticks if began + QUICK_S < t < began + 0.6]) >= 5
    assert busy == [True, False]                   # the busy bar came and went
    assert QApplication.overrideCursor() is None

    def fails() -> None:
        raise ValueError("bad value in field X")

    with pytest.raises(ValueError, match="field X"):
        off_thread(fails)
    assert off_thread(lambda: 41 + 1) == 42


def test_the_home_list_reads_off_the_interface_thread(
        qtbot: Any, start: Any, data_dir: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow server: the home list's read (the count and the first page) and the look-up
    before a delete run on the store thread while the window keeps painting; an assessment
    deleted on another computer meanwhile is said so, no traceback."""
    from zhigai.core.store import listing
    from zhigai.core.store import store as store_module

    seed(data_dir, root, "textile-early", "auto-parts-midway")
    window = start("en")
    home = window.home
    gui = threading.main_thread()
    ran_on: list[Any] = []
    real_pages = listing.Pages.__init__

    def slow_pages(self: Any, *args: Any, **kwargs: Any) -> None:
        ran_on.append(threading.current_thread())
        time.sleep(0.4)
        real_pages(self, *args, **kwargs)

    monkeypatch.setattr(listing.Pages, "__init__", slow_pages)
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    began = time.perf_counter()
    home.search.setText("")
    home.refresh()
    timer.stop()
    assert ran_on and all(t is not gui for t in ran_on)
    assert len([t for t in ticks if began < t < began + 0.4]) >= 5
    assert home.model.rowCount() == 2
    # deleted elsewhere before Delete is pressed: the look-up says so, nothing else happens
    home.table.selectRow(0)
    gone = home.selected_id()
    window.ctx.store.delete(gone)
    real_row = store_module.Store.row
    looked_up: list[Any] = []

    def row_of(self: Any, assessment_id: str) -> Any:
        looked_up.append(threading.current_thread())
        return real_row(self, assessment_id)

    monkeypatch.setattr(store_module.Store, "row", row_of)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            box.accept()

    poll = QTimer(interval=20)
    poll.timeout.connect(answer)
    poll.start()
    home.delete_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    poll.stop()
    assert looked_up and looked_up[0] is not gui
    assert "not in the store" in seen[0]
    assert home.model.rowCount() == 1
