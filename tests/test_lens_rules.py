"""The lens rules in detail: what counts as absent or unknown, exact boundaries, the path's
steps and counts, the measures for a step, the evidence completeness, the wording of a level
gate, and every problem a broken lens file is told about (with its field)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lens_helpers import LENS_FILE, answers, item, scenario

from zhigai.core.assessment.lens import estimate, level_of
from zhigai.core.assessment.lens_data import default_lens, load_lens
from zhigai.core.assessment.lens_path import _item_steps, gains, path_to
from zhigai.core.assessment.model import Answer, Evidence, load_assessment
from zhigai.core.base.diagnostics import DataFileError

# ---------------------------------------------------------------------------- absent or unknown

def test_not_applicable_counts_as_not_having_it(lens: Any, instrument: Any) -> None:
    """A networking rate answered n/a is 0 networked machines: no control network, and only
    the unanswered 5G option is still possible; unanswered, both are."""
    na = {**answers(co_network_infra="partial", sy_integration="isolated"),
          "co_networking_rate": Answer(value=None, na=True)}
    r = estimate(lens, instrument, na, {})
    assert item(r, "network").points == 0 and item(r, "network").possible == 2
    open_ = estimate(lens, instrument, answers(co_network_infra="partial",
                                               sy_integration="isolated"), {})
    assert item(open_, "network").possible == 4
    assert "co_networking_rate" in item(open_, "network").unknown
    assert "co_networking_rate" not in item(r, "network").unknown


def test_a_skipped_question_counts_as_not_having_it(lens: Any, instrument: Any) -> None:
    """No networked machine: the status-view question is skipped, so decision support cannot
    be 二级 through it (level 1, nothing more possible)."""
    r = estimate(lens, instrument, answers(
        co_networking_rate=0, st_kpis="tracked", co_data_storage="files",
        co_data_uses=["monthly_reports"]), {})
    decisions = scenario(r, "decisions")
    assert (decisions.level, decisions.possible) == (1, 1) and decisions.unknown == ()


def test_unknown_lists_only_unanswered_questions(lens: Any, instrument: Any) -> None:
    r = estimate(lens, instrument, answers(co_network_infra="full", co_networking_rate=30), {})
    network = item(r, "network")
    assert set(network.unknown) == {"sy_integration", "mi_5g"}
    assert network.points == 4 and network.possible == 8
    assert "co_network_infra" not in r.unknown and "sy_integration" in r.unknown


def test_best_items_report_the_option_met(lens: Any, instrument: Any) -> None:
    r = estimate(lens, instrument, answers(mi_systems_coverage="several"), {})
    systems = item(r, "information_systems")
    assert systems.met == ("several",) and systems.points == systems.possible == 5
    none = estimate(lens, instrument, answers(mi_systems_coverage="none"), {})
    assert item(none, "information_systems").possible == 0
    assert item(none, "information_systems").met == ()


def test_rates_from_counts_at_the_edges(lens: Any, instrument: Any) -> None:
    one = estimate(lens, instrument, answers(mi_devices_total=1, mi_devices_digital=1,
                                             eq_cnc_rate=0), {})
    assert item(one, "device_digital").rate == 100 and item(one, "device_digital").points == 6
    over = estimate(lens, instrument, answers(mi_devices_total=100, mi_devices_digital=120), {})
    assert item(over, "device_digital").rate == 100
    empty = estimate(lens, instrument, answers(mi_devices_total=0), {})
    assert item(empty, "device_digital").from_counts
    funding = estimate(lens, instrument, answers(mi_digital_invest_share=15), {})
    assert item(funding, "funding").points == 1.875 and item(funding, "funding").rate == 15
    unknown = estimate(lens, instrument, answers(mi_devices_digital=5), {})
    # the count of digital machines is asked only once the total is known: pending, unknown
    assert set(item(unknown, "device_digital").unknown) == {"mi_devices_total",
                                                            "mi_devices_digital", "eq_cnc_rate"}
    assert item(unknown, "device_digital").possible == 6


def test_the_minimum_score_is_inclusive(lens: Any) -> None:
    rules = lens.lens.levels
    six_at_two = [(2, True)] * 3 + [(2, False)] * 3 + [(0, False)] * 10
    assert level_of(rules, 40, six_at_two) == 2
    assert level_of(rules, 39.99, six_at_two) == 1
    assert level_of(rules, 20, [(1, True)] * 3 + [(1, False)] * 3 + [(0, False)] * 10) == 1


def test_not_asked_is_what_the_questionnaire_version_lacks(lens: Any, catalog: Any,
                                                           instrument: Any) -> None:
    assert estimate(lens, instrument, {}, {}).not_asked == ()
    older = catalog.instrument("zhigai-readiness", "1.1.0")
    missing = estimate(lens, older, {}, {}).not_asked
    assert "mi_5g" in missing and "co_network_infra" not in missing


# ---------------------------------------------------------------------------- the path

def test_a_step_is_the_next_notch(lens: Any, instrument: Any) -> None:
    r = estimate(lens, instrument, answers(mi_systems_coverage="several",
                                           mi_devices_total=100, mi_devices_digital=45), {})
    (systems,) = gains(item(r, "information_systems"))
    assert (systems.option, systems.points) == ("most", 2.5)
    (band,) = gains(item(r, "device_digital"))
    assert (band.option, band.points, band.above) == (None, 1.5, 60)
    low = estimate(lens, instrument, answers(mi_devices_total=100, mi_devices_digital=15), {})
    (band,) = gains(item(low, "device_digital"))          # one band at a time
    assert (band.points, band.above) == (1.5, 20)


def test_steps_close_the_gap_with_the_fewest(lens: Any, instrument: Any) -> None:
    """Largest first, and no more than needed: a gap met exactly stops there."""
    r = estimate(lens, instrument, answers(mi_systems_coverage="several", mi_rules=["none"],
                                           co_network_infra="none", co_networking_rate=0,
                                           sy_integration="isolated", mi_5g=False), {})
    items = tuple(x for x in r.items if x.item.id in ("information_systems", "rules",
                                                      "network"))
    first = _item_steps(items, 2.5)
    assert [(s.item.id, s.option) for s in first] == [("information_systems", "most")]
    assert len(_item_steps(items, 0.9)) == 1
    assert _item_steps(items, 0) == ()
    two = _item_steps(items, 4)
    assert [s.points for s in two] == [2.5, 2]
    assert len(_item_steps(items, 4.6)) == 3


def test_the_path_counts_what_is_short(lens: Any, instrument: Any) -> None:
    r = estimate(lens, instrument, answers(
        sy_wms="wms", sc_purchasing="in_erp", sy_erp="erp_partial",
        pr_reporting="entered_daily", sy_office_workflow="oa", sy_planning="mrp",
        co_network_infra="full", co_networking_rate=30, sy_integration="integrated"), {})
    assert r.counts(2) == (7, 5) and r.counts(3) == (1, 1)
    to_two = path_to(r, r.rule(2))
    assert to_two.scenarios_short == 0 and to_two.constraint_short == 0
    assert to_two.scenario_steps == () and to_two.score_gap == round(40 - r.score, 4)
    rich = estimate(lens, instrument, answers(mi_systems_coverage="all", mi_data_areas=[
        "production", "quality", "finance", "hr", "planning", "energy", "equipment",
        "purchasing", "warehouse", "marketing", "safety", "after_sales", "product_design",
        "process_design"]), {})
    assert rich.score == 20 and path_to(rich, rich.rule(1)).score_gap == 0
    assert path_to(rich, rich.rule(2)).score_gap == 20
    to_three = path_to(r, r.rule(3))
    assert (to_three.scenarios_short, to_three.constraint_short) == (7, 4)
    chosen = to_three.scenario_steps
    assert len(chosen) == 7 and sum(s.result.scenario.constraint for s in chosen) >= 4
    assert "warehouse" not in {s.result.scenario.id for s in chosen}   # already at 三级
    assert all(s.result.level < 3 and s.target == 3 for s in chosen)
    # the nearest first: every scenario already at 二级 is taken before one at 0
    at_two = {s.scenario.id for s in r.scenarios if s.level == 2}
    assert at_two <= {s.result.scenario.id for s in chosen}


def test_known_results_are_never_steps(lens: Any, instrument: Any) -> None:
    """Outcomes are results: a known 0 for energy per revenue is not proposed."""
    r = estimate(lens, instrument, answers(mi_energy_trend="up", mi_quality_trend="down",
                                           mi_revenue_per_head_trend="down",
                                           mi_cost_trend="up", mi_systems_coverage="none"), {})
    steps = path_to(r, r.rule(1)).item_steps
    assert steps and all(s.item.part != "outcomes" for s in steps)


# ---------------------------------------------------------------------------- in the advice

def advice_for(path: str, root: Path, catalog: Any) -> Any:
    from zhigai.core.advice.advise import advise
    from zhigai.core.advice.data import default_advice_data
    from zhigai.core.assessment.scoring import score

    assessment = load_assessment(root / path)
    instrument, _ = catalog.instrument_for(assessment)
    return assessment, instrument, advise(default_advice_data(), instrument, assessment,
                                          score(instrument, assessment.answers,
                                                assessment.profile), assessment.project)


def test_measures_for_item_steps_gain_the_points(root: Path, catalog: Any) -> None:
    """Each measure named for a score step gains points there once what it brings is applied
    (with the machine counts following a networking or CNC rate it raises)."""
    from zhigai.core.advice.official import projected

    assessment, instrument, advice = advice_for(
        "examples/reference/tiny-workshop/assessment.json", root, catalog)
    official = advice.official
    assert official.measures_for("scenario:no-such-step") == ()
    keyed = [(k, ms) for k, ms in official.step_measures if k.startswith("item:") and ms]
    assert keyed, official.step_measures
    for key, measures in keyed:
        item_id = key.split(":")[1]
        before = item(official.today, item_id).points
        for m in measures:
            loaded = official.today.loaded
            after = estimate(loaded, instrument,
                             projected(loaded, instrument, assessment, [m]),
                             assessment.profile)
            assert item(after, item_id).points > before, (key, m.id)


def test_what_a_gate_still_lacks_starts_after_the_project(root: Path, catalog: Any) -> None:
    _, _, advice = advice_for("examples/reference/hangzhou-brake-parts/assessment.json", root,
                              catalog)
    official = advice.official
    assert official.after is not None
    lacks = official.still_missing(2)
    assert lacks is not None and lacks.target.level == 2
    assert lacks.score_gap == round(40 - official.after.score, 4)
    assert lacks.score_gap < round(40 - official.today.score, 4)
    assert official.still_missing(5) is None


def test_the_gate_reason_in_words(root: Path, catalog: Any) -> None:
    from zhigai.core.advice.official import gate_reason, level_name

    _, _, advice = advice_for("examples/reference/hangzhou-brake-parts/assessment.json", root,
                              catalog)
    official = advice.official
    ok, zh = gate_reason(official, 2, "zh")
    assert not ok and zh == ("须达到工信部数字化水平二级：预估现在一级、项目完成后一级（参考值），"
                             "路线图列出了达到这一级还差什么")
    ok, en = gate_reason(official, 2, "en")
    assert en == ("needs MIIT digital level Level 2: estimated Level 1 today, Level 1 after the "
                  "project (indicative); the roadmap lists what is still missing for that level")
    ok, zh = gate_reason(official, 1, "zh")
    assert ok and zh == ("预估项目完成后达到工信部数字化水平一级"
                         "（现在一级；参考值，以官方平台或现场评定为准）")
    ok, en = gate_reason(official, 1, "en")
    assert ok and en == ("estimated to reach MIIT digital level Level 1 after the project "
                         "(today Level 1; indicative, the official rating decides)")
    assert level_name(official, 0, "zh") == "未达一级"
    assert level_name(official, 0, "en") == "below level 1"
    assert level_name(official, 3, "zh") == "三级"


def test_the_lens_fits_only_its_questionnaire(mini_catalog: Any) -> None:
    from zhigai.core.advice.official import lens_for

    (qid,) = mini_catalog.ids()
    assert lens_for(mini_catalog.instrument(qid)) is None


# ---------------------------------------------------------------------------- evidence

def test_completeness_counts_materials_and_photos(lens: Any, root: Path) -> None:
    from zhigai.core.assessment.lens_evidence import completeness, indicators
    from zhigai.core.assessment.model import Photo

    photo = Photo(sha256="a" * 64, name="拓扑图.jpg", mime="image/jpeg", size=10,
                  added_at="2026-12-02T08:00:00+00:00")
    assessment = load_assessment(root / "examples/reference/tiny-workshop/assessment.json")
    assessment = assessment.model_copy(update={"evidence": {
        "miit-2024:network": Evidence(checked=["topology", "nonsense"], photos=[photo]),
        "miit-2024:equipment": Evidence(checked=["register"]),
        "network": Evidence(checked=["topology"])}})     # a question's key is not the lens's
    by_part = {c.part: c for c in completeness(lens.lens, assessment)}
    assert (by_part["foundation"].seen, by_part["foundation"].total) == (1, 15)
    assert by_part["foundation"].with_photos == 1 and by_part["management"].with_photos == 0
    assert by_part["foundation"].name.zh == "数字化基础"
    assert by_part["scenarios"].seen == 1 and by_part["scenarios"].name.zh.startswith("数字化经营")
    assert round(by_part["foundation"].share, 4) == round(1 / 15, 4)
    every = indicators(lens.lens)
    assert len(every) == 31 and every[0].id == "network" and every[-1].id == "decisions"
    assert every[-1].part == "scenarios" and every[-1].name.zh == "决策支持"
    assert all(i.materials for i in every)


# ---------------------------------------------------------------------------- broken files

def changed(tmp_path: Path, old: str, new: str) -> Path:
    text = LENS_FILE.read_text(encoding="utf-8")
    assert old in text, old
    target = tmp_path / "miit-2024.yaml"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(("old", "new", "message"), [
    ("questionnaire: zhigai-readiness", "questionnaire: other-questionnaire",
     "questionnaire: the lens reads 'other-questionnaire', but it is checked against "
     "'zhigai-readiness'"),
    ("  - id: outcomes\n    name", "  - id: management\n    name",
     "part ids must be unique: foundation, management, management"),
    ("  - id: device_networked\n", "  - id: device_digital\n", "duplicate item id"),
    ("  - id: process_design\n    group", "  - id: product_design\n    group",
     "duplicate scenario id"),
    ("      - id: system_interconnect", "      - id: ot_network", "duplicate option id"),
    ("{id: contract_5g,", "{id: topology,", "items[network].evidence[topology].id: duplicate "
                                            "material id"),
    ("      - {id: mes_screens,", "      - {id: work_orders,",
     "scenarios[production].evidence[work_orders].id: duplicate material id"),
    ("fallback: eq_cnc_rate", "fallback: eq_robot_count",
     "items[device_digital].fallback: 'eq_robot_count' must be a percent question"),
    ("value: mi_digital_invest_share", "value: mi_devices_total",
     "items[funding].value: 'mi_devices_total' must be a percent question"),
    ("numerator: mi_devices_digital", "numerator: mi_rules",
     "items[device_digital].numerator: 'mi_rules' is not a number or percent question"),
    ("      - {id: all, label: {zh: 全部业务环节, en: every business area}, points: 10,",
     "      - {id: all, label: {zh: 全部业务环节, en: every business area}, points: 9,",
     "items[information_systems].options: the best option gives 9 points, the item has 10"),
    ("      - {above: 60, points: 6}\n    evidence:\n      - {id: register",
     "      - {above: 60, points: 5}\n    evidence:\n      - {id: register",
     "items[device_digital].bands: the top band gives 5 points, the item has 6"),
    ("      - {id: hr, label: {zh: 人力资源, en: human resources}, points: 0.9,",
     "      - {id: hr, label: {zh: 人力资源, en: human resources}, points: 1.9,",
     "items[data_collection].options: the options add up to 11 points, the item has 10"),
    ("scenarios: {level: 4, count: 10, constraint: 6}",
     "scenarios: {level: 4, count: 17, constraint: 6}",
     "levels[3].scenarios.count: 17 scenarios asked for, the lens has 16"),
    ("scenarios: {level: 4, count: 10, constraint: 6}",
     "scenarios: {level: 4, count: 10, constraint: 11}",
     "levels[3].scenarios.constraint: 11 constraint scenarios asked for, at most 10 possible"),
    ("    zero_if: \"not de_own_design or mi_own_products == false\"",
     "    zero_if: \"not de_own_desgn\"",
     "scenarios[product_design].zero_if: 'de_own_desgn' is not a question"),
    ("when: \"selected(sy_wms, 'smart')\"", "when: \"selected(sy_wms, 'smart'\"",
     "scenarios[warehouse].levels[4].when: expected ')' to close selected("),
    ("when: \"selected(mi_systems_coverage, 'single')\"",
     "when: \"profile.no_such_field > 3\"",
     "items[information_systems].options[single].when: profile.no_such_field is not a "
     "profile field"),
])
def test_every_problem_names_its_field(tmp_path: Path, instrument: Any, old: str, new: str,
                                       message: str) -> None:
    with pytest.raises(DataFileError) as error:
        load_lens(changed(tmp_path, old, new), instrument)
    text = str(error.value)
    assert "miit-2024.yaml:" in text and message in text, text


def test_profile_fields_may_be_read(tmp_path: Path, instrument: Any) -> None:
    path = changed(tmp_path, "when: \"selected(mi_systems_coverage, 'single')\"",
                   "when: \"profile.employees > 3\"")
    loaded = load_lens(path, instrument)
    r = estimate(loaded, instrument, {}, {"employees": 10})
    assert item(r, "information_systems").met == ("single",)


def test_counted_machines_follow_a_raised_rate(root: Path, catalog: Any) -> None:
    """A firm that counted 40 machines, 2 networked: equipment data collection brings a
    networking rate of 50% and with it 20 networked machines (never more than the total)."""
    from zhigai.core.advice.data import default_advice_data
    from zhigai.core.advice.official import projected

    assessment = load_assessment(root / "examples/reference/tiny-workshop/assessment.json")
    instrument, _ = catalog.instrument_for(assessment)
    counted = assessment.model_copy(update={"answers": {
        **assessment.answers, **answers(mi_devices_total=40, mi_devices_networked=2,
                                        mi_devices_digital=3, co_networking_rate=5)}})
    measure = default_advice_data().measure("equipment_data_collection")
    after = projected(default_lens(), instrument, counted, [measure])
    assert after["co_networking_rate"].value == 50
    assert after["mi_devices_networked"].value == 20
    assert after["mi_devices_digital"].value == 3          # its rate was not raised
    plain = projected(default_lens(), instrument, assessment, [])
    assert plain == dict(assessment.answers)
    # a rate the firm itself gave above its counts is left alone: only a measure moves them
    high = counted.model_copy(update={"answers": {**counted.answers,
                                                  **answers(co_networking_rate=50)}})
    assert projected(default_lens(), instrument, high, [])["mi_devices_networked"].value == 2


def test_a_measure_raises_an_unscored_answer_never_lowers_it(root: Path, catalog: Any) -> None:
    """The MES brings systems in several business areas: a firm with one gets several, a
    firm with most keeps most (options of the unscored questions are listed lowest first)."""
    from zhigai.core.advice.data import default_advice_data
    from zhigai.core.advice.projection import projected_answers

    assessment = load_assessment(root / "examples/reference/tiny-workshop/assessment.json")
    instrument, _ = catalog.instrument_for(assessment)
    mes = default_advice_data().measure("mes")
    for have, then in (("single", "several"), ("most", "most"), ("none", "several")):
        firm = assessment.model_copy(update={"answers": {
            **assessment.answers, **answers(mi_systems_coverage=have)}})
        after = projected_answers(instrument, firm, [mes])
        assert after["mi_systems_coverage"].value == then, have
        assert {"production", "quality"} <= set(after["mi_data_areas"].value)
