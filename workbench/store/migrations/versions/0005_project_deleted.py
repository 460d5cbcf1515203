"""a deleted project is kept, marked, with who deleted it

Deleting a project from the app must leave a trace (nothing is overwritten or erased without one): the
project and everything in it stay in the store, marked deleted and renamed "NAME (deleted <time>)" so
that the name is free again; lists and lookups by name leave it out.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 23:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('project') as batch:
        batch.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('deleted_by', sa.String(length=200), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('project') as batch:
        batch.drop_column('deleted_by')
        batch.drop_column('deleted_at')
