"""Start the desktop application: ``zhigai-gui`` (or ``python -m zhigai.gui``)."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from ..core.base.settings import SettingsFile

_STARTED = time.perf_counter()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # never repeat a password of --store
        from ..core.store.url import mask_secrets

        super().error(mask_secrets(message))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = _Parser(prog="zhigai-gui",
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

    from ..core.base.paths import sqlite_url
    from .context import AppContext
    from .fonts import install_font
    from .main_window import MainWindow
    from .style import STYLESHEET
    from .translations import Translators, system_language

    args = parse_args(argv)
    QCoreApplication.setOrganizationName("Zhigai")
    QCoreApplication.setApplicationName("Zhigai")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ..core.base import settings as prefs

    migrate_qsettings(prefs.current())
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)
    from .wheel_guard import install_wheel_guard

    install_wheel_guard(app)  # a wheel over an unfocused box scrolls the page, never edits
    install_font()
    lang = args.lang or system_language(prefs.settings().language)
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
    window.report_settings_problems()
    return app, window


def migrate_qsettings(target: SettingsFile) -> None:
    """Carry the preferences of earlier versions (a QSettings INI file in the same config
    folder) into settings.json, once: only when settings.json does not exist yet."""
    from pathlib import Path

    from PySide6.QtCore import QSettings

    from ..core.base import settings as prefs

    old = Path(target.path).parent / "Zhigai" / "Zhigai.ini"
    if target.exists or not old.is_file():
        return
    ini = QSettings(str(old), QSettings.Format.IniFormat)

    def text(key: str) -> str:
        value = ini.value(key, "")
        return str(value).strip() if value is not None else ""

    s = target.settings
    name = text("assessor/name")
    if name:
        s.assessor = prefs.AssessorProfile(name[:100], text("assessor/organisation")[:200],
                                           text("assessor/service_group")[:200])
    if text("portfolio/min_peers").isdigit():
        s.min_peers = max(2, min(int(text("portfolio/min_peers")), 1000))
    if text("report/lang") in prefs.LANGS:
        s.report.language = text("report/lang")  # type: ignore[assignment]
    s.report.appendix = text("report/appendix") != "false"
    s.report.open_after = text("report/open") != "false"
    for purpose in ("bundle", "portfolio", "report"):
        if text(f"{purpose}/folder"):
            s.state.folders[purpose] = text(f"{purpose}/folder")
    ini.beginGroup("resume")
    for key in ini.childKeys():
        s.state.resume[key] = str(ini.value(key))
    ini.endGroup()
    target.try_save()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.version:
        from .. import __version__

        print(f"zhigai {__version__}")
        return 0
    app, window = create_app(argv)
    if args.quit_when_ready:
        from PySide6.QtCore import QTimer

        window.welcome_on_first_run = False  # type: ignore[attr-defined]

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
