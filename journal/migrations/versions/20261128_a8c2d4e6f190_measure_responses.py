"""measure_responses: PHQ-9, GAD-7 and PCL-5 answers (sealed) with their totals

Revision ID: a8c2d4e6f190
Revises: f3d9b2e7a164
Create Date: 2026-11-28 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a8c2d4e6f190'
down_revision = 'f3d9b2e7a164'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('measure_responses',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('instrument', sa.String(length=8), nullable=False),
    sa.Column('library_version', sa.Integer(), nullable=False),
    sa.Column('total', sa.SmallInteger(), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_measure_responses_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure_responses'))
    )
    with op.batch_alter_table('measure_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_responses_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measure_responses_taken_at'), ['taken_at'], unique=False)


def downgrade():
    with op.batch_alter_table('measure_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_responses_taken_at'))
        batch_op.drop_index(batch_op.f('ix_measure_responses_owner_id'))
    op.drop_table('measure_responses')
