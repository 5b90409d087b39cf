"""Store schema version 4: the machine of each audit entry.

The DDL of the release that introduced it, kept as it was (``schema._migration_4``): stores
made before the move to Alembic and stores made now have the same tables.

Revision ID: v0004
Revises: v0003
"""

from __future__ import annotations

from alembic import op

from zhigai.core.store import schema

revision = "v0004"
down_revision = 'v0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    schema._migration_4(op.get_bind())
