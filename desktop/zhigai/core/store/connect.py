"""Connecting to a store: refusing a file that cannot be a store before SQLite touches it, and
the engine options (SQLite's busy timeout; a server's connect and statement timeouts)."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from ..base.private import private_folder
from .errors import StoreError
from .rows import SQLITE_MAGIC


def precheck_sqlite_file(path: Path) -> None:
    """Refuse files that are not SQLite databases and folders that cannot be used, before
    SQLite gets a chance to write anything."""
    location = str(path)
    folder = path.parent
    if path.exists():
        if path.is_dir():
            raise StoreError("unavailable", f"{location} is a folder, not a store file",
                             location)
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
        except OSError as error:
            raise StoreError("unavailable", f"{location} cannot be read: "
                                            f"{error.strerror or error}", location) from None
        if head and head != SQLITE_MAGIC:
            raise StoreError("damaged", f"{location} is damaged or is not a Zhigai store (it "
                                        "is not an SQLite database). It was not changed. "
                                        "Choose another store.", location)
        if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
            raise StoreError("readonly", f"{location} is read-only: Zhigai cannot save there. "
                                         "Choose another folder for the store.", location)
        return
    try:
        private_folder(folder)
    except OSError as error:
        raise StoreError("readonly" if isinstance(error, PermissionError) else "unavailable",
                         f"the folder {folder} cannot be created: {error.strerror or error}. "
                         "Choose another folder for the store.", location) from None
    if not os.access(folder, os.W_OK):
        raise StoreError("readonly", f"the folder {folder} is read-only: Zhigai cannot save "
                                     "there. Choose another folder for the store.", location)


ENV_DB_TIMEOUT = "ZHIGAI_DB_TIMEOUT"
CONNECT_TIMEOUT = 5        # seconds a database server has to answer a connection
STATEMENT_TIMEOUT = 30     # seconds a database server has for one statement
SQLITE_BUSY_TIMEOUT = 5    # seconds to wait for another program's lock on an SQLite file


# libpq's TCP keepalive settings: probe an idle connection after 15 s, every 5 s, give up
# after 3 unanswered probes; unacknowledged data gives up after 30 s (tcp_user_timeout, ms)
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 15, "keepalives_interval": 5,
             "keepalives_count": 3, "tcp_user_timeout": 30000}


def connect_timeout() -> int:
    """Seconds a database server has to accept a connection: ``$ZHIGAI_DB_TIMEOUT``, else
    :data:`CONNECT_TIMEOUT`; at least 2 (libpq and psycopg take less as 2)."""
    raw = os.environ.get(ENV_DB_TIMEOUT, "").strip()
    try:
        seconds = float(raw) if raw else CONNECT_TIMEOUT
    except ValueError:
        return CONNECT_TIMEOUT
    return max(2, math.ceil(seconds)) if math.isfinite(seconds) else CONNECT_TIMEOUT


def engine_options(url: str) -> dict[str, Any]:
    """``create_engine`` options: SQLite's busy timeout; for a server (PostgreSQL) a connect
    and a statement timeout, TCP keepalives (:data:`KEEPALIVE`), and a ping before a pooled
    connection is reused. A value
    written in the URL's query wins over ours."""
    if url.startswith("sqlite"):
        return {"connect_args": {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT}}
    options: dict[str, Any] = {"pool_pre_ping": True}
    if url.lower().startswith("postgres"):
        query = url.split("?", 1)[1] if "?" in url else ""
        written = {part.split("=", 1)[0].strip().lower() for part in query.split("&")}
        args: dict[str, Any] = {}
        if "connect_timeout" not in written:
            args["connect_timeout"] = connect_timeout()
        if "options" not in written:
            args["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT * 1000}"
        # a server that stops answering on an open connection (a cable pulled, a laptop
        # leaving the network) is noticed within seconds instead of the system's hours
        for key, value in KEEPALIVE.items():
            if key not in written:
                args[key] = value
        options["connect_args"] = args
    return options
