"""``zhigai portfolio``: every stored assessment, filtered, summarized, exported to Excel or
CSV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .commands import _err, _lang, pad, width


def cmd_portfolio(args: argparse.Namespace) -> int:
    from ..core import portfolio
    from ..core.catalog import default_catalog
    from ..core.store import Store, StoreError

    lang = _lang(args)
    try:
        store = Store.open(args.db)
        try:
            df, labels = portfolio.load(store, default_catalog())
        finally:
            store.close()
    except StoreError as error:
        _err(str(error))
        return 1
    chosen = portfolio.Filter(industries=args.industry or [], cities=args.city or [],
                              stages=args.stage or [], kinds=args.kind or [],
                              date_from=args.date_from, date_to=args.date_to)
    df = chosen.apply(df)
    sheets = portfolio.tables(df, labels, lang)
    if args.output:
        out = Path(args.output)
        try:
            if out.suffix.lower() == ".csv":
                name = portfolio.SHEETS[args.table][lang]
                portfolio.export_csv(sheets[name], out)
            elif out.suffix.lower() == ".xlsx":
                portfolio.export_excel(sheets, out)
            else:
                _err(f"{out}: give a file ending in .xlsx or .csv")
                return 2
        except portfolio.PortfolioError as error:
            _err(str(error))
            return 1
        print(f"{out}: {len(df)} " + ("项评估" if lang == "zh" else "assessments"))
        return 0
    print(("评估数" if lang == "zh" else "Assessments") + f": {len(df)}")
    distribution = sheets[portfolio.SHEETS["stages"][lang]]
    _print_table(distribution)
    return 0


def _print_table(table: Any) -> None:
    rows = [[str(c) for c in table.columns]] + [[_cell(v) for v in r]
                                                for r in table.itertuples(index=False)]
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2%}" if 0 <= value <= 1 else f"{value:.2f}"
    return str(value)


def register(sub: Any) -> None:
    p = sub.add_parser("portfolio", help="all stored assessments: filter, summarize, export "
                                         "to Excel (.xlsx, one sheet per table) or CSV")
    p.add_argument("--db", metavar="URL", help="store (default: the application's)")
    p.add_argument("--industry", action="append", metavar="ID", help="industry id "
                                                                     "(repeatable)")
    p.add_argument("--city", action="append", metavar="CITY", help="repeatable")
    p.add_argument("--stage", action="append", type=int, choices=range(5), metavar="N",
                   help="stage by index 0-4 (repeatable)")
    p.add_argument("--kind", action="append", choices=["self", "expert"])
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("-o", "--output", metavar="FILE.xlsx|FILE.csv")
    p.add_argument("--table", default="assessments",
                   choices=["assessments", "stages", "stages_by_industry", "dimensions"],
                   help="the table written to a CSV file (default: assessments)")
    p.add_argument("--lang", choices=["zh", "en"], help="language of headers and labels")
    p.set_defaults(func=cmd_portfolio)
