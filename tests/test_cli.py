"""The zhigai command line, run in-process as a user would type it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhigai.cli.main import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from zhigai import __version__

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"zhigai {__version__}"


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([], capsys)
    assert code == 2 and "validate" in out and "score" in out


def test_new_set_score_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "firm.json"
    code, out, err = run(["new", "-o", str(path), "--profile", "company_name=宁波测试泵阀有限公司",
                          "--profile", "industry=pump_valve"], capsys)
    assert code == 0, err
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["profile"]["company_name"] == "宁波测试泵阀有限公司"
    assert [m["id"] for m in data["modules"]] == ["pump-valve"]
    code, _, err = run(["new", "-o", str(path)], capsys)
    assert code == 1 and "already exists" in err

    from zhigai.core.questionnaire.catalog import default_catalog

    instrument = default_catalog().instrument("zhigai-readiness", None, "pump_valve")
    single = next(q for q in instrument.questions if q.type == "single")
    best = max(single.options or [], key=lambda o: o.level or 0)
    code, out, err = run(["set", str(path), f"{single.id}={best.id}",
                          "profile.employees=85"], capsys)
    assert code == 0, err
    code, out, err = run(["score", str(path), "--json"], capsys)
    assert code == 0, err
    result = json.loads(out)
    assert result["index"] == pytest.approx(100.0)   # one answer at level 4 counts so far
    assert result["complete"] is False and len(result["missing"]) > 50
    code, out, err = run(["score", str(path), "--lang", "zh"], capsys)
    assert code == 0 and "宁波测试泵阀有限公司" in out
    # one answer is no verdict: the stage waits for the gate dimensions, said in words
    assert "阶段尚未确定：请先回答" in out and "按阶段门槛：尚未确定" in out


def test_set_refuses_bad_values_and_keeps_file(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "firm.json"
    assert main(["new", "-o", str(path)]) == 0
    before = path.read_bytes()
    code, _, err = run(["set", str(path), "profile.employees=many"], capsys)
    assert code == 1 and "nothing changed" in err and "'many' is not a number" in err
    code, _, err = run(["set", str(path), "no_such_question=1"], capsys)
    assert code == 1 and "'no_such_question' is not a question id" in err
    code, _, err = run(["set", str(path), "profile.credit_code=914403001922038217"], capsys)
    assert code == 1 and "the check character is wrong" in err
    assert path.read_bytes() == before


def test_score_reports_broken_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{ not json", encoding="utf-8")
    code, _, err = run(["score", str(path)], capsys)
    assert code == 1 and "broken.json:1: (JSON syntax)" in err
    code, _, err = run(["score", str(tmp_path / "missing.json")], capsys)
    assert code == 1 and "cannot be read" in err


def test_questions_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["questions", "--industry", "textile", "--lang", "en"], capsys)
    assert code == 0 and "# equipment: Equipment & automation" in out
    assert "tx_" in out
    code, out, _ = run(["list"], capsys)
    assert code == 0
    assert "zhigai-readiness 1.0.0" in out and "zhigai-readiness 1.1.0" in out
    for module in ("electrical", "wood-furniture"):
        assert f"module {module} 1.0.0" in out
    for module in ("textile", "auto-parts", "pump-valve"):
        assert f"module {module} 1.1.0" in out
    code, _, err = run(["questions", "nope"], capsys)
    assert code == 1 and "questionnaire 'nope' is not installed" in err


def test_schema_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema", str(tmp_path)], capsys)
    assert code == 0
    schema = json.loads((tmp_path / "questionnaire.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Zhigai questionnaire"


def test_advise_text_and_json(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = str(root / "examples" / "auto-parts-midway.json")
    code, out, err = run(["advise", example, "--lang", "zh"], capsys)
    assert code == 0, err
    for heading in ("改造路线图", "公共支持政策", "投资测算", "融资方式比较"):
        assert heading in out
    assert "[符合] 设备更新贷款财政贴息" in out
    code, out, err = run(["advise", example, "--json", "--catalogue", "national-2024-2026",
                          "--catalogue", "zhejiang-2013-2018"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert [c["id"] for c in data["catalogues"]] == ["national-2024-2026",
                                                      "zhejiang-2013-2018"]
    assert data["catalogues"][0]["verify_current_terms"] is True
    assert data["catalogues"][1]["current_entries"] == 0
    robot = next(s for s in data["supports"] if s["policy"] == "zj_robot_subsidy")
    assert robot["status"] == "expired" and robot["estimate_high"] is None
    code, out, err = run(["advise", example, "--lang", "en", "--catalogue",
                          "zhejiang-2013-2018"], capsys)
    assert "[expired, for reference] Industrial robot purchase subsidy" in out, out
    assert "no entry of this catalogue is in force on that date" in out
    assert "[eligible]" not in out
    assert data["appraisal"]["investment"] == "3660000.00"
    code, _, err = run(["advise", example, "--catalogue", "mars"], capsys)
    assert code == 1 and "no policy catalogue 'mars'" in err


def test_validate_templates(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["validate", str(root / "templates")], capsys)
    assert code == 0 and out.startswith("OK:"), out


def test_about_prints_versions_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from zhigai import __version__
    from zhigai.cli.main import main

    assert main(["about", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"zhigai {__version__}" in out and "Policy catalogue:" in out
    assert main(["about", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["program"]["zhigai"] == __version__
    assert {d["kind"] for d in data["data"]} >= {"questionnaire", "policies", "financing"}
