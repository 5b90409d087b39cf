"""File modes: what Zhigai keeps for itself (the store, drafts, settings, bundles: a firm's
financial data and photos) is readable by its user only (folders 0700, files 0600) on Linux and
macOS, whatever the umask; a file written to be handed on (a report, when the setting says so)
gets the mode any file the user creates gets. Windows keeps its folders' access lists."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def _posix() -> bool:
    return os.name == "posix"


def umask() -> int:
    """The process's umask, read without changing it (Linux), else by setting it back."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o077)  # briefly; what a racing thread creates meanwhile stays private
    os.umask(current)
    return current


def private_folder(path: Path) -> Path:
    """Create ``path`` (and its parents) if needed; a folder created here is made 0700 (one
    that exists, perhaps chosen by the user, such as Documents, is left as it is)."""
    if path.is_dir():
        return path
    path.mkdir(parents=True, exist_ok=True)
    if _posix():
        try:
            os.chmod(path, PRIVATE_FOLDER)
        except OSError:
            pass  # a folder of someone else (a shared mount): left as it is
    return path


def set_mode(path: str | Path, shared: bool = False) -> None:
    """0600, or (``shared``) what the umask gives a new file."""
    if _posix():
        os.chmod(path, (0o666 & ~umask()) if shared else PRIVATE_FILE)
