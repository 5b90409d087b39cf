"""The local store: round trips, every edit committed, clear refusals that change nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import backend

from zhigai.core.assessment.model import Answer, Assessment, DocRef
from zhigai.core.store import schema as store_schema
from zhigai.core.store.errors import StoreError
from zhigai.core.store.rows import firm_key
from zhigai.core.store.schema import SCHEMA_VERSION
from zhigai.core.store.store import Store


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def on_sqlite(reason: str) -> pytest.MarkDecorator:
    """For a test about the SQLite file itself (skipped in the PostgreSQL pass)."""
    return pytest.mark.skipif(backend() != "sqlite", reason=f"SQLite only: {reason}")


def execute(db_url: str, *statements: str) -> list[Any]:
    """Runs SQL on a connection of its own (as another program would) and commits."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            results = [conn.execute(text(sql)) for sql in statements]
            return [r.fetchall() if r.returns_rows else None for r in results]
    finally:
        engine.dispose()


def sample(name: str = "绍兴柯桥锦程纺织有限公司", code: str | None = None) -> Assessment:
    a = Assessment(questionnaire=DocRef(id="mini", version="1.0.0", hash="sha256:x"))
    a.profile.update({"company_name": name, "industry": "textile", "city": "绍兴"})
    if code:
        a.profile["credit_code"] = code
    a.answers["eq_cnc"] = Answer(value=45)
    a.answers["da_records"] = Answer(value=["excel", "erp"])
    a.answers["eq_robots"] = Answer(na=True)
    return a


def test_round_trip_and_listing(db_url: str) -> None:
    s = Store.open(db_url)
    assert s.schema_version() == SCHEMA_VERSION
    a = sample()
    s.create(a, {"index": 40.0, "labels": {"industry": {"zh": "纺织", "en": "Textiles"}}})
    b = s.load(a.id)
    assert b.profile == a.profile and b.answers.keys() == a.answers.keys()
    assert b.answers["da_records"].value == ["excel", "erp"] and b.answers["eq_robots"].na
    rows = s.assessments()
    assert [r.company_name for r in rows] == ["绍兴柯桥锦程纺织有限公司"]
    assert rows[0].summary["labels"]["industry"]["zh"] == "纺织"
    assert s.assessments("柯桥")[0].id == a.id
    assert s.assessments("Textiles")[0].id == a.id     # labels are searchable too
    assert s.assessments("宁波") == []
    s.close()


def test_search_ignores_the_case_of_latin_letters(db_url: str) -> None:
    s = Store.open(db_url)
    a = sample(name="Acme Textile Co")
    s.create(a, {"labels": {"industry": {"zh": "纺织", "en": "Textiles"}}})
    assert [r.id for r in s.assessments("ACME")] == [a.id]
    assert [r.id for r in s.assessments("textiles")] == [a.id]
    assert s.assessments("%") == [] and s.assessments("_") == []    # typed, not wildcards
    s.close()


def test_a_very_long_company_name_is_stored_cut(db_url: str) -> None:
    s = Store.open(db_url)
    a = sample(name="浙江" + "长" * 250 + "有限公司")
    s.create(a)
    assert s.row(a.id).company_name == a.profile["company_name"][:200]
    assert len(s.row(a.id).firm_key) == 200 and s.history(s.row(a.id).firm_key)[0].id == a.id
    s.close()


def test_each_edit_is_committed(db_url: str) -> None:
    s = Store.open(db_url)
    a = sample()
    s.create(a)
    r1 = s.save_answer(a.id, "eq_cnc", Answer(value=80), {"index": 55.0}, "draft")
    r2 = s.save_answer(a.id, "gr_energy", Answer(value=True))
    assert r2 == r1 + 1
    s.save_answer(a.id, "da_records", None)
    # a second connection (another process would do the same) sees every change
    (found,) = execute(db_url, "select question_id, value_json from zg_answer")
    values = dict(tuple(r) for r in found)
    assert values == {"eq_cnc": "80", "gr_energy": "true", "eq_robots": "null"}
    assert s.row(a.id).summary == {"index": 55.0}
    a.profile["city"] = "杭州"
    s.save_profile(a.id, "city", "杭州", a)
    assert s.row(a.id).city == "杭州"
    assert s.load(a.id).profile["city"] == "杭州"
    s.save_profile(a.id, "city", None, a)
    assert "city" not in s.load(a.id).profile
    assert s.integrity_check() == []


def test_missing_assessment(db_url: str) -> None:
    s = Store.open(db_url)
    with pytest.raises(StoreError) as info:
        s.save_answer("nope", "q", Answer(value=1))
    assert info.value.kind == "missing"


def test_history_and_delete(db_url: str) -> None:
    s = Store.open(db_url)
    first = sample(code="91330100799655058B")
    s.create(first)
    second = sample(name="另一个名字", code="91330100799655058b")
    second.previous_id = first.id
    s.create(second)
    s.create(sample(name="别家公司"))
    key = firm_key("91330100799655058B", None)
    assert [r.id for r in s.history(key)] == [first.id, second.id]
    s.delete(first.id)
    assert s.row(second.id).previous_id is None
    assert s.count() == 2
    with pytest.raises(StoreError):
        s.load(first.id)


def test_firm_key() -> None:
    assert firm_key(None, " 绍兴 柯桥 ") == firm_key("", "绍兴柯桥")
    assert firm_key(None, "ＡＢＣ有限公司") == firm_key(None, "abc有限公司")
    assert firm_key("91330100799655058b", "x") == "uscc:91330100799655058B"


@on_sqlite("a file that is not an SQLite database")
def test_not_a_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "z.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip file, not a store" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        Store.open(url(path))
    assert info.value.kind == "damaged" and "was not changed" in str(info.value)
    assert path.read_bytes() == before


@on_sqlite("damaged pages of the file, PRAGMA quick_check")
def test_damaged_pages_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "z.sqlite3"
    s = Store.open(url(path))
    for n in range(40):
        s.create(sample(name=f"公司{n}"))
    s.close()
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreError) as info:
        Store.open(url(path))
    assert info.value.kind == "damaged"
    assert path.read_bytes() == before


def test_a_newer_release_s_store_opens_read_only_and_unchanged(db_url: str) -> None:
    """An older client on a store a newer release upgraded: it reads, every write is refused
    with a message that says why, and nothing is changed."""
    s = Store.open(db_url)
    a = sample()
    s.create(a)
    s.close()
    execute(db_url, "update zg_meta set value = '99' where key = 'schema_version'")
    path = Path(db_url.removeprefix("sqlite:///")) if backend() == "sqlite" else None
    if path:
        with sqlite3.connect(path) as raw:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def state() -> Any:
        return path.read_bytes() if path else (
            execute(db_url, "select * from zg_meta order by key"),
            execute(db_url, "select id, revision from zg_assessment"))

    before = state()
    old = Store.open(db_url)
    assert old.read_only and "store version 99" in old.read_only
    assert old.load(a.id).answers.keys() == a.answers.keys()
    assert [r.id for r in old.assessments()] == [a.id]
    with pytest.raises(StoreError) as info:
        old.save_answer(a.id, "q1", None)
    assert info.value.kind == "newer"
    assert "read-only" in str(info.value) and "Update Zhigai" in str(info.value)
    with pytest.raises(StoreError):
        old.create(sample())
    old.close()
    assert state() == before


def test_foreign_database_is_refused(db_url: str) -> None:
    execute(db_url, "create table invoices (id integer)")
    path = Path(db_url.removeprefix("sqlite:///")) if backend() == "sqlite" else None
    before = path.read_bytes() if path else None
    with pytest.raises(StoreError) as info:
        Store.open(db_url)
    assert info.value.kind == "foreign" and "invoices" in str(info.value)
    if path:
        assert path.read_bytes() == before
    else:
        from sqlalchemy import create_engine, inspect

        engine = create_engine(db_url)
        assert inspect(engine).get_table_names() == ["invoices"]     # nothing added
        engine.dispose()


@on_sqlite("a file opened read-only (mode=ro)")
def test_read_only_store(tmp_path: Path) -> None:
    path = tmp_path / "z.sqlite3"
    Store.open(url(path)).close()
    with pytest.raises(StoreError) as info:
        Store.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert info.value.kind == "readonly" and "read-only" in str(info.value)


@on_sqlite("the folder of the store file")
def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        Store.open(url(blocker / "sub" / "z.sqlite3"))
    assert "cannot be created" in str(info.value)


@on_sqlite("the copy of the file made before a migration")
def test_migration_backs_up_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "z.sqlite3"
    s = Store.open(url(path))
    s.create(sample())
    s.close()

    # the next release's migration: one more Alembic revision beside the released ones
    from zhigai.core.store import migrate

    current = SCHEMA_VERSION
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_FOLDER, folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / f"v{current + 1:04d}_tag.py").write_text(
        f'''from alembic import op
import sqlalchemy as sa

revision = "v{current + 1:04d}"
down_revision = "v{current:04d}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("zg_assessment", sa.Column("tag", sa.String(20), nullable=True))
''')
    monkeypatch.setattr(migrate, "MIGRATIONS_FOLDER", folder)
    monkeypatch.setattr(store_schema, "SCHEMA_VERSION", current + 1)
    s = Store.open(url(path))
    assert s.schema_version() == current + 1
    assert s.count() == 1
    backup = tmp_path / f"z.sqlite3.v{current}.bak"
    with sqlite3.connect(backup) as raw:
        assert raw.execute("select value from zg_meta where key='schema_version'").fetchone() \
            == (str(current),)
        assert raw.execute("select count(*) from zg_assessment").fetchone() == (1,)


def as_release(monkeypatch: pytest.MonkeyPatch, version: int) -> None:
    """Make this process write the store as the release of schema ``version`` did: its
    migrations and, before version 5, no summary columns (``monkeypatch.undo()`` ends it)."""
    from zhigai.core.store import store as store_module
    from zhigai.core.store.rows import dumps

    monkeypatch.setattr(store_schema, "MIGRATIONS", store_schema.MIGRATIONS[:version])
    monkeypatch.setattr(store_schema, "SCHEMA_VERSION", version)
    if version < 5:
        monkeypatch.setattr(store_module, "stored_summary",
                            lambda summary: {"summary_json": dumps(summary or {})})
        tables = store_schema.define_tables
        monkeypatch.setattr(store_schema, "define_tables",
                            lambda metadata, **_kw: tables(metadata, summary_values=False))


def test_version_1_store_is_upgraded(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store written by the first release (schema 1) opens with its data and gains the
    project table; a copy of an old file is kept."""
    as_release(monkeypatch, 1)
    old = Store.open(db_url)
    a = sample()
    old.create(a)
    old.close()
    monkeypatch.undo()
    if backend() != "sqlite":
        # a shared database: the client refuses, the administrator's command migrates
        from zhigai.core.store.migrate import upgrade

        with pytest.raises(StoreError) as info:
            Store.open(db_url)
        assert info.value.kind == "outdated" and "zhigai db upgrade" in str(info.value)
        assert upgrade(db_url, None, backup=False) == (1, None)
    s = Store.open(db_url)
    assert s.schema_version() == SCHEMA_VERSION >= 2
    loaded = s.load(a.id)
    assert loaded.answers.keys() == a.answers.keys() and loaded.project is None
    from zhigai.core.assessment.plan import ProjectItem, ProjectPlan

    s.save_project(a.id, ProjectPlan(items=[ProjectItem(description="6 台焊接机器人",
                                                        category="robot", quantity="6",
                                                        unit_price="180000")]))
    assert s.load(a.id).project.items[0].total == 1080000
    if backend() == "sqlite":
        path = Path(db_url.removeprefix("sqlite:///"))
        assert path.with_name(f"{path.name}.v1.bak").exists()


@on_sqlite("a store file of schema 3 (PRAGMA table_info)")
def test_version_3_store_gains_the_machine_of_each_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store of schema 3 (audit trail without machines) opens with its trail; old entries
    have no machine, new ones record theirs."""
    from zhigai.core.assessment.model import AuditEntry

    path = tmp_path / "z.sqlite3"
    as_release(monkeypatch, 3)
    old = Store.open(url(path))
    a = sample()
    old.create(a)
    old.close()
    with sqlite3.connect(path) as raw:
        columns = [r[1] for r in raw.execute("pragma table_info(zg_audit)")]
        assert "machine" not in columns
        raw.execute("insert into zg_audit (id, assessment_id, at, who, field, old_json, "
                    "new_json) values ('e1', ?, '2026-11-02T09:00:00', '王工', 'answer.x', "
                    "null, '1')", (a.id,))
    monkeypatch.undo()
    s = Store.open(url(path))
    assert s.schema_version() == SCHEMA_VERSION >= 4
    (entry,) = s.audit_trail(a.id)
    assert (entry.who, entry.machine) == ("王工", "")
    s.save_evidence(a.id, "x", None, AuditEntry(who="李会计", machine="pc-office",
                                                field="note.x"))
    assert [(e.who, e.machine) for e in s.audit_trail(a.id)] == [
        ("王工", ""), ("李会计", "pc-office")]
