"""Reminders and safety alerts reach the browsers people turned notifications on in, beside the email and
never instead of it: without a word of the journal, once per email, and an email goes whatever the push does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import AlertMail, Medicine, PushSubscription, Role, SafetyAlert, User
from journal.safety import outbox
from tests.auth.test_recovery import verify
from tests.conftest import login_client
from tests.push.test_services import subscribe
from tests.safety.test_views import ISSUE, new_entry

SESSION_AT = datetime(2026, 6, 1, 9, tzinfo=UTC)  # 11:00 in Berlin
NEXT_DAY_18H = datetime(2026, 6, 2, 16, tzinfo=UTC)  # 18:00 in Berlin, the next day: "Next day" is ready
WORDS = "the heron-coloured lantern"  # what the patient wrote: in no notification
THERAPIST = "okafor@example.org"


# --- reminders ---------------------------------------------------------------------------------------------------


@pytest.fixture
def reminded(app, make_user, journal, push_service):
    """A patient who wants reminders, with a confirmed address, a session yesterday, an entry and a browser."""
    user = make_user(email="p@example.org", display_name="Robin", time_zone="Europe/Berlin")
    verify(app, user.id)
    with app.app_context():
        row = db.session.get(User, user.id)
        row.reminders, row.reminder_hour = True, 18
        db.session.commit()
    session_id = journal.session(user.id, occurred_at=SESSION_AT, medicine=Medicine.PSILOCYBIN, intention=WORDS)
    journal.entry(user.id, WORDS, title=WORDS, session_id=session_id, created_at=SESSION_AT + timedelta(hours=2))
    browser = push_service.browser("robin")
    subscribe(app, user.id, browser)
    return user, browser


def remind(app, clock, at: datetime) -> int:
    from journal.reminders.services import send_due

    clock(at)
    with app.test_request_context("/"):
        return send_due(at).sent


def test_a_reminder_is_pushed_with_its_email_and_no_journal_text(app, reminded, push_service, mailbox, clock):
    user, browser = reminded
    assert remind(app, clock, NEXT_DAY_18H) == 1
    assert len(mailbox.wait_for(1)) == 1  # the email, as before
    (message,) = push_service.to(browser)
    assert message.payload == {
        "title": "A new reflection is ready",
        "body": "Time for a few quiet minutes with your journal.",
        "url": "/",
        "tag": "reminder",
    }
    for private in ("heron", "lantern", "Psilocybin", "psilocybin", "Robin", "Next day", "p@example.org"):
        assert private not in message.plaintext
    assert remind(app, clock, NEXT_DAY_18H + timedelta(minutes=15)) == 0  # one reminder, one push
    assert len(push_service.to(browser)) == 1


def test_a_reminder_push_is_in_the_patients_language(app, reminded, push_service, mailbox, clock):
    user, browser = reminded
    with app.app_context():
        db.session.get(User, user.id).locale = "de"
        db.session.commit()
    remind(app, clock, NEXT_DAY_18H)
    (message,) = push_service.to(browser)
    assert message.payload["title"] == "Eine neue Reflexion wartet auf Sie"


def test_the_reminder_email_goes_when_the_push_fails(app, reminded, push_service, mailbox, clock):
    user, browser = reminded
    push_service.answer(browser, 500)
    assert remind(app, clock, NEXT_DAY_18H) == 1
    (email,) = mailbox.wait_for(1)
    assert email["Subject"] == "A new reflection is ready"
    with app.app_context():
        assert db.session.scalar(select(PushSubscription.endpoint)) == browser.endpoint  # kept: tried next time


def test_a_reminder_whose_email_failed_is_pushed_once_when_it_goes(app, reminded, push_service, mailbox, clock):
    """The claim is released when the email fails, and the next run sends both: one push, not two."""
    from tests.live_server import free_port

    user, browser = reminded
    good = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()
    assert remind(app, clock, NEXT_DAY_18H) == 0
    assert push_service.to(browser) == []
    app.config["MAIL_PORT"] = good
    assert remind(app, clock, NEXT_DAY_18H + timedelta(minutes=15)) == 1
    assert len(push_service.to(browser)) == 1


def test_an_expired_subscription_is_forgotten_and_the_email_goes(app, reminded, push_service, mailbox, clock):
    user, browser = reminded
    push_service.answer(browser, 410)
    assert remind(app, clock, NEXT_DAY_18H) == 1
    assert len(mailbox.wait_for(1)) == 1
    with app.app_context():
        assert db.session.scalars(select(PushSubscription)).all() == []


# --- safety alerts ----------------------------------------------------------------------------------------------


@pytest.fixture
def alerted(app, client, patient, make_user, sharing, push_service):
    """A therapist with a confirmed address and a browser, whom the logged-in patient allows to be told."""
    therapist = make_user(Role.THERAPIST, email=THERAPIST, display_name="Dr. Okafor")
    verify(app, therapist.id)
    connection = sharing.connect(patient.id, therapist.id)
    assert client.post_form(f"/connections/{connection}/safety-alerts", {"safety_alerts": "y"}).status_code == 302
    browser = push_service.browser("okafor")
    subscribe(app, therapist.id, browser)
    return therapist, browser


def raise_alert(app, patient_id: int):
    from journal.safety import alerts
    from journal.safety.risk import assess

    with app.app_context():
        (alert,) = alerts.raise_alerts(db.session.get(User, patient_id), assess([ISSUE]))
        db.session.commit()
        return alert.id


def send_alerts(runner) -> str:
    result = runner.invoke(args=["send-alerts"])
    assert result.exit_code == 0, result.output
    return result.output


def outbox_rows(app) -> list[AlertMail]:
    with app.app_context():
        return list(db.session.scalars(select(AlertMail).order_by(AlertMail.number)))


def test_a_risky_save_pushes_to_the_therapist_without_patient_words_or_category(
    app, client, patient, journal, alerted, push_service, mailbox
):
    therapist, browser = alerted
    saved = new_entry(client, patient, journal, answer_0=ISSUE, title=WORDS, mood="-5")
    saved.close()  # the page has gone: the email and the push follow it
    with app.app_context():
        alert = db.session.scalar(select(SafetyAlert))
        assert alert.signals == "self_harm,low_mood"
    (message,) = push_service.to(browser)
    assert message.payload == {
        "title": "A safety alert is waiting for you",
        "body": "A safety alert needs your attention.",
        "url": f"/therapist/alerts/{alert.id}",
        "tag": f"safety-alert-{alert.id}",
    }
    assert message.headers["urgency"] == "high"
    for private in ("hurting", "myself", "heron", "Pat", "pat@example.org", "self", "harm", "mood", "Recent"):
        assert private not in message.plaintext
    assert len(mailbox.wait_for(1)) == 1  # the email, as before


def test_an_alert_email_retried_after_a_refusal_is_not_pushed_again(
    app, patient, alerted, push_service, mailbox, runner, clock
):
    therapist, browser = alerted
    start = utcnow()
    clock(start)
    raise_alert(app, patient.id)
    mailbox.refuse = "451 4.3.0 Try again later"
    assert "1 to try again later" in send_alerts(runner)
    assert len(push_service.to(browser)) == 1  # told at once, whatever the mail server says
    mailbox.refuse = None
    clock(start + timedelta(minutes=1))
    assert "1 safety alert email(s) sent" in send_alerts(runner)
    assert len(mailbox.messages) == 1
    assert len(push_service.to(browser)) == 1  # the retry sent the email only


def test_the_alert_email_goes_when_the_push_fails(app, patient, alerted, push_service, mailbox, runner):
    therapist, browser = alerted
    push_service.answer(browser, 500)
    raise_alert(app, patient.id)
    assert "1 safety alert email(s) sent" in send_alerts(runner)
    assert mailbox.wait_for(1)[0]["To"] == THERAPIST
    (row,) = outbox_rows(app)
    assert row.sent_at is not None and row.attempts == 1


def test_a_therapist_without_a_confirmed_address_is_still_pushed_to(
    app, patient, alerted, push_service, mailbox, runner
):
    therapist, browser = alerted
    with app.app_context():
        db.session.get(User, therapist.id).email_verified_at = None
        db.session.commit()
    raise_alert(app, patient.id)
    assert "1 given up" in send_alerts(runner)
    assert mailbox.messages == [] and outbox_rows(app)[0].reason == outbox.UNCONFIRMED
    assert len(push_service.to(browser)) == 1
    assert "0 given up" in send_alerts(runner) and len(push_service.to(browser)) == 1  # once


def test_an_overdue_alert_is_pushed_again_as_a_reminder(app, patient, alerted, push_service, mailbox, runner, clock):
    therapist, browser = alerted
    start = utcnow()
    clock(start)
    alert_id = raise_alert(app, patient.id)
    send_alerts(runner)
    clock(start + timedelta(hours=24, minutes=1))
    assert "1 reminder(s) written" in send_alerts(runner)
    first, again = push_service.to(browser)
    assert again.payload["title"] == "Reminder: a safety alert is still waiting for you"
    assert again.payload["tag"] == first.payload["tag"] == f"safety-alert-{alert_id}"  # it replaces the first


def test_an_alert_closed_before_its_email_went_is_not_pushed(app, patient, alerted, push_service, mailbox, runner):
    from journal.safety import alerts

    alert_id = raise_alert(app, patient.id)
    with app.app_context():
        alerts.acknowledge(db.session.get(SafetyAlert, alert_id), "called", "")
    send_alerts(runner)
    assert push_service.received == []


def test_the_patient_is_never_pushed_about_their_own_alert(app, client, patient, alerted, push_service, journal):
    mine = push_service.browser("patient")
    subscribe(app, patient.id, mine)
    new_entry(client, patient, journal, answer_0=ISSUE).close()
    assert push_service.to(mine) == []
    assert len(push_service.to(alerted[1])) == 1


def test_the_therapist_can_turn_it_on_from_their_own_settings(app, patient, alerted, push_service, runner):
    """The whole way a therapist takes: the page's calls, then an alert."""
    therapist, _ = alerted
    laptop = push_service.browser("laptop")
    doctor = login_client(app, THERAPIST)
    answer = doctor.post(
        "/push/subscriptions",
        json=laptop.subscription(),
        headers={"X-CSRFToken": doctor.csrf_token(), "Accept": "application/json"},
    )
    assert answer.status_code == 201
    raise_alert(app, patient.id)
    send_alerts(runner)
    assert len(push_service.to(laptop)) == 1
