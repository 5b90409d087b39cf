"""Timestamps as stored in files and the store."""

from __future__ import annotations

import datetime as _dt


def now_iso() -> str:
    """UTC now, ISO 8601 with microseconds (sortable; orders edits within a second)."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")
