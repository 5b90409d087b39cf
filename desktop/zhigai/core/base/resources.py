"""The one place that locates Zhigai's bundled data.

Three layouts are supported:

* a source checkout (also an editable install): ``<repo>/questionnaires`` and
  ``<repo>/templates`` beside ``<repo>/desktop/zhigai``;
* an installed wheel: the build copies both folders to ``zhigai/_data/`` inside the package;
* a frozen PyInstaller bundle: the spec puts them at ``<bundle>/zhigai/_data/``.

``ZHIGAI_RESOURCES`` (a folder holding ``questionnaires/`` and ``templates/``) overrides all of
them, for portable installs and tests.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

ENV_OVERRIDE = "ZHIGAI_RESOURCES"
_PACKAGE_DIR = Path(__file__).resolve().parents[2]  # zhigai/core/base/resources.py -> zhigai


class ResourcesNotFound(RuntimeError):
    """Raised when no layout holds the bundled data (a broken install)."""


def _candidates() -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        found.append(("override", Path(override)))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        found.append(("frozen", Path(frozen_root) / "zhigai" / "_data"))
    found.append(("installed", _PACKAGE_DIR / "_data"))
    found.append(("checkout", _PACKAGE_DIR.parent.parent))
    return found


@lru_cache(maxsize=1)
def resource_root() -> Path:
    """The folder that holds ``questionnaires/`` and ``templates/``."""
    tried: list[str] = []
    for _layout, root in _candidates():
        if (root / "questionnaires").is_dir() and (root / "templates").is_dir():
            return root
        tried.append(str(root))
    raise ResourcesNotFound(
        "Zhigai's bundled data (questionnaires/ and templates/) was not found; looked in: "
        + ", ".join(tried)
        + f". Reinstall the program or set {ENV_OVERRIDE} to the folder that holds them."
    )


def layout() -> str:
    """Which layout supplied the data: override, frozen, installed or checkout."""
    root = resource_root()
    for name, candidate in _candidates():
        if candidate == root:
            return name
    return "unknown"  # pragma: no cover - resource_root returns one of the candidates


def questionnaires_dir() -> Path:
    return resource_root() / "questionnaires"


def templates_dir() -> Path:
    return resource_root() / "templates"


def template_path(*parts: str) -> Path:
    return templates_dir().joinpath(*parts)
