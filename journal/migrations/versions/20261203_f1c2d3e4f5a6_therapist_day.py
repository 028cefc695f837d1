"""a therapist's day: private labels, a phone number on alerts, a daily digest

Revision ID: f1c2d3e4f5a6
Revises: e1b2c3d4e5f6
Create Date: 2026-12-03 12:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f1c2d3e4f5a6'
down_revision = 'e1b2c3d4e5f6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('patient_labels',
    sa.Column('therapist_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['therapist_id'], ['users.id'], name=op.f('fk_patient_labels_therapist_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['patient_id'], ['users.id'], name=op.f('fk_patient_labels_patient_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('therapist_id', 'patient_id', name=op.f('pk_patient_labels'))
    )
    with op.batch_alter_table('patient_labels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patient_labels_patient_id'), ['patient_id'], unique=False)
    op.create_table('alert_phones',
    sa.Column('connection_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'], name=op.f('fk_alert_phones_connection_id_connections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_alert_phones_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('connection_id', name=op.f('pk_alert_phones'))
    )
    with op.batch_alter_table('alert_phones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_phones_owner_id'), ['owner_id'], unique=False)
    op.create_table('digests_sent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('therapist_id', sa.Integer(), nullable=False),
    sa.Column('local_day', sa.Date(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['therapist_id'], ['users.id'], name=op.f('fk_digests_sent_therapist_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digests_sent')),
    sa.UniqueConstraint('therapist_id', 'local_day', name=op.f('uq_digests_sent_therapist_id'))
    )
    # Adding columns never recreates a table on SQLite.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digest', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('digest_hour', sa.Integer(), server_default='8', nullable=False))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('digest_hour')
        batch_op.drop_column('digest')
    op.drop_table('digests_sent')
    with op.batch_alter_table('alert_phones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_phones_owner_id'))
    op.drop_table('alert_phones')
    with op.batch_alter_table('patient_labels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_patient_labels_patient_id'))
    op.drop_table('patient_labels')
