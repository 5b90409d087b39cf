"""Imports that must never lose or overwrite silently, a busy store, numbers typed on the command
line, and an earlier assessment of another firm (issue 19), through the command line as a
person runs it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from zhigai.cli.main import main
from zhigai.core.store.store import Store

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def firm(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, dict[str, Any]]:
    """An example assessment as a JSON file, imported into a new store."""
    path = tmp_path / "firm.json"
    path.write_bytes((ROOT / "examples" / "auto-parts-midway.json").read_bytes())
    db = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    code, out, err = run(["import", str(path), "--db", db], capsys)
    assert code == 0, err
    return path, db, json.loads(path.read_text(encoding="utf-8"))


def stored(db: str, aid: str) -> Any:
    store = Store.open(db)
    try:
        return store.load(aid)
    finally:
        store.close()


def single_question(doc: dict[str, Any]) -> tuple[str, str]:
    """An answered single-choice question of the file and another of its options."""
    from zhigai.core.assessment.model import parse_assessment
    from zhigai.core.questionnaire.catalog import default_catalog

    assessment = parse_assessment(json.dumps(doc))
    instrument, _ = default_catalog().instrument_for(assessment)
    for q in instrument.questions:
        answer = assessment.answers.get(q.id)
        if q.type == "single" and answer is not None and answer.value is not None:
            other = next(o.id for o in q.options or [] if o.id != answer.value)
            return q.id, other
    raise AssertionError("no single-choice answer")


def test_an_edit_with_zhigai_set_is_imported_not_lost(firm: Any,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path, db, doc = firm
    qid, other = single_question(doc)
    code, _, err = run(["set", str(path), f"{qid}={other}", "profile.employees=300"], capsys)
    assert code == 0, err
    edited = json.loads(path.read_text(encoding="utf-8"))
    fields = [e["field"] for e in edited["audit"][len(doc["audit"]):]]
    assert fields == [f"answer.{qid}", "profile.employees"]  # recorded as a session would
    code, out, err = run(["import", str(path), "--db", db, "--dry-run"], capsys)
    assert code == 0 and "newer (2 differences, 0 conflicts)" in out, out + err
    code, out, err = run(["import", str(path), "--db", db, "--lang", "en"], capsys)
    assert code == 0 and "brought up to date (2 taken from the bundle" in out, out + err
    after = stored(db, doc["id"])
    assert after.answers[qid].value == other and after.profile["employees"] == 300


def test_a_hand_edit_is_changed_outside_zhigai_and_asks(firm: Any,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path, db, doc = firm
    qid, other = single_question(doc)
    doc["answers"][qid]["value"] = other          # edited in a text editor: no audit entry
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(["import", str(path), "--db", db, "--dry-run", "--lang", "en"], capsys)
    assert code == 0 and "diverged (1 differences, 1 conflicts)" in out, out
    assert f"answer.{qid} !" in out and "outside Zhigai" in out
    code, out, err = run(["import", str(path), "--db", db, "--lang", "en"], capsys)
    assert code == 1 and "need a choice" in err
    assert stored(db, doc["id"]).answers[qid].value != other      # nothing taken unasked
    code, out, err = run(["import", str(path), "--db", db, "--prefer", "incoming"], capsys)
    assert code == 0, err
    assert stored(db, doc["id"]).answers[qid].value == other


def test_a_forged_newer_bundle_does_not_replace_the_firm(firm: Any, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    path, db, doc = firm
    doc["profile"]["company_name"] = "另一家公司"
    doc["profile"]["credit_code"] = "91330100MA2H3J4K5X"[:17] + "0"
    from zhigai.core.questionnaire.values import uscc_check_char

    doc["profile"]["credit_code"] = doc["profile"]["credit_code"][:17] + uscc_check_char(
        doc["profile"]["credit_code"][:17])
    doc["audit"].append({"id": "5b0f3f4e-0f8e-4c3a-9d58-2c7d1d7e0a11", "at":
                         "2026-11-30T09:00:00+08:00", "who": "x", "machine": "",
                         "field": "answer.invented", "old": None, "new": None})
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(["import", str(path), "--db", db, "--dry-run", "--lang", "en"], capsys)
    assert "diverged (2 differences, 2 conflicts)" in out, out
    assert "profile.company_name !" in out and "(to confirm)" in out
    code, out, err = run(["import", str(path), "--db", db, "--prefer", "local", "--lang", "en"],
                         capsys)
    assert code == 0 and "0 taken from the bundle, 2 kept" in out, out + err
    assert stored(db, doc["id"]).profile["company_name"] == "玉环恒达汽车零部件有限公司"


def test_a_rewritten_history_is_refused(firm: Any, capsys: pytest.CaptureFixture[str]) -> None:
    path, db, doc = firm
    code, _, err = run(["set", str(path), "profile.employees=300"], capsys)
    assert code == 0, err
    assert run(["import", str(path), "--db", db], capsys)[0] == 0
    edited = json.loads(path.read_text(encoding="utf-8"))
    edited["audit"][-1]["who"] = "someone else"     # an entry the store holds, changed
    edited["profile"]["employees"] = 310
    edited["audit"][-1]["new"] = 310
    path.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(["import", str(path), "--db", db, "--lang", "en"], capsys)
    assert code == 1 and "history was rewritten" in err
    assert stored(db, doc["id"]).profile["employees"] == 300


def test_previous_id_of_another_firm_is_dropped(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    other = ROOT / "examples" / "textile-early.json"
    assert run(["import", str(other), "--db", db], capsys)[0] == 0
    doc = json.loads((ROOT / "examples" / "auto-parts-midway.json").read_text(encoding="utf-8"))
    doc["previous_id"] = json.loads(other.read_text(encoding="utf-8"))["id"]
    path = tmp_path / "firm.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(["import", str(path), "--db", db, "--lang", "en"], capsys)
    assert code == 0 and "is of another firm" in out, out + err
    assert stored(db, doc["id"]).previous_id is None


def test_a_busy_store_says_so_and_reading_still_works(firm: Any, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from zhigai.core.store import connect

    path, db, doc = firm
    monkeypatch.setattr(connect, "SQLITE_BUSY_TIMEOUT", 0.3)
    holder = sqlite3.connect(db.removeprefix("sqlite:///"), check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")           # another program writing, for longer than
    holder.execute("UPDATE zg_meta SET value = value WHERE key = 'schema_version'")
    try:
        code, out, err = run(["audit", doc["id"][:8], "--db", db], capsys)
        assert code == 0 and "Traceback" not in err, err
        code, _, err = run(["set", str(path), "profile.employees=300"], capsys)
        assert code == 0
        code, out, err = run(["import", str(path), "--db", db, "--lang", "en"], capsys)
        assert code == 1 and "in use by another program" in err and "Traceback" not in err
    finally:
        holder.rollback()
        holder.close()
    assert stored(db, doc["id"]).profile["employees"] == 264     # nothing half-written


@pytest.mark.parametrize(("value", "said"), [
    ("1e999999999", "exponent"), ("٣", "another script"), ("abc", "'abc' is not a number"),
    ("NaN", "'NaN' is not a number"), ("\udcff", "not a number")])
def test_zhigai_set_names_the_field_of_a_bad_number(tmp_path: Path, value: str, said: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "firm.json"
    assert main(["new", "-o", str(path)]) == 0
    before = path.read_bytes()
    code, _, err = run(["set", str(path), f"profile.revenue={value}"], capsys)
    assert code == 1 and "nothing changed: profile.revenue:" in err and said in err, err
    assert path.read_bytes() == before


def test_a_file_with_a_lone_surrogate_in_a_text_is_refused_by_set(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "firm.json"
    assert main(["new", "-o", str(path)]) == 0
    before = path.read_bytes()
    code, _, err = run(["set", str(path), "profile.company_name=A\udcffB"], capsys)
    assert code == 1 and "profile.company_name" in err and "surrogate" in err, err
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", ["advise", "score", "report", "cashflow"])
def test_nan_or_text_in_a_files_project_is_a_message(tmp_path: Path, command: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads((ROOT / "examples" / "auto-parts-midway.json").read_text(encoding="utf-8"))
    doc["project"]["items"][0]["unit_price"] = "abc"
    doc["project"]["effects"]["extra_output"] = "NaN"
    path = tmp_path / "firm.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    extra = {"report": ["-o", str(tmp_path / "r.pdf")],
             "cashflow": ["--xlsx", str(tmp_path / "c.xlsx")]}
    args = [command, str(path), *extra.get(command, [])]
    code, out, err = run(args, capsys)
    assert code == 1 and "Traceback" not in err
    assert "unit price" in err and "'abc' is not a number" in err, err
