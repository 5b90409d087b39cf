"""Shared test set-up. Most tests never touch Qt; GUI tests use pytest-qt's qtbot."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))  # also works without an editable install

import pytest  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def mini_catalog():
    from zhigai.core.questionnaire.catalog import Catalog

    catalog = Catalog.load([FIXTURES / "valid"])
    assert not catalog.problems, [p.format() for p in catalog.problems]
    return catalog


@pytest.fixture(scope="session")
def catalog():
    from zhigai.core.questionnaire.catalog import default_catalog

    return default_catalog()


# ---------------------------------------------------------------------------- the database

# ZHIGAI_TEST_PG: an administrator's URL of a throwaway PostgreSQL cluster (scripts/test.sh
# starts one, e.g. postgresql+psycopg://zhigai@127.0.0.1:54329/postgres). Set, the tests that
# take ``db_url`` run against a fresh PostgreSQL database each; unset, against a SQLite file.
TEST_PG = os.environ.get("ZHIGAI_TEST_PG", "")


def backend() -> str:
    return "postgresql" if TEST_PG else "sqlite"


class Databases:
    """New, empty store locations of the backend under test, one per name (the same name
    again gives the same store), removed by :meth:`drop`. Module-scoped fixtures use it
    directly; tests take ``db_url`` or ``new_db_url``."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.names: list[str] = []
        self.urls: dict[str, str] = {}

    def __call__(self, name: str = "z") -> str:
        if name not in self.urls:
            self.urls[name] = self._new(name)
        return self.urls[name]

    def _new(self, name: str) -> str:
        if not TEST_PG:
            return f"sqlite:///{self.folder / f'{name}.sqlite3'}"
        import uuid

        from sqlalchemy import text
        from sqlalchemy.engine import make_url

        database = f"zt_{uuid.uuid4().hex[:12]}"
        with _admin().connect() as conn:
            # PostgreSQL 15+ copies the template through the WAL by default: 250 ms a database;
            # copying the files is 35 ms (the cluster of the tests runs with fsync off)
            fast = conn.dialect.server_version_info >= (15,)
            conn.execute(text(f'CREATE DATABASE "{database}"'
                              + (" STRATEGY FILE_COPY" if fast else "")))
        self.names.append(database)
        return make_url(TEST_PG).set(database=database).render_as_string(hide_password=False)

    def drop(self) -> None:
        if not self.names:
            return
        from sqlalchemy import text

        with _admin().connect() as conn:
            for database in self.names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        self.names.clear()
        self.urls.clear()


_ADMIN: list[Any] = []


def _admin() -> Any:
    """One administrator's engine for the whole run (CREATE / DROP DATABASE)."""
    if not _ADMIN:
        from sqlalchemy import create_engine

        _ADMIN.append(create_engine(TEST_PG, isolation_level="AUTOCOMMIT"))
    return _ADMIN[0]


@pytest.fixture
def new_db_url(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Makes further new stores of the backend under test, e.g. one per machine in a test
    of copies merged: ``office, laptop = new_db_url("office"), new_db_url("laptop")``."""
    databases = Databases(tmp_path)
    try:
        yield databases
    finally:
        databases.drop()


@pytest.fixture
def db_url(new_db_url: Callable[[str], str]) -> str:
    """A new, empty store location of the backend under test (its own database on
    PostgreSQL, dropped afterwards); the same as ``new_db_url("z")``."""
    return new_db_url("z")


# ---------------------------------------------------------------------------- the application

def _discard_left_questions() -> None:
    """A test that failed half-way may leave typed text: the question the window asks when
    it is closed after the test is answered by discarding, so the run never hangs on it."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox) or not box.isVisible():
        return
    for button in box.buttons():
        if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole:
            button.click()
            return
    box.reject()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: Any) -> Any:
    """While the test's windows close (pytest-qt, the fixtures), a question is discarded."""
    timer = None
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            timer = QTimer(interval=50)
            timer.timeout.connect(_discard_left_questions)
            timer.start()
    try:
        return (yield)
    finally:
        if timer is not None:
            timer.stop()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("ZHIGAI_DATA_DIR", str(folder))
    monkeypatch.setenv("ZHIGAI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("ZHIGAI_DB_URL", raising=False)
    monkeypatch.delenv("ZHIGAI_LANG", raising=False)
    # a returning user: the first-run welcome and sample are tested on their own
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text('{"state": {"welcomed": true}}')
    return folder


def _stray_windows() -> Any:
    """An event filter noting every widget shown as a window of its own and put into another
    widget afterwards: one shown before it is put in a layout (``setVisible(True)`` with no
    parent) flashes on screen as a window and takes the focus from the user. (A test's own
    window, shown and never put anywhere, is not one.)"""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QDialog, QMainWindow, QWidget
    from shiboken6 import getCppPointer

    class Stray(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.windows: set[int] = set()
            self.seen: list[str] = []

        def eventFilter(self, watched: Any, event: Any) -> bool:
            kind = event.type()
            if kind not in (QEvent.Type.Show, QEvent.Type.ParentChange) \
                    or not isinstance(watched, QWidget) \
                    or isinstance(watched, (QMainWindow, QDialog)):
                return False
            address = getCppPointer(watched)[0]
            if kind == QEvent.Type.Show and watched.isWindow() \
                    and watched.windowType() == Qt.WindowType.Window:
                self.windows.add(address)
            elif kind == QEvent.Type.ParentChange and address in self.windows \
                    and watched.parentWidget() is not None:
                self.windows.discard(address)
                self.seen.append(f"{type(watched).__name__} {watched.objectName()!r}")
            return False

    return Stray()


@pytest.fixture
def start(qtbot: Any, data_dir: Path) -> Iterator[Callable[..., Any]]:
    windows: list[Any] = []
    stray = _stray_windows()
    filtered: list[Any] = []

    def launch(lang: str = "en", wait_catalog: bool = True) -> Any:
        from zhigai.gui.app import create_app

        app, window = create_app(["--lang", lang])
        if not filtered:
            app.installEventFilter(stray)
            filtered.append(app)
        windows.append(window)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.ctx.store is not None, timeout=10000)
        if wait_catalog:
            qtbot.waitUntil(lambda: window.ctx.catalog_ready, timeout=10000)
        return window

    yield launch
    from shiboken6 import isValid

    from zhigai.gui.worker import wait_for_background

    for window in windows:
        if isValid(window):                    # not already closed and deleted
            window.close()
    wait_for_background()
    for app in filtered:
        app.removeEventFilter(stray)
    assert not stray.seen, f"widgets shown as windows of their own: {stray.seen}"


@pytest.fixture(scope="module")
def instrument(catalog: Any) -> Any:
    """The newest readiness questionnaire (1.2.0) without industry modules."""
    return catalog.instrument("zhigai-readiness", "1.2.0")


@pytest.fixture(scope="module")
def lens() -> Any:
    """The bundled MIIT 2024 lens."""
    from zhigai.core.assessment.lens_data import default_lens

    return default_lens()
