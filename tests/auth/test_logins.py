"""Sessions that really end."""

from datetime import UTC, datetime, timedelta

from journal.extensions import db
from journal.models import Role, User
from tests.conftest import PASSWORD, login_client

NOW = datetime(2026, 11, 27, 9, tzinfo=UTC)


def cookie_of(client) -> str:
    return client.get_cookie("session").value


def test_a_replayed_cookie_after_logout_is_refused(app, make_user):
    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    stolen = cookie_of(client)
    client.post_form("/logout")
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/account/password").status_code == 302


def test_logout_ends_only_this_device(app, make_user):
    make_user(email="p@example.org")
    laptop, phone = login_client(app, "p@example.org"), login_client(app, "p@example.org")
    laptop.post_form("/logout")
    assert phone.get("/account/password").status_code == 200


def test_log_out_of_all_devices(app, make_user):
    make_user(email="p@example.org")
    laptop, phone = login_client(app, "p@example.org"), login_client(app, "p@example.org")
    stolen = cookie_of(laptop)
    laptop.post_form("/account/logout-everywhere")
    assert phone.get("/account/password").status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/account/password").status_code == 302


def test_disabling_an_account_ends_its_sessions(app, make_user):
    user = make_user(email="p@example.org")
    make_user(Role.ADMIN, email="a@example.org")
    client = login_client(app, "p@example.org")
    login_client(app, "a@example.org").post_form(f"/admin/users/{user.id}/active")
    assert client.get("/account/password").status_code == 302
    with app.app_context():
        assert db.session.get(User, user.id).active is False


def test_a_deactivated_account_is_logged_out_even_with_a_live_login_row(app, make_user, raw_clock):
    """Not only the admin's "end its sessions": the check on every request refuses the account itself."""
    from journal.models import LoginSession

    user = make_user(email="p@example.org")
    raw_clock(NOW)
    client = login_client(app, "p@example.org")
    with app.app_context():
        db.session.get(User, user.id).active = False  # its login rows stay live
        db.session.commit()
    raw_clock(NOW + timedelta(minutes=5))
    assert client.get("/account/password").status_code == 302
    with app.app_context():
        row = db.session.query(LoginSession).filter_by(user_id=user.id).one()
        assert row.ended_at is None and row.last_seen_at == NOW  # a refused request writes nothing


def test_idle_timeout(app, make_user, raw_clock):
    make_user(email="p@example.org")
    raw_clock(NOW)
    client = login_client(app, "p@example.org")
    raw_clock(NOW + timedelta(minutes=29))
    assert client.get("/account/password").status_code == 200
    raw_clock(NOW + timedelta(minutes=29 + 29))  # active a moment ago: still in
    assert client.get("/account/password").status_code == 200
    raw_clock(NOW + timedelta(minutes=29 + 29 + 31))
    assert client.get("/account/password").status_code == 302


def test_absolute_timeout_is_configurable(app, make_user, raw_clock):
    app.config["SESSION_ABSOLUTE_HOURS"] = 2
    make_user(email="p@example.org")
    raw_clock(NOW)
    client = login_client(app, "p@example.org")
    for minutes in range(20, 120, 20):
        raw_clock(NOW + timedelta(minutes=minutes))
        assert client.get("/account/password").status_code == 200
    raw_clock(NOW + timedelta(minutes=121))
    assert client.get("/account/password").status_code == 302


def test_autosave_after_an_idle_timeout_answers_401(app, make_user, raw_clock):
    make_user(email="p@example.org")
    raw_clock(NOW)
    client = login_client(app, "p@example.org")
    token = client.csrf_token()
    raw_clock(NOW + timedelta(hours=1))
    response = client.post(
        "/drafts/5b1c0c49-0000-4000-8000-000000000009/autosave",
        data={"answer_0": "x"},
        headers={"X-CSRFToken": token, "Accept": "application/json"},
    )
    assert response.status_code == 401


def test_sensitive_actions_ask_for_the_password_again(app, make_user, raw_clock, journal):
    patient = make_user(email="p@example.org")
    journal.entry(patient.id, "words")
    raw_clock(NOW)
    client = login_client(app, "p@example.org")
    assert client.post_form("/export", {"scope": "all", "paper_size": "a4"}).mimetype == "application/pdf"
    raw_clock(NOW + timedelta(minutes=16))
    response = client.post_form("/export", {"scope": "all", "paper_size": "a4"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/reauth")
    connect = client.post_form("/connections/code", {"code": "ABCD"})
    assert connect.headers["Location"].startswith("/reauth")
    assert "not right" in client.post_form("/reauth", {"password": "wrong password here"}).get_data(as_text=True)
    back = client.post_form("/reauth?next=/export", {"password": PASSWORD})
    assert back.headers["Location"] == "/export"
    assert client.post_form("/export", {"scope": "all", "paper_size": "a4"}).mimetype == "application/pdf"


def test_logging_in_again_in_the_same_browser_ends_the_earlier_login(app, make_user):
    make_user(email="again@example.org")
    client = app.test_client()
    client.post_form("/login", {"email": "again@example.org", "password": PASSWORD})
    copy = app.test_client()
    copy.set_cookie("session", client.get_cookie("session").value)
    assert copy.get("/entries").status_code == 200  # a copied cookie works while its login lives
    client.post_form("/login", {"email": "again@example.org", "password": PASSWORD})
    assert client.get("/entries").status_code == 200
    assert copy.get("/entries").status_code == 302  # the earlier login has ended


def test_logins_work_with_rate_limiting_switched_off(app, make_user):
    from tests.conftest import dispose, make_app

    make_user(email="free@example.org")
    unlimited = make_app(app.config["SQLALCHEMY_DATABASE_URI"], app.instance_path, RATELIMIT_ENABLED=False)
    client = unlimited.test_client()
    for _ in range(8):
        assert client.post_form("/login", {"email": "free@example.org", "password": "not it at all"}).status_code == 200
    assert client.post_form("/login", {"email": "free@example.org", "password": PASSWORD}).status_code == 302
    dispose(unlimited)
