"""What another writer saved: one line per audit entry, for the message of a refused save."""

from __future__ import annotations

from ..assessment.model import AuditEntry


def describe_change(entry: AuditEntry) -> str:
    """``王工 @ LAPTOP-3, 2026-12-02 10:42: answer.q1`` (who, on which computer, when, what)."""
    who = entry.who + (f" @ {entry.machine}" if entry.machine else "")
    return f"{who}, {entry.at[:16].replace('T', ' ')}: {entry.field}"
