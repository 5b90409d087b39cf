"""Alembic's environment: always given an open connection (inside the caller's transaction,
under its lock) by :mod:`zhigai.core.store.migrate`; never connects by itself."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, transactional_ddl=True, render_as_batch=True,
                  version_table="zg_alembic_version")
with context.begin_transaction():
    context.run_migrations()
