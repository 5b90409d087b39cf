"""Who edits on this machine: the local user's profile (asked once, kept in the settings) and
the machine's name. The audit trail records both with every change, so an assessment carried
to another laptop in a bundle is never edited under the name of whoever edited it last."""

from __future__ import annotations

import getpass
import platform
from dataclasses import dataclass

MAX_NAME = 100


@dataclass(frozen=True)
class Editor:
    """The person editing and the machine they edit on."""

    name: str
    machine: str = ""

    def label(self, zh: bool) -> str:
        """``王工（laptop-7）`` / ``Wang (laptop-7)``; the name alone without a machine."""
        if not self.machine:
            return self.name
        return f"{self.name}（{self.machine}）" if zh else f"{self.name} ({self.machine})"


def machine_name() -> str:
    """This computer's network name (empty when the system does not tell)."""
    try:
        return platform.node().strip()[:MAX_NAME]
    except OSError:
        return ""


def login_name() -> str:
    """The operating system's user name (empty when it cannot be found)."""
    try:
        return getpass.getuser().strip()[:MAX_NAME]
    except (KeyError, OSError, ImportError):
        return ""


def local_editor(profile_name: str | None = None, machine: str | None = None) -> Editor:
    """The editor on this machine: the name of the local profile, else the system's login
    name; never a name taken from the assessment being edited."""
    name = (profile_name or "").strip()[:MAX_NAME] or login_name() or "?"
    return Editor(name=name, machine=machine_name() if machine is None else machine[:MAX_NAME])
