"""The project store: SQLAlchemy models, Alembic migrations and repository functions."""
