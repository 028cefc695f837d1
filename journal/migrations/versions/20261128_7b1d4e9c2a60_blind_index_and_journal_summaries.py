"""entry_terms (blind index), journal_summaries (sealed tag menu), entries by owner and date

Both start empty: the app builds a journal's index and summary on its first
visit or save after the upgrade, and ``flask reindex`` builds every journal
at once. Nothing here reads journal text (a migration has no keys).

Revision ID: 7b1d4e9c2a60
Revises: 3c5e1f0a9b27
Create Date: 2026-11-28 05:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7b1d4e9c2a60'
down_revision = '3c5e1f0a9b27'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('entry_terms',
    sa.Column('entry_id', sa.Uuid(), nullable=False),
    sa.Column('term', sa.LargeBinary(length=16), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['entries.id'], name=op.f('fk_entry_terms_entry_id_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('entry_id', 'term', name=op.f('pk_entry_terms')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('entry_terms', schema=None) as batch_op:
        batch_op.create_index('ix_entry_terms_term', ['term', 'entry_id'], unique=False)

    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.create_index('ix_entries_owner_id_created_at', ['owner_id', 'created_at'], unique=False)

    op.create_table('journal_summaries',
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.Integer(), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_journal_summaries_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('owner_id', name=op.f('pk_journal_summaries'))
    )


def downgrade():
    op.drop_table('journal_summaries')
    with op.batch_alter_table('entries', schema=None) as batch_op:
        batch_op.drop_index('ix_entries_owner_id_created_at')
    with op.batch_alter_table('entry_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_entry_terms_term')
    op.drop_table('entry_terms')
