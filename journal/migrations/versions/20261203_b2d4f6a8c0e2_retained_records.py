"""retained records: a therapist's record of a former patient (notes, alert history), sealed, kept for
the retention time after the patient deletes their account; the access-log line for exporting a record

Revision ID: b2d4f6a8c0e2
Revises: a1c3e5f7b9d1
Create Date: 2026-12-03 15:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b2d4f6a8c0e2'
down_revision = 'a1c3e5f7b9d1'
branch_labels = None
depends_on = None

BEFORE = ('view_patient', 'view_entry', 'reply', 'export', 'view_measures', 'view_safety_plan', 'view_alert',
          'acknowledge_alert', 'resolve_alert', 'write_note')
AFTER = BEFORE + ('export_record',)


def action(values):
    return sa.Enum(*values, name='access_action', native_enum=False, create_constraint=True, length=24)


def upgrade():
    op.create_table('retained_records',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('therapist_id', sa.Integer(), nullable=False),
    sa.Column('connected_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('purge_after', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['therapist_id'], ['users.id'], name=op.f('fk_retained_records_therapist_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retained_records'))
    )
    with op.batch_alter_table('retained_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retained_records_purge_after'), ['purge_after'], unique=False)
        batch_op.create_index(batch_op.f('ix_retained_records_therapist_id'), ['therapist_id'], unique=False)
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(BEFORE), type_=action(AFTER), existing_nullable=False)


def downgrade():
    op.execute(sa.text("UPDATE access_log SET action = 'export' WHERE action = 'export_record'"))
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(AFTER), type_=action(BEFORE), existing_nullable=False)
    with op.batch_alter_table('retained_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_retained_records_therapist_id'))
        batch_op.drop_index(batch_op.f('ix_retained_records_purge_after'))
    op.drop_table('retained_records')
