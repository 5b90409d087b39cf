"""Interface translations (Qt Linguist).

    python scripts/i18n.py update   # extract strings from the GUI code into the .ts files
    python scripts/i18n.py build    # compile .ts -> .qm (next to them; not committed)
    python scripts/i18n.py check    # list strings without a Chinese translation (exit 1 if any)

The .ts files (desktop/zhigai/gui/i18n/) are in git: translators edit them with Qt Linguist
(`pyside6-linguist`) or any XML editor. Source strings are English; zh_CN carries the Chinese
text, en marks every string as its own translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "desktop" / "zhigai" / "gui"
I18N = GUI / "i18n"
FILES = {"zh_CN": I18N / "zhigai_zh_CN.ts", "en": I18N / "zhigai_en.ts"}


def tool(name: str) -> str:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in GUI.glob("*.py"))


def update() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    for lang, ts in FILES.items():
        subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        "-source-language", "en", "-target-language", lang, *sources(),
                        "-ts", str(ts)], check=True)
    fill_english(FILES["en"])
    print("updated", *FILES.values())


def fill_english(ts: Path) -> None:
    """English is the source language: every string is its own translation."""
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.find("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or ""):
            translation.text = source.text
            translation.attrib.pop("type", None)
    write(tree, ts)


def write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")


def missing(ts: Path) -> list[tuple[str, str]]:
    tree = ET.parse(ts)
    out = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished",) or \
                    not (translation.text or "").strip():
                out.append((name, message.findtext("source") or ""))
    return out


def build(out_dir: Path | None = None) -> list[Path]:
    built = []
    for ts in FILES.values():
        qm = (out_dir or ts.parent) / (ts.stem + ".qm")
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "update":
        update()
    elif command == "build":
        for qm in build(Path(sys.argv[2]) if len(sys.argv) > 2 else None):
            print("built", qm)
    elif command == "check":
        gaps = missing(FILES["zh_CN"])
        for context, source in gaps:
            print(f"{FILES['zh_CN'].name}: {context}: no Chinese for {source!r}")
        return 1 if gaps else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
