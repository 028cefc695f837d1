"""connections.share_measures: questionnaires and progress shared with a therapist, off by default

Revision ID: c9d1e3f5a7b2
Revises: b5e7f9a1c302
Create Date: 2026-11-28 14:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c9d1e3f5a7b2'
down_revision = 'b5e7f9a1c302'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('connections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('share_measures', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('connections', schema=None) as batch_op:
        batch_op.drop_column('share_measures')
