"""The frozen program (installer/zhigai.spec): built once with PyInstaller into a temporary
folder, then run as a user would, away from the checkout and the virtual environment."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT = 900  # seconds; about 45 s on a 2-core machine
RUN_TIMEOUT = 120


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


entry = _load("zhigai_entry", ROOT / "installer" / "zhigai_entry.py")
build_script = _load("zhigai_installer_build", ROOT / "installer" / "build.py")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built program folder (Zhigai/ with Zhigai, zhigai-cli and _internal/)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed: pip install -e '.[test]'")
    base = tmp_path_factory.mktemp("frozen")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--quiet",
                          "--dist", str(base / "dist"), "--work", str(base / "work")],
                         cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
                         env=_clean_env())
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-5000:]
    print(f"bundle built in {time.perf_counter() - start:.0f} s: {out.stdout.strip()}")
    folder = base / "dist" / "Zhigai"
    assert build_script.executable(base / "dist").is_file()
    return folder


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ZHIGAI_", "PYTHON", "QT_"))}
    env.update(extra)
    return env


@pytest.fixture()
def user_env(tmp_path: Path) -> dict[str, str]:
    return _clean_env(QT_QPA_PLATFORM="offscreen", ZHIGAI_DATA_DIR=str(tmp_path / "data"),
                      ZHIGAI_CONFIG_DIR=str(tmp_path / "config"))


def _exe(folder: Path, name: str = "Zhigai") -> Path:
    return build_script.executable(folder.parent, name)


def _run(args: list[str | Path], env: dict[str, str], cwd: Path,
         timeout: float = RUN_TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)


# --- which program the entry point runs (no build needed) -------------------------------------

def test_entry_routes_every_cli_command_to_the_cli() -> None:
    import argparse

    from zhigai.cli.main import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert len(sub.choices) >= 10
    for command in sub.choices:
        assert entry.wants_cli([command, "--help"], "/opt/Zhigai/Zhigai", "Zhigai")
    assert entry.wants_cli(["help"], "Zhigai")
    assert entry.wants_cli(["scroe"], "Zhigai")  # a typo: the CLI lists the commands


def test_entry_routes_gui_options_to_the_gui() -> None:
    for argv in ([], ["--lang", "en"], ["--store", "x.db"], ["--quit-when-ready"],
                 ["--version"], ["--help"]):
        assert not entry.wants_cli(argv, "/opt/Zhigai/Zhigai", "Zhigai")
        assert entry.wants_cli(argv, r"C:\Zhigai\zhigai-cli.exe", "zhigai-cli")
    # on Linux zhigai-cli is a symbolic link: the name it was started by decides
    assert entry.wants_cli([], "/opt/Zhigai/Zhigai", "/usr/local/bin/zhigai-cli")


# --- the frozen program ---------------------------------------------------------------------

@pytest.mark.slow
def test_version(bundle: Path, user_env: dict[str, str], tmp_path: Path) -> None:
    import zhigai

    for name in ("Zhigai", "zhigai-cli"):
        out = _run([_exe(bundle, name), "--version"], user_env, tmp_path)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == f"zhigai {zhigai.__version__}"


@pytest.mark.slow
def test_headless_report_and_batch(bundle: Path, user_env: dict[str, str],
                                   tmp_path: Path) -> None:
    example = ROOT / "examples" / "textile-early.json"
    company = json.loads(example.read_text(encoding="utf-8"))["profile"]["company_name"]
    pdf = tmp_path / "report.pdf"
    out = _run([_exe(bundle), "report", example, "-o", pdf], user_env, tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    out = _run([_exe(bundle, "zhigai-cli"), "verify", pdf, "--assessment", example],
               user_env, tmp_path)
    assert out.returncode == 0 and out.stdout.startswith("MATCH"), out.stdout + out.stderr
    # batch: worker processes re-enter the frozen program (multiprocessing.freeze_support)
    reports = tmp_path / "reports"
    out = _run([_exe(bundle, "zhigai-cli"), "batch", ROOT / "examples", "-o", reports,
                "--jobs", "2"], user_env, tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert len(list(reports.glob("*.pdf"))) == len(list((ROOT / "examples").glob("*.json")))
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the text was not checked")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert company in text


@pytest.mark.slow
def test_gui_reaches_the_home_screen(bundle: Path, user_env: dict[str, str],
                                     tmp_path: Path) -> None:
    out = _run([_exe(bundle), "--quit-when-ready", "--lang", "zh"], user_env, tmp_path,
               timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert any(line.startswith("ready in ") and line.endswith(" ms") for line in lines), lines
    assert any(line.startswith("store open in ") for line in lines), lines
    assert (tmp_path / "data").is_dir()  # the store went to the user's folder, not the bundle


@pytest.mark.slow
def test_self_check(bundle: Path, user_env: dict[str, str], tmp_path: Path) -> None:
    """Data found, Qt's and Zhigai's Chinese translations load from where the frozen Qt looks
    (a standard button reads 取消), JPEG and PNG readable, pandas and numpy work."""
    for name in ("Zhigai", "zhigai-cli"):
        out = _run([_exe(bundle, name), "--self-check"], user_env, tmp_path)
        assert out.returncode == 0, out.stdout + out.stderr
        assert out.stdout.rstrip().endswith("self-check: OK"), out.stdout
        data = next(line for line in out.stdout.splitlines() if line.startswith("data:"))
        assert data.split()[1:3] == ["ok", "frozen"], data


@pytest.mark.slow
def test_bundle_contents(bundle: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    internal = bundle / "_internal"
    files = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    modules = set(CArchiveReader(str(_exe(bundle))).open_embedded_archive("PYZ.pyz").toc)
    top_level = {name.split(".")[0] for name in modules} | {f.split("/")[0] for f in files}
    # test-only and development packages stay out
    assert not top_level & {"pytest", "_pytest", "pytestqt", "hypothesis", "tkinter",
                            "PyInstaller", "hatchling", "pip", "setuptools"}
    # real dependencies are in
    assert {"zhigai", "pandas", "numpy", "reportlab", "sqlalchemy", "PySide6"} <= top_level
    # translations: Zhigai's compiled .qm and Qt's own Chinese catalogue
    assert {"zhigai/gui/i18n/zhigai_zh_CN.qm", "zhigai/gui/i18n/zhigai_en.qm"} <= files
    assert any(f.endswith("translations/qtbase_zh_CN.qm") for f in files)
    assert not any(f.endswith(".ts") for f in files)
    assert "zhigai/_data/questionnaires/zhigai-readiness-1.0.yaml" in files
    assert "zhigai/_data/templates/fonts/wqy-microhei.ttc" in files
    # unused Qt modules and plugins are left out: only the PySide6 modules the source imports
    imported = set()
    for source in (ROOT / "desktop" / "zhigai").rglob("*.py"):
        imported |= set(re.findall(r"\bPySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    bundled = {m.group(1) for f in files if (m := re.match(r"PySide6/(Qt\w+)\.", f))
               and f.endswith((".so", ".pyd"))}
    assert bundled == imported | {"QtCore"}, bundled
    for unused in ("Qt6Quick", "Qt6Qml", "Qt6Network", "Qt6Pdf", "Qt6VirtualKeyboard",
                   "/sqldrivers/", "/tls/", "/networkinformation/", "/qmltooling/"):
        assert not any(unused in f for f in files), unused
    size, count = build_script.folder_size(bundle)
    print(f"bundle: {size / 1e6:.1f} MB in {count} files")
    assert size < 300e6
