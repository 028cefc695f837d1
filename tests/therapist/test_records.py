"""Retained clinical records: purged once past their time (and only then), by a command safe to run twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from journal.audit import Event
from journal.extensions import db
from journal.models import AuditEvent, Role
from journal.therapist.records import RecordAlert, purge_expired_records, retention_in_words
from tests.therapist.records_scene import care, delete, record_ids

T0 = datetime(2026, 12, 3, 10, tzinfo=UTC)
DAYS = 2557


def two_former_patients(app, clock, make_user, journal, sharing):
    """One patient deleted at T0, another a day later; both with the same therapist."""
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    for day in (0, 1):
        clock(T0 + timedelta(days=day))
        patient = make_user()
        sharing.connect(patient.id, therapist.id)
        care(app, journal, patient.id, therapist.id)
        delete(app, patient.id)
    return therapist


def test_purge_deletes_only_records_past_their_time(app, clock, make_user, journal, sharing):
    therapist = two_former_patients(app, clock, make_user, journal, sharing)
    first, second = record_ids(app, therapist.id)
    clock(T0 + timedelta(days=DAYS) - timedelta(seconds=1))
    with app.app_context():
        assert purge_expired_records() == 0
    clock(T0 + timedelta(days=DAYS))
    with app.app_context():
        assert purge_expired_records() == 1
        assert purge_expired_records() == 0  # a second run finds nothing left
        purged = db.session.scalars(select(AuditEvent).where(AuditEvent.event == Event.RECORDS_PURGED)).all()
    assert record_ids(app) == [second]
    assert [event.detail for event in purged] == ["1 record(s)"]  # audited once: the empty run writes nothing


def test_purge_records_command(app, runner, clock, make_user, journal, sharing):
    two_former_patients(app, clock, make_user, journal, sharing)
    clock(T0 + timedelta(days=DAYS + 1))
    result = runner.invoke(args=["purge-records"])
    assert result.exit_code == 0, result.output
    assert "Deleted 2 clinical record(s)" in result.output
    assert "Deleted 0 clinical record(s)" in runner.invoke(args=["purge-records"]).output
    assert record_ids(app) == []


def test_a_therapist_account_deleted_takes_its_records_with_it(app, clock, make_user, journal, sharing):
    therapist = two_former_patients(app, clock, make_user, journal, sharing)
    with app.app_context():
        from journal.models import User

        db.session.delete(db.session.get(User, therapist.id))
        db.session.commit()
    assert record_ids(app) == []


def test_retention_in_words(app):
    with app.app_context():
        for days, words in ((2557, "7 years"), (2922, "8 years"), (365, "1 year"), (90, "90 days"), (1, "1 day")):
            app.config["CLINICAL_RECORD_RETENTION_DAYS"] = days
            assert retention_in_words() == words


def test_a_step_no_longer_offered_is_shown_as_stored():
    alert = RecordAlert(T0, ("words", "retired_signal"), T0, action="texted", resolved_at=T0, outcome="moved")
    assert alert.labels == ["Words about suicide or self-harm", "retired_signal"]
    assert (alert.action_label, alert.outcome_label) == ("texted", "moved")


def test_the_record_keeps_alerts_of_an_earlier_connection(app, make_user, journal, sharing):
    """The alert pages follow the connection; the record is of the care given, so it keeps them."""
    from journal.models import User
    from journal.safety.alerts import all_alerts
    from journal.therapist.records import record_of

    therapist, patient = make_user(Role.THERAPIST), make_user()
    sharing.connect(patient.id, therapist.id)
    care(app, journal, patient.id, therapist.id)
    sharing.disconnect(patient.id, therapist.id)
    sharing.connect(patient.id, therapist.id)
    with app.app_context():
        assert all_alerts(therapist.id, patient.id) == []
        record = record_of(therapist.id, db.session.get(User, patient.id))
    assert [alert.outcome for alert in record.alerts] == ["safe"] and len(record.notes) == 1


def test_an_alert_left_behind_by_a_disconnection_before_anyone_opened_it_stays_out(app, make_user, sharing):
    """Not care given, and off the alert pages: the record does not bring it back."""
    from journal.models import User
    from journal.safety.alerts import raise_alerts
    from journal.safety.risk import assess
    from journal.therapist.records import record_of

    therapist, patient = make_user(Role.THERAPIST), make_user()
    with app.app_context():
        from journal.sharing.services import connect

        connect(db.session.get(User, patient.id), db.session.get(User, therapist.id), safety_alerts=True)
        raise_alerts(db.session.get(User, patient.id), assess(["I am going to kill myself tonight."]))
        db.session.commit()
        assert len(record_of(therapist.id, db.session.get(User, patient.id)).alerts) == 1  # open now: in it
    sharing.disconnect(patient.id, therapist.id)
    sharing.connect(patient.id, therapist.id)
    with app.app_context():
        assert record_of(therapist.id, db.session.get(User, patient.id)).alerts == ()
