"""The assessment JSON file: round trip, atomic save, clear errors, old versions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from zhigai.core.assessment.checking import check_against
from zhigai.core.assessment.model import Assessment, DocRef, load_assessment, parse_assessment
from zhigai.core.base.diagnostics import DataFileError
from zhigai.core.questionnaire.catalog import Catalog, CatalogError
from zhigai.core.questionnaire.instrument import AnswerProblem


def test_round_trip(tmp_path: Path, mini_catalog) -> None:
    ins = mini_catalog.instrument("mini")
    a = Assessment(questionnaire=DocRef(id="mini", version="1.0.0", hash=ins.base.hash))
    a.set_profile(ins, "name", "绍兴柯桥锦程纺织有限公司")
    a.set_answer(ins, "eq_cnc", "45.5")
    a.set_answer(ins, "da_records", "excel,erp")
    a.set_not_applicable(ins, "eq_robots")
    path = tmp_path / "a.json"
    a.save(path)
    text = path.read_text(encoding="utf-8")
    assert "绍兴柯桥锦程纺织有限公司" in text   # readable, not \\u escapes
    b = load_assessment(path)
    assert b == a
    assert b.answers["eq_cnc"].value == 45.5
    assert b.answers["da_records"].value == ["excel", "erp"]
    assert b.answers["eq_robots"].na


def test_answers_are_validated(mini_catalog) -> None:
    ins = mini_catalog.instrument("mini")
    a = Assessment(questionnaire=DocRef(id="mini", version="1.0.0", hash=ins.base.hash))
    with pytest.raises(AnswerProblem, match="'robot' is not an option of eq_robots"):
        a.set_answer(ins, "eq_robots", "robot")
    with pytest.raises(AnswerProblem, match="above the largest allowed answer 100"):
        a.set_answer(ins, "eq_cnc", 140)
    with pytest.raises(AnswerProblem, match="not a number"):
        a.set_answer(ins, "eq_cnc", "lots")
    with pytest.raises(AnswerProblem, match="cannot be answered 'not applicable'"):
        a.set_not_applicable(ins, "eq_cnc")
    with pytest.raises(AnswerProblem, match="'nope' is not a question"):
        a.set_answer(ins, "nope", 1)
    assert a.answers == {}  # nothing half-written


def test_errors_name_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "zhigai-assessment",\n "questionnaire": {"id": "mini"}\n}\n')
    with pytest.raises(DataFileError) as info:
        load_assessment(path)
    text = str(info.value)
    assert f"{path}:2: questionnaire.version: Field required" in text
    path.write_text('{"format": "zhigai-assessment",\n "id": }')
    with pytest.raises(DataFileError, match=r"bad.json:2: \(JSON syntax\): Expecting value"):
        load_assessment(path)
    with pytest.raises(DataFileError, match="not a Zhigai assessment file"):
        parse_assessment("[]")
    with pytest.raises(DataFileError, match="written by a newer Zhigai"):
        parse_assessment(json.dumps({"format": "zhigai-assessment", "format_version": 99}))


def test_check_against_reports_bad_values_and_keeps_unknown(mini_catalog) -> None:
    ins = mini_catalog.instrument("mini")
    data = {"format": "zhigai-assessment",
            "questionnaire": {"id": "mini", "version": "1.0.0", "hash": ins.base.hash},
            "answers": {"eq_robots": {"value": "lots"}, "old_question": {"value": 3}},
            "profile": {"employees": "many"}}
    a = parse_assessment(json.dumps(data))
    problems = {p.field: p for p in check_against(a, ins, "x.json")}
    assert problems["answers.eq_robots.value"].severity == "error"
    assert problems["answers.old_question"].severity == "warning"
    assert problems["profile.employees"].severity == "error"


def test_old_questionnaire_versions_stay_loadable(tmp_path: Path, fixtures: Path) -> None:
    """An assessment made with 1.0.0 opens with 1.0.0 after 1.1.0 is installed; a changed file
    is reported; a removed version gives a clear message."""
    folder = tmp_path / "q"
    folder.mkdir()
    shutil.copy(fixtures / "valid" / "mini.yaml", folder / "mini-1.0.yaml")
    newer = (fixtures / "valid" / "mini.yaml").read_text().replace(
        'version: "1.0.0"', 'version: "1.1.0"').replace("weight: 2\n", "weight: 3\n")
    (folder / "mini-1.1.yaml").write_text(newer)
    catalog = Catalog.load([folder])
    assert catalog.versions("mini") == ["1.0.0", "1.1.0"]
    old = catalog.get("mini", "1.0.0")
    a = Assessment(questionnaire=DocRef(id="mini", version="1.0.0", hash=old.hash))
    instrument, warnings = catalog.instrument_for(a)
    assert instrument.version == "1.0.0" and not warnings
    assert instrument.dimension_by_id["equipment"].weight == 2
    a.questionnaire.hash = "sha256:" + "0" * 64
    _, warnings = catalog.instrument_for(a)
    assert "has changed since this assessment was made" in warnings[0]
    a.questionnaire.version = "0.9.0"
    with pytest.raises(CatalogError, match="version 0.9.0 is not installed; installed versions: "
                                           "1.0.0, 1.1.0"):
        catalog.instrument_for(a)


def test_save_is_atomic(tmp_path: Path, mini_catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    ins = mini_catalog.instrument("mini")
    a = Assessment(questionnaire=DocRef(id="mini", version="1.0.0", hash=ins.base.hash))
    path = tmp_path / "a.json"
    a.save(path)
    before = path.read_bytes()
    a.set_answer(ins, "eq_cnc", 50)

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        a.save(path)
    assert path.read_bytes() == before            # the old file is intact
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temp file left
