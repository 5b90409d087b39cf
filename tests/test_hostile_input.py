"""Hostile and hand-edited assessments: every case is refused with the field named, or
accepted and then scored, advised and reported without an error (issue 19).

The cases (``fuzz_cases.py``) start from real assessments and replace values with what a
fuzzer, a hand edit or a forger writes: hostile numbers, texts, structures, meaning
(project, profile, financing terms) and id collisions. The same check stands in front of every
way in (bundle, JSON file, command line, interface), so it is run here directly; the bundle and
command-line tests run a sample of the same cases through the store.
"""

from __future__ import annotations

import collections
import json
import os
from pathlib import Path
from typing import Any

import pytest
from fuzz_cases import cases

from zhigai.core.advice.advise import advise
from zhigai.core.advice.data import default_advice_data
from zhigai.core.assessment.checking import check_against
from zhigai.core.assessment.model import Assessment, parse_assessment
from zhigai.core.assessment.scoring import score
from zhigai.core.base.diagnostics import DataFileError, Problem
from zhigai.core.questionnaire.catalog import CatalogError, default_catalog

#: 5 kinds: 5,000 cases (fewer only for mutation runs, which repeat the suite per mutant)
PER_KIND = int(os.environ.get("ZHIGAI_FUZZ_PER_KIND", "1000"))
REPORTED = 20            # accepted cases also printed as a PDF (the slow part)


def refusal(text: str) -> tuple[Assessment | None, list[Problem]]:
    """The case read and checked as every importer does: the assessment when accepted, else
    the problems."""
    catalog = default_catalog()
    try:
        assessment = parse_assessment(text, "case.json")
    except DataFileError as error:
        return None, error.problems
    try:
        instrument, _warnings = catalog.instrument_for(assessment)
    except (CatalogError, LookupError) as error:
        return None, [Problem("case.json", None, "questionnaire", str(error))]
    errors = [p for p in check_against(assessment, instrument, "case.json")
              if p.severity == "error"]
    return (None, errors) if errors else (assessment, [])


def store_rows(store: Any) -> list[Any]:
    """Every row of every Zhigai table: a refused import must leave them as they were."""
    from sqlalchemy import inspect, text

    with store.engine.connect() as conn:
        names = sorted(n for n in inspect(conn).get_table_names() if n.startswith("zg_"))
        return [(n, sorted((tuple(r) for r in conn.execute(text(f"SELECT * FROM {n}"))),
                           key=repr)) for n in names]


def usable(assessment: Assessment, data: Any, lang: str = "zh") -> None:
    """Scored and advised as the interface and the command line do."""
    instrument, _warnings = default_catalog().instrument_for(assessment)
    result = score(instrument, assessment.answers, assessment.profile)
    advise(data, instrument, assessment, result, assessment.project, lang)
    if assessment.kind == "expert":
        score(instrument, assessment.owner_answers, assessment.profile)


def bundle_of(text: str) -> bytes:
    """A bundle holding the assessment JSON ``text`` with a manifest that matches it, so
    only the content checks stand between it and the store."""
    import hashlib
    import io
    import zipfile

    data = text.encode("utf-8")
    try:
        aid = json.loads(text).get("id")
    except (ValueError, AttributeError):
        aid = None
    manifest = {"format": "zhigai-bundle", "format_version": 1,
                "assessment": {"id": aid if isinstance(aid, str) else "x", "revision": 0},
                "files": [{"name": "assessment.json", "size": len(data),
                           "sha256": hashlib.sha256(data).hexdigest()}]}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("assessment.json", data)
    return out.getvalue()


def test_every_hostile_case_is_refused_naming_the_field_or_works(tmp_path: Path) -> None:
    from zhigai.core.exchange.bundle import BundleError
    from zhigai.core.exchange.merge import import_bundle
    from zhigai.core.report.service import make_report
    from zhigai.core.store.store import Store

    store = Store.open(f"sqlite:///{tmp_path / 'fuzz.sqlite3'}")
    bundle = tmp_path / "case.zhigai"
    through_store = 0

    data = default_advice_data()
    seen: collections.Counter[tuple[str, str]] = collections.Counter()
    failures: list[str] = []
    reported = 0
    usable_already: set[str] = set()
    for number, (kind, label, text) in enumerate(cases(per_kind=PER_KIND)):
        if number % 25 == 0:   # a sample through a bundle into a store, as a person imports
            through_store += 1
            before = store_rows(store)
            bundle.write_bytes(bundle_of(text))
            try:
                result = import_bundle(store, default_catalog(), str(bundle))
            except BundleError as error:
                if store_rows(store) != before:
                    failures.append(f"{kind} {label}: refused ({error}) but the store changed")
            except Exception as error:  # noqa: BLE001 - every crash is collected and shown
                failures.append(f"{kind} {label}: import raised {type(error).__name__}: "
                                f"{str(error)[:200]}")
            else:
                store.delete(result.assessment_id)
        try:
            assessment, problems = refusal(text)
        except Exception as error:  # noqa: BLE001 - every crash is collected and shown
            failures.append(f"{kind} {label}: the check itself raised {type(error).__name__}: "
                            f"{str(error)[:200]}")
            continue
        if assessment is None:
            seen[kind, "refused"] += 1
            unnamed = [p for p in problems if not p.field or not p.message]
            if not problems or unnamed:
                failures.append(f"{kind} {label}: refused without naming the field")
            continue
        seen[kind, "accepted"] += 1
        content = assessment.model_dump_json()
        if content in usable_already:  # the same assessment accepted before: checked then
            continue
        usable_already.add(content)
        try:
            usable(assessment, data)
            if reported < REPORTED and len(usable_already) % 9 == 1:
                reported += 1
                make_report(assessment, tmp_path / "r.pdf", "zh", data=data)
        except Exception as error:  # noqa: BLE001 - every crash is collected and shown
            failures.append(f"{kind} {label}: accepted, then {type(error).__name__}: "
                            f"{str(error)[:200]}")
    store.close()
    print(dict(seen), f"{len(usable_already)} distinct accepted, {reported} reported, "
                      f"{through_store} through the store")
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:80])
    assert sum(seen.values()) == 5 * PER_KIND
    for kind in ("number", "text", "structure", "semantic", "collision"):
        # each category tries both sides: a generator that only makes refusals tests nothing
        assert seen[kind, "refused"] > 0 and seen[kind, "accepted"] > 0, (kind, dict(seen))
    assert reported > min(10, PER_KIND // 20)


def _example(name: str = "auto-parts-midway") -> dict[str, Any]:
    root = Path(__file__).resolve().parents[1]
    return json.loads((root / "examples" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("where", "value", "named"), [
    (("profile", "revenue"), "", "profile.revenue"),
    (("profile", "revenue"), "1e999999999", "profile.revenue"),
    (("profile", "revenue"), 32600, "profile.revenue"),
    (("profile", "employees"), "264", "profile.employees"),
    (("profile", "company_name"), "\ud800", "profile.company_name"),
    (("project", "finance", "tax_rate"), "-2", "tax rate"),
    (("project", "finance", "discount_rate"), "-0.9", "discount rate"),
    (("project", "effects", "margin_rate"), "7", "margin rate"),
    (("project", "items", 0, "unit_price"), "abc", "unit price"),
    (("project", "items", 0, "quantity"), "1e999999999", "quantity"),
    (("project", "finance", "overrides"), {"bank_loan": {"rate": "abc"}}, "interest rate"),
    (("project", "finance", "overrides"), {"bank_loan": {"nonsense": "1"}}, "nonsense"),
    (("audit",), [{"id": "a1", "field": "x"}, {"id": "a1", "field": "y"}], "audit[1].id"),
    (("previous_id",), "ab3e9c2e-2c55-4a57-a0a5-30c29ee0a8d1-self", None),
    (("notes",), "x" * 30000, "notes"),
    (("created_at",), "yesterday", "created_at"),
])
def test_a_poisoned_value_is_refused_with_its_field(where: tuple[Any, ...], value: Any,
                                                    named: str | None) -> None:
    doc = _example()
    parent: Any = doc
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    if where == ("previous_id",):
        doc["previous_id"] = doc["id"]
        named = "previous_id"
    assessment, problems = refusal(json.dumps(doc, ensure_ascii=True))
    assert assessment is None
    assert any(named in p.field or named in p.message for p in problems), problems


@pytest.mark.parametrize("text", [
    '{"format": "zhigai-assessment", "x": 1e999999999}',
    '{"format": "zhigai-assessment", "x": NaN}',
    '{"format": "zhigai-assessment", "x": ' + "9" * 5000 + "}",
    '{"format": "zhigai-assessment", "x": ' + "[" * 500 + "]" * 500 + "}",
    '{"format": "zhigai-assessment", "x": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"format": "zhigai-assessment", "x": "\\ud800"}',
    '{"format": "zhigai-assessment", "x": "a\\u0000b"}',
])
def test_json_out_of_bounds_is_refused_with_where(text: str) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_assessment(text, "bad.json")
    problem = caught.value.problems[0]
    assert problem.file == "bad.json" and problem.field and problem.message


def test_an_accepted_case_really_is_checked_for_use() -> None:
    """The harness itself: an assessment the check lets through but that cannot be advised
    is reported as a failure (the check is not the test's only judge)."""
    doc = _example()
    assessment, problems = refusal(json.dumps(doc))
    assert assessment is not None and not problems
    broken = assessment.model_copy(deep=True)
    assert broken.project is not None
    broken.project.finance.discount_rate = "abc"  # behind the check's back
    with pytest.raises(Exception):  # noqa: B017 - whatever advice raises on it
        usable(broken, default_advice_data())


def test_a_bundle_other_machines_would_refuse_is_not_written() -> None:
    from zhigai.core.assessment.model import AuditEntry
    from zhigai.core.exchange.bundle import BundleError, bundle_bytes

    assessment, _ = refusal(json.dumps(_example()))
    assert assessment is not None
    bundle_bytes(assessment, {})                      # as it is: fine
    note = "现场查看记录" * 700                          # a long note saved at every autosave
    assessment.audit += [AuditEntry(field="note.q1", old=note, new=note + str(n))
                         for n in range(400)]
    with pytest.raises(BundleError, match="at most 8 MB"):
        bundle_bytes(assessment, {})


def test_a_zip_of_a_million_entries_is_refused_before_its_directory_is_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import zipfile

    from zhigai.core.exchange import bundle
    from zhigai.core.exchange.bundle import BundleError, read_bundle_bytes

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for n in range(20_000):
            zf.writestr(f"photos/{n:064x}.png", b"")
    raw = out.getvalue()

    def unread(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the zip module read the directory of 20,000 entries")

    with monkeypatch.context() as patch:
        patch.setattr(bundle.zipfile, "ZipFile", unread)
        with pytest.raises(BundleError, match="declares 20000 entries; at most 1000"):
            read_bundle_bytes(raw, default_catalog(), "many.zhigai")
    with pytest.raises(BundleError):              # the end record cut off: the zip module says
        read_bundle_bytes(raw[:-10], default_catalog(), "cut.zhigai")


def test_answers_must_be_written_as_stored_and_times_be_times() -> None:
    """Each rule of the check on its own: an answer as Zhigai would not write it, owner answers
    on a self-assessment, times that are not times, a bad id, a key too long."""
    catalog = default_catalog()
    base = _example()
    assessment = parse_assessment(json.dumps(base))
    instrument, _ = catalog.instrument_for(assessment)
    single = next(q for q in instrument.questions if q.type == "single"
                  and q.id in base["answers"] and not base["answers"][q.id].get("na"))
    yesno = next((q for q in instrument.questions if q.type == "yesno"
                  and q.id in base["answers"]), None)

    def refused(change: Any) -> list[str]:
        doc = _example()
        change(doc)
        found, problems = refusal(json.dumps(doc, ensure_ascii=True))
        assert found is None, "accepted"
        return [f"{p.field}: {p.message}" for p in problems]

    value = base["answers"][single.id]["value"]
    said = refused(lambda d: d["answers"][single.id].update(value=f" {value} "))
    assert said == [f"answers.{single.id}.value: ' {value} ' is not written as Zhigai stores "
                    f"it ('{value}')"]
    if yesno is not None:
        said = refused(lambda d: d["answers"][yesno.id].update(value=1))
        assert said[0].startswith(f"answers.{yesno.id}.value: 1 is not written as Zhigai")
    said = refused(lambda d: d.update(owner_answers={single.id: {"value": value}}))
    assert said == ["kind: a self-assessment cannot carry an assessor or the owner's answers"]
    said = refused(lambda d: d["answers"][single.id].update(updated_at="later"))
    assert said == [f"answers.{single.id}.updated_at: not a date and time (ISO 8601)"]
    said = refused(lambda d: d.update(id="a b"))
    assert said == ["id: 'a b' is not an id (letters, digits and -_. only, at most 64)"]
    said = refused(lambda d: d.update(evidence={"k" * 201: {"note": "x"}}))
    assert said == [f"evidence.{'k' * 40}…: key too long"]
    said = refused(lambda d: d.update(updated_at="2026-02-30T10:00:00"))
    assert said == ["updated_at: '2026-02-30T10:00:00' is not a date and time (ISO 8601)"]
    said = refused(lambda d: d["profile"].update(employees=True))
    assert said[0].startswith("profile.employees: ")
    doc = _example()
    doc["answers"][single.id]["value"] = value            # as stored: accepted
    assert refusal(json.dumps(doc))[0] is not None
