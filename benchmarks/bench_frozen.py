"""Size and start-up of the frozen program (PyInstaller, installer/zhigai.spec) against the same
program run from the virtual environment, measured in the same run (offscreen).

    python benchmarks/bench_frozen.py                 # builds the bundle into a temporary folder
    python benchmarks/bench_frozen.py --dist DIR      # reuses DIR/Zhigai (builds it if missing)

Goals (issue #7): the unpacked bundle under 200 MB; start-up to the home screen of the frozen
program reported as a ratio to the venv program (python -m zhigai.gui), median of N runs each,
with a store of 60 assessments as in bench_startup.py. Also a report (PDF) from the command line.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _util import ROOT, report
from bench_startup import seed_store, spawn_until

SIZE_GOAL_MB = 200.0


def load_build_script():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("zhigai_installer_build",
                                                  ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed_run(args: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="frozen vs venv: size and start-up")
    parser.add_argument("--dist", type=Path, help="PyInstaller's dist folder to reuse or fill")
    parser.add_argument("--runs", type=int, default=9, help="start-ups of each program (9)")
    parser.add_argument("--no-archive", action="store_true",
                        help="skip the compressed size (tar.gz of the program folder)")
    args = parser.parse_args()
    build = load_build_script()
    scratch = Path(tempfile.mkdtemp(prefix="zhigai-bench-frozen-"))
    dist = (args.dist or scratch / "dist").resolve()
    exe = build.executable(dist)
    if not exe.exists():
        start = time.perf_counter()
        build.build(dist, scratch / "work", quiet=True)
        print(f"(built the bundle in {time.perf_counter() - start:.0f} s into {dist})")
    folder = build.program_folder(dist)
    size, files = build.folder_size(folder)
    verdict = "ok" if size / 1e6 < SIZE_GOAL_MB else "OVER GOAL"
    print(f"{'bundle unpacked size':<58} {size / 1e6:9.1f} MB   goal < {SIZE_GOAL_MB:g} MB "
          f"({verdict}), {files} files")
    if not args.no_archive:
        archive = shutil.make_archive(str(scratch / "Zhigai"), "gztar", folder.parent,
                                      folder.name)
        print(f"{'  as a .tar.gz (for comparison with an installer)':<58} "
              f"{os.path.getsize(archive) / 1e6:9.1f} MB")
        os.unlink(archive)

    data_dir = scratch / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZHIGAI_DATA_DIR": str(data_dir),
           "ZHIGAI_CONFIG_DIR": str(data_dir / "config"), "PYTHONPATH": str(ROOT / "desktop")}
    env.pop("ZHIGAI_DB_URL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine (see bench_startup.py)
    seed_store(data_dir, 60)
    frozen_args = [str(exe), "--quit-when-ready", "--lang", "zh"]
    venv_args = [sys.executable, "-m", "zhigai.gui", "--quit-when-ready", "--lang", "zh"]
    spawn_until(frozen_args, env, "ready")  # warm the file cache
    spawn_until(venv_args, env, "ready")
    frozen, venv, frozen_store, venv_store = [], [], [], []
    for _ in range(args.runs):  # alternate so both see the same machine state
        first, second = spawn_until(venv_args, env, "ready in", also="store open in")
        venv.append(first)
        venv_store.append(second or first)
        first, second = spawn_until(frozen_args, env, "ready in", also="store open in")
        frozen.append(first)
        frozen_store.append(second or first)
    v, f, vs, fs = (statistics.median(x) for x in (venv, frozen, venv_store, frozen_store))
    print(f"(process wall time from spawn, median of {args.runs}; store of 60 assessments)")
    report("venv: python -m zhigai.gui, home screen idle", v)
    report("frozen: Zhigai, home screen idle", f, baseline=v, baseline_name="venv")
    report("venv: store fully open", vs)
    report("frozen: store fully open", fs, baseline=vs, baseline_name="venv")

    example = ROOT / "examples" / "textile-early.json"
    out = scratch / "report.pdf"
    runs = max(3, args.runs // 2)
    frozen_report = [timed_run([str(exe), "report", str(example), "-o", str(out)], env, scratch)
                     for _ in range(runs)]
    venv_report = [timed_run([sys.executable, "-m", "zhigai.cli.main", "report", str(example),
                              "-o", str(out)], env, scratch) for _ in range(runs)]
    rv, rf = statistics.median(venv_report), statistics.median(frozen_report)
    print(f"(report of {example.name}, whole process, median of {runs})")
    report("venv: zhigai report", rv)
    report("frozen: Zhigai report", rf, baseline=rv, baseline_name="venv")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
