"""therapist's workspace: clinician notes (sealed), entries marked to discuss, a lease on sending an
alert's email, and the access-log line for a note

Revision ID: f6b8d0e2a4c5
Revises: e5a7c9d1f3b4
Create Date: 2026-11-28 22:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f6b8d0e2a4c5'
down_revision = 'e5a7c9d1f3b4'
branch_labels = None
depends_on = None

BEFORE = ('view_patient', 'view_entry', 'reply', 'export', 'view_measures', 'view_safety_plan', 'view_alert',
          'acknowledge_alert', 'resolve_alert')
AFTER = BEFORE + ('write_note',)


def action(values):
    return sa.Enum(*values, name='access_action', native_enum=False, create_constraint=True, length=24)


def upgrade():
    op.create_table('clinician_notes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_clinician_notes_owner_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['patient_id'], ['users.id'], name=op.f('fk_clinician_notes_patient_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinician_notes'))
    )
    with op.batch_alter_table('clinician_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clinician_notes_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_clinician_notes_patient_id'), ['patient_id'], unique=False)
    # Adding columns never recreates a table on SQLite.
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('to_discuss', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('safety_alerts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_claimed_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(BEFORE), type_=action(AFTER), existing_nullable=False)


def downgrade():
    op.execute(sa.text("UPDATE access_log SET action = 'view_patient' WHERE action = 'write_note'"))
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(AFTER), type_=action(BEFORE), existing_nullable=False)
    with op.batch_alter_table('safety_alerts', schema=None) as batch_op:
        batch_op.drop_column('email_claimed_at')
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.drop_column('to_discuss')
    with op.batch_alter_table('clinician_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clinician_notes_patient_id'))
        batch_op.drop_index(batch_op.f('ix_clinician_notes_owner_id'))
    op.drop_table('clinician_notes')
