"""Run work that can take more than ~100 ms off the GUI thread and report back on it."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int)


class Job(QRunnable):
    """``fn(report)`` runs on a pool thread; ``report(done, total)`` emits progress."""

    def __init__(self, fn: Callable[..., Any], with_progress: bool = False):
        super().__init__()
        self.fn = fn
        self.with_progress = with_progress
        self.signals = _Signals()
        self.setAutoDelete(False)

    @Slot()
    def run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(lambda done, total: self._emit(self.signals.progress,
                                                                done, total))
            else:
                result = self.fn()
        except BaseException as error:  # reported on the GUI thread
            self._emit(self.signals.failed, error, traceback.format_exc())
            return
        self._emit(self.signals.done, result)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the application is shutting down; nobody is listening
            pass


_running: set[Job] = set()


def run_in_background(fn: Callable[..., Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[BaseException, str], None] | None = None,
                      on_progress: Callable[[int, int], None] | None = None) -> Job:
    """Start ``fn`` on the global thread pool; callbacks run on the GUI thread."""
    job = Job(fn, with_progress=on_progress is not None)
    _running.add(job)

    def finished(result: Any) -> None:
        _running.discard(job)
        on_done(result)

    def failed(error: BaseException, trace: str) -> None:
        _running.discard(job)
        if on_failed is not None:
            on_failed(error, trace)
        else:  # pragma: no cover - programming error surfaced in the console
            from ..core.store.url import mask_secrets

            print(mask_secrets(trace))  # a database driver's message may hold its URL

    job.signals.done.connect(finished)
    job.signals.failed.connect(failed)
    if on_progress is not None:
        job.signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(job)
    return job


def busy() -> bool:
    return bool(_running)


def wait_for_background(timeout_ms: int = 10000) -> None:
    """Let running jobs finish before the application exits."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)
