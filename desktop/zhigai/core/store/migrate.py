"""Migrating a store with Alembic: the whole history in one transaction (SQLite included),
under a lock (an advisory lock on PostgreSQL, an exclusive transaction on SQLite), with the
version read again under the lock, after a backup (a copy of an SQLite file; ``pg_dump`` for a
server, see :func:`upgrade`).

Alembic revision ``vNNNN`` (``migrations/versions``) brings a store to schema version NNNN,
which is also written to ``zg_meta`` (older releases and the start-up fast path read it). A
migration that fails, or a process killed halfway, leaves the store as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..base.clock import now_iso
from ..base.paths import sqlite_path
from . import schema
from .errors import StoreError
from .url import display_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

MIGRATIONS_FOLDER = Path(__file__).with_name("migrations")
VERSION_TABLE = "zg_alembic_version"
LOCK_KEY = 0x5A48_4741   # "ZHGA": the PostgreSQL advisory lock of a migration
SQLITE_LOCK_WAIT = 30    # seconds a client waits for another one's migration of an SQLite file


def revision_of(version: int) -> str:
    """The Alembic revision of store schema ``version``."""
    return f"v{version:04d}"


def stored_version(conn: Connection) -> int:
    """The store's schema version (0 for an empty database)."""
    from sqlalchemy import inspect, text

    if "zg_meta" not in inspect(conn).get_table_names():
        return 0
    raw = conn.execute(text("SELECT value FROM zg_meta WHERE key = 'schema_version'")).scalar()
    try:
        return int(raw or 0)
    except ValueError:
        raise StoreError("damaged", f"the store has an unreadable schema version {raw!r}") \
            from None


def version_at(url: str) -> int:
    """The schema version of the store at ``url`` (0: an empty database)."""
    engine = migration_engine(url)
    try:
        with engine.connect() as conn:
            return stored_version(conn)
    finally:
        engine.dispose()


def migration_engine(url: str) -> Engine:
    """An engine of its own for the migration: on SQLite every transaction is BEGIN EXCLUSIVE
    (the driver's own transaction handling would commit DDL one statement at a time)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    from .connect import engine_options

    options = engine_options(url)
    if not url.startswith("sqlite"):
        return create_engine(url, poolclass=NullPool, **options)
    options["connect_args"] = {**options["connect_args"], "timeout": SQLITE_LOCK_WAIT}
    engine = create_engine(url, poolclass=NullPool, **options)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None   # SQLAlchemy's BEGIN below decides
        dbapi_connection.execute("PRAGMA synchronous=FULL")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN EXCLUSIVE")

    return engine


def _lock(conn: Connection, url: str) -> None:
    """Wait until no other client migrates (released when the transaction ends)."""
    from sqlalchemy import text

    if not url.startswith("sqlite"):
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    # SQLite: BEGIN EXCLUSIVE (see migration_engine) is the lock


def _alembic(conn: Connection, target: str, stamp: str | None) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_FOLDER))
    config.attributes["connection"] = conn
    if stamp is not None:        # a store made before the move to Alembic: at this revision
        command.stamp(config, stamp)
    command.upgrade(config, target)


def migrate(url: str, backup: bool = True) -> int:
    """Bring the store at ``url`` to :data:`schema.SCHEMA_VERSION` (creating it in an empty
    database). Returns the version it had; does nothing when another client did it first."""
    from sqlalchemy import inspect

    target = schema.SCHEMA_VERSION
    engine = migration_engine(url)
    try:
        if backup:
            # copied before the lock (a copy cannot be read while the lock is held): edits
            # saved in the moment between are in the migrated store anyway
            with engine.connect() as conn:
                version = stored_version(conn)
            if 0 < version < target:
                backup_sqlite(url, version)
        with engine.begin() as conn:
            _lock(conn, url)
            version = stored_version(conn)
            if version >= target:
                return version
            stamped = VERSION_TABLE in inspect(conn).get_table_names()
            _alembic(conn, revision_of(target),
                     None if stamped or version == 0 else revision_of(version))
            _set_meta(conn, "schema_version", str(target))
            if version == 0:
                _set_meta(conn, "created_at", now_iso())
        return version
    finally:
        engine.dispose()


def raw_autocommit(engine: Engine, statement: str) -> None:
    """Run a statement outside any transaction (SQLite's journal mode cannot change in one)."""
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        driver.execute(statement)
    finally:
        raw.close()


def _set_meta(conn: Connection, key: str, value: str) -> None:
    from sqlalchemy import text

    if conn.execute(text("UPDATE zg_meta SET value = :v WHERE key = :k"),
                    {"k": key, "v": value}).rowcount == 0:
        conn.execute(text("INSERT INTO zg_meta (key, value) VALUES (:k, :v)"),
                     {"k": key, "v": value})


def sqlite_backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def backup_sqlite(url: str, version: int) -> Path | None:
    """Copy an SQLite store (its committed state, WAL included) before migrating it from
    ``version``; an existing copy of that version is kept."""
    import sqlite3

    path = sqlite_path(url)
    if path is None:
        return None
    backup = sqlite_backup_path(path, version)
    if backup.exists():
        return backup
    partial = backup.with_name(backup.name + ".part")
    source = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True,
                             timeout=SQLITE_LOCK_WAIT)
    target = sqlite3.connect(str(partial))
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    os.replace(partial, backup)
    return backup


# ---------------------------------------------------------------------------- zhigai db upgrade

def pg_dump_program() -> str | None:
    """``pg_dump`` on the PATH, else in Debian's /usr/lib/postgresql/<version>/bin."""
    found = shutil.which("pg_dump")
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / "pg_dump").is_file():
            return str(folder / "pg_dump")
    return None


def dump_server(url: str, folder: Path, version: int) -> Path:
    """A ``pg_dump`` (custom format) of the server database of ``url`` into ``folder``; the
    password goes to pg_dump through its environment, never on its command line."""
    from sqlalchemy.engine import make_url

    program = pg_dump_program()
    if program is None:
        raise StoreError("unavailable", "pg_dump was not found: install the PostgreSQL client "
                                        "tools (Debian: postgresql-client), or back the "
                                        "database up yourself and run again with --no-backup")
    parts = make_url(url)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now_iso()[:19].replace(":", "").replace("-", "")
    target = folder / f"{parts.database}-v{version}-{stamp}.dump"
    env = {**os.environ, "PGPASSWORD": parts.password or ""} if parts.password else \
        dict(os.environ)
    command = [program, "--format=custom", "--file", str(target), "--no-password",
               "--host", parts.host or "localhost", "--port", str(parts.port or 5432),
               "--username", parts.username or "", parts.database or ""]
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run(command, env=env, stderr=errors, stdout=subprocess.DEVNULL,
                              timeout=3600, check=False)
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace").strip()
    if done.returncode != 0:
        from .url import mask_secrets

        raise StoreError("unavailable", f"the backup of {display_url(url)} failed; nothing "
                                        f"was migrated: {mask_secrets(message, url)}")
    return target


def upgrade(url: str, backup_folder: Path | None, backup: bool = True) -> tuple[int, Path | None]:
    """``zhigai db upgrade``: back the store up (an SQLite copy beside the file; ``pg_dump``
    into ``backup_folder`` for a server), then migrate it. Returns (the version it had, the
    backup made or None)."""
    from .connect import precheck_sqlite_file

    path = sqlite_path(url)
    if path is not None:
        precheck_sqlite_file(path)
    version = version_at(url)
    made: Path | None = None
    if version and version < schema.SCHEMA_VERSION and backup:
        if path is not None:
            made = sqlite_backup_path(path, version)   # made by migrate() under its lock
        else:
            made = dump_server(url, backup_folder or Path.cwd(), version)
    before = migrate(url, backup=backup)
    return before, made
