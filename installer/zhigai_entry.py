"""Entry point of the frozen (PyInstaller) program: one script for both executables.

* ``Zhigai`` (windowed on Windows and macOS): with no arguments or with GUI options
  (``--lang``, ``--store``, ``--quit-when-ready``, ``--version``) it starts the desktop
  application; with a command line subcommand (``Zhigai report firm.json -o r.pdf``) it runs
  the command line instead, so on Linux and macOS the one program does both.
  ``--self-check`` (either executable) checks the bundle: data, translations, image formats,
  pandas.
* ``zhigai-cli`` (a console program, for Windows where a windowed program has no console; a
  symbolic link to ``Zhigai`` on Linux): always the command line.

The GUI takes options only, so any first argument that is not an option is given to the command
line: its own parser knows the subcommands (none are listed here) and explains a typo.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Sequence
from pathlib import Path, PureWindowsPath

CLI_EXECUTABLES = {"zhigai-cli"}


def wants_cli(argv: Sequence[str], *program: str) -> bool:
    """``program``: the executable and the name it was started by (on Linux zhigai-cli is a
    symbolic link to Zhigai)."""
    # PureWindowsPath splits at both / and \
    if any(PureWindowsPath(p).stem.lower() in CLI_EXECUTABLES for p in program if p):
        return True
    if not argv:
        return False
    return not argv[0].startswith("-")  # a subcommand, `help`, or a typo the CLI explains


def print_help() -> None:
    """``Zhigai --help``: the desktop options, then the command line's."""
    from zhigai.cli.main import build_parser
    from zhigai.gui.app import parse_args

    try:
        parse_args(["--help"])
    except SystemExit:
        pass
    print("\ncommand line (the same program, or zhigai-cli on Windows):\n")
    parser = build_parser()
    parser.prog = "Zhigai"
    parser.print_help()


def self_check() -> int:
    """``Zhigai --self-check``: what a broken bundle would lack, one line each (exit 1 if any
    fails). Needs a display or QT_QPA_PLATFORM=offscreen."""
    results: list[tuple[str, bool, str]] = []

    def check(name: str, fn: Callable[[], tuple[object, object]]) -> None:
        try:
            ok, detail = fn()
        except Exception as error:  # noqa: BLE001 - report every failure, not the first
            ok, detail = False, f"{type(error).__name__}: {error}"
        results.append((name, bool(ok), str(detail)))

    from PySide6.QtCore import QCoreApplication, QLibraryInfo
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication

    from zhigai import __version__
    from zhigai.core.base import resources
    from zhigai.gui.translations import Translators, qm_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    check("version", lambda: (True, __version__))
    check("data", lambda: (resources.questionnaires_dir().is_dir(),
                           f"{resources.layout()} {resources.resource_root()}"))
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    check("qt translations", lambda: ((folder / "qtbase_zh_CN.qm").is_file(), folder))
    check("zhigai translations", lambda: (qm_path("zh") is not None, qm_path("zh")))
    translators = Translators()
    translators.install("zh")
    check("qt dialogs in Chinese", lambda: (
        QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消",
        QCoreApplication.translate("QPlatformTheme", "Cancel")))
    check("interface in Chinese", lambda: (
        QCoreApplication.translate("MainWindow", "Zhigai") == "智改",
        QCoreApplication.translate("MainWindow", "Zhigai")))
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    check("image formats", lambda: ({"jpeg", "png"} <= set(formats), " ".join(formats)))
    check("platform", lambda: (True, app.platformName()))

    def tables() -> tuple[bool, str]:
        import numpy
        import pandas

        mean = pandas.DataFrame({"x": [1, 2]})["x"].mean()
        return mean == 1.5, f"pandas {pandas.__version__}, numpy {numpy.__version__}"

    check("pandas", tables)
    for name, ok, detail in results:
        print(f"{name + ':':<24}{'ok' if ok else 'FAILED'}  {detail}")
    failed = [name for name, ok, _ in results if not ok]
    print("self-check:", "FAILED (" + ", ".join(failed) + ")" if failed else "OK")
    return 1 if failed else 0


def run(argv: list[str], *program: str) -> int:
    # macOS used to pass a process serial number to programs started from the Finder
    argv = [a for a in argv if not a.startswith("-psn_")]
    if argv[:1] == ["--self-check"]:  # also from zhigai-cli: a console on Windows
        return self_check()
    if wants_cli(argv, *program):
        from zhigai.cli.main import main as cli_main

        if argv[:1] == ["help"]:  # `Zhigai help` / `Zhigai help report`
            argv = [*argv[1:2], "--help"]
        return int(cli_main(argv) or 0)
    if argv and argv[0] in ("-h", "--help"):
        print_help()
        return 0
    from zhigai.gui.app import main as gui_main

    return int(gui_main(argv) or 0)


def main() -> int:
    multiprocessing.freeze_support()  # first: batch workers re-enter the frozen program
    return run(sys.argv[1:], sys.executable, sys.argv[0] if sys.argv else "")


if __name__ == "__main__":
    sys.exit(main())
