"""access_log.action: a therapist's view of shared questionnaires is its own line

Revision ID: d4f6a8b0c2e1
Revises: c9d1e3f5a7b2
Create Date: 2026-11-28 18:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd4f6a8b0c2e1'
down_revision = 'c9d1e3f5a7b2'
branch_labels = None
depends_on = None

BEFORE = ('view_patient', 'view_entry', 'reply', 'export')
AFTER = BEFORE + ('view_measures',)


def action(values):
    return sa.Enum(*values, name='access_action', native_enum=False, create_constraint=True, length=24)


def upgrade():
    # access_log has no child tables, so SQLite's copy-and-move of it cannot cascade anywhere.
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(BEFORE), type_=action(AFTER), existing_nullable=False)


def downgrade():
    # The log is the patient's record of who looked: keep the line, as the page view it was part of.
    op.execute(sa.text("UPDATE access_log SET action = 'view_patient' WHERE action = 'view_measures'"))
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(AFTER), type_=action(BEFORE), existing_nullable=False)
