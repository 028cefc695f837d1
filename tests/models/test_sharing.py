"""``Connection.is_active``: one meaning of "connected now", in Python and in SQL."""

from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import Connection, Role


def test_a_connection_is_active_until_ended():
    connection = Connection()
    assert connection.is_active
    connection.ended_at = utcnow()
    assert not connection.is_active


def test_queries_select_active_and_ended_connections(app, make_user, sharing):
    patient, kept, left = make_user(), make_user(Role.THERAPIST), make_user(Role.THERAPIST)
    active_id, ended_id = sharing.connect(patient.id, kept.id), sharing.connect(patient.id, left.id)
    sharing.disconnect(patient.id, left.id)
    with app.app_context():
        assert list(db.session.scalars(select(Connection.id).where(Connection.is_active))) == [active_id]
        assert list(db.session.scalars(select(Connection.id).where(~Connection.is_active))) == [ended_id]
