"""``zhigai report``, ``zhigai batch`` and ``zhigai verify``."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from .commands import _err, _lang


def _report_lang(args: argparse.Namespace) -> str:
    """Reports are Chinese unless --lang or $ZHIGAI_LANG asks for English."""
    from ..core.base.i18n import normalize_lang

    return normalize_lang(args.lang or os.environ.get("ZHIGAI_LANG") or "zh")


# ---------------------------------------------------------------------------- report

def cmd_report(args: argparse.Namespace) -> int:
    from ..core.report.service import (
        ReportError,
        default_name,
        load_source,
        make_report,
        peers_from_store,
        photos_from_store,
        previous_from_store,
    )

    lang = _report_lang(args)
    try:
        assessment = load_source(args.source, args.db)
        previous = None
        if args.previous:
            previous = load_source(args.previous, args.db)
        elif not args.no_progress_section:
            previous = previous_from_store(assessment, args.db)
        out_arg = Path(args.output) if args.output else Path.cwd()
        folder_mode = args.output is None or out_arg.is_dir()
        target = out_arg / f".{assessment.id}.pdf" if folder_mode else out_arg
        made = make_report(assessment, target, lang, where=args.source,
                           previous=previous, include_appendix=not args.no_appendix,
                           board=args.board,
                           assessor=args.assessor, organisation=args.organisation,
                           photos=photos_from_store(assessment, args.db),
                           peers=peers_from_store(assessment, args.db, args.min_peers))
        if folder_mode:  # name it after the company and the report id
            named = made.path.with_name(default_name(made.company, made.report_id,
                                                     "-board" if args.board else ""))
            os.replace(made.path, named)
            made = dataclasses.replace(made, path=named)
    except ReportError as error:
        for line in str(error).splitlines():
            _err(line)
        return 1
    print(f"{made.path}: {made.pages} " + ("页" if lang == "zh" else "pages")
          + f", {made.report_id}, " + ("核验码 " if lang == "zh" else "code ") + made.code)
    return 0


# ---------------------------------------------------------------------------- batch

class ProgressBar:
    """A one-line progress bar on a terminal; a line every 10% elsewhere (logs)."""

    def __init__(self, total: int, stream: TextIO | None = None):
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.started = time.perf_counter()
        self.failed = 0
        self._last_tenth = -1

    def update(self, done: int, label: str, ok: bool) -> None:
        if not ok:
            self.failed += 1
        fraction = done / self.total if self.total else 1.0
        elapsed = time.perf_counter() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        status = f"{done}/{self.total}  {rate:.1f}/s"
        if self.failed:
            status += f"  {self.failed} failed"
        if self.tty:
            filled = int(fraction * 30)
            name = label if len(label) <= 30 else "…" + label[-29:]
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {status}  {name}\x1b[K")
            self.stream.flush()
        elif int(fraction * 10) != self._last_tenth:
            self._last_tenth = int(fraction * 10)
            self.stream.write(f"{fraction * 100:3.0f}%  {status}\n")
            self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def cmd_batch(args: argparse.Namespace) -> int:
    from ..core.report import batch

    folder = Path(args.folder)
    if not folder.exists():
        _err(f"{folder}: does not exist")
        return 1
    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        _err(f"{out_dir}: is a file; give a folder for the reports")
        return 1
    jobs = batch.plan(folder, out_dir)
    if not jobs:
        _err(f"{folder}: no assessment files (*.json) found")
        return 1
    if args.jobs is not None and args.jobs < 1:
        _err(f"--jobs {args.jobs}: give 1 or more")
        return 1
    lang = _report_lang(args)
    workers = min(args.jobs or batch.default_jobs(), len(jobs))
    bar = ProgressBar(len(jobs)) if not args.quiet else None
    if bar is not None:
        print(f"{len(jobs)} assessment(s), {workers} process(es), language {lang}",
              file=sys.stderr)

    def progress(outcome: batch.Outcome, done: int, _total: int) -> None:
        if bar is not None:
            bar.update(done, outcome.source.name, outcome.ok)

    started = time.perf_counter()
    outcomes = batch.run(jobs, lang, workers, not args.no_appendix, progress)
    if bar is not None:
        bar.close()
    elapsed = time.perf_counter() - started
    failures = [o for o in outcomes if not o.ok]
    made = len(outcomes) - len(failures)
    pages = sum(o.pages or 0 for o in outcomes)
    print(f"{made} report(s), {pages} pages in {elapsed:.1f} s written to {out_dir}"
          + (f"; {len(failures)} failed:" if failures else ""))
    for o in failures:
        print(f"  FAILED {o.source}: {_short(o.error or '', o.source)}")
    return 1 if failures else 0


def _short(error: str, source: Path) -> str:
    """The error without repeating the file name it starts with."""
    return error.replace(f"{source}: ", "")


# ---------------------------------------------------------------------------- verify

def cmd_verify(args: argparse.Namespace) -> int:
    from ..core.advice.data import default_advice_data
    from ..core.questionnaire.catalog import CatalogError, default_catalog
    from ..core.report.fingerprint import short_code
    from ..core.report.service import ReportError, find_in_store, load_source
    from ..core.report.verify import NotAReport, explain, report_fields, verify, verify_code

    lang = _lang(args)
    zh = lang == "zh"
    if args.code:
        if not args.assessment:
            _err("--code needs --assessment FILE_OR_ID: the assessment the paper report "
                 "claims to come from")
            return 2
        try:
            assessment = load_source(args.assessment, args.db)
            ok = verify_code(args.code, assessment, default_catalog(), default_advice_data())
        except (ReportError, CatalogError) as error:
            _err(str(error))
            return 1
        if ok:
            print(("一致：核验码与评估 " if zh else "MATCH: the code belongs to assessment ")
                  + assessment.id)
            return 0
        print(("不一致：核验码不属于评估 " if zh else "MISMATCH: the code does not belong to "
                                                       "assessment ") + assessment.id
              + (" 的当前内容" if zh else " as it is now"))
        return 1
    if not args.report:
        _err("give a report PDF, or --code CODE with --assessment")
        return 2
    try:
        fields = report_fields(args.report)
        if args.assessment:
            assessment = load_source(args.assessment, args.db)
        else:
            try:
                assessment = find_in_store(fields["assessment"], args.db)
            except ReportError:
                _err(f"{args.report}: its assessment {fields['assessment']} is not in the "
                     "local store; give the assessment file with --assessment FILE")
                return 1
        result = verify(args.report, assessment, default_catalog(), default_advice_data())
    except (NotAReport, ReportError, CatalogError) as error:
        _err(str(error))
        return 1
    code = short_code(result.fingerprint)
    if result.matches:
        print(("一致：" if zh else "MATCH: ") + f"{args.report} "
              + (f"与评估 {assessment.id} 相符（核验码 {code}）" if zh else
                 f"matches assessment {assessment.id} (code {code})"))
        return 0
    print(("不一致：" if zh else "MISMATCH: ") + f"{args.report} "
          + (f"与评估 {assessment.id} 不符，差异在：" if zh else
             f"does not match assessment {assessment.id}; differs in:"))
    for line in explain(result, lang):
        print(f"  - {line}")
    if result.differing == ["assessment"]:
        print(("  该报告来自评估 " if zh else "  the report was made from assessment ")
              + result.assessment_id)
    return 1


# ---------------------------------------------------------------------------- wiring

def _common(p: Any) -> None:
    p.add_argument("--lang", choices=["zh", "en"],
                   help="language of the report (default: $ZHIGAI_LANG, else Chinese)")
    p.add_argument("--board", action="store_true",
                   help="print the one- or two-page summary for the board and officials "
                        "(levels, change since the last assessment, top gaps, evidence, the "
                        "project and its financing) instead of the full report")
    p.add_argument("--no-appendix", action="store_true",
                   help="leave out the appendix with every answer")


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="print an assessment's PDF report")
    p.add_argument("source", metavar="SOURCE",
                   help="an assessment file (.json) or the id of an assessment in the store")
    p.add_argument("-o", "--output", metavar="OUT.pdf",
                   help="the PDF to write, or a folder (default: a name from the company and "
                        "report id in the current folder)")
    _common(p)
    p.add_argument("--min-peers", type=int, metavar="N",
                   help="peer comparison only with at least N comparable firms in the store "
                        "(default 5)")
    p.add_argument("--assessor", metavar="NAME", help="the expert who verified the answers")
    p.add_argument("--organisation", metavar="NAME", help="the assessor's organisation")
    p.add_argument("--previous", metavar="SOURCE",
                   help="an earlier assessment of the firm, for the progress section "
                        "(default: the one recorded, when it is in the store)")
    p.add_argument("--no-progress-section", action="store_true",
                   help="do not look up the earlier assessment in the store")
    p.add_argument("--db", metavar="URL", help="the store (default: the local one, or "
                                               "$ZHIGAI_DB_URL)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("batch", help="print the reports of every assessment file in a folder, "
                                     "on every core")
    p.add_argument("folder", metavar="DIR", help="folder of assessment files (searched "
                                                 "recursively for *.json)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR",
                   help="folder for the PDFs (created; sub-folders mirror DIR)")
    p.add_argument("-j", "--jobs", type=int, metavar="N",
                   help="processes to use (default: every core)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _common(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("verify", help="check a report against the assessment it claims to "
                                      "come from")
    p.add_argument("report", nargs="?", metavar="REPORT.pdf")
    p.add_argument("--assessment", metavar="FILE_OR_ID",
                   help="the assessment file or stored id (default: look the report's "
                        "assessment up in the local store)")
    p.add_argument("--code", metavar="XXXX-XXXX-XXXX",
                   help="verify the code printed on a paper report instead of a PDF")
    p.add_argument("--db", metavar="URL", help="the store (default: the local one)")
    p.add_argument("--lang", choices=["zh", "en"], help="language of the answer")
    p.set_defaults(func=cmd_verify)
