"""A way back in: confirming an email address, and resetting a password by emailed link.

Mail goes to the suite's real SMTP server (aiosmtpd) and is read from there.
"""

from __future__ import annotations

import re
import statistics
import threading
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pyotp
import pytest
from sqlalchemy import select

from journal.audit import Event
from journal.extensions import db
from journal.models import AccountToken, AuditEvent, LoginSession, User
from tests.conftest import PASSWORD, login_client
from tests.mail_server import html_of, link_in, text_of
from tests.two_factor import key_on

NEW_PASSWORD = "a slower walk along the canal"
SECRET_WORDS = "what I saw from a distance"


def path_of(link: str) -> str:
    return urlsplit(link).path


def verify(app, user_id: int) -> None:
    with app.app_context():
        db.session.get(User, user_id).email_verified_at = datetime.now(UTC)
        db.session.commit()


def events(app, event: Event) -> list[AuditEvent]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent).where(AuditEvent.event == event.value)))


def ask_reset(client, email: str):
    """Ask for a link and close the answer, as a server does once it is sent: the mail goes then."""
    response = client.post_form("/password/forgot", {"email": email})
    response.get_data()
    response.close()
    return response


def reset_mail(client, mailbox, email: str) -> str:
    assert ask_reset(client, email).status_code == 200
    return link_in(mailbox.wait_for(1)[-1])


def choose(client, link: str, password: str = NEW_PASSWORD, code: str | None = None):
    assert client.get(path_of(link)).status_code == 302
    data = {"new_password": password, "confirm_password": password}
    if code is not None:
        data["code"] = code
    return client.post_form("/password/reset", data)


# --- verification --------------------------------------------------------------------------------


def test_registering_sends_a_confirmation_link_that_works_once(app, client, mailbox):
    response = client.post_form(
        "/register",
        {
            "email": "new@example.org",
            "display_name": "Robin",
            "new_password": PASSWORD,
            "confirm_password": PASSWORD,
            "time_zone": "Europe/Berlin",
        },
    )
    assert response.status_code == 302
    (message,) = mailbox.wait_for(1)
    assert message["To"] == "new@example.org"
    assert "Please confirm your email address" in client.get("/").get_data(as_text=True)
    link = link_in(message)
    assert client.post_form(path_of(link)).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "new@example.org")).email_verified
    assert "Please confirm your email address" not in client.get("/").get_data(as_text=True)
    assert client.post_form(path_of(link)).status_code == 404  # single use
    assert client.get(path_of(link)).status_code == 404
    assert len(events(app, Event.EMAIL_VERIFIED)) == 1


def test_a_confirmation_link_expires_after_48_hours(app, client, mailbox, make_user, clock):
    user = make_user(email="p@example.org")
    start = datetime(2026, 11, 1, 9, tzinfo=UTC)
    clock(start)
    client = login_client(app, "p@example.org")
    assert client.post_form("/email/verify/send").status_code == 302
    link = link_in(mailbox.wait_for(1)[0])
    clock(start + timedelta(hours=48, seconds=1))
    assert client.get(path_of(link)).status_code == 404
    assert client.post_form(path_of(link)).status_code == 404
    with app.app_context():
        assert not db.session.get(User, user.id).email_verified


def test_a_new_confirmation_link_retires_the_old_one(app, mailbox, make_user):
    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    client.post_form("/email/verify/send")
    client.post_form("/email/verify/send")
    first, second = (link_in(m) for m in mailbox.wait_for(2))
    assert client.post_form(path_of(first)).status_code == 404
    assert client.post_form(path_of(second)).status_code == 302


def test_opening_a_confirmation_link_confirms_nothing_until_the_button_is_pressed(app, mailbox, make_user):
    """A mail scanner opens every link in a message: only the button (a POST) confirms the address."""
    user = make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    client.post_form("/email/verify/send")
    link = path_of(link_in(mailbox.wait_for(1)[0]))
    scanner = app.test_client()
    for _ in range(2):
        page = scanner.get(link)
        assert page.status_code == 200 and "Confirm my address" in page.get_data(as_text=True)
    with app.app_context():
        assert not db.session.get(User, user.id).email_verified
    assert scanner.post_form(link).status_code == 302
    with app.app_context():
        assert db.session.get(User, user.id).email_verified


def test_a_confirmation_link_carries_no_name_the_account_chose(app, client, mailbox):
    """Anyone can register with someone else's address: what it receives must not carry their words."""
    name = "Win a prize at https://evil.example"
    client.post_form(
        "/register",
        {
            "email": "stranger@example.org",
            "display_name": name,
            "new_password": PASSWORD,
            "confirm_password": PASSWORD,
            "time_zone": "Europe/Berlin",
        },
    )
    (message,) = mailbox.wait_for(1)
    assert "evil.example" not in text_of(message) and "evil.example" not in html_of(message)
    assert text_of(message).startswith("Hello,")


def test_unconfirmed_accounts_journal_normally(client, auth, patient, journal):
    journal.entry(patient.id, SECRET_WORDS)
    auth.login(patient.email)
    page = client.get("/entries").get_data(as_text=True)
    assert "Please confirm your email address" in page and "Morning" in page


# --- what an email may hold --------------------------------------------------------------------


def test_mail_has_date_message_id_text_and_html_and_no_journal_text(app, client, mailbox, make_user, journal):
    user = make_user(email="p@example.org", display_name="Robin")
    verify(app, user.id)
    journal.entry(user.id, SECRET_WORDS, tags=["ketamine"])
    reset_mail(client, mailbox, "p@example.org")
    message = mailbox.messages[-1]
    assert message["Date"] and message["Message-ID"].endswith("@localhost>")
    assert message["From"] == "Integration Journal <no-reply@localhost>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert "Hello Robin" in text_of(message) and "Hello Robin" in html_of(message)
    raw = message.as_string()
    for private in (SECRET_WORDS, "ketamine", "Morning", "mood"):
        assert private not in raw


def test_names_are_escaped_in_html_mail(app, client, mailbox, make_user):
    user = make_user(email="p@example.org", display_name="<b>Robin</b> & co")
    verify(app, user.id)
    reset_mail(client, mailbox, "p@example.org")
    message = mailbox.messages[-1]
    assert "<b>Robin</b>" not in html_of(message) and "&lt;b&gt;Robin&lt;/b&gt; &amp; co" in html_of(message)


# --- asking for a reset ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["unknown", "unverified", "disabled", "verified"])
def test_the_answer_is_the_same_whoever_asks(app, client, mailbox, make_user, who):
    user = make_user(email="p@example.org")
    if who in ("verified", "disabled"):
        verify(app, user.id)
    if who == "disabled":
        with app.app_context():
            db.session.get(User, user.id).active = False
            db.session.commit()
    email = "nobody@example.org" if who == "unknown" else "p@example.org"
    started = time.monotonic()
    response = ask_reset(client, email)
    took = time.monotonic() - started
    assert response.status_code == 200
    assert "If an account uses that address" in response.get_data(as_text=True)
    assert took >= app.config["PASSWORD_RESET_ANSWER_SECONDS"]  # no answer comes sooner than the floor
    if who == "verified":
        assert mailbox.wait_for(1)[0]["To"] == "p@example.org"
    else:
        time.sleep(0.2)
        assert mailbox.messages == []


def test_reset_requests_are_limited_per_address_from_anywhere(app, client, mailbox):
    app.config.update(RATELIMIT_RESET_PER_ADDRESS="2 per hour", PASSWORD_RESET_ANSWER_SECONDS=0)
    assert [ask_reset(client, "a@example.org").status_code for _ in range(2)] == [200, 200]
    elsewhere = app.test_client()
    elsewhere.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert ask_reset(elsewhere, " A@example.org ").status_code == 429  # the same address, however typed
    assert ask_reset(elsewhere, "b@example.org").status_code == 200


def test_reset_requests_are_limited_per_client(app, client, mailbox):
    app.config.update(RATELIMIT_RESET_PER_IP="3 per hour", PASSWORD_RESET_ANSWER_SECONDS=0)
    assert [ask_reset(client, f"{n}@example.org").status_code for n in range(4)] == [200, 200, 200, 429]


def test_only_the_token_hash_is_stored(app, client, mailbox, make_user):
    user = make_user(email="p@example.org")
    verify(app, user.id)
    token = path_of(reset_mail(client, mailbox, "p@example.org")).rsplit("/", 1)[1]
    with app.app_context():
        (row,) = db.session.scalars(select(AccountToken))
        assert token.encode() not in row.token_hash and len(row.token_hash) == 32


# --- using the link ------------------------------------------------------------------------------


def test_a_reset_sets_the_password_ends_every_login_and_is_audited(app, client, mailbox, make_user, journal):
    user = make_user(email="p@example.org")
    verify(app, user.id)
    entry_id = journal.entry(user.id, SECRET_WORDS)
    elsewhere = login_client(app, "p@example.org")
    link = reset_mail(client, mailbox, "p@example.org")
    page = client.get(path_of(link))
    assert page.headers["Location"] == "/password/reset"  # the token leaves the address bar at once
    response = choose(client, link)
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert elsewhere.get("/entries").status_code == 302  # logged out everywhere
    with app.app_context():
        assert db.session.scalar(select(LoginSession).where(LoginSession.ended_at.is_(None))) is None
    assert len(events(app, Event.PASSWORD_RESET)) == 1
    notice = mailbox.wait_for(2)[-1]
    assert notice["Subject"] == "Your password was changed"
    fresh = login_client(app, "p@example.org", NEW_PASSWORD)
    assert SECRET_WORDS in fresh.get(f"/entries/{entry_id}").get_data(as_text=True)  # the journal stays readable


def test_the_reset_token_is_not_readable_in_the_cookie(app, client, mailbox, make_user):
    """The cookie session is signed, not secret: the link's token is kept in it only encrypted."""
    user = make_user(email="p@example.org")
    verify(app, user.id)
    token = path_of(reset_mail(client, mailbox, "p@example.org")).rsplit("/", 1)[-1]
    client.get(f"/password/reset/{token}")
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    readable = app.session_interface.get_signing_serializer(app).loads(cookie)
    assert token not in repr(readable) and token not in cookie
    assert client.get("/password/reset").status_code == 200  # and the link still works
    forged = app.test_client()  # a cookie carrying the raw token (as before) opens nothing
    with forged.session_transaction() as session:
        session["reset_token"] = token
    assert forged.get("/password/reset").status_code == 404


def test_a_reset_link_works_once(app, client, mailbox, make_user):
    user = make_user(email="p@example.org")
    verify(app, user.id)
    link = reset_mail(client, mailbox, "p@example.org")
    assert choose(client, link).status_code == 302
    assert client.get(path_of(link)).status_code == 302
    assert client.get("/password/reset").status_code == 404


def test_a_reset_link_dies_after_30_minutes(app, client, mailbox, make_user, clock):
    user = make_user(email="p@example.org")
    verify(app, user.id)
    start = datetime(2026, 11, 1, 9, tzinfo=UTC)
    clock(start)
    link = reset_mail(client, mailbox, "p@example.org")
    clock(start + timedelta(minutes=30))
    assert choose(client, link).status_code == 404
    login_client(app, "p@example.org")  # the old password still works


def test_a_newer_link_or_a_login_retires_the_link(app, client, mailbox, make_user):
    user = make_user(email="p@example.org")
    verify(app, user.id)
    app.config.update(PASSWORD_RESET_ANSWER_SECONDS=0)
    first = reset_mail(client, mailbox, "p@example.org")
    ask_reset(client, "p@example.org")
    second = link_in(mailbox.wait_for(2)[-1])
    assert choose(client, first).status_code == 404
    login_client(app, "p@example.org")  # remembered the password after all
    assert choose(client, second).status_code == 404


def test_a_bad_new_password_is_explained_and_the_link_still_works(app, client, mailbox, make_user):
    user = make_user(email="p@example.org")
    verify(app, user.id)
    link = reset_mail(client, mailbox, "p@example.org")
    response = choose(client, link, password="short")
    assert response.status_code == 200 and "At least 12 characters" in response.get_data(as_text=True)
    assert choose(client, link).status_code == 302


@pytest.mark.parametrize("token", ["", "x" * 200, "not-a-token", "%00"])
def test_junk_links_say_the_link_no_longer_works(client, token):
    if token:
        client.get(f"/password/reset/{token}")
    response = client.get("/password/reset")
    assert response.status_code == 404 and "This link no longer works" in response.get_data(as_text=True)


# --- a reset never bypasses the second factor ---------------------------------------------------


def enrol(app, email: str) -> str:
    """Turn two-factor authentication on through the pages; return one recovery code."""
    client = login_client(app, email)
    client.post_form("/account/mfa", {"action": "start"})
    page = client.get("/account/mfa").get_data(as_text=True)
    secret = key_on(page)
    done = client.post_form("/account/mfa", {"action": "confirm", "code": pyotp.TOTP(secret).now()})
    return re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", done.get_data(as_text=True))[0]


@pytest.mark.parametrize("code", [None, "", "000000", "junk"])
def test_a_reset_of_a_two_factor_account_needs_a_code(app, client, mailbox, make_user, code):
    user = make_user(email="p@example.org")
    verify(app, user.id)
    enrol(app, "p@example.org")
    link = reset_mail(client, mailbox, "p@example.org")
    response = choose(client, link, code=code)
    assert response.status_code == 200 and "Two-factor code" in response.get_data(as_text=True)
    assert events(app, Event.PASSWORD_RESET) == []
    response = client.post_form("/login", {"email": "p@example.org", "password": PASSWORD})
    assert response.headers["Location"].startswith("/login/code")  # the old password still stands


def test_a_reset_of_a_two_factor_account_with_a_code_still_asks_the_code_at_login(app, client, mailbox, make_user):
    user = make_user(email="p@example.org")
    verify(app, user.id)
    recovery_code = enrol(app, "p@example.org")
    link = reset_mail(client, mailbox, "p@example.org")
    assert choose(client, link, code=recovery_code).status_code == 302
    response = client.post_form("/login", {"email": "p@example.org", "password": NEW_PASSWORD})
    assert response.headers["Location"].startswith("/login/code")


# --- an admin sends the link --------------------------------------------------------------------


def test_an_admin_sends_a_reset_link_and_never_sets_a_password(app, client, auth, mailbox, make_user):
    from journal.models import Role

    patient = make_user(email="p@example.org")
    verify(app, patient.id)
    make_user(Role.ADMIN, email="admin@example.org")
    admin = login_client(app, "admin@example.org")
    response = admin.post_form(f"/admin/users/{patient.id}/reset-link")
    assert response.status_code == 302
    (message,) = mailbox.wait_for(1)
    assert message["To"] == "p@example.org"
    (sent,) = events(app, Event.PASSWORD_RESET_SENT)
    assert sent.subject_id == patient.id and sent.actor_id is not None


def test_only_admins_send_reset_links(app, client, auth, mailbox, make_user):
    patient = make_user(email="p@example.org")
    verify(app, patient.id)
    other = make_user(email="o@example.org")
    auth.login("p@example.org")
    assert client.post_form(f"/admin/users/{other.id}/reset-link").status_code == 404
    time.sleep(0.1)
    assert mailbox.messages == []


ROUNDS = 5


def test_asking_takes_as_long_whoever_asks(app, client, mailbox, make_user):
    """Timed as a person probing would: several rounds, the cases interleaved, medians compared to each other
    (a relative margin, never one wall-clock threshold), so a busy machine slows every case alike."""
    app.config.update(RATELIMIT_RESET_PER_IP="1000 per hour", RATELIMIT_RESET_PER_ADDRESS="1000 per hour")
    verify(app, make_user(email="verified@example.org").id)
    make_user(email="unverified@example.org")
    cases = ["verified@example.org", "unverified@example.org", "nobody@example.org"]
    times: dict[str, list[float]] = {email: [] for email in cases}
    for _ in range(ROUNDS):
        for email in cases:
            started = time.monotonic()
            ask_reset(client, email)
            times[email].append(time.monotonic() - started)
    medians = {email: statistics.median(taken) for email, taken in times.items()}
    assert min(medians.values()) >= app.config["PASSWORD_RESET_ANSWER_SECONDS"]
    assert max(medians.values()) / min(medians.values()) < 1.25, medians


def test_a_slow_mail_server_does_not_slow_the_answer(app, client, mailbox, make_user, monkeypatch):
    """The email goes after the answer: how long SMTP takes cannot tell who has an account.

    No stopwatch: the mail server is held until the test has the answer in hand. Were the mail sent
    before the answer, the answer could not arrive while the mail is still held.
    """
    from journal import mail

    user = make_user(email="p@example.org")
    verify(app, user.id)
    send, released, sent = mail.send, threading.Event(), threading.Event()

    def held_send(message):
        released.wait(timeout=10)
        send(message)
        sent.set()

    monkeypatch.setattr(mail, "send", held_send)
    response = client.post_form("/password/forgot", {"email": "p@example.org"})
    assert response.status_code == 200
    assert not sent.is_set(), "the answer waited for the mail"
    released.set()
    response.close()  # the server has sent the answer
    assert mailbox.wait_for(1)[0]["To"] == "p@example.org"
