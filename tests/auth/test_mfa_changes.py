"""Changing the second factor needs the second factor: setting up a new app, new recovery codes, turning it off.

A stolen session (a cookie, an unlocked laptop) must never be enough to remove
or replace the factor; the confirmed app keeps working until a new one is confirmed.
"""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from journal.extensions import db
from journal.models import AuditEvent, MfaCredential
from tests.auth.test_mfa import T0, code_at, enrol, password_step
from tests.conftest import PASSWORD
from tests.two_factor import key_on

LATER = T0 + timedelta(minutes=2)


def pending_key(client) -> str | None:
    return key_on(client.get("/account/mfa").get_data(as_text=True))


def code_login_works(app, email, code) -> bool:
    client = password_step(app, email)
    client.post_form("/login/code", {"code": code})
    return client.get("/account/password").status_code == 200


@pytest.fixture
def enrolled(app, make_user, raw_clock):
    make_user(email="p@example.org")
    client, secret, codes = enrol(app, "p@example.org", raw_clock)
    raw_clock(LATER)
    return client, secret, codes


@pytest.mark.parametrize("action", ["start", "recovery-codes", "disable"])
@pytest.mark.parametrize("code", [None, "", "000000", "not-a-code"])
def test_every_change_is_refused_without_a_current_code(app, enrolled, action, code):
    client, secret, codes = enrolled
    fields = {"action": action, **({"code": code} if code is not None else {})}
    client.post_form("/account/mfa", fields)
    assert pending_key(client) is None  # no new app being set up
    with app.app_context():
        assert db.session.scalar(select(MfaCredential.confirmed)) is True
    # The factor is still asked for, and the old recovery codes still work.
    assert not code_login_works(app, "p@example.org", "")
    assert code_login_works(app, "p@example.org", codes[0])


@pytest.mark.parametrize("action", ["start", "recovery-codes", "disable"])
def test_every_change_needs_a_fresh_login_as_well(app, enrolled, raw_clock, action):
    client, secret, _ = enrolled
    stale = LATER + timedelta(minutes=16)
    app.config.update(SESSION_IDLE_MINUTES=10**6)
    raw_clock(stale)
    response = client.post_form("/account/mfa", {"action": action, "code": code_at(secret, stale)})
    assert response.status_code == 302 and response.headers["Location"].startswith("/reauth")
    assert pending_key(client) is None
    with app.app_context():
        assert db.session.scalar(select(MfaCredential.confirmed)) is True


def test_a_new_app_replaces_the_old_one_only_once_confirmed(app, enrolled, raw_clock):
    client, old_secret, _ = enrolled
    client.post_form("/account/mfa", {"action": "start", "code": code_at(old_secret, LATER)})
    new_secret = pending_key(client)
    assert new_secret and new_secret != old_secret
    # Still the old app, for now.
    raw_clock(LATER + timedelta(minutes=1))
    assert code_login_works(app, "p@example.org", code_at(old_secret, LATER + timedelta(minutes=1)))
    done = client.post_form(
        "/account/mfa", {"action": "confirm", "code": code_at(new_secret, LATER + timedelta(minutes=1))}
    )
    assert len(re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", done.get_data(as_text=True))) == 10
    raw_clock(LATER + timedelta(minutes=2))
    now = LATER + timedelta(minutes=2)
    assert not code_login_works(app, "p@example.org", code_at(old_secret, now))
    assert code_login_works(app, "p@example.org", code_at(new_secret, now))
    with app.app_context():
        assert "mfa_replaced" in db.session.scalars(select(AuditEvent.event)).all()


def test_cancelling_a_new_setup_keeps_the_old_app(app, enrolled):
    client, secret, _ = enrolled
    client.post_form("/account/mfa", {"action": "start", "code": code_at(secret, LATER)})
    assert pending_key(client)
    client.post_form("/account/mfa", {"action": "cancel"})
    assert pending_key(client) is None
    assert code_login_works(app, "p@example.org", code_at(secret, LATER + timedelta(seconds=30)))


def test_new_recovery_codes_replace_the_old_ones(app, enrolled):
    client, secret, old_codes = enrolled
    page = client.post_form("/account/mfa", {"action": "recovery-codes", "code": old_codes[3]}).get_data(as_text=True)
    new_codes = re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", page)
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert not code_login_works(app, "p@example.org", old_codes[0])
    assert code_login_works(app, "p@example.org", new_codes[0])


def test_turning_off_works_with_a_recovery_code(app, enrolled):
    client, _, codes = enrolled
    client.post_form("/account/mfa", {"action": "disable", "code": codes[5]})
    with app.app_context():
        assert db.session.scalar(select(MfaCredential)) is None
    fresh = app.test_client()
    assert fresh.post_form("/login", {"email": "p@example.org", "password": PASSWORD}).headers["Location"] == "/"


def test_wrong_codes_on_the_settings_page_count_as_failed_logins(app, enrolled):
    client, secret, _ = enrolled
    app.config["RATELIMIT_LOGIN_PER_ACCOUNT"] = "2 per 15 minutes"
    for _ in range(2):
        client.post_form("/account/mfa", {"action": "disable", "code": "000000"})
    assert client.post_form("/account/mfa", {"action": "disable", "code": code_at(secret, LATER)}).status_code == 429
    with app.app_context():
        assert db.session.scalar(select(MfaCredential.confirmed)) is True


def test_a_new_app_being_set_up_belongs_to_the_login_that_started_it(app, enrolled, raw_clock):
    """A copy of the cookie, or another device, never sees the new key nor confirms it."""
    client, old_secret, _ = enrolled
    other = app.test_client()
    other.post_form("/login", {"email": "p@example.org", "password": PASSWORD})
    other.post_form("/login/code", {"code": code_at(old_secret, LATER)})
    assert other.get("/account/password").status_code == 200  # logged in, freshly, on a second device
    raw_clock(LATER + timedelta(seconds=30))
    client.post_form("/account/mfa", {"action": "start", "code": code_at(old_secret, LATER + timedelta(seconds=30))})
    new_secret = pending_key(client)
    assert new_secret
    assert pending_key(other) is None and new_secret not in other.get("/account/mfa").get_data(as_text=True)
    other.post_form("/account/mfa", {"action": "confirm", "code": code_at(new_secret, LATER + timedelta(seconds=30))})
    assert confirmed_secret(app) == old_secret


@pytest.mark.parametrize(
    "minutes, fresh_for, refused_by",
    [
        (16, 60, "expired"),  # the new key waits 15 minutes for its code
        (14, 10, "/reauth"),  # and confirming it needs a fresh login
    ],
)
def test_a_new_app_must_be_confirmed_soon_and_freshly(app, enrolled, raw_clock, minutes, fresh_for, refused_by):
    client, old_secret, _ = enrolled
    client.post_form("/account/mfa", {"action": "start", "code": code_at(old_secret, LATER)})
    new_secret = pending_key(client)
    later = LATER + timedelta(minutes=minutes)
    app.config.update(FRESH_LOGIN_MINUTES=fresh_for, SESSION_IDLE_MINUTES=60)
    raw_clock(later)
    response = client.post_form("/account/mfa", {"action": "confirm", "code": code_at(new_secret, later)})
    if refused_by == "/reauth":
        assert response.headers["Location"].startswith("/reauth")
    else:
        assert pending_key(client) is None
    assert confirmed_secret(app) == old_secret


def confirmed_secret(app) -> str:
    from journal.auth.mfa import secret_of

    with app.app_context():
        return secret_of(db.session.scalar(select(MfaCredential)))
