"""The layering declared in pyproject.toml ([tool.importlinter]) holds, and breaking it fails.

import-linter reads the import graph of the real package; the second test copies the package,
plants one forbidden import of each kind and checks that the same contracts catch every one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "desktop" / "zhigai" / "core"


def lint_imports(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHIGAI_")}
    env["PYTHONPATH"] = str(pythonpath)
    env["COLUMNS"] = "200"  # one contract per line in the report
    code = ("import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(no_cache=True, no_logo=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_contracts_hold() -> None:
    result = lint_imports(ROOT, ROOT / "desktop")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken." in result.stdout, result.stdout


# (file inside desktop/zhigai, a planted import, the contract that must break)
PLANTED = [
    ("core/questionnaire/values.py", "from ..advice import models",
     "The core follows the chain"),
    ("core/assessment/scoring.py", "from ..report import texts",
     "The core follows the chain"),
    ("core/advice/supports.py", "from ..store import rows",
     "The core follows the chain"),
    ("core/store/rows.py", "from ..report import fingerprint",
     "Exchange, store and portfolio never import the report"),
    ("core/base/paths.py", "import PySide6.QtCore",
     "The core never imports Qt"),
    ("core/exchange/merge.py", "from ...gui import style",
     "The GUI and the command line stand on the core"),
    ("core/advice/charts.py", "from reportlab.lib import colors",
     "Only the report imports reportlab"),
    ("core/base/settings.py", "from . import paths",
     "No import circles"),
    ("gui/evidence_panel.py", "from .questionnaire_view import QuestionnaireView",
     "No import circles"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("target", "planted", "contract"), PLANTED,
                         ids=[p[0].rsplit("/", 1)[1] + ":" + p[2][:12] for p in PLANTED])
def test_a_planted_import_breaks_its_contract(tmp_path: Path, target: str, planted: str,
                                              contract: str) -> None:
    shutil.copytree(ROOT / "desktop" / "zhigai", tmp_path / "desktop" / "zhigai",
                    ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    path = tmp_path / "desktop" / "zhigai" / target
    # inside a function, as the lazy imports of the code are: those count too
    path.write_text(path.read_text(encoding="utf-8")
                    + f"\n\ndef _planted() -> None:\n    {planted}  # noqa\n", encoding="utf-8")
    result = lint_imports(tmp_path, tmp_path / "desktop")
    assert result.returncode != 0, result.stdout
    broken = [line for line in result.stdout.splitlines() if line.endswith(" BROKEN")]
    assert any(line.startswith(contract) for line in broken), result.stdout
