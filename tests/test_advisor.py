"""The Advisor: roadmap order, policy matching with reasons and near misses, estimates within
caps, explained financing ranking, and the advice data checks."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhigai.core.advice.advise import advise, to_dict
from zhigai.core.advice.data import default_advice_data, full_instrument, load_advice_data
from zhigai.core.advice.models import Policy
from zhigai.core.advice.roadmap import roadmap
from zhigai.core.advice.supports import estimate
from zhigai.core.assessment.model import Answer
from zhigai.core.assessment.plan import ProjectEffects, ProjectFinance, ProjectItem, ProjectPlan
from zhigai.core.assessment.scoring import score
from zhigai.core.base.diagnostics import DataFileError

from advice_helpers import example


@pytest.fixture(scope="module")
def data():
    return default_advice_data()


def test_library_is_complete(data) -> None:
    measures = data.measures.measures
    assert len(measures) >= 30
    needed = {"cnc_retrofit", "robot_cell", "agv_handling", "equipment_data_collection", "mes",
              "erp_system", "plm", "wms", "ai_visual_inspection", "predictive_maintenance",
              "energy_management_system", "cyber_security_baseline", "digital_skills_training",
              "expert_diagnosis"}
    assert needed <= {m.id for m in measures}
    steps = {(m.dimension, level) for m in measures
             for level in range(m.from_level, m.to_level)}
    dims = {m.dimension for m in measures}
    assert len(dims) == 10
    assert all((d, lv) in steps for d in dims for lv in range(4)), "a step has no measure"
    for m in measures:
        assert m.cost.max >= m.cost.min >= 0


@pytest.mark.parametrize("name", ["textile-early", "auto-parts-midway", "equipment-advanced"])
def test_roadmap_respects_prerequisites(name: str, root: Path, catalog, data) -> None:
    assessment, instrument, result = example(name, root, catalog)
    plan = roadmap(data, instrument, assessment, result)
    where = {s.measure.id: s.horizon for s in plan.steps}
    done = set(plan.already_done)
    assert plan.steps
    for step in plan.steps:
        for req in step.measure.requires:
            assert req in done or (req in where and where[req] < step.horizon), \
                f"{step.measure.id} in horizon {step.horizon} before its prerequisite {req}"
        assert step.reasons
    assert not (set(where) & done)


def test_predictive_maintenance_waits_for_data(root: Path, catalog, data) -> None:
    """A firm with excellent maintenance practice but nothing networked: predictive
    maintenance only after equipment data collection."""
    assessment, instrument, _ = example("equipment-advanced", root, catalog)
    assessment.answers["co_networking_rate"] = Answer(value=0)
    assessment.answers["co_data_collected"] = Answer(value=["none"])
    assessment.answers["eq_maintenance"] = Answer(value="online_alerts")
    result = score(instrument, assessment.answers, assessment.profile)
    plan = roadmap(data, instrument, assessment, result)
    where = {s.measure.id: s.horizon for s in plan.steps}
    if "predictive_maintenance" in where:
        assert "equipment_data_collection" in where
        assert where["equipment_data_collection"] < where["predictive_maintenance"]


def test_early_textile_mill_gets_textile_measures(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("textile-early", root, catalog)
    plan = roadmap(data, instrument, assessment, result)
    ids = [s.measure.id for s in plan.steps]
    # the looms the owner plans (the profile's description) are the project, not a step
    assert plan.project is not None and "tx_shuttleless_looms" in plan.project.measure_ids
    assert "tx_shuttleless_looms" not in ids
    assert ids[0] == "expert_diagnosis"                 # a low-stage firm starts with advice
    assert "robot_cell" not in ids                      # not weaving work
    assert "tx_auto_doffing_link_winding" not in ids    # it answered n/a to spinning
    first = [s.measure.id for s in plan.horizon(0)]
    assert len(first) <= 5


def test_supports_reasons_near_misses_and_estimates(root: Path, catalog, data) -> None:
    """The paper's catalogue for an assessment made while it was in force (2017)."""
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    assessment.profile[instrument.field_for_role("assessment_date").id] = "2017-05-01"
    advice = advise(data, instrument, assessment, result, assessment.project, "en",
                    ["zhejiang-2013-2018"])
    by_id = {m.policy.id: m for m in advice.supports}
    robot = by_id["zj_robot_subsidy"]
    assert robot.status == "eligible"
    assert robot.met == ("the project buys 6 industrial robots",)
    # 6 robots x 180,000 yuan = 1,080,000; 10%-20%
    assert (robot.estimate_low, robot.estimate_high) == (D("108000.00"), D("216000.00"))
    assert advice.subsidies == D("108000.00")            # the low end is counted
    assert by_id["zj_land_independent_reform"].status == "eligible"
    # the same project on new land: a near miss that says what would make it eligible
    land = instrument.profile_fields["project_on_existing_land"].id
    assessment.profile[land] = False
    advice = advise(data, instrument, assessment, result, assessment.project, "en",
                    ["zhejiang-2013-2018"])
    by_id = {m.policy.id: m for m in advice.supports}
    near = by_id["zj_land_independent_reform"]
    assert near.status == "near_miss"
    assert near.unmet == ("eligible if the project is on existing land",)
    assert by_id["zj_land_quota"].status == "eligible"


def test_catalogues_show_source_date_and_verify(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("equipment-advanced", root, catalog)
    advice = advise(data, instrument, assessment, result, assessment.project, "en")
    ids = [c.id for c in advice.catalogues]
    assert ids == ["national-2024-2026", "zhejiang-2022-2026", "hangzhou-2024-2026"]
    assert advice.by_region and all(c.verify for c in advice.catalogues)
    out = to_dict(advice, instrument, "en")
    assert [c["id"] for c in out["catalogues"]] == ids
    assert all(s["date"] and s["source"] and s["issuer"] and s["period"][0]
               for s in out["supports"])


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9), st.floats(0, 1), st.floats(0, 1),
       st.none() | st.floats(0, 10000))
def test_subsidies_never_exceed_their_cap(base: int, a: float, b: float,
                                         cap: float | None) -> None:
    low_rate, high_rate = sorted((a, b))
    policy = Policy.model_validate({
        "id": "p", "name": "p", "issuer": "i", "period": {"from": "2020-01-01"}, "source": "s",
        "date": "2020-01-01",
        "gives": {"type": "rate", "rate_min": low_rate, "rate_max": high_rate,
                  "base": "robot_cost", "cap": cap, "text": "t"}})
    low, high, capped = estimate(policy, {"robot_cost": D(base)})
    if base == 0:
        assert low is None and high is None
        return
    assert low is not None and high is not None and low <= high
    uncapped = (D(base) * D(repr(high_rate))).quantize(D("0.01"), rounding="ROUND_HALF_UP")
    if cap is not None:
        ceiling = D(repr(cap)) * 10000
        assert high <= ceiling and low <= ceiling
        assert capped == (uncapped > ceiling.quantize(D("0.01"), rounding="ROUND_DOWN"))
    else:
        assert high == uncapped and not capped
    assert high <= D(base)


def firm(root: Path, catalog):
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    rating = instrument.field_for_role("credit_rating").id
    land = instrument.field_for_role("owns_land").id
    assessment.profile[rating] = "unknown"
    assessment.profile[land] = False
    return assessment, instrument, result


def plan_of(categories: list[tuple[str, int]], engineering_company: bool) -> ProjectPlan:
    return ProjectPlan(
        items=[ProjectItem(description=c, category=c, unit_price=str(price))
               for c, price in categories],
        effects=ProjectEffects(positions=8, cost_per_worker="90000", extra_output="3000000",
                               margin_rate="0.2"),
        finance=ProjectFinance(own_funds="200000", engineering_company=engineering_company))


def test_ranking_follows_the_decisive_factor(root: Path, catalog, data) -> None:
    """Short of cash and collateral: standard machines point to an equipment lease; the same
    budget as a turnkey line delivered by an engineering-service company points to financing
    engineering."""
    assessment, instrument, result = firm(root, catalog)
    machines = advise(data, instrument, assessment, result,
                      plan_of([("equipment", 1500000), ("robot", 900000)], False), "en")
    engineered = advise(data, instrument, assessment, result,
                        plan_of([("engineering", 1800000), ("software", 600000)], True), "en")
    assert machines.options[0].option.id == "equipment_lease"
    assert engineered.options[0].option.id == "financing_engineering"
    lease = machines.options[0]
    assert any("standard machines" in r.get("en") for r in lease.reasons_for)


def test_bank_tests_are_flagged(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("textile-early", root, catalog)
    advice = advise(data, instrument, assessment, result, assessment.project, "en")
    loan = next(o for o in advice.options if o.option.id == "bank_loan")
    assert loan.plan.min_dscr == D("1.10") and not loan.acceptable
    assert "lowest DSCR 1.10 (at least 1.2 wanted)" in [f.get("en") for f in loan.flags]
    # 3.24 M of own money at the largest share the bank lends (70%), 3.0 M available
    assert ("own funds of 3,240,000 yuan needed, 3,000,000 yuan available: add 240,000 yuan "
            "of equity") in [n.get("en") for n in loan.structure.needs]
    # financing capital: 8.64 M (80%) at 5% over 8 years would need 43% of the 3.12 M benefit,
    # and at that rent the lowest DSCR falls below 1.2; financing 75% (8.1 M) needs
    # 8.1 M / 6.4632 = 1,253,249 a year = 40.2%, so 41%, and passes
    capital = next(o for o in advice.options if o.option.id == "financing_capital")
    assert capital.acceptable and capital.structure.terms.profit_share == D("0.41")
    assert capital.plan.financed == D("8100000.00")
    assert [p.get("en") for p in capital.structure.proposed] == [
        "a 41% profit share (default 40%) repays within 8 years",
        "75% financed (default 80%): 8,100,000 yuan financed, 2,700,000 yuan own money"]
    # failing structures come after passing ones; the recommendation passes
    passing = [o.acceptable for o in advice.options]
    assert passing == sorted(passing, reverse=True)
    assert advice.recommended is advice.options[0] and advice.recommended.acceptable


def test_existing_debt_lowers_dscr(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    plan = assessment.project.model_copy(deep=True)
    plan.finance.existing_debt_service = "0"
    plan.bank.no_loans = True                  # stated: no loans, so no estimate either
    light = advise(data, instrument, assessment, result, plan, "en")
    assert light.project is not None and light.project.existing_debt_service == 0
    assert not light.project.debt_estimated
    heavy = advise(data, instrument, assessment, result, assessment.project, "en")
    loan = {o.option.id: o for o in light.options}["bank_loan"]
    loaded = {o.option.id: o for o in heavy.options}["bank_loan"]
    assert loaded.plan.min_dscr < loan.plan.min_dscr


def test_advice_json_is_complete(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    advice = advise(data, instrument, assessment, result, assessment.project, "zh")
    out = json.loads(json.dumps(to_dict(advice, instrument, "zh"), ensure_ascii=False))
    assert out["catalogues"][0]["id"] == "national-2024-2026"
    assert out["policy_date"] == "2026-11-18"
    assert out["appraisal"]["net_investment"] == "3660000.00"   # no rate subsidy in force
    assert out["recommended"] == advice.recommended.option.id
    assert out["financing"][0]["schedule"]


def test_no_project_yet(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    cost = instrument.profile_fields["project_cost"].id
    assessment.profile.pop(cost, None)
    advice = advise(data, instrument, assessment, result, None, "en")
    assert advice.appraisal is None and advice.options == ()
    assert advice.roadmap.steps


# ---------------------------------------------------------------------------- data checks

def broken_copy(tmp_path: Path, root: Path, edit) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(root / "templates", folder, ignore=shutil.ignore_patterns("fonts"))
    edit(folder)
    return folder


@pytest.mark.parametrize("file, old, new, message", [
    ("measures/measures-1.1.yaml",
     "requires: [equipment_data_collection, maintenance_records_cmms]",
     "requires: [equipment_data_colection, maintenance_records_cmms]",
     "'equipment_data_colection' is not a measure; did you mean 'equipment_data_collection'?"),
    ("measures/measures-1.1.yaml", "requires: [cad_2d]\n", "requires: [cad_3d_simulation]\n",
     "prerequisites go round in a circle"),
    ("policies/zhejiang-2013-2018.yaml", 'when: "project.robot_count >= 1"',
     'when: "project.robots >= 1"', "project.robots is not a project fact"),
    ("policies/zhejiang-2013-2018.yaml", "{project.robot_count} 台", "{project.robots} 台",
     "{project.robots} is not a project fact"),
    ("policies/zhejiang-2013-2018.yaml", "enables: [guarantee_loan]", "enables: [guaranty]",
     "'guaranty' is not a financing option"),
])
def test_broken_advice_data_is_reported(tmp_path: Path, root: Path, catalog, file: str,
                                        old: str, new: str, message: str) -> None:
    def edit(folder: Path) -> None:
        path = folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    folder = broken_copy(tmp_path, root, edit)
    with pytest.raises(DataFileError) as info:
        load_advice_data(folder, full_instrument(catalog, "zhigai-readiness"))
    lines = [p.format() for p in info.value.problems]
    assert any(message in line and f"{folder / file}:" in line for line in lines), lines


def test_module_questions_need_the_industry(tmp_path: Path, root: Path, catalog) -> None:
    def edit(folder: Path) -> None:
        path = folder / "measures" / "textile-1.0.yaml"
        text = path.read_text(encoding="utf-8")
        start = text.index("  - id: tx_shuttleless_looms")
        block_end = text.index("\n  - id:", start + 10)
        block = text[start:block_end]
        lines = [ln for ln in block.splitlines() if not ln.strip().startswith("industries:")]
        path.write_text(text[:start] + "\n".join(lines) + text[block_end:], encoding="utf-8")
        base = folder / "measures" / "measures-1.1.yaml"
        text = base.read_text(encoding="utf-8")
        base.write_text(text.replace('done_if: "eq_cnc_rate >= 50"',
                                     "done_if: \"selected(tx_looms, 'networked')\"", 1),
                        encoding="utf-8")

    folder = broken_copy(tmp_path, root, edit)
    with pytest.raises(DataFileError) as info:
        load_advice_data(folder, full_instrument(catalog, "zhigai-readiness"))
    lines = [p.format() for p in info.value.problems]
    assert any("textile-1.0.yaml" in line and "must be limited to its industries" in line
               for line in lines), lines
    assert any("measures-1.1.yaml" in line and "belongs to the textile module" in line
               for line in lines), lines


def test_a_trade_measure_is_never_offered_to_another_trade(root: Path, catalog, data) -> None:
    from zhigai.core.advice.models import fits_industry

    looms = data.measure("tx_shuttleless_looms")
    robots = data.measure("robot_cell")
    assert fits_industry(looms, "textile") and not fits_industry(looms, "wood")
    assert not fits_industry(looms, None)              # industry unknown: generic only
    assert not fits_industry(robots, "textile") and fits_industry(robots, "machinery")
    assert fits_industry(robots, None)


def test_capacity_and_buildings_point_to_a_project_loan(root: Path, catalog, data) -> None:
    """Land, a building, training and services are 60% of the budget: the profit-share
    project loan says it suits credit for the whole project; machines alone do not."""
    assessment, instrument, result = firm(root, catalog)
    mixed = advise(data, instrument, assessment, result, plan_of(
        [("land", 300000), ("building", 600000), ("training", 150000), ("service", 150000),
         ("equipment", 800000)], False), "en")
    capital = next(o for o in mixed.options if o.option.id == "financing_capital")
    assert "the project includes capacity, buildings or R&D: suits credit for the whole " \
           "project" in [r.get("en") for r in capital.reasons_for]
    assert "项目包含厂房、研发等产能建设，适合整体授信" in [
        r.get("zh") for r in capital.reasons_for]
    machines = advise(data, instrument, assessment, result,
                      plan_of([("equipment", 1500000), ("robot", 900000)], False), "en")
    capital = next(o for o in machines.options if o.option.id == "financing_capital")
    assert not any("capacity" in r.get("en") for r in capital.reasons_for)
    # each of the other capacity categories counts too
    for other in ("land", "training", "service", "other"):
        one = advise(data, instrument, assessment, result, plan_of(
            [(other, 900000), ("equipment", 1100000)], False), "en")
        capital = next(o for o in one.options if o.option.id == "financing_capital")
        assert any("capacity" in r.get("en") for r in capital.reasons_for), other


def test_terms_typed_by_the_user_replace_the_defaults() -> None:
    from zhigai.core.advice.data import default_advice_data
    from zhigai.core.advice.financing import category_share, terms_for

    options = {o.id: o for o in default_advice_data().options.options}
    loan = terms_for(options["guarantee_loan"], {"rate": "0.041", "years": "4",
                                                  "financed_share": "0.6",
                                                  "fee_rate": "0.015"}, (D("0.01"), 2))
    assert (loan.rate, loan.years, loan.financed_share, loan.fee_rate) == (
        D("0.041"), 4, D("0.6"), D("0.015"))
    assert (loan.subsidy_points, loan.subsidy_years, loan.repayment) == (D("0.01"), 2,
                                                                         "annuity")
    lease = terms_for(options["equipment_lease"], {"profit_share": "0.55", "rate": ""}, None)
    assert lease.profit_share == D("0.55") and lease.rate == D("0.06")     # blank: default
    assert lease.subsidy_points == 0 and lease.subsidy_years == 0        # no subsidy on leases
    micro = terms_for(options["microfinance"], {"max_amount": "50"}, (D("0.01"), 2))
    assert micro.max_amount == D("500000.00") and micro.subsidy_points == 0
    assert terms_for(options["microfinance"], {}, None).max_amount == D("1000000.00")
    assert terms_for(options["bank_loan"], {}, None).max_amount is None
    assert category_share(ProjectPlan(), ("robot",)) == 0
