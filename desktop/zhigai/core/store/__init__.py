"""The store: assessments in an SQLite file (default) or PostgreSQL through SQLAlchemy,
its schema and migrations, and the quick read-only listing used at start-up.
Imports ``assessment``, ``questionnaire`` and ``base`` (never advice or the report)."""
