"""audit events without a project (accounts)

Adding a user belongs to no project, yet it is a change that must leave an audit event with who and
when. Rather than a second audit table, event.project_id becomes nullable: account events have no
project, and `workbench log PROJECT` keeps reading one table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 22:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('event') as batch:
        batch.alter_column('project_id', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM event WHERE project_id IS NULL")
    with op.batch_alter_table('event') as batch:
        batch.alter_column('project_id', existing_type=sa.Integer(), nullable=False)
