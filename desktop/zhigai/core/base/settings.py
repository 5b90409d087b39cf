"""The user's settings: one typed JSON file, ``settings.json`` in the platformdirs config
folder (``$ZHIGAI_CONFIG_DIR`` overrides).

Preferences (language, data folder, assessor profile, default policy catalogue, report
defaults, peer-benchmark threshold) and the interface's remembered state (window geometry,
last folders, where each assessment was left) are kept in the same file, written atomically.

A damaged file never stops the program and never silently loses what is still good: a file
that is not JSON is kept beside as ``settings.json.broken-<time>`` and defaults are used; a
field with a bad value is dropped with a message naming the file, the field and the value,
and the other fields are kept. :attr:`SettingsFile.problems` holds those messages.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from . import jsontext
from .dirs import config_dir
from .jsontext import bad_text
from .private import private_folder

SETTINGS_FILE = "settings.json"
FORMAT = "zhigai-settings"
FORMAT_VERSION = 1
MAX_RESUME = 500  # remembered "where I left off" positions (newest kept)
LANGS = ("zh", "en")

Lang = Literal["zh", "en"]

# Plain dataclasses with explicit checks rather than pydantic models: the settings are read
# before the first window shows, and importing pydantic would add ~0.1 s to every start.


@dataclass
class AssessorProfile:
    """The default assessor (the fields of :class:`zhigai.core.assessment.model.Assessor`)."""

    name: str
    organisation: str = ""
    service_group: str = ""


@dataclass
class ReportDefaults:
    language: Lang | None = None   # None: the interface language
    appendix: bool = True          # include the appendix with every answer
    open_after: bool = True        # open the report when it is ready
    shared: bool = False           # reports readable by others on this computer (else 0600)


@dataclass
class UiState:
    """What the interface remembers between sessions (not shown in the settings dialog)."""

    window_geometry: str = ""      # QWidget.saveGeometry(), base64
    folders: dict[str, str] = field(default_factory=dict)   # last folder per purpose
    resume: dict[str, str] = field(default_factory=dict)    # assessment id -> question
    welcomed: bool = False         # the first-run welcome was shown
    sample_ids: list[str] = field(default_factory=list)     # samples added by the program


@dataclass
class Settings:
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    language: Lang | None = None   # None: follow the system's
    data_dir: str | None = None    # folder of the local store; None: platform user data
    user_name: str | None = None   # who edits on this machine (audit trail); asked once
    assessor: AssessorProfile | None = None   # default assessor profile
    catalogue: str | None = None   # policy catalogue (region) for new assessments
    report: ReportDefaults = field(default_factory=ReportDefaults)
    min_peers: int = 5             # peer benchmark: fewest peer firms to compare with
    state: UiState = field(default_factory=UiState)

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# ---------------------------------------------------------------------------- checks


class Bad(ValueError):
    """A field's value is wrong (message without the location)."""


def _text(max_length: int, required: bool = False) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise Bad("must be text")
        broken = bad_text(value)
        if broken:
            raise Bad(broken)
        text: str = value.strip()
        if required and not text:
            raise Bad("must not be empty")
        if len(text) > max_length:
            raise Bad(f"is longer than {max_length} characters")
        return text
    return check


def _optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def optional(value: Any) -> Any:
        return None if value is None else check(value)
    return optional


def _lang(value: Any) -> str:
    if value not in LANGS:
        raise Bad("must be one of zh, en")
    return cast(str, value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Bad("must be true or false")
    return value


def _int(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Bad("must be a whole number")
        if not low <= value <= high:
            raise Bad(f"must be between {low} and {high}")
        return value
    return check


def _folder(value: Any) -> str | None:
    text = _text(4000)(value)
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        raise Bad("must be an absolute folder path")
    return str(path)


def _text_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and not bad_text(k) and not bad_text(v)
            for k, v in value.items()):
        raise Bad("must be an object of texts")
    return dict(value)


def _text_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and not bad_text(v)
                                              for v in value):
        raise Bad("must be a list of texts")
    return list(value)


def _format(value: Any) -> str:
    if value != FORMAT:
        raise Bad(f"must be {FORMAT!r}")
    return FORMAT


CHECKS: dict[type, dict[str, Callable[[Any], Any] | None]] = {  # None: a nested object
    AssessorProfile: {"name": _text(100, required=True), "organisation": _text(200),
                      "service_group": _text(200)},
    ReportDefaults: {"language": _optional(_lang), "appendix": _bool, "open_after": _bool,
                     "shared": _bool},
    UiState: {"window_geometry": _text(100_000), "folders": _text_map, "resume": _text_map,
              "welcomed": _bool, "sample_ids": _text_list},
    Settings: {"format": _format, "format_version": _int(1, 1_000_000),
               "language": _optional(_lang), "data_dir": _optional(_folder),
               "user_name": _optional(_text(100)),
               "assessor": None, "catalogue": _optional(_text(100)), "report": None,
               "min_peers": _int(2, 1000), "state": None},
}
NESTED: dict[str, type] = {"assessor": AssessorProfile, "report": ReportDefaults,
                           "state": UiState}


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def build(kind: type, raw: Any, where: str, path: str, problems: list[str]) -> Any:
    """An instance of the dataclass ``kind`` from JSON ``raw``: each bad field is reported in
    ``problems`` (file, field, value, what is wrong) and left at its default."""
    if not isinstance(raw, dict):
        raise Bad(f"must be an object, found {_show(raw)}")
    values: dict[str, Any] = {}
    checks = CHECKS[kind]
    for key, value in raw.items():
        name = f"{path}{key}"
        if key not in checks:
            problems.append(f"{where}: field '{name}' is not a setting; it is ignored")
            continue
        try:
            checker = checks[key]
            if checker is None:
                values[key] = (None if value is None and key == "assessor"
                               else build(NESTED[key], value, where, f"{name}.", problems))
            else:
                values[key] = checker(value)
        except Bad as error:
            problems.append(f"{where}: field '{name}': value {_show(value)} {error}; the "
                            "default is used")
    try:
        return kind(**values)
    except TypeError:  # a required field (the assessor's name) is missing
        raise Bad("misses a required field") from None


def parse(text: str, where: str) -> tuple[Settings, list[str]]:
    """Settings from a file's text, keeping every field that is valid. Raises ValueError
    (with line and column) when the text is not a JSON object."""
    try:
        raw = jsontext.loads(text.removeprefix("\ufeff"), texts=False)
    except jsontext.JsonProblem as error:
        if error.line is not None:
            raise ValueError(f"{where}: line {error.line}, column {error.column}: not valid "
                             f"JSON ({error.message.partition(' at column')[0]})") from None
        raise ValueError(f"{where}: not valid settings JSON ({error.message})") from None
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: expected a JSON object, found {type(raw).__name__}")
    problems: list[str] = []
    return cast(Settings, build(Settings, raw, where, "", problems)), problems


def check(settings: Settings) -> Settings:
    """``settings`` checked field by field (raises ValueError naming the first bad field)."""
    problems: list[str] = []
    result = cast(Settings, build(Settings, settings.to_json(), "settings", "", problems))
    if problems:
        raise ValueError(problems[0])
    return result


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


class SettingsFile:
    """The settings of one file, loaded once; :meth:`save` writes them atomically."""

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[str] = []
        self.dirty = False  # changed in memory since the last save
        self._lock = threading.Lock()
        self.settings = self._load()

    def _load(self) -> Settings:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as error:
            self.problems.append(f"{self.path}: cannot be read ({error}); defaults are used")
            return Settings()
        try:  # UTF-8 (a BOM tolerated), or UTF-16 as some Windows editors save it
            text = (raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff")
                    else raw.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            kept = self._keep_broken()
            self.problems.append(f"{self.path}: is not UTF-8 text ({error.reason} at byte "
                                 f"{error.start}); defaults are used"
                                 + (f", the file was kept as {kept}" if kept else ""))
            return Settings()
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            kept = self._keep_broken(copy=True)
            self.problems.append(f"{self.path}: was saved as UTF-16; it is read and will be "
                                 "saved as UTF-8" + (f", the file as it was is kept as {kept}"
                                                     if kept else ""))
        try:
            settings, problems = parse(text, str(self.path))
        except ValueError as error:
            kept = self._keep_broken()
            self.problems.append(f"{error}; defaults are used"
                                 + (f", the file was kept as {kept}" if kept else ""))
            return Settings()
        if problems:  # the next save drops the bad values: keep the file as it was
            kept = self._keep_broken(copy=True)
            if kept:
                problems.append(f"the file as it was is kept as {kept}")
        self.problems.extend(problems)
        return settings

    def _keep_broken(self, copy: bool = False) -> Path | None:
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        try:
            if copy:
                shutil.copyfile(self.path, target)
            else:
                os.replace(self.path, target)
        except OSError:
            return None
        return target

    @property
    def exists(self) -> bool:
        return self.path.exists()

    def save(self) -> None:
        """Write the settings (atomically: a crash leaves the old or the new file)."""
        with self._lock:
            state = self.settings.state
            if len(state.resume) > MAX_RESUME:
                keep = list(state.resume.items())[-MAX_RESUME:]
                state.resume = dict(keep)
            text = json.dumps(self.settings.to_json(), ensure_ascii=False, indent=2) + "\n"
            private_folder(self.path.parent)
            fd, tmp = tempfile.mkstemp(prefix=".settings.", suffix=".part", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(text)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise

    def try_save(self) -> bool:
        """Save, recording an error in :attr:`problems` instead of raising (for remembered
        interface state, which must never interrupt the work)."""
        try:
            self.save()
        except OSError as error:
            self.problems.append(f"{self.path}: cannot be saved ({error})")
            return False
        self.dirty = False
        return True

    def set_state(self, save: bool = True, **changes: Any) -> None:
        """Change remembered interface state; ``save=False`` keeps it in memory until the
        next save (frequent changes such as the current question)."""
        self.settings.state = dataclasses.replace(self.settings.state, **changes)
        if save:
            self.try_save()
        else:
            self.dirty = True

    def folder(self, purpose: str, default: str = "") -> str:
        """The folder last used for ``purpose`` (bundle, report, portfolio...), if it still
        exists."""
        chosen = self.settings.state.folders.get(purpose, "")
        return chosen if chosen and Path(chosen).is_dir() else default

    def set_folder(self, purpose: str, folder: str | Path) -> None:
        folders = dict(self.settings.state.folders)
        folders[purpose] = str(folder)
        self.set_state(folders=folders)

    def resume(self, assessment_id: str) -> str | None:
        return self.settings.state.resume.get(assessment_id)

    def set_resume(self, assessment_id: str, question_id: str) -> None:
        resume = self.settings.state.resume
        resume.pop(assessment_id, None)  # newest last (the oldest are dropped first)
        resume[assessment_id] = question_id
        self.dirty = True

    def update(self, **changes: Any) -> Settings:
        """Change top-level fields (checked: ValueError names a bad one) and save."""
        self.settings = check(dataclasses.replace(self.settings, **changes))
        self.save()
        return self.settings


_files: dict[Path, SettingsFile] = {}
_files_lock = threading.Lock()


def current() -> SettingsFile:
    """The settings file of the current config folder (loaded once per folder)."""
    path = settings_path()
    with _files_lock:
        found = _files.get(path)
        if found is None:
            found = _files[path] = SettingsFile(path)
        return found


def settings() -> Settings:
    return current().settings


def forget() -> None:
    """Drop the loaded files (tests that change ``$ZHIGAI_CONFIG_DIR`` or edit the file)."""
    with _files_lock:
        _files.clear()
