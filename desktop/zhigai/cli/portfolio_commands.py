"""``zhigai portfolio``: every stored assessment, filtered, summarized, exported to Excel or
CSV."""

from __future__ import annotations

import argparse
import datetime as _dt
from pathlib import Path
from typing import Any

from .commands import _err, _lang, pad, width

TABLES = ("assessments", "stages", "stages_by_industry", "dimensions")


def _date(text: str | None, option: str) -> str | None:
    """A YYYY-MM-DD date (ValueError naming the option otherwise)."""
    if text is None:
        return None
    try:
        return _dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ValueError(f"{option} {text!r}: write the date as YYYY-MM-DD") from None


def cmd_portfolio(args: argparse.Namespace) -> int:
    from ..core.portfolio.export import export_csv, export_excel
    from ..core.portfolio.frame import Filter, PortfolioError
    from ..core.portfolio.tables import SHEETS, load
    from ..core.portfolio.tables import tables as portfolio_tables
    from ..core.questionnaire.catalog import CatalogError, default_catalog
    from ..core.store.errors import StoreError
    from ..core.store.store import Store

    lang = _lang(args)
    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in (".xlsx", ".csv"):
        _err(f"{out}: give a file name ending in .xlsx or .csv")
        return 1
    try:
        date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    except ValueError as error:
        _err(str(error))
        return 1
    try:
        store = Store.open(args.db)
        try:
            df, labels = load(store, default_catalog())
        finally:
            store.close()
    except (StoreError, CatalogError) as error:
        _err(str(error))
        return 1
    industries = args.industry or []
    unknown = [i for i in industries
               if i not in labels.industries and not (df["industry"] == i).any()]
    if unknown:
        _err(f"unknown industry {unknown[0]!r}; industries: {', '.join(labels.industries)}")
        return 1
    chosen = Filter(industries=industries, cities=args.city or [],
                              stages=args.stage or [], kinds=args.kind or [],
                              date_from=date_from, date_to=date_to)
    df = chosen.apply(df)
    sheets = portfolio_tables(df, lang, labels)
    if out is not None:
        try:
            if out.suffix.lower() == ".csv":
                export_csv(sheets[SHEETS[args.table][lang]], out)
            else:
                export_excel(sheets, out)
        except PortfolioError as error:
            _err(str(error))
            return 1
        print(f"{out}: {len(df)} " + ("项评估" if lang == "zh" else "assessments"))
        return 0
    print(("评估数" if lang == "zh" else "Assessments") + f": {len(df)}")
    _print_table(sheets[SHEETS["stages"][lang]])
    return 0


def _print_table(table: Any) -> None:
    rows = [[str(c) for c in table.columns]] + [[_cell(v) for v in r]
                                                for r in table.itertuples(index=False)]
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1%}" if 0 <= value <= 1 else f"{value:.2f}"
    return str(value)


def register(sub: Any) -> None:
    p = sub.add_parser("portfolio", help="all stored assessments: filter, summarize, export "
                                         "to Excel (.xlsx, one sheet per table) or CSV")
    p.add_argument("--db", metavar="URL", help="store (default: the application's)")
    p.add_argument("--industry", action="append", metavar="ID",
                   help="industry id, e.g. textile (repeatable: any of them)")
    p.add_argument("--city", action="append", metavar="CITY", help="repeatable")
    p.add_argument("--stage", action="append", type=int, choices=range(5), metavar="N",
                   help="stage by index 0-4 (repeatable)")
    p.add_argument("--kind", action="append", choices=["self", "expert"],
                   help="self-assessments or expert-verified ones (repeatable)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                   help="assessed on or after this date")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                   help="assessed on or before this date")
    p.add_argument("-o", "--output", metavar="FILE.xlsx|FILE.csv",
                   help="write the tables to an Excel workbook, or one table to CSV "
                        "(UTF-8 with BOM); without it a summary is printed")
    p.add_argument("--table", default="assessments", choices=TABLES,
                   help="the table written to a CSV file (default: assessments)")
    p.add_argument("--lang", choices=["zh", "en"], help="language of headers and labels")
    p.set_defaults(func=cmd_portfolio)
