"""Reading the display summary stored with each assessment (no heavy imports: the home screen
uses this before anything else is loaded)."""

from __future__ import annotations

from typing import Any


def label(summary: dict[str, Any], key: str, lang: str) -> str:
    """A label from a summary's ``labels`` (falls back to the other language)."""
    raw = summary.get("labels", {}).get(key)
    if not isinstance(raw, dict):
        return ""
    first, second = ("en", "zh") if lang == "en" else ("zh", "en")
    for name in (first, second):
        value = raw.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return ""
