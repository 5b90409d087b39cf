"""The stage rules of questionnaire 1.1: gates along the paper's path, follow-ups that refine
their parent instead of counting twice, dimensions not assessed, and a gate stage stated only
once it is known."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from zhigai.core.assessment import verdict
from zhigai.core.assessment.model import Answer, load_assessment
from zhigai.core.assessment.scoring import gates_of, score
from zhigai.core.base.datafile import DataFileError
from zhigai.core.questionnaire.catalog import Catalog, default_catalog
from zhigai.core.questionnaire.conditions import syntax
from zhigai.core.questionnaire.instrument import Instrument
from zhigai.core.questionnaire.loader import load_questionnaire_file

QUESTIONNAIRE = "zhigai-readiness-1.1.yaml"


def instrument(industry: str | None = None) -> Instrument:
    return default_catalog().instrument("zhigai-readiness", "1.1.0", industry)


def best_answers(inst: Instrument, level: int) -> dict[str, Answer]:
    """Every scored question answered with an option, value or yes/no at ``level`` when one
    exists (else the nearest below); de_own_design yes."""
    from zhigai.core.questionnaire.instrument import answer_level

    from test_properties import candidates

    out: dict[str, Answer] = {"de_own_design": Answer(value=True)} \
        if "de_own_design" in inst.by_id else {}
    for q in inst.questions:
        if not inst.scored(q):
            continue
        options = [(answer_level(q, v), v) for v in candidates(q)]
        fitting = [(lv, v) for lv, v in options if lv is not None and lv <= level]
        if fitting:
            out[q.id] = Answer(value=max(fitting, key=lambda x: x[0])[1])
    return out


# ---------------------------------------------------------------------------- the data

def test_gates_follow_the_papers_path() -> None:
    inst = instrument()
    assert gates_of(inst, 1) == ("equipment", "production")
    assert set(gates_of(inst, 2)) == {"equipment", "production", "systems", "design"}
    assert set(gates_of(inst, 3)) == set(gates_of(inst, 2)) | {"connectivity", "supply_chain"}
    assert set(gates_of(inst, 4)) == {d.id for d in inst.dimensions if d.core}


def newest_docs() -> list[Any]:
    catalog = default_catalog()
    docs = [catalog.get(qid) for qid in catalog.ids()]
    for qid in catalog.ids():
        docs += catalog.modules_for(qid, catalog.versions(qid)[-1])
    return docs


@pytest.mark.parametrize("doc", newest_docs(), ids=lambda d: f"{d.model.id}-{d.model.version}")
def test_every_if_skipped_says_why(doc: Any) -> None:
    for q in doc.model.questions:
        if q.if_skipped is not None:
            assert q.skip_reason is not None and q.skip_reason.zh and q.skip_reason.en, q.id


@pytest.mark.parametrize("doc", newest_docs(), ids=lambda d: f"{d.model.id}-{d.model.version}")
def test_no_follow_up_counts_what_its_parent_already_scores(doc: Any) -> None:
    """A question shown by an earlier scored answer of its own dimension is a follow-up: it
    refines that parent (at most one level up) and never scores when hidden."""
    catalog = default_catalog()
    base = catalog.get("zhigai-readiness").model
    every = {q.id: q for q in base.questions}
    for m in catalog.modules_for("zhigai-readiness", base.version):
        every.update({q.id: q for q in m.model.questions})
    for q in doc.model.questions:
        if not q.show_if:
            continue
        parents = [every[r.name] for r in syntax.references(syntax.parse(q.show_if))
                   if r.scope == "question" and r.name in every]
        scoring_parents = [p for p in parents if p.dimension == q.dimension and p.scored
                           and p.type != "text"]
        if scoring_parents:
            assert q.refines in {p.id for p in scoring_parents}, q.id
            assert not isinstance(q.if_skipped, int), q.id


def _broken(tmp_path: Path, root: Path, old: str, new: str) -> list[str]:
    text = (root / "questionnaires" / QUESTIONNAIRE).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / QUESTIONNAIRE
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_questionnaire_file(path)
    return [p.format() for p in info.value.problems]


@pytest.mark.parametrize(("old", "new", "message"), [
    ("gates: [equipment, production]\n", "gates: [equipment, prodution]\n",
     "'prodution' is not a dimension; did you mean 'production'?"),
    ("gates: [equipment, production, systems, design]\n",
     "gates: [equipment, systems, design]\n",
     "stage 2 drops production, which gate stage 1"),
    ("gates: [equipment, production]\n", "gates: [equipment, production, strategy]\n",
     "'strategy' gates a stage but is not a core dimension"),
    ("  - level: 0\n", "  - level: 0\n    gates: [equipment]\n", "stage 0 is where every firm"),
    ("refines: eq_robot_count\n", "refines: eq_cnc_rate\n", "show_if must refer to 'eq_cnc_rate'"),
    ("refines: sy_mes\n", "refines: eq_robot_count\n", "a follow-up refines a question of its "
                                                       "own dimension"),
    ("refines: eq_robot_count\n    if_skipped: na\n",
     "refines: eq_robot_count\n    if_skipped: 0\n",
     "would count the fact 'eq_robot_count' already scores a second time"),
    ("refines: eq_robot_count\n", "refines: eq_robot_cout\n", "did you mean 'eq_robot_count'?"),
])
def test_broken_rules_are_refused_with_their_place(tmp_path: Path, root: Path, old: str,
                                                   new: str, message: str) -> None:
    problems = _broken(tmp_path, root, old, new)
    assert any(message in p and QUESTIONNAIRE in p for p in problems), problems


def test_a_core_dimension_that_gates_nothing_is_refused(tmp_path: Path, root: Path) -> None:
    text = (root / "questionnaires" / QUESTIONNAIRE).read_text(encoding="utf-8")
    for line in ("  - level: 3\n    gates: [equipment, production, systems, design, "
                 "connectivity, supply_chain]\n",
                 "  - level: 4\n    gates: [equipment, production, systems, design, "
                 "connectivity, supply_chain]\n"):
        assert line in text
        text = text.replace(line, line.replace(", supply_chain]", "]"))
    (tmp_path / QUESTIONNAIRE).write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_questionnaire_file(tmp_path / QUESTIONNAIRE)
    assert any("core dimension 'supply_chain' gates no stage" in p.format()
               for p in info.value.problems)


# ---------------------------------------------------------------------------- follow-ups

def test_no_robots_is_counted_once() -> None:
    inst = instrument()
    answers = best_answers(inst, 2)
    answers["eq_robot_count"] = Answer(value=0)
    answers["eq_robot_vision"] = Answer(value=True)   # stored, but hidden: no robots
    result = score(inst, answers, {})
    vision = result.questions["eq_robot_vision"]
    assert vision.state == "skipped" and not vision.counted
    counted = [q for q in inst.by_dimension["equipment"] if result.questions[q.id].counted]
    level = sum((result.questions[q.id].level or 0) * q.weight for q in counted) / sum(
        q.weight for q in counted)
    assert result.dimension("equipment").level == pytest.approx(level)
    assert "eq_robot_vision" not in [q.id for q in counted]


@pytest.mark.parametrize(("robots", "vision", "counted_level"),
                         [(1, True, 2), (1, False, 1), (3, True, 3), (30, False, 4),
                          (30, True, 4)])
def test_a_follow_up_raises_its_parent_by_one_level_at_most(robots: int, vision: bool,
                                                            counted_level: int) -> None:
    inst = instrument()
    answers = best_answers(inst, 2)
    answers["eq_robot_count"] = Answer(value=robots)
    answers["eq_robot_vision"] = Answer(value=vision)
    result = score(inst, answers, {})
    parent = result.questions["eq_robot_count"]
    assert parent.level == counted_level and parent.counted
    assert parent.raised_by == ("eq_robot_vision" if counted_level > {1: 1, 3: 2, 30: 4}[robots]
                                else None)
    assert not result.questions["eq_robot_vision"].counted


# ---------------------------------------------------------------------------- not assessed

def test_a_contract_shop_without_own_design_is_not_assessed_on_design() -> None:
    inst = instrument()
    answers = best_answers(inst, 2)
    with_design = score(inst, answers, {})
    answers["de_own_design"] = Answer(value=False)
    answers["de_tools"] = Answer(value=["none"])     # stored before; hidden now
    result = score(inst, answers, {})
    design = result.dimension("design")
    assert not design.assessed and design.level is None and design.applicable == 0
    assert result.not_assessed == ("design",)
    assert result.complete
    assert "design" not in result.limiting and "design" not in [g.dimension for g in result.gaps]
    others = [d for d in result.dimensions if d.id != "design"]
    weights = sum(d.weight for d in others)
    assert result.index == pytest.approx(25 * sum(d.weight * (d.level or 0) for d in others)
                                         / weights)
    assert with_design.dimension("design").assessed
    text = verdict.dimension_now(design, result, inst, answers, "en")
    assert text.startswith("Not assessed: 0 of 6 questions apply")
    assert "R&D & design: fewer than half of the questions apply" in "\n".join(
        verdict.rule_lines(result, inst, "en"))


@pytest.mark.parametrize(("na_count", "assessed"), [(3, True), (4, False)])
def test_fewer_than_half_applicable_is_not_assessed(na_count: int, assessed: bool) -> None:
    inst = instrument()
    answers = best_answers(inst, 2)
    allowing = [q.id for q in inst.by_dimension["design"] if q.allow_na]
    for qid in allowing[:na_count]:
        answers[qid] = Answer(na=True)
    design = score(inst, answers, {}).dimension("design")
    assert design.total == 6
    assert design.assessed is assessed
    assert (design.level is not None) is assessed


# ---------------------------------------------------------------------------- unfinished

def test_gate_stage_waits_for_unanswered_gate_dimensions() -> None:
    inst = instrument()
    full = best_answers(inst, 2)
    part = {k: v for k, v in full.items()
            if inst.by_id[k].dimension in ("strategy", "equipment", "production")}
    result = score(inst, part, {})
    assert result.stage_weakest_link is None
    assert result.weakest_at_least == 1
    assert set(result.weakest_pending) == {"systems", "design"}
    assert result.stage_by_index == 2 and not result.complete
    assert verdict.headline(result, inst, "en").startswith(
        "Provisional: your factory is at least at stage 1 (Mechanized & automated); answer "
        "the questions on ")
    # one unanswered question in a gate dimension is enough to wait
    almost = dict(full)
    del almost["sy_planning"]
    held = score(inst, almost, {})
    assert held.stage_weakest_link is None and held.weakest_pending == ("systems",)
    assert score(inst, full, {}).stage_weakest_link == 2


def test_a_known_failing_gate_settles_the_stage_before_the_rest_is_answered() -> None:
    inst = instrument()
    low = best_answers(inst, 0)
    part = {k: v for k, v in low.items() if inst.by_id[k].dimension == "equipment"}
    result = score(inst, part, {})
    assert result.stage_weakest_link == 0 and result.limiting == ("equipment",)
    assert verdict.headline(result, inst, "zh").startswith(
        "暂定：您的工厂处于第 0 阶段（手工为主）")


def test_no_financing_is_recommended_for_an_unfinished_assessment_or_no_benefit(
        root: Path) -> None:
    from zhigai.core.advice.advise import advise, to_dict
    from zhigai.core.advice.data import default_advice_data

    assessment = load_assessment(root / "examples" / "textile-early.json")
    inst, _ = default_catalog().instrument_for(assessment)
    data = default_advice_data()
    complete = score(inst, assessment.answers, assessment.profile)
    assert advise(data, inst, assessment, complete, assessment.project).recommended is not None
    unfinished = dict(assessment.answers)
    del unfinished["sy_erp"]
    result = score(inst, unfinished, assessment.profile)
    advice = advise(data, inst, assessment, result, assessment.project, "en")
    assert advice.recommended is None and advice.options
    assert "unfinished (1 required questions unanswered)" in advice.withheld[0].en
    assert to_dict(advice, inst, "en")["recommended"] is None
    plan = assessment.project
    assert plan is not None
    no_benefit = plan.model_copy(deep=True)
    no_benefit.effects = type(plan.effects)()
    advice = advise(data, inst, assessment, complete, no_benefit, "en")
    assert advice.recommended is None
    assert "No expected benefit" in advice.withheld[0].en


def test_questionnaire_1_0_keeps_its_own_rules(root: Path) -> None:
    """Old assessments are scored as they were: every core dimension gates every stage and a
    hidden follow-up scores its if_skipped."""
    catalog = Catalog.load([root / "questionnaires"])
    old = catalog.instrument("zhigai-readiness", "1.0.0")
    assert gates_of(old, 1) == gates_of(old, 4) == tuple(d.id for d in old.dimensions if d.core)
    answers = best_answers(old, 2)
    answers["eq_robot_count"] = Answer(value=0)
    result = score(old, answers, {})
    assert result.questions["eq_robot_vision"].counted
    assert result.questions["eq_robot_vision"].level == 0


# ---------------------------------------------------------------------------- edges and gaps

def test_the_80_percent_line() -> None:
    from zhigai.core.assessment.scoring import reached_stage

    assert reached_stage(1.8, 0.8) == 2 and reached_stage(1.79, 0.8) == 1
    assert reached_stage(0.8, 0.8) == 1 and reached_stage(0.79, 0.8) == 0
    assert reached_stage(3.8, 0.8) == 4 and reached_stage(4.0, 0.8) == 4


@pytest.mark.parametrize(("level", "stage"), [(4, 4), (0, 0)])
def test_a_firm_at_one_level_everywhere(level: int, stage: int) -> None:
    inst = instrument()
    result = score(inst, best_answers(inst, level), {})
    assert result.complete and result.questionnaire == "zhigai-readiness"
    assert result.version == "1.1.0"
    assert result.index == pytest.approx(25.0 * level)
    assert result.stage_by_index == stage and result.stage_weakest_link == stage
    assert result.weakest_at_least == stage and result.weakest_pending == ()
    assert result.target == min(4, stage + 1)
    if stage == 4:
        assert result.limiting == () and result.priorities == ()
        assert verdict.headline(result, inst, "en") == (
            "Your factory is at stage 4 (Intelligent): every gate dimension has reached it.")
    else:
        assert result.limiting == ("equipment", "production")
        assert all(g.size == pytest.approx(1.0) for g in result.gaps)


def test_counts_of_a_dimension() -> None:
    inst = instrument()
    answers = best_answers(inst, 2)
    answers["de_prototype"] = Answer(na=True)
    del answers["de_cam"]
    answers["de_drawing_mgmt"] = Answer(value="central")
    answers["de_field_feedback"] = Answer(value=True)
    result = score(inst, answers, {})
    design = result.dimension("design")
    # de_own_design, tools, drawings, feedback, customer collab, parts coding answered; cam
    # missing; prototype n/a
    assert (design.answered, design.na, design.shown) == (6, 1, 8)
    assert design.counted == 4 and design.missing == ("de_cam",)
    assert (design.applicable, design.total) == (5, 6)
    drawings = result.questions["de_drawing_mgmt"]
    assert (drawings.level, drawings.raised_by, drawings.state, drawings.dimension) == (
        3, "de_field_feedback", "answered", "design")
    assert result.questions["st_notes"].state == "optional"
    assert result.questions["de_cam"].state == "missing"


def test_gaps_follow_the_documented_formula(root: Path) -> None:
    """Each gap's size and priority recomputed from docs/scoring.md for reference firms."""
    from test_reference_firms import load

    for firm in ("mechanized-weaving-mill", "contract-machinist", "office-ahead-pump-maker",
                 "diecast-auto-parts", "wood-flooring-mill", "advanced-electrical"):
        assessment, inst, result, _ = load(firm)
        target = min(4, max(result.stage_by_index or 0, result.stage_weakest_link or 0) + 1)
        assert result.target == target
        assessed = [d for d in result.dimensions if d.level is not None]
        mean_weight = sum(d.weight for d in assessed) / len(assessed)
        pains = set(assessment.profile.get("pain_points") or [])
        for gap in result.gaps:
            d = result.dimension(gap.dimension)
            definition = inst.dimension_by_id[d.id]
            matched = len(set(definition.addresses) & pains)
            limiting = d.id in result.limiting
            factors = ((d.weight / mean_weight) * (1 + 0.5 * min(2, matched))
                       * inst.emphasis.get(d.id, 1.0) * (1.25 if limiting else 1.0))
            size = max(0.0, target - (d.level or 0.0))
            assert gap.limiting is limiting, (firm, d.id)
            assert (gap.level, gap.stage, gap.target) == (pytest.approx(d.level), d.stage,
                                                           target)
            assert gap.next_level == (None if d.stage == 4 else (d.stage or 0) + 1)
            assert gap.size == pytest.approx(size, abs=1e-6)
            assert gap.priority == pytest.approx(size * factors, abs=1e-5), (firm, d.id)
            assert gap.weight_factor == pytest.approx(d.weight / mean_weight, abs=1e-6)
            aim = max(target, gap.next_level or 4)
            weights = [inst.by_id[s.question].weight * (aim - s.level) for s in gap.holding_back]
            assert all(s.level < aim for s in gap.holding_back)
            assert weights == sorted(weights, reverse=True)
            if firm == "wood-flooring-mill" and d.id == "equipment":
                assert matched == 3 and gap.pain_factor == 2.0   # two pain points count at most
        ranked = [g.priority for g in result.gaps]
        assert ranked == sorted(ranked, reverse=True)


def test_questionnaire_1_0_aims_one_above_the_index(root: Path) -> None:
    catalog = Catalog.load([root / "questionnaires"])
    old = catalog.instrument("zhigai-readiness", "1.0.0")
    answers = {k: v for k, v in best_answers(old, 2).items()
               if old.by_id[k].dimension not in ("strategy", "workforce", "security", "energy")}
    answers.update({k: v for k, v in best_answers(old, 0).items()
                    if old.by_id[k].dimension in ("strategy", "workforce", "security", "energy")})
    result = score(old, answers, {})
    assert result.stage_weakest_link == 2 and result.stage_by_index == 1
    assert result.target == 2      # 1.0: one above the index, not above the gates
    new = instrument()
    answers["de_own_design"] = Answer(value=True)
    assert score(new, answers, {}).target == 3
