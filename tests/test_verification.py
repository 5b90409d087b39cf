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
