"""The Settings page: preferences that pages, emails and PDFs follow, and changing the email address."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from journal.audit import Event
from journal.extensions import db
from journal.models import AccountToken, AuditEvent, Role, User
from tests.auth.test_recovery import verify
from tests.conftest import PASSWORD, login_client
from tests.mail_server import html_of, link_in, text_of

SAVED = {
    "display_name": "Pat",
    "time_zone": "America/New_York",
    "clock": "12h",
    "paper_size": "letter",
    "crisis_region": "Ireland",
}


def user_row(app, user_id: int) -> User:
    with app.app_context():
        user = db.session.get(User, user_id)
        db.session.expunge(user)
        return user


def test_settings_show_what_is_saved(client, patient):
    page = client.get("/settings").get_data(as_text=True)
    assert 'value="Europe/Berlin"' in page and '<datalist id="time-zones">' in page
    assert '<option value="America/New_York">America/New York</option>' in page
    assert 'checked id="clock-0" name="clock" type="radio" value="24h"' in page


def test_saving_settings_changes_what_pages_show(app, client, patient, journal):
    entry_id = journal.entry(patient.id, created_at=datetime(2026, 6, 1, 18, 30, tzinfo=UTC))
    assert "1 June 2026, 20:30" in client.get(f"/entries/{entry_id}").get_data(as_text=True)  # Berlin, 24h
    response = client.post_form("/settings", SAVED)
    assert response.status_code == 302
    saved = user_row(app, patient.id)
    assert (saved.time_zone, saved.clock, saved.paper_size, saved.crisis_region) == (
        "America/New_York",
        "12h",
        "letter",
        "Ireland",
    )
    assert "1 June 2026, 2:30 PM" in client.get(f"/entries/{entry_id}").get_data(as_text=True)
    help_page = client.get("/help").get_data(as_text=True)
    assert help_page.index("<h2>Ireland</h2>") < help_page.index("<h2>United States</h2>")


def test_a_time_zone_typed_with_spaces_is_understood(app, client, patient):
    assert client.post_form("/settings", {**SAVED, "time_zone": "America/New York"}).status_code == 302
    assert user_row(app, patient.id).time_zone == "America/New_York"


@pytest.mark.parametrize(("typed", "zone"), [("Lisbon", "Europe/Lisbon"), ("sao paulo", "America/Sao_Paulo")])
def test_a_city_is_understood_as_its_time_zone(app, client, patient, typed, zone):
    assert client.post_form("/settings", {**SAVED, "time_zone": typed}).status_code == 302
    assert user_row(app, patient.id).time_zone == zone


def test_a_therapists_settings_offer_only_what_applies_to_them(app, make_user):
    make_user(Role.THERAPIST, email="t@example.org", display_name="Dr. Ruiz")
    therapist = login_client(app, "t@example.org")
    page = therapist.get("/settings").get_data(as_text=True)
    assert "after-hours line" in page
    for patients_only in ("Questionnaires to be asked about", "Email me when a new reflection is ready", "Not before"):
        assert patients_only not in page
    assert therapist.post_form("/settings", {**SAVED, "after_hours_line": "Call 555 0100"}).status_code == 302
    with app.app_context():
        saved = db.session.scalar(select(User).where(User.email == "t@example.org"))
        assert saved.after_hours_line == "Call 555 0100" and saved.time_zone == "America/New_York"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("time_zone", "Mars/Olympus_Mons", "Please choose a time zone from the list"),
        ("time_zone", "", "Please choose a time zone."),
        ("clock", "36h", "Not a valid choice"),
        ("paper_size", "a0", "Not a valid choice"),
        ("crisis_region", "Atlantis", "Not a valid choice"),
        ("display_name", "x" * 81, "longer than 80"),
        ("display_name", " ", "Please tell us what to call you."),
    ],
)
def test_bad_settings_are_explained_and_change_nothing(app, client, patient, field, value, message):
    before = user_row(app, patient.id)
    response = client.post_form("/settings", {**SAVED, field: value})
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    after = user_row(app, patient.id)
    assert (after.time_zone, after.clock, after.display_name, after.crisis_region) == (
        before.time_zone,
        before.clock,
        before.display_name,
        before.crisis_region,
    )


def test_pdf_dates_follow_the_readers_clock():
    from journal.export.gather import Reader

    moment = datetime(2026, 6, 1, 18, 30, tzinfo=UTC)
    assert Reader("Europe/Berlin").when(moment) == "1 June 2026, 20:30"
    assert Reader("America/New_York", "12h").when(moment) == "1 June 2026, 2:30 PM"


# --- changing the email address ------------------------------------------------------------------


def ask_change(client, new_email: str, password: str = PASSWORD, code: str | None = None):
    """Ask and close the answer, as a server does once it is sent: the mail goes then."""
    data = {"new_email": new_email, "password": password, **({"code": code} if code is not None else {})}
    response = client.post_form("/settings/email", data)
    response.get_data()
    response.close()
    return response


NEUTRAL = "If that address can be used, we have sent a link to it. Check your inbox."


def tokens_of(app, user_id: int) -> list[AccountToken]:
    with app.app_context():
        return list(db.session.scalars(select(AccountToken).where(AccountToken.user_id == user_id)))


@pytest.mark.parametrize("password", ["", "not my password"])
def test_a_new_address_needs_the_password_even_on_a_fresh_login(app, client, patient, mailbox, password):
    """A hijacked session, however fresh, cannot move the account: the password is asked every time."""
    response = ask_change(client, "new@example.org", password=password)
    assert response.status_code == 422
    assert "password" in response.get_data(as_text=True).lower()
    assert tokens_of(app, patient.id) == [] and mailbox.messages == []


def test_a_new_address_needs_the_second_factor_when_it_is_on(app, make_user, mailbox, raw_clock):
    from tests.auth.test_mfa import T0, code_at, enrol

    user = make_user(email="two@example.org")
    client, secret, _ = enrol(app, "two@example.org", raw_clock)
    raw_clock(T0 + timedelta(minutes=1))
    assert "Two-factor code" in client.get("/settings").get_data(as_text=True)
    for code in (None, "000000"):
        response = ask_change(client, "new@example.org", code=code)
        assert response.status_code == 422 and "code didn" in response.get_data(as_text=True)
    assert tokens_of(app, user.id) == []
    assert ask_change(client, "new@example.org", code=code_at(secret, T0 + timedelta(minutes=1))).status_code == 302
    assert [row.email for row in tokens_of(app, user.id)] == ["new@example.org"]


def test_the_answer_is_the_same_whether_or_not_the_address_is_taken(app, client, patient, make_user, mailbox):
    """Nobody learns who has an account: the owner of a taken address is told someone tried to use it."""
    owner = make_user(email="taken@example.org", display_name="Owner")
    verify(app, owner.id)
    answers = [ask_change(client, address) for address in ("taken@example.org", "free@example.org")]
    assert [a.status_code for a in answers] == [302, 302]
    assert answers[0].headers["Location"] == answers[1].headers["Location"]
    assert NEUTRAL in client.get("/settings").get_data(as_text=True)
    messages = mailbox.wait_for(2)
    (tried,) = [m for m in messages if m["To"] == "taken@example.org"]
    assert tried["Subject"] == "Someone tried to use your email address" and "nothing has changed" in text_of(tried)
    assert [m["To"] for m in messages if m is not tried] == ["free@example.org"]  # pat is not verified: no notice
    assert [row.email for row in tokens_of(app, patient.id)] == ["free@example.org"]


def test_mail_to_the_new_address_carries_nothing_the_account_chose(app, client, make_user, mailbox):
    """Whoever asks chooses the address: the display name (which may hold a link) stays out of that mail."""
    user = make_user(email="p@example.org", display_name="Cheap pills https://spam.example")
    verify(app, user.id)
    client = login_client(app, "p@example.org")
    ask_change(client, "someone@example.org")
    confirm = next(m for m in mailbox.wait_for(2) if m["To"] == "someone@example.org")
    assert "spam.example" not in text_of(confirm) and "spam.example" not in html_of(confirm)
    assert text_of(confirm).startswith("Hello,")
    notice = next(m for m in mailbox.messages if m["To"] == "p@example.org")
    assert "Cheap pills" in text_of(notice)  # the account's own confirmed address may be greeted by name


def test_address_changes_are_limited_per_account(app, client, patient, make_user, mailbox):
    app.config.update(RATELIMIT_EMAIL_CHANGE_PER_ACCOUNT="2 per hour")
    assert [ask_change(client, f"new{n}@example.org").status_code for n in range(3)] == [302, 302, 429]
    make_user(email="other@example.org")
    other = login_client(app, "other@example.org")
    assert ask_change(other, "elsewhere@example.org").status_code == 302  # another account, the same address


def test_address_changes_are_limited_per_client_address(app, client, patient, make_user, mailbox):
    app.config.update(RATELIMIT_EMAIL_CHANGE_PER_IP="2 per hour")
    make_user(email="other@example.org")
    other = login_client(app, "other@example.org")
    assert ask_change(client, "new1@example.org").status_code == 302
    assert ask_change(other, "new2@example.org").status_code == 302
    assert ask_change(other, "new3@example.org").status_code == 429
    elsewhere = login_client(app, "pat@example.org")
    elsewhere.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert ask_change(elsewhere, "new4@example.org").status_code == 302


def test_changing_the_address_confirms_the_new_one_and_tells_the_old(app, client, patient, mailbox):
    verify(app, patient.id)
    assert ask_change(client, "New@Example.org ").status_code == 302
    messages = mailbox.wait_for(2)
    notice = next(m for m in messages if m["To"] == "pat@example.org")
    confirm = next(m for m in messages if m["To"] == "new@example.org")
    assert "being changed" in notice["Subject"]
    assert user_row(app, patient.id).email == "pat@example.org"  # nothing yet
    link = urlsplit(link_in(confirm)).path
    opened = client.get(link)  # a mail scanner opening the link changes nothing
    assert opened.status_code == 200 and user_row(app, patient.id).email == "pat@example.org"
    assert client.post_form(link).status_code == 302
    changed = user_row(app, patient.id)
    assert changed.email == "new@example.org" and changed.email_verified
    assert client.post_form(link).status_code == 404  # once
    login_client(app, "new@example.org")
    with app.app_context():
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.event == Event.EMAIL_CHANGED.value))


def test_a_change_retires_links_sent_to_the_old_address(app, client, patient, mailbox):
    verify(app, patient.id)
    app.config.update(PASSWORD_RESET_ANSWER_SECONDS=0)
    from tests.auth.test_recovery import ask_reset

    ask_reset(client, "pat@example.org")
    reset = urlsplit(link_in(mailbox.wait_for(1)[0])).path
    ask_change(client, "new@example.org")
    confirm = next(m for m in mailbox.wait_for(3) if m["To"] == "new@example.org")
    client.post_form(urlsplit(link_in(confirm)).path)
    other = app.test_client()
    other.get(reset)
    assert other.get("/password/reset").status_code == 404


@pytest.mark.parametrize(
    "new_email, message",
    [
        ("pat@example.org", "already your email address"),
        ("not an email", "look like an email address"),
    ],
)
def test_an_address_that_cannot_be_used_is_explained(app, client, patient, make_user, mailbox, new_email, message):
    make_user(email="taken@example.org")
    response = ask_change(client, new_email)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert mailbox.messages == []


def test_an_address_taken_before_the_link_is_followed_is_refused(app, client, patient, make_user, mailbox):
    ask_change(client, "new@example.org")
    link = urlsplit(link_in(mailbox.wait_for(1)[-1])).path
    make_user(email="new@example.org")
    response = client.post_form(link)
    assert response.status_code == 404 and "used by another account" in response.get_data(as_text=True)
    assert user_row(app, patient.id).email == "pat@example.org"


def test_settings_need_a_login(client):
    response = client.get("/settings")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


@pytest.mark.parametrize("how", ["change", "reset"])
def test_a_new_password_retires_a_pending_email_change(app, client, patient, mailbox, how):
    """Someone who learnt the password asks to move the account; the owner changes the password: the link dies."""
    verify(app, patient.id)
    ask_change(client, "attacker@example.org")
    link = urlsplit(link_in(next(m for m in mailbox.wait_for(2) if m["To"] == "attacker@example.org"))).path
    if how == "change":
        new = "a slower walk along the canal"
        client.post_form(
            "/account/password",
            {"current_password": "a quiet walk by the river", "new_password": new, "confirm_password": new},
        )
    else:
        from journal.audit import Event as AuditEventName
        from journal.auth.services import set_password

        with app.app_context():
            set_password(
                db.session.get(User, patient.id), "a slower walk along the canal", event=AuditEventName.PASSWORD_RESET
            )
    assert app.test_client().post_form(link).status_code == 404
    assert user_row(app, patient.id).email == "pat@example.org"
