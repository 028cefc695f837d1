"""saved pages: the save keys of editor pages already saved, so a late autosave keeps no draft

Revision ID: a7c9e1f3b5d7
Revises: f1c2d3e4f5a6
Create Date: 2026-12-03 14:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7c9e1f3b5d7'
down_revision = 'f1c2d3e4f5a6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('saved_pages',
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('save_key', sa.Uuid(), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_saved_pages_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('owner_id', 'save_key', name=op.f('pk_saved_pages'))
    )


def downgrade():
    op.drop_table('saved_pages')
