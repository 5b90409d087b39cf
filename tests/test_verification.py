"""Expert verification says exactly what was checked: per question corrected, confirmed or not
checked; the coverage counts and the report never claim more."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhigai.core.assessment.model import Assessor, load_assessment
from zhigai.core.assessment.verification import check_state
from zhigai.core.base.identity import Editor
from zhigai.core.questionnaire.catalog import default_catalog
from zhigai.core.questionnaire.values import ValueProblem
from zhigai.core.session.session import Session
from zhigai.core.store.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXPERT = Assessor(name="王工", organisation="杭州智造服务有限公司")
WANG = Editor("王工", "laptop-wang")


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def verifying(tmp_path: Path, catalog) -> Session:
    store = Store.open(f"sqlite:///{tmp_path / 'z.db'}")
    a = load_assessment(ROOT / "examples" / "auto-parts-midway.json")
    session = Session.import_assessment(store, catalog, a, WANG)
    session.start_verification(EXPERT)
    return session


def singles(session: Session, n: int) -> list[str]:
    out = [q.id for q in session.instrument.questions
           if q.type == "single" and (a := session.assessment.answers.get(q.id))
           and not a.na and len(q.options or []) > 2]
    return out[:n]


def other(session: Session, qid: str) -> str:
    q = session.instrument.by_id[qid]
    current = session.assessment.answers[qid].value
    return next(o.id for o in q.options if o.id != current)


def test_starting_a_verification_checks_nothing(tmp_path: Path, catalog) -> None:
    session = verifying(tmp_path, catalog)
    c = session.coverage()
    answered = sum(1 for x in session.score.questions.values()
                   if x.state in ("answered", "na"))
    assert len(c.answers) == answered > 20
    assert c.checked == c.corrected == c.confirmed == () and c.percent == 0
    assert c.unchecked == c.answers and not c.complete


def test_confirmed_corrected_and_not_checked_are_told_apart(tmp_path: Path, catalog) -> None:
    session = verifying(tmp_path, catalog)
    q1, q2, q3, q4 = singles(session, 4)
    session.set_confirmed(q1, True)
    session.answer(q2, other(session, q2))          # corrected, without ticking
    session.set_confirmed(q3, True)
    session.set_confirmed(q3, False)                # taken back
    session.set_note(q4, "看了设备台账")              # evidence alone is not a check
    a = session.assessment
    assert [check_state(a, q) for q in (q1, q2, q3, q4)] == [
        "confirmed", "corrected", "unchecked", "unchecked"]
    c = session.coverage()
    assert c.confirmed == (q1,) and c.corrected == (q2,)
    order = [q.id for q in session.instrument.questions]
    assert list(c.checked) == sorted((q1, q2), key=order.index)
    assert c.with_evidence == (q4,)
    assert c.percent == 2 * 100 // len(c.answers)
    assert len(c.unchecked) == len(c.answers) - 2
    # a corrected answer put back to the owner's is no longer corrected
    owner = a.owner_answers[q2].value
    session.answer(q2, owner)
    assert check_state(session.assessment, q2) == "unchecked"
    # recorded, audited and kept across a reopen
    again = Session.open(session.store, catalog, session.id, WANG)
    assert again.coverage().confirmed == (q1,)
    trail = again.history(q1)
    assert [(e.field, e.new, e.who, e.machine) for e in trail] == [
        (f"confirmed.{q1}", True, "王工", "laptop-wang")]
    assert [e.new for e in again.history(q3)] == [True, False]


def test_percent_never_rounds_up() -> None:
    from zhigai.core.assessment.verification import Coverage

    c = Coverage(answers=tuple(f"q{i}" for i in range(3)), corrected=(), confirmed=("q0", "q1"),
                 with_evidence=())
    assert c.percent == 66 and round(c.share, 3) == 0.667
    full = Coverage(answers=("q0",), corrected=("q0",), confirmed=(), with_evidence=())
    assert full.percent == 100 and full.complete
    assert Coverage((), (), (), ()).percent == 0 and not Coverage((), (), (), ()).complete


def test_confirming_needs_a_verification_and_a_real_question(tmp_path: Path, catalog) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'z.db'}")
    a = load_assessment(ROOT / "examples" / "auto-parts-midway.json")
    session = Session.import_assessment(store, catalog, a, WANG)
    (q1,) = singles(session, 1)
    with pytest.raises(ValueProblem, match="expert verification"):
        session.set_confirmed(q1, True)
    assert session.coverage().checked == ()   # nothing of a self-assessment is checked
    session.start_verification(EXPERT)
    with pytest.raises(ValueProblem, match="not a question"):
        session.set_confirmed("no_such_question", True)
    assert store.audit_trail(session.id, "confirmed.no_such_question") == []


def test_a_confirmation_changes_the_fingerprint_and_merges(tmp_path: Path, catalog) -> None:
    from zhigai.core.exchange.merge import fields
    from zhigai.core.report.fingerprint import fingerprint

    session = verifying(tmp_path, catalog)
    (q1,) = singles(session, 1)
    before = session.assessment.model_copy(deep=True)
    session.set_confirmed(q1, True)
    after = session.assessment
    assert fingerprint(before, {}, "", None).code != fingerprint(after, {}, "", None).code
    assert fields(before).get(f"evidence.{q1}") != fields(after)[f"evidence.{q1}"]
    # untouched evidence keeps its fingerprint (reports printed before still verify)
    session.set_confirmed(q1, False)
    assert fingerprint(before, {}, "", None).code == fingerprint(
        session.assessment, {}, "", None).code


def test_outside_a_verification_nothing_is_checked(tmp_path: Path, catalog) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'z.db'}")
    a = load_assessment(ROOT / "examples" / "auto-parts-midway.json")
    session = Session.import_assessment(store, catalog, a, WANG)
    (q1,) = singles(session, 1)
    assert check_state(session.assessment, q1) == "unchecked"
    na_id = next(q.id for q in session.instrument.questions if q.allow_na)
    session.set_not_applicable(na_id)
    c = session.coverage()
    given = [q.id for q in session.instrument.questions
             if session.score.questions[q.id].state in ("answered", "na")]
    assert list(c.answers) == given and c.checked == ()
    na = [q for q, x in session.score.questions.items() if x.state == "na"]
    assert na == [na_id] and na_id in c.answers   # "not applicable" is an answer too


def test_answers_the_owner_left_open_or_the_expert_cleared_are_counted(
        tmp_path: Path, catalog) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'z.db'}")
    a = load_assessment(ROOT / "examples" / "auto-parts-midway.json")
    session = Session.import_assessment(store, catalog, a, WANG)
    q1, q2 = singles(session, 2)
    session.clear(q1)                      # the owner left q1 open
    session.start_verification(EXPERT)
    answered_before = len(session.coverage().answers)
    option = session.instrument.by_id[q1].options[0].id
    session.answer(q1, option)             # the expert answers it on site
    session.clear(q2)                      # and clears an answer the owner gave
    c = session.coverage()
    assert q1 in c.answers and q2 in c.answers
    assert len(c.answers) == answered_before + 1
    assert set(c.corrected) == {q1, q2} and c.confirmed == ()
    hidden = [q for q, x in session.score.questions.items() if x.state == "skipped"
              and q not in session.assessment.owner_answers]
    assert not set(hidden) & set(c.answers)


def test_the_editor_is_this_machines_user(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass
    import platform

    from zhigai.core.base import identity

    monkeypatch.setattr(getpass, "getuser", lambda: "  zhang  ")
    monkeypatch.setattr(platform, "node", lambda: " laptop-7 ")
    assert identity.local_editor() == Editor("zhang", "laptop-7")
    assert identity.local_editor("  王工 ") == Editor("王工", "laptop-7")
    assert identity.local_editor("", machine="pc-2") == Editor("zhang", "pc-2")
    assert identity.local_editor("李" * 150).name == "李" * 100
    assert identity.local_editor("x", machine="m" * 150).machine == "m" * 100

    def broken() -> str:
        raise KeyError("no user")

    def no_node() -> str:
        raise OSError("no name")

    monkeypatch.setattr(getpass, "getuser", broken)
    monkeypatch.setattr(platform, "node", no_node)
    assert identity.login_name() == "" and identity.machine_name() == ""
    assert identity.local_editor() == Editor("?", "")
    assert Editor("王工", "laptop-7").label(True) == "王工（laptop-7）"
    assert Editor("Wang", "laptop-7").label(False) == "Wang (laptop-7)"
    assert Editor("Wang").label(False) == "Wang"
