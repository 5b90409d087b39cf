"""Wheel build hook: compile the interface translations (.ts -> .qm) into the wheel.

When the build environment has no PySide6 (an isolated `pip install .`), the wheel ships the
.ts files only and the program compiles them at first start with the lrelease that comes with
its PySide6 dependency (zhigai.gui.translations.qm_path).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "scripts"))
        try:
            import i18n

            out = Path(tempfile.mkdtemp(prefix="zhigai-qm-"))
            built = i18n.build(out)
        except (ImportError, SystemExit, OSError, subprocess.CalledProcessError) as error:
            self.app.display_warning(f"translations not compiled ({error}); the program will "
                                     "compile them at first start")
            return
        finally:
            sys.path.remove(str(root / "scripts"))
        for qm in built:
            build_data["force_include"][str(qm)] = f"zhigai/gui/i18n/{qm.name}"
