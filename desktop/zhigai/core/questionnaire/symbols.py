"""The names conditions in data files (advice data, lenses) may use: every question of a
questionnaire and its modules, in any order, and its profile fields; and the check of one
such condition with ``file:line: field:`` problems."""

from __future__ import annotations

from typing import Any

from ..base.datafile import Checker, suggest
from .conditions import checking, syntax
from .instrument import Instrument

QUESTION_TYPES = {"single": "choice", "multi": "multi", "number": "number",
                  "percent": "number", "yesno": "bool", "text": "text"}
PROFILE_TYPES = {"text": "text", "uscc": "text", "integer": "number", "decimal": "number",
                 "percent": "number", "date": "date", "choice": "choice", "multi": "multi",
                 "yesno": "bool"}


class InstrumentSymbols:
    """Questions (any order) and, when ``profile`` is in ``scopes``, profile fields."""

    def __init__(self, instrument: Instrument, scopes: set[str]):
        self.instrument = instrument
        self.scopes = scopes

    def question(self, name: str) -> checking.Symbol | None:
        q = self.instrument.by_id.get(name)
        if q is None:
            return None
        options = frozenset(o.id for o in q.options) if q.options else None
        return checking.Symbol(QUESTION_TYPES[q.type], options)  # type: ignore[arg-type]

    def scoped(self, scope: str, name: str) -> checking.Symbol | None:
        if scope != "profile" or scope not in self.scopes:
            return None
        f = self.instrument.profile_fields.get(name)
        if f is None:
            return None
        options = frozenset(o.id for o in f.options) if f.options else None
        return checking.Symbol(PROFILE_TYPES[f.type], options)  # type: ignore[arg-type]

    def question_problem(self, name: str) -> str | None:
        return None

    def pools(self) -> dict[str, list[str]]:
        return {"question": list(self.instrument.by_id),
                "profile": list(self.instrument.profile_fields)}

    def suggest(self, scope: str, name: str) -> str | None:
        return suggest(name, self.pools().get(scope, []))


def check_condition(c: Checker, loc: tuple[Any, ...], source: str,
                    symbols: checking.SymbolTable) -> None:
    """Parse and check one condition; every problem goes to ``c`` at ``loc``."""
    try:
        tree = syntax.parse(source)
    except syntax.ExprError as error:
        c.error(loc, f"{error.message}" + (f" (at column {error.column})" if error.column
                                           else "") + f" in: {source}")
        return
    for problem in checking.check(tree, symbols):
        c.error(loc, problem.message + (f" (at column {problem.column})" if problem.column
                                        else "") + f" in: {source}")
