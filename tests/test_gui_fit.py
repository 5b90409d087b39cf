"""Every window and dialog fits a small laptop: 1366x768 at 125% (a 1093x614 desktop), at 100%,
and a 2560x1600 screen at 200% (1280x800). The main window opens as the application opens it
(its own first-start size, then the geometry it remembered), nothing on any screen or dialog
leaves its window, and no window is larger than the screen's available area. Each size runs in
its own process, because the screen and the scale are fixed when Qt starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui_helpers import seed

# name: (physical screen width, height, QT_SCALE_FACTOR)
SIZES = {"125": (1366, 768, "1.25"), "100": (1366, 768, "1"), "200": (2560, 1600, "2")}
SIZE = os.environ.get("ZHIGAI_FIT_SIZE", "")
# the offscreen screen has no task bar; a real one takes about 40 px of the available height,
# the window frame another 40: the smallest size of every window must leave room for both
TASKBAR = 40


# ---------------------------------------------------------------------------- the check

def _describe(w: QWidget) -> str:
    text = w.text() if isinstance(w, (QLabel, QAbstractButton)) else ""
    text = f" {text[:40]!r}" if text else ""
    name = f" #{w.objectName()}" if w.objectName() else ""
    return f"{type(w).__name__}{name}{text}"


def _scrolled(w: QWidget, top: QWidget) -> bool:
    """Inside the content of a scroll area: reachable by scrolling, so it may lie outside."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport() and \
                w is not parent:
            return True
        w, parent = parent, parent.parentWidget()
    return False


def fit_problems(top: QWidget) -> list[str]:
    """What does not fit: the window's frame larger than or outside the available area of its
    screen, and every visible widget (outside scrolled content) that leaves its window or is
    cut off by its parent, with its class, object name, text and geometry in the window."""
    out: list[str] = []
    screen = top.screen()
    area = screen.availableGeometry()
    frame = top.frameGeometry()
    if frame.width() > area.width() or frame.height() > area.height():
        out.append(f"{_describe(top)}: {frame.width()}x{frame.height()} is larger than the "
                   f"available {area.width()}x{area.height()}")
    elif not area.contains(frame):
        out.append(f"{_describe(top)}: frame {frame.getRect()} leaves the available area "
                   f"{area.getRect()}")
    least = top.minimumSizeHint().expandedTo(top.minimumSize())
    if least.width() + 16 > area.width() or least.height() + TASKBAR + 40 > area.height():
        out.append(f"{_describe(top)}: needs at least {least.width()}x{least.height()}, no "
                   f"room for a title bar and a {TASKBAR} px task bar in "
                   f"{area.width()}x{area.height()}")
    window = top.rect()
    for w in top.findChildren(QWidget):
        if w.isWindow() or not w.isVisible() or w.width() <= 0 or w.height() <= 0 \
                or _scrolled(w, top):
            continue
        rect = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
        parent = w.parentWidget()
        if not window.contains(rect):
            out.append(f"{_describe(w)} at {rect.getRect()} leaves its window "
                       f"{window.getRect()}")
        elif parent is not None and not parent.rect().contains(w.geometry()):
            out.append(f"{_describe(w)} at {rect.getRect()} is cut off by {_describe(parent)} "
                       f"({parent.width()}x{parent.height()})")
    return out


def reachable(window: QWidget, button: QWidget) -> bool:
    """Shown, inside its window, and the window inside the screen's available area."""
    if not button.isVisible():
        return False
    rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
    return window.rect().contains(rect) and \
        window.screen().availableGeometry().contains(window.frameGeometry())


def test_the_check_catches_an_oversized_widget(qtbot: Any) -> None:
    """The check itself fails where it should: a button wider than its window, a window larger
    than the screen, a widget pushed out of its parent."""
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("fits"))
    page.resize(300, 200)
    page.move(page.screen().availableGeometry().topLeft())
    page.show()
    assert fit_problems(page) == []
    wide = QPushButton("Too wide", page)
    wide.setObjectName("wide")
    wide.setGeometry(10, 10, 900, 30)
    wide.show()
    problems = fit_problems(page)
    assert len(problems) == 1 and "QPushButton #wide 'Too wide'" in problems[0] \
        and "(10, 10, 900, 30) leaves its window" in problems[0]
    assert not reachable(page, wide)
    wide.setGeometry(10, 10, 100, 30)
    box = QWidget(page)
    box.setGeometry(0, 50, 50, 50)
    inner = QLabel("cut", box)
    inner.setGeometry(30, 0, 60, 20)
    box.show()
    assert any("QLabel 'cut'" in p and "cut off by" in p for p in fit_problems(page))
    box.hide()
    area = page.screen().availableGeometry()
    page.resize(area.width() + 40, 200)
    assert any("is larger than the available" in p for p in fit_problems(page))


# ---------------------------------------------------------------------------- every screen


def _top_level(widget: QWidget) -> QWidget | None:
    if isinstance(widget, QMenu):
        return None                       # a menu pops up inside the screen by itself
    return widget.window()


@pytest.mark.skipif(SIZE not in SIZES, reason="runs in a subprocess per screen size")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_screen_fits(qtbot: Any, start: Any, data_dir: Path, root: Path,
                           lang: str) -> None:
    from test_gui_ship import walk

    width, height, scale = SIZES[SIZE]
    seed(data_dir, root, "textile-early", "auto-parts-midway", "equipment-advanced")
    window = start(lang)
    screen = window.screen()
    assert window.devicePixelRatio() == float(scale)
    assert screen.geometry().width() == round(width / float(scale))
    assert screen.geometry().height() == round(height / float(scale))
    problems = [f"[first start] {p}" for p in fit_problems(window)]
    window.close()                        # remembers its geometry
    window = start(lang)                  # ...and restores it
    problems += [f"[restored] {p}" for p in fit_problems(window)]
    names = []
    for name, widget in walk(qtbot, window, lang):
        names.append(name)
        top = _top_level(widget)
        if top is not None and top.isVisible():
            problems += [f"[{name}] {p}" for p in fit_problems(top)]
        if name == "verification":
            page = window.page
            for button in (page.export, page.questions.next_button,
                           page.questions.next_unanswered):
                if not reachable(window, button):
                    problems.append(f"[{name}] {_describe(button)} is out of reach")
    assert len(names) >= 20
    problems += more_dialogs(qtbot, window, data_dir)
    assert not problems, "\n".join(problems)


def _while_modal(qtbot: Any, name: str, run: Any) -> list[str]:
    """The fit problems of the modal dialog that ``run`` opens with exec(), then closed."""
    found: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            found.append(f"[{name}] no dialog")
            return
        found.extend(f"[{name}] {p}" for p in fit_problems(box))
        box.close()

    QTimer.singleShot(200, look)
    run()
    qtbot.wait(10)
    return found or []


def more_dialogs(qtbot: Any, window: Any, data_dir: Path) -> list[str]:
    """The dialogs the walk does not open: a tall photo with a long name, the merge dialog,
    the import report and the data-store question with a long path."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    from zhigai.core.exchange.bundle import export_bundle, read_import_file
    from zhigai.core.exchange.merge import plan_import
    from zhigai.core.store.errors import StoreError
    from zhigai.gui.evidence_widgets import view_photo
    from zhigai.gui.store_dialog import ask_for_store

    problems: list[str] = []
    image = QImage(1200, 2400, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    long_name = "车间现场照片-" * 12 + ".png"
    photo = SimpleNamespace(sha256="x", name=long_name, size=2_000_000, added_by="王工",
                            added_at="2026-01-05T10:00:00")
    session = SimpleNamespace(photo_data=lambda _sha: bytes(data.data()))
    viewer = view_photo(window, session, photo)
    qtbot.wait(50)
    problems += [f"[photo] {p}" for p in fit_problems(viewer)]
    viewer.close()
    store = window.ctx.store
    row = store.assessments()[0]
    bundle = data_dir / "fit.zhigai"
    export_bundle(store, row.id, bundle)
    catalog = window.ctx.catalog()
    plan = plan_import(store, read_import_file(str(bundle), catalog))
    problems += _while_modal(qtbot, "merge", lambda: window.ask_merge(plan, catalog))
    long_path = "/home/someone/" + "很长的文件夹名称/" * 20 + "firm.zhigai"
    problems += _while_modal(qtbot, "import report", lambda: window.show_import_report(
        [f"{long_path}: not a Zhigai bundle", "/home/someone/" + "Customer_Files/" * 12
         + "ningbo-huatai-valves-2026-01-05-final-version.zhigai: merged as chosen"], True))
    problems += _while_modal(qtbot, "store", lambda: ask_for_store(
        window, StoreError("damaged", "x", long_path)))
    return problems


@pytest.mark.skipif(bool(SIZE), reason="already in a subprocess")
@pytest.mark.parametrize("size", list(SIZES))
def test_every_screen_fits_a_small_laptop(root: Path, tmp_path: Path, size: str) -> None:
    width, height, scale = SIZES[size]
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": width, "height": height,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": scale, "ZHIGAI_FIT_SIZE": size,
           "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "-k", "test_every_screen_fits and not small_laptop",
                          str(Path(__file__))],
                         cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "2 passed" in run.stdout


def test_a_remembered_geometry_too_large_or_off_screen_is_not_restored(
        qtbot: Any, start: Any, data_dir: Path) -> None:
    from zhigai.core.base import settings as prefs

    area = QApplication.primaryScreen().availableGeometry()
    for x, w, h in ((0, area.width() + 400, area.height() + 300), (area.width() * 3, 700, 500)):
        big = QWidget()
        big.setGeometry(x, 0, w, h)
        saved = bytes(big.saveGeometry().toBase64().data()).decode("ascii")
        prefs.current().set_state(window_geometry=saved)
        window = start("en")
        assert fit_problems(window) == [], (x, w, h)
        window.close()


def test_a_long_message_does_not_widen_the_window(qtbot: Any, start: Any, data_dir: Path,
                                                  root: Path) -> None:
    ids = seed(data_dir, root, "textile-early")
    window = start("zh")
    window.open_assessment(ids[0])
    qtbot.waitUntil(lambda: type(window.page).__name__ == "AssessmentPage", timeout=10000)
    qtbot.wait(50)
    before = window.size()
    path = "/home/someone/" + "很长的文件夹名称/" * 30 + "report.pdf"
    window.page._exported(path)                       # 报告已保存：<path>
    window.busy_label.setText("正在处理：" + path)
    store = window.ctx.store
    kept = store.url
    store.url = "sqlite:///" + path                   # the status bar shows the store's file
    window._update_store_label()
    store.url = kept
    qtbot.wait(50)
    assert window.size() == before
    for label in (window.page.saved, window.busy_label, window.store_label):
        assert label.minimumSizeHint().width() <= 60
        assert path in label.text() and path in label.toolTip()     # elided: whole in the tip
    assert window.statusBar().minimumSizeHint().width() < 400
    assert window.minimumSizeHint().width() < 1000
    # (this process has the offscreen platform's small screen: the sizes are tested above)
    assert [p for p in fit_problems(window) if "larger than the available" not in p] == []
