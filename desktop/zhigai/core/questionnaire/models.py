"""The questionnaire format: dimensions, company profile, questions and industry modules.

These pydantic models define the structure of ``questionnaires/*.yaml`` (and generate the JSON
Schema in ``docs/``). Checks that need the whole file (references, skip logic, thresholds) live
in ``questionnaire/checks.py``; ``questionnaire/loader.py`` reports them with file and line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..base.datatypes import Date, Version
from ..base.i18n import Text

LEVELS = (0, 1, 2, 3, 4)


Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$",
                          description="lowercase letters, digits and _, starting with a letter")]
DocId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{0,63}$",
                             description="lowercase letters, digits and -, starting with a letter")]
Level = Annotated[int, Field(ge=0, le=4, description="a level from 0 (manual) to 4 (intelligent)")]
Weight = Annotated[float, Field(ge=0, le=100)]


QuestionType = Literal["single", "multi", "number", "percent", "yesno", "text"]
ProfileType = Literal["text", "uscc", "integer", "decimal", "percent", "date", "choice", "multi",
                      "yesno"]
ProfileRole = Literal["company_name", "credit_code", "province", "city", "county", "industry",
                      "employees", "frontline_share", "revenue", "profit", "total_assets",
                      "liabilities", "credit_rating", "owns_land", "pain_points",
                      "assessment_date", "contact"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """Where the content comes from, and when it was written."""

    basis: Text = Field(description="what the content is based on (documents, standards)")
    authors: str
    date: Date = Field(description="YYYY-MM-DD")
    url: str | None = None


class Stage(_Strict):
    level: Level
    name: Text
    description: Text
    gates: list[Id] | None = Field(
        None, description="dimensions that must all reach this stage for the weakest-link rule "
                          "(each stage keeps the gates of the stage below); none given anywhere: "
                          "every core dimension gates every stage")


class PriorityRules(_Strict):
    pain_point_bonus: float = Field(0.5, ge=0, le=5,
                                    description="added to the factor for each pain point a "
                                                "dimension addresses (at most two count)")
    limiting_bonus: float = Field(0.25, ge=0, le=5,
                                  description="added when a core dimension holds the "
                                              "weakest-link stage down")


class ScoringRules(_Strict):
    stage_threshold: float = Field(0.8, gt=0, le=1,
                                   description="a dimension reaches stage s when its level is at "
                                               "least s - 1 + threshold (0.8: 80% of the way)")
    priority: PriorityRules = PriorityRules()
    min_applicable_share: float | None = Field(
        None, gt=0, le=1,
        description="a dimension with a smaller share of its questions applicable (not 'not "
                    "applicable', not skipped as not applicable) is not assessed: it leaves "
                    "the index and the stage gates")


class Dimension(_Strict):
    id: Id
    name: Text
    short: Text | None = Field(None, description="short name for charts")
    description: Text | None = None
    weight: Weight = 1.0
    core: bool = Field(True, description="counts for the weakest-link stage")
    area: Literal["shop_floor", "office", "data", "enabler"] | None = Field(
        None, description="which side of the firm it describes, to explain a lopsided firm "
                          "(office ahead of the shop floor, or the reverse)")
    addresses: list[Id] = Field(default_factory=list,
                                description="pain-point ids this dimension helps with")
    levels: dict[int, Text] = Field(description="what the dimension looks like at each level 0-4")


class Choice(_Strict):
    """An option of a profile field."""

    id: Id
    label: Text


class ProfileGroup(_Strict):
    """A section of the company-profile form."""

    id: Id
    name: Text


class ProfileField(_Strict):
    id: Id
    type: ProfileType
    label: Text
    group: Id | None = Field(None, description="id of a profile_groups entry (form section)")
    help: Text | None = None
    required: bool = False
    role: ProfileRole | None = Field(None, description="what the program uses the field for")
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    max_length: int | None = Field(None, ge=1, le=5000)
    options: list[Choice] | None = None


class Option(_Strict):
    id: Id
    label: Text
    level: Level | None = Field(None, description="required for scored questions")
    exclusive: bool = Field(False, description="multiple choice: selecting it clears the others "
                                               "(e.g. 'none of these')")
    help: Text | None = None


class Threshold(_Strict):
    """From this value upwards (until the next threshold) the answer is at ``level``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: float = Field(alias="from")
    level: Level


class Question(_Strict):
    id: Id
    dimension: Id
    type: QuestionType
    text: Text
    short: Text | None = Field(None, description="a few words naming what the question asks "
                                                 "(e.g. 'CNC share'), for results and gap lists")
    help: Text | None = Field(None, description="plain-language help for owners")
    evidence: Text | None = Field(None, description="what an expert looks at to verify")
    weight: Weight = 1.0
    scored: bool = True
    required: bool = True
    allow_na: bool = False
    show_if: str | None = Field(None, description="skip-logic condition; see the format docs")
    if_skipped: Level | Literal["na"] | None = Field(
        None, description="how a question skipped by show_if counts: a level or na")
    skip_reason: Text | None = Field(
        None, description="why a skipped question counts as if_skipped says (shown by "
                          "score --explain)")
    refines: Id | None = Field(
        None, description="a follow-up of this scored question of the same dimension: it does "
                          "not count on its own, it can raise its parent's level by one at most")
    step: Text | None = Field(
        None, description="how to word the next step for number and percent questions; {value} "
                          "is replaced by the value to reach (e.g. 'have {value} robots or more')")
    options: list[Option] | None = None
    multi_scoring: Literal["max", "count"] = "max"
    thresholds: list[Threshold] | None = None
    yes_level: Level | None = None
    no_level: Level | None = None
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    max_length: int | None = Field(None, ge=1, le=5000)


class Questionnaire(_Strict):
    kind: Literal["questionnaire"]
    id: DocId
    version: Version
    title: Text
    description: Text | None = None
    source: Source
    stages: list[Stage]
    scoring: ScoringRules = ScoringRules()
    dimensions: list[Dimension]
    profile_groups: list[ProfileGroup] = Field(default_factory=list)
    profile: list[ProfileField]
    questions: list[Question]


class Module(_Strict):
    """Questions for named industries, added when the profile's industry is one of them."""

    kind: Literal["module"]
    id: DocId
    version: Version
    questionnaire: DocId = Field(description="id of the questionnaire this module extends")
    title: Text
    description: Text | None = None
    source: Source
    industries: list[Id] = Field(min_length=1)
    emphasis: dict[str, float] = Field(
        default_factory=dict,
        description="dimension id -> priority factor for firms of these industries (e.g. 1.3)")
    questions: list[Question] = Field(min_length=1)


def presentation_order(base: Questionnaire, modules: Sequence[Module]) -> list[Question]:
    """Dimension order, then the questionnaire's own questions, then the modules' in turn."""
    order = {d.id: i for i, d in enumerate(base.dimensions)}
    everything = list(base.questions) + [q for m in modules for q in m.questions]
    tagged = [(order.get(q.dimension, len(order)), n, q) for n, q in enumerate(everything)]
    tagged.sort(key=lambda t: (t[0], t[1]))
    return [q for _, _, q in tagged]
