"""Rows of the store: the home list's row, the firm key, JSON as stored, and the quick
read-only listing used at start-up."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from ..base.paths import default_db_url, sqlite_path
from . import schema

if TYPE_CHECKING:

    from ..assessment.model import Answer

SQLITE_MAGIC = b"SQLite format 3\x00"


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


# ---------------------------------------------------------------------------- helpers

def firm_key(credit_code: Any, company_name: Any) -> str:
    """Identifies a firm across its assessments: the credit code, else the normalized name."""
    if isinstance(credit_code, str) and credit_code.strip():
        return "uscc:" + credit_code.strip().upper()
    name = unicodedata.normalize("NFKC", str(company_name or "")).casefold()
    name = "".join(name.split())
    return "name:" + name if name else ""


def same_firm(key: str, name: Any, other_key: str, other_name: Any) -> bool:
    """Whether two assessments are of one firm: the same credit code when both have one,
    else the same name (a firm renamed keeps its code)."""
    if key.startswith("uscc:") and other_key.startswith("uscc:"):
        return key == other_key
    mine = firm_key(None, name)
    return bool(mine) and mine == firm_key(None, other_name)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def answer_rows(assessment_id: str, answers: dict[str, Answer],
                 stamp: str) -> list[dict[str, Any]]:
    return [{"assessment_id": assessment_id, "question_id": k, "value_json": dumps(v.value),
             "na": v.na, "updated_at": v.updated_at or stamp} for k, v in answers.items()]


def row_from(r: Any) -> AssessmentRow:
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


T = TypeVar("T")


def _read_current(url: str | None, read: Callable[[Any], T]) -> T | None:
    """``read(connection)`` on the SQLite store file of ``url``, opened read-only with the
    standard ``sqlite3`` module, when it is a store of this schema version; None whenever that
    cannot be sure (not SQLite, no file yet, another version, any error)."""
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
            if version is None or int(version[0]) != schema.SCHEMA_VERSION:
                return None
            return read(conn)
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return None


def quick_rows(url: str | None = None) -> list[AssessmentRow] | None:
    """The home list read straight from an SQLite store file, read-only, without SQLAlchemy.

    Start-up uses it to show the assessments at once: the standard ``sqlite3`` module imports
    in a few milliseconds, SQLAlchemy in about 190 ms on a small laptop; the full store opens
    in the background meanwhile, and every write and every other read goes through it. Returns
    None whenever it cannot be sure (not SQLite, no file yet, another schema version, any
    error); the caller then waits for :meth:`Store.open`, which explains problems.
    """
    rows = _read_current(url, lambda conn: conn.execute(
        "SELECT * FROM zg_assessment ORDER BY updated_at DESC, id").fetchall())
    return None if rows is None else [row_from(r) for r in rows]


def quick_page(url: str | None = None, limit: int = 200
               ) -> tuple[list[AssessmentRow], list[AssessmentRow], int] | None:
    """The first ``limit`` rows of the home list (newest change first), the rows they are
    linked to (earlier assessments, re-assessments) and how many assessments there are, read
    as :func:`quick_rows` reads (straight from the SQLite file, read-only; None when not
    sure). With 100,000 assessments this is a few milliseconds where every row takes
    seconds."""

    def read(conn: Any) -> tuple[list[AssessmentRow], list[AssessmentRow], int]:
        total = int(conn.execute("SELECT count(*) FROM zg_assessment").fetchone()[0])
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM zg_assessment ORDER BY updated_at DESC, id LIMIT ?",
            (max(limit, 0),))]
        marks = ",".join("?" * len(ids))
        found = {r["id"]: r for r in conn.execute(
            f"SELECT * FROM zg_assessment WHERE id IN ({marks})", ids)} if ids else {}
        earlier = sorted({found[i]["previous_id"] for i in found
                          if found[i]["previous_id"]} - set(found))
        more = ",".join("?" * len(earlier))
        around = conn.execute(
            f"SELECT * FROM zg_assessment WHERE previous_id IN ({marks})"
            + (f" OR id IN ({more})" if earlier else ""), [*ids, *earlier]
        ).fetchall() if ids else []
        return ([row_from(found[i]) for i in ids if i in found], [row_from(r) for r in around],
                total)

    return _read_current(url, read)
