"""``zhigai export``, ``zhigai import`` and ``zhigai audit``: exchange bundles between machines
and read the audit trail."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from ..core.base.identity import local_editor
from ..core.base.settings import settings
from .commands import _err, _lang, pad, width


def _open_store(url: str | None) -> Any:
    from ..core.store.store import Store

    return Store.open(url)


def _short(value: Any, limit: int = 38) -> str:
    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    while width(text) > limit:
        text = text[:-2]
        if width(text) <= limit - 1:
            text += "…"
            break
    return text


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._")[:60] or "assessment"


# ---------------------------------------------------------------------------- export

def cmd_export(args: argparse.Namespace) -> int:
    from ..core.exchange.bundle import SUFFIX, BundleError, export_bundle
    from ..core.store.errors import StoreError

    try:
        store = _open_store(args.db)
    except StoreError as error:
        _err(str(error))
        return 1
    failed = 0
    try:
        for key in args.ids:
            try:
                aid = store.resolve(key)
                row = store.row(aid)
                out = Path(args.output) if args.output else Path.cwd()
                if out.is_dir() or len(args.ids) > 1:
                    date = str(row.summary.get("date") or row.created_at[:10])
                    out = out / f"{_safe_name(row.company_name)}-{date}-{aid[:8]}{SUFFIX}"
                path = export_bundle(store, aid, out)
            except (StoreError, BundleError) as error:
                _err(f"{key}: {error}")
                failed += 1
                continue
            kind = "expert" if row.kind == "expert" else "self"
            print(f"{path}: {row.company_name or aid} ({kind}, revision {row.revision})")
    finally:
        store.close()
    return 1 if failed else 0


# ---------------------------------------------------------------------------- import

def _choices(raw: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in raw or []:
        name, sep, side = item.partition("=")
        if not sep or side not in ("local", "incoming"):
            raise ValueError(f"--choose {item!r}: write FIELD=local or FIELD=incoming")
        out[name.strip()] = side
    return out


def print_differences(plan: Any, lang: str) -> None:
    head = (("字段", "本机", "导入", "改动方") if lang == "zh"
            else ("field", "this store", "bundle", "changed in"))
    rows = []
    for d in plan.differences:
        side = ("outside Zhigai" if d.outside else
                "both" if d.changed_local and d.changed_incoming else
                "this store" if d.changed_local else "bundle" if d.changed_incoming else
                "unknown")
        if lang == "zh":
            side = {"both": "两边", "this store": "本机", "bundle": "导入", "unknown": "不明",
                    "outside Zhigai": "智改之外改动"}[side]
        if d.guarded:
            side += "（须确认）" if lang == "zh" else " (to confirm)"
        mark = " !" if d.conflict else ""
        rows.append((d.field + mark, _short(d.local), _short(d.incoming), side))
    widths = [max(width(r[i]) for r in [head, *rows]) for i in range(4)]
    for r in [head, *rows]:
        print("  ".join(pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())


def cmd_import(args: argparse.Namespace) -> int:
    from ..core.exchange.bundle import BundleError, read_import_file
    from ..core.exchange.merge import MergeNeeded, apply_import, plan_import
    from ..core.questionnaire.catalog import default_catalog
    from ..core.store.errors import StoreError

    lang = _lang(args)
    try:
        choices = _choices(args.choose)
    except ValueError as error:
        _err(str(error))
        return 2
    try:
        store = _open_store(args.db)
    except StoreError as error:
        _err(str(error))
        return 1
    catalog = default_catalog()
    failed = 0
    try:
        for path in args.files:
            try:
                plan = plan_import(store, read_import_file(path, catalog))
                decided = dict(choices)
                if args.prefer:
                    for d in plan.conflicts:
                        decided.setdefault(d.field, args.prefer)
                if plan.differences and (args.dry_run or any(
                        d.field not in decided for d in plan.conflicts)):
                    print_differences(plan, lang)
                if args.dry_run:
                    print(f"{path}: {plan.status} ({len(plan.differences)} differences, "
                          f"{len(plan.conflicts)} conflicts); dry run, nothing changed")
                    continue
                editor = local_editor(args.who or settings().user_name)
                result = apply_import(store, catalog, plan, decided,  # type: ignore[arg-type]
                                      editor.name, editor.machine)
            except MergeNeeded as error:
                _err(error.text(lang) + (" — 用 --choose 字段=local|incoming 或 --prefer 决定"
                                         if lang == "zh" else
                                         "; decide with --choose FIELD=local|incoming or "
                                         "--prefer local|incoming"))
                failed += 1
                continue
            except (BundleError, StoreError) as error:
                text = error.text(lang) if isinstance(error, BundleError) else str(error)
                _err(" ".join(text.split()))
                failed += 1
                continue
            counts = ""
            if plan.differences:
                counts = (f"（{result.taken_incoming} 处采用导入，{result.kept_local} 处保留本机）"
                          if lang == "zh" else f" ({result.taken_incoming} taken from the "
                                               f"bundle, {result.kept_local} kept)")
            print(f"{path}: {result.assessment_id[:8]} {result.text(lang)}{counts}")
    finally:
        store.close()
    return 1 if failed else 0


# ---------------------------------------------------------------------------- audit

def cmd_audit(args: argparse.Namespace) -> int:
    from ..core.store.errors import StoreError

    try:
        store = _open_store(args.db)
        try:
            aid = store.resolve(args.id)
            entries = store.audit_trail(aid)
        finally:
            store.close()
    except StoreError as error:
        _err(str(error))
        return 1
    if args.question:
        q = args.question
        entries = [e for e in entries if e.field.partition(".")[2] == q]
    if args.json:
        print(json.dumps([e.model_dump() for e in entries], ensure_ascii=False, indent=2))
        return 0
    for e in entries:
        who = (e.who or "—") + (f"@{e.machine}" if e.machine else "")
        print(f"{e.at[:19].replace('T', ' ')}  {pad(who, 20)}  {pad(e.field, 24)}  "
              f"{_short(e.old, 30)} → {_short(e.new, 30)}")
    if not entries:
        print("(无记录)" if _lang(args) == "zh" else "(no changes recorded)")
    return 0


# ---------------------------------------------------------------------------- wiring

def register(sub: Any) -> None:
    p = sub.add_parser("export", help="write stored assessments to .zhigai bundles (with "
                                      "their photos) to carry to another machine")
    p.add_argument("ids", nargs="+", metavar="ID", help="assessment id or its first 6+ "
                                                       "characters")
    p.add_argument("-o", "--output", metavar="FILE|DIR", help="default: the current folder, "
                                                             "named after the company")
    p.add_argument("--db", metavar="URL", help="store (default: the application's)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="import .zhigai bundles (or assessment .json files) into "
                                      "the store (checked first; a refused file changes "
                                      "nothing)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--db", metavar="URL", help="store (default: the application's)")
    p.add_argument("--prefer", choices=["local", "incoming"],
                   help="for an assessment edited on both machines: the side that wins every "
                        "conflict not decided by --choose")
    p.add_argument("--choose", action="append", metavar="FIELD=SIDE",
                   help="decide one conflicting field, e.g. answer.eq_cnc=incoming "
                        "(repeatable)")
    p.add_argument("--dry-run", action="store_true", help="only say what would happen")
    p.add_argument("--who", metavar="NAME", help="recorded in the audit trail of a merge")
    p.add_argument("--lang", choices=["zh", "en"])
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("audit", help="the audit trail of a stored assessment: who changed "
                                     "what, when, old and new value")
    p.add_argument("id", metavar="ID")
    p.add_argument("--question", metavar="QUESTION_ID", help="only this question")
    p.add_argument("--json", action="store_true")
    p.add_argument("--db", metavar="URL")
    p.add_argument("--lang", choices=["zh", "en"])
    p.set_defaults(func=cmd_audit)
