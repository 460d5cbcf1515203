"""Alembic environment: migrations run on the connection the workbench hands over."""

from alembic import context

from workbench.store.models import Base

connection = context.config.attributes.get("connection")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
