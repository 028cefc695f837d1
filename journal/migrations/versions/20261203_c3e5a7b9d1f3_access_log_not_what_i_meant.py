"""access_log.action: the patient's own line, a safety card that was not what they meant

Revision ID: c3e5a7b9d1f3
Revises: b2d4f6a8c0e2
Create Date: 2026-12-03 13:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3e5a7b9d1f3'
down_revision = 'b2d4f6a8c0e2'
branch_labels = None
depends_on = None

BEFORE = ('view_patient', 'view_entry', 'reply', 'export', 'view_measures', 'view_safety_plan', 'view_alert',
          'acknowledge_alert', 'resolve_alert', 'write_note', 'export_record')
AFTER = BEFORE + ('not_what_i_meant',)


def action(values):
    return sa.Enum(*values, name='access_action', native_enum=False, create_constraint=True, length=24)


def upgrade():
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(BEFORE), type_=action(AFTER), existing_nullable=False)


def downgrade():
    op.execute(sa.text("DELETE FROM access_log WHERE action = 'not_what_i_meant'"))
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(AFTER), type_=action(BEFORE), existing_nullable=False)
