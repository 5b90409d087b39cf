"""Interface translations: Qt Linguist ``.ts`` files in git, ``.qm`` built by
``scripts/i18n.py build`` (also at first start when missing, with the lrelease that ships
with PySide6), plus Qt's own ``qtbase_zh_CN.qm`` so standard dialogs are Chinese too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANG_FILES = {"zh": "zhigai_zh_CN", "en": "zhigai_en"}


def lrelease_binary() -> str | None:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        candidate = folder / name
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def cache_dir() -> Path:
    from ..core.base.paths import data_dir

    return data_dir() / "cache" / "i18n"


def compile_ts(ts: Path, qm: Path) -> bool:
    binary = lrelease_binary()
    if binary is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([binary, "-silent", str(ts), "-qm", str(qm)], capture_output=True,
                            check=False)
    return result.returncode == 0 and qm.exists()


def qm_path(lang: str) -> Path | None:
    """The compiled translation for ``lang``: bundled, else built from the .ts when missing."""
    name = LANG_FILES.get(lang)
    if name is None:
        return None
    bundled = I18N_DIR / f"{name}.qm"
    ts = I18N_DIR / f"{name}.ts"
    if bundled.exists() and (not ts.exists() or bundled.stat().st_mtime >= ts.stat().st_mtime):
        return bundled
    if not ts.exists() or getattr(sys, "frozen", False):
        return bundled if bundled.exists() else None
    cached = cache_dir() / f"{name}.qm"
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    try:
        if compile_ts(ts, cached):
            return cached
    except OSError:
        pass
    return None


class StaleMnemonics(QTranslator):
    """Qt's own labels that gained a shortcut key after ``qtbase_zh_CN.qm`` was written
    ("&Look in:", "Files of &type:" in the file dialog): the translation of the text without
    the ``&``, with the key in the Chinese way ("查找范围(&L)：")."""

    def __init__(self, qt: QTranslator, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.qt = qt

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        # asked last of all: nothing here is the source text itself (an empty string from
        # Python is not Qt's null "no translation" and would blank every label)
        at = source.replace("&&", "\0\0").find("&")
        if not context.startswith("Q") or at < 0 or at + 1 >= len(source):
            return source
        text = self.qt.translate(context, source[:at] + source[at + 1:], disambiguation, n)
        if not text:
            return source
        key = f"(&{source[at + 1].upper()})"
        end = len(text.rstrip("：:…. "))
        return text[:end] + key + text[end:]


_INSTALLED: list[QTranslator] = []  # the application is one per process, and so is this list


class Translators:
    """The installed translators, replaced as a whole when the language changes."""

    def __init__(self) -> None:
        self.installed = _INSTALLED
        self.lang = "zh"

    def install(self, lang: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        for t in self.installed:
            app.removeTranslator(t)
        self.installed.clear()
        self.lang = lang
        qt: QTranslator | None = None
        if lang == "zh":
            qt = QTranslator(app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       folder):
                stale = StaleMnemonics(qt, app)  # asked after all others: installed first
                app.installTranslator(stale)
                self.installed.append(stale)
            else:
                qt = None
        path = qm_path(lang)
        if path is not None:
            ours = QTranslator(app)
            if ours.load(str(path)):
                app.installTranslator(ours)
                self.installed.append(ours)
        if qt is not None:
            app.installTranslator(qt)
            self.installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                           if lang == "zh" else QLocale(QLocale.Language.English,
                                                        QLocale.Country.UnitedStates))


def system_language(chosen: str | None = None) -> str:
    """zh or en: ``$ZHIGAI_LANG``, else the language chosen in the settings, else the system
    locale's (Chinese when it is neither)."""
    forced = os.environ.get("ZHIGAI_LANG")
    if forced:
        return "en" if forced.lower().startswith("en") else "zh"
    if chosen in ("zh", "en"):
        return chosen
    name = QLocale.system().name()
    return "en" if name.lower().startswith("en") else "zh"
