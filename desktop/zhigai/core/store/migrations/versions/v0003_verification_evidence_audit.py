"""Store schema version 3: verification, evidence, audit trail.

The DDL of the release that introduced it, kept as it was (``schema._migration_3``): stores
made before the move to Alembic and stores made now have the same tables.

Revision ID: v0003
Revises: v0002
"""

from __future__ import annotations

from alembic import op

from zhigai.core.store import schema

revision = "v0003"
down_revision = 'v0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    schema._migration_3(op.get_bind())
