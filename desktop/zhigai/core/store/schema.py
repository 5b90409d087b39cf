"""The store's tables and its migrations, one per schema version (append; never edit a released
one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


# ---------------------------------------------------------------------------- schema

def define_tables(metadata: Any, *, summary_values: bool = True) -> dict[str, Any]:
    """The tables of the current schema (``summary_values=False``: the assessment table
    without the columns of version 5, as version 1 created it)."""
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
        *(summary_column_defs() if summary_values else ()),
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
        Column("machine", String(100), nullable=False, default="", server_default=""),
        Column("field", String(100), nullable=False),
        Column("old_json", Text, nullable=True),
        Column("new_json", Text, nullable=True),
    )
    return {"meta": meta, "assessment": assessment, "answer": answer, "profile": profile,
            "project": project, "owner": owner, "verification": verification,
            "evidence": evidence, "attachment": attachment, "audit": audit}


def summary_column_defs() -> list[Any]:
    """Version 5: the summary values the portfolio reads, as columns (see
    :mod:`.summary_columns`)."""
    from sqlalchemy import Column, Float, Integer, String, Text

    return [Column("score", Float, nullable=True),
            Column("stage_index", Integer, nullable=True),
            Column("stage_weakest", Integer, nullable=True),
            Column("completeness", Float, nullable=True),
            Column("assessed_on", Text, nullable=True),
            Column("size_band", String(10), nullable=True),
            Column("industry_zh", Text, nullable=True),
            Column("industry_en", Text, nullable=True),
            Column("levels_json", Text, nullable=False, default="{}", server_default="{}")]


# the tables that hang off an assessment (deleted with it, replaced on merge)
CHILD_TABLES = ("answer", "profile", "project", "owner", "verification", "evidence",
                "attachment", "audit")


def _migration_1(conn: Connection) -> None:
    """Version 1: assessments, answers, profile values, meta."""
    from sqlalchemy import MetaData

    metadata = MetaData()
    # the tables as of version 1 (later ones come by migration)
    tables = define_tables(metadata, summary_values=False)
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

    tables = define_tables(MetaData())  # these four tables are unchanged since version 3
    for name in ("owner", "verification", "evidence", "attachment"):
        tables[name].create(conn)
    from sqlalchemy import Column, ForeignKey, String, Table, Text

    v3 = MetaData()   # the audit trail as of version 3 (version 4 adds the machine)
    Table("zg_assessment", v3, Column("id", String(36), primary_key=True))
    Table("zg_audit", v3,
          Column("id", String(36), primary_key=True),
          Column("assessment_id", String(36), ForeignKey("zg_assessment.id", ondelete="CASCADE"),
                 nullable=False, index=True),
          Column("at", String(32), nullable=False),
          Column("who", String(100), nullable=False, default=""),
          Column("field", String(100), nullable=False),
          Column("old_json", Text, nullable=True),
          Column("new_json", Text, nullable=True))
    v3.tables["zg_audit"].create(conn)


def _migration_4(conn: Connection) -> None:
    """Version 4: the machine each change of the audit trail was made on."""
    from sqlalchemy import text

    conn.execute(text("ALTER TABLE zg_audit ADD COLUMN machine VARCHAR(100) NOT NULL "
                      "DEFAULT ''"))


def _migration_5(conn: Connection) -> None:
    """Version 5: the summary values the portfolio reads, as columns beside the summary,
    filled from the stored summaries (a summary that is not JSON gives empty values)."""
    import json

    from sqlalchemy import MetaData, bindparam, select, text

    from .summary_columns import COLUMNS, summary_columns

    preparer = conn.dialect.identifier_preparer
    for column in summary_column_defs():
        kind = column.type.compile(dialect=conn.dialect)
        tail = " NOT NULL DEFAULT '{}'" if column.name == "levels_json" else ""
        conn.execute(text(f"ALTER TABLE zg_assessment ADD COLUMN "
                          f"{preparer.quote(column.name)} {kind}{tail}"))
    a = define_tables(MetaData())["assessment"]
    update = a.update().where(a.c.id == bindparam("_id")).values(
        {name: bindparam(name) for name in COLUMNS})
    found = conn.execute(select(a.c.id, a.c.summary_json)).all()
    for start in range(0, len(found), 2000):
        batch = []
        for aid, raw in found[start:start + 2000]:
            try:
                summary = json.loads(raw or "{}")
            except ValueError:
                summary = {}
            batch.append({"_id": aid, **summary_columns(summary)})
        conn.execute(update, batch)


# (version, description, function). Append; never edit a released migration.
MIGRATIONS: tuple[tuple[int, str, Callable[[Connection], None]], ...] = (
    (1, "create tables", _migration_1),
    (2, "project plans", _migration_2),
    (3, "verification, evidence, audit trail", _migration_3),
    (4, "the machine of each audit entry", _migration_4),
    (5, "the portfolio's summary values as columns", _migration_5),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]
