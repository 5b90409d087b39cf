"""Store schema version 1: create tables: assessments, answers, profile values, meta.

The DDL of the release that introduced it, kept as it was (``schema._migration_1``): stores
made before the move to Alembic and stores made now have the same tables.

Revision ID: v0001
Revises: (none)
"""

from __future__ import annotations

from alembic import op

from zhigai.core.store import schema

revision = "v0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    schema._migration_1(op.get_bind())
