"""The report's texts and comparable cases, read from templates/report (validated)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..base.datafile import read_data_file
from ..base.datatypes import Date, Version
from ..base.i18n import Text
from ..base.resources import template_path
from ..questionnaire.models import Source


class ReportTexts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["report-texts"]
    version: Version
    texts: dict[str, Text]


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: str | None = Field(None, description="the financing model it illustrates")
    name: Text
    firm: Text
    text: Text
    industries: list[str] = Field(default_factory=list, description="trades it is about")
    measures: list[str] = Field(default_factory=list,
                                description="the kinds of project (measure ids) it shows")
    source: Text | None = Field(None, description="where it is published, when not the "
                                                  "file's source")
    url: str | None = None
    date: Date | None = None


class ReportCases(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["report-cases"]
    version: Version
    source: Source
    cases: list[Case]


@lru_cache(maxsize=1)
def report_texts() -> ReportTexts:
    _doc, texts = read_data_file(template_path("report", "texts-1.0.yaml"), ReportTexts,
                                 "report-texts")
    return texts  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def report_cases() -> ReportCases:
    _doc, cases = read_data_file(template_path("report", "cases-1.1.yaml"), ReportCases,
                                 "report-cases")
    return cases  # type: ignore[no-any-return]


class Words:
    """``words("key", n=3)``: the report text in one language with its placeholders filled."""

    def __init__(self, lang: str):
        self.lang = lang
        self.texts = report_texts().texts

    def __call__(self, key: str, **values: object) -> str:
        text = self.texts[key].get(self.lang)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text
