"""How an import classes each differing field (core/exchange/merge.py): accounted for by a
trail, changed outside Zhigai, guarded (whose assessment, the end of a verification), decided
by an earlier merge; and a rewritten history refused (issue 19)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from zhigai.core.assessment.history import record_edits
from zhigai.core.assessment.model import Assessment, Assessor, AuditEntry, Evidence, load_assessment
from zhigai.core.exchange.bundle import Bundle, BundleError
from zhigai.core.exchange.merge import apply_import, merged, plan_import
from zhigai.core.questionnaire.catalog import default_catalog
from zhigai.core.store.store import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def stored(tmp_path: Path) -> Any:
    store = Store.open(f"sqlite:///{tmp_path / 's.sqlite3'}")
    original = load_assessment(ROOT / "examples" / "auto-parts-midway.json")
    apply_import(store, default_catalog(), plan_import(store, Bundle("a", {}, original)))
    yield store, original
    store.close()


def classes(store: Store, copy: Assessment) -> tuple[str, dict[str, tuple[Any, ...]]]:
    plan = plan_import(store, Bundle("b.zhigai", {}, copy))
    return plan.status, {d.field: (d.default, d.outside, d.guarded) for d in plan.differences}


def answered(assessment: Assessment) -> tuple[str, str]:
    instrument, _ = default_catalog().instrument_for(assessment)
    for q in instrument.questions:
        answer = assessment.answers.get(q.id)
        if q.type == "single" and answer is not None and answer.value is not None:
            return q.id, next(o.id for o in q.options or [] if o.id != answer.value)
    raise AssertionError


def test_edits_with_their_entries_are_newer(stored: Any) -> None:
    store, original = stored
    qid, other = answered(original)
    copy = original.model_copy(deep=True)
    copy.answers[qid].value = other
    copy.profile["employees"] = 300
    copy.evidence["q"] = Evidence(note="看过现场")
    record_edits(original, copy)
    copy.audit.append(AuditEntry(field="note.q", old="", new="看过现场"))
    status, fields = classes(store, copy)
    assert status == "newer"
    assert fields == {"profile.employees": ("incoming", False, False),
                      f"answer.{qid}": ("incoming", False, False),
                      "evidence.q": ("incoming", False, False)}


def test_a_value_its_own_entry_does_not_explain_is_from_outside(stored: Any) -> None:
    store, original = stored
    qid, other = answered(original)
    copy = original.model_copy(deep=True)
    copy.answers[qid].value = other
    copy.audit.append(AuditEntry(field=f"answer.{qid}", old=None, new={"value": "something"}))
    copy.profile["employees"] = 301
    copy.audit.append(AuditEntry(field="profile.employees", old=264, new=300))
    assert copy.project is not None
    copy.project.name = "改过的名称"
    copy.audit.append(AuditEntry(field="project", old=None, new={"name": "别的"}))
    copy.evidence["q"] = Evidence(note="手改")
    copy.audit.append(AuditEntry(field="note.q", old="", new="系统记录"))
    status, fields = classes(store, copy)
    assert status == "diverged"
    assert fields == {"profile.employees": (None, True, False),
                      f"answer.{qid}": (None, True, False),
                      "evidence.q": (None, True, False), "project": (None, True, False)}


def test_a_merge_decides_its_fields_for_later_imports(stored: Any) -> None:
    store, original = stored
    qid, other = answered(original)
    incoming = original.model_copy(deep=True)
    incoming.answers[qid].value = other               # by hand: from outside
    plan = plan_import(store, Bundle("b", {}, incoming))
    assert [d.field for d in plan.conflicts] == [f"answer.{qid}"]
    apply_import(store, default_catalog(), plan, {f"answer.{qid}": "local"}, "王工")
    # the same file again: the merge already decided that field, nothing to ask
    assert classes(store, incoming) == ("older", {f"answer.{qid}": ("local", False, False)})
    kept = merged(store.load(original.id), incoming, plan.differences,
                  {f"answer.{qid}": "incoming"}, "王工")
    assert kept.answers[qid].value == other and kept.audit[-1].field == "merge"


def test_whose_assessment_and_the_end_of_a_verification_always_ask(stored: Any) -> None:
    store, original = stored
    expert = original.model_copy(deep=True)
    expert.kind = "expert"
    expert.assessor = Assessor(name="王工", organisation="台州服务团")
    expert.audit.append(AuditEntry(field="kind", old="self", new={"kind": "expert"}))
    assert classes(store, expert)[0] == "newer"            # starting a verification: taken
    apply_import(store, default_catalog(), plan_import(store, Bundle("b", {}, expert)))
    back = expert.model_copy(deep=True)
    back.kind, back.assessor, back.owner_answers = "self", None, {}
    back.audit.append(AuditEntry(field="kind", old="expert", new={"kind": "self"}))
    status, fields = classes(store, back)
    assert status == "diverged"
    assert fields["kind"] == (None, False, True) and fields["assessor"] == (None, False, True)
    renamed = expert.model_copy(deep=True)
    renamed.profile["company_name"] = "另一家公司"
    renamed.audit.append(AuditEntry(field="profile.company_name", old=None, new="另一家公司"))
    assert classes(store, renamed) == ("diverged", {
        "profile.company_name": (None, False, True)})
    # the stored copy's own later change of firm is no question for an older copy
    assert classes(store, original)[0] == "older"


def test_a_rewritten_entry_refuses_the_bundle(stored: Any) -> None:
    store, original = stored
    copy = original.model_copy(deep=True)
    copy.profile["employees"] = 300
    record_edits(original, copy)
    apply_import(store, default_catalog(), plan_import(store, Bundle("b", {}, copy)))
    forged = copy.model_copy(deep=True)
    forged.audit[-1] = forged.audit[-1].model_copy(update={"who": "别人"})
    forged.profile["employees"] = 310
    with pytest.raises(BundleError, match="history was rewritten"):
        plan_import(store, Bundle("f.zhigai", {}, forged))
    same = copy.model_copy(deep=True)                     # the same entries, untouched
    assert plan_import(store, Bundle("s", {}, same)).status == "same"
