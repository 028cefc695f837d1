"""share_summaries: sealed after-effects among a therapist's unreviewed shared entries

Starts empty: the therapist dashboard builds each missing row on its next
view. Nothing here reads journal text (a migration has no keys).

Revision ID: 5d2f8a1c7e43
Revises: 7b1d4e9c2a60
Create Date: 2026-11-28 06:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5d2f8a1c7e43'
down_revision = '7b1d4e9c2a60'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('share_summaries',
    sa.Column('therapist_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('generation', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['users.id'], name=op.f('fk_share_summaries_patient_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['therapist_id'], ['users.id'], name=op.f('fk_share_summaries_therapist_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('therapist_id', 'patient_id', name=op.f('pk_share_summaries'))
    )
    with op.batch_alter_table('share_summaries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_summaries_patient_id'), ['patient_id'], unique=False)
    with op.batch_alter_table('connections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('summary_generation', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('connections', schema=None) as batch_op:
        batch_op.drop_column('summary_generation')
    with op.batch_alter_table('share_summaries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_share_summaries_patient_id'))
    op.drop_table('share_summaries')
