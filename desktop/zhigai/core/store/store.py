"""The local store: assessments, profile values and answers in an SQLite file (or any database
SQLAlchemy reaches, e.g. PostgreSQL), with a schema version and migrations.

Every answer and profile edit is its own committed transaction (WAL journal, synchronous=FULL),
so an answer acknowledged to the user survives a crash or a killed process. Problems opening a
store raise :class:`StoreError` with a ``kind`` the GUI can act on; nothing is ever overwritten:
a store written by a newer version is refused, and a store is copied before a migration."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..base.clock import now_iso
from ..base.paths import default_db_url, sqlite_path
from .errors import StoreError, database_error
from .opening import open_database
from .rows import AssessmentRow, answer_rows, dumps, firm_key, row_from
from .schema import CHILD_TABLES
from .summary_columns import stored_summary

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from ..assessment.model import Answer, Assessment, Assessor, AuditEntry, Evidence


# ---------------------------------------------------------------------------- the store

class Store:
    """Assessments in a database. Open with :meth:`open`; every method commits on return."""

    def __init__(self, engine: Engine, url: str, tables: dict[str, Any],
                 read_only: str | None = None):
        """``read_only``: why the store cannot be changed (a newer release's store), shown
        by every write it refuses."""
        self.engine = engine
        self.url = url
        self.read_only = read_only
        self.path = sqlite_path(url)
        self.t = tables

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating or migrating when needed) the store at ``url``."""
        url = url or default_db_url()
        engine, tables, read_only = open_database(url)
        return cls(engine, url, tables, read_only)

    def schema_version(self) -> int:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            meta = self.t["meta"]
            return int(conn.execute(select(meta.c.value).where(
                meta.c.key == "schema_version")).scalar() or 0)

    def close(self) -> None:
        self.engine.dispose()

    def _location(self) -> str:
        """Where the store is, as shown to people (a file, or the server without password)."""
        from .url import display_url

        return str(self.path) if self.path else display_url(self.url)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        from sqlalchemy import exc

        if self.read_only:
            raise StoreError("newer", self.read_only, self._location())
        try:
            with self.engine.begin() as conn:
                yield conn
        except exc.DBAPIError as error:
            raise database_error(error, self._location(), self.url) from None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        from sqlalchemy import exc

        try:
            with self.engine.connect() as conn:
                yield conn
        except exc.DBAPIError as error:
            raise database_error(error, self._location(), self.url) from None

    @contextmanager
    def _snapshot(self) -> Iterator[Connection]:
        """A read transaction: every statement in it sees the store as of one moment."""
        from sqlalchemy import exc

        try:
            with self.engine.connect() as conn:
                if self.url.startswith("sqlite"):
                    conn.exec_driver_sql("BEGIN")   # the driver begins only before a write
                    try:
                        yield conn
                    finally:
                        conn.rollback()
                else:
                    conn = conn.execution_options(isolation_level="REPEATABLE READ")
                    with conn.begin():
                        yield conn
        except exc.DBAPIError as error:
            raise database_error(error, self._location(), self.url) from None

    # ------------------------------------------------------------------ listing

    def assessments(self, search: str | None = None) -> list[AssessmentRow]:
        """All assessments, newest first; ``search`` matches company, city, industry, code."""
        from sqlalchemy import or_, select

        a = self.t["assessment"]
        query = select(a).order_by(a.c.updated_at.desc(), a.c.id)
        if search and search.strip():
            # the same on every backend: Latin letters in any case, % and _ as typed
            term = search.strip()
            query = query.where(or_(*(column.icontains(term, autoescape=True) for column in (
                a.c.company_name, a.c.city, a.c.industry, a.c.firm_key, a.c.summary_json))))
        with self._read() as conn:
            return [row_from(r) for r in conn.execute(query).mappings()]

    def row(self, assessment_id: str) -> AssessmentRow:
        from sqlalchemy import select

        a = self.t["assessment"]
        with self._read() as conn:
            found = conn.execute(select(a).where(a.c.id == assessment_id)).mappings().first()
        if found is None:
            raise StoreError("missing", f"assessment {assessment_id} is not in the store")
        return row_from(found)

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
            return [row_from(r) for r in rows]

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
                **header, **stored_summary(summary), revision=0))
            self._insert_parts(conn, assessment, attachments or {})

    def replace(self, assessment: Assessment, expected_revision: int,
                summary: dict[str, Any] | None = None, status: str = "draft",
                identity: dict[str, Any] | None = None,
                attachments: dict[str, bytes] | None = None) -> int:
        """Replace a stored assessment whole (an import or a merge), in one transaction.

        Refused (StoreError "conflict", nothing changed) when the stored revision is no
        longer ``expected_revision``: someone saved a change since the caller looked."""
        a = self.t["assessment"]
        with self._write() as conn:
            # the check and the bump are one statement: a writer that read the same revision
            # waits for this transaction's row lock and then finds the revision moved on
            header = {**self._header(assessment, identity), "status": status,
                      **stored_summary(summary),
                      "revision": a.c.revision + 1}
            done = conn.execute(a.update().where((a.c.id == assessment.id)
                                                 & (a.c.revision == expected_revision))
                                .values(**header)).rowcount
            if done == 0:
                self._refuse(conn, assessment.id, expected_revision, "nothing was replaced")
            for name in CHILD_TABLES:
                table = self.t[name]
                conn.execute(table.delete().where(table.c.assessment_id == assessment.id))
            self._insert_parts(conn, assessment, attachments or {})
            return expected_revision + 1

    def _refuse(self, conn: Connection, assessment_id: str, expected: int | None,
                what: str) -> None:
        """Raise why a write touched no row: the assessment is gone, or it was saved since
        revision ``expected`` was read (StoreError "conflict" with the stored revision)."""
        from sqlalchemy import select

        a = self.t["assessment"]
        current = conn.execute(select(a.c.revision).where(a.c.id == assessment_id)).scalar()
        if current is None:
            raise StoreError("missing", f"assessment {assessment_id} is not in the store "
                                        f"(deleted elsewhere?); {what}")
        raise StoreError("conflict", f"assessment {assessment_id} was saved by someone else "
                                     f"meanwhile (revision {current}, expected {expected}); "
                                     f"{what}", revision=int(current))

    def _insert_parts(self, conn: Connection, assessment: Assessment,
                      attachments: dict[str, bytes]) -> None:
        aid, stamp = assessment.id, assessment.updated_at
        if assessment.profile:
            conn.execute(self.t["profile"].insert(), [
                {"assessment_id": aid, "field_id": k, "value_json": dumps(v),
                 "updated_at": stamp}
                for k, v in assessment.profile.items()])
        if assessment.project is not None:
            conn.execute(self.t["project"].insert().values(
                assessment_id=aid, plan_json=assessment.project.model_dump_json(),
                updated_at=stamp))
        for name, answers in (("answer", assessment.answers),
                              ("owner", assessment.owner_answers)):
            if answers:
                conn.execute(self.t[name].insert(), answer_rows(aid, answers, stamp))
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
                 "machine": e.machine[:100], "field": e.field[:100], "old_json": dumps(e.old),
                 "new_json": dumps(e.new)}
                for e in entries]
        if rows:
            conn.execute(self.t["audit"].insert(), rows)

    def _header(self, a: Assessment, identity: dict[str, Any] | None = None) -> dict[str, Any]:
        who = identity if identity is not None else a.profile
        return {
            # cut like the columns below: the same limits on every backend
            "id": a.id,
            "firm_key": firm_key(who.get("credit_code"), who.get("company_name"))[:200],
            "questionnaire_id": a.questionnaire.id,
            "questionnaire_version": a.questionnaire.version,
            "questionnaire_hash": a.questionnaire.hash,
            "modules_json": dumps([m.model_dump() for m in a.modules]),
            "kind": a.kind, "status": "draft", "previous_id": a.previous_id,
            "created_at": a.created_at, "updated_at": a.updated_at,
            "company_name": str(who.get("company_name") or "")[:200],
            "industry": str(who.get("industry") or "")[:64],
            "city": str(who.get("city") or "")[:60],
            "notes": a.notes,
        }

    def load(self, assessment_id: str) -> Assessment:
        return self.load_with_revision(assessment_id)[0]

    def load_with_revision(self, assessment_id: str) -> tuple[Assessment, int]:
        """The assessment and the revision it is at, all its parts read in one snapshot
        (one read transaction: REPEATABLE READ on PostgreSQL, BEGIN on SQLite's WAL), so a
        write that names this revision as expected is refused if anything changed since."""
        from sqlalchemy import select

        from ..assessment.model import Answer, Assessment, Assessor, DocRef, Evidence
        from ..assessment.plan import ProjectPlan

        a = self.t["assessment"]
        with self._snapshot() as conn:
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
        ), int(head["revision"])

    def _audit_rows(self, conn: Connection, assessment_id: str,
                    field: str | None = None) -> list[Any]:
        from sqlalchemy import select

        from ..assessment.model import AuditEntry

        log = self.t["audit"]
        query = select(log).where(log.c.assessment_id == assessment_id)
        if field is not None:
            query = query.where(log.c.field == field)
        found = conn.execute(query.order_by(log.c.at, log.c.id)).mappings()
        return [AuditEntry(id=r["id"], at=r["at"], who=r["who"], machine=r["machine"] or "",
                           field=r["field"],
                           old=None if r["old_json"] is None else json.loads(r["old_json"]),
                           new=None if r["new_json"] is None else json.loads(r["new_json"]))
                for r in found]

    def changes_by_others(self, assessment_id: str, known: set[str]) -> list[Any]:
        """The recorded changes of an assessment that are not in ``known`` (the ids of the
        audit entries a writer has seen): what others saved since, oldest first."""
        with self._read() as conn:
            return [e for e in self._audit_rows(conn, assessment_id) if e.id not in known]

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
               extra: dict[str, Any] | None = None, audit: Any = None,
               expected: int | None = None) -> int:
        """The first statement of every edit: bump the revision (checking, in the same
        statement, that it is still ``expected`` when given) and return the new one. A
        concurrent writer of the same assessment waits for this row until the commit and
        then finds the revision changed (StoreError "conflict", its transaction rolled back)."""
        from sqlalchemy import select

        a = self.t["assessment"]
        values: dict[str, Any] = {"updated_at": updated_at, "revision": a.c.revision + 1}
        if summary is not None:
            values.update(stored_summary(summary))
        if status is not None:
            values["status"] = status
        values.update(extra or {})
        where = a.c.id == assessment_id
        if expected is not None:
            where = where & (a.c.revision == expected)
        if conn.execute(a.update().where(where).values(**values)).rowcount == 0:
            self._refuse(conn, assessment_id, expected, "the change was not saved")
        if audit is not None:
            self._log(conn, assessment_id, [audit])
        if expected is not None:
            return expected + 1
        return int(conn.execute(select(a.c.revision).where(a.c.id == assessment_id)).scalar()
                   or 0)

    def save_answer(self, assessment_id: str, question_id: str, answer: Answer | None,
                    summary: dict[str, Any] | None = None, status: str | None = None,
                    audit: AuditEntry | None = None,
                    expected_revision: int | None = None) -> int:
        """Store (or with ``None`` clear) one answer; returns the new revision.

        Every ``save_*`` method takes ``expected_revision``: the revision the caller read;
        when the stored one differs, nothing is saved (StoreError "conflict")."""
        ans = self.t["answer"]
        stamp = (answer.updated_at if answer else None) or now_iso()
        key = (ans.c.assessment_id == assessment_id) & (ans.c.question_id == question_id)
        with self._write() as conn:
            revision = self._touch(conn, assessment_id, stamp, summary, status, audit=audit,
                                   expected=expected_revision)
            if answer is None:
                conn.execute(ans.delete().where(key))
            else:
                values = {"value_json": dumps(answer.value), "na": answer.na,
                          "updated_at": stamp}
                if conn.execute(ans.update().where(key).values(**values)).rowcount == 0:
                    conn.execute(ans.insert().values(assessment_id=assessment_id,
                                                     question_id=question_id, **values))
            return revision

    def save_profile(self, assessment_id: str, field_id: str, value: Any,
                     assessment: Assessment, summary: dict[str, Any] | None = None,
                     status: str | None = None, identity: dict[str, Any] | None = None,
                     audit: AuditEntry | None = None,
                     expected_revision: int | None = None) -> int:
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
            revision = self._touch(conn, assessment_id, stamp, summary, status, extra, audit,
                                   expected_revision)
            if value is None:
                conn.execute(prof.delete().where(key))
            elif conn.execute(prof.update().where(key).values(
                    value_json=dumps(value), updated_at=stamp)).rowcount == 0:
                conn.execute(prof.insert().values(assessment_id=assessment_id,
                                                  field_id=field_id, value_json=dumps(value),
                                                  updated_at=stamp))
            return revision

    def save_project(self, assessment_id: str, project: Any,
                     summary: dict[str, Any] | None = None,
                     audit: AuditEntry | None = None,
                     expected_revision: int | None = None) -> int:
        """Store (or with ``None`` remove) the assessment's project plan."""
        proj = self.t["project"]
        stamp = now_iso()
        key = proj.c.assessment_id == assessment_id
        with self._write() as conn:
            revision = self._touch(conn, assessment_id, stamp, summary, None, audit=audit,
                                   expected=expected_revision)
            if project is None:
                conn.execute(proj.delete().where(key))
            else:
                text = project.model_dump_json()
                if conn.execute(proj.update().where(key).values(
                        plan_json=text, updated_at=stamp)).rowcount == 0:
                    conn.execute(proj.insert().values(assessment_id=assessment_id,
                                                      plan_json=text, updated_at=stamp))
            return revision

    def save_evidence(self, assessment_id: str, question_id: str, evidence: Evidence | None,
                      audit: AuditEntry | None = None,
                      photo: tuple[str, str, bytes] | None = None,
                      expected_revision: int | None = None) -> int:
        """Store (or with ``None`` remove) a question's evidence; ``photo`` (sha256, mime,
        bytes) is a newly added photo's data. Photos no longer referenced are dropped."""
        from sqlalchemy import select

        ev, att = self.t["evidence"], self.t["attachment"]
        stamp = (evidence.updated_at if evidence else None) or now_iso()
        key = (ev.c.assessment_id == assessment_id) & (ev.c.question_id == question_id)
        with self._write() as conn:
            revision = self._touch(conn, assessment_id, stamp, None, None, audit=audit,
                                   expected=expected_revision)
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
            return revision

    def save_verification(self, assessment_id: str, kind: str, assessor: Assessor | None,
                          owner_answers: dict[str, Answer], summary: dict[str, Any],
                          audit: AuditEntry | None = None,
                          expected_revision: int | None = None) -> int:
        """Set the assessment's type, assessor and the owner's answers kept beside the
        verified ones (all three replace what was stored)."""
        own, ver = self.t["owner"], self.t["verification"]
        stamp = now_iso()
        with self._write() as conn:
            revision = self._touch(conn, assessment_id, stamp, summary, None, {"kind": kind},
                                   audit, expected_revision)
            conn.execute(own.delete().where(own.c.assessment_id == assessment_id))
            conn.execute(ver.delete().where(ver.c.assessment_id == assessment_id))
            if owner_answers:
                conn.execute(own.insert(), answer_rows(assessment_id, owner_answers, stamp))
            if assessor is not None:
                conn.execute(ver.insert().values(assessment_id=assessment_id,
                                                 assessor_json=assessor.model_dump_json(),
                                                 updated_at=stamp))
            return revision

    def save_summary(self, assessment_id: str, summary: dict[str, Any], status: str,
                     expected_revision: int | None = None) -> int:
        with self._write() as conn:
            return self._touch(conn, assessment_id, now_iso(), summary, status,
                               expected=expected_revision)

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
