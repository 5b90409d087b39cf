"""Store schema version 2: project plans.

The DDL of the release that introduced it, kept as it was (``schema._migration_2``): stores
made before the move to Alembic and stores made now have the same tables.

Revision ID: v0002
Revises: v0001
"""

from __future__ import annotations

from alembic import op

from zhigai.core.store import schema

revision = "v0002"
down_revision = 'v0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    schema._migration_2(op.get_bind())
