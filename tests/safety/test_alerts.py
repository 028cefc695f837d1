"""Telling the care team: an alert only to a therapist the patient allowed, emailed without a name or a
word of the journal; acknowledged with a note, resolved with an outcome, each step in the patient's
access log and on their Safety page; overdue after a day; unreachable for anyone else."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import AccessAction, AccessLog, AlertMail, Connection, Role, SafetyAlert, User
from tests.conftest import login_client
from tests.mail_server import html_of, text_of
from tests.safety.test_views import ISSUE, new_entry

TOLD, NOT_TOLD = "okafor@example.org", "ruiz@example.org"


@pytest.fixture
def team(app, client, patient, make_user, sharing):
    """Two connected therapists; the patient allows alerts to the first only."""
    told = make_user(Role.THERAPIST, email=TOLD, display_name="Dr. Okafor")
    with app.app_context():
        db.session.get(User, told.id).after_hours_line = "Call 555 0100 at night"
        db.session.get(User, told.id).email_verified_at = utcnow()  # alert emails go only to a confirmed address
        db.session.commit()
    quiet = make_user(Role.THERAPIST, email=NOT_TOLD, display_name="Dr. Ruiz")
    connection = sharing.connect(patient.id, told.id)
    sharing.connect(patient.id, quiet.id)
    assert client.post_form(f"/connections/{connection}/safety-alerts", {"safety_alerts": "y"}).status_code == 302
    return told, quiet, connection


def alerts(app) -> list[SafetyAlert]:
    with app.app_context():
        return list(db.session.scalars(select(SafetyAlert).order_by(SafetyAlert.created_at)))


def test_a_risky_save_alerts_only_the_therapist_allowed_and_emails_no_journal_text(
    app, client, patient, journal, team, mailbox
):
    told, quiet, _ = team
    saved = new_entry(client, patient, journal, answer_0=ISSUE, mood="-5")
    saved.close()  # the answer has gone: the email follows it
    body = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Dr. Okafor has been sent an alert that a safety concern was noticed" in body
    assert "Dr. Okafor's after-hours line:</strong> Call 555 0100 at night" in body
    (alert,) = alerts(app)
    assert (alert.therapist_id, alert.signals) == (told.id, "self_harm,low_mood")
    (message,) = mailbox.wait_for(1)
    assert message["To"] == TOLD and message["Subject"] == "A safety alert is waiting for you"
    for part in (text_of(message), html_of(message), message["Subject"]):
        assert "Pat" not in part and "hurting" not in part and "myself" not in part
    assert f"/therapist/alerts/{alert.id}" in text_of(message)
    with app.app_context():
        assert db.session.scalar(select(AlertMail.sent_at).where(AlertMail.alert_id == alert.id)) is not None


def test_no_alert_without_consent_and_the_card_says_no_one_was_told(app, client, patient, journal, make_user, sharing):
    therapist = make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    sharing.connect(patient.id, therapist.id)
    body = client.get(new_entry(client, patient, journal, answer_0=ISSUE).headers["Location"]).get_data(as_text=True)
    assert "No one has been told." in body and alerts(app) == []


def test_a_second_save_of_the_same_entry_raises_no_second_open_alert(app, client, patient, journal, team):
    location = new_entry(client, patient, journal, answer_0=ISSUE).headers["Location"]
    entry_id = location.rsplit("/", 1)[1]
    page = client.get(f"/entries/{entry_id}/edit").get_data(as_text=True)
    from tests.entries.test_views import editor_fields

    client.post_form(f"/entries/{entry_id}/edit", {**editor_fields(page), "answer_0": ISSUE + " again"})
    assert len(alerts(app)) == 1
    new_entry(client, patient, journal, answer_0="A second entry: I want to kill myself.")
    assert len(alerts(app)) == 2


def test_a_phq9_with_item9_alerts_too(app, client, patient, team):
    client.post_form("/measures/phq-9/new", {**{f"item{n}": "0" for n in range(1, 9)}, "item9": "2"})
    (alert,) = alerts(app)
    assert alert.signals == "phq9_item9" and alert.response_id is not None and alert.entry_id is None


def test_the_therapist_sees_acknowledges_and_resolves_and_the_patient_sees_each_step(
    app, client, patient, journal, team, sharing
):
    told, _, _ = team
    location = new_entry(client, patient, journal, answer_0=ISSUE).headers["Location"]
    (alert,) = alerts(app)
    doctor = login_client(app, TOLD)
    dashboard = doctor.get("/therapist/").get_data(as_text=True)
    assert 'class="alerts"' in dashboard and "Not acknowledged" in dashboard and "Overdue" not in dashboard
    page = doctor.get(f"/therapist/alerts/{alert.id}").get_data(as_text=True)
    assert "Recent self-harm" in page and ISSUE not in page  # the category, not the text: it is not shared
    assert "The entry is not shared with you" in page
    sharing.share(uuid.UUID(location.rsplit("/", 1)[1]), told.id)
    assert ISSUE not in doctor.get(f"/therapist/alerts/{alert.id}").get_data(as_text=True)  # a link, not the text
    assert "/therapist/entries/" in doctor.get(f"/therapist/alerts/{alert.id}").get_data(as_text=True)

    refused = doctor.post_form(f"/therapist/alerts/{alert.id}/acknowledge", {"ack-note": "called"})
    assert refused.status_code == 422 and "Please choose what you did." in refused.get_data(as_text=True)
    assert (
        doctor.post_form(
            f"/therapist/alerts/{alert.id}/acknowledge",
            {"ack-action": "called", "ack-note": "Reached her; safe tonight"},
        ).status_code
        == 302
    )
    with app.app_context():
        row = db.session.get(SafetyAlert, alert.id)
        assert row.acknowledged_at is not None and row.action == "called" and b"safe tonight" not in row.sealed
    assert "Reached her; safe tonight" in doctor.get(f"/therapist/alerts/{alert.id}").get_data(as_text=True)
    assert "Acknowledged, not closed" in doctor.get("/therapist/").get_data(as_text=True)
    again = doctor.post_form(f"/therapist/alerts/{alert.id}/acknowledge", {"ack-action": "other"})
    assert again.status_code == 409 and "already acknowledged" in again.get_data(as_text=True)

    assert (
        doctor.post_form(
            f"/therapist/alerts/{alert.id}/resolve", {"close-outcome": "follow_up", "close-note": "Session on Monday"}
        ).status_code
        == 302
    )
    assert 'class="alerts"' not in doctor.get("/therapist/").get_data(as_text=True)

    mine = client.get("/safety").get_data(as_text=True)
    assert "Dr. Okafor" in mine and "(called)" in mine and "follow-up arranged" in mine
    assert "safe tonight" not in mine and "Monday" not in mine  # the therapist's notes are never shown
    log = client.get("/access-log").get_data(as_text=True)
    for line in ("opened a safety alert", "acknowledged a safety alert", "closed a safety alert"):
        assert line in log


def test_an_alert_unacknowledged_for_a_day_is_overdue(app, client, patient, journal, team, clock):
    new_entry(client, patient, journal, answer_0=ISSUE)
    doctor = login_client(app, TOLD)
    clock(utcnow() + timedelta(hours=23))
    assert "Overdue" not in doctor.get("/therapist/").get_data(as_text=True)
    clock(utcnow() + timedelta(hours=2))
    assert "Overdue" in doctor.get("/therapist/").get_data(as_text=True)
    app.config["SAFETY_ALERT_OVERDUE_HOURS"] = 48
    assert "Overdue" not in doctor.get("/therapist/").get_data(as_text=True)


@pytest.mark.parametrize("who", ["quiet", "stranger", "patient", "ended"])
def test_no_one_else_reaches_an_alert(app, client, patient, journal, team, make_user, who):
    new_entry(client, patient, journal, answer_0=ISSUE)
    (alert,) = alerts(app)
    if who == "quiet":
        other = login_client(app, NOT_TOLD)
    elif who == "stranger":
        make_user(Role.THERAPIST, email="s@example.org")
        other = login_client(app, "s@example.org")
    elif who == "patient":
        other = client
    else:
        other = login_client(app, TOLD)
        client.post_form(f"/connections/{team[2]}/end", {})
        with app.app_context():
            assert db.session.get(Connection, team[2]).safety_alerts is False  # connecting again asks afresh
    for method, url, data in (
        ("GET", f"/therapist/alerts/{alert.id}", None),
        ("POST", f"/therapist/alerts/{alert.id}/acknowledge", {"ack-action": "called"}),
        ("POST", f"/therapist/alerts/{alert.id}/resolve", {"close-outcome": "safe"}),
    ):
        response = other.get(url) if method == "GET" else other.post_form(url, data)
        assert response.status_code == 404, (who, url)
    with app.app_context():
        assert db.session.get(SafetyAlert, alert.id).acknowledged_at is None
        assert (
            db.session.scalar(
                select(func.count())
                .select_from(AccessLog)
                .where(AccessLog.action.in_([AccessAction.VIEW_ALERT, AccessAction.ACKNOWLEDGE_ALERT]))
            )
            == 0
        )


def test_an_email_that_could_not_go_is_sent_by_the_next_job_run(
    app, client, patient, journal, team, runner, mailbox, clock
):
    server = dict(app.config)
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=9)  # nothing listens: refused
    new_entry(client, patient, journal, answer_0=ISSUE).close()
    assert mailbox.messages == []
    app.config.update(MAIL_SERVER=server["MAIL_SERVER"], MAIL_PORT=server["MAIL_PORT"])
    clock(utcnow() + timedelta(minutes=5))
    assert "1 safety alert email(s) sent" in runner.invoke(args=["send-reminders"]).output
    assert len(mailbox.wait_for(1)) == 1
    assert "safety alert" not in runner.invoke(args=["send-reminders"]).output  # once


def test_alerts_from_before_a_disconnection_stay_behind_when_the_patient_connects_again(
    app, client, patient, journal, team, sharing, runner, mailbox, clock
):
    told, _, connection = team
    good = {"MAIL_SERVER": app.config["MAIL_SERVER"], "MAIL_PORT": app.config["MAIL_PORT"]}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=9)  # the email cannot go now
    new_entry(client, patient, journal, answer_0=ISSUE).close()
    (alert,) = alerts(app)
    client.post_form(f"/connections/{connection}/end", {})
    app.config.update(good)
    clock(utcnow() + timedelta(minutes=5))
    assert (
        "0 safety alert email(s) sent; 0 to try again later; 1 given up"
        in runner.invoke(args=["send-reminders"]).output
    )
    sharing.connect(patient.id, told.id)
    doctor = login_client(app, TOLD)
    assert doctor.get(f"/therapist/alerts/{alert.id}").status_code == 404
    assert 'class="alerts"' not in doctor.get("/therapist/").get_data(as_text=True)
    assert mailbox.messages == []


def test_a_failed_step_keeps_its_note_in_its_own_form(app, client, patient, journal, team):
    new_entry(client, patient, journal, answer_0=ISSUE)
    (alert,) = alerts(app)
    page = (
        login_client(app, TOLD)
        .post_form(f"/therapist/alerts/{alert.id}/acknowledge", {"ack-note": "Left a voicemail"})
        .get_data(as_text=True)
    )
    assert page.count("Left a voicemail") == 1 and 'id="ack-note"' in page and 'id="close-note"' in page


def test_a_step_taken_in_another_tab_meanwhile_is_not_written_twice(app, client, patient, journal, team):
    from sqlalchemy import update

    from journal.safety import alerts as service

    new_entry(client, patient, journal, answer_0=ISSUE)
    with app.app_context():
        alert = db.session.scalar(select(SafetyAlert))  # this tab read it before the other acknowledged
        with db.engine.begin() as connection:
            connection.execute(update(SafetyAlert).values(acknowledged_at=utcnow(), action="messaged"))
        with pytest.raises(service.AlreadyDone):
            service.acknowledge(alert, "called", "")
    (row,) = alerts(app)
    assert row.action == "messaged"


def test_a_gentle_save_alerts_no_one_and_the_card_says_so(app, client, patient, journal, team, mailbox):
    saved = new_entry(client, patient, journal, answer_0="honestly just exhausted by existing")
    saved.close()
    body = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "care-card-gentle" in body and "No alert was sent" in body and "has been sent an alert" not in body
    assert alerts(app) == [] and mailbox.messages == []


def test_a_steps_address_opened_after_an_error_leads_back_to_the_alert(app, client, patient, journal, team):
    new_entry(client, patient, journal, answer_0=ISSUE)
    (alert,) = alerts(app)
    doctor, other = login_client(app, TOLD), login_client(app, NOT_TOLD)
    for step in ("acknowledge", "resolve"):
        url = f"/therapist/alerts/{alert.id}/{step}"
        assert doctor.post_form(url, {}).status_code == 422  # the error page is shown at this address
        again = doctor.get(url)  # reloaded, bookmarked, or reached again after logging in
        assert again.status_code == 302 and again.headers["Location"] == f"/therapist/alerts/{alert.id}"
        assert other.get(url).status_code == 404
