"""Start the desktop application: ``zhigai-gui`` (or ``python -m zhigai.gui``)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

_STARTED = time.perf_counter()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="zhigai-gui",
                                     description="智改 Zhigai desktop application")
    parser.add_argument("--lang", choices=["zh", "en"],
                        help="interface language (default: the system's, Chinese when unsure)")
    parser.add_argument("--store", metavar="URL_OR_FILE",
                        help="the data store: an SQLite file or a database URL "
                             "(default: the user data folder, or $ZHIGAI_DB_URL)")
    parser.add_argument("--quit-when-ready", action="store_true",
                        help="quit as soon as the home screen shows the store (smoke tests and "
                             "benchmarks); prints the start-up time")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser.parse_args(list(argv) if argv is not None else None)


def create_app(argv: Sequence[str] | None = None) -> tuple[object, object]:
    """The QApplication and the shown main window (used by main() and by the GUI tests)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from ..core.paths import sqlite_url
    from .context import AppContext
    from .fonts import install_font
    from .main_window import MainWindow
    from .style import STYLESHEET
    from .translations import Translators, system_language

    args = parse_args(argv)
    QCoreApplication.setOrganizationName("Zhigai")
    QCoreApplication.setApplicationName("Zhigai")
    # window geometry and resume positions: an INI file in the platformdirs config folder
    from PySide6.QtCore import QSettings

    from ..core.paths import config_dir

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_dir()))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)
    install_font()
    lang = args.lang or system_language()
    translators = Translators()
    translators.install(lang)
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Zhigai"))
    ctx = AppContext(translators, lang)
    store = args.store
    if store and "://" not in store:
        from pathlib import Path

        store = sqlite_url(Path(store))
    window = MainWindow(ctx, store)
    window.show()
    window.start()
    return app, window


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.version:
        from .. import __version__

        print(f"zhigai {__version__}")
        return 0
    app, window = create_app(argv)
    if args.quit_when_ready:
        from PySide6.QtCore import QTimer

        def ready() -> None:
            print(f"ready in {(time.perf_counter() - _STARTED) * 1000:.0f} ms", flush=True)
            if window.ctx.store is not None:  # type: ignore[attr-defined]
                opened()
            else:  # the home list came from the fast path; the store opens in the background
                window.ctx.storeChanged.connect(opened)  # type: ignore[attr-defined]

        def opened() -> None:
            print(f"store open in {(time.perf_counter() - _STARTED) * 1000:.0f} ms", flush=True)
            QTimer.singleShot(0, app.quit)  # type: ignore[attr-defined]

        window.ready.connect(ready)  # type: ignore[attr-defined]
    code = int(app.exec())  # type: ignore[attr-defined]
    from .worker import wait_for_background

    wait_for_background()
    return code


if __name__ == "__main__":
    sys.exit(main())
