"""The Qt-free core, the generated schemas, and the data locator for checkout and wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHIGAI_")}
    env.update(extra)
    return env


# modules that draw the PDF: they need reportlab, and are imported only when printing
DRAWING = ("zhigai.core.report.build", "zhigai.core.report.drawings", "zhigai.core.report.fonts",
           "zhigai.core.report.layout", "zhigai.core.report.sections_firm",
           "zhigai.core.report.sections_plan", "zhigai.core.report.sections_end",
           "zhigai.core.report.sections_supports", "zhigai.core.report.sections_credit",
           "zhigai.core.report.sections_official", "zhigai.core.report.sections_board")


def test_core_imports_no_qt(root: Path) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import zhigai.core as core\n"
        f"drawing = {DRAWING!r}\n"
        # the store's migrations are files Alembic runs (env.py configures a migration), not
        # modules to import
        "names = [m.name for m in pkgutil.walk_packages(core.__path__, 'zhigai.core.')\n"
        "         if '.migrations' not in m.name]\n"
        "for name in names:\n"
        "    if name not in drawing:\n"
        "        importlib.import_module(name)\n"
        "import zhigai.cli.main, zhigai.cli.commands, zhigai.cli.report_commands\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'reportlab'))\n"
        "for name in drawing:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad, heavy, all(d in names for d in drawing))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                         text=True, env=_env(PYTHONPATH=str(root / "desktop")), check=True)
    assert out.stdout.strip() == "[] [] True", out.stdout + out.stderr


def test_schemas_are_current(root: Path) -> None:
    from zhigai.core.app.schemas import SCHEMAS, render

    for name in SCHEMAS:
        committed = (root / "docs" / name).read_text(encoding="utf-8")
        assert committed == render(name), f"docs/{name} is stale: run `zhigai schema docs`"


def test_schema_matches_the_format() -> None:
    from zhigai.core.app.schemas import SCHEMAS, schema_of

    model, title, description = SCHEMAS["questionnaire.schema.json"]
    schema = schema_of(model, title, description)
    question = schema["$defs"]["Question"]["properties"]
    assert set(question["type"]["enum"]) == {"single", "multi", "number", "percent", "yesno",
                                             "text"}
    assert "show_if" in question and "evidence" in question
    threshold = schema["$defs"]["Threshold"]["properties"]
    assert "from" in threshold  # the YAML key, not the Python name


def test_checkout_layout(root: Path) -> None:
    from zhigai.core.base import resources

    assert resources.resource_root() == root
    assert resources.layout() == "checkout"


def test_override_and_missing(tmp_path: Path, root: Path) -> None:
    code = ("from zhigai.core.base import resources; "
            "print(resources.layout(), resources.resource_root())")
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "templates").mkdir()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=_env(PYTHONPATH=str(root / "desktop"), ZHIGAI_RESOURCES=str(tmp_path)),
                         check=True)
    assert out.stdout.split() == ["override", str(tmp_path)]


@pytest.mark.slow
def test_wheel_carries_data_and_command(tmp_path: Path, root: Path) -> None:
    """`pip install .` (not only editable) gives a zhigai command that finds its data."""
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(dist), str(root)], check=True, capture_output=True,
                   env=_env())
    wheels = list(dist.glob("zhigai-*.whl"))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as zf:
        names = zf.namelist()
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        assert "zhigai = zhigai.cli.main:main" in zf.read(entry_points).decode()
        assert "zhigai/_data/questionnaires/zhigai-readiness-1.0.yaml" in names
        assert any(n.startswith("zhigai/_data/templates/") for n in names)
        assert "zhigai/gui/i18n/zhigai_zh_CN.qm" in names  # compiled by hatch_build.py
        assert not any("__pycache__" in n or n.startswith("tests/") for n in names)
        site = tmp_path / "site"
        zf.extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = _env(PYTHONPATH=str(site))
    code = ("import zhigai, zhigai.core.base.resources as r; print(zhigai.__file__); "
            "print(r.layout())")
    out = subprocess.run([sys.executable, "-c", code], cwd=work, env=env, capture_output=True,
                         text=True, check=True)
    where, layout = out.stdout.split()
    assert where.startswith(str(site)) and layout == "installed"
    out = subprocess.run([sys.executable, "-m", "zhigai.cli.main", "list"], cwd=work, env=env,
                         capture_output=True, text=True, check=True)
    assert "zhigai-readiness 1.0.0" in out.stdout
    new = work / "a.json"
    subprocess.run([sys.executable, "-m", "zhigai.cli.main", "new", "-o", str(new),
                    "--profile", "industry=textile"], cwd=work, env=env, check=True,
                   capture_output=True)
    data = json.loads(new.read_text(encoding="utf-8"))
    assert data["questionnaire"]["id"] == "zhigai-readiness"
    assert [m["id"] for m in data["modules"]] == ["textile"]
