"""The settings file: typed, checked field by field, written atomically, never lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhigai.core.base import settings as prefs


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ZHIGAI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("ZHIGAI_DATA_DIR", raising=False)
    prefs.forget()
    yield tmp_path / "config"
    prefs.forget()


def test_defaults_without_a_file(config: Path) -> None:
    file = prefs.current()
    s = file.settings
    assert not file.exists and not file.problems
    assert (s.language, s.data_dir, s.assessor, s.catalogue, s.min_peers) == (
        None, None, None, None, 5)
    assert s.report == prefs.ReportDefaults(None, True, True)
    assert not s.state.welcomed


def test_update_saves_and_reloads(config: Path, tmp_path: Path) -> None:
    file = prefs.current()
    file.update(language="en", data_dir=str(tmp_path / "d"), min_peers=8,
                assessor=prefs.AssessorProfile(" 王建国 ", "台州服务团"),
                report=prefs.ReportDefaults("zh", False, True), catalogue="national-2024-2026")
    file.set_folder("bundle", tmp_path)
    file.set_resume("a1", "q7")
    assert file.dirty
    file.try_save()
    raw = json.loads((config / "settings.json").read_text(encoding="utf-8"))
    assert raw["format"] == "zhigai-settings" and raw["assessor"]["name"] == "王建国"
    prefs.forget()
    again = prefs.settings()
    assert again.language == "en" and again.min_peers == 8
    assert again.data_dir == str(tmp_path / "d")
    assert again.report.language == "zh" and not again.report.appendix
    assert again.assessor == prefs.AssessorProfile("王建国", "台州服务团", "")
    assert prefs.current().folder("bundle") == str(tmp_path)
    assert prefs.current().resume("a1") == "q7"
    assert not list(config.glob(".settings.*"))    # no temporary files left


@pytest.mark.parametrize(("change", "message"), [
    ({"language": "fr"}, "must be one of zh, en"),
    ({"min_peers": 1}, "between 2 and 1000"),
    ({"data_dir": "relative/folder"}, "absolute"),
])
def test_update_refuses_bad_values(config: Path, change: dict[str, object],
                                   message: str) -> None:
    file = prefs.current()
    with pytest.raises(ValueError, match=message):
        file.update(**change)
    assert file.settings == prefs.Settings() and not file.exists


def test_a_bad_field_is_named_and_the_rest_kept(config: Path) -> None:
    config.mkdir()
    path = config / "settings.json"
    path.write_text(json.dumps({
        "language": "en", "min_peers": "many", "assessor": {"organisation": "x"},
        "report": {"language": "de", "appendix": False}, "colour": "blue"}), encoding="utf-8")
    file = prefs.current()
    s = file.settings
    assert s.language == "en" and s.min_peers == 5 and s.assessor is None
    assert s.report.language is None and s.report.appendix is False
    text = "\n".join(file.problems)
    assert f"{path}: field 'min_peers': value \"many\" must be a whole number" in text
    assert "field 'report.language': value \"de\"" in text
    assert "field 'assessor'" in text and "field 'colour' is not a setting" in text
    kept = list(config.glob("settings.json.broken-*"))
    assert len(kept) == 1 and json.loads(kept[0].read_text())["min_peers"] == "many"


def test_a_file_that_is_not_json_is_kept_aside(config: Path) -> None:
    config.mkdir()
    (config / "settings.json").write_text('{"language": "en",\n  oops}', encoding="utf-8")
    file = prefs.current()
    assert file.settings == prefs.Settings()
    assert "line 2, column 3" in file.problems[0]
    kept = list(config.glob("settings.json.broken-*"))
    assert len(kept) == 1 and "oops" in kept[0].read_text()
    file.update(language="zh")          # a new good file; the broken one stays for the user
    assert prefs.settings().language == "zh" and kept[0].exists()


def test_data_dir_follows_settings_unless_overridden(config: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from zhigai.core.base.dirs import default_data_dir
    from zhigai.core.base.paths import DB_FILE, data_dir, default_db_url

    assert data_dir() == default_data_dir()
    prefs.current().update(data_dir=str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"
    assert default_db_url().endswith(str(tmp_path / "elsewhere" / DB_FILE))
    monkeypatch.setenv("ZHIGAI_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"


def test_sample_is_added_with_a_new_id_and_remembered(config: Path, tmp_path: Path,
                                                      catalog) -> None:
    from zhigai.core.app.sample import add_sample, is_sample
    from zhigai.core.base.paths import sqlite_url
    from zhigai.core.store.store import Store

    store = Store.open(sqlite_url(tmp_path / "s.sqlite3"))
    first = add_sample(store, catalog)
    second = add_sample(store, catalog)
    assert first.id != second.id and is_sample(first.id) and is_sample(second.id)
    assert first.score.complete
    name = first.assessment.profile["company_name"]
    assert "示例" in name and "样例数据" in name
    assert "Sample data" in (first.assessment.notes or "")
    store.close()


def test_about_lists_every_data_file_with_version_and_source(catalog) -> None:
    from zhigai.core.advice.data import default_advice_data
    from zhigai.core.app.about import data_versions, program_versions

    data = default_advice_data()
    found = data_versions(catalog, data, "en")
    kinds = {d.kind for d in found}
    assert kinds == {"questionnaire", "module", "measures", "policies", "financing"}
    assert {d.id for d in found if d.kind == "policies"} == set(data.catalogues)
    assert all(d.version and d.basis and len(d.date) == 10 for d in found)
    assert program_versions()["zhigai"]


def _written(config: Path, data: bytes) -> prefs.SettingsFile:
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_bytes(data)
    prefs.forget()
    return prefs.current()


GOOD = {"format": "zhigai-settings", "format_version": 1, "language": "en", "min_peers": 7}


@pytest.mark.parametrize("damage", ["deep", "nul", "surrogate", "huge", "nan"])
def test_damaged_settings_never_stop_the_program(config: Path, damage: str) -> None:
    """Each damaged form is refused without an exception, the defaults (or the good fields)
    are used, the file is kept as it was, and the next save writes a readable file."""
    text = {"deep": '{"state": ' + "[" * 5000 + "]" * 5000 + "}",
            "nul": json.dumps({**GOOD, "data_dir": "/tmp/a\u0000b"}),
            "surrogate": json.dumps({**GOOD, "user_name": "A\ud800"}),
            "huge": '{"min_peers": ' + "9" * 5000 + "}",
            "nan": '{"min_peers": NaN}'}[damage]
    file = _written(config, text.encode("utf-8"))
    assert file.problems, damage
    assert file.settings.data_dir is None and file.settings.user_name is None
    if damage in ("nul", "surrogate"):   # one bad field: the others are kept
        assert file.settings.language == "en" and file.settings.min_peers == 7
    kept = list(config.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == text.encode("utf-8")
    file.update(language="zh")
    prefs.forget()
    again = prefs.current()
    assert again.settings.language == "zh" and not again.problems


def test_a_bom_or_utf16_file_keeps_its_settings(config: Path) -> None:
    text = json.dumps(GOOD)
    file = _written(config, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert not file.problems and file.settings.min_peers == 7
    file = _written(config, text.encode("utf-16"))
    assert file.settings.min_peers == 7 and "UTF-16" in file.problems[0]
    kept = list(config.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == text.encode("utf-16")
    file = _written(config, b"\xff\xfe\x00\xd8" + "x".encode("utf-16-le"))  # lone surrogate
    assert file.problems and file.settings.min_peers == 5
