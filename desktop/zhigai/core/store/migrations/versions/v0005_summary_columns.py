"""Store schema version 5: the summary values the portfolio reads, as columns.

Adds the columns and fills them from the stored summaries (``schema._migration_5``), in the
migration's one transaction.

Revision ID: v0005
Revises: v0004
"""

from __future__ import annotations

from alembic import op

from zhigai.core.store import schema

revision = "v0005"
down_revision = "v0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    schema._migration_5(op.get_bind())
