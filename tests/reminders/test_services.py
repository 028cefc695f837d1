"""Reminder emails: opt-in, at the chosen hour, never in quiet hours, at most one a day, once even when two
runs overlap, the latest set only after downtime, and a one-click unsubscribe that needs no login."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from journal.extensions import db
from journal.models import Medicine, ReminderSent, User
from tests.auth.test_recovery import verify
from tests.mail_server import LINK, text_of

SESSION_AT = datetime(2026, 6, 1, 9, tzinfo=UTC)  # 11:00 in Berlin
NEXT_DAY_18H = datetime(2026, 6, 2, 16, tzinfo=UTC)  # 18:00 in Berlin, the next day


@pytest.fixture
def opted_in(app, make_user, journal):
    user = make_user(email="p@example.org", time_zone="Europe/Berlin")
    verify(app, user.id)
    with app.app_context():
        row = db.session.get(User, user.id)
        row.reminders, row.reminder_hour, row.quiet_from, row.quiet_until = True, 18, 22, 8
        db.session.commit()
    journal.session(user.id, occurred_at=SESSION_AT, medicine=Medicine.PSILOCYBIN)
    return user


def run(app, at: datetime, clock) -> int:
    from journal.reminders.services import send_due

    clock(at)
    with app.test_request_context("/"):
        return send_due(at).sent


def set_prefs(app, user_id: int, **values) -> None:
    with app.app_context():
        row = db.session.get(User, user_id)
        for name, value in values.items():
            setattr(row, name, value)
        db.session.commit()


def test_a_ready_set_is_announced_once_with_unsubscribe_headers_and_no_private_words(
    app, opted_in, mailbox, clock, journal
):
    journal.entry(opted_in.id, "the stone in my pocket", created_at=SESSION_AT + timedelta(hours=2))
    assert run(app, NEXT_DAY_18H, clock) == 1
    (message,) = mailbox.wait_for(1)
    assert message["Subject"] == "A new reflection is ready" and message["To"] == "p@example.org"
    unsubscribe = link_in_unsubscribe(message)
    assert unsubscribe.startswith("http") and "/reminders/unsubscribe/" in unsubscribe
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for private in ("stone", "psilocybin", "Psilocybin", "mood"):
        assert private not in message.as_string()
    assert "Next day" in text_of(message)
    assert run(app, NEXT_DAY_18H + timedelta(minutes=15), clock) == 0  # never twice
    assert run(app, NEXT_DAY_18H + timedelta(hours=3), clock) == 0  # at most one a day


@pytest.mark.parametrize(
    "at, why",
    [
        (datetime(2026, 6, 2, 15, 45, tzinfo=UTC), "before the chosen hour (17:45 local)"),
        (datetime(2026, 6, 2, 21, tzinfo=UTC), "quiet hours (23:00 local)"),
    ],
)
def test_nothing_before_the_hour_or_in_quiet_hours(app, opted_in, mailbox, clock, at, why):
    assert run(app, at, clock) == 0, why
    assert mailbox.messages == []


def test_quiet_hours_win_over_an_early_reminder_hour(app, opted_in, mailbox, clock):
    set_prefs(app, opted_in.id, reminder_hour=6)
    assert run(app, datetime(2026, 6, 2, 5, tzinfo=UTC), clock) == 0  # 07:00 local, quiet until 08:00
    assert run(app, datetime(2026, 6, 2, 6, tzinfo=UTC), clock) == 1  # 08:00 local


@pytest.mark.parametrize("change", [{"reminders": False}, {"email_verified_at": None}, {"active": False}])
def test_only_opted_in_confirmed_active_accounts_get_reminders(app, opted_in, mailbox, clock, change):
    set_prefs(app, opted_in.id, **change)
    assert run(app, NEXT_DAY_18H, clock) == 0
    assert mailbox.messages == []


def test_after_downtime_only_the_latest_set_is_announced(app, opted_in, mailbox, clock):
    ten_days_later = datetime(2026, 6, 11, 16, tzinfo=UTC)  # same day, next day, three days, one week all open
    assert run(app, ten_days_later, clock) == 1
    assert "One week after" in text_of(mailbox.wait_for(1)[0])
    assert run(app, ten_days_later + timedelta(days=1), clock) == 0  # the older sets are not sent later
    with app.app_context():
        assert db.session.scalar(select(ReminderSent.prompt_set)) == "one_week"


def test_a_mail_server_failure_leaves_the_reminder_for_the_next_run(app, opted_in, mailbox, clock):
    from tests.live_server import free_port

    good = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()
    assert run(app, NEXT_DAY_18H, clock) == 0
    app.config["MAIL_PORT"] = good
    assert run(app, NEXT_DAY_18H + timedelta(minutes=15), clock) == 1


def test_two_runs_at_once_send_one_email(app, opted_in, mailbox, clock, monkeypatch):
    """Both runs pass the one-a-day check before either claims: the unique claim lets one through."""
    from journal.reminders import services
    from tests.conftest import dispose, make_app

    clock(NEXT_DAY_18H)
    both_checked = threading.Barrier(2, timeout=10)
    due_now = services.due_now

    def meet_then_go(*args, **kwargs):
        both_checked.wait()
        return due_now(*args, **kwargs)

    monkeypatch.setattr(services, "due_now", meet_then_go)
    second = make_app(
        app.config["SQLALCHEMY_DATABASE_URI"],
        app.instance_path,
        **{k: app.config[k] for k in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS")},
    )
    sent, errors = [], []

    def one_run(flask_app):
        try:
            with flask_app.test_request_context("/"):
                sent.append(services.send_due(NEXT_DAY_18H).sent)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    runs = [threading.Thread(target=one_run, args=(a,)) for a in (app, second)]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join(30)
    dispose(second)
    assert errors == [] and sorted(sent) == [0, 1]
    assert len(mailbox.wait_for(1)) == 1


def test_one_click_unsubscribe_needs_no_login_and_no_form_token(app, opted_in, mailbox, clock):
    run(app, NEXT_DAY_18H, clock)
    link = urlsplit(link_in_unsubscribe(mailbox.wait_for(1)[0])).path
    stranger = app.test_client()
    page = stranger.get(link)
    assert page.status_code == 200 and "Stop reminder emails?" in page.get_data(as_text=True)
    assert stranger.post(link, data={"List-Unsubscribe": "One-Click"}).status_code == 200  # as a mail client posts
    with app.app_context():
        assert db.session.get(User, opted_in.id).reminders is False
    assert stranger.post(link[:-3] + "abc").status_code == 404  # a forged link does nothing


def forged_token(app, user_id: int, stamp) -> str:
    """A link signed with the app's own key, as only the app can make, naming the account with ``stamp``."""
    from itsdangerous import URLSafeSerializer

    from journal.reminders.services import SALT

    return URLSafeSerializer(app.config["SECRET_KEY"], salt=SALT).dumps([user_id, stamp])


@pytest.mark.parametrize("stamp", ["0" * 32, "", 0, None])
def test_an_unsubscribe_link_with_a_wrong_stamp_unsubscribes_no_one(app, opted_in, stamp):
    """The id alone is not the key: an id may be given out again, and the stamp changes with the address."""
    stranger = app.test_client()
    assert stranger.post(f"/reminders/unsubscribe/{forged_token(app, opted_in.id, stamp)}").status_code == 404
    with app.app_context():
        assert db.session.get(User, opted_in.id).reminders is True


def test_an_unsubscribe_link_dies_when_the_address_changes(app, opted_in, mailbox, clock):
    """Revocable: a link mailed to an old address (or to this one before a change) stops working."""
    run(app, NEXT_DAY_18H, clock)
    link = urlsplit(link_in_unsubscribe(mailbox.wait_for(1)[0])).path
    for address in ("moved@example.org", "p@example.org"):  # moved away, then back: a new confirmation each time
        set_prefs(app, opted_in.id, email=address, email_verified_at=NEXT_DAY_18H + timedelta(hours=len(address)))
        assert app.test_client().post(link).status_code == 404
    with app.app_context():
        assert db.session.get(User, opted_in.id).reminders is True


def link_in_unsubscribe(message) -> str:
    return str(message["List-Unsubscribe"]).strip().strip("<>")


def test_send_reminders_on_the_command_line(app, runner, opted_in, mailbox, clock):
    clock(NEXT_DAY_18H)
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0 and "1 reminder(s) sent" in result.output
    links = LINK.findall(text_of(mailbox.wait_for(1)[0]))
    assert links[0] == "http://127.0.0.1:5000/"  # built on PUBLIC_URL, else where make run serves (mail.site_url)


def test_settings_turn_reminders_on(app, client, patient):
    from tests.settings.test_views import SAVED

    fields = {**SAVED, "reminders": "y", "reminder_hour": "7", "quiet_from": "23", "quiet_until": "6"}
    assert client.post_form("/settings", fields).status_code == 302
    with app.app_context():
        row = db.session.get(User, patient.id)
        assert (row.reminders, row.reminder_hour, row.quiet_from, row.quiet_until) == (True, 7, 23, 6)
    assert client.post_form("/settings", {**fields, "reminder_hour": "24"}).status_code == 422


def test_reminders_for_an_unconfirmed_address_say_so_and_offer_a_link(app, client, patient, mailbox):
    from tests.auth.test_recovery import path_of
    from tests.mail_server import link_in
    from tests.settings.test_views import SAVED

    fields = {**SAVED, "reminders": "y", "reminder_hour": "7", "quiet_from": "23", "quiet_until": "6"}
    page = client.post_form("/settings", fields, follow_redirects=True).get_data(as_text=True)
    assert "Reminders are on, but none will be sent until your email address is confirmed." in page  # the flash
    assert "none will be sent until pat@example.org is confirmed" in page  # and under Reminders, with a button
    assert 'form="confirm-address"' in page and '<form id="confirm-address"' in page
    asked = client.post_form("/email/verify/send", {"next": "/settings"})
    assert asked.status_code == 302 and asked.headers["Location"] == "/settings"  # back where it was asked
    (message,) = mailbox.wait_for(1)
    assert message["To"] == "pat@example.org"
    client.post_form(path_of(link_in(message)))
    page = client.post_form("/settings", fields, follow_redirects=True).get_data(as_text=True)
    assert "Your settings are saved." in page and "none will be sent" not in page and "confirm-address" not in page


def test_asking_for_a_confirmation_link_goes_back_only_to_a_page_of_this_site(app, client, patient, mailbox):
    assert client.post_form("/email/verify/send", {"next": "//evil.example/"}).headers["Location"] == "/"
    assert client.post_form("/email/verify/send").headers["Location"] == "/"


@pytest.mark.parametrize(
    "hour, quiet_from, quiet_until, quiet",
    [
        (23, 22, 8, True),
        (7, 22, 8, True),
        (8, 22, 8, False),
        (12, 22, 8, False),
        (13, 12, 14, True),
        (14, 12, 14, False),
        (3, 5, 5, False),
    ],
)
def test_quiet_hours_wrap_past_midnight(hour, quiet_from, quiet_until, quiet):
    from journal.reminders.services import in_quiet_hours

    assert in_quiet_hours(hour, quiet_from, quiet_until) is quiet


def test_one_persons_failure_leaves_no_claim_and_stops_no_one_else(
    app, opted_in, make_user, journal, mailbox, clock, monkeypatch
):
    from journal.reminders import services

    other = make_user(email="o@example.org", time_zone="Europe/Berlin")
    verify(app, other.id)
    set_prefs(app, other.id, reminders=True, reminder_hour=18)
    journal.session(other.id, occurred_at=SESSION_AT)
    build = services._message
    monkeypatch.setattr(
        services,
        "_message",
        lambda user, name: (
            (_ for _ in ()).throw(RuntimeError("template")) if user.email == "p@example.org" else build(user, name)
        ),
    )
    assert run(app, NEXT_DAY_18H, clock) == 1
    assert [m["To"] for m in mailbox.wait_for(1)] == ["o@example.org"]
    with app.app_context():
        assert db.session.scalar(select(ReminderSent).where(ReminderSent.user_id == opted_in.id)) is None
    monkeypatch.setattr(services, "_message", build)
    assert run(app, NEXT_DAY_18H + timedelta(minutes=15), clock) == 1  # and it goes on the next run
