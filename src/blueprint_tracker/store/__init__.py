"""Observation store: SQLAlchemy Core on SQLite (default) or PostgreSQL, Alembic migrations."""
