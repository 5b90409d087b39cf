"""The local store: assessments, profile values and answers in an SQLite file (or any database
SQLAlchemy reaches, e.g. PostgreSQL), with a schema version and migrations.

Every answer and profile edit is its own committed transaction (WAL journal, synchronous=FULL),
so an answer acknowledged to the user survives a crash or a killed process. Problems opening a
store raise :class:`StoreError` with a ``kind`` the GUI can act on; nothing is ever overwritten:
a store written by a newer version is refused, and a store is copied before a migration.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .clock import now_iso
from .paths import default_db_url, sqlite_path

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from .assessment import Answer, Assessment, Assessor, AuditEntry, Evidence

StoreErrorKind = Literal["damaged", "newer", "readonly", "unavailable", "foreign", "missing"]

SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(RuntimeError):
    """The store cannot be used; ``kind`` says why, the message says what to do."""

    def __init__(self, kind: StoreErrorKind, message: str, location: str | None = None):
        self.kind = kind
        self.location = location
        super().__init__(message)


@dataclass(frozen=True)
class AssessmentRow:
    """One line of the home table: what can be shown without loading the questionnaire."""

    id: str
    firm_key: str
    company_name: str
    industry: str
    city: str
    created_at: str
    updated_at: str
    status: str
    kind: str
    questionnaire_id: str
    questionnaire_version: str
    previous_id: str | None
    revision: int
    summary: dict[str, Any]


# ---------------------------------------------------------------------------- schema

def _tables(metadata: Any) -> dict[str, Any]:
    from sqlalchemy import Boolean, Column, ForeignKey, Integer, LargeBinary, String, Table, Text

    meta = Table("zg_meta", metadata,
                 Column("key", String(64), primary_key=True),
                 Column("value", Text, nullable=False))
    assessment = Table(
        "zg_assessment", metadata,
        Column("id", String(36), primary_key=True),
        Column("firm_key", String(200), nullable=False, index=True),
        Column("questionnaire_id", String(64), nullable=False),
        Column("questionnaire_version", String(20), nullable=False),
        Column("questionnaire_hash", String(80), nullable=False),
        Column("modules_json", Text, nullable=False, default="[]"),
        Column("kind", String(10), nullable=False, default="self"),
        Column("status", String(12), nullable=False, default="draft"),
        Column("previous_id", String(36), nullable=True),
        Column("created_at", String(32), nullable=False),
        Column("updated_at", String(32), nullable=False),
        Column("revision", Integer, nullable=False, default=0),
        Column("company_name", String(200), nullable=False, default=""),
        Column("industry", String(64), nullable=False, default=""),
        Column("city", String(60), nullable=False, default=""),
        Column("summary_json", Text, nullable=False, default="{}"),
        Column("notes", Text, nullable=True),
    )
    def answers_table(name: str) -> Table:
        """The verified (or self-assessed) answers and, since version 3, the owner's."""
        return Table(
            name, metadata,
            Column("assessment_id", String(36),
                   ForeignKey("zg_assessment.id", ondelete="CASCADE"), primary_key=True),
            Column("question_id", String(64), primary_key=True),
            Column("value_json", Text, nullable=True),
            Column("na", Boolean, nullable=False, default=False),
            Column("updated_at", String(32), nullable=False),
        )

    answer = answers_table("zg_answer")
    project = Table(
        "zg_project", metadata,
        Column("assessment_id", String(36), ForeignKey("zg_assessment.id", ondelete="CASCADE"),
               primary_key=True),
        Column("plan_json", Text, nullable=False),
        Column("updated_at", String(32), nullable=False),
    )
    profile = Table(
        "zg_profile_value", metadata,
        Column("assessment_id", String(36), ForeignKey("zg_assessment.id", ondelete="CASCADE"),
               primary_key=True),
        Column("field_id", String(64), primary_key=True),
        Column("value_json", Text, nullable=False),
        Column("updated_at", String(32), nullable=False),
    )
    owner = answers_table("zg_owner_answer")
    verification = Table(
        "zg_verification", metadata,
        Column("assessment_id", String(36), ForeignKey("zg_assessment.id", ondelete="CASCADE"),
               primary_key=True),
        Column("assessor_json", Text, nullable=False),
        Column("updated_at", String(32), nullable=False),
    )
    evidence = Table(
        "zg_evidence", metadata,
        Column("assessment_id", String(36), ForeignKey("zg_assessment.id", ondelete="CASCADE"),
               primary_key=True),
        Column("question_id", String(64), primary_key=True),
        Column("evidence_json", Text, nullable=False),
        Column("updated_at", String(32), nullable=False),
    )
    attachment = Table(
        "zg_attachment", metadata,
        Column("assessment_id", String(36), ForeignKey("zg_assessment.id", ondelete="CASCADE"),
               primary_key=True),
        Column("sha256", String(64), primary_key=True),
        Column("mime", String(20), nullable=False),
        Column("size", Integer, nullable=False),
        Column("data", LargeBinary, nullable=False),
    )
    audit = Table(
        "zg_audit", metadata,
        Column("id", String(36), primary_key=True),
        Column("assessment_id", String(36), ForeignKey("zg_assessment.id", ondelete="CASCADE"),
               nullable=False, index=True),
        Column("at", String(32), nullable=False),
        Column("who", String(100), nullable=False, default=""),
        Column("field", String(100), nullable=False),
        Column("old_json", Text, nullable=True),
        Column("new_json", Text, nullable=True),
    )
    return {"meta": meta, "assessment": assessment, "answer": answer, "profile": profile,
            "project": project, "owner": owner, "verification": verification,
            "evidence": evidence, "attachment": attachment, "audit": audit}


# the tables that hang off an assessment (deleted with it, replaced on merge)
CHILD_TABLES = ("answer", "profile", "project", "owner", "verification", "evidence",
                "attachment", "audit")


def _migration_1(conn: Connection) -> None:
    """Version 1: assessments, answers, profile values, meta."""
    from sqlalchemy import MetaData

    metadata = MetaData()
    tables = _tables(metadata)  # the tables as of version 1 (later ones come by migration)
    for name in ("meta", "assessment", "answer", "profile"):
        tables[name].create(conn)


def _migration_2(conn: Connection) -> None:
    """Version 2: the planned project of each assessment (items, effects, financing) as JSON."""
    from sqlalchemy import Column, ForeignKey, MetaData, String, Table, Text

    metadata = MetaData()
    Table("zg_assessment", metadata, Column("id", String(36), primary_key=True))
    Table("zg_project", metadata,
          Column("assessment_id", String(36), ForeignKey("zg_assessment.id",
                                                         ondelete="CASCADE"), primary_key=True),
          Column("plan_json", Text, nullable=False),
          Column("updated_at", String(32), nullable=False))
    metadata.tables["zg_project"].create(conn)


def _migration_3(conn: Connection) -> None:
    """Version 3: expert verification (the owner's answers, the assessor), evidence notes and
    photos, and the audit trail of every change."""
    from sqlalchemy import MetaData

    tables = _tables(MetaData())  # these five tables are unchanged since version 3
    for name in ("owner", "verification", "evidence", "attachment", "audit"):
        tables[name].create(conn)


# (version, description, function). Append; never edit a released migration.
MIGRATIONS: tuple[tuple[int, str, Callable[[Connection], None]], ...] = (
    (1, "create tables", _migration_1),
    (2, "project plans", _migration_2),
    (3, "verification, evidence, audit trail", _migration_3),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


# ---------------------------------------------------------------------------- helpers

def firm_key(credit_code: Any, company_name: Any) -> str:
    """Identifies a firm across its assessments: the credit code, else the normalized name."""
    if isinstance(credit_code, str) and credit_code.strip():
        return "uscc:" + credit_code.strip().upper()
    name = unicodedata.normalize("NFKC", str(company_name or "")).casefold()
    name = "".join(name.split())
    return "name:" + name if name else ""


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _answer_rows(assessment_id: str, answers: dict[str, Answer],
                 stamp: str) -> list[dict[str, Any]]:
    return [{"assessment_id": assessment_id, "question_id": k, "value_json": _dumps(v.value),
             "na": v.na, "updated_at": v.updated_at or stamp} for k, v in answers.items()]


def _sqlite_error(exc: BaseException, location: str | None) -> StoreError:
    text = str(getattr(exc, "orig", exc) or exc).lower()
    where = location or "the store"
    if "readonly" in text or "read-only" in text or "permission" in text:
        return StoreError("readonly", f"{where} is read-only: Zhigai cannot save there. Choose "
                                      "another folder for the store.", location)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError("damaged", f"{where} is damaged or is not a Zhigai store ({text}). "
                                     "It was not changed. Choose another store, or restore a "
                                     "backup copy.", location)
    if "foreign key" in text:
        return StoreError("missing", f"the assessment is no longer in {where} (deleted "
                                     "elsewhere?); the change was not saved", location)
    if "unable to open" in text:
        return StoreError("readonly", f"{where} cannot be created or opened: the folder may be "
                                      "read-only or missing. Choose another folder for the "
                                      "store.", location)
    if "locked" in text or "busy" in text:
        return StoreError("unavailable", f"{where} is in use by another program (database is "
                                         "locked). Close the other program and try again.",
                          location)
    if "disk" in text and "full" in text:
        return StoreError("unavailable", f"the disk holding {where} is full; free some space. "
                                         "Your last change was not saved.", location)
    return StoreError("unavailable", f"{where} cannot be used: {text}", location)


# ---------------------------------------------------------------------------- the store

class Store:
    """Assessments in a database. Open with :meth:`open`; every method commits on return."""

    def __init__(self, engine: Engine, url: str, tables: dict[str, Any]):
        self.engine = engine
        self.url = url
        self.path = sqlite_path(url)
        self.t = tables

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating or migrating when needed) the store at ``url``."""
        url = url or default_db_url()
        path = sqlite_path(url)
        location = str(path) if path else url.split("@")[-1]
        if path is not None:
            _precheck_sqlite_file(path)
        from sqlalchemy import MetaData, create_engine, event, exc

        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 5}
        try:
            engine = create_engine(url, **kwargs)
        except Exception as error:  # bad URL, missing driver
            raise StoreError("unavailable", f"cannot use the database {url!r}: {error}",
                             location) from None
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
        tables = _tables(metadata)
        store = cls(engine, url, tables)
        try:
            store._check_and_migrate(location)
        except StoreError:
            engine.dispose()
            raise
        except exc.DBAPIError as error:
            engine.dispose()
            raise _sqlite_error(error, location) from None
        except exc.SQLAlchemyError as error:
            engine.dispose()
            raise StoreError("unavailable", f"{location} cannot be used: {error}",
                             location) from None
        return store

    def _check_and_migrate(self, location: str) -> None:
        from sqlalchemy import inspect, select, text

        with self.engine.connect() as conn:
            if self.url.startswith("sqlite"):
                result = conn.execute(text("PRAGMA quick_check")).scalar()
                if result != "ok":
                    raise StoreError("damaged", f"{location} is damaged ({result}). It was not "
                                                "changed. Choose another store, or restore a "
                                                "backup copy.", location)
            names = set(inspect(conn).get_table_names())
        if "zg_meta" in names:
            with self.engine.connect() as conn:
                raw = conn.execute(select(self.t["meta"].c.value).where(
                    self.t["meta"].c.key == "schema_version")).scalar()
            try:
                version = int(raw or 0)
            except ValueError:
                raise StoreError("damaged", f"{location} has an unreadable schema version "
                                            f"{raw!r}", location) from None
        elif names:
            raise StoreError("foreign", f"{location} is a database of another program (it has "
                                        f"tables {', '.join(sorted(names)[:5])}); Zhigai will "
                                        "not touch it. Choose another file.", location)
        else:
            version = 0
        if version > SCHEMA_VERSION:
            raise StoreError("newer", f"{location} was written by a newer version of Zhigai "
                                      f"(store version {version}; this version reads up to "
                                      f"{SCHEMA_VERSION}). Update Zhigai, or choose another "
                                      "store. The file was not changed.", location)
        if self.url.startswith("sqlite"):
            with self.engine.connect() as conn:
                conn.execute(text("PRAGMA journal_mode=WAL"))
        if version < SCHEMA_VERSION:
            if version > 0:
                self._backup_before_migration(version)
            for number, _description, migrate in MIGRATIONS:
                if number <= version:
                    continue
                with self.engine.begin() as conn:
                    migrate(conn)
                    self._set_meta(conn, "schema_version", str(number))
                    if number == 1:
                        self._set_meta(conn, "created_at", now_iso())
        if not self._writable():
            raise StoreError("readonly", f"{location} is read-only: Zhigai cannot save there. "
                                         "Choose another folder for the store.", location)

    def _writable(self) -> bool:
        """Probe with a real write lock (works as root and on read-only mounts too)."""
        if not self.url.startswith("sqlite"):
            return True
        raw = self.engine.raw_connection()
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
                if "readonly" in str(error).lower() or "read-only" in str(error).lower():
                    return False
                raise
            return True
        finally:
            raw.close()

    def _backup_before_migration(self, version: int) -> None:
        if self.path is None:
            return
        backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
        if not backup.exists():
            raw = self.engine.raw_connection()
            try:
                import sqlite3

                target = sqlite3.connect(str(backup))
                with target:
                    raw.driver_connection.backup(target)  # type: ignore[union-attr]
                target.close()
            finally:
                raw.close()

    def _set_meta(self, conn: Connection, key: str, value: str) -> None:
        meta = self.t["meta"]
        updated = conn.execute(meta.update().where(meta.c.key == key).values(value=value))
        if updated.rowcount == 0:
            conn.execute(meta.insert().values(key=key, value=value))

    def schema_version(self) -> int:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            meta = self.t["meta"]
            return int(conn.execute(select(meta.c.value).where(
                meta.c.key == "schema_version")).scalar() or 0)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        from sqlalchemy import exc

        try:
            with self.engine.begin() as conn:
                yield conn
        except exc.DBAPIError as error:
            raise _sqlite_error(error, str(self.path) if self.path else None) from None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        from sqlalchemy import exc

        try:
            with self.engine.connect() as conn:
                yield conn
        except exc.DBAPIError as error:
            raise _sqlite_error(error, str(self.path) if self.path else None) from None

    # ------------------------------------------------------------------ listing

    def assessments(self, search: str | None = None) -> list[AssessmentRow]:
        """All assessments, newest first; ``search`` matches company, city, industry, code."""
        from sqlalchemy import or_, select

        a = self.t["assessment"]
        query = select(a).order_by(a.c.updated_at.desc(), a.c.id)
        if search and search.strip():
            pattern = f"%{search.strip()}%"
            query = query.where(or_(a.c.company_name.like(pattern), a.c.city.like(pattern),
                                    a.c.industry.like(pattern), a.c.firm_key.like(pattern),
                                    a.c.summary_json.like(pattern)))
        with self._read() as conn:
            return [_row(r) for r in conn.execute(query).mappings()]

    def row(self, assessment_id: str) -> AssessmentRow:
        from sqlalchemy import select

        a = self.t["assessment"]
        with self._read() as conn:
            found = conn.execute(select(a).where(a.c.id == assessment_id)).mappings().first()
        if found is None:
            raise StoreError("missing", f"assessment {assessment_id} is not in the store")
        return _row(found)

    def resolve(self, key: str) -> str:
        """The id of the stored assessment whose id is ``key`` or begins with it (6+
        characters, unambiguous); StoreError "missing" otherwise."""
        from sqlalchemy import select

        a = self.t["assessment"]
        with self._read() as conn:
            if conn.execute(select(a.c.id).where(a.c.id == key)).first() is not None:
                return key
            if len(key) < 6:
                raise StoreError("missing", f"no assessment {key!r} in the store (give the id "
                                            "or at least its first 6 characters)")
            found = [r[0] for r in conn.execute(select(a.c.id).where(
                a.c.id.like(key.replace("%", "").replace("_", "") + "%")).limit(3))]
        if len(found) == 1:
            return str(found[0])
        raise StoreError("missing", f"{key!r} matches {len(found)} stored assessments; give "
                                    "more of the id" if found else
                                    f"no assessment {key!r} in the store")

    def history(self, key: str) -> list[AssessmentRow]:
        """A firm's assessments, oldest first."""
        from sqlalchemy import select

        a = self.t["assessment"]
        if not key:
            return []
        with self._read() as conn:
            rows = conn.execute(select(a).where(a.c.firm_key == key)
                                .order_by(a.c.created_at, a.c.id)).mappings()
            return [_row(r) for r in rows]

    # ------------------------------------------------------------------ whole assessments

    def create(self, assessment: Assessment, summary: dict[str, Any] | None = None,
               status: str = "draft", identity: dict[str, Any] | None = None,
               attachments: dict[str, bytes] | None = None) -> None:
        """Insert an assessment with all its parts (profile, answers, project, verification,
        evidence, photos, audit trail) in one transaction.

        ``identity`` (company_name, credit_code, industry, city) fills the listing columns;
        without it the profile fields of those names are used."""
        with self._write() as conn:
            header = {**self._header(assessment, identity), "status": status}
            conn.execute(self.t["assessment"].insert().values(
                **header, summary_json=_dumps(summary or {}), revision=0))
            self._insert_parts(conn, assessment, attachments or {})

    def replace(self, assessment: Assessment, expected_revision: int,
                summary: dict[str, Any] | None = None, status: str = "draft",
                identity: dict[str, Any] | None = None,
                attachments: dict[str, bytes] | None = None) -> int:
        """Replace a stored assessment whole (an import or a merge), in one transaction.

        Refused (StoreError "unavailable", nothing changed) when the stored revision is no
        longer ``expected_revision``: someone saved a change since the caller looked."""
        from sqlalchemy import select

        a = self.t["assessment"]
        with self._write() as conn:
            current = conn.execute(select(a.c.revision).where(
                a.c.id == assessment.id)).scalar()
            if current is None:
                raise StoreError("missing", f"assessment {assessment.id} is not in the store")
            if int(current) != expected_revision:
                raise StoreError("unavailable", f"assessment {assessment.id} was changed "
                                                "meanwhile (revision {current}, expected "
                                                f"{expected_revision}); nothing was replaced. "
                                                "Try again.")
            for name in CHILD_TABLES:
                table = self.t[name]
                conn.execute(table.delete().where(table.c.assessment_id == assessment.id))
            header = {**self._header(assessment, identity), "status": status,
                      "summary_json": _dumps(summary or {}), "revision": current + 1}
            conn.execute(a.update().where(a.c.id == assessment.id).values(**header))
            self._insert_parts(conn, assessment, attachments or {})
            return int(current) + 1

    def _insert_parts(self, conn: Connection, assessment: Assessment,
                      attachments: dict[str, bytes]) -> None:
        aid, stamp = assessment.id, assessment.updated_at
        if assessment.profile:
            conn.execute(self.t["profile"].insert(), [
                {"assessment_id": aid, "field_id": k, "value_json": _dumps(v),
                 "updated_at": stamp}
                for k, v in assessment.profile.items()])
        if assessment.project is not None:
            conn.execute(self.t["project"].insert().values(
                assessment_id=aid, plan_json=assessment.project.model_dump_json(),
                updated_at=stamp))
        for name, answers in (("answer", assessment.answers),
                              ("owner", assessment.owner_answers)):
            if answers:
                conn.execute(self.t[name].insert(), _answer_rows(aid, answers, stamp))
        if assessment.assessor is not None:
            conn.execute(self.t["verification"].insert().values(
                assessment_id=aid, assessor_json=assessment.assessor.model_dump_json(),
                updated_at=stamp))
        if assessment.evidence:
            conn.execute(self.t["evidence"].insert(), [
                {"assessment_id": aid, "question_id": k, "evidence_json": e.model_dump_json(),
                 "updated_at": e.updated_at or stamp}
                for k, e in assessment.evidence.items()])
        needed = {p.sha256: p for e in assessment.evidence.values() for p in e.photos}
        missing = sorted(set(needed) - set(attachments))
        if missing:
            raise StoreError("unavailable", f"photo {missing[0][:12]}… of assessment {aid} "
                                            "has no image data; nothing was saved")
        if needed:
            conn.execute(self.t["attachment"].insert(), [
                {"assessment_id": aid, "sha256": sha, "mime": needed[sha].mime,
                 "size": len(attachments[sha]), "data": attachments[sha]}
                for sha in sorted(needed)])
        self._log(conn, aid, assessment.audit)

    def _log(self, conn: Connection, assessment_id: str, entries: Any) -> None:
        rows = [{"id": e.id, "assessment_id": assessment_id, "at": e.at, "who": e.who[:100],
                 "field": e.field[:100], "old_json": _dumps(e.old), "new_json": _dumps(e.new)}
                for e in entries]
        if rows:
            conn.execute(self.t["audit"].insert(), rows)

    def _header(self, a: Assessment, identity: dict[str, Any] | None = None) -> dict[str, Any]:
        who = identity if identity is not None else a.profile
        return {
            "id": a.id, "firm_key": firm_key(who.get("credit_code"), who.get("company_name")),
            "questionnaire_id": a.questionnaire.id,
            "questionnaire_version": a.questionnaire.version,
            "questionnaire_hash": a.questionnaire.hash,
            "modules_json": _dumps([m.model_dump() for m in a.modules]),
            "kind": a.kind, "status": "draft", "previous_id": a.previous_id,
            "created_at": a.created_at, "updated_at": a.updated_at,
            "company_name": str(who.get("company_name") or "")[:200],
            "industry": str(who.get("industry") or "")[:64],
            "city": str(who.get("city") or "")[:60],
            "notes": a.notes,
        }

    def load(self, assessment_id: str) -> Assessment:
        from sqlalchemy import select

        from .assessment import Answer, Assessment, Assessor, DocRef, Evidence
        from .project import ProjectPlan

        a = self.t["assessment"]
        with self._read() as conn:
            head = conn.execute(select(a).where(a.c.id == assessment_id)).mappings().first()
            if head is None:
                raise StoreError("missing", f"assessment {assessment_id} is not in the store")

            def rows(name: str) -> list[Any]:
                table = self.t[name]
                return list(conn.execute(select(table).where(
                    table.c.assessment_id == assessment_id)).mappings())

            answer_rows, profile_rows = rows("answer"), rows("profile")
            owner_rows, evidence_rows = rows("owner"), rows("evidence")
            proj, ver = self.t["project"], self.t["verification"]
            plan_json = conn.execute(select(proj.c.plan_json).where(
                proj.c.assessment_id == assessment_id)).scalar()
            assessor_json = conn.execute(select(ver.c.assessor_json).where(
                ver.c.assessment_id == assessment_id)).scalar()
            audit = self._audit_rows(conn, assessment_id)

        def answers(found: list[Any]) -> dict[str, Answer]:
            return {r["question_id"]: Answer(
                value=json.loads(r["value_json"]) if r["value_json"] is not None else None,
                na=bool(r["na"]), updated_at=r["updated_at"]) for r in found}

        return Assessment(
            id=head["id"], kind=head["kind"], created_at=head["created_at"],
            updated_at=head["updated_at"], previous_id=head["previous_id"], notes=head["notes"],
            questionnaire=DocRef(id=head["questionnaire_id"],
                                 version=head["questionnaire_version"],
                                 hash=head["questionnaire_hash"]),
            modules=[DocRef(**m) for m in json.loads(head["modules_json"] or "[]")],
            profile={r["field_id"]: json.loads(r["value_json"]) for r in profile_rows},
            project=None if plan_json is None else ProjectPlan.model_validate_json(plan_json),
            answers=answers(answer_rows), owner_answers=answers(owner_rows),
            assessor=None if assessor_json is None else Assessor.model_validate_json(
                assessor_json),
            evidence={r["question_id"]: Evidence.model_validate_json(r["evidence_json"])
                      for r in evidence_rows},
            audit=audit,
        )

    def _audit_rows(self, conn: Connection, assessment_id: str,
                    field: str | None = None) -> list[Any]:
        from sqlalchemy import select

        from .assessment import AuditEntry

        log = self.t["audit"]
        query = select(log).where(log.c.assessment_id == assessment_id)
        if field is not None:
            query = query.where(log.c.field == field)
        found = conn.execute(query.order_by(log.c.at, log.c.id)).mappings()
        return [AuditEntry(id=r["id"], at=r["at"], who=r["who"], field=r["field"],
                           old=None if r["old_json"] is None else json.loads(r["old_json"]),
                           new=None if r["new_json"] is None else json.loads(r["new_json"]))
                for r in found]

    def audit_trail(self, assessment_id: str, field: str | None = None) -> list[Any]:
        """The recorded changes of an assessment (of one field, e.g. ``answer.q1``), oldest
        first."""
        with self._read() as conn:
            return self._audit_rows(conn, assessment_id, field)

    def attachments(self, assessment_id: str, only: set[str] | None = None) -> dict[str, bytes]:
        """The photos' bytes by SHA-256."""
        from sqlalchemy import select

        att = self.t["attachment"]
        query = select(att.c.sha256, att.c.data).where(att.c.assessment_id == assessment_id)
        if only is not None:
            query = query.where(att.c.sha256.in_(sorted(only)))
        with self._read() as conn:
            return {r[0]: bytes(r[1]) for r in conn.execute(query)}

    def delete(self, assessment_id: str) -> None:
        a = self.t["assessment"]
        with self._write() as conn:
            # follow-ups keep their history link target's id but no longer point at it
            conn.execute(a.update().where(a.c.previous_id == assessment_id)
                         .values(previous_id=None))
            for name in CHILD_TABLES:
                table = self.t[name]
                conn.execute(table.delete().where(table.c.assessment_id == assessment_id))
            conn.execute(a.delete().where(a.c.id == assessment_id))

    # ------------------------------------------------------------------ single edits

    def _touch(self, conn: Connection, assessment_id: str, updated_at: str,
               summary: dict[str, Any] | None, status: str | None,
               extra: dict[str, Any] | None = None, audit: Any = None) -> int:
        from sqlalchemy import select

        a = self.t["assessment"]
        values: dict[str, Any] = {"updated_at": updated_at, "revision": a.c.revision + 1}
        if summary is not None:
            values["summary_json"] = _dumps(summary)
        if status is not None:
            values["status"] = status
        values.update(extra or {})
        result = conn.execute(a.update().where(a.c.id == assessment_id).values(**values))
        if result.rowcount == 0:
            raise StoreError("missing", f"assessment {assessment_id} is not in the store "
                                        "(deleted elsewhere?); the change was not saved")
        if audit is not None:
            self._log(conn, assessment_id, [audit])
        return int(conn.execute(select(a.c.revision).where(a.c.id == assessment_id)).scalar()
                   or 0)

    def save_answer(self, assessment_id: str, question_id: str, answer: Answer | None,
                    summary: dict[str, Any] | None = None, status: str | None = None,
                    audit: AuditEntry | None = None) -> int:
        """Store (or with ``None`` clear) one answer; returns the new revision."""
        ans = self.t["answer"]
        stamp = (answer.updated_at if answer else None) or now_iso()
        key = (ans.c.assessment_id == assessment_id) & (ans.c.question_id == question_id)
        with self._write() as conn:
            if answer is None:
                conn.execute(ans.delete().where(key))
            else:
                values = {"value_json": _dumps(answer.value), "na": answer.na,
                          "updated_at": stamp}
                if conn.execute(ans.update().where(key).values(**values)).rowcount == 0:
                    conn.execute(ans.insert().values(assessment_id=assessment_id,
                                                     question_id=question_id, **values))
            return self._touch(conn, assessment_id, stamp, summary, status, audit=audit)

    def save_profile(self, assessment_id: str, field_id: str, value: Any,
                     assessment: Assessment, summary: dict[str, Any] | None = None,
                     status: str | None = None, identity: dict[str, Any] | None = None,
                     audit: AuditEntry | None = None) -> int:
        """Store (or with ``None`` clear) one profile value; ``assessment`` (already updated in
        memory) and ``identity`` supply the listing columns (name, industry, city, firm key,
        modules)."""
        prof = self.t["profile"]
        stamp = now_iso()
        key = (prof.c.assessment_id == assessment_id) & (prof.c.field_id == field_id)
        header = self._header(assessment, identity)
        extra = {k: header[k] for k in ("firm_key", "company_name", "industry", "city",
                                        "modules_json")}
        with self._write() as conn:
            if value is None:
                conn.execute(prof.delete().where(key))
            elif conn.execute(prof.update().where(key).values(
                    value_json=_dumps(value), updated_at=stamp)).rowcount == 0:
                conn.execute(prof.insert().values(assessment_id=assessment_id,
                                                  field_id=field_id, value_json=_dumps(value),
                                                  updated_at=stamp))
            return self._touch(conn, assessment_id, stamp, summary, status, extra, audit)

    def save_project(self, assessment_id: str, project: Any,
                     summary: dict[str, Any] | None = None,
                     audit: AuditEntry | None = None) -> int:
        """Store (or with ``None`` remove) the assessment's project plan."""
        proj = self.t["project"]
        stamp = now_iso()
        key = proj.c.assessment_id == assessment_id
        with self._write() as conn:
            if project is None:
                conn.execute(proj.delete().where(key))
            else:
                text = project.model_dump_json()
                if conn.execute(proj.update().where(key).values(
                        plan_json=text, updated_at=stamp)).rowcount == 0:
                    conn.execute(proj.insert().values(assessment_id=assessment_id,
                                                      plan_json=text, updated_at=stamp))
            return self._touch(conn, assessment_id, stamp, summary, None, audit=audit)

    def save_evidence(self, assessment_id: str, question_id: str, evidence: Evidence | None,
                      audit: AuditEntry | None = None,
                      photo: tuple[str, str, bytes] | None = None) -> int:
        """Store (or with ``None`` remove) a question's evidence; ``photo`` (sha256, mime,
        bytes) is a newly added photo's data. Photos no longer referenced are dropped."""
        from sqlalchemy import select

        ev, att = self.t["evidence"], self.t["attachment"]
        stamp = (evidence.updated_at if evidence else None) or now_iso()
        key = (ev.c.assessment_id == assessment_id) & (ev.c.question_id == question_id)
        with self._write() as conn:
            if evidence is None:
                conn.execute(ev.delete().where(key))
            elif conn.execute(ev.update().where(key).values(
                    evidence_json=evidence.model_dump_json(), updated_at=stamp)).rowcount == 0:
                conn.execute(ev.insert().values(assessment_id=assessment_id,
                                                question_id=question_id,
                                                evidence_json=evidence.model_dump_json(),
                                                updated_at=stamp))
            if photo is not None:
                sha, mime, data = photo
                have = conn.execute(select(att.c.sha256).where(
                    (att.c.assessment_id == assessment_id) & (att.c.sha256 == sha))).first()
                if have is None:
                    conn.execute(att.insert().values(assessment_id=assessment_id, sha256=sha,
                                                     mime=mime, size=len(data), data=data))
            used: set[str] = set()
            for (text,) in conn.execute(select(ev.c.evidence_json).where(
                    ev.c.assessment_id == assessment_id)):
                used.update(p["sha256"] for p in json.loads(text).get("photos", []))
            conn.execute(att.delete().where((att.c.assessment_id == assessment_id)
                                            & att.c.sha256.not_in(sorted(used))))
            return self._touch(conn, assessment_id, stamp, None, None, audit=audit)

    def save_verification(self, assessment_id: str, kind: str, assessor: Assessor | None,
                          owner_answers: dict[str, Answer], summary: dict[str, Any],
                          audit: AuditEntry | None = None) -> int:
        """Set the assessment's type, assessor and the owner's answers kept beside the
        verified ones (all three replace what was stored)."""
        a, own, ver = self.t["assessment"], self.t["owner"], self.t["verification"]
        stamp = now_iso()
        with self._write() as conn:
            conn.execute(own.delete().where(own.c.assessment_id == assessment_id))
            conn.execute(ver.delete().where(ver.c.assessment_id == assessment_id))
            if owner_answers:
                conn.execute(own.insert(), _answer_rows(assessment_id, owner_answers, stamp))
            if assessor is not None:
                conn.execute(ver.insert().values(assessment_id=assessment_id,
                                                 assessor_json=assessor.model_dump_json(),
                                                 updated_at=stamp))
            conn.execute(a.update().where(a.c.id == assessment_id).values(kind=kind))
            return self._touch(conn, assessment_id, stamp, summary, None, audit=audit)

    def save_summary(self, assessment_id: str, summary: dict[str, Any], status: str) -> None:
        with self._write() as conn:
            self._touch(conn, assessment_id, now_iso(), summary, status)

    # ------------------------------------------------------------------ maintenance

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` for SQLite (empty list when fine)."""
        from sqlalchemy import text

        if not self.url.startswith("sqlite"):
            return []
        with self._read() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        return [] if rows == ["ok"] else rows

    def count(self) -> int:
        from sqlalchemy import func, select

        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(
                self.t["assessment"])).scalar() or 0)


def _row(r: Any) -> AssessmentRow:
    try:
        summary = json.loads(r["summary_json"] or "{}")
    except ValueError:
        summary = {}
    return AssessmentRow(
        id=r["id"], firm_key=r["firm_key"], company_name=r["company_name"],
        industry=r["industry"], city=r["city"], created_at=r["created_at"],
        updated_at=r["updated_at"], status=r["status"], kind=r["kind"],
        questionnaire_id=r["questionnaire_id"], questionnaire_version=r["questionnaire_version"],
        previous_id=r["previous_id"], revision=int(r["revision"] or 0), summary=summary)


def quick_rows(url: str | None = None) -> list[AssessmentRow] | None:
    """The home list read straight from an SQLite store file, read-only, without SQLAlchemy.

    Start-up uses it to show the assessments at once: the standard ``sqlite3`` module imports
    in a few milliseconds, SQLAlchemy in about 190 ms on a small laptop; the full store opens
    in the background meanwhile, and every write and every other read goes through it. Returns
    None whenever it cannot be sure (not SQLite, no file yet, another schema version, any
    error); the caller then waits for :meth:`Store.open`, which explains problems.
    """
    path = sqlite_path(url or default_db_url())
    if path is None or not path.is_file():
        return None
    import sqlite3

    try:
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return None
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, timeout=2)
        try:
            conn.row_factory = sqlite3.Row
            version = conn.execute(
                "SELECT value FROM zg_meta WHERE key = 'schema_version'").fetchone()
            if version is None or int(version[0]) != SCHEMA_VERSION:
                return None
            rows = conn.execute("SELECT * FROM zg_assessment "
                                "ORDER BY updated_at DESC, id").fetchall()
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return None
    return [_row(r) for r in rows]


def _precheck_sqlite_file(path: Path) -> None:
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
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError("readonly" if isinstance(error, PermissionError) else "unavailable",
                         f"the folder {folder} cannot be created: {error.strerror or error}. "
                         "Choose another folder for the store.", location) from None
    if not os.access(folder, os.W_OK):
        raise StoreError("readonly", f"the folder {folder} is read-only: Zhigai cannot save "
                                     "there. Choose another folder for the store.", location)

