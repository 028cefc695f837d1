"""Two-factor authentication with TOTP."""

import re
from datetime import UTC, datetime, timedelta

import pyotp
from sqlalchemy import select

from journal.extensions import db
from journal.models import MfaCredential, RecoveryCode, Role
from tests.conftest import PASSWORD, login_client
from tests.two_factor import key_on

T0 = datetime(2026, 11, 27, 9, 0, 0, tzinfo=UTC)


def code_at(secret: str, moment: datetime) -> str:
    return pyotp.TOTP(secret).at(moment)


def enrol(app, email, raw_clock, at=T0):
    """Log in, turn MFA on; return (client, secret, recovery codes)."""
    raw_clock(at)
    client = login_client(app, email)
    client.post_form("/account/mfa", {"action": "start"})
    page = client.get("/account/mfa").get_data(as_text=True)
    assert "<svg" in page and "QR code for your authenticator app" in page
    secret = key_on(page)
    done = client.post_form("/account/mfa", {"action": "confirm", "code": code_at(secret, at)}).get_data(as_text=True)
    codes = re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", done)
    assert len(codes) == 10
    return client, secret, codes


def password_step(app, email):
    client = app.test_client()
    response = client.post_form("/login", {"email": email, "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"].startswith("/login/code")
    assert client.get("/account/password").status_code == 302  # not logged in yet
    return client


def test_enrol_and_log_in_with_a_code_that_works_once(app, make_user, raw_clock):
    make_user(email="p@example.org")
    _, secret, _ = enrol(app, "p@example.org", raw_clock)
    raw_clock(T0 + timedelta(minutes=2))
    client = password_step(app, "p@example.org")
    assert "didn&#39;t work" in client.post_form("/login/code", {"code": "000000"}).get_data(as_text=True)
    code = code_at(secret, T0 + timedelta(minutes=2))
    assert client.post_form("/login/code", {"code": code}).status_code == 302
    assert client.get("/account/password").status_code == 200
    replay = password_step(app, "p@example.org")
    assert replay.post_form("/login/code", {"code": code}).status_code == 200  # refused: already used
    assert replay.get("/account/password").status_code == 302


def test_secret_is_sealed_and_recovery_codes_hashed(app, make_user, raw_clock):
    make_user(email="p@example.org")
    _, secret, codes = enrol(app, "p@example.org", raw_clock)
    with app.app_context():
        assert secret.encode() not in db.session.scalar(select(MfaCredential.sealed))
        hashes = db.session.scalars(select(RecoveryCode.code_hash)).all()
        assert len(hashes) == 10 and not set(codes) & set(hashes)


def test_a_recovery_code_works_once(app, make_user, raw_clock):
    make_user(email="p@example.org")
    _, _, codes = enrol(app, "p@example.org", raw_clock)
    client = password_step(app, "p@example.org")
    assert client.post_form("/login/code", {"code": codes[0].upper()}).status_code == 302
    again = password_step(app, "p@example.org")
    assert again.post_form("/login/code", {"code": codes[0]}).status_code == 200


def test_therapists_must_enrol_before_seeing_patients(app, make_user, raw_clock):
    app.config["MFA_REQUIRED_ROLES"] = ["therapist", "admin"]
    make_user(Role.THERAPIST, email="t@example.org")
    raw_clock(T0)
    client = login_client(app, "t@example.org")
    response = client.get("/therapist/")
    assert response.status_code == 302 and response.headers["Location"] == "/account/mfa"
    client.post_form("/account/mfa", {"action": "start"})
    secret = key_on(client.get("/account/mfa").get_data(as_text=True))
    client.post_form("/account/mfa", {"action": "confirm", "code": code_at(secret, T0)})
    assert client.get("/therapist/").status_code == 200
    # And it cannot be turned off.
    raw_clock(T0 + timedelta(seconds=60))
    client.post_form("/account/mfa", {"action": "disable", "code": code_at(secret, T0 + timedelta(seconds=60))})
    assert client.get("/therapist/").status_code == 200
    with app.app_context():
        assert db.session.scalar(select(MfaCredential.confirmed)) is True


def test_patients_may_turn_it_off_with_a_current_code(app, make_user, raw_clock):
    make_user(email="p@example.org")
    client, secret, _ = enrol(app, "p@example.org", raw_clock)
    raw_clock(T0 + timedelta(seconds=60))
    client.post_form("/account/mfa", {"action": "disable", "code": "123456"})
    with app.app_context():
        assert db.session.scalar(select(MfaCredential)) is not None
    client.post_form("/account/mfa", {"action": "disable", "code": code_at(secret, T0 + timedelta(seconds=60))})
    with app.app_context():
        assert db.session.scalar(select(MfaCredential)) is None


def test_the_editor_relogin_dialog_asks_for_the_code(app, make_user, raw_clock):
    make_user(email="p@example.org")
    _, secret, _ = enrol(app, "p@example.org", raw_clock)
    raw_clock(T0 + timedelta(minutes=5))
    client = app.test_client()
    token = client.get("/auth/csrf-token").json["csrf_token"]
    data = {"email": "p@example.org", "password": PASSWORD, "csrf_token": token}
    first = client.post("/login", data=data, headers={"Accept": "application/json"})
    assert first.status_code == 401 and first.json["mfa"] is True
    token = client.get("/auth/csrf-token").json["csrf_token"]
    code = code_at(secret, T0 + timedelta(minutes=5))
    ok = client.post("/login", data={**data, "csrf_token": token, "code": code}, headers={"Accept": "application/json"})
    assert ok.status_code == 200 and ok.json["ok"] is True


def test_wrong_codes_are_rate_limited(app, make_user, raw_clock):
    make_user(email="p@example.org")
    enrol(app, "p@example.org", raw_clock)
    client = password_step(app, "p@example.org")
    for _ in range(5):
        assert client.post_form("/login/code", {"code": "000000"}).status_code == 200
    assert client.post_form("/login/code", {"code": "000000"}).status_code == 429


def test_the_key_is_shown_in_groups_of_four(app, make_user, raw_clock):
    make_user(email="p@example.org")
    raw_clock(T0)
    client = login_client(app, "p@example.org")
    client.post_form("/account/mfa", {"action": "start"})
    page = client.get("/account/mfa").get_data(as_text=True)
    groups = re.findall(r"<span>([A-Z2-7]+)</span>", page)
    assert len(groups) == 8 and all(len(group) == 4 for group in groups)  # a 32-character key
    assert pyotp.TOTP("".join(groups)).at(T0) == pyotp.TOTP(key_on(page)).at(T0)


def download(client, codes):
    return client.post_form("/account/mfa/recovery-codes.txt", {"recovery_code": codes})


def test_recovery_codes_download_as_a_text_file_from_the_page_that_shows_them(app, make_user, raw_clock):
    make_user(email="p@example.org")
    raw_clock(T0)
    client = login_client(app, "p@example.org")
    client.post_form("/account/mfa", {"action": "start"})
    secret = key_on(client.get("/account/mfa").get_data(as_text=True))
    page = client.post_form("/account/mfa", {"action": "confirm", "code": code_at(secret, T0)}).get_data(as_text=True)
    codes = re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", page)
    assert re.findall(r'name="recovery_code" value="([^"]+)"', page) == codes
    assert 'action="/account/mfa/recovery-codes.txt"' in page
    response = download(client, codes)
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert response.headers["Content-Disposition"] == "attachment; filename=integration-journal-recovery-codes.txt"
    assert response.headers["Cache-Control"] == "no-store"
    text = response.get_data(as_text=True)
    assert all(f"\n{code}\n" in text for code in codes) and "p@example.org" in text
    # Nothing else later: not a GET, and once a code is used the set is no longer the one just made.
    assert client.get("/account/mfa/recovery-codes.txt").status_code == 405
    assert "recovery_code" not in client.get("/account/mfa").get_data(as_text=True)
    assert password_step(app, "p@example.org").post_form("/login/code", {"code": codes[0]}).status_code == 302
    assert download(client, codes).status_code == 404


def test_recovery_codes_download_echoes_only_the_accounts_current_codes(app, make_user, raw_clock):
    make_user(email="p@example.org")
    make_user(email="q@example.org")
    client, _, codes = enrol(app, "p@example.org", raw_clock)
    other, _, other_codes = enrol(app, "q@example.org", raw_clock)
    assert download(client, codes[:9]).status_code == 404
    assert download(client, [*codes[:9], "<script>alert(1)</script>"]).status_code == 404
    assert download(client, other_codes).status_code == 404  # another account's codes are not this one's
    assert download(other, codes).status_code == 404
    assert download(app.test_client(), codes).status_code == 302  # logged out: to the login page


def test_one_code_sent_by_two_requests_at_once_succeeds_once(app, make_user, raw_clock):
    """Both requests read the last used step before either saves it: only the conditional UPDATE stops the second."""
    from journal.auth import mfa
    from journal.models import User

    user = make_user(email="p@example.org")
    _, secret, _ = enrol(app, "p@example.org", raw_clock)
    at = T0 + timedelta(minutes=2)
    raw_clock(at)
    code = code_at(secret, at)
    # Each request has its own app context, so its own database session and connection.
    with app.app_context(), app.test_request_context("/login/code"):  # the second has read the credential
        second = db.session.get(User, user.id)
        read = mfa.credential(second)  # held, as a request holds it between its read and its UPDATE
        assert read.last_step < mfa._accepted_step(secret, code, -1)
        with app.app_context(), app.test_request_context("/login/code"):  # the first, meanwhile, is accepted
            assert mfa.check_code(db.session.get(User, user.id), code) is True
        assert mfa.check_code(second, code) is False
