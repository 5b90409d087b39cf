"""The new-assessment form as typed so far, kept in a small JSON file in the data folder so
that it survives a crash or a restart; deleted when the assessment is created or the user
discards the form."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base.clock import now_iso
from ..base.private import private_folder

DRAFT_FILE = "new-assessment-draft.json"
MAX_DRAFT_BYTES = 200_000  # a profile is a few kilobytes; anything larger is not ours


@dataclass(frozen=True)
class NewDraft:
    """The questionnaire chosen and the raw field values typed (field id -> text, choice id,
    list of choice ids or yes/no)."""

    questionnaire: str
    version: str
    values: dict[str, Any] = field(default_factory=dict)
    saved_at: str = ""


def draft_path(folder: Path) -> Path:
    return Path(folder) / DRAFT_FILE


def _plain(value: Any) -> bool:
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def save_draft(folder: Path, draft: NewDraft) -> Path:
    """Write the draft atomically (a crash leaves the old or the new file). Raises OSError."""
    path = draft_path(folder)
    data = {"questionnaire": draft.questionnaire, "version": draft.version,
            "values": {k: v for k, v in draft.values.items() if _plain(v)},
            "saved_at": draft.saved_at or now_iso()}
    private_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=".draft.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_draft(folder: Path) -> NewDraft | None:
    """The saved draft, or None when there is none or the file cannot be read as one."""
    path = draft_path(folder)
    try:
        if path.stat().st_size > MAX_DRAFT_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    qid, version, values = data.get("questionnaire"), data.get("version"), data.get("values")
    if not isinstance(qid, str) or not isinstance(version, str) or not isinstance(values, dict):
        return None
    saved_at = data.get("saved_at")
    return NewDraft(qid, version, {str(k): v for k, v in values.items() if _plain(v)},
                    saved_at if isinstance(saved_at, str) else "")


def delete_draft(folder: Path) -> bool:
    """Remove the draft; False when there was none (or it cannot be removed)."""
    try:
        draft_path(folder).unlink()
    except OSError:
        return False
    return True
