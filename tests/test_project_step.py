"""The owner's project as a roadmap step: items tied to measures (chosen or suggested from their
words), what it lacks, the gaps it leaves open, its effect in words (the same lines in the
plan, the command line and the report) and its JSON."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from zhigai.core.advice.advise import advise, to_dict
from zhigai.core.advice.data import default_advice_data
from zhigai.core.advice.models import Measure
from zhigai.core.advice.project_step import (
    ACCOMPANYING,
    keyword_hits,
    project_measures,
    raised_dimensions,
    step_lines,
    suggest,
    suggest_for_item,
    ties,
)
from zhigai.core.advice.roadmap import roadmap
from zhigai.core.assessment.model import load_assessment
from zhigai.core.assessment.plan import ProjectItem, ProjectPlan
from zhigai.core.assessment.scoring import score

REFERENCE = Path(__file__).resolve().parent.parent / "examples" / "reference"


def measure(mid: str, keywords: list[str], category: str = "software",
            industries: list[str] | None = None, name: str = "",
            requires: list[str] | None = None) -> Measure:
    return Measure.model_validate({
        "id": mid, "name": {"zh": name or f"名{mid}", "en": name or f"name {mid}"},
        "description": {"zh": "d", "en": "d"}, "dimension": "systems", "from_level": 1,
        "to_level": 2, "category": category, "cost": {"min": 1, "max": 2},
        "effects": {"zh": "e", "en": "e"}, "keywords": keywords,
        "industries": industries or [], "requires": requires or []})


MES = measure("mes", ["MES", "制造执行"])
REPORTING = measure("reporting", ["报工", "job reporting"])
LOOMS = measure("looms", ["织机联网", "采集器"], "equipment", ["textile"])
COLLECT = measure("collect", ["采集器", "数据采集"], "equipment")
ERP = measure("erp", ["ERP", "金蝶"])


# ---------------------------------------------------------------------------- suggestion

@pytest.mark.parametrize("text, expected", [
    ("轻量 MES 与报工", 2),            # MES and 报工 are both keywords of nothing else here
    ("frames and lames", 0),           # MES only as a whole word
    ("MES系统", 1),                      # a Chinese character ends a Latin word
    ("name mes", 2),                   # the measure's name counts too (case-insensitive)
])
def test_keyword_hits(text: str, expected: int) -> None:
    m = measure("mes", ["MES", "报工"], name="name mes")
    assert keyword_hits(m, text) == expected


def test_a_trade_measure_beats_a_generic_one_with_the_same_words() -> None:
    assert suggest("织机加装采集器", "equipment", [COLLECT, LOOMS]) is LOOMS
    assert suggest_for_item("织机加装采集器", "equipment", [COLLECT, LOOMS]) == [LOOMS]


def test_ties_go_to_the_items_category_then_the_first_listed() -> None:
    a = measure("a", ["看板"], "software")
    b = measure("b", ["看板"], "equipment")
    assert suggest("电子看板", "equipment", [a, b]) is b
    assert suggest("电子看板", "software", [a, b]) is a
    c = measure("c", ["看板"], "software")
    assert suggest_for_item("电子看板", "software", [a, c]) == [a, c]   # equal: both


def test_an_item_naming_systems_carries_each_of_them() -> None:
    found = suggest_for_item("ERP 生产模块与轻量 MES（条码报工）", "software",
                             [REPORTING, MES, ERP])
    assert {m.id for m in found} == {"reporting", "mes", "erp"}
    assert suggest_for_item("电子看板", "software", [MES, ERP]) == []
    assert suggest("电子看板", "software", [MES, ERP]) is None


def test_the_owners_choice_wins_over_the_words() -> None:
    by_id = {m.id: m for m in (MES, ERP)}
    item = ProjectItem(description="轻量 MES", category="software", measure="erp")
    assert ties(item, by_id, [MES, ERP]) == [ERP]
    gone = ProjectItem(description="轻量 MES", category="software", measure="no_longer")
    assert ties(gone, by_id, [MES, ERP]) == [MES]


def test_project_measures_in_item_order() -> None:
    plan = ProjectPlan(measures=["erp"], items=[
        ProjectItem(description="轻量 MES", category="software"),
        ProjectItem(description="织机加装采集器", category="equipment", measure="looms"),
        ProjectItem(description="安装调试", category="engineering"),
        ProjectItem(description="办公家具", category="other"),
    ])
    tied = project_measures(plan, "ignored when there are items", [MES, LOOMS, ERP])
    assert [m.id for m in tied.measures] == ["erp", "mes", "looms"]
    assert tied.suggested == {"mes"}                 # chosen ones are not "suggested"
    assert tied.untied == ["办公家具"]               # installation needs no measure
    assert "engineering" in ACCOMPANYING
    assert tied.items[plan.items[0].id] == ("mes",)
    assert tied.items[plan.items[2].id] == ()


def test_what_the_firm_has_is_only_the_fallback() -> None:
    plan = ProjectPlan(items=[ProjectItem(description="织机加装采集器", category="equipment")])
    tied = project_measures(plan, "", [LOOMS, COLLECT], done={"looms"})
    assert [m.id for m in tied.measures] == ["collect"]
    only_done = project_measures(plan, "", [LOOMS], done={"looms"})
    assert [m.id for m in only_done.measures] == ["looms"]    # the item extends what it has


def test_a_description_alone_names_the_project() -> None:
    tied = project_measures(ProjectPlan(), "上线 MES，接入金蝶 ERP", [MES, LOOMS, ERP])
    assert [m.id for m in tied.measures] == ["mes", "erp"]
    assert tied.suggested == {"mes", "erp"} and tied.untied == []


# ---------------------------------------------------------------------------- the step

def reference(firm: str):
    from zhigai.core.questionnaire.catalog import default_catalog

    assessment = load_assessment(REFERENCE / firm / "assessment.json")
    instrument, _ = default_catalog().instrument_for(assessment)
    return assessment, instrument, score(instrument, assessment.answers, assessment.profile)


def test_a_prerequisite_the_project_lacks_comes_first() -> None:
    assessment, instrument, result = reference("office-ahead-pump-maker")
    road = roadmap(default_advice_data(), instrument, assessment, result, assessment.project)
    own = road.project
    assert own is not None
    assert [m.id for m in own.lacks] == ["shopfloor_network"]
    network = next(s for s in road.steps if s.measure.id == "shopfloor_network")
    assert network.horizon < own.horizon
    lines = [t.get("en") for t in step_lines(own, instrument, {m.id: m for m in road.fitting})]
    assert any("needs 'Shop-floor network coverage' first (planned before the project)" in t
               for t in lines)


def test_nothing_done_or_in_the_project_is_lacking() -> None:
    assessment, instrument, result = reference("mechanized-weaving-mill")
    road = roadmap(default_advice_data(), instrument, assessment, result, assessment.project)
    own = road.project
    assert own is not None and own.lacks == ()       # the owner's network counts as coverage
    assert own.after == ("expert_diagnosis",)
    assert own.horizon == 0
    assert own.cost == D("4400000")


def test_the_weaving_mills_project_in_words() -> None:
    assessment, instrument, result = reference("mechanized-weaving-mill")
    road = roadmap(default_advice_data(), instrument, assessment, result, assessment.project)
    own = road.project
    by_id = {m.id: m for m in road.fitting}
    en = [t.get("en") for t in step_lines(own, instrument, by_id)]
    zh = [t.get("zh") for t in step_lines(own, instrument, by_id)]
    assert en[0] == ("what the project carries out: Automatic drawing-in machine (suggested "
                     "from the description), Loom monitoring and networking (suggested from "
                     "the description), Energy-saving equipment retrofit (suggested from the "
                     "description), Variable-speed compressors and compressor-station control "
                     "(suggested from the description)")
    assert en[1] == ("after the project: Equipment & automation 1.8 → about 2.0, Production & "
                     "quality 0.8 → about 1.2, Connectivity & data 0.6 → about 1.3, Energy & "
                     "green production 0.8 → about 1.2; stage by index 1 → 1, stage by the "
                     "gates 1 → 1")
    assert zh[1].startswith("项目完成后：装备与自动化 1.8 → 约 2.0，")
    assert zh[1].endswith("；按综合指数的阶段 1 → 1，按门槛维度的阶段 1 → 1")
    assert en[2] == ("'Expert diagnosis by an engineering-service company' comes first; its "
                     "findings confirm the project's plan")
    assert en[3] == ("priority gaps the project does not cover: Operations management systems, "
                     "Supply chain, sales & service, Workforce & skills (see the other measures "
                     "of the roadmap)")
    assert zh[3].startswith("项目没有覆盖的优先差距：经营管理系统、")
    assert len(en) == 4
    assert [d for d, _a, _b in own.raised()] == ["equipment", "production", "connectivity",
                                                  "energy"]
    assert set(own.open_gaps) == {"systems", "supply_chain", "workforce"}
    priorities = {g.dimension: g.priority for g in result.gaps}
    assert all(priorities[d] > 0 for d in own.open_gaps)


def test_raised_means_at_least_a_twentieth_of_a_level() -> None:
    assessment, instrument, result = reference("mechanized-weaving-mill")
    same = raised_dimensions(result, result)
    assert same == []
    road = roadmap(default_advice_data(), instrument, assessment, result, assessment.project)
    for dim, now, then in road.project.raised():
        assert then >= now + 0.05
        assert result.dimension(dim).level == now


def test_no_measure_tied_yet_and_an_item_nothing_fits() -> None:
    assessment, instrument, result = reference("mechanized-weaving-mill")
    plan = ProjectPlan(items=[ProjectItem(description="食堂改造", category="building",
                                          unit_price="100000")])
    road = roadmap(default_advice_data(), instrument, assessment, result, plan)
    own = road.project
    lines = [t.get("en") for t in step_lines(own, instrument, {m.id: m for m in road.fitting})]
    assert lines[0] == ("no measure is tied to the project yet: choose one for each item in "
                        "the project list")
    assert lines[1].startswith("after the project: no dimension changes noticeably; ")
    assert lines[-1] == "items no measure fits: 食堂改造"
    assert own.untied == ("食堂改造",)


def test_the_project_in_the_json() -> None:
    assessment, instrument, result = reference("office-ahead-pump-maker")
    advice = advise(default_advice_data(), instrument, assessment, result, assessment.project,
                    "en")
    out = to_dict(advice, instrument, "en")["project"]
    assert out["measures"] == [m.id for m in advice.roadmap.project.measures]
    assert out["lacks"] == ["shopfloor_network"] and out["horizon_index"] == 1
    assert out["cost"] == "6800000.00"
    assert out["stage_by_index"] == [1, 1] and out["stage_by_gates"] == [1, 1]
    assert out["raised"][0] == {"dimension": "equipment",
                                "now": round(result.dimension("equipment").level, 2),
                                "after": out["raised"][0]["after"]}
    assert out["raised"][0]["after"] > out["raised"][0]["now"]
    assert out["lines"] == [t.get("en") for t in step_lines(
        advice.roadmap.project, instrument, {m.id: m for m in advice.roadmap.fitting})]
    assert set(out["suggested"]) <= set(out["measures"]) and out["untied"] == []
    assert out["open_gaps"] == list(advice.roadmap.project.open_gaps)
    assert out["name"].startswith("两个机器人上下料数控车削单元")


def test_no_project_no_step() -> None:
    assessment, instrument, result = reference("tiny-workshop")
    assert roadmap(default_advice_data(), instrument, assessment, result, None).project is None


def test_the_same_lines_in_chinese() -> None:
    expected = {
        "mechanized-weaving-mill": [
            "项目内容对应的措施：自动穿经机（按描述推荐）、织机联网监控与效率管理（按描述推荐）、"
            "节能设备改造（按描述推荐）、空压站变频与群控节能（按描述推荐）",
            "项目完成后：装备与自动化 1.8 → 约 2.0，生产与质量 0.8 → 约 1.2，互联与数据 0.6 → "
            "约 1.3，能源与绿色生产 0.8 → 约 1.2；按综合指数的阶段 1 → 1，按门槛维度的阶段 1 → 1",
            "先做“专家上门诊断”，用诊断结论确认项目方案",
            "项目没有覆盖的优先差距：经营管理系统、供应链、销售与服务、人才与技能（见路线图中的其他措施）"],
        "office-ahead-pump-maker": [
            "项目内容对应的措施：数控化改造（按描述推荐）、泵体阀体数控联网加工单元（按描述推荐）、"
            "MES 制造执行系统（按描述推荐）、生产报工电子化（按描述推荐）、自动压力试验与数据记录"
            "（按描述推荐）",
            "项目完成后：装备与自动化 1.2 → 约 1.4，生产与质量 0.9 → 约 1.1，经营管理系统 2.4 → "
            "约 2.8；按综合指数的阶段 1 → 1，按门槛维度的阶段 1 → 1",
            "“泵体阀体数控联网加工单元”需要先具备“车间网络覆盖”（已排在项目之前）",
            "项目没有覆盖的优先差距：互联与数据、供应链、销售与服务、研发与设计（见路线图中的其他措施）"],
    }
    for firm, lines in expected.items():
        assessment, instrument, result = reference(firm)
        road = roadmap(default_advice_data(), instrument, assessment, result, assessment.project)
        got = [t.zh for t in step_lines(road.project, instrument,
                                        {m.id: m for m in road.fitting})]
        assert got == lines, firm


def test_a_chosen_measure_is_not_called_suggested() -> None:
    assessment, instrument, result = reference("mechanized-weaving-mill")
    plan = assessment.project.model_copy(deep=True)
    plan.items[0].measure = "tx_auto_drawing_in"
    road = roadmap(default_advice_data(), instrument, assessment, result, plan)
    first = step_lines(road.project, instrument, {m.id: m for m in road.fitting})[0]
    assert first.zh.startswith("项目内容对应的措施：自动穿经机、"
                               "织机联网监控与效率管理（按描述推荐）")
    assert first.en.startswith("what the project carries out: Automatic drawing-in machine, ")
    lines = step_lines(
        roadmap(default_advice_data(), instrument, assessment, result,
                ProjectPlan(items=[ProjectItem(description="食堂改造", category="building")])
                ).project, instrument, {})
    assert lines[0].zh == "项目内容还没有对应到任何措施：请在项目清单中为每一项选择措施"
    assert lines[-1].zh == "没有对应措施的项目内容：食堂改造"


def test_a_stage_not_yet_determined_is_said_so() -> None:
    """The weaving mill with production left unanswered: the gates' stage waits, before and
    after the project (which does not answer every production question)."""
    assessment, instrument, _ = reference("mechanized-weaving-mill")
    for q in instrument.by_dimension["production"]:
        assessment.answers.pop(q.id, None)
    result = score(instrument, assessment.answers, assessment.profile)
    assert result.stage_weakest_link is None and result.stage_by_index is not None
    road = roadmap(default_advice_data(), instrument, assessment, result, assessment.project)
    assert road.project.after_score.stage_weakest_link is None
    line = step_lines(road.project, instrument, {m.id: m for m in road.fitting})[1]
    after = road.project.after_score.stage_by_index
    assert line.en.endswith(f"; stage by index {result.stage_by_index} → {after}, stage by "
                            "the gates not determined → not determined")
    assert line.zh.endswith(f"；按综合指数的阶段 {result.stage_by_index} → {after}，"
                            "按门槛维度的阶段 未定 → 未定")


def test_network_and_data_collection_items_count_as_digital_spend() -> None:
    """Hangzhou pays up to 40% of software, cloud and the data-collection equipment: the
    gateways and routers (tied to connectivity measures) count, other equipment does not."""
    assessment, instrument, result = reference("hangzhou-brake-parts")
    data = default_advice_data()
    advice = advise(data, instrument, assessment, result, assessment.project, "en")
    assert advice.facts["digital_cost"] == D("850000.00")    # 45+7 software, 18+7 network, 15
    pilot = next(m for m in advice.supports if m.policy.id == "hz_sme_digital_pilot_subsidy")
    # a near miss until the MIIT estimate reaches 二级 (no amount promised meanwhile); the
    # amount it would pay is 40% of the digital spend
    from zhigai.core.advice.supports import estimate

    assert pilot.status == "near_miss" and pilot.estimate_high is None
    assert estimate(pilot.policy, advice.facts)[:2] == (D("0.00"), D("340000.00"))
    plan = assessment.project.model_copy(deep=True)
    plan.items.append(ProjectItem(description="叉车", category="equipment",
                                  unit_price="200000"))
    more = advise(data, instrument, assessment, result, plan, "en")
    assert more.facts["digital_cost"] == D("850000.00")       # a forklift is not digital
    assert more.facts["equipment_cost"] == advice.facts["equipment_cost"] + D("200000")


def test_a_backing_support_adds_its_reason_to_the_option() -> None:
    assessment, instrument, result = reference("hangzhou-brake-parts")
    advice = advise(default_advice_data(), instrument, assessment, result, assessment.project,
                    "en")
    guarantee = next(o for o in advice.options if o.option.id == "guarantee_loan")
    assert "backed by a public support: Government-backed financing guarantees" in \
        [r.get("en") for r in guarantee.reasons_for]
    plain = advise(default_advice_data(), instrument, assessment, result, assessment.project,
                   "en", [])
    alone = next(o for o in plain.options if o.option.id == "guarantee_loan")
    assert alone.score < guarantee.score
    assert not any("public support" in r.get("en") for r in alone.reasons_for)
