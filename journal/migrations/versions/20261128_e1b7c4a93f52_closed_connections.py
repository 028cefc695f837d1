"""closed_connections: what a therapist is told when a patient deletes their account

Revision ID: e1b7c4a93f52
Revises: c7e3a9d15b84
Create Date: 2026-11-28 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e1b7c4a93f52'
down_revision = 'c7e3a9d15b84'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('closed_connections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('therapist_id', sa.Integer(), nullable=False),
    sa.Column('former_patient_id', sa.Integer(), nullable=False),
    sa.Column('connected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['therapist_id'], ['users.id'], name=op.f('fk_closed_connections_therapist_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_closed_connections'))
    )
    with op.batch_alter_table('closed_connections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_closed_connections_therapist_id'), ['therapist_id'], unique=False)


def downgrade():
    with op.batch_alter_table('closed_connections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_closed_connections_therapist_id'))
    op.drop_table('closed_connections')
