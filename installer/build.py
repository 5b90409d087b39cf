"""Build the one-folder Zhigai program with PyInstaller.

    python installer/build.py [--dist DIR] [--work DIR] [--clean] [--quiet]
    python installer/build.py --print-version

Compiles the interface translations (scripts/i18n.py build, into the work folder), runs
PyInstaller on installer/zhigai.spec and prints where the program is, its unpacked size and its
number of files. Defaults: --dist installer/dist, --work installer/build (both git-ignored).
Needs the project's environment with PyInstaller: pip install -e '.[test]'.

Produces DIST/Zhigai/ holding Zhigai (the desktop program, also the command line on Linux and
macOS) and zhigai-cli (the command line, a console program on Windows); on macOS also
DIST/Zhigai.app.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "zhigai.spec"


def read_version() -> str:
    """``zhigai.__version__``, read from the source (as the spec does) without importing it."""
    text = (ROOT / "desktop" / "zhigai" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not match:
        sys.exit("no __version__ in desktop/zhigai/__init__.py")
    return match.group(1)


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a folder; symbolic links count as files of no size."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_symlink():
            files += 1
        elif path.is_file():
            total += path.stat().st_size
            files += 1
    return total, files


def program_folder(dist: Path) -> Path:
    return dist / "Zhigai"


def executable(dist: Path, name: str = "Zhigai") -> Path:
    """The path of an executable of the built program (``Zhigai`` or ``zhigai-cli``)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return program_folder(dist) / f"{name}{suffix}"


def compile_translations(out: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import i18n
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return i18n.build(out)


def build(dist: Path, work: Path, clean: bool = False, quiet: bool = False) -> Path:
    """Build the program into ``dist``; returns the program folder."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("PyInstaller is not installed: pip install -e '.[test]' (or pip install "
                 "'pyinstaller>=6.10')")
    dist = dist.resolve()
    work = work.resolve()
    qm_dir = work / "qm"
    built = compile_translations(qm_dir)
    if not quiet:
        print("translations:", *(p.name for p in built))
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist),
               "--workpath", str(work), "--log-level", "WARN" if quiet else "INFO"]
    if clean:
        command.append("--clean")
    command += [str(SPEC), "--", "--qm-dir", str(qm_dir)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT / "desktop"), os.environ.get("PYTHONPATH", "")) if p)}
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return program_folder(dist)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "installer" / "dist",
                        help="where the program folder goes (default installer/dist)")
    parser.add_argument("--work", type=Path, default=ROOT / "installer" / "build",
                        help="PyInstaller's work folder (default installer/build)")
    parser.add_argument("--clean", action="store_true",
                        help="empty PyInstaller's cache and work folder first")
    parser.add_argument("--quiet", action="store_true", help="PyInstaller warnings only")
    parser.add_argument("--print-version", action="store_true",
                        help="print the program's version and exit (for the installer scripts)")
    args = parser.parse_args(argv)
    if args.print_version:
        print(read_version())
        return 0
    start = time.perf_counter()
    folder = build(args.dist, args.work, clean=args.clean, quiet=args.quiet)
    size, files = folder_size(folder)
    print(f"built Zhigai {read_version()} into {folder} in {time.perf_counter() - start:.0f} s")
    print(f"unpacked size: {size / 1e6:.1f} MB in {files} files")
    print(f"run: {executable(args.dist.resolve())}   command line: "
          f"{executable(args.dist.resolve(), 'zhigai-cli')} --help")
    if sys.platform == "darwin":
        app = args.dist.resolve() / "Zhigai.app"
        size, files = folder_size(app)
        print(f"macOS app: {app}: {size / 1e6:.1f} MB in {files} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
