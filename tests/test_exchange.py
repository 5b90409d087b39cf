"""Expert verification (owner's and verified answers, evidence, audit trail), the exchange
bundle (export, strict import checks, fuzzing) and merging copies edited on two machines."""

from __future__ import annotations

import hashlib
import io
import json
import warnings
import zipfile
from pathlib import Path

import pytest
from conftest import Databases
from fuzz_cases import paths
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zhigai.core.assessment.model import Assessor, load_assessment
from zhigai.core.assessment.photos import PhotoProblem
from zhigai.core.base.identity import Editor, local_editor
from zhigai.core.exchange.bundle import (
    BundleError,
    Limits,
    bundle_bytes,
    export_bundle,
    read_bundle,
    read_bundle_bytes,
)
from zhigai.core.exchange.merge import MergeNeeded, apply_import, import_bundle, plan_import
from zhigai.core.questionnaire.catalog import default_catalog
from zhigai.core.session.session import Session
from zhigai.core.store.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXPERT = Assessor(name="王工", organisation="杭州智造服务有限公司", service_group="浙江省服务团")


def image(kind: str = "PNG", colour: tuple[int, int, int] = (200, 30, 30),
          size: tuple[int, int] = (64, 48)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


def snapshot(store: Store) -> list[tuple[str, list[tuple]]]:
    """Every row of every Zhigai table (to prove a refused import changed nothing)."""
    from sqlalchemy import inspect, text

    with store.engine.connect() as conn:
        names = sorted(n for n in inspect(conn).get_table_names() if n.startswith("zg_"))
        return [(n, sorted((tuple(r) for r in conn.execute(text(f"SELECT * FROM {n}"))),
                           key=repr)) for n in names]


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


WANG = Editor("王工", "laptop-wang")   # the expert's laptop


def seeded(store: Store, catalog, name: str = "auto-parts-midway",
           editor: Editor = WANG) -> Session:
    assessment = load_assessment(ROOT / "examples" / f"{name}.json")
    return Session.import_assessment(store, catalog, assessment, editor)


def first_questions(session: Session, n: int) -> list[str]:
    """Answered single-choice questions (with at least two options)."""
    out = []
    for q in session.instrument.questions:
        answer = session.assessment.answers.get(q.id)
        if q.type == "single" and answer and not answer.na and len(q.options or []) > 2:
            out.append(q.id)
    return out[:n]


def other_option(session: Session, qid: str) -> str:
    q = session.instrument.by_id[qid]
    current = session.assessment.answers[qid].value
    return next(o.id for o in q.options if o.id != current)


# ---------------------------------------------------------------------------- expert mode

def test_verification_keeps_owner_answers_and_records_evidence(new_db_url,
                                                              catalog) -> None:
    store = Store.open(new_db_url("z"))
    session = seeded(store, catalog)
    owner_index = session.score.index
    session.start_verification(EXPERT)
    assert session.verifying and session.differences() == []
    q1, q2 = first_questions(session, 2)
    owner_value = session.assessment.answers[q1].value
    session.answer(q1, other_option(session, q1))
    session.set_note(q1, "现场查看：MES 只在一条线上运行")
    photo = session.add_photo(q1, image(), "mes.png")
    session.add_photo(q2, image("JPEG", (10, 10, 200)), "line.jpg")
    assert session.differences() == [q1]
    assert session.owner_score is not None and session.owner_score.index == owner_index
    assert session.score.index != owner_index

    with pytest.raises(PhotoProblem, match="already attached"):
        session.add_photo(q1, image(), "again.png")
    with pytest.raises(PhotoProblem, match="not a JPEG or PNG"):
        session.add_photo(q1, b"GIF89a....", "x.gif")

    reopened = Session.open(Store.open(new_db_url("z")), catalog, session.id)
    a = reopened.assessment
    assert a.kind == "expert" and a.assessor == EXPERT
    assert a.owner_answers[q1].value == owner_value
    assert a.answers[q1].value != owner_value
    assert a.evidence[q1].note.startswith("现场查看")
    assert reopened.photo_data(photo.sha256) == image()
    assert reopened.differences() == [q1]
    trail = reopened.history(q1)
    assert [e.field for e in trail] == [f"answer.{q1}", f"note.{q1}", f"photo.{q1}"]
    assert trail[0].who == "王工" and trail[0].old == {"value": owner_value}
    assert trail[0].machine == "laptop-wang"
    assert any(e.field == "kind" for e in reopened.history())
    # removing the photo drops its bytes from the store too
    reopened.remove_photo(q1, photo.sha256)
    assert reopened.photo_data(photo.sha256) is None
    assert store.audit_trail(session.id, f"photo.{q1}")[-1].old["removed"] == "mes.png"


def test_edits_are_audited_under_this_machines_user(new_db_url, catalog) -> None:
    store = Store.open(new_db_url("z"))
    session = seeded(store, catalog, editor=Editor("李会计", "pc-office"))
    (q1,) = first_questions(session, 1)
    session.answer(q1, other_option(session, q1))
    session.set_profile("employees", "260")
    entries = store.audit_trail(session.id)
    assert [e.field for e in entries] == [f"answer.{q1}", "profile.employees"]
    assert {(e.who, e.machine) for e in entries} == {("李会计", "pc-office")}
    assert entries[1].new == 260


def test_an_assessment_verified_elsewhere_is_edited_under_this_machines_user(
        new_db_url, catalog) -> None:
    """The expert verified it on their laptop; opened on the owner's PC, the owner's edits
    are the owner's, never the expert's (the assessor in the file)."""
    store = Store.open(new_db_url("z"))
    session = seeded(store, catalog)
    session.start_verification(EXPERT)
    (q1,) = first_questions(session, 1)
    on_pc = Session.open(store, catalog, session.id, Editor("李会计", "pc-office"))
    assert on_pc.assessment.assessor == EXPERT
    on_pc.answer(q1, other_option(on_pc, q1))
    last = store.audit_trail(session.id)[-1]
    assert (last.who, last.machine) == ("李会计", "pc-office")
    kind = next(e for e in store.audit_trail(session.id) if e.field == "kind")
    assert (kind.who, kind.machine) == ("王工", "laptop-wang")
    # without a profile, the login name of the system, never a name from the file
    plain = Session.open(store, catalog, session.id)
    assert plain.who == local_editor().name != "王工"


# ---------------------------------------------------------------------------- bundles

def expert_session(store: Store, catalog) -> Session:
    session = seeded(store, catalog)
    session.start_verification(EXPERT)
    q1, q2 = first_questions(session, 2)
    session.answer(q1, other_option(session, q1))
    session.set_note(q2, "看到了设备台账")
    session.add_photo(q2, image(), "ledger.png")
    session.set_confirmed(q2, True)
    return session


def test_bundle_round_trip(tmp_path: Path, new_db_url, catalog) -> None:
    store = Store.open(new_db_url("a"))
    session = expert_session(store, catalog)
    path = export_bundle(store, session.id, tmp_path / "visit.zhigai")
    with zipfile.ZipFile(path) as zf:
        names = sorted(zf.namelist())
    assert names[:2] == ["assessment.json", "manifest.json"] and names[2].startswith("photos/")

    other = Store.open(new_db_url("b"))
    result = import_bundle(other, catalog, str(path))
    assert result.status == "new"
    copy = other.load(session.id)
    original = store.load(session.id)
    assert copy.model_dump(exclude={"updated_at"}) == original.model_dump(
        exclude={"updated_at"})
    assert other.attachments(session.id) == store.attachments(session.id)
    assert other.row(session.id).summary["index"] == store.row(session.id).summary["index"]
    # the same bundle again: recognised, nothing changes
    before = snapshot(other)
    assert import_bundle(other, catalog, str(path)).status == "same"
    assert snapshot(other) == before


def good_bundle(new_db_url, catalog) -> tuple[bytes, Session]:
    store = Store.open(new_db_url("src"))
    session = expert_session(store, catalog)
    return bundle_bytes(session.assessment, store.attachments(session.id)), session


def rezip(entries: list[tuple[str, bytes]], fix_manifest: bool = True,
          method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A bundle of the given entries; the manifest is rewritten to list them unless told."""
    if fix_manifest:
        manifest = json.loads(dict(entries)["manifest.json"])
        manifest["files"] = [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                             for n, d in entries if n != "manifest.json"]
        entries = [(n, json.dumps(manifest).encode() if n == "manifest.json" else d)
                   for n, d in entries]
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", method) as zf:
        warnings.simplefilter("ignore")  # duplicate names are written on purpose
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return out.getvalue()


def entries_of(raw: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        return [(n, zf.read(n)) for n in zf.namelist()]


def test_bad_bundles_are_refused_with_the_reason_and_change_nothing(tmp_path: Path,
                                                                  new_db_url, catalog) -> None:
    raw, session = good_bundle(new_db_url, catalog)
    entries = entries_of(raw)
    files = dict(entries)
    manifest = json.loads(files["manifest.json"])
    doc = json.loads(files["assessment.json"])
    photo_name = next(n for n in files if n.startswith("photos/"))

    def with_doc(change) -> bytes:
        d = json.loads(files["assessment.json"])
        change(d)
        return rezip([(n, json.dumps(d).encode() if n == "assessment.json" else b)
                      for n, b in entries])

    def with_manifest(change, fix: bool = False) -> bytes:
        m = json.loads(files["manifest.json"])
        change(m)
        return rezip([(n, json.dumps(m).encode() if n == "manifest.json" else b)
                      for n, b in entries], fix_manifest=fix)

    def fake_photo(data: bytes) -> bytes:
        """The photo replaced by ``data``, consistently named and referenced."""
        sha = hashlib.sha256(data).hexdigest()
        d = json.loads(files["assessment.json"])
        for evidence in d["evidence"].values():
            for photo in evidence["photos"]:
                photo.update(sha256=sha, size=len(data))
        return rezip([(f"photos/{sha}.png", data) if n == photo_name else
                      (n, json.dumps(d).encode() if n == "assessment.json" else b)
                      for n, b in entries])

    bomb = b"{" + b" " * 5_000_000 + b"}"
    cases = {
        "not a readable zip": b"PK\x03\x04 certainly not a zip",
        "no manifest.json": rezip([(n, b) for n, b in entries if n != "manifest.json"],
                                  fix_manifest=False),
        "unsafe entry name": rezip([*entries, ("../evil.txt", b"x")], fix_manifest=False),
        "unsafe entry name ": rezip([*entries, ("/etc/passwd", b"x")], fix_manifest=False),
        "twice": rezip([*entries, ("assessment.json", files["assessment.json"])],
                       fix_manifest=False),
        "unexpected entry": rezip([*entries, ("notes.txt", b"hello")]),
        "not listed in the manifest": with_manifest(
            lambda m: m.update(files=[f for f in m["files"] if f["name"] != photo_name])),
        "does not match its SHA-256": with_manifest(
            lambda m: m["files"][0].update(sha256="0" * 64)),
        "the manifest says": with_manifest(lambda m: m["files"][0].update(size=1)),
        "newer Zhigai": with_manifest(lambda m: m.update(format_version=9)),
        "not a Zhigai bundle": with_manifest(lambda m: m.update(format="other")),
        "does not have": with_doc(lambda d: d["questionnaire"].update(version="9.9")),
        "differs from the one installed": with_doc(
            lambda d: d["questionnaire"].update(hash="sha256:" + "1" * 64)),
        "the manifest names assessment": with_doc(lambda d: d.update(id="someone-else")),
        "Extra inputs are not permitted": with_doc(lambda d: d.update(hacked=True)),
        "not referenced": with_doc(lambda d: d.update(evidence={})),
        "zip bomb": rezip([*entries, ("photos/" + "a" * 64 + ".png", bomb)]),
        "not a JPEG or PNG": fake_photo(b"GIF89a" + b"\0" * 40),
        "damaged image": fake_photo(image()[:60]),
    }
    assert manifest["assessment"]["id"] == doc["id"] == session.id
    store = Store.open(new_db_url("dest"))
    seeded(store, catalog, "textile-early")
    before = snapshot(store)
    for expected, data in cases.items():
        path = tmp_path / "bad.zhigai"
        path.write_bytes(data)
        with pytest.raises(BundleError) as info:
            import_bundle(store, catalog, str(path))
        assert expected.strip() in str(info.value), (expected, str(info.value))
        assert str(path) in str(info.value) and info.value.zh
        assert snapshot(store) == before, expected
    # limits are parameters: a tiny limit refuses the good bundle by its size
    with pytest.raises(BundleError, match="at most"):
        read_bundle_bytes(raw, catalog, "x", Limits(max_photo_bytes=100))


def test_merge_of_copies_edited_on_two_machines(tmp_path: Path, new_db_url, catalog) -> None:
    office = Store.open(new_db_url("office"))
    laptop = Store.open(new_db_url("laptop"))
    session = seeded(office, catalog)
    q1, q2, q3 = first_questions(session, 3)
    first = export_bundle(office, session.id, tmp_path / "first.zhigai")
    assert import_bundle(laptop, catalog, str(first)).status == "new"

    # the laptop copy moves on; the office copy has not changed: fast-forward
    visit = Session.open(laptop, catalog, session.id)
    visit.start_verification(EXPERT)
    visit.answer(q1, other_option(visit, q1))
    back = export_bundle(laptop, session.id, tmp_path / "back.zhigai")
    plan = plan_import(office, read_bundle(back, catalog))
    assert plan.status == "newer"
    apply_import(office, catalog, plan)
    assert office.load(session.id).kind == "expert"
    assert import_bundle(office, catalog, str(first)).status == "older"

    # both move on: q2 in the office, q3 and (conflicting) q1 on the laptop
    here = Session.open(office, catalog, session.id)
    there = Session.open(laptop, catalog, session.id)
    here.answer(q2, other_option(here, q2))
    here_q1 = next(o.id for o in here.instrument.by_id[q1].options
                   if o.id not in (here.assessment.answers[q1].value,))
    here.answer(q1, here_q1)
    there_q1 = next(o.id for o in there.instrument.by_id[q1].options   # a change there too
                    if o.id not in (here_q1, there.assessment.answers[q1].value))
    there.answer(q1, there_q1)
    there.answer(q3, other_option(there, q3))
    there.set_note(q3, "laptop note")
    later = export_bundle(laptop, session.id, tmp_path / "later.zhigai")
    before = snapshot(office)
    plan = plan_import(office, read_bundle(later, catalog))
    assert plan.status == "diverged"
    by_field = {d.field: d for d in plan.differences}
    assert by_field[f"answer.{q3}"].default == "incoming"
    assert by_field[f"evidence.{q3}"].default == "incoming"
    assert by_field[f"answer.{q2}"].default == "local"
    assert [d.field for d in plan.conflicts] == [f"answer.{q1}"]
    assert by_field[f"answer.{q1}"].local == {"value": here_q1}
    with pytest.raises(MergeNeeded, match="1 field"):
        apply_import(office, catalog, plan)
    assert snapshot(office) == before
    result = apply_import(office, catalog, plan, {f"answer.{q1}": "incoming"}, who="李主任")
    assert result.status == "diverged" and result.taken_incoming == 3 and result.kept_local == 1
    final = office.load(session.id)
    assert final.answers[q1].value == there_q1 != here_q1
    assert final.answers[q2].value == here.assessment.answers[q2].value
    assert final.answers[q3].value == there.assessment.answers[q3].value
    assert final.evidence[q3].note == "laptop note"
    assert final.audit[-1].field == "merge" and final.audit[-1].who == "李主任"
    # either side's bundle is now older than the merged copy
    assert import_bundle(office, catalog, str(later)).status == "older"
    assert office.row(session.id).revision > plan.local_revision


# ---------------------------------------------------------------------------- fuzzing

@pytest.fixture(scope="module")
def fuzz_env(tmp_path_factory, catalog):
    base = tmp_path_factory.mktemp("fuzz")
    databases = Databases(base)
    raw, _session = good_bundle(databases, catalog)
    store = Store.open(databases("dest"))
    seeded(store, catalog, "textile-early")
    yield raw, store, base
    store.close()
    databases.drop()


def _import_or_refuse(store: Store, catalog, data: bytes, path: Path) -> None:
    before = snapshot(store)
    path.write_bytes(data)
    try:
        result = import_bundle(store, catalog, str(path), prefer="local")
    except BundleError as error:
        assert str(error) and error.zh
        assert snapshot(store) == before  # nothing changed, not even partly
        return
    # accepted: the whole assessment is there, then removed for the next example
    stored = store.load(result.assessment_id)
    assert stored.id == result.assessment_id
    store.delete(result.assessment_id)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])
@given(st.data())
@example(data=None)
def test_fuzz_mutated_bundles(fuzz_env, catalog, data) -> None:
    raw, store, base = fuzz_env
    mutated = bytearray(raw)
    if data is not None:
        for _ in range(data.draw(st.integers(1, 8))):
            kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
            pos = data.draw(st.integers(0, max(len(mutated) - 1, 0)))
            if kind == "flip" and mutated:
                mutated[pos] ^= data.draw(st.integers(1, 255))
            elif kind == "cut":
                del mutated[pos:pos + data.draw(st.integers(1, 64))]
            else:
                mutated[pos:pos] = data.draw(st.binary(min_size=1, max_size=32))
    _import_or_refuse(store, catalog, bytes(mutated), base / "mutated.zhigai")


names = st.one_of(st.sampled_from(["manifest.json", "assessment.json", "../x", "/abs",
                                   "photos/" + "0" * 64 + ".png", "a\\b", "C:/x", "dir/"]),
                  st.text(min_size=1, max_size=20))
contents = st.one_of(st.binary(max_size=200),
                     st.just(b'{"format": "zhigai-bundle", "format_version": 1, "files": []}'),
                     st.just(b'{"format": "zhigai-assessment"}'))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(names, contents), max_size=6))
def test_fuzz_random_zips(fuzz_env, catalog, entries) -> None:
    _raw, store, base = fuzz_env
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as zf:
        warnings.simplefilter("ignore")
        for name, data in entries:
            try:
                zf.writestr(name, data)
            except (ValueError, UnicodeEncodeError, IndexError):  # zipfile refuses e.g. "\x00"
                continue
    _import_or_refuse(store, catalog, out.getvalue(), base / "random.zhigai")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzz_consistent_bundles_with_changed_content(fuzz_env, catalog, data) -> None:
    """The assessment's JSON changed anywhere and the manifest made to match: only the
    content checks stand between it and the store."""
    raw, store, base = fuzz_env
    entries = entries_of(raw)
    doc = json.loads(dict(entries)["assessment.json"])
    for _ in range(data.draw(st.integers(1, 3))):
        found = [p for p in paths(doc) if p]
        path = data.draw(st.sampled_from(found))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = data.draw(json_values)
    changed = rezip([(n, json.dumps(doc).encode() if n == "assessment.json" else b)
                     for n, b in entries])
    _import_or_refuse(store, catalog, changed, base / "changed.zhigai")


# ---------------------------------------------------------------------------- command line

def test_command_line_export_import_merge_audit(tmp_path: Path, new_db_url, catalog,
                                                capsys) -> None:
    from zhigai.cli.main import main

    office, laptop = new_db_url("office"), new_db_url("lap")
    example = str(ROOT / "examples" / "auto-parts-midway.json")
    assert main(["import", example, "--db", office, "--lang", "en"]) == 0
    aid = load_assessment(example).id
    assert main(["export", aid[:8], "--db", office, "-o", str(tmp_path / "a.zhigai")]) == 0
    assert main(["import", str(tmp_path / "a.zhigai"), "--db", laptop, "--lang", "en"]) == 0
    assert "new assessment" in capsys.readouterr().out

    # the same question answered differently on both machines
    sessions = [Session.open(Store.open(url), catalog, aid) for url in (office, laptop)]
    (qid,) = first_questions(sessions[0], 1)
    options = [o.id for o in sessions[0].instrument.by_id[qid].options
               if o.id != sessions[0].assessment.answers[qid].value]
    for session, option in zip(sessions, options, strict=False):
        session.answer(qid, option)
    assert main(["export", aid, "--db", laptop, "-o", str(tmp_path / "b.zhigai")]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "b.zhigai"), "--db", office, "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert f"answer.{qid} !" in captured.out          # the side-by-side table
    assert len(captured.err.strip().splitlines()) == 1 and "--choose" in captured.err
    assert Store.open(office).load(aid).answers[qid].value == options[0]   # unchanged
    assert main(["import", str(tmp_path / "b.zhigai"), "--db", office, "--lang", "en",
                 "--choose", f"answer.{qid}=incoming", "--who", "审核员"]) == 0
    assert Store.open(office).load(aid).answers[qid].value == options[1]
    assert "merged as chosen" in capsys.readouterr().out
    assert main(["audit", aid[:8], "--db", office, "--question", qid, "--json"]) == 0
    trail = json.loads(capsys.readouterr().out)
    assert [e["field"] for e in trail] == [f"answer.{qid}", f"answer.{qid}"]

    bad = tmp_path / "bad.zhigai"
    bad.write_bytes(b"not a zip")
    assert main(["import", str(bad), "--db", office, "--lang", "en"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "not a Zhigai bundle" in err


# ---------------------------------------------------------------------------- report

def test_report_of_a_verified_assessment(tmp_path: Path, new_db_url, catalog) -> None:
    import shutil
    import subprocess

    from zhigai.core.report.service import make_report
    from zhigai.core.report.verify import verify

    store = Store.open(new_db_url("z"))
    session = expert_session(store, catalog)
    pdf = tmp_path / "r.pdf"
    made = make_report(session.assessment, pdf, "zh", catalog=catalog,
                       photos=store.attachments(session.id))
    assert made.pages >= 10
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        total = len(session.coverage().answers)
        flat = " ".join(text.split())
        for expected in ("专家核验", "王工", "杭州智造服务有限公司", "核对过的回答", "现场照片",
                         "ledger.png", "证据：看到了设备台账",
                         f"核对了企业 {total} 个回答中的 2 个（{200 // total}%），更正 1 处；"
                         f"其余 {total - 2} 个回答未经核对"):
            assert expected.replace(" ", "") in flat.replace(" ", ""), expected
        assert "逐题" not in text and "全部回答，未做更正" not in text
    if shutil.which("pdfimages"):
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True,
                                 text=True, check=True).stdout
        assert len(listing.strip().splitlines()) >= 3   # header lines + the photo
    # the evidence is part of the fingerprint: a changed note no longer verifies
    from zhigai.core.advice.data import default_advice_data

    data = default_advice_data()
    assert verify(pdf, session.assessment, catalog, data).matches
    session.set_note(first_questions(session, 2)[1], "另一条证据")
    result = verify(pdf, session.assessment, catalog, data)
    assert not result.matches and result.differing == ["answers"]
