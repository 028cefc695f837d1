"""reminders: opt-in preferences on users, and reminders_sent (claimed before sending)

Revision ID: f3d9b2e7a164
Revises: e1b7c4a93f52
Create Date: 2026-11-28 11:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f3d9b2e7a164'
down_revision = 'e1b7c4a93f52'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminders', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('reminder_hour', sa.Integer(), server_default='18', nullable=False))
        batch_op.add_column(sa.Column('quiet_from', sa.Integer(), server_default='22', nullable=False))
        batch_op.add_column(sa.Column('quiet_until', sa.Integer(), server_default='8', nullable=False))
    op.create_table('reminders_sent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('prompt_set', sa.String(length=32), nullable=False),
    sa.Column('local_day', sa.Date(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['treatment_sessions.id'], name=op.f('fk_reminders_sent_session_id_treatment_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reminders_sent_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminders_sent')),
    sa.UniqueConstraint('user_id', 'session_id', 'prompt_set', name=op.f('uq_reminders_sent_user_id'))
    )
    with op.batch_alter_table('reminders_sent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminders_sent_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('reminders_sent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminders_sent_user_id'))
    op.drop_table('reminders_sent')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('quiet_until')
        batch_op.drop_column('quiet_from')
        batch_op.drop_column('reminder_hour')
        batch_op.drop_column('reminders')
