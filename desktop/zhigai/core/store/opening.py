"""Opening a store: refusing files that are not ours, checking, migrating (with a copy first)
and making sure it can be written."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from ..base.paths import sqlite_path
from ..base.private import set_mode
from . import schema
from .connect import (  # noqa: F401  (re-exported: the timeouts are read through here too)
    CONNECT_TIMEOUT,
    ENV_DB_TIMEOUT,
    SQLITE_BUSY_TIMEOUT,
    STATEMENT_TIMEOUT,
    connect_timeout,
    engine_options,
    precheck_sqlite_file,
)
from .errors import StoreError, database_error
from .url import display_url, host_port, mask_secrets

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine


def open_database(url: str) -> tuple[Engine, dict[str, Any], str | None]:
    """An engine on ``url``, the store's tables and, for a store of a newer release (opened
    read-only), why it cannot be changed; after refusing what is not ours, checking,
    migrating (see :mod:`.migrate`) and probing that it can be written."""
    path = sqlite_path(url)
    location = str(path) if path else display_url(url)
    if path is not None:
        precheck_sqlite_file(path)
    from sqlalchemy import MetaData, create_engine, event, exc

    try:
        engine = create_engine(url, **engine_options(url))
    except Exception as error:  # bad URL, missing driver
        raise StoreError("unavailable", f"cannot use the database {location}: "
                                        f"{mask_secrets(str(error), url)}", location) from None
    if url.startswith("sqlite"):
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            # journal_mode=WAL is set once the file is known to be ours (it changes the
            # file header, and a foreign or newer file must stay untouched)
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    metadata = MetaData()
    tables = schema.define_tables(metadata)
    try:
        read_only = _check_and_migrate(engine, url, tables, location)
        if path is not None:
            _private(path)
    except StoreError:
        engine.dispose()
        raise
    except exc.DBAPIError as error:
        engine.dispose()
        raise connection_error(error, url, location) from None
    except sqlite3.Error as error:  # from the driver directly (journal mode, write probe)
        engine.dispose()
        raise database_error(error, location, url) from None
    except exc.SQLAlchemyError as error:
        engine.dispose()
        raise StoreError("unavailable", f"{location} cannot be used: "
                                        f"{mask_secrets(str(error), url)}", location) from None
    return engine, tables, read_only


def connection_error(error: BaseException, url: str, location: str) -> StoreError:
    """Why the database server of ``url`` could not be used, in words that say what to check;
    never with the password."""
    text = str(getattr(error, "orig", error) or error).lower()
    server = host_port(url)
    if not server or url.startswith("sqlite"):
        return database_error(error, location, url)
    check = "Check the server address and port, the network (VPN, firewall), and that the " \
            "database server is running."
    if "timeout expired" in text or "timed out" in text:
        return StoreError("unavailable", f"the database server {server} did not answer within "
                                         f"{connect_timeout()} seconds. {check}", location)
    if "refused" in text:
        return StoreError("unavailable", f"the database server {server} refused the "
                                         f"connection. {check}", location)
    if "resolve host" in text or "translate host name" in text or "name or service" in text:
        return StoreError("unavailable", f"the database server name in {server} is not known. "
                                         "Check the server address and the network.", location)
    if "password authentication failed" in text or "no password supplied" in text:
        return StoreError("unavailable", f"the database server {server} refused the user name "
                                         "or password in the store's address. Check them with "
                                         "the database administrator.", location)
    return database_error(error, location, url)


def _check_and_migrate(engine: Engine, url: str, tables: dict[str, Any],
                       location: str) -> str | None:
    """Refuse what is not a usable store, migrate an older one, and return why a store of a
    newer release cannot be changed (None when it can)."""
    from sqlalchemy import inspect, select, text

    from .migrate import migrate, raw_autocommit

    with engine.connect() as conn:
        if url.startswith("sqlite"):
            result = conn.execute(text("PRAGMA quick_check")).scalar()
            if result != "ok":
                raise StoreError("damaged", f"{location} is damaged ({result}). It was not "
                                            "changed. Choose another store, or restore a "
                                            "backup copy.", location)
        names = set(inspect(conn).get_table_names())
    if "zg_meta" in names:
        with engine.connect() as conn:
            raw = conn.execute(select(tables["meta"].c.value).where(
                tables["meta"].c.key == "schema_version")).scalar()
        try:
            version = int(raw or 0)
        except ValueError:
            raise StoreError("damaged", f"{location} has an unreadable schema version "
                                        f"{raw!r}", location) from None
    elif names - {"zg_alembic_version"}:
        raise StoreError("foreign", f"{location} is a database of another program (it has "
                                    f"tables {', '.join(sorted(names)[:5])}); Zhigai will "
                                    "not touch it. Choose another file.", location)
    else:
        version = 0
    if version > schema.SCHEMA_VERSION:
        # an older release on a store a newer one upgraded: it can read, never write
        return (f"{location} was upgraded by a newer version of Zhigai (store version "
                f"{version}; this version knows up to {schema.SCHEMA_VERSION}): it is open "
                "read-only. Update Zhigai to change it.")
    if url.startswith("sqlite"):
        raw_autocommit(engine, "PRAGMA journal_mode=WAL")
    if 0 < version < schema.SCHEMA_VERSION and not url.startswith("sqlite"):
        # a shared database is never migrated by whoever opens it first
        raise StoreError("outdated", f"the shared database {location} is at store version "
                                     f"{version}; this version of Zhigai needs version "
                                     f"{schema.SCHEMA_VERSION}. Its administrator must run "
                                     "'zhigai db upgrade' (it backs the database up first, "
                                     "then migrates it). Nothing was changed.", location)
    if version < schema.SCHEMA_VERSION:
        migrate(url)   # an SQLite file (copied first), or a new empty database
    if not _writable(engine, url):
        raise StoreError("readonly", f"{location} is read-only: Zhigai cannot save there. "
                                     "Choose another folder for the store.", location)
    return None


def _private(path: Path) -> None:
    """The store file and its journal readable by the user only (a firm's financial data)."""
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if name.exists() and name.stat().st_mode & 0o077:
                set_mode(name)
        except OSError:
            pass  # not ours to change (a shared folder): left as it is


def _writable(engine: Engine, url: str) -> bool:
    """Probe with a real write lock (works as root and on read-only mounts too)."""
    if not url.startswith("sqlite"):
        return True
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        try:
            driver.execute("BEGIN IMMEDIATE")
            try:
                driver.execute("INSERT INTO zg_meta (key, value) VALUES ('write_probe', '')")
            finally:
                driver.execute("ROLLBACK")
        except Exception as error:  # sqlite3.OperationalError
            said = str(error).lower()
            if "readonly" in said or "read-only" in said:
                return False
            if "locked" in said or "busy" in said:
                return True   # another program is writing: the file can be written, later
            raise
        return True
    finally:
        raw.close()
