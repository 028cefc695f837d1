"""users: drop session_token (login-session rows are the one way a login ends)

Revision ID: 3c5e1f0a9b27
Revises: 798697e2980f
Create Date: 2026-11-28 04:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c5e1f0a9b27'
down_revision = '798697e2980f'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('session_token')


def downgrade():
    # A value no cookie carries: after a downgrade everyone logs in again.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=32), server_default='downgraded',
                                      nullable=False))
