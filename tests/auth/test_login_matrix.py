"""One way in: every login route against every rule of the gate.

Each route that can start a login session (the login form and its code step,
the editor's re-login dialog, the rescue page) is run for every role, with
two-factor authentication on and off, in six situations. The only question
asked is the one that matters: does a protected page open afterwards?
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pyotp
import pytest
from sqlalchemy import func, select

from journal.extensions import db
from journal.models import AuditEvent, MfaCredential, Role
from journal.vault import seal_row
from tests.conftest import PASSWORD

T0 = datetime(2026, 11, 28, 9, 0, 10, tzinfo=UTC)
SECRET = pyotp.random_base32()
RIGHT = pyotp.TOTP(SECRET).at(T0)
WRONG = f"{(int(RIGHT) + 500_000) % 1_000_000:06d}"
WORDS = "The river again, and the stone I kept."
PROTECTED = {Role.PATIENT: "/entries", Role.THERAPIST: "/therapist/", Role.ADMIN: "/admin/users"}
ACCOUNT_LIMIT, ADDRESS_LIMIT = 3, 5
ELSEWHERE = {"REMOTE_ADDR": "203.0.113.9"}

ROUTES = ["login-form", "relogin-dialog", "rescue-page"]
SITUATIONS = ["right code", "no code", "wrong code", "replayed code", "limited account", "limited address"]


@pytest.fixture
def gate_app(app, raw_clock):
    """Small login limits, the production rule that therapists and admins need a second factor, a still clock."""
    app.config.update(
        RATELIMIT_LOGIN_PER_ACCOUNT=f"{ACCOUNT_LIMIT} per 15 minutes",
        RATELIMIT_LOGIN_PER_IP=f"{ADDRESS_LIMIT} per 15 minutes",
        MFA_REQUIRED_ROLES=["therapist", "admin"],
    )
    raw_clock(T0)
    return app


def turn_on_mfa(app, user_id: int) -> None:
    with app.app_context():
        row = MfaCredential(id=uuid.uuid4(), owner_id=user_id, created_at=T0, confirmed=True, last_step=0)
        seal_row(row, {"secret": SECRET})
        db.session.add(row)
        db.session.commit()


def log_in(client, route: str, email: str, code: str | None):
    """Go through one login route as a person (or the editor's script) would; the code only if asked for."""
    if route == "relogin-dialog":
        fields = {"email": email, "password": PASSWORD, **({"code": code} if code else {})}
        return client.post_form("/login", fields, headers={"Accept": "application/json"})
    if route == "login-form":
        response = client.post_form("/login", {"email": email, "password": PASSWORD})
        if code and response.headers.get("Location", "").startswith("/login/code"):
            response = client.post_form("/login/code", {"code": code})
        return response
    kept = {"answer_0": WORDS, "action": "/entries/new"}
    response = client.post_form("/rescue", {"email": email, "password": PASSWORD, **kept})
    if code and 'name="code"' in response.get_data(as_text=True):
        response = client.post_form("/rescue", {"code": code, **kept})
    return response


def fail_logins(app, email: str, times: int, environ=None) -> None:
    client = app.test_client()
    for _ in range(times):
        client.post_form("/login", {"email": email, "password": "not the password at all"}, environ_base=environ or {})


def logins_recorded(app, user_id: int) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.event == "login", AuditEvent.subject_id == user_id)
        )


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("mfa_on", [True, False], ids=["2fa-on", "2fa-off"])
@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
@pytest.mark.parametrize("route", ROUTES)
def test_a_protected_page_opens_only_when_every_rule_is_met(gate_app, make_user, route, role, mfa_on, situation):
    user = make_user(role, email="someone@example.org")
    if mfa_on:
        turn_on_mfa(gate_app, user.id)
    code = {"right code": RIGHT, "wrong code": WRONG, "replayed code": RIGHT, "no code": None}.get(situation, RIGHT)
    if situation == "replayed code":  # the code was already used once, by whoever saw it
        assert log_in(gate_app.test_client(), route, user.email, RIGHT) is not None
    elif situation == "limited account":  # failures from another address, for this account
        fail_logins(gate_app, user.email, ACCOUNT_LIMIT, ELSEWHERE)
    elif situation == "limited address":  # failures from this address, for other accounts
        for n in range(ADDRESS_LIMIT):
            fail_logins(gate_app, f"nobody{n}@example.org", 1)
    before = logins_recorded(gate_app, user.id)

    client = gate_app.test_client()
    response = log_in(client, route, user.email, code)
    opened = client.get(PROTECTED[role]).status_code == 200

    limited = situation.startswith("limited")
    expected = not limited and (situation == "right code" if mfa_on else role is Role.PATIENT)
    assert opened is expected, (response.status_code, response.get_data(as_text=True)[:300])
    if limited:
        assert response.status_code == 429
    if not mfa_on and not limited and role is not Role.PATIENT:  # logged in, but must enrol first
        assert client.get(PROTECTED[role]).headers["Location"] == "/account/mfa"
    # "login" is written once every check has passed, never before the second factor.
    assert logins_recorded(gate_app, user.id) - before == (1 if expected or (not mfa_on and not limited) else 0)
    if route == "rescue-page" and not expected and role is Role.PATIENT:
        assert WORDS in response.get_data(as_text=True)  # the text is never lost on the way


@pytest.mark.parametrize("route", ROUTES)
def test_the_code_step_is_refused_once_the_account_is_limited(gate_app, make_user, route):
    user = make_user(email="someone@example.org")
    turn_on_mfa(gate_app, user.id)
    client = gate_app.test_client()
    first = log_in(client, route, user.email, None)  # the password is right; the code is awaited
    assert first.status_code in (302, 401)
    fail_logins(gate_app, user.email, ACCOUNT_LIMIT, ELSEWHERE)
    if route == "login-form":
        response = client.post_form("/login/code", {"code": RIGHT})
    elif route == "rescue-page":
        response = client.post_form("/rescue", {"code": RIGHT, "answer_0": WORDS, "action": "/entries/new"})
        assert WORDS in response.get_data(as_text=True)
    else:
        response = log_in(client, route, user.email, RIGHT)
    assert response.status_code == 429 and "Retry-After" in response.headers
    assert client.get("/entries").status_code != 200


@pytest.mark.parametrize("route", ROUTES)
def test_wrong_codes_count_as_failed_logins(gate_app, make_user, route):
    user = make_user(email="someone@example.org")
    turn_on_mfa(gate_app, user.id)
    for _ in range(ACCOUNT_LIMIT):
        log_in(gate_app.test_client(), route, user.email, WRONG)
    client = gate_app.test_client()
    assert log_in(client, route, user.email, RIGHT).status_code == 429
    assert client.get("/entries").status_code != 200


def test_a_code_waits_only_a_few_minutes_for_its_password(gate_app, make_user, raw_clock):
    from datetime import timedelta

    user = make_user(email="someone@example.org")
    turn_on_mfa(gate_app, user.id)
    client = gate_app.test_client()
    client.post_form("/login", {"email": user.email, "password": PASSWORD})
    later = T0 + timedelta(minutes=11)
    raw_clock(later)
    response = client.post_form("/login/code", {"code": pyotp.TOTP(SECRET).at(later)})
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert client.get("/entries").status_code != 200


def test_the_rescue_page_asks_for_the_code_and_keeps_the_text(gate_app, make_user):
    user = make_user(email="someone@example.org")
    turn_on_mfa(gate_app, user.id)
    client = gate_app.test_client()
    response = client.post_form(
        "/rescue", {"email": user.email, "password": PASSWORD, "answer_0": WORDS, "action": "/entries/new"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 401 and 'name="code"' in page and 'name="password"' not in page
    assert WORDS in page and response.headers["Cache-Control"] == "no-store"
    done = client.post_form("/rescue", {"code": RIGHT, "answer_0": WORDS, "action": "/entries/new"})
    assert done.status_code == 302 and "/drafts/" in done.headers["Location"]
    assert WORDS in client.get(done.headers["Location"], follow_redirects=True).get_data(as_text=True)


def test_the_shortcut_for_new_accounts_and_password_changes_refuses_a_second_factor_account(gate_app, make_user):
    """start_login_for (registration, password change) is no way around the code for anyone not already in."""
    from journal.auth.gate import LoginRefused, start_login_for
    from journal.models import LoginSession, User

    user = make_user(email="someone@example.org")
    turn_on_mfa(gate_app, user.id)
    with gate_app.test_request_context("/"):
        with pytest.raises(LoginRefused):
            start_login_for(db.session.get(User, user.id), via="register")
        assert db.session.scalar(select(func.count()).select_from(LoginSession)) == 0
