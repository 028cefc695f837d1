"""user settings: 12- or 24-hour clock, the crisis region shown first

Revision ID: c7e3a9d15b84
Revises: a4c8e2f61d35
Create Date: 2026-11-28 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c7e3a9d15b84'
down_revision = 'a4c8e2f61d35'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('clock', sa.String(length=3), server_default='24h', nullable=False))
        batch_op.add_column(sa.Column('crisis_region', sa.String(length=120), nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('crisis_region')
        batch_op.drop_column('clock')
