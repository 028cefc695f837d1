"""alert outbox: one row per alert email (first notice and reminders), with attempts, backoff and
permanent failures, in place of the lease columns on safety_alerts

Revision ID: a1c3e5f7b9d1
Revises: 1b2c3d4e5f60
Create Date: 2026-12-03 12:30:00

"""
import uuid
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a1c3e5f7b9d1'
down_revision = '1b2c3d4e5f60'
branch_labels = None
depends_on = None


def upgrade():
    # Read what the old columns knew first: recreating safety_alerts on SQLite (to drop them) deletes
    # and re-inserts its rows, which would cascade into an outbox that already pointed at them.
    bind = op.get_bind()
    old = sa.table('safety_alerts', sa.column('id', sa.Uuid()), sa.column('created_at', sa.DateTime(timezone=True)),
                   sa.column('emailed_at', sa.DateTime(timezone=True)))
    alerts = bind.execute(sa.select(old.c.id, old.c.created_at, old.c.emailed_at)).all()
    with op.batch_alter_table('safety_alerts', schema=None) as batch_op:
        batch_op.drop_column('email_claimed_at')
        batch_op.drop_column('emailed_at')
    mails = op.create_table('alert_mails',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('alert_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('given_up_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.String(length=120), nullable=True),
    sa.ForeignKeyConstraint(['alert_id'], ['safety_alerts.id'], name=op.f('fk_alert_mails_alert_id_safety_alerts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert_mails')),
    sa.UniqueConstraint('alert_id', 'number', name='uq_alert_mails_alert_number')
    )
    with op.batch_alter_table('alert_mails', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_mails_alert_id'), ['alert_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_alert_mails_next_attempt_at'), ['next_attempt_at'], unique=False)
    now = datetime.now(UTC)
    op.bulk_insert(mails, [
        {'id': uuid.uuid4(), 'alert_id': alert_id,
         'number': 0, 'created_at': created_at or now, 'attempts': 1 if emailed_at else 0,
         'next_attempt_at': now, 'claimed_at': None, 'sent_at': emailed_at, 'given_up_at': None, 'reason': None}
        for alert_id, created_at, emailed_at in alerts
    ])


def downgrade():
    bind = op.get_bind()
    outbox = sa.table('alert_mails', sa.column('alert_id', sa.Uuid()), sa.column('number', sa.Integer()),
                      sa.column('sent_at', sa.DateTime(timezone=True)))
    sent = bind.execute(sa.select(outbox.c.alert_id, outbox.c.sent_at).where(outbox.c.number == 0)).all()
    with op.batch_alter_table('alert_mails', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_mails_next_attempt_at'))
        batch_op.drop_index(batch_op.f('ix_alert_mails_alert_id'))
    op.drop_table('alert_mails')
    with op.batch_alter_table('safety_alerts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('email_claimed_at', sa.DateTime(timezone=True), nullable=True))
    alerts = sa.table('safety_alerts', sa.column('id', sa.Uuid()), sa.column('emailed_at', sa.DateTime(timezone=True)))
    for alert_id, sent_at in sent:
        if sent_at is not None:
            bind.execute(alerts.update().where(alerts.c.id == alert_id).values(emailed_at=sent_at))
