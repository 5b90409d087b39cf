"""The session: each edit validated, saved at once and rescored; follow-ups keep history."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhigai.core.assessment.summary import label
from zhigai.core.questionnaire.instrument import AnswerProblem
from zhigai.core.questionnaire.values import ValueProblem
from zhigai.core.session.session import Session
from zhigai.core.store.errors import StoreError
from zhigai.core.store.store import Store


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store.open(db_url)
    yield s
    s.close()


def new(store: Store, mini_catalog) -> Session:
    return Session.create(store, mini_catalog, "mini",
                          profile={"name": "杭州测试机械有限公司", "employees": "80"})


def test_create_lists_with_labels(store: Store, mini_catalog) -> None:
    session = new(store, mini_catalog)
    row = store.row(session.id)
    assert row.company_name == "杭州测试机械有限公司" and row.status == "draft"
    assert label(row.summary, "questionnaire", "zh") == "迷你问卷"
    assert row.summary["completeness"] == 0.0


def test_answers_are_saved_and_rescored(store: Store, mini_catalog, tmp_path: Path) -> None:
    session = new(store, mini_catalog)
    result = session.answer("eq_cnc", "95")
    assert result.dimension("equipment").level == 4.0
    assert session.score is result
    reopened = Session.open(Store.open(store.url), mini_catalog, session.id)
    assert reopened.assessment.answers["eq_cnc"].value == 95
    assert reopened.score.dimension("equipment").level == 4.0
    for qid, value in (("eq_robots", "cells"), ("eq_robot_vision", "yes"),
                       ("da_records", ["erp"]), ("da_scrap", "0.5"), ("gr_energy", "no")):
        session.answer(qid, value)
    assert session.status == "complete"
    row = store.row(session.id)
    assert row.status == "complete" and row.summary["stage_index"] == session.score.stage_by_index
    session.clear("gr_energy")
    assert store.row(session.id).status == "draft"


def test_bad_answer_changes_nothing(store: Store, mini_catalog) -> None:
    session = new(store, mini_catalog)
    session.answer("eq_cnc", 50)
    revision = store.row(session.id).revision
    with pytest.raises(AnswerProblem):
        session.answer("eq_cnc", "150")
    with pytest.raises(AnswerProblem):
        session.set_not_applicable("eq_cnc")
    assert session.assessment.answers["eq_cnc"].value == 50
    assert store.row(session.id).revision == revision


def test_the_same_answer_again_is_neither_saved_nor_recorded(store: Store,
                                                             mini_catalog) -> None:
    session = new(store, mini_catalog)
    session.answer("eq_cnc", "50")
    revision, changes = store.row(session.id).revision, len(session.history("eq_cnc"))
    at = session.assessment.answers["eq_cnc"].updated_at
    session.answer("eq_cnc", 50)                # the value it has (typed again, or "50.0")
    session.answer("eq_cnc", "50.0")
    assert store.row(session.id).revision == revision
    assert len(session.history("eq_cnc")) == changes == 1
    assert session.assessment.answers["eq_cnc"].updated_at == at
    session.clear("gr_energy")                  # never answered: clearing changes nothing
    assert store.row(session.id).revision == revision
    session.answer("eq_cnc", "60")               # a real change is recorded
    assert [(e.old, e.new) for e in session.history("eq_cnc")][-1][1] != \
        [(e.old, e.new) for e in session.history("eq_cnc")][-1][0]
    assert store.row(session.id).revision > revision


def test_store_failure_rolls_back_memory(store: Store, mini_catalog,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    session = new(store, mini_catalog)
    session.answer("eq_cnc", 50)

    def disk_full(*args: object, **kwargs: object) -> int:
        raise StoreError("unavailable", "the disk is full")

    monkeypatch.setattr(store, "save_answer", disk_full)
    with pytest.raises(StoreError):
        session.answer("eq_cnc", 90)
    assert session.assessment.answers["eq_cnc"].value == 50
    assert session.score.dimension("equipment").level == 2.0


def test_profile_edits_switch_industry_modules(store: Store, mini_catalog) -> None:
    session = new(store, mini_catalog)
    assert "tx_looms" not in session.instrument.by_id
    session.set_profile("industry", "textile")
    assert "tx_looms" in session.instrument.by_id
    assert [m.id for m in session.assessment.modules] == ["mini-textile"]
    session.answer("tx_looms", "yes")
    session.set_profile("industry", "other")
    assert "tx_looms" not in session.instrument.by_id
    # the module's answer is kept (not lost), only not scored
    reloaded = Store.open(store.url).load(session.id)
    assert reloaded.answers["tx_looms"].value is True
    assert reloaded.modules == []
    with pytest.raises(ValueProblem, match="not a whole number"):
        session.set_profile("employees", "12.5")
    assert store.load(session.id).profile["employees"] == 80


def test_create_names_the_bad_field(store: Store, mini_catalog) -> None:
    with pytest.raises(ValueProblem, match=r"Employees \(employees\): 'many' is not a number"):
        Session.create(store, mini_catalog, "mini", profile={"employees": "many"})
    assert store.count() == 0


def test_follow_up_copies_and_compares(store: Store, mini_catalog) -> None:
    first = new(store, mini_catalog)
    first.answer("eq_cnc", 20)          # level 1
    first.answer("da_records", ["paper"])
    follow = Session.follow_up(store, mini_catalog, first.id)
    assert follow.assessment.previous_id == first.id
    assert follow.assessment.answers["eq_cnc"].value == 20
    assert follow.comparison is not None and follow.comparison.index_delta == 0
    follow.answer("eq_cnc", 95)         # level 4
    change = {d.dimension: d for d in follow.comparison.dimensions}["equipment"]
    assert change.before == 1.0 and change.after == 4.0 and change.delta == 3.0
    assert follow.comparison.index_delta > 0
    assert follow.previous_answer("eq_cnc").value == 20
    assert [r.id for r in store.history(store.row(first.id).firm_key)] == [first.id, follow.id]


def test_a_plan_changed_in_place_is_checked_against_its_limits(store: Store,
                                                               mini_catalog) -> None:
    """A bank file edited attribute by attribute skips pydantic's limits: saving checks them
    again, names the field and keeps what was saved."""
    from zhigai.core.assessment.bank_file import ExistingLoan
    from zhigai.core.assessment.plan import ProjectPlan

    session = new(store, mini_catalog)
    plan = ProjectPlan()
    plan.bank.loans.append(ExistingLoan(lender="ICBC", balance="1000000",
                                        yearly_service="250000"))
    session.set_project(plan)
    revision = store.row(session.id).revision
    bad = plan.model_copy(deep=True)
    bad.bank.collateral = "厂房" * 300          # 600 characters, at most 500
    with pytest.raises(ValueProblem) as caught:
        session.set_project(bad)
    assert "bank.collateral" in caught.value.message
    assert store.row(session.id).revision == revision
    reopened = Session.open(Store.open(store.url), mini_catalog, session.id)
    assert reopened.assessment.project is not None
    assert reopened.assessment.project.bank.collateral == ""
    assert reopened.assessment.project.bank.loans[0].lender == "ICBC"
