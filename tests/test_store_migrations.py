"""Migrations (Alembic): one transaction under a lock, after a backup. Concurrent first opens
of an empty database, a migration killed or failing halfway, the administrator's
``zhigai db upgrade`` of a shared database; on SQLite and (second pass) on PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import backend

from zhigai.core.store import migrate
from zhigai.core.store import schema as store_schema
from zhigai.core.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = str(ROOT / "desktop")


def tables(url: str) -> set[str]:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def revision_rows(url: str) -> list[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [r[0] for r in conn.execute(text(
                f"SELECT version_num FROM {migrate.VERSION_TABLE}"))]
    finally:
        engine.dispose()


def old_store(url: str, version: int, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store as release ``version`` left it, with one assessment; returns its id."""
    from test_store import as_release, sample

    as_release(monkeypatch, version)
    s = Store.open(url)
    a = sample()
    s.create(a, summary=SUMMARY)
    s.close()
    monkeypatch.undo()
    return a.id


SUMMARY = {"index": 41.5, "stage_index": "1", "stage_weakest": 7, "completeness": 0.75,
           "date": "2026-03-01", "size_band": "small", "dimensions": {"d1": 1.5, "d2": "x"},
           "labels": {"industry": {"zh": "纺织", "en": 3}}}


def test_version_5_fills_the_summary_columns_of_stored_assessments(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An assessment saved by a release before version 5 gets its summary values as columns
    when the store is migrated (numbers from numeric text, a stage out of 0-4 and a name
    that is not text left empty)."""
    from sqlalchemy import select

    aid = old_store(db_url, 4, monkeypatch)
    if backend() != "sqlite":
        migrate.upgrade(db_url, None, backup=False)
    s = Store.open(db_url)
    a = s.t["assessment"]
    with s.engine.connect() as conn:
        row = conn.execute(select(a).where(a.c.id == aid)).mappings().one()
    s.close()
    assert (row["score"], row["stage_index"], row["stage_weakest"], row["completeness"]) == (
        41.5, 1, None, 0.75)
    assert (row["assessed_on"], row["size_band"], row["industry_zh"], row["industry_en"]) == (
        "2026-03-01", "small", "纺织", None)
    assert json.loads(row["levels_json"]) == {"d1": 1.5, "d2": None}


def next_release(folder: Path, body: str) -> Path:
    """The migrations of a next release: the released ones plus revision v(N+1) doing
    ``body``."""
    current = store_schema.SCHEMA_VERSION
    shutil.copytree(migrate.MIGRATIONS_FOLDER, folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / f"v{current + 1:04d}_next.py").write_text(textwrap.dedent(f'''
        import os
        import signal

        import sqlalchemy as sa
        from alembic import op

        revision = "v{current + 1:04d}"
        down_revision = "v{current:04d}"
        branch_labels = None
        depends_on = None


        def upgrade() -> None:
            op.create_table("zg_next", sa.Column("id", sa.Integer, primary_key=True))
            op.add_column("zg_assessment", sa.Column("tag", sa.String(20), nullable=True))
        {textwrap.indent(textwrap.dedent(body), "    ")}
        '''))
    return folder


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    code = f"import sys\nsys.path.insert(0, {DESKTOP!r})\n" + textwrap.dedent(script)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def test_concurrent_first_opens_of_an_empty_database_all_succeed(db_url: str) -> None:
    opener = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {DESKTOP!r})
        from zhigai.core.store.store import Store
        start = float(sys.argv[1])
        while time.time() < start:
            pass
        s = Store.open(sys.argv[2])
        print(s.schema_version(), s.count())
    """)
    import time

    start = str(time.time() + 2.0)      # all four at the same moment, after their imports
    workers = [subprocess.Popen([sys.executable, "-c", opener, start, db_url],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for _ in range(4)]
    results = [w.communicate(timeout=120) for w in workers]
    for worker, (out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err[-2000:]
        assert out.split() == [str(store_schema.SCHEMA_VERSION), "0"]
    assert revision_rows(db_url) == [migrate.revision_of(store_schema.SCHEMA_VERSION)]


def test_a_migration_that_fails_halfway_changes_nothing(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    aid = old_store(db_url, store_schema.SCHEMA_VERSION, monkeypatch)
    before = tables(db_url)
    folder = next_release(tmp_path / "migrations", 'raise RuntimeError("disk on fire")')
    monkeypatch.setattr(migrate, "MIGRATIONS_FOLDER", folder)
    monkeypatch.setattr(store_schema, "SCHEMA_VERSION", store_schema.SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="disk on fire"):
        migrate.migrate(db_url, backup=False)
    monkeypatch.undo()
    assert tables(db_url) == before                      # no half-made table, no column
    s = Store.open(db_url)                               # this release opens it as it was
    assert s.schema_version() == store_schema.SCHEMA_VERSION and s.load(aid).id == aid
    s.close()


def test_a_migration_killed_halfway_leaves_the_old_store_openable(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The process dies (SIGKILL) inside the next release's migration: this release still
    opens the store, and the next release (its migration fixed) migrates it."""
    old = store_schema.SCHEMA_VERSION - 1
    aid = old_store(db_url, old, monkeypatch)
    folder = next_release(tmp_path / "migrations", "os.kill(os.getpid(), signal.SIGKILL)")
    killed = run(f"""
        from pathlib import Path
        from zhigai.core.store import migrate, schema
        migrate.MIGRATIONS_FOLDER = Path({str(folder)!r})
        schema.SCHEMA_VERSION += 1
        migrate.migrate({db_url!r})
    """)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert "zg_next" not in tables(db_url)
    if backend() != "sqlite":                            # a shared database: the admin's step
        assert migrate.upgrade(db_url, None, backup=False)[0] == old
    s = Store.open(db_url)
    assert s.schema_version() == store_schema.SCHEMA_VERSION and s.load(aid).id == aid
    s.close()
    fixed = next_release(tmp_path / "fixed", "pass")
    monkeypatch.setattr(migrate, "MIGRATIONS_FOLDER", fixed)
    monkeypatch.setattr(store_schema, "SCHEMA_VERSION", store_schema.SCHEMA_VERSION + 1)
    assert migrate.migrate(db_url, backup=False) == store_schema.SCHEMA_VERSION - 1
    assert "zg_next" in tables(db_url)
    monkeypatch.undo()


def test_the_administrator_upgrades_with_a_backup_first(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from zhigai.cli.main import main

    old = store_schema.SCHEMA_VERSION - 1
    aid = old_store(db_url, old, monkeypatch)
    assert main(["db", "status", "--db", db_url]) == 0
    assert "needs 'zhigai db upgrade'" in capsys.readouterr().out
    if backend() != "sqlite" and migrate.pg_dump_program() is None:
        pytest.skip("pg_dump is not installed")
    backups = tmp_path / "backups"
    assert main(["db", "upgrade", "--db", db_url, "--backup-dir", str(backups)]) == 0
    out = capsys.readouterr().out
    assert f"store version {old} -> {store_schema.SCHEMA_VERSION}" in out
    backup = Path(out.split("backup: ", 1)[1].splitlines()[0])
    assert backup.is_file() and backup.stat().st_size > 0
    if backend() == "sqlite":
        import sqlite3

        with sqlite3.connect(backup) as raw:               # the store as it was
            assert raw.execute("select value from zg_meta where key='schema_version'"
                               ).fetchone() == (str(old),)
            assert raw.execute("select id from zg_assessment").fetchall() == [(aid,)]
    else:
        assert backup.parent == backups and backup.read_bytes()[:5] == b"PGDMP"
    assert main(["db", "upgrade", "--db", db_url]) == 0
    assert "nothing to do" in capsys.readouterr().out
    s = Store.open(db_url)
    assert s.load(aid).id == aid
    s.close()
