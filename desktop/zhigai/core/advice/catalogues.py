"""Which policy catalogues apply to a firm (national, its province, its city and county) and
whether a catalogue or entry is current on the assessment's date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..assessment.model import Assessment
from ..questionnaire.instrument import Instrument
from .models import Period, PolicyCatalogue

_SUFFIX = re.compile(r"(省|市|自治区|特别行政区|地区|自治州|县|区|province|city|county)$",
                     re.IGNORECASE)


def place(name: Any) -> str:
    """A place name as typed, without its administrative suffix: 浙江省 and 浙江 match."""
    text = re.sub(r"\s+", "", str(name or "")).lower()
    return _SUFFIX.sub("", text) or text


def on_date(instrument: Instrument, assessment: Assessment,
            today: dt.date | None = None) -> dt.date:
    """The day policies are judged on: the assessment date, else the day it was created, else
    today."""
    field = instrument.field_for_role("assessment_date")
    for raw in (assessment.profile.get(field.id) if field else None, assessment.created_at):
        try:
            return dt.date.fromisoformat(str(raw)[:10])
        except (TypeError, ValueError):
            continue
    return today or dt.date.today()


def covers(period: Period, day: dt.date) -> bool:
    start = dt.date.fromisoformat(period.start)
    end = dt.date.fromisoformat(period.end) if period.end else None
    return start <= day and (end is None or day <= end)


@dataclass(frozen=True)
class Selection:
    catalogues: tuple[PolicyCatalogue, ...]
    by_region: bool                 # chosen from the firm's region (not by the user)
    unknown: tuple[str, ...]        # ids the user chose that are not installed


def applies(cat: PolicyCatalogue, province: str, city: str, county: str) -> bool:
    """A catalogue for the firm's place: national always; a province, city or county
    catalogue when every name it gives matches the profile."""
    s = cat.scope
    if s.level == "national":
        return True
    if s.level != "province" and not province:
        province = place(s.province)  # a city or county is named well enough by itself
    wanted = [(s.province, province), (s.city, city), (s.county, county)]
    return all(not given or (bool(have) and place(given) == have) for given, have in wanted)


def select(catalogues: dict[str, PolicyCatalogue], instrument: Instrument,
           assessment: Assessment, chosen: list[str] | None) -> Selection:
    """The user's choice when there is one; otherwise every catalogue of the firm's region
    that is not historical (national, province, city, county), national first."""
    unknown: tuple[str, ...] = ()
    if chosen is not None:
        found = tuple(catalogues[c] for c in chosen if c in catalogues)
        unknown = tuple(c for c in chosen if c not in catalogues)
        if found or not chosen:
            return Selection(found, False, unknown)
        # nothing the user chose is installed any more: the firm's region speaks instead

    def value(role: str) -> str:
        f = instrument.field_for_role(role)
        return place(assessment.profile.get(f.id)) if f else ""

    province, city, county = value("province"), value("city"), value("county")
    order = {"national": 0, "province": 1, "city": 2, "county": 3}
    found = tuple(sorted((c for c in catalogues.values() if not c.historical
                          and applies(c, province, city, county)),
                         key=lambda c: (order[c.scope.level], c.id)))
    return Selection(found, True, unknown)
