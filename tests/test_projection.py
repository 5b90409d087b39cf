"""What a measure brings (read from its done_if) and the firm's score after a project: answers
are only ever raised, "not applicable" stays, and the projected score is a real rescoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhigai.core.advice.models import Measure
from zhigai.core.advice.projection import brought, projected_answers, projected_score
from zhigai.core.assessment.model import Answer, load_assessment
from zhigai.core.assessment.scoring import score


@pytest.mark.parametrize("condition, expected", [
    ("selected(sy_mes, 'full', 'intelligent')", [("sy_mes", "option", "full")]),
    ("selected(a, 'x') and selected(b, 'y', 'z')", [("a", "option", "x"), ("b", "option", "y")]),
    ("selected(a, 'x') or selected(b, 'y')", [("a", "option", "x")]),
    ("co_networking_rate >= 50", [("co_networking_rate", "at_least", 50)]),
    ("eq_robot_count > 2", [("eq_robot_count", "at_least", 3)]),
    ("se_certified", [("se_certified", "yes", True)]),
    ("not selected(a, 'x')", []),
    ("profile.employees >= 50", []),
    (None, []),
])
def test_what_a_condition_brings(condition: str | None, expected: list) -> None:
    assert brought(condition) == expected


def measure(done_if: str) -> Measure:
    return Measure.model_validate({
        "id": "m", "name": {"zh": "m", "en": "m"}, "description": {"zh": "d", "en": "d"},
        "dimension": "systems", "from_level": 1, "to_level": 3, "done_if": done_if,
        "category": "software", "cost": {"min": 1, "max": 2},
        "effects": {"zh": "e", "en": "e"}})


@pytest.fixture()
def firm(root: Path, catalog):
    assessment = load_assessment(root / "examples" / "textile-early.json")
    instrument, _ = catalog.instrument_for(assessment)
    return assessment, instrument


def test_answers_are_raised_never_lowered(firm) -> None:
    assessment, instrument = firm
    q = instrument.by_id["sy_mes"]
    levels = {o.id: o.level for o in q.options}
    low, high = min(levels, key=levels.get), max(levels, key=levels.get)
    middle = next(o for o, lv in levels.items() if 0 < lv < levels[high])
    assessment.answers["sy_mes"] = Answer(value=low)
    raised = projected_answers(instrument, assessment, [measure(f"selected(sy_mes, '{middle}')")])
    assert raised["sy_mes"].value == middle
    assessment.answers["sy_mes"] = Answer(value=high)
    kept = projected_answers(instrument, assessment, [measure(f"selected(sy_mes, '{middle}')")])
    assert kept["sy_mes"].value == high
    assert assessment.answers["sy_mes"].value == high          # the firm's answers untouched


def test_not_applicable_stays_and_numbers_rise(firm) -> None:
    assessment, instrument = firm
    assessment.answers["sy_mes"] = Answer(na=True)
    assessment.answers["co_networking_rate"] = Answer(value=10)
    out = projected_answers(instrument, assessment, [
        measure("selected(sy_mes, 'full')"), measure("co_networking_rate >= 50")])
    assert out["sy_mes"].na and out["co_networking_rate"].value == 50
    assessment.answers["co_networking_rate"] = Answer(value=80)
    out = projected_answers(instrument, assessment, [measure("co_networking_rate >= 50")])
    assert out["co_networking_rate"].value == 80


def test_a_multiple_choice_gains_the_option_and_drops_none(firm) -> None:
    assessment, instrument = firm
    q = instrument.by_id["de_tools"]
    exclusive = next((o.id for o in q.options if o.exclusive), None)
    if exclusive:
        assessment.answers["de_tools"] = Answer(value=[exclusive])
        out = projected_answers(instrument, assessment, [measure("selected(de_tools, 'cad_2d')")])
        assert out["de_tools"].value == ["cad_2d"]
    assessment.answers["de_tools"] = Answer(value=["cad_2d"])
    out = projected_answers(instrument, assessment, [measure("selected(de_tools, 'pdm')")])
    assert out["de_tools"].value == ["cad_2d", "pdm"]


def test_the_projected_score_is_a_rescoring(firm) -> None:
    assessment, instrument = firm
    before = score(instrument, assessment.answers, assessment.profile)
    top = {q.id: max(q.options, key=lambda o: o.level or 0).id
           for q in instrument.by_dimension["systems"] if q.type == "single" and q.options}
    measures = [measure(f"selected({qid}, '{opt}')") for qid, opt in top.items()]
    after = projected_score(instrument, assessment, measures)
    answers = dict(assessment.answers)
    answers.update({qid: Answer(value=opt) for qid, opt in top.items()})
    assert after.dimension("systems").level == \
        score(instrument, answers, assessment.profile).dimension("systems").level
    assert after.dimension("systems").level > before.dimension("systems").level
    assert after.dimension("energy").level == before.dimension("energy").level


def test_yes_no_and_counts_are_raised_too(firm) -> None:
    assessment, instrument = firm
    assert instrument.by_id["se_certified"].type == "yesno"
    assert instrument.by_id["eq_robot_count"].type == "number"
    assessment.answers["se_certified"] = Answer(value=False)
    assessment.answers["eq_robot_count"] = Answer(value=0)
    out = projected_answers(instrument, assessment, [measure("se_certified"),
                                                     measure("eq_robot_count >= 2")])
    assert out["se_certified"].value is True and out["eq_robot_count"].value == 2
    assessment.answers["eq_robot_count"] = Answer(value=5)
    out = projected_answers(instrument, assessment, [measure("eq_robot_count >= 2")])
    assert out["eq_robot_count"].value == 5
    # a kind that does not fit the question's type changes nothing
    out = projected_answers(instrument, assessment, [measure("selected(eq_robot_count, 'x')"),
                                                     measure("sy_mes >= 3")])
    assert out["eq_robot_count"].value == 5 and out["sy_mes"] == assessment.answers.get(
        "sy_mes", out["sy_mes"])


def test_an_unanswered_question_gets_what_the_measure_brings(firm) -> None:
    assessment, instrument = firm
    assessment.answers.pop("sy_mes", None)
    assessment.answers.pop("co_networking_rate", None)
    out = projected_answers(instrument, assessment, [
        measure("selected(sy_mes, 'full')"), measure("co_networking_rate >= 50")])
    assert out["sy_mes"].value == "full" and out["co_networking_rate"].value == 50
    unknown = projected_answers(instrument, assessment, [measure("selected(sy_mes, 'nope')")])
    assert "sy_mes" not in unknown


def test_brings_adds_answers_beyond_done_if(firm) -> None:
    assessment, instrument = firm
    assessment.answers["co_networking_rate"] = Answer(value=0)
    m = measure("selected(sy_mes, 'full')").model_copy(
        update={"brings": ["co_networking_rate >= 80"]})
    out = projected_answers(instrument, assessment, [m])
    assert out["co_networking_rate"].value == 80 and out["sy_mes"].value == "full"
