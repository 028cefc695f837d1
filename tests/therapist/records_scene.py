"""Helpers for the clinical-record tests: a patient's care with one therapist, and deleting an account."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from journal.extensions import db
from journal.models import Connection, RetainedRecord, User

SECRET = "saffron-lighthouse-4417"  # words of the journal: never in a record
NOTE = "Discussed sleep and the integration plan"
ACKNOWLEDGED = "phoned them, a friend is with them"
RESOLVED = "safety plan reviewed together"


def care(app, journal, patient_id: int, therapist_id: int, *, alert: bool = True, note: str = NOTE) -> None:
    """An entry with SECRET in it; an alert about it, acknowledged and closed with notes; a private note."""
    from journal.safety import alerts
    from journal.safety.risk import assess
    from journal.therapist.workspace import write_note

    entry_id = journal.entry(patient_id, SECRET)
    with app.app_context():
        if alert:
            connection = db.session.scalar(
                select(Connection).where(Connection.patient_id == patient_id, Connection.therapist_id == therapist_id)
            )
            connection.safety_alerts = True
            (row,) = alerts.raise_alerts(
                db.session.get(User, patient_id), assess([SECRET], phq9_item9=3), entry_id=entry_id
            )
            db.session.commit()
            alerts.acknowledge(row, "called", ACKNOWLEDGED)
            alerts.resolve(row, "safe", RESOLVED)
        if note:
            write_note(therapist_id, patient_id, note)


def delete(app, patient_id: int) -> None:
    """Delete a patient's account through the service (the form is tested in tests/settings)."""
    from journal.settings.deletion import delete_account

    with app.test_request_context():
        delete_account(db.session.get(User, patient_id))


def record_ids(app, therapist_id: int | None = None) -> list[uuid.UUID]:
    with app.app_context():
        statement = select(RetainedRecord.id).order_by(RetainedRecord.closed_at)
        if therapist_id is not None:
            statement = statement.where(RetainedRecord.therapist_id == therapist_id)
        return list(db.session.scalars(statement))
