"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Store schema version: (the number in zg_meta after this revision)
"""

from __future__ import annotations

from alembic import op

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}
