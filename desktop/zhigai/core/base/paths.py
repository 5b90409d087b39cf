"""Where the user's data lives: platformdirs' user folders, overridable by environment
variables (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

from .dirs import default_data_dir
from .settings import settings

ENV_DATA_DIR = "ZHIGAI_DATA_DIR"
ENV_DB_URL = "ZHIGAI_DB_URL"

DB_FILE = "zhigai.sqlite3"


def data_dir() -> Path:
    """The folder of the local store and caches: ``$ZHIGAI_DATA_DIR``, else the folder chosen
    in the settings, else the platform's user data folder."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    chosen = settings().data_dir
    return Path(chosen) if chosen else default_data_dir()


def default_db_url() -> str:
    """``$ZHIGAI_DB_URL`` (any SQLAlchemy URL) or the SQLite file in :func:`data_dir`."""
    return os.environ.get(ENV_DB_URL) or sqlite_url(data_dir() / DB_FILE)


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + str(Path(path).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL, or None for other databases and in-memory SQLite."""
    for prefix in ("sqlite:///", "sqlite+pysqlite:///"):
        if url.startswith(prefix):
            rest = url[len(prefix):].split("?", 1)[0].removeprefix("file:")
            return Path(rest) if rest and rest != ":memory:" else None
    return None
