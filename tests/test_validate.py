"""`zhigai validate`: every malformed fixture produces its own file:line: field: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhigai.cli.main import main

# fixture name -> (line, field, a fragment of the message that must be printed)
EXPECTED: dict[str, tuple[int, str, str]] = {
    "bad-question-type": (71, "questions[eq_robots].type",
                          "'singel' is not allowed; use one of 'single'"),
    "alias-bomb": (123, "lol1[0]", "YAML aliases (*name) are not allowed in Zhigai files"),
    "bad-source-date": (9, "source.date", "is not a date; write it as YYYY-MM-DD"),
    "bad-version": (4, "version", "'v1' is not a version; write MAJOR.MINOR.PATCH"),
    "cannot-reach-level-4": (69, "questions[eq_robots]",
                             "the best answer reaches only level 3, so dimension 'equipment' "
                             "can never reach level 4"),
    "comma-in-flow-text": (72, "questions[eq_robots].text.cells",
                           "put each text in double quotes"),
    "condition-later-question": (63, "questions[eq_cnc].show_if",
                                 "'da_scrap' is asked after this question"),
    "condition-syntax": (82, "questions[eq_robot_vision].show_if",
                         "expected ')' to close selected( but found the end of the condition "
                         "(at column 36)"),
    "condition-type-mismatch": (82, "questions[eq_robot_vision].show_if",
                                "cannot compare eq_cnc (number) with 'high' (text)"),
    "condition-unknown-option": (82, "questions[eq_robot_vision].show_if",
                                 "'many' is not an option of eq_robots; its options are cells, "
                                 "none, some"),
    "condition-unknown-profile-field": (119, "questions[gr_energy].show_if",
                                        "did you mean profile.employees?"),
    "condition-unknown-question": (82, "questions[eq_robot_vision].show_if",
                                   "'eq_robot' is not a question id of this questionnaire; did "
                                   "you mean 'eq_robots'?"),
    "dimension-level-missing": (31, "dimensions[data].levels",
                                "must describe every level 0-4; missing 3"),
    "duplicate-key": (20, "dimensions[equipment].weight",
                      "duplicate key 'weight' (first written on line 19)"),
    "duplicate-option-id": (76, "questions[eq_robots].options[none].id",
                            "duplicate option id 'none' (already used on line 75)"),
    "duplicate-question-id": (96, "questions[da_records].id",
                              "duplicate question id 'da_records' (already used on line 86)"),
    "empty-file": (1, "(file)", "the file is empty"),
    "empty-text": (72, "questions[eq_robots].text", "text is empty in both languages"),
    "impossible-date": (9, "source.date", "'2026-02-30' is not a day of the calendar"),
    "if-skipped-missing": (82, "questions[eq_robot_vision].show_if", "add if_skipped: 0"),
    "if-skipped-too-high": (83, "questions[eq_robot_vision].if_skipped",
                            "if_skipped 3 is above the lowest answer level 1"),
    "level-out-of-range": (77, "questions[eq_robots].options[cells].level",
                           "5 is not a level; levels run from 0 (manual) to 4 (intelligent)"),
    "missing-question-id": (59, "questions[0].id", "is required but missing; add id:"),
    "module-question-id-clash": (9, "questions[eq_cnc].id",
                                 "question id 'eq_cnc' is already used in mini 1.0.0"),
    "module-unknown-industry": (7, "industries[0]",
                                "'weaving' is not an industry of mini 1.0.0; use one of other, "
                                "textile"),
    "module-unknown-questionnaire": (4, "questionnaire",
                                     "extends 'maxi', which is not among the questionnaires"),
    "negative-weight": (19, "dimensions[equipment].weight",
                        "-2 is out of range; it must be at least 0"),
    "python-tag": (19, "dimensions[equipment].weight",
                   "the tag !!python/object/apply:os.system is not allowed"),
    "recursive-alias": (3, "loop[0]", "(the anchor is on line 3)"),
    "single-without-options": (69, "questions[eq_robots].options",
                               "a single question needs at least two options"),
    "thresholds-first-above-zero": (64, "questions[eq_cnc].thresholds[0].from",
                                    "the first threshold starts at 5, so answers from 0 have no "
                                    "level"),
    "thresholds-not-rising": (67, "questions[eq_cnc].thresholds[3].from",
                              "thresholds must rise: 40 does not come after 70"),
    "thresholds-up-and-down": (102, "questions[da_scrap].thresholds",
                               "levels [4, 3, 2, 1, 2] go up and down"),
    "top-level-list": (1, "(file)", "must be a mapping with kind: questionnaire or kind: "
                                    "module at the top, not a list"),
    "unknown-dimension": (60, "questions[eq_cnc].dimension",
                          "'equipmnt' is not a dimension of mini; did you mean 'equipment'?"),
    "unknown-field-typo": (74, "questions[eq_robots].optons",
                           "unknown field 'optons'; did you mean 'options'?"),
    "unknown-pain-point": (20, "dimensions[equipment].addresses[0]",
                           "'labor' is not a pain point; use one of labour, quality (did you "
                           "mean 'labour'?)"),
    "wrong-kind": (2, "kind", "found 'questionaire' (did you mean 'questionnaire'?)"),
    "yaml-tab-indent": (19, "(YAML syntax)", "this line contains a tab character"),
    "yesno-without-levels": (113, "questions[gr_energy].yes_level",
                             "a scored yes/no question needs yes_level and no_level"),
}


def test_every_fixture_has_an_expectation(fixtures: Path) -> None:
    names = {p.stem for p in (fixtures / "invalid").glob("*.yaml")}
    assert names == set(EXPECTED)
    assert len(names) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_fixture_message(name: str, fixtures: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    line, field, fragment = EXPECTED[name]
    path = fixtures / "invalid" / f"{name}.yaml"
    code = main(["validate", str(fixtures / "valid" / "mini.yaml"), str(path)])
    out = capsys.readouterr().out
    assert code == 1, out
    prefix = f"{path}:{line}: {field}: "
    matching = [x for x in out.splitlines() if x.startswith(prefix)]
    assert matching, f"no line starting with {prefix!r} in:\n{out}"
    assert any(fragment in x for x in matching), f"{fragment!r} not in {matching}"
    assert "FAILED" in out.splitlines()[-1]


def test_valid_files_pass(fixtures: Path, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(fixtures / "valid"), str(root / "questionnaires")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK:"), out


def test_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 1
    assert "nope.yaml: (file): does not exist" in capsys.readouterr().out


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "gbk.yaml"
    bad.write_bytes("kind: questionnaire\ntitle: 问卷\n".encode("gbk"))
    assert main(["validate", str(bad)]) == 1
    assert f"{bad}:2: (file): is not valid UTF-8 text" in capsys.readouterr().out


def test_yaml_11_words_stay_text() -> None:
    from zhigai.core.base.yamlsource import parse_yaml

    doc = parse_yaml("a: no\nb: on\nc: yes\nd: true\ne: 2026-11-25\nf: 017\ng: 1_000\n")
    assert doc.data == {"a": "no", "b": "on", "c": "yes", "d": True, "e": "2026-11-25",
                        "f": 17, "g": 1000}
    assert doc.lines[("e",)] == 5
