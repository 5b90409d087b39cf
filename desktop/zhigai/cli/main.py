"""``zhigai``: the command line over the same core as the GUI.

Exit codes: 0 success, 1 a problem with the input (messages say what and where), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from .. import __version__


def _configure_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # pragma: no cover - exotic streams
                pass


class Parser(argparse.ArgumentParser):
    """Usage errors never repeat a database password (``--db URL`` mistyped); the
    sub-commands' parsers are of this class too."""

    def error(self, message: str) -> NoReturn:
        from ..core.store.url import mask_secrets

        super().error(mask_secrets(message))


def build_parser() -> argparse.ArgumentParser:
    from . import (
        commands,
        db_commands,
        exchange_commands,
        lens_commands,
        portfolio_commands,
        report_commands,
    )

    parser = Parser(
        prog="zhigai",
        description="智改 Zhigai: intelligent-transformation readiness assessment for "
                    "manufacturing SMEs.")
    parser.add_argument("--version", action="version", version=f"zhigai {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.register(sub)
    report_commands.register(sub)
    exchange_commands.register(sub)
    portfolio_commands.register(sub)
    lens_commands.register(sub)
    db_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # batch workers in the frozen (PyInstaller) app
    _configure_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # pragma: no cover - `zhigai score … | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

