"""Pages that refresh only when seen: a page hidden behind another tab marks itself stale and
refreshes when shown, so an answer click does not rebuild screens nobody is looking at."""

from __future__ import annotations

from typing import Any


class LazyRefresh:
    """Mix-in for a QWidget with a ``refresh()``; call ``self.request_refresh()`` instead."""

    _stale = False

    def request_refresh(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self._stale = False
            self.refresh()  # type: ignore[attr-defined]
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self._stale = False
            self.refresh()  # type: ignore[attr-defined]
