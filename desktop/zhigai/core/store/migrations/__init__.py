"""The store's schema history as Alembic migrations (one history for SQLite and PostgreSQL):
``versions/`` holds one revision per store schema version; :mod:`..migrate` runs them."""
