"""Format of an official-level lens (``templates/lenses/*.yaml``): the scored items, the
scenarios and the level rule of an official framework such as the MIIT 2024 SME digital-level
indicators, mapped onto questionnaire answers by conditions. Documented in docs/lenses.md."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..base.datatypes import Date, Version
from ..base.i18n import Text
from ..questionnaire.models import DocId, Id

Points = Annotated[float, Field(ge=0, le=100)]
ScenarioLevel = Annotated[int, Field(ge=1, le=4)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LensSource(_Strict):
    document: Text = Field(description="the official document, with its number and date")
    date: Date = Field(description="the document's date")
    url: str | None = None
    basis: Text = Field(description="where the figures were read, and what is unconfirmed")
    researched: Date = Field(description="when the facts were last checked")


class Validity(_Strict):
    start: Date = Field(alias="from")
    end: Date | None = Field(None, alias="to")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Material(_Strict):
    """One piece of evidence an on-site rater asks for (支撑材料)."""

    id: Id
    label: Text


class Part(_Strict):
    id: Id
    name: Text
    points: Points
    actionable: bool = Field(True, description="false for results the firm cannot simply do "
                                               "(outcomes): never proposed as a next step")


class Band(_Strict):
    """Values above ``above`` (exclusive, in percent) score ``points``."""

    above: float = Field(ge=0, le=100)
    points: Points


class ItemOption(_Strict):
    id: Id
    label: Text
    points: Points
    when: str = Field(description="condition over answers: the firm has this option")
    propose: bool = Field(True, description="false: counted, but never proposed as a step "
                                            "(e.g. leasing a 5G network for its points)")
    unconfirmed: str | None = None


class Item(_Strict):
    """A scored indicator. ``sum``: the points of every option whose condition holds;
    ``best``: the points of the highest option whose condition holds; ``rate``: bands over a
    percentage, from ``value`` or from ``numerator`` / ``denominator`` counts (``fallback``, a
    percent question, when the counts are not given)."""

    id: Id
    part: Id
    group: Text
    name: Text
    points: Points
    kind: Literal["sum", "best", "rate"]
    options: list[ItemOption] = Field(default_factory=list)
    value: Id | None = None
    numerator: Id | None = None
    denominator: Id | None = None
    fallback: Id | None = None
    bands: list[Band] = Field(default_factory=list)
    evidence: list[Material] = Field(default_factory=list)
    unconfirmed: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> Item:
        if self.kind in ("sum", "best") and not self.options:
            raise ValueError(f"a '{self.kind}' item needs options")
        if self.kind == "rate":
            if not self.bands:
                raise ValueError("a 'rate' item needs bands")
            if self.value is None and (self.numerator is None or self.denominator is None):
                raise ValueError("a 'rate' item needs value, or numerator and denominator")
            edges = [b.above for b in self.bands]
            if edges != sorted(set(edges)):
                raise ValueError("bands must rise: each 'above' higher than the one before")
        return self


class LevelText(_Strict):
    text: Text
    when: str = Field(description="condition over answers: the scenario reaches this level")


class Scenario(_Strict):
    id: Id
    group: Text
    name: Text
    constraint: bool = Field(description="a constraint scenario (约束性场景)")
    zero_if: str | None = Field(None, description="condition: the scenario is at level 0")
    levels: dict[ScenarioLevel, LevelText]
    evidence: list[Material] = Field(default_factory=list)
    unconfirmed: str | None = None

    @model_validator(mode="after")
    def _all_levels(self) -> Scenario:
        if sorted(self.levels) != [1, 2, 3, 4]:
            raise ValueError("a scenario describes levels 1, 2, 3 and 4")
        return self


class ScenarioRule(_Strict):
    level: ScenarioLevel = Field(description="the scenario level counted (this or higher)")
    count: int = Field(ge=0, le=100, description="scenarios needed at that level")
    constraint: int = Field(ge=0, le=100, description="of which constraint scenarios")


class LevelRule(_Strict):
    level: ScenarioLevel
    name: Text
    meaning: Text
    min_score: Points
    scenarios: ScenarioRule
    unconfirmed: str | None = None


class Lens(_Strict):
    kind: Literal["official-lens"]
    id: DocId
    version: Version
    questionnaire: DocId = Field(description="the questionnaire whose answers it reads")
    name: Text
    short: Text
    label: Text = Field(description="the caveat shown with every result")
    source: LensSource
    valid: Validity
    parts: list[Part]
    levels: list[LevelRule]
    items: list[Item]
    scenarios: list[Scenario]

    @model_validator(mode="after")
    def _consistent(self) -> Lens:
        parts = {p.id: p for p in self.parts}
        if len(parts) < len(self.parts):
            raise ValueError("part ids must be unique: "
                             + ", ".join(p.id for p in self.parts))
        for item in self.items:
            if item.part not in parts:
                raise ValueError(f"item '{item.id}' names part '{item.part}', which is not "
                                 f"one of {', '.join(parts)}")
        for part in self.parts:
            total = sum(i.points for i in self.items if i.part == part.id)
            if abs(total - part.points) > 1e-6:
                raise ValueError(f"the items of part '{part.id}' add up to {total:g} points, "
                                 f"not {part.points:g}")
        levels = [rule.level for rule in self.levels]
        if levels != sorted(set(levels)):
            raise ValueError("levels must be listed once each, lowest first")
        return self
