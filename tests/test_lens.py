"""The MIIT 2024 lens: points of each kind of item checked by hand against the indicator table
(../shared/frameworks-policies-banks.md section 1a), unknown answers, the level rule as data,
the path to the next level, and the data checks."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lens_helpers import LENS_FILE, answers, item, scenario

from zhigai.core.assessment.lens import estimate, level_of, reaches
from zhigai.core.assessment.lens_data import default_lens, load_lens
from zhigai.core.assessment.lens_path import next_level, path_to
from zhigai.core.base.diagnostics import DataFileError
from zhigai.core.base.resources import templates_dir


def test_the_data_is_the_indicator_table(lens: Any) -> None:
    """50/30/20 points, 15 scored items, 16 scenarios of which 10 constraint, four levels."""
    parts = {p.id: p.points for p in lens.lens.parts}
    assert parts == {"foundation": 50, "management": 30, "outcomes": 20}
    assert len(lens.lens.items) == 15 and len(lens.lens.scenarios) == 16
    assert sum(s.constraint for s in lens.lens.scenarios) == 10
    rules = {r.level: (r.min_score, r.scenarios.level, r.scenarios.count,
                       r.scenarios.constraint) for r in lens.lens.levels}
    assert rules == {1: (20, 1, 6, 3), 2: (40, 2, 6, 3), 3: (60, 3, 8, 5), 4: (80, 4, 10, 6)}
    # every item the brief marks unconfirmed is marked so in the data
    assert item_by(lens, "funding").unconfirmed
    assert next(o for o in item_by(lens, "planning").options if o.id == "sharing").unconfirmed
    assert all(r.unconfirmed for r in lens.lens.levels)
    assert lens.lens.source.date == "2024-09-04" and lens.lens.version == "1.0.0"


def item_by(lens: Any, item_id: str) -> Any:
    return next(i for i in lens.lens.items if i.id == item_id)


def test_sum_items_count_each_option_met(lens: Any, instrument: Any) -> None:
    """网络建设: 车间工控网络 2 + 系统互联 2 + 全面覆盖 2, no 5G: 6 of 8. 数据采集: three
    areas at 0.7 and 人力资源 at 0.9: 3.0. 网络安全: rules and products: 2.5."""
    r = estimate(lens, instrument, answers(
        co_network_infra="full", sy_integration="integrated", mi_5g=False, co_networking_rate=5,
        mi_data_areas=["production", "quality", "finance", "hr"],
        se_rules="written", se_measures=["firewall"], se_network_separation="vlan",
        mi_security_reviews=["none"]), {})
    assert item(r, "network").points == 6
    assert set(item(r, "network").met) == {"ot_network", "system_interconnect",
                                           "full_coverage"}
    assert item(r, "data_collection").points == pytest.approx(3.0)
    assert item(r, "network_security").points == pytest.approx(2.5)


def test_best_items_take_the_highest_option(lens: Any, instrument: Any) -> None:
    r = estimate(lens, instrument, answers(mi_systems_coverage="several",
                                           mi_digital_stage="started",
                                           mi_energy_trend="down", mi_quality_trend="flat",
                                           mi_revenue_per_head_trend="down",
                                           mi_cost_trend="unknown"), {})
    assert item(r, "information_systems").points == 5
    assert item(r, "planning").points == 4.5
    assert item(r, "green").points == 7 and item(r, "quality").points == 3.5
    assert item(r, "market").points == 0 and item(r, "value").points == 0


@pytest.mark.parametrize(("digital", "points"), [(5, 0), (10, 0), (11, 1.5), (20, 1.5),
                                                 (21, 3), (40, 3), (41, 4.5), (60, 4.5),
                                                 (61, 6), (100, 6)])
def test_rates_use_left_open_bands_from_the_counts(lens: Any, instrument: Any, digital: int,
                                                   points: float) -> None:
    """设备数字化率 of 100 machines: (10,20] 1.5 … (60,100] 6; exactly 10% scores 0."""
    r = estimate(lens, instrument, answers(mi_devices_total=100, mi_devices_digital=digital,
                                           eq_cnc_rate=99), {})
    got = item(r, "device_digital")
    assert got.points == points and got.from_counts and got.rate == digital


def test_rates_fall_back_on_the_percentage_question(lens: Any, instrument: Any) -> None:
    r = estimate(lens, instrument, answers(co_networking_rate=45), {})
    got = item(r, "device_networked")
    assert got.points == 4.5 and not got.from_counts and got.rate == 45
    none = estimate(lens, instrument, answers(mi_devices_total=0), {})
    assert item(none, "device_networked").points == 0 and item(none, "device_networked").rate == 0


def test_unanswered_is_unknown_and_shown_as_what_it_could_give(lens: Any,
                                                               instrument: Any) -> None:
    """Nothing answered: 0 points proven, every point still possible; skipped or 'none'
    counts as not having it."""
    r = estimate(lens, instrument, {}, {})
    assert r.score == 0 and r.score_possible == 100 and r.level == 0
    assert r.level_possible == 4 and not r.complete and "mi_5g" in r.unknown
    own = estimate(lens, instrument, answers(de_own_design=False), {})
    design = scenario(own, "product_design")
    assert design.level == 0 and design.possible == 0 and design.excluded


def test_scenario_levels_follow_the_answers(lens: Any, instrument: Any) -> None:
    r = estimate(lens, instrument, answers(sy_wms="wms", sc_purchasing="in_erp",
                                           eq_maintenance="online_alerts", pr_oee="automatic",
                                           sy_planning="spreadsheet", en_metering="bill_only",
                                           mi_energy_records="none"),
                 {})
    assert scenario(r, "warehouse").level == 3
    assert scenario(r, "purchasing").level == 2
    assert scenario(r, "equipment").level == 3
    assert scenario(r, "planning").level == 1
    assert scenario(r, "energy").level == 0 and scenario(r, "energy").possible == 0


def test_the_level_needs_the_score_and_the_scenario_counts(lens: Any) -> None:
    rules = lens.lens.levels
    six_at_two = [(2, True)] * 3 + [(2, False)] * 3 + [(1, False)] * 10
    assert level_of(rules, 45, six_at_two) == 2
    assert level_of(rules, 39.99, six_at_two) == 1     # the score falls short of 二级
    two_constraint = [(2, True)] * 2 + [(2, False)] * 4 + [(1, True)] * 10
    assert level_of(rules, 45, two_constraint) == 1    # only 2 constraint scenarios at 二级
    assert level_of(rules, 19, [(4, True)] * 16) == 0  # below 20 points: not even 一级
    assert level_of(rules, 100, [(4, True)] * 6 + [(4, False)] * 4 + [(3, False)] * 6) == 4
    assert not reaches(rules[3], 100, [(4, True)] * 5 + [(4, False)] * 11)


levels_strategy = st.lists(st.tuples(st.integers(0, 4), st.booleans()), min_size=16,
                           max_size=16)


@settings(max_examples=300, deadline=None)
@given(levels=levels_strategy, score=st.floats(0, 100), which=st.integers(0, 15),
       up=st.integers(1, 4))
def test_a_higher_scenario_level_never_lowers_the_level(levels: list[tuple[int, bool]],
                                                        score: float, which: int,
                                                        up: int) -> None:
    rules = default_lens().lens.levels
    before = level_of(rules, score, levels)
    raised = list(levels)
    raised[which] = (min(4, levels[which][0] + up), levels[which][1])
    assert level_of(rules, score, raised) >= before
    assert level_of(rules, min(100.0, score + up), levels) >= before


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_raising_an_answer_never_lowers_the_estimate(data: Any, ) -> None:
    """Any scored single-choice answer moved to a higher option never lowers the estimated
    level, the score or a scenario level (the scored questions list options lowest first)."""
    from zhigai.core.questionnaire.catalog import default_catalog

    instrument = default_catalog().instrument("zhigai-readiness", "1.2.0")
    loaded = default_lens()
    singles = [q for q in instrument.questions if q.type == "single" and q.id in
               set(loaded.questions()) and not q.show_if
               and all(o.level is not None for o in q.options)
               and [o.level for o in q.options] == sorted(o.level for o in q.options)]
    assert len(singles) >= 30
    picked = {q.id: data.draw(st.integers(0, len(q.options) - 1)) for q in singles}
    base = {qid: instrument.by_id[qid].options[i].id for qid, i in picked.items()}
    q = data.draw(st.sampled_from(singles))
    higher = dict(base)
    higher[q.id] = q.options[data.draw(st.integers(picked[q.id], len(q.options) - 1))].id
    before = estimate(loaded, instrument, answers(**base), {})
    after = estimate(loaded, instrument, answers(**higher), {})
    assert after.score >= before.score
    for s0, s1 in zip(before.scenarios, after.scenarios, strict=True):
        assert s1.level >= s0.level, (q.id, s0.scenario.id)
    assert after.level >= before.level


def changed_lens(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "lenses"
    folder.mkdir(exist_ok=True)
    target = folder / "miit-2024.yaml"
    text = LENS_FILE.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_the_level_rule_is_data(tmp_path: Path, instrument: Any, lens: Any) -> None:
    """Lower 一级's minimum score in the file and the same answers reach 一级."""
    given = answers(co_network_infra="full", sy_integration="integrated", co_networking_rate=5,
                    sy_erp="erp_full", sc_customer_orders="in_system", sy_planning="mrp",
                    pr_reporting="entered_daily", sy_wms="erp_stock", sc_purchasing="in_erp",
                    en_metering="tracked", pr_inspection="digital_records",
                    pr_issue_handling="tracked_digital")
    today = estimate(lens, instrument, given, {})
    assert today.score == 6 and today.level == 0
    path = changed_lens(tmp_path, "    min_score: 20\n", "    min_score: 5\n")
    assert estimate(load_lens(path, instrument), instrument, given, {}).level == 1
    path = changed_lens(tmp_path, "scenarios: {level: 1, count: 6, constraint: 3}",
                        "scenarios: {level: 1, count: 16, constraint: 3}")
    changed = load_lens(path, instrument)
    assert estimate(changed, instrument, given, {}).counts(1)[0] < 16


def test_the_path_names_the_nearest_scenarios_constraint_first(lens: Any,
                                                               instrument: Any) -> None:
    """To 一级 with 4 scenarios at 一级 (2 constraint): 2 more, at least one constraint."""
    r = estimate(lens, instrument, answers(
        sy_planning="spreadsheet", sy_office_workflow="chat", sy_wms="spreadsheet",
        sc_purchasing="chat_excel", de_own_design=False, eq_maintenance="breakdown"), {})
    assert r.counts(1) == (4, 2)
    path = path_to(r, r.rule(1))
    assert path.scenarios_short == 2 and path.constraint_short == 1
    chosen = [s.result.scenario for s in path.scenario_steps]
    assert len(chosen) == 2 and any(s.constraint for s in chosen)
    assert all(s.id != "product_design" for s in chosen)   # no own design: cannot be raised
    assert next_level(r) is not None and next_level(r).target.level == 1  # type: ignore[union-attr]


def test_score_steps_go_one_notch_at_a_time(lens: Any, instrument: Any) -> None:
    r = estimate(lens, instrument, answers(mi_systems_coverage="none", mi_rules=["none"]), {})
    path = path_to(r, r.rule(1))
    systems = [s for s in path.item_steps if s.item.id == "information_systems"]
    assert systems and systems[0].option == "single" and systems[0].points == 2.5
    assert path.score_gap == 20
    assert all(s.item.part != "outcomes" for s in path.item_steps)  # results are not steps


def test_broken_lens_files_say_where(tmp_path: Path, instrument: Any) -> None:
    path = changed_lens(tmp_path, "selected(sy_wms, 'smart')\"", "selected(sy_wms, 'smrt')\"")
    with pytest.raises(DataFileError) as error:
        load_lens(path, instrument)
    text = str(error.value)
    assert "miit-2024.yaml:" in text and "'smrt' is not an option of sy_wms" in text
    path = changed_lens(tmp_path, "    points: 8\n", "    points: 9\n")
    with pytest.raises(DataFileError, match="add up to 51 points, not 50"):
        load_lens(path, instrument)
    path = changed_lens(tmp_path, "fallback: eq_cnc_rate", "fallback: eq_robot_vision")
    with pytest.raises(DataFileError, match="'eq_robot_vision' is not a number"):
        load_lens(path, instrument)


def test_a_lens_file_is_copied_and_checked_by_validate(tmp_path: Path) -> None:
    from zhigai.cli.main import main

    target = tmp_path / "templates"
    shutil.copytree(templates_dir(), target)
    bad = target / "lenses" / "miit-2024.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("when: \"mi_5g\"",
                                                           "when: \"mi_6g\""),
                   encoding="utf-8")
    assert main(["validate", str(target)]) == 1


def test_a_network_without_a_networked_machine_is_not_a_control_network(
        lens: Any, instrument: Any) -> None:
    """Wi-Fi for phones in the sheds is not a shop-floor control network (a reference firm
    showed it): 车间工控网络 needs at least one networked machine."""
    none = estimate(lens, instrument, answers(co_network_infra="partial",
                                              co_networking_rate=0), {})
    assert "ot_network" not in item(none, "network").met
    some = estimate(lens, instrument, answers(co_network_infra="partial",
                                              co_networking_rate=10), {})
    assert item(some, "network").met == ("ot_network",)


def test_product_design_needs_own_products(lens: Any, instrument: Any) -> None:
    """Designing dies and fixtures is not product design: 0 and not proposed."""
    given = dict(de_own_design=True, de_tools=["cad_3d", "pdm"], de_drawing_mgmt="plm_linked")
    tooling = estimate(lens, instrument, answers(**given, mi_own_products=False), {})
    assert scenario(tooling, "product_design").level == 0
    assert scenario(tooling, "product_design").excluded
    products = estimate(lens, instrument, answers(**given, mi_own_products=True), {})
    assert scenario(products, "product_design").level == 2


def test_five_g_counts_but_is_never_proposed(lens: Any, instrument: Any) -> None:
    r = estimate(lens, instrument, answers(mi_5g=True, co_network_infra="none",
                                           co_networking_rate=0, sy_integration="isolated"),
                 {})
    assert item(r, "network").points == 2
    without = estimate(lens, instrument, answers(mi_5g=False, co_network_infra="none",
                                                 co_networking_rate=0,
                                                 sy_integration="isolated"), {})
    steps = path_to(without, without.rule(4)).item_steps
    assert all(s.option != "network_5g" for s in steps)
    assert any(s.option == "ot_network" for s in steps)
