"""safety loop: safety plans (sealed), safety alerts, consent to alerts and sharing the plan per
connection, a therapist's after-hours line, and the access-log lines for them

Revision ID: e5a7c9d1f3b4
Revises: d4f6a8b0c2e1
Create Date: 2026-11-28 20:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e5a7c9d1f3b4'
down_revision = 'd4f6a8b0c2e1'
branch_labels = None
depends_on = None

BEFORE = ('view_patient', 'view_entry', 'reply', 'export', 'view_measures')
AFTER = BEFORE + ('view_safety_plan', 'view_alert', 'acknowledge_alert', 'resolve_alert')


def action(values):
    return sa.Enum(*values, name='access_action', native_enum=False, create_constraint=True, length=24)


def upgrade():
    op.create_table('safety_plans',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('sealed', sa.LargeBinary(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_safety_plans_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_plans')),
    sa.UniqueConstraint('owner_id', name=op.f('uq_safety_plans_owner_id'))
    )
    op.create_table('safety_alerts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('therapist_id', sa.Integer(), nullable=False),
    sa.Column('signals', sa.String(length=120), nullable=False),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('entry_id', sa.Uuid(), nullable=True),
    sa.Column('response_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('sealed', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['entry_id'], ['entries.id'], name=op.f('fk_safety_alerts_entry_id_entries'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['patient_id'], ['users.id'], name=op.f('fk_safety_alerts_patient_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['measure_responses.id'], name=op.f('fk_safety_alerts_response_id_measure_responses'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['therapist_id'], ['users.id'], name=op.f('fk_safety_alerts_therapist_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_alerts'))
    )
    with op.batch_alter_table('safety_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_alerts_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_alerts_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_alerts_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_alerts_therapist_id'), ['therapist_id'], unique=False)
    # Adding columns never recreates these tables on SQLite (connections and users have children).
    with op.batch_alter_table('connections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('safety_alerts', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('share_safety_plan', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('after_hours_line', sa.String(length=200), nullable=True))
    # access_log has no child tables, so SQLite's copy-and-move of it cannot cascade anywhere.
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(BEFORE), type_=action(AFTER), existing_nullable=False)
    # Crisis regions were renamed with the packaged list of crisis lines.
    op.execute(sa.text("UPDATE users SET crisis_region = 'United States' WHERE crisis_region = 'In the United States'"))


def downgrade():
    op.execute(sa.text("UPDATE users SET crisis_region = 'In the United States' WHERE crisis_region = 'United States'"))
    # The patient's record of who looked is kept: each line becomes the page view it was part of.
    op.execute(sa.text("UPDATE access_log SET action = 'view_patient' WHERE action IN "
                       "('view_safety_plan', 'view_alert', 'acknowledge_alert', 'resolve_alert')"))
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.alter_column('action', existing_type=action(AFTER), type_=action(BEFORE), existing_nullable=False)
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('after_hours_line')
    with op.batch_alter_table('connections', schema=None) as batch_op:
        batch_op.drop_column('share_safety_plan')
        batch_op.drop_column('safety_alerts')
    with op.batch_alter_table('safety_alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_alerts_therapist_id'))
        batch_op.drop_index(batch_op.f('ix_safety_alerts_patient_id'))
        batch_op.drop_index(batch_op.f('ix_safety_alerts_entry_id'))
        batch_op.drop_index(batch_op.f('ix_safety_alerts_created_at'))
    op.drop_table('safety_alerts')
    op.drop_table('safety_plans')
