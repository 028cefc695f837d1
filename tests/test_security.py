"""Baseline protections: CSRF, cookie flags, request size limits."""

import pytest
from flask import request
from sqlalchemy import func, select

from journal.extensions import db
from journal.models import User
from tests.conftest import PASSWORD, dispose
from tests.test_config import MASTER_KEY, STRONG_KEY

REGISTRATION = {
    "email": "ana@example.org",
    "display_name": "Ana",
    "new_password": PASSWORD,
    "confirm_password": PASSWORD,
    "time_zone": "UTC",
}


def test_csrf_is_on_in_the_test_configuration(app):
    assert app.config.get("WTF_CSRF_ENABLED", True) is True


def test_post_without_csrf_token_is_refused_and_changes_nothing(client, app):
    response = client.post("/register", data=REGISTRATION)
    assert response.status_code == 400
    assert "This form had expired" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_post_with_a_forged_token_is_refused(client, app):
    client.csrf_token()
    response = client.post("/register", data={**REGISTRATION, "csrf_token": "forged"})
    assert response.status_code == 400


def test_logout_needs_a_csrf_token(client, auth, make_user):
    make_user(email="ana@example.org")
    auth.login("ana@example.org")
    assert client.post("/logout").status_code == 400
    assert client.get("/account/password").status_code == 200


def test_csrf_token_does_not_expire_with_time(app):
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None


def session_cookie_attributes(response, name: str = "session") -> dict:
    header = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{name}="))
    parts = [p.strip() for p in header.split(";")]
    return {p.split("=")[0].lower(): (p.split("=", 1)[1] if "=" in p else True) for p in parts[1:]}


def test_session_cookie_is_httponly_and_samesite_lax(client):
    attributes = session_cookie_attributes(client.get("/login"))
    assert attributes["httponly"] is True
    assert attributes["samesite"] == "Lax"
    assert "secure" not in attributes  # plain http on a laptop


def test_session_cookie_is_secure_in_production(tmp_path, database_url):
    from journal import create_app

    settings = {
        "SECRET_KEY": STRONG_KEY,
        "MASTER_KEY": MASTER_KEY,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PUBLIC_URL": "https://journal.example",
    }
    app = create_app("production", settings, tmp_path)
    response = app.test_client().get("/login", base_url="https://journal.example")
    dispose(app)
    attributes = session_cookie_attributes(response, "__Host-session")
    assert attributes["secure"] is True and attributes["path"] == "/" and "domain" not in attributes


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "multipart/form-data"])
def test_a_100000_character_field_is_accepted(app, client, content_type):
    app.add_url_rule("/echo", "echo", lambda: {"length": len(request.form["text"])}, methods=["POST"])
    text = "🌊" * 100_000  # 400 kB of UTF-8, 1.2 MB once url-encoded
    response = client.post_form("/echo", {"text": text}, content_type=content_type)
    assert response.status_code == 200
    assert response.json["length"] == 100_000


def test_an_oversized_request_gets_the_413_page(app, client):
    app.add_url_rule("/echo", "echo", lambda: "ok", methods=["POST"])
    too_big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post_form("/echo", {"text": too_big})
    assert response.status_code == 413
    assert "Nothing was saved" in response.get_data(as_text=True)


def test_an_oversized_field_gets_the_413_page(app, client):
    app.add_url_rule("/echo", "echo", lambda: "ok", methods=["POST"])
    # Werkzeug applies the per-field limit to multipart bodies. The body is
    # built by hand: the test client would spool this one to an unclosed file.
    fields = {"csrf_token": client.csrf_token(), "text": "x" * (app.config["MAX_FORM_MEMORY_SIZE"] + 1)}
    body = (
        b"".join(
            f'--B\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            for name, value in fields.items()
        )
        + b"--B--\r\n"
    )
    response = client.post("/echo", data=body, content_type="multipart/form-data; boundary=B")
    assert response.status_code == 413
