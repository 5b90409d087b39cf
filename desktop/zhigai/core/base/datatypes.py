"""Field types shared by the data files (questionnaires, lenses, policies, measures, financing,
report texts): a date that is a real calendar day and a version number."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated

from pydantic import AfterValidator, Field


def _real_day(value: str) -> str:
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a day of the calendar (month 01-12, a day the "
                         "month has); write it as YYYY-MM-DD, e.g. 2026-11-25") from None
    return value


Date = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD"),
                 AfterValidator(_real_day)]
Version = Annotated[str, Field(pattern=r"^\d+\.\d+(\.\d+)?$",
                               description="MAJOR.MINOR or MAJOR.MINOR.PATCH, e.g. 1.0.0")]
