"""Scoring rules, checked by hand on the small fixture questionnaire."""

from __future__ import annotations

import pytest

from zhigai.core.assessment.model import Assessment, DocRef
from zhigai.core.assessment.scoring import reached_stage, score


def new(instrument) -> Assessment:
    return Assessment(questionnaire=DocRef(id=instrument.id, version=instrument.version,
                                           hash=instrument.base.hash))


@pytest.fixture
def mini(mini_catalog):
    return mini_catalog.instrument("mini")


def full(mini) -> Assessment:
    a = new(mini)
    a.set_profile(mini, "employees", 80)
    a.set_answer(mini, "eq_cnc", 45)            # level 2
    a.set_answer(mini, "eq_robots", "cells")    # level 4
    a.set_answer(mini, "eq_robot_vision", "no")  # level 1
    a.set_answer(mini, "da_records", ["excel", "erp"])  # max -> 2
    a.set_answer(mini, "da_scrap", 2.5)         # 1 <= x < 3 -> level 3 (lower is better)
    a.set_answer(mini, "gr_energy", "yes")      # level 4
    return a


def test_levels_index_and_stages(mini) -> None:
    a = full(mini)
    s = score(mini, a.answers, a.profile)
    eq, da, gr = (s.dimension(x) for x in ("equipment", "data", "green"))
    assert eq.level == pytest.approx((2 + 4 + 1) / 3)
    assert da.level == pytest.approx(2.5)
    assert gr.level == 4.0
    # index = 25 x weighted mean: weights 2, 1, 1
    mean = (2 * 7 / 3 + 1 * 2.5 + 1 * 4) / 4
    assert s.index == pytest.approx(25 * mean)
    assert s.stage_by_index == 2            # 2.79 reaches 2.8? no -> stage 2
    assert eq.stage == 2 and da.stage == 2 and gr.stage == 4
    assert s.stage_weakest_link == 2        # green is not core
    assert s.complete and s.completeness == 1.0
    assert s.answered == s.required == 6    # the text note is optional


def test_threshold_rule_boundaries() -> None:
    assert reached_stage(0.79, 0.8) == 0
    assert reached_stage(0.8, 0.8) == 1
    assert reached_stage(1.8, 0.8) == 2
    assert reached_stage(3.79, 0.8) == 3
    assert reached_stage(3.8, 0.8) == 4
    assert reached_stage(4.0, 1.0) == 4
    assert reached_stage(2.99, 1.0) == 2


def test_not_applicable_leaves_denominator(mini) -> None:
    a = full(mini)
    a.set_not_applicable(mini, "eq_robots")
    s = score(mini, a.answers, a.profile)
    # robots n/a: vision becomes pending (its condition is unknown), cnc alone counts
    assert s.questions["eq_robots"].state == "na"
    assert s.questions["eq_robot_vision"].state == "pending"
    assert s.dimension("equipment").level == 2.0
    assert s.complete


def test_unanswered_is_incomplete_never_zero(mini) -> None:
    a = new(mini)
    a.set_profile(mini, "employees", 80)
    a.set_answer(mini, "eq_cnc", 95)  # level 4
    s = score(mini, a.answers, a.profile)
    assert s.dimension("equipment").level == 4.0       # not dragged down by missing answers
    assert "eq_robots" in s.missing and "da_records" in s.missing
    assert not s.complete
    assert s.dimension("data").level is None
    assert s.completeness == pytest.approx(1 / 5)  # robots, records, scrap, energy missing
    assert s.questions["eq_robot_vision"].state == "pending"


def test_skip_logic_counts_if_skipped(mini) -> None:
    a = full(mini)
    a.set_answer(mini, "eq_robots", "none")   # level 0, vision skipped -> if_skipped 0
    s = score(mini, a.answers, a.profile)
    assert s.questions["eq_robot_vision"].state == "skipped"
    assert s.questions["eq_robot_vision"].level == 0
    assert s.dimension("equipment").level == pytest.approx((2 + 0 + 0) / 3)
    assert "eq_robot_vision" not in s.missing


def test_profile_condition_skips_as_not_applicable(mini) -> None:
    a = full(mini)
    a.set_profile(mini, "employees", 20)   # energy question only from 50 employees
    s = score(mini, a.answers, a.profile)
    assert s.questions["gr_energy"].state == "skipped"
    assert s.dimension("green").level is None   # if_skipped: na
    assert s.index is not None


def test_hidden_answers_are_kept_but_ignored(mini) -> None:
    a = full(mini)
    a.set_answer(mini, "eq_robots", "none")
    assert a.answers["eq_robot_vision"].value is False   # still stored
    s = score(mini, a.answers, a.profile)
    assert s.questions["eq_robot_vision"].level == 0     # but scored as skipped


def test_gaps_priorities_follow_pain_points(mini) -> None:
    a = full(mini)
    base = score(mini, a.answers, a.profile)
    assert base.target == 3
    by_dim = {g.dimension: g for g in base.gaps}
    assert by_dim["equipment"].size == pytest.approx(3 - 7 / 3)
    assert by_dim["data"].size == pytest.approx(0.5)
    assert by_dim["green"].size == 0 and by_dim["green"].priority == 0
    a.set_profile(mini, "pains", ["quality"])   # data addresses quality
    with_pain = score(mini, a.answers, a.profile)
    gap = {g.dimension: g for g in with_pain.gaps}["data"]
    assert gap.pain_points == ("quality",) and gap.pain_factor == 1.5
    assert gap.priority == pytest.approx(by_dim["data"].priority * 1.5)


def test_holding_back_names_the_next_answer(mini) -> None:
    a = full(mini)
    s = score(mini, a.answers, a.profile)
    eq = {g.dimension: g for g in s.gaps}["equipment"]
    steps = {x.question: x for x in eq.holding_back}
    assert steps["eq_robot_vision"].option == "yes" and steps["eq_robot_vision"].target_level == 4
    assert steps["eq_cnc"].value == 70 and not steps["eq_cnc"].below
    assert "eq_robots" not in steps  # already at level 4
    da = {g.dimension: g for g in s.gaps}["data"]
    assert "da_scrap" not in {x.question for x in da.holding_back}  # level 3 meets target 3
    a.set_answer(mini, "da_scrap", 4)  # 3 <= x < 5 -> level 2 (lower is better)
    s = score(mini, a.answers, a.profile)
    da = {g.dimension: g for g in s.gaps}["data"]
    scrap = {x.question: x for x in da.holding_back}["da_scrap"]
    assert scrap.value == 3 and scrap.below and scrap.target_level == 3


def test_weakest_link_names_limiting_dimension(mini) -> None:
    a = full(mini)
    a.set_answer(mini, "da_records", ["paper"])  # data: (0 + 3) / 2 = 1.5 -> stage 1
    s = score(mini, a.answers, a.profile)
    assert s.stage_weakest_link == 1
    assert s.limiting == ("data",)
    gap = {g.dimension: g for g in s.gaps}["data"]
    assert gap.limiting


def test_empty_assessment(mini) -> None:
    s = score(mini, {}, {})
    assert s.index is None and s.stage_by_index is None and s.stage_weakest_link is None
    assert s.gaps == ()
    assert not s.complete


def test_to_dict_is_json(mini) -> None:
    import json

    a = full(mini)
    data = score(mini, a.answers, a.profile).to_dict()
    json.dumps(data)
    assert data["complete"] is True
    assert {d["id"] for d in data["dimensions"]} == {"equipment", "data", "green"}
