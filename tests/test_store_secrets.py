"""Issue 18: a database URL's password is never shown or logged, and a database server that
does not answer gives a clear message within the connect timeout."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from zhigai.core.store.errors import StoreError, database_error
from zhigai.core.store.opening import connect_timeout, engine_options
from zhigai.core.store.url import display_url, host_port, mask_secrets

SECRET = "s3cret"


# ---------------------------------------------------------------------------- fake servers

@pytest.fixture
def hanging_port() -> Iterator[int]:
    """A server on 127.0.0.1 that accepts connections and never answers."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except (TimeoutError, OSError):
                continue
            accepted.append(conn)  # kept open, never read nor written

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in accepted:
        conn.close()
    server.close()


def _refused_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = int(probe.getsockname()[1])
    probe.close()  # nothing listens there now
    return port


def test_a_hanging_server_gives_a_timeout_message_within_the_set_time(
        hanging_port: int, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    from zhigai.core.store.store import Store

    monkeypatch.setenv("ZHIGAI_DB_TIMEOUT", "2")
    started = time.monotonic()
    with pytest.raises(StoreError) as caught:
        Store.open(f"postgresql+psycopg://u:{SECRET}@127.0.0.1:{hanging_port}/db")
    elapsed = time.monotonic() - started
    assert elapsed < 2 + 3, elapsed
    error = caught.value
    assert error.kind == "unavailable"
    assert f"127.0.0.1:{hanging_port}" in str(error)
    assert "did not answer within 2 seconds" in str(error)
    assert "server is running" in str(error)
    assert SECRET not in str(error) and SECRET not in (error.location or "")


def test_a_refused_port_says_so_without_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    from zhigai.core.store.store import Store

    monkeypatch.setenv("ZHIGAI_DB_TIMEOUT", "2")
    port = _refused_port()
    started = time.monotonic()
    with pytest.raises(StoreError) as caught:
        Store.open(f"postgresql+psycopg://zhigai:{SECRET}@127.0.0.1:{port}/zhigai")
    assert time.monotonic() - started < 5
    assert f"127.0.0.1:{port} refused the connection" in str(caught.value)
    assert SECRET not in str(caught.value) and SECRET not in (caught.value.location or "")


def test_a_bad_url_or_missing_driver_never_shows_the_password() -> None:
    from zhigai.core.store.store import Store

    for url in (f"nosuchdb://u:{SECRET}@host/db", f"postgresql+nodriver://u:{SECRET}@h/db",
                f"postgresql+psycopg://u:{SECRET}@host:notaport/db"):
        with pytest.raises(StoreError) as caught:
            Store.open(url)
        assert SECRET not in str(caught.value), (url, str(caught.value))
        assert SECRET not in (caught.value.location or "")


# ---------------------------------------------------------------------------- timeouts

def test_connect_and_statement_timeouts_are_passed_to_postgresql(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZHIGAI_DB_TIMEOUT", raising=False)
    assert connect_timeout() == 5
    options = engine_options("postgresql+psycopg://u:p@h/db")
    assert options["pool_pre_ping"] is True
    assert options["connect_args"] == {"connect_timeout": 5,
                                       "options": "-c statement_timeout=30000",
                                       "keepalives": 1, "keepalives_idle": 15,
                                       "keepalives_interval": 5, "keepalives_count": 3,
                                       "tcp_user_timeout": 30000}
    monkeypatch.setenv("ZHIGAI_DB_TIMEOUT", "12")
    assert engine_options("postgresql://h/db")["connect_args"]["connect_timeout"] == 12
    for odd, seconds in (("0.5", 2), ("3.2", 4), ("soon", 5), ("inf", 5), ("nan", 5)):
        monkeypatch.setenv("ZHIGAI_DB_TIMEOUT", odd)
        assert connect_timeout() == seconds, odd
    # what the URL says wins
    written = engine_options("postgresql+psycopg://h/db?connect_timeout=9&options=-c%20x%3D1"
                             "&keepalives=0&keepalives_idle=1&keepalives_interval=1"
                             "&keepalives_count=1&tcp_user_timeout=1")
    assert written["connect_args"] == {}
    sqlite = engine_options("sqlite:////tmp/z.sqlite3")
    assert sqlite == {"connect_args": {"check_same_thread": False, "timeout": 5}}


def test_a_lost_connection_is_told_apart() -> None:
    """A server gone away is "disconnected" (the same call can be made again), whether the
    driver says so in words or SQLAlchemy marks the connection invalidated."""
    for said in ("server closed the connection unexpectedly",
                 "connection to server at \"127.0.0.1\", port 5432 failed: Connection refused",
                 "consuming input failed: terminating connection due to administrator command"):
        error = database_error(RuntimeError(said), "db@host")
        assert error.kind == "disconnected" and "was lost" in str(error), said
    invalidated = RuntimeError("odd")
    invalidated.connection_invalidated = True  # type: ignore[attr-defined]
    assert database_error(invalidated, None).kind == "disconnected"
    assert database_error(RuntimeError("syntax error"), None).kind == "unavailable"


def test_a_statement_timeout_is_explained() -> None:
    error = database_error(RuntimeError("canceling statement due to statement timeout"), None)
    assert error.kind == "unavailable" and "took too long" in str(error)


# ---------------------------------------------------------------------------- display form

PASSWORDS = [SECRET, "p@ss:w/rd%40", "pa ss", "p?x=1#y", "Üñí©ødé", "::@@//"]


@pytest.mark.parametrize("password", PASSWORDS)
def test_the_display_form_never_holds_the_password(password: str) -> None:
    from urllib.parse import quote

    for written in {password, quote(password, safe="")}:
        for url in (f"postgresql+psycopg://zhigai:{written}@db.example.com:5432/zhigai",
                    f"postgresql://zhigai:{written}@[::1]/zhigai?sslmode=require",
                    f"mysql+pymysql://u:{written}@h/db",
                    f"postgresql://zhigai:{written}",        # unusable, still masked
                    f"postgresql:///zhigai?host=/run/pg&password={written}"):
            shown = display_url(url)
            assert written not in shown and password not in shown, (url, shown)
            assert "***" in shown, (url, shown)
            assert written not in mask_secrets(f"cannot open {url}: failed", url)
            assert written not in host_port(url)


def test_the_display_form_keeps_what_helps() -> None:
    assert display_url(f"postgresql+psycopg://zhigai:{SECRET}@db.example.com:5433/zhigai") == \
        "postgresql+psycopg://zhigai:***@db.example.com:5433/zhigai"
    assert display_url("postgresql+psycopg://zhigai@db/zhigai") == \
        "postgresql+psycopg://zhigai@db/zhigai"
    assert display_url("postgresql://db:5432/zhigai") == "postgresql://db:5432/zhigai"
    assert display_url("sqlite:////home/li/zhigai.sqlite3") == "/home/li/zhigai.sqlite3"
    assert display_url("/home/li@corp/zhigai.sqlite3") == "/home/li@corp/zhigai.sqlite3"
    assert display_url(r"C:\Users\li@corp\zhigai.sqlite3") == r"C:\Users\li@corp\zhigai.sqlite3"
    assert display_url(None) == "" and display_url("") == ""
    assert host_port(f"postgresql+psycopg://u:{SECRET}@127.0.0.1:6543/db") == "127.0.0.1:6543"
    assert host_port("postgresql://u@db.example.com/db") == "db.example.com:5432"
    assert host_port("sqlite:////tmp/z.sqlite3") == ""


@pytest.mark.parametrize("garbage", [f"u:{SECRET}@host", f"::::{SECRET}@@x",
                                     f"host=db password={SECRET} dbname=z",
                                     f"host=db password='{SECRET} x' dbname=z",
                                     f"%%://u:{SECRET}@h", f"postgresql://u:{SECRET}/x?y"])
def test_garbage_shows_nothing_secret(garbage: str) -> None:
    assert SECRET not in display_url(garbage), display_url(garbage)
    assert SECRET not in mask_secrets(f"error: {garbage}", garbage)


def test_driver_messages_are_masked() -> None:
    url = f"postgresql+psycopg://zhigai:{SECRET}@db/zhigai"
    message = (f'invalid connection option "x" in "host=db password={SECRET} user=zhigai"; '
               f"url postgresql://zhigai:{SECRET}@db/zhigai")
    error = database_error(RuntimeError(message), None)
    assert SECRET not in str(error)
    # the password of the URL is masked wherever the driver repeats it
    assert SECRET not in str(database_error(RuntimeError(f"auth for {SECRET} failed"),
                                            None, url))


# ---------------------------------------------------------------------------- the GUI

def _visible_texts() -> list[str]:
    """Every text a person can see or hover in the application's widgets now."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QLabel,
        QLineEdit,
        QMessageBox,
        QTextBrowser,
        QTextEdit,
    )

    texts: list[str] = []
    for widget in QApplication.allWidgets():
        texts += [widget.windowTitle(), widget.toolTip(), widget.statusTip(),
                  widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QMessageBox):
            texts += [widget.text(), widget.informativeText(), widget.detailedText()]
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(widget.text())
        if isinstance(widget, (QTextEdit, QTextBrowser)):
            texts.append(widget.toPlainText())
    return texts


def test_the_gui_never_shows_the_password_of_an_unreachable_store(
        qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    port = _refused_port()
    monkeypatch.setenv("ZHIGAI_DB_URL", f"postgresql+psycopg://zhigai:{SECRET}@127.0.0.1:"
                                        f"{port}/zhigai")
    monkeypatch.setenv("ZHIGAI_DB_TIMEOUT", "2")
    seen: list[str] = []
    boxes: list[str] = []

    def inspect_the_store_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(100, inspect_the_store_dialog)
            return
        boxes.append(box.text())
        seen.extend(_visible_texts())
        for button in box.buttons():
            if button.text().replace("&", "") == "Continue without a store":
                button.click()
                return
        raise AssertionError([b.text() for b in box.buttons()])

    QTimer.singleShot(100, inspect_the_store_dialog)
    from zhigai.gui.app import create_app

    _app, window = create_app(["--lang", "en"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(boxes) and QApplication.activeModalWidget() is None,
                    timeout=15000)
    qtbot.waitUntil(lambda: "No data store open" in window.store_label.text())
    assert boxes and f"127.0.0.1:{port}" in boxes[0], boxes   # it says which server
    window.about()
    qtbot.waitUntil(lambda: window.about_dialog.isVisible())
    seen.extend(_visible_texts())
    window.about_dialog.close()
    assert seen
    leaks = [text for text in seen if SECRET in text]
    assert not leaks, leaks
    window.close()
    from zhigai.gui.worker import wait_for_background

    wait_for_background()


def test_the_status_bar_and_about_show_the_store_without_a_password(
        qtbot: Any, start: Any, data_dir: Path) -> None:
    window = start()
    path = str(window.ctx.store.path)
    assert window.store_label.text() == f"Data: {path}"
    window.about()
    qtbot.waitUntil(lambda: window.about_dialog.isVisible())
    assert f"Data store: {path}" in window.about_dialog.text.toPlainText()
    window.about_dialog.close()

    # a PostgreSQL store: the same code shows its URL without the password
    class Shown:
        url = f"postgresql+psycopg://zhigai:{SECRET}@db.example.com:5432/zhigai"
        path = None

    real = window.ctx.store
    window.ctx.store = Shown()
    try:
        window._update_store_label()
        assert window.store_label.text() == \
            "Data: postgresql+psycopg://zhigai:***@db.example.com:5432/zhigai"
        window.about()
        qtbot.waitUntil(lambda: window.about_dialog.isVisible())
        about = window.about_dialog.text.toPlainText()
        assert "zhigai:***@db.example.com" in about and SECRET not in about
        window.about_dialog.close()
        assert not [text for text in _visible_texts() if SECRET in text]
    finally:
        window.ctx.store = real
        window._update_store_label()


# ---------------------------------------------------------------------------- the CLI

def test_the_cli_never_prints_the_password(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from zhigai.cli.main import main

    url = f"postgresql+psycopg://zhigai:{SECRET}@127.0.0.1:{_refused_port()}/zhigai"
    monkeypatch.setenv("ZHIGAI_DB_TIMEOUT", "2")
    if pytest.importorskip("psycopg"):
        assert main(["export", "--db", url, "abcdef"]) == 1
        err = capsys.readouterr().err
        assert "refused the connection" in err and SECRET not in err, err
    with pytest.raises(SystemExit):  # a usage error repeats what was typed, masked
        main(["export", "abcdef", "--bogus", url])
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err and SECRET not in err, err
