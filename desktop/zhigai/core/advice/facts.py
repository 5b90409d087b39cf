"""The facts advice rules are written against: the firm's profile and project, its score, and
the conditions and ``{placeholders}`` of measures and policies evaluated on them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..assessment.model import Assessment
from ..assessment.money import ZERO, fmt
from ..assessment.plan import ProjectPlan
from ..assessment.scoring import Score, question_states
from ..base.i18n import Text
from ..questionnaire.conditions import evaluation, syntax
from ..questionnaire.instrument import Instrument
from ..questionnaire.values import typed_profile_value
from .project import profile_money


def zh_en(zh: str, en: str) -> Text:
    return Text(zh=zh, en=en)


# ---------------------------------------------------------------------------- facts

def project_facts(plan_: ProjectPlan | None, instrument: Instrument,
                  profile: dict[str, Any]) -> dict[str, Any]:
    """The facts policy rules can use as project.<name> (money in yuan)."""
    plan_ = plan_ or ProjectPlan()
    on_land_field = instrument.profile_fields.get("project_on_existing_land")
    on_land = profile.get(on_land_field.id) if on_land_field else None
    total = plan_.total()
    if total == 0:
        cost_field = instrument.profile_fields.get("project_cost")
        total = profile_money(profile, cost_field.id if cost_field else None) or ZERO
    facts: dict[str, Any] = {
        "total_investment": total,
        "robot_count": plan_.count("robot"),
        "item_count": Decimal(len(plan_.items)),
        "on_existing_land": on_land if isinstance(on_land, bool) else None,
        "engineering_company": plan_.finance.engineering_company,
        "measures": list(plan_.measures),
    }
    for category in ("robot", "equipment", "software", "cloud", "engineering", "building",
                     "training", "service"):
        facts[f"{category}_cost"] = plan_.total((category,))
    # a fixed-asset investment (machines, buildings, installation) is filed (备案) before it
    # starts; software and cloud services are what the digital-upgrade programmes pay for
    # (advise adds the network and data-collection items)
    facts["fixed_asset_cost"] = plan_.total(("robot", "equipment", "building", "engineering"))
    facts["digital_cost"] = plan_.total(("software", "cloud"))
    # what the Zhejiang workshop and factory thresholds count: software and hardware, without
    # buildings and land
    facts["hardware_software_investment"] = total - plan_.total(("building", "land"))
    return facts


def score_facts(score: Score) -> dict[str, Any]:
    facts: dict[str, Any] = {"index": score.index, "stage_by_index": score.stage_by_index,
                             "stage_weakest_link": score.stage_weakest_link}
    for d in score.dimensions:
        facts[d.id] = d.level
    return facts


class AdviceEnv:
    """Values for conditions in advice data: answers, profile, project facts, score."""

    def __init__(self, instrument: Instrument, assessment: Assessment, score: Score,
                 facts: dict[str, Any]):
        self.instrument = instrument
        self.answers = assessment.answers
        self.profile = assessment.profile
        self.states = question_states(instrument, self.answers, self.profile)
        self.project = facts
        self.score = score_facts(score)
        self.official: Any = None      # the official level (advice.official), once known

    def question_value(self, name: str) -> Any:
        if self.states.get(name) != "shown":
            return None
        answer = self.answers.get(name)
        if answer is None or answer.na:
            return None
        return answer.value

    def scoped_value(self, scope: str, name: str) -> Any:
        if scope == "profile":
            f = self.instrument.profile_fields.get(name)
            return None if f is None else typed_profile_value(f, self.profile.get(name))
        if scope == "project":
            value = self.project.get(name)
            return float(value) if isinstance(value, Decimal) else value
        if scope == "score":
            return self.score.get(name)
        return None


def holds(condition: str, env: AdviceEnv) -> bool | None:
    return evaluation.compile_condition(syntax.parse(condition))(env)


def render(text: Text, facts: dict[str, Any], lang: str) -> str:
    """Fill {project.x} placeholders (money shown in 万元 / yuan)."""
    from .models import PLACEHOLDER

    def fill(match: Any) -> str:
        scope, name = match.group(1), match.group(2)
        value = facts.get(name) if scope == "project" else None
        if isinstance(value, Decimal) and name.endswith(("_cost", "investment")):
            return fmt(value, lang)
        if isinstance(value, Decimal):
            return f"{value.normalize():f}"
        return "—" if value is None else str(value)

    return PLACEHOLDER.sub(fill, text.get(lang))
