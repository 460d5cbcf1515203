"""the aligner each document's pairs came from

Findings are signed with the settings they depend on (workbench.qa.results.RunSignature), the
aligner among them; the aligner's version was dropped at import until now. Documents imported before
this revision keep an empty value, which signatures show as "unknown".

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 19:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('document') as batch:
        batch.add_column(sa.Column('aligner', sa.String(length=64), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('document') as batch:
        batch.drop_column('aligner')
