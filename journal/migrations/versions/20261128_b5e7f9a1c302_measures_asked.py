"""users.measures_asked: which questionnaires a patient is asked about (all three by default)

Revision ID: b5e7f9a1c302
Revises: a8c2d4e6f190
Create Date: 2026-11-28 13:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b5e7f9a1c302'
down_revision = 'a8c2d4e6f190'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('measures_asked', sa.String(length=40), server_default='phq-9,gad-7,pcl-5', nullable=False))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('measures_asked')
