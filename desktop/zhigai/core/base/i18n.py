"""Bilingual texts (zh first, en second) that never show nothing."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

Lang = Literal["zh", "en"]
LANGUAGES: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "zh"


def other(lang: str) -> Lang:
    return "en" if lang == "zh" else "zh"


def normalize_lang(lang: str | None) -> Lang:
    """Map locale names such as ``zh_CN``, ``zh-Hans`` or ``en_US`` to ``zh``/``en``."""
    if not lang:
        return DEFAULT_LANG
    return "en" if lang.lower().startswith("en") else "zh"


class Text(BaseModel):
    """A text in Chinese and English; either may be missing but not both.

    In YAML it is written ``{zh: ..., en: ...}``, or as a plain string used for both languages
    (for names such as "ERP").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str | None = None
    en: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"zh": data, "en": data}
        return data

    @model_validator(mode="after")
    def _not_empty(self) -> Text:
        if not (self.zh or "").strip() and not (self.en or "").strip():
            raise ValueError("text is empty in both languages; write at least the zh text")
        return self

    def get(self, lang: str = DEFAULT_LANG) -> str:
        """The text in ``lang``, falling back to the other language rather than nothing."""
        first = self.en if normalize_lang(lang) == "en" else self.zh
        if first and first.strip():
            return first
        second = self.zh if normalize_lang(lang) == "en" else self.en
        return second or ""

    def has(self, lang: str) -> bool:
        value = self.en if normalize_lang(lang) == "en" else self.zh
        return bool(value and value.strip())

    def __str__(self) -> str:
        return self.get(DEFAULT_LANG)


def text(zh: str, en: str | None = None) -> Text:
    return Text(zh=zh, en=en)
