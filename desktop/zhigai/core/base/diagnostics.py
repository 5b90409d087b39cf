"""Problems found in data files, reported as ``file:line: field: message``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file: where it is and what to do about it."""

    file: str
    line: int | None
    field: str
    message: str
    severity: Severity = "error"
    zh: str | None = None       # the message in Chinese, where one is known

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" and self.zh else self.message

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {self.field}: {prefix}{self.message}"

    def __str__(self) -> str:
        return self.format()


class DataFileError(ValueError):
    """A data file could not be used; ``problems`` says every reason found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def field_path(loc: Iterable[object]) -> str:
    """Render a location tuple such as ``("questions", 3, "options", 1)`` as
    ``questions[3].options[1]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(file)"


def pretty_path(data: Any, loc: Sequence[Any]) -> str:
    """Like :func:`field_path`, but list items that have an ``id`` are shown by it:
    ``questions[eq_cnc_rate].options[high]``."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            label = str(part)
            if isinstance(node, list) and 0 <= part < len(node):
                item = node[part]
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    label = item["id"]
                node = item
            else:
                node = None
            out += f"[{label}]"
        else:
            out += ("." if out else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out or "(file)"
