"""The alert outbox against a real SMTP server that refuses, a sender killed mid-send, two senders at once
and a database that goes away: every alert's email arrives once (or is recorded as given up), in order."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from journal.auth.services import create_user
from journal.clock import utcnow
from journal.extensions import db
from journal.models import AlertMail, Role, SafetyAlert, User
from journal.safety import alerts, outbox
from journal.safety.risk import assess
from journal.sharing.services import connect
from tests.conftest import PASSWORD, login_client
from tests.mail_server import text_of

THERAPIST = "okafor@example.org"
URGENT = ["I am going to kill myself tonight."]


def raise_alert(patient_id: int) -> uuid.UUID:
    """An urgent alert, with its first email written and not yet tried."""
    patient = db.session.get(User, patient_id)
    (alert,) = alerts.raise_alerts(patient, assess(URGENT))
    db.session.commit()
    return alert.id


@pytest.fixture
def told(app, patient, make_user):
    """A therapist with a confirmed address whom the patient allows to be told."""
    therapist = make_user(Role.THERAPIST, email=THERAPIST, display_name="Dr. Okafor")
    with app.app_context():
        db.session.get(User, therapist.id).email_verified_at = utcnow()
        connect(db.session.get(User, patient.id), db.session.get(User, therapist.id), safety_alerts=True)
    return therapist


def mails(app) -> list[AlertMail]:
    with app.app_context():
        return list(db.session.scalars(select(AlertMail).order_by(AlertMail.created_at, AlertMail.number)))


def send(runner) -> str:
    result = runner.invoke(args=["send-alerts"])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_temporary_refusal_is_tried_again_after_waits_that_double_then_sent_once(
    app, patient, told, mailbox, runner, clock
):
    start = utcnow()
    clock(start)
    with app.app_context():
        raise_alert(patient.id)
    mailbox.refuse = "451 4.3.0 Try again later"
    assert "0 safety alert email(s) sent; 1 to try again later" in send(runner)
    (row,) = mails(app)
    assert (row.attempts, row.next_attempt_at, row.reason) == (
        1,
        start + timedelta(minutes=1),
        "451 SMTPRecipientsRefused",
    )
    send(runner)  # not due yet: not tried
    assert mails(app)[0].attempts == 1
    clock(start + timedelta(minutes=1))
    send(runner)
    assert mails(app)[0].next_attempt_at == start + timedelta(minutes=1 + 2)
    clock(start + timedelta(minutes=3))
    send(runner)
    assert mails(app)[0].next_attempt_at == start + timedelta(minutes=3 + 4)
    mailbox.refuse = None
    clock(start + timedelta(minutes=7))
    assert "1 safety alert email(s) sent" in send(runner)
    assert "0 safety alert email(s) sent" in send(runner)
    (message,) = mailbox.messages
    assert message["To"] == THERAPIST and message["Subject"] == "A safety alert is waiting for you"
    (row,) = mails(app)
    assert row.sent_at == start + timedelta(minutes=7) and row.attempts == 4


def test_the_wait_doubles_up_to_an_hour():
    assert [outbox.backoff(n) for n in (1, 2, 3, 7, 8, 20)] == [
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=4),
        timedelta(hours=1),
        timedelta(hours=1),
        timedelta(hours=1),
    ]


def test_a_permanent_refusal_is_recorded_not_retried_and_shown_on_the_alert(app, patient, told, mailbox, runner, clock):
    clock(utcnow())
    with app.app_context():
        alert_id = raise_alert(patient.id)
    mailbox.refuse = "550 5.1.1 No such mailbox"
    assert "1 given up" in send(runner)
    mailbox.refuse = None
    clock(utcnow() + timedelta(hours=2))
    send(runner)
    (row,) = mails(app)
    assert row.given_up_at is not None and row.reason == "550 SMTPRecipientsRefused" and row.attempts == 1
    assert mailbox.messages == []
    page = login_client(app, THERAPIST).get(f"/therapist/alerts/{alert_id}").get_data(as_text=True)
    assert "Not emailed (550 SMTPRecipientsRefused)" in page


def test_temporary_refusals_are_given_up_after_the_last_attempt(app, patient, told, mailbox, runner, clock):
    moment = utcnow()
    clock(moment)
    with app.app_context():
        raise_alert(patient.id)
    mailbox.refuse = "421 4.7.0 Too busy"
    for _ in range(outbox.MAX_ATTEMPTS):
        send(runner)
        moment += outbox.LONGEST_WAIT
        clock(moment)
    (row,) = mails(app)
    assert (row.attempts, row.reason) == (outbox.MAX_ATTEMPTS, "421 SMTPRecipientsRefused")
    assert row.given_up_at is not None and row.sent_at is None


def test_an_unconfirmed_address_gets_no_mail_and_the_dashboard_says_why(app, patient, told, mailbox, runner, make_user):
    with app.app_context():
        db.session.get(User, told.id).email_verified_at = None
        db.session.commit()
        alert_id = raise_alert(patient.id)
    assert "1 given up" in send(runner)
    assert mailbox.messages == [] and mails(app)[0].reason == outbox.UNCONFIRMED
    doctor = login_client(app, THERAPIST)
    dashboard = doctor.get("/therapist/").get_data(as_text=True)
    assert 'id="address-unconfirmed"' in dashboard and "safety alerts reach you only here" in dashboard
    assert f"/therapist/alerts/{alert_id}" in dashboard  # in the app all the same
    assert "Not emailed (address unconfirmed" in doctor.get(f"/therapist/alerts/{alert_id}").get_data(as_text=True)
    confirmed = make_user(Role.THERAPIST, email="confirmed@example.org")
    with app.app_context():
        db.session.get(User, confirmed.id).email_verified_at = utcnow()
        db.session.commit()
    other = login_client(app, "confirmed@example.org").get("/therapist/").get_data(as_text=True)
    assert 'id="address-unconfirmed"' not in other


def test_an_alert_unacknowledged_for_a_day_is_sent_again_once_a_day_until_acknowledged(
    app, client, patient, told, mailbox, runner, clock
):
    start = utcnow()
    clock(start)
    with app.app_context():
        alert_id = raise_alert(patient.id)
    send(runner)
    clock(start + timedelta(hours=23))
    assert "0 reminder(s) written" in send(runner)
    assert "Not yet seen." in client.get("/safety").get_data(as_text=True)
    assert "more than 24 hours" not in client.get("/safety").get_data(as_text=True)
    clock(start + timedelta(hours=24, minutes=1))
    assert "1 reminder(s) written" in send(runner)
    assert "0 reminder(s) written" in send(runner)  # once a period
    first, reminder = mailbox.wait_for(2)
    assert reminder["Subject"] == "Reminder: a safety alert is still waiting for you"
    assert "has not been acknowledged yet" in text_of(reminder) and f"/therapist/alerts/{alert_id}" in text_of(reminder)
    page = client.get("/safety").get_data(as_text=True)
    assert "Not yet seen." in page and "It has been more than 24 hours" in page
    clock(start + timedelta(hours=80))  # a sender down for days writes one reminder, not several
    assert "1 reminder(s) written" in send(runner)
    assert [row.number for row in mails(app)] == [0, 1, 3]
    with app.app_context():
        alerts.acknowledge(db.session.get(SafetyAlert, alert_id), "called", "")
    clock(start + timedelta(hours=200))
    assert "0 reminder(s) written" in send(runner)
    assert len(mailbox.messages) == 3
    assert "Not yet seen" not in client.get("/safety").get_data(as_text=True)


def test_emails_written_before_the_alert_was_acknowledged_do_not_go(app, patient, told, mailbox, clock):
    start = utcnow()
    clock(start)
    with app.app_context():
        alert_id = raise_alert(patient.id)
        clock(start + timedelta(hours=25))
        outbox.enqueue_reminders()
        alerts.acknowledge(db.session.get(SafetyAlert, alert_id), "called", "")
        with app.test_request_context("/"):
            outbox.send_due()
    assert [(row.number, row.reason) for row in mails(app)] == [(0, outbox.CLOSED)]  # no reminder behind it
    assert mailbox.messages == []


def sender(app, smtp_server) -> subprocess.Popen:
    """``flask send-alerts`` in a process of its own, on the test's database and mail server."""
    env = {
        **os.environ,
        "JOURNAL_ENV": "testing",
        "JOURNAL_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "JOURNAL_INSTANCE_PATH": app.instance_path,
        "JOURNAL_MAIL_SERVER": "127.0.0.1",
        "JOURNAL_MAIL_PORT": str(smtp_server.port),
        "JOURNAL_MAIL_USE_TLS": "false",
        "JOURNAL_LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "journal", "send-alerts"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_senders_at_once_send_each_email_exactly_once(app, patient, told, smtp_server, mailbox):
    with app.app_context():
        ids = {raise_alert(patient.id) for _ in range(4)}
    mailbox.slow = 0.3  # each message takes a while: the two senders overlap
    first, second = sender(app, smtp_server), sender(app, smtp_server)
    outputs = [process.communicate(timeout=120) for process in (first, second)]
    assert first.returncode == second.returncode == 0, outputs
    links = sorted(text_of(message).split("/therapist/alerts/")[1].split()[0] for message in mailbox.messages)
    assert links == sorted(str(alert_id) for alert_id in ids)
    assert all(row.sent_at is not None and row.attempts == 1 for row in mails(app))


def test_a_sender_killed_mid_send_leaves_the_email_to_the_next_run_once_its_lease_lapses(
    app, patient, told, smtp_server, mailbox, runner, clock
):
    with app.app_context():
        raise_alert(patient.id)
    mailbox.hold = True
    process = sender(app, smtp_server)
    assert mailbox.arrived.wait(60), process.communicate()
    process.kill()  # SIGKILL, in the middle of the SMTP conversation
    process.communicate()
    mailbox.reset()
    (row,) = mails(app)
    assert row.claimed_at is not None and row.sent_at is None
    clock(utcnow() + timedelta(minutes=5))
    assert "0 safety alert email(s) sent" in send(runner)  # its lease still holds
    clock(utcnow() + outbox.CLAIM)
    assert "1 safety alert email(s) sent" in send(runner)
    assert "0 safety alert email(s) sent" in send(runner)
    assert len(mailbox.messages) == 1


def test_a_database_outage_loses_no_alert_email(proxied_postgres, smtp_server):
    app, proxy = proxied_postgres
    app.config.update(smtp_server.settings)
    smtp_server.mailbox.clear()
    with app.app_context():
        patient = db.session.scalar(select(User))
        therapist = create_user(email="t@example.org", display_name="Dr. T", password=PASSWORD, role=Role.THERAPIST)
        therapist.email_verified_at = utcnow()
        db.session.commit()
        connect(patient, therapist, safety_alerts=True)
        raise_alert(patient.id)
        proxy.cut()
        with app.test_request_context("/"), pytest.raises(DBAPIError):
            outbox.send_due()
        db.session.rollback()
        proxy.restore()
        with app.test_request_context("/"):
            assert outbox.send_due().sent == 1
            assert outbox.send_due().sent == 0
    assert len(smtp_server.mailbox.messages) == 1


def test_an_email_that_fails_unexpectedly_is_held_back_and_the_others_still_go(
    app, patient, told, make_user, mailbox, runner, clock
):
    clock(utcnow())
    other = make_user(Role.THERAPIST, email="ruiz@example.org", display_name="Dr. Ruiz")
    with app.app_context():
        db.session.get(User, other.id).email_verified_at = utcnow()
        connect(db.session.get(User, patient.id), db.session.get(User, other.id), safety_alerts=True)
        alerts.raise_alerts(db.session.get(User, patient.id), assess(URGENT))
        db.session.get(User, told.id).time_zone = "Nowhere/Nothing"  # its email cannot be written
        db.session.commit()
    assert "1 safety alert email(s) sent; 1 to try again later" in send(runner)
    (message,) = mailbox.messages
    assert message["To"] == "ruiz@example.org"
    broken = [row for row in mails(app) if row.sent_at is None]
    assert len(broken) == 1 and broken[0].claimed_at is None and broken[0].attempts == 1


def test_no_reminder_is_written_while_the_first_email_is_still_being_tried(app, patient, told, mailbox, runner, clock):
    start = utcnow()
    clock(start)
    with app.app_context():
        raise_alert(patient.id)
    mailbox.refuse = "451 4.3.0 Try again later"
    send(runner)
    clock(start + timedelta(hours=25))  # a day on, the first email still waits for its next try
    with app.app_context():
        db.session.execute(update(AlertMail).values(next_attempt_at=start + timedelta(hours=26)))
        db.session.commit()
    assert "0 reminder(s) written" in send(runner)
    mailbox.refuse = None
    clock(start + timedelta(hours=26))
    assert "1 safety alert email(s) sent" in send(runner) and len(mailbox.messages) == 1
