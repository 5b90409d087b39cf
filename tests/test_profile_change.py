"""Safe editing in the core (issue 16): what a profile change would hide is known before it is
saved, a change of industry keeps every answer, and the new-assessment draft file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from zhigai.core.assessment.model import load_assessment
from zhigai.core.questionnaire.values import ValueProblem
from zhigai.core.session.draft import DRAFT_FILE, NewDraft, delete_draft, load_draft, save_draft
from zhigai.core.session.session import Session
from zhigai.core.store.store import Store

TEXTILE_SHOWN = ["tx_looms", "tx_spinning", "tx_colour_dispensing", "tx_fabric_inspection",
                 "tx_water_steam"]


@pytest.fixture
def textile(tmp_path: Path, root: Path, catalog: Any) -> Any:
    store = Store.open(f"sqlite:///{tmp_path / 'z.sqlite3'}")
    session = Session.import_assessment(
        store, catalog, load_assessment(root / "examples" / "textile-early.json"))
    yield session
    store.close()


def test_a_new_industry_names_the_module_and_the_answers_kept(textile: Any) -> None:
    before = dict(textile.assessment.answers)
    change = textile.profile_change("industry", "pump_valve")
    assert [m.id for m in change.removed_modules] == ["textile"]
    assert [m.id for m in change.added_modules] == ["pump-valve"]
    assert list(change.hidden) == TEXTILE_SHOWN     # the apparel-only ones were not shown
    assert change.kept_answers == 5 and change.hides_anything
    assert (change.old, change.new) == ("textile", "pump_valve")
    # only a question: nothing changed in memory or in the store
    assert textile.assessment.profile["industry"] == "textile"
    assert textile.assessment.answers == before
    assert [m.id for m in textile.instrument.modules] == ["textile"]


def test_changing_the_industry_keeps_the_answers_and_changing_back_shows_them(
        textile: Any) -> None:
    answered = {q: textile.assessment.answers[q].value for q in TEXTILE_SHOWN}
    textile.set_profile("industry", "pump_valve")
    assert [m.id for m in textile.instrument.modules] == ["pump-valve"]
    reopened = Session.open(textile.store, textile.catalog, textile.id)
    assert {q: reopened.assessment.answers[q].value for q in TEXTILE_SHOWN} == answered
    back = reopened.profile_change("industry", "textile")
    # the pump-valve module goes again (still asked: a module is removed), nothing answered
    assert [m.id for m in back.removed_modules] == ["pump-valve"]
    assert back.kept_answers == 0 and back.hides_anything
    reopened.set_profile("industry", "textile")
    assert all(q in reopened.instrument.by_id for q in TEXTILE_SHOWN)
    assert {q: reopened.assessment.answers[q].value for q in TEXTILE_SHOWN} == answered


def test_a_condition_on_the_profile_counts_too(textile: Any) -> None:
    # textile -> apparel keeps the module; its textile-only questions are skipped
    change = textile.profile_change("industry", "apparel")
    assert not change.removed_modules and not change.added_modules
    assert list(change.hidden) == ["tx_looms", "tx_spinning", "tx_colour_dispensing",
                                   "tx_water_steam"]
    assert change.kept_answers == 4 and change.hides_anything
    # fewer than 50 employees skip the cross-team question (answered in the example)
    small = textile.profile_change("employees", "30")
    assert "st_cross_team" in small.hidden and small.kept_answers >= 1


def test_changes_that_hide_nothing(textile: Any) -> None:
    for field, raw in (("company_name", "新名字有限公司"), ("employees", "120"),
                       ("industry", "textile")):
        change = textile.profile_change(field, raw)
        assert not change.hidden and change.kept_answers == 0 and not change.hides_anything
    with pytest.raises(ValueProblem):
        textile.profile_change("employees", "many")


def test_draft_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert load_draft(folder) is None and not delete_draft(folder)
    draft = NewDraft("zhigai-readiness", "1.2.0",
                     {"company_name": "绍兴测试纺织有限公司", "industry": "textile",
                      "pain_points": ["labour"], "owns_land": True, "weird": {"x": 1}})
    path = save_draft(folder, draft)
    assert path == folder / DRAFT_FILE
    loaded = load_draft(folder)
    assert loaded is not None and loaded.questionnaire == "zhigai-readiness"
    assert loaded.values == {"company_name": "绍兴测试纺织有限公司", "industry": "textile",
                             "pain_points": ["labour"], "owns_land": True}
    assert loaded.saved_at
    assert delete_draft(folder) and load_draft(folder) is None


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", '{"questionnaire": 3}',
                                  '{"questionnaire": "q", "version": "1", "values": []}'])
def test_a_broken_draft_is_no_draft(tmp_path: Path, text: str) -> None:
    (tmp_path / DRAFT_FILE).write_text(text, encoding="utf-8")
    assert load_draft(tmp_path) is None
