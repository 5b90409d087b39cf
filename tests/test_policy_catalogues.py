"""Policy catalogues: every entry sourced and dated, catalogues chosen by the firm's region,
entries judged on the assessment's date (expired ones never eligible, never counted),
eligibility rules (land-independent reform, near misses that serve the firm's own gaps) and
financing options that are market products under any catalogue."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from zhigai.core.advice.advise import advise, to_dict
from zhigai.core.advice.catalogues import applies, place, select
from zhigai.core.advice.data import default_advice_data, full_instrument, load_advice_data
from zhigai.core.advice.supports import STATUSES
from zhigai.core.assessment.plan import ProjectItem, ProjectPlan
from zhigai.core.base.diagnostics import DataFileError

from advice_helpers import example

HISTORICAL = ["zhejiang-2013-2018"]


@pytest.fixture(scope="module")
def data():
    return default_advice_data()


def dated(assessment, instrument, day: str):
    assessment.profile[instrument.field_for_role("assessment_date").id] = day
    return assessment


def by_id(advice):
    return {m.policy.id: m for m in advice.supports}


# ---------------------------------------------------------------------------- the data

def test_every_entry_names_issuer_period_source_and_date(data) -> None:
    assert {"national-2024-2026", "zhejiang-2022-2026", "zhejiang-2013-2018"} <= \
        set(data.catalogues)
    for cat in data.catalogues.values():
        assert cat.source.date and cat.source.basis.zh and cat.source.basis.en, cat.id
        for p in cat.policies:
            for text in (p.name, p.issuer, p.source, p.gives.text):
                assert (text.zh or "").strip() and (text.en or "").strip(), (cat.id, p.id)
            assert p.period.start and p.date, (cat.id, p.id)
            # an entry cannot start before its catalogue or end after it
            assert p.period.start <= (cat.period.end or "9999"), (cat.id, p.id)


def test_only_the_paper_catalogue_is_historical(data) -> None:
    historical = {c.id for c in data.catalogues.values() if c.historical}
    assert historical == {"zhejiang-2013-2018"}
    for cat in data.catalogues.values():
        # a catalogue still chosen by region is current, or holds yearly rounds (a county's
        # scheme) whose lapsed round is shown so the firm asks for the next one
        if not cat.historical:
            assert cat.period.end is None or cat.period.end >= "2026-01-01" or \
                all(p.recurring for p in cat.policies), cat.id


@pytest.mark.parametrize("line, field", [
    ('    date: "2018-07-01"\n', "date"), ("    issuer: {zh: 浙江省政府", "issuer"),
    ("    source: {zh: 论文第 3.1 节", "source"),
    ('    period: {from: "2013-01-01", to: "2018-12-31"}\n    source', "period")])
def test_an_entry_without_issuer_period_source_or_date_is_refused(
        tmp_path: Path, root: Path, catalog, line: str, field: str) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(root / "templates", folder, ignore=shutil.ignore_patterns("fonts"))
    path = folder / "policies" / "zhejiang-2013-2018.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(line)
    end = text.index("\n", start + 1) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_advice_data(folder, full_instrument(catalog, "zhigai-readiness"))
    problems = [p.format() for p in info.value.problems]
    assert any(str(path) in p and field in p and "required" in p.lower()
               for p in problems), problems


# ---------------------------------------------------------------------------- the region

def test_place_names_match_with_or_without_suffix() -> None:
    assert place("浙江省") == place("浙江") == "浙江"
    assert place(" 杭州市 ") == place("杭州") == "杭州"
    assert place("天台县") == "天台"
    assert place(None) == ""


@pytest.mark.parametrize("province, city, county, expected", [
    ("浙江省", "杭州市", "萧山区", ["national-2024-2026", "zhejiang-2022-2026",
                                "hangzhou-2024-2026"]),
    ("浙江", "嘉兴", "秀洲区", ["national-2024-2026", "zhejiang-2022-2026"]),
    ("", "杭州市", "", ["national-2024-2026", "hangzhou-2024-2026"]),
    ("江苏省", "苏州市", "", ["national-2024-2026"]),
    ("浙江省", "台州市", "天台县", ["national-2024-2026", "zhejiang-2022-2026",
                                "tiantai-2024"]),
    ("浙江省", "台州市", "玉环市", ["national-2024-2026", "zhejiang-2022-2026"]),
])
def test_the_region_chooses_the_catalogues(root: Path, catalog, data, province: str,
                                           city: str, county: str,
                                           expected: list[str]) -> None:
    assessment, instrument, _ = example("auto-parts-midway", root, catalog)
    for role, value in (("province", province), ("city", city), ("county", county)):
        assessment.profile[instrument.field_for_role(role).id] = value
    chosen = select(data.catalogues, instrument, assessment, None)
    assert [c.id for c in chosen.catalogues] == expected and chosen.by_region


def test_a_city_catalogue_needs_its_province_when_both_are_given(data) -> None:
    hangzhou = data.catalogues["hangzhou-2024-2026"]
    assert applies(hangzhou, "浙江", "杭州", "")
    assert not applies(hangzhou, "江苏", "杭州", "")
    assert not applies(hangzhou, "浙江", "宁波", "")


def test_the_users_choice_wins_and_a_missing_one_is_named(root: Path, catalog, data) -> None:
    assessment, instrument, _ = example("auto-parts-midway", root, catalog)
    chosen = select(data.catalogues, instrument, assessment, HISTORICAL)
    assert [c.id for c in chosen.catalogues] == HISTORICAL and not chosen.by_region
    gone = select(data.catalogues, instrument, assessment, ["national-generic"])
    assert gone.by_region and gone.unknown == ("national-generic",)
    assert "national-2024-2026" in {c.id for c in gone.catalogues}
    none = select(data.catalogues, instrument, assessment, [])
    assert none.catalogues == () and not none.by_region


# ---------------------------------------------------------------------------- the date

def test_expired_entries_are_never_eligible_nor_counted(root: Path, catalog, data) -> None:
    """The paper's robot subsidy for 6 robots: eligible in 2017, expired in 2026."""
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    then = advise(data, instrument, dated(assessment, instrument, "2017-05-01"), result,
                  assessment.project, "en", HISTORICAL)
    robot = by_id(then)["zj_robot_subsidy"]
    assert robot.status == "eligible"
    assert (robot.estimate_low, robot.estimate_high) == (D("108000.00"), D("216000.00"))
    assert then.subsidies == D("108000.00") and then.without_current() == ()
    now = advise(data, instrument, dated(assessment, instrument, "2026-11-18"), result,
                 assessment.project, "en", HISTORICAL)
    assert {m.status for m in now.supports} == {"expired"}
    assert all(m.estimate_high is None for m in now.supports)
    assert now.subsidies == 0 and now.subsidies_high == 0
    assert [c.id for c in now.without_current()] == HISTORICAL
    assert now.appraisal is not None and now.appraisal.subsidies == 0
    out = to_dict(now, instrument, "en")
    assert {s["status"] for s in out["supports"]} == {"expired"}
    assert out["subsidies_counted"] == "0" and out["catalogues"][0]["current_entries"] == 0


def test_an_entry_ends_on_its_last_day(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    last = advise(data, instrument, dated(assessment, instrument, "2018-12-31"), result,
                  assessment.project, "en", HISTORICAL)
    after = advise(data, instrument, dated(assessment, instrument, "2019-01-01"), result,
                   assessment.project, "en", HISTORICAL)
    before = advise(data, instrument, dated(assessment, instrument, "2012-12-31"), result,
                    assessment.project, "en", HISTORICAL)
    assert by_id(last)["zj_robot_subsidy"].status == "eligible"
    assert by_id(after)["zj_robot_subsidy"].status == "expired"
    assert by_id(before)["zj_robot_subsidy"].status == "expired"


def test_statuses_are_listed_in_order(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    advice = advise(data, instrument, assessment, result, assessment.project, "en",
                    ["national-2024-2026", "zhejiang-2022-2026", "zhejiang-2013-2018"])
    order = [STATUSES.index(m.status) for m in advice.supports]
    assert order == sorted(order)
    assert {"eligible", "expired", "not_eligible"} <= {m.status for m in advice.supports}
    assert advice.supports[-1].status == "expired"


# ---------------------------------------------------------------------------- eligibility

def land_case(root: Path, catalog, owns: bool, items: list[tuple[str, str]]):
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    dated(assessment, instrument, "2017-05-01")
    assessment.profile[instrument.field_for_role("owns_land").id] = owns
    plan = ProjectPlan(items=[ProjectItem(description=d, category=c, unit_price="300000")
                              for c, d in items])
    return assessment, instrument, result, plan


@pytest.mark.parametrize("owns, items, status", [
    (True, [("equipment", "CNC lathe")], "eligible"),
    (False, [("equipment", "CNC lathe"), ("equipment", "CNC mill")], "not_eligible"),
    (True, [("software", "MES")], "not_eligible"),      # nothing to file: no fixed assets
])
def test_land_independent_reform_needs_own_land_and_a_filed_project(
        root: Path, catalog, data, owns: bool, items: list[tuple[str, str]],
        status: str) -> None:
    assessment, instrument, result, plan = land_case(root, catalog, owns, items)
    advice = advise(data, instrument, assessment, result, plan, "en", HISTORICAL)
    assert by_id(advice)["zj_land_independent_reform"].status == status


def test_new_land_is_the_one_realistic_change(root: Path, catalog, data) -> None:
    assessment, instrument, result, plan = land_case(root, catalog, True,
                                                     [("equipment", "CNC lathe")])
    assessment.profile[instrument.profile_fields["project_on_existing_land"].id] = False
    advice = advise(data, instrument, assessment, result, plan, "en", HISTORICAL)
    assert by_id(advice)["zj_land_independent_reform"].status == "near_miss"


def test_no_robot_nudge_where_robots_do_not_serve_the_firm(root: Path, catalog,
                                                           data) -> None:
    """Without robots in the project, the robot subsidy is a near miss only for a firm whose
    roadmap proposes robots."""
    for name in ("textile-early", "auto-parts-midway"):
        assessment, instrument, result = example(name, root, catalog)
        dated(assessment, instrument, "2017-05-01")
        plan = ProjectPlan(items=[ProjectItem(description="Cloud ERP", category="software",
                                              unit_price="300000")])
        advice = advise(data, instrument, assessment, result, plan, "en", HISTORICAL)
        robot = by_id(advice)["zj_robot_subsidy"]
        planned = {s.measure.id for s in advice.roadmap.steps}
        via = set(next(r for r in robot.policy.requirements if r.via).via)
        assert robot.status == ("near_miss" if planned & via else "not_eligible"), name
        if name == "textile-early":
            assert not planned & via and robot.status == "not_eligible"


# ---------------------------------------------------------------------------- financing

@pytest.mark.parametrize("catalogues", [None, [], HISTORICAL, ["national-2024-2026"]])
def test_financing_options_are_market_products(root: Path, catalog, data,
                                               catalogues: list[str] | None) -> None:
    assessment, instrument, result = example("textile-early", root, catalog)
    advice = advise(data, instrument, assessment, result, assessment.project, "en",
                    catalogues)
    offered = {o.option.id for o in advice.options}
    finances_all = {o.id for o in data.options.options if o.finances == "all"}
    assert finances_all <= offered
    assert {"equipment_lease", "financing_capital"} <= offered


def test_a_support_adds_an_interest_subsidy_to_the_loan(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("equipment-advanced", root, catalog)
    national = advise(data, instrument, assessment, result, assessment.project, "en",
                      ["national-2024-2026"])
    assert by_id(national)["cn_equipment_loan_interest_subsidy"].status == "eligible"
    loan = next(o for o in national.options if o.option.id == "bank_loan")
    assert loan.plan is not None and loan.plan.rows[0].subsidy > 0
    assert loan.plan.rows[2].subsidy == 0                              # 2 years only
    none = advise(data, instrument, assessment, result, assessment.project, "en", [])
    plain = next(o for o in none.options if o.option.id == "bank_loan")
    assert all(r.subsidy == 0 for r in plain.plan.rows)
    assert {o.option.id for o in none.options} == {o.option.id for o in national.options}


def test_expired_and_government_entries_keep_their_catalogue_and_language(
        root: Path, catalog, data) -> None:
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    advice = advise(data, instrument, assessment, result, assessment.project, "zh",
                    ["zhejiang-2013-2018"])
    cat = data.catalogues["zhejiang-2013-2018"]
    for m in advice.supports:
        assert m.catalogue is cat and m.lang == "zh" and not m.capped
        assert m.met == () and m.unmet == ()
    government = next(p for p in cat.policies if p.audience == "government")
    dated(assessment, instrument, "2017-05-01")
    then = advise(data, instrument, assessment, result, assessment.project, "zh",
                  ["zhejiang-2013-2018"])
    info = by_id(then)[government.id]
    assert info.status == "information" and info.catalogue is cat and info.lang == "zh"
    assert info.met == () and info.unmet == () and info.estimate_high is None


def test_what_the_firm_must_confirm_comes_in_its_language(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("equipment-advanced", root, catalog)
    advice = advise(data, instrument, assessment, result, assessment.project, "zh",
                    ["hangzhou-2024-2026"])
    pilot = by_id(advice)["hz_sme_digital_pilot_subsidy"]
    policy = data.catalogues["hangzhou-2024-2026"].policies[0]
    assert pilot.confirm == tuple(t.zh for t in policy.confirm) and pilot.confirm


def test_every_entry_is_listed_once_in_its_order(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("auto-parts-midway", root, catalog)
    dated(assessment, instrument, "2017-05-01")
    chosen = ["zhejiang-2013-2018", "national-2024-2026"]
    advice = advise(data, instrument, assessment, result, assessment.project, "en", chosen)
    policies = [p.id for c in chosen for p in data.catalogues[c].policies]
    assert sorted(m.policy.id for m in advice.supports) == sorted(policies)
    eligible = [m.estimate_high or 0 for m in advice.supports if m.eligible]
    assert eligible == sorted(eligible, reverse=True) and eligible[0] > 0
    status = by_id(advice)
    # an entry of the paper's catalogue starts on its first day; national ones had not begun
    assert status["cn_equipment_loan_interest_subsidy"].status == "expired"
    first = advise(data, instrument, dated(assessment, instrument, "2013-01-01"), result,
                   assessment.project, "en", ["zhejiang-2013-2018"])
    assert by_id(first)["zj_robot_subsidy"].status == "eligible"


def test_information_without_requirements_and_with_them(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("equipment-advanced", root, catalog)
    advice = advise(data, instrument, assessment, result, assessment.project, "en",
                    ["national-2024-2026"])
    status = by_id(advice)
    assert status["cn_miit_digital_level_rating"].status == "information"
    assert status["cn_equipment_tax_deduction"].status == "eligible"   # its requirement holds
    assert status["cn_equipment_tax_deduction"].estimate_high is None   # nothing to estimate


def test_the_day_policies_are_judged_on(root: Path, catalog) -> None:
    import datetime as dt

    from zhigai.core.advice.catalogues import on_date

    assessment, instrument, _ = example("auto-parts-midway", root, catalog)
    field = instrument.field_for_role("assessment_date").id
    assert on_date(instrument, assessment) == dt.date(2026, 11, 18)
    assessment.profile.pop(field)
    assessment.created_at = "2025-03-04T10:00:00+00:00"
    assert on_date(instrument, assessment) == dt.date(2025, 3, 4)
    assessment.profile[field] = "not a date"
    assert on_date(instrument, assessment) == dt.date(2025, 3, 4)
    assessment.created_at = "garbage"
    assert on_date(instrument, assessment, today=dt.date(2030, 1, 2)) == dt.date(2030, 1, 2)


def test_english_place_names_match_in_any_case() -> None:
    assert place("Zhejiang Province") == place("zhejiang") == "zhejiang"
    assert place("HANGZHOU") == "hangzhou"


@pytest.mark.parametrize("gives, facts, expected", [
    ({"type": "amount", "amount": 50, "text": "t"}, {}, (D("500000.00"), D("500000.00"), False)),
    ({"type": "amount", "amount": 50, "cap": 30, "text": "t"}, {},
     (D("300000.00"), D("300000.00"), True)),
    ({"type": "amount", "text": "t"}, {}, (None, None, False)),
    ({"type": "rate", "rate_min": 0.1, "rate_max": 0.2, "text": "t"}, {"robot_cost": D(100)},
     (None, None, False)),                                    # a rate without its base
    ({"type": "rate", "rate_min": 0.1, "rate_max": 0.2, "base": "robot_cost", "text": "t"},
     {"robot_cost": D(0)}, (None, None, False)),
    ({"type": "service", "amount": 50, "text": "t"}, {}, (None, None, False)),
])
def test_estimates_by_kind(gives: dict, facts: dict, expected: tuple) -> None:
    from zhigai.core.advice.models import Policy
    from zhigai.core.advice.supports import estimate

    policy = Policy.model_validate({"id": "p", "name": "p", "issuer": "i", "source": "s",
                                    "date": "2024-01-01", "period": {"from": "2024-01-01"},
                                    "gives": gives})
    assert estimate(policy, facts) == expected


def test_each_match_names_its_catalogue_and_language(root: Path, catalog, data) -> None:
    assessment, instrument, result = example("equipment-advanced", root, catalog)
    advice = advise(data, instrument, assessment, result, assessment.project, "en")
    assert {m.status for m in advice.supports} >= {"eligible", "not_eligible"}
    owner = {p.id: c for c in advice.catalogues for p in c.policies}
    for m in advice.supports:
        assert m.catalogue is owner[m.policy.id] and m.lang == "en"
        if not m.eligible:
            assert not m.capped and m.estimate_low is None and m.estimate_high is None
