"""Export of the portfolio's tables to Excel (one sheet per table) and CSV, written atomically;
formula-like text stays text."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.private import set_mode
from .frame import PortfolioError
from .tables import NUMBER_FORMATS

if TYPE_CHECKING:
    import pandas as pd


# ---------------------------------------------------------------------------- export

# characters an .xlsx cannot hold (openpyxl refuses them)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# a cell starting with one of these is run as a formula by spreadsheet programs
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Write through a temporary file in the target's folder, then rename it into place: a
    failure leaves no half-written file (and an existing file untouched)."""
    target = Path(path)
    if target.is_dir():
        raise PortfolioError(f"{target} is a folder; give a file name")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                   dir=target.parent)
    except OSError as exc:
        raise PortfolioError(f"{target}: cannot write in {target.parent}: "
                             f"{exc.strerror or exc}") from None
    os.close(fd)
    try:
        write(Path(tmp))
        set_mode(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        hint = " (is it open in another program?)" \
            if isinstance(exc, PermissionError) and target.exists() else ""
        raise PortfolioError(f"{target}: cannot be written: {exc.strerror or exc}{hint}"
                             ) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def _sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\, not blank."""
    clean = "".join("_" if c in '[]:*?/\\' else c for c in name).strip("'")[:31].strip()
    clean = clean or "Sheet"
    candidate, n = clean, 2
    while candidate.casefold() in {u.casefold() for u in used}:
        suffix = f" ({n})"
        candidate, n = clean[:31 - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def _text_columns(table: pd.DataFrame) -> list[Any]:
    import pandas as pd

    return [c for c in table.columns
            if pd.api.types.is_object_dtype(table[c]) or pd.api.types.is_string_dtype(table[c])]


def _starts_formula(series: pd.Series) -> Any:
    text = series.where(series.map(lambda v: isinstance(v, str)), "").astype(str)
    return text.str.startswith(_FORMULA_START).to_numpy()


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def export_excel(sheets: dict[str, pd.DataFrame], path: str | Path) -> Path:
    """One sheet per table (sheet names made valid and unique), a bold and frozen header
    row, columns sized to their contents, numbers as numbers (with the table's
    ``attrs["number_formats"]``) and text as text, also text that looks like a formula.
    Written atomically; raises :class:`PortfolioError` naming the file when it cannot be."""
    import pandas as pd
    from openpyxl.styles import Font

    def write(tmp: Path) -> None:
        used: set[str] = set()
        bold = Font(bold=True)
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name, table in sheets.items():
                sheet_name = _sheet_name(str(name), used)
                texts = _text_columns(table)
                clean = table.copy()
                for column in texts:
                    values = clean[column]
                    strings = values.map(lambda v: isinstance(v, str))
                    clean[column] = values.where(~strings, values.astype(str).str.replace(
                        _ILLEGAL, "", regex=True))
                clean.to_excel(writer, sheet_name=sheet_name, index=False)
                sheet = writer.sheets[sheet_name]
                sheet.freeze_panes = "A2"
                for cell in sheet[1]:
                    cell.font = bold
                formats = table.attrs.get(NUMBER_FORMATS, {})
                for i, column in enumerate(clean.columns, start=1):
                    letter = sheet.cell(row=1, column=i).column_letter
                    if column in texts:  # a value like "=1+2" stays text
                        for r in _starts_formula(clean[column]).nonzero()[0]:
                            sheet.cell(row=int(r) + 2, column=i).data_type = "s"
                    fmt = formats.get(column)
                    if fmt:
                        for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                            cell.number_format = fmt
                    sample = [str(column), *map(str, clean[column].head(200))]
                    widest = max(_width(text) for text in sample)
                    sheet.column_dimensions[letter].width = min(max(widest + 2, 8), 60)

    return _atomic(path, write)


def export_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """UTF-8 with a byte-order mark, so Excel on a Chinese Windows reads it right. Text that
    a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
    Written atomically; raises :class:`PortfolioError` naming the file when it cannot be."""
    safe = table.copy()
    for column in _text_columns(safe):
        starts = _starts_formula(safe[column])
        if starts.any():
            values = safe[column].astype(object)
            values[starts] = "'" + values[starts].astype(str)
            safe[column] = values
    return _atomic(path, lambda tmp: safe.to_csv(tmp, index=False, encoding="utf-8-sig"))
