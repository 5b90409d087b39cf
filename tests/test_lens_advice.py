"""The official level in the advice: the estimate after the project, the measures that make a
step of the path, supports paid only above a level (the Hangzhou pilot at 二级), the Zhejiang
thresholds, and the evidence checklist of an expert verification."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from zhigai.core.advice.advise import advise
from zhigai.core.advice.data import default_advice_data, load_advice_data
from zhigai.core.assessment.lens_evidence import completeness, evidence_key
from zhigai.core.assessment.model import Answer, load_assessment
from zhigai.core.assessment.scoring import score
from zhigai.core.base.diagnostics import DataFileError
from zhigai.core.base.resources import templates_dir

BRAKES = Path("examples/reference/hangzhou-brake-parts/assessment.json")


def advice_for(assessment: Any, catalog: Any) -> Any:
    instrument, _ = catalog.instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    return advise(default_advice_data(), instrument, assessment, result, assessment.project)


def strong(assessment: Any, instrument: Any) -> Any:
    """Every single-choice question the lens reads at its highest option, every yes/no yes,
    every multi-choice with all but 'none': a firm far above 二级."""
    from zhigai.core.assessment.lens_data import default_lens

    answers = dict(assessment.answers)
    for qid in default_lens().questions():
        q = instrument.by_id.get(qid)
        if q is None:
            continue
        if q.type == "single":
            answers[qid] = Answer(value=q.options[-1].id)
        elif q.type == "yesno":
            answers[qid] = Answer(value=True)
        elif q.type == "multi":
            answers[qid] = Answer(value=[o.id for o in q.options if not o.exclusive])
        elif qid in ("mi_devices_total",):
            answers[qid] = Answer(value=10)
        elif q.type in ("number", "percent") and qid != "sy_cost_close_days":
            answers[qid] = Answer(value=q.max if q.max is not None and q.max <= 100 else 10)
    answers["sy_cost_close_days"] = Answer(value=1)
    return assessment.model_copy(update={"answers": answers})


def hangzhou(advice: Any) -> Any:
    return next(m for m in advice.supports if m.policy.id == "hz_sme_digital_pilot_subsidy")


def test_the_hangzhou_pilot_waits_for_level_two(root: Path, catalog: Any) -> None:
    """The brake-parts maker fits the pilot's sector and spends on software, but its estimate
    after the project is below 二级: a near miss, with the level before and after, and a
    milestone; a firm far above 二级 is eligible and its milestone is reached."""
    assessment = load_assessment(root / BRAKES)
    advice = advice_for(assessment, catalog)
    official = advice.official
    assert official is not None and official.level_after < 2
    match = hangzhou(advice)
    assert match.status == "near_miss"
    assert any("二级" in reason and "参考值" in reason for reason in match.unmet)
    gate = next(g for g in advice.gates if g.policy.id == "hz_sme_digital_pilot_subsidy")
    assert gate.level == 2 and not gate.reached and gate.before == official.today.level

    instrument, _ = catalog.instrument_for(assessment)
    high = strong(assessment, instrument)
    advice = advice_for(high, catalog)
    assert advice.official is not None and advice.official.today.level >= 2
    assert hangzhou(advice).status == "eligible"
    assert any("二级" in reason for reason in hangzhou(advice).met)
    assert all(g.reached for g in advice.gates)


def test_a_level_gate_must_name_an_installed_lens(tmp_path: Path, catalog: Any) -> None:
    import shutil

    from zhigai.core.advice.data import full_instrument

    target = tmp_path / "templates"
    shutil.copytree(templates_dir(), target)
    path = target / "policies" / "hangzhou-2024-2026.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "level_gate: {lens: miit-2024, level: 2}", "level_gate: {lens: miit-2022, level: 2}"),
        encoding="utf-8")
    with pytest.raises(DataFileError, match="'miit-2022' is not an installed lens"):
        load_advice_data(target, full_instrument(catalog, "zhigai-readiness"))


def test_the_project_raises_the_estimate_it_brings(root: Path, catalog: Any) -> None:
    """The estimate after the project applies what its measures bring: never lower, and
    higher for the brake-parts maker, whose MES project digitises production control."""
    assessment = load_assessment(root / BRAKES)
    official = advice_for(assessment, catalog).official
    assert official is not None and official.after is not None
    assert official.after.score >= official.today.score
    for before, after in zip(official.today.scenarios, official.after.scenarios, strict=True):
        assert after.level >= before.level
    assert sum(s.level for s in official.after.scenarios) > \
        sum(s.level for s in official.today.scenarios)


def test_each_measure_named_on_the_path_makes_its_step(root: Path, catalog: Any) -> None:
    from zhigai.core.advice.projection import projected_answers
    from zhigai.core.assessment.lens import estimate

    assessment = load_assessment(root / "examples/reference/tiny-workshop/assessment.json")
    instrument, _ = catalog.instrument_for(assessment)
    official = advice_for(assessment, catalog).official
    assert official is not None and official.path is not None
    assert official.after is None                 # no project, no estimate after it
    named, exact = 0, 0
    for step in official.path.scenario_steps:
        for measure in official.measures_for(f"scenario:{step.result.scenario.id}"):
            named += 1
            after = estimate(official.today.loaded, instrument,
                             projected_answers(instrument, assessment, [measure]),
                             assessment.profile)
            level = next(s.level for s in after.scenarios
                         if s.scenario.id == step.result.scenario.id)
            assert level >= step.target, (measure.id, step.result.scenario.id)
            exact += level == step.target
            assert measure.from_level <= 1   # nothing far above a tiny workshop
    assert named >= 3 and exact >= 1


def test_a_small_project_is_not_pointed_at_a_digital_workshop(root: Path,
                                                              catalog: Any) -> None:
    """Zhejiang's provincial digital workshop needs 15-20 million yuan of software and
    hardware: a 5 million yuan project never gets it as eligible or a near miss."""
    for name in ("midway-packaging-machinery", "half-finished", "tiantai-rubber-belts"):
        assessment = load_assessment(root / f"examples/reference/{name}/assessment.json")
        advice = advice_for(assessment, catalog)
        assert advice.facts["total_investment"] < 10_000_000
        match = next(m for m in advice.supports if m.policy.id == "zj_digital_workshop")
        assert match.status == "not_eligible", name


def test_buildings_do_not_count_towards_the_workshop_threshold(root: Path,
                                                               catalog: Any) -> None:
    from zhigai.core.assessment.plan import ProjectItem

    assessment = load_assessment(root / "examples/reference/diecast-auto-parts/assessment.json")
    plan = assessment.project
    assert plan is not None
    hall = ProjectItem(id="hall", description="新厂房", category="building", quantity="1",
                       unit_price="10000000")
    bigger = assessment.model_copy(update={"project": plan.model_copy(
        update={"items": [*plan.items, hall]})})
    before = advice_for(assessment, catalog)
    after = advice_for(bigger, catalog)
    assert after.facts["total_investment"] == before.facts["total_investment"] + 10_000_000
    assert after.facts["hardware_software_investment"] == \
        before.facts["hardware_software_investment"]


def test_ticking_materials_is_audited_and_counted(tmp_path: Path, catalog: Any) -> None:
    from zhigai.core.assessment.model import Assessor
    from zhigai.core.report.fingerprint import fingerprint
    from zhigai.core.session.session import Session
    from zhigai.core.store.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'z.db'}")
    from zhigai.core.base.identity import Editor

    session = Session.create(store, catalog, "zhigai-readiness", editor=Editor("王工", "lt-7"))
    session.start_verification(Assessor(name="王工"))
    from zhigai.core.assessment.lens_data import default_lens

    lens = default_lens().lens
    key = evidence_key(lens, "network")
    before = {c.part: (c.seen, c.total) for c in completeness(lens, session.assessment)}
    assert before["foundation"][0] == 0 and before["foundation"][1] > 0
    print_before = fingerprint(session.assessment, {}, "", None).code
    session.set_checked(key, "topology", True)
    session.set_checked(key, "topology", True)          # twice: once
    assert session.evidence(key).checked == ["topology"]
    assert [e.field for e in session.history(key)] == [f"checked.{key}"]
    assert (session.history(key)[0].who, session.history(key)[0].machine) == ("王工", "lt-7")
    now = {c.part: (c.seen, c.total) for c in completeness(lens, session.assessment)}
    assert now["foundation"] == (1, before["foundation"][1])
    assert fingerprint(session.assessment, {}, "", None).code != print_before
    reopened = Session.open(store, catalog, session.id)
    assert reopened.evidence(key).checked == ["topology"]
    reopened.set_checked(key, "topology", False)
    assert reopened.evidence(key).checked == []
    assert key not in reopened.assessment.evidence      # nothing left: removed


def test_score_lens_json_on_the_command_line(root: Path, capsys: Any) -> None:
    from zhigai.cli.main import main

    assert main(["score", str(root / BRAKES), "--lens", "miit-2024", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["lens"]["id"] == "miit-2024" and "参考值" in out["lens"]["label"]
    assert {p["id"] for p in out["parts"]} == {"foundation", "management", "outcomes"}
    assert len(out["scenarios"]) == 16 and out["next"]["level"] == out["level"] + 1
    assert out["gates"][0]["policy"] == "hz_sme_digital_pilot_subsidy"
    assert main(["score", str(root / BRAKES), "--lens", "miit-2024", "--lang", "zh"]) == 0
    text = capsys.readouterr().out
    assert "预估等级" in text and "参考值，以官方平台或现场评定为准" in text
    assert "到下一级的最短路径" in text and "里程碑" in text
