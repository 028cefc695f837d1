import html
import re

import pytest
from sqlalchemy import func, select

from journal.auth.gate import LOGIN_FAILED
from journal.extensions import db
from journal.models import Role, User
from tests.conftest import PASSWORD

NEW_PASSWORD = "a different path through the woods"


def registration(**fields):
    data = {
        "email": "ana@example.org",
        "display_name": "Ana",
        "new_password": PASSWORD,
        "confirm_password": PASSWORD,
        "time_zone": "Europe/Lisbon",
    }
    data.update(fields)
    return data


def count_users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


def test_register_creates_a_patient_and_logs_in(client, app):
    response = client.post_form("/register", registration(email="  Ana@Example.ORG "))
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "Hello, Ana" in client.get("/").get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(select(User))
        assert (user.email, user.role, user.time_zone) == ("ana@example.org", Role.PATIENT, "Europe/Lisbon")
        assert user.password_hash.startswith("$argon2id$")


def test_register_page_offers_the_fields(client):
    page = client.get("/register").get_data(as_text=True)
    for name in ("email", "display_name", "new_password", "confirm_password", "time_zone"):
        assert f'name="{name}"' in page
    assert 'name="role"' not in page


def test_register_ignores_a_role_sent_by_the_client(client, app):
    client.post_form("/register", registration(role="admin"))
    with app.app_context():
        assert db.session.scalar(select(User.role)) == Role.PATIENT


def test_emails_are_unique_whatever_their_case(client, app, make_user):
    make_user(email="ana@example.org")
    response = client.post_form("/register", registration(email="ANA@example.org"))
    assert response.status_code == 200
    assert "already exists" in response.get_data(as_text=True)
    assert count_users(app) == 1


def test_register_understands_a_city_for_the_time_zone(client, app):
    assert client.post_form("/register", registration(time_zone="lisbon")).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(User.time_zone)) == "Europe/Lisbon"


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"time_zone": "Atlantis"}, "Please choose a time zone from the list"), ({"time_zone": ""}, "choose a time zone")],
)
def test_register_explains_a_time_zone_it_does_not_know(client, fields, message):
    assert message in client.post_form("/register", registration(**fields)).get_data(as_text=True)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"new_password": "short one", "confirm_password": "short one"}, "at least 12"),
        ({"new_password": "password1234", "confirm_password": "password1234"}, "commonly used"),
        ({"confirm_password": "something else entirely"}, "not the same"),
        ({"email": "not-an-email"}, "look like an email"),
        ({"display_name": ""}, "what to call you"),
        ({"display_name": "x" * 81}, "80 characters"),
        ({"time_zone": "Mars/Olympus_Mons"}, "Please choose a time zone from the list"),
    ],
)
def test_register_refuses_bad_input_with_a_clear_message(client, app, fields, message):
    response = client.post_form("/register", registration(**fields))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    assert 'aria-invalid="true"' in page
    assert count_users(app) == 0


def test_register_keeps_what_was_typed_except_passwords(client):
    page = client.post_form("/register", registration(new_password="short one")).get_data(as_text=True)
    assert 'value="ana@example.org"' in page
    assert 'value="Ana"' in page
    assert "short one" not in page


def test_login_with_any_case_of_email(client, auth, make_user):
    make_user(email="ben@example.org")
    response = auth.login("BEN@Example.org")
    assert response.headers["Location"] == "/"
    assert client.get("/").status_code == 200


def messages(page: str) -> list[str]:
    """Return every alert and field error shown on a page."""
    return re.findall(r'class="(?:form-summary|error)"[^>]*>(.*?)</p>', page, re.S)


def test_login_failure_says_the_same_for_unknown_email_and_wrong_password(auth, make_user):
    make_user(email="ben@example.org")
    unknown = auth.login("nobody@example.org")
    wrong = auth.login("ben@example.org", "not the password at all")
    assert unknown.status_code == wrong.status_code == 200
    assert messages(unknown.get_data(as_text=True)) == messages(wrong.get_data(as_text=True))
    assert [html.unescape(m) for m in messages(wrong.get_data(as_text=True))] == [LOGIN_FAILED]


def test_inactive_account_cannot_log_in(auth, app, make_user):
    user = make_user(email="ben@example.org")
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert "don&#39;t match" in auth.login("ben@example.org").get_data(as_text=True)


@pytest.mark.parametrize(
    ("target", "location"),
    [
        ("/account/password", "/account/password"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("https://evil.example/", "/"),
    ],
)
def test_login_redirects_only_to_local_paths(auth, make_user, target, location):
    make_user(email="ben@example.org")
    assert auth.login("ben@example.org", next=target).headers["Location"] == location


def test_protected_page_sends_anonymous_visitors_to_login_and_back(client, auth, make_user):
    response = client.get("/account/password")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/account/password"
    make_user(email="ben@example.org")
    assert auth.login("ben@example.org", next="/account/password").headers["Location"] == "/account/password"


def test_protected_json_request_gets_401_not_a_redirect(client):
    response = client.get("/account/password", headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert response.json["error"] == "login_required"


def test_login_rehashes_when_parameters_change(app, auth, make_user):
    user = make_user(email="ben@example.org")
    with app.app_context():
        old_hash = db.session.get(User, user.id).password_hash
    app.config["PASSWORD_HASH_PARAMS"] = {"time_cost": 2, "memory_cost": 2048, "parallelism": 1}
    auth.login("ben@example.org")
    with app.app_context():
        new_hash = db.session.get(User, user.id).password_hash
    assert new_hash != old_hash
    assert "m=2048,t=2,p=1" in new_hash


def test_login_starts_a_new_session(client, auth, make_user):
    make_user(email="ben@example.org")
    before = client.csrf_token()
    auth.login("ben@example.org")
    after = client.csrf_token()
    assert before != after
    # The pre-login token no longer works once logged in.
    response = client.post("/account/password", data={"csrf_token": before})
    assert response.status_code == 400


def test_logout_is_post_only(client, auth, make_user):
    make_user(email="ben@example.org")
    auth.login("ben@example.org")
    assert client.get("/logout").status_code == 405
    assert client.get("/account/password").status_code == 200


def test_logout_ends_the_session(client, auth, make_user):
    make_user(email="ben@example.org")
    auth.login("ben@example.org")
    response = auth.logout()
    assert response.headers["Location"] == "/login"
    assert client.get("/account/password").status_code == 302


def test_change_password_needs_the_current_one(client, auth, app, make_user):
    user = make_user(email="ben@example.org")
    auth.login("ben@example.org")
    data = {
        "current_password": "not my password at all",
        "new_password": NEW_PASSWORD,
        "confirm_password": NEW_PASSWORD,
    }
    page = client.post_form("/account/password", data).get_data(as_text=True)
    assert "current password is not right" in page
    with app.app_context():
        assert db.session.get(User, user.id).password_hash == user.password_hash


def test_change_password_applies_the_policy(client, auth, make_user):
    make_user(email="ben@example.org")
    auth.login("ben@example.org")
    data = {"current_password": PASSWORD, "new_password": "qwerty123456", "confirm_password": "qwerty123456"}
    assert "commonly used" in client.post_form("/account/password", data).get_data(as_text=True)


def test_change_password_ends_other_sessions_and_keeps_this_one(app, auth, client, make_user):
    make_user(email="ben@example.org")
    other_device = app.test_client()
    other_device.post_form("/login", {"email": "ben@example.org", "password": PASSWORD})
    assert other_device.get("/account/password").status_code == 200

    auth.login("ben@example.org")
    data = {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}
    assert client.post_form("/account/password", data).status_code == 302

    assert client.get("/account/password").status_code == 200
    assert other_device.get("/account/password").status_code == 302
    auth.logout()
    assert auth.login("ben@example.org", NEW_PASSWORD).headers["Location"] == "/"
