"""Store calls made from the interface run on a thread of their own, one at a time.

:func:`off_thread` gives the caller the call's result (or raises its exception) as if it ran
in place, so a panel's code stays as simple as a direct call; meanwhile the window keeps
painting (no "not responding", even on a slow or hanging database server) and the user's
clicks and keys wait: Qt delivers them once the call returns, so nothing typed is lost and no
second edit starts before the first is saved. A call that takes longer than
:data:`BUSY_AFTER_MS` shows the wait cursor and emits :attr:`Notifier.busyChanged` (the main
window shows its busy bar).

A call that returns within :data:`QUICK_S` is waited for without running the event loop.
One thread runs the calls in the order they were made (the editing session is not
thread-safe); a call made while another is waiting (a timer firing during the wait) queues
behind it. Called off the interface thread, or with no Qt application, a call simply runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

T = TypeVar("T")

#: A call that has not returned after this long shows the wait cursor.
BUSY_AFTER_MS = 300

#: A call that returns within this long (most edits on a local store: a few milliseconds)
#: is simply waited for: the interface does not run its event loop meanwhile.
QUICK_S = 0.05


class Notifier(QObject):
    """Tells the window when store calls are slow (``busyChanged(True)``) and done."""

    busyChanged = Signal(bool)


class _Done(QObject):
    finished = Signal()


class _Call(QRunnable):
    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = _Done()
        self.finished = threading.Event()

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as error:   # raised again on the interface thread
            self.error = error
        self.finished.set()
        try:
            self.done.finished.emit()
        except RuntimeError:   # the application is shutting down
            pass


_pool: QThreadPool | None = None
_notifier: Notifier | None = None
_waiting = 0          # calls waiting now (nested waits count once each)
_busy_shown = False


def notifier() -> Notifier:
    global _notifier
    if _notifier is None:
        _notifier = Notifier()
    return _notifier


def _the_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)   # one call at a time, in order
        _pool.setExpiryTimeout(-1)
    return _pool


def off_thread(fn: Callable[[], T]) -> T:
    """``fn()`` run on the store thread while the interface keeps painting (see the
    module); returns its result or raises its exception."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return fn()
    global _waiting
    call = _Call(fn)
    loop = QEventLoop()
    call.done.finished.connect(loop.quit)
    slow = QTimer()
    slow.setSingleShot(True)
    slow.timeout.connect(_show_busy)
    _waiting += 1
    try:
        _the_pool().start(call)
        if call.finished.wait(QUICK_S):
            call.done.finished.disconnect(loop.quit)
            return _outcome(call)
        slow.start(BUSY_AFTER_MS - int(QUICK_S * 1000))
        if not call.finished.is_set():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        while not call.finished.is_set():   # quit by a nested wait's end before this call was done
            loop.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
                               | QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    finally:
        slow.stop()
        _waiting -= 1
        if _waiting == 0:
            _hide_busy()
    return _outcome(call)


class _Reply(QObject):
    """Hands a background call's outcome to its callback on the interface thread (this
    object lives there, so the call's signal from the store thread is queued to it)."""

    def __init__(self, call: _Call, done: Callable[[Any, BaseException | None], None]):
        super().__init__()
        self.call, self.done = call, done
        call.done.finished.connect(self.deliver)

    @Slot()
    def deliver(self) -> None:
        _replies.discard(self)
        self.done(self.call.result, self.call.error)


_replies: set[_Reply] = set()   # kept until delivered


def in_background(fn: Callable[[], T],
                  done: Callable[[T | None, BaseException | None], None]) -> None:
    """``fn()`` queued on the store thread behind the calls made before it, without waiting
    for it: ``done(result, None)`` or ``done(None, error)`` is called on the interface thread
    once it has run (e.g. a page of the home list read while the list is scrolled). No wait
    cursor: nobody waits. Without a Qt application, run at once."""
    if QCoreApplication.instance() is None:
        try:
            result = fn()
        except Exception as error:   # noqa: BLE001 - handed to the callback
            done(None, error)
            return
        done(result, None)
        return
    call = _Call(fn)
    _replies.add(_Reply(call, done))
    _the_pool().start(call)


def _outcome(call: _Call) -> Any:
    if call.error is not None:
        raise call.error
    return call.result


def _show_busy() -> None:
    global _busy_shown
    if _busy_shown or _waiting == 0:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    _busy_shown = True
    if isinstance(QCoreApplication.instance(), QGuiApplication):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    notifier().busyChanged.emit(True)


def _hide_busy() -> None:
    global _busy_shown
    if not _busy_shown:
        return
    from PySide6.QtGui import QGuiApplication

    _busy_shown = False
    if isinstance(QCoreApplication.instance(), QGuiApplication):
        QGuiApplication.restoreOverrideCursor()
    notifier().busyChanged.emit(False)


def waiting() -> bool:
    """Whether a store call is under way (the interface is waiting for it)."""
    return _waiting > 0
