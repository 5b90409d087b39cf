"""The Qt binding itself must be sound: PySide6-Essentials 6.12.0 drops a reference to None on
every call that returns nothing, and on Python 3.11 the interpreter aborts after a few thousand
calls. This guards the version pin in pyproject.toml."""

from __future__ import annotations

import sys


def test_calls_returning_nothing_keep_none_alive(qapp) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(3000):
        label.setText(str(n))
        qapp.processEvents()
    after = sys.getrefcount(None)
    assert after - before > -100, f"None lost {before - after} references in 6000 calls"
