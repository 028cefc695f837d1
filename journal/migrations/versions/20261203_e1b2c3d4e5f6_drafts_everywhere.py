"""drafts for the safety plan and a session's intention: drafts.kind

Revision ID: e1b2c3d4e5f6
Revises: c3e5a7b9d1f3
Create Date: 2026-12-03 12:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e1b2c3d4e5f6'
down_revision = 'c3e5a7b9d1f3'
branch_labels = None
depends_on = None


def _kind():
    return sa.Enum(
        'entry', 'safety_plan', 'session', name='draft_kind', native_enum=False, create_constraint=True, length=24
    )


def upgrade():
    # Every draft so far was an entry's.
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', _kind(), nullable=False, server_default='entry'))
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.alter_column('kind', server_default=None)


def downgrade():
    # The drafts of other pages have no place to go back to in the old schema.
    op.execute("DELETE FROM drafts WHERE kind != 'entry'")
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_drafts_draft_kind'), type_='check')
        batch_op.drop_column('kind')
