"""Rate limits, on in-memory storage and, where configured (CI), on the real Redis."""

import io
import os
import secrets
import uuid

import pytest

from tests.conftest import PASSWORD, dispose, login_client, make_app

REDIS_URL = os.environ.get("JOURNAL_TEST_REDIS_URL")


@pytest.fixture(params=["memory", "redis"])
def limited_app(request, database_url, tmp_path):
    """An app whose limits are real and small; each run uses its own Redis key prefix."""
    settings = {
        "RATELIMIT_LOGIN_PER_ACCOUNT": "3 per 15 minutes",
        "RATELIMIT_LOGIN_PER_IP": "8 per 15 minutes",
        "RATELIMIT_REGISTER": "2 per hour",
        "RATELIMIT_AUTOSAVE": "4 per minute",
        "RATELIMIT_CODES": "3 per hour",
        "RATELIMIT_PICTURES": "2 per hour",
    }
    if request.param == "redis":
        if not REDIS_URL:
            if os.environ.get("JOURNAL_TEST_REQUIRE_REDIS"):
                pytest.fail("JOURNAL_TEST_REQUIRE_REDIS is set but JOURNAL_TEST_REDIS_URL is not")
            pytest.skip("Redis run skipped: set JOURNAL_TEST_REDIS_URL=redis://127.0.0.1:6379/15 (CI does)")
        prefix = f"journal-test-{secrets.token_hex(6)}"
        settings.update(RATELIMIT_STORAGE_URI=REDIS_URL, RATELIMIT_KEY_PREFIX=prefix)
    app = make_app(database_url, tmp_path, **settings)
    yield app
    if request.param == "redis":
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"*{prefix}*"))
        if keys:
            client.delete(*keys)
        client.close()
    from journal.extensions import db
    from tests.conftest import empty_tables

    with app.app_context():
        empty_tables()
        db.engine.dispose()


def make(app, email, role=None):
    from journal.auth.services import create_user
    from journal.models import Role

    with app.app_context():
        create_user(email=email, display_name="Someone", password=PASSWORD, role=role or Role.PATIENT)


def attempt(client, email, password="not the right password"):
    return client.post_form("/login", {"email": email, "password": password})


def test_failed_logins_for_one_account_are_limited_and_others_still_log_in(limited_app):
    make(limited_app, "target@example.org")
    make(limited_app, "bystander@example.org")
    client = limited_app.test_client()
    for _ in range(3):
        assert attempt(client, "target@example.org").status_code == 200
    blocked = attempt(client, "target@example.org")
    assert blocked.status_code == 429 and "slow down" in blocked.get_data(as_text=True)
    assert attempt(client, "target@example.org", PASSWORD).status_code == 429  # even the right one, for now
    assert attempt(limited_app.test_client(), "bystander@example.org", PASSWORD).status_code == 302


def test_successful_logins_are_not_counted(limited_app):
    make(limited_app, "often@example.org")
    for _ in range(6):
        client = limited_app.test_client()
        assert attempt(client, "often@example.org", PASSWORD).status_code == 302


def test_failed_logins_from_one_address_are_limited(limited_app):
    client = limited_app.test_client()
    for n in range(8):
        assert attempt(client, f"guess{n}@example.org").status_code == 200
    assert attempt(client, "guess-more@example.org").status_code == 429


def test_registration_is_limited(limited_app):
    client = limited_app.test_client()
    for n in range(2):
        client.post_form("/register", {"email": f"new{n}@example.org"})
    assert client.post_form("/register", {"email": "new9@example.org"}).status_code == 429


def test_autosave_has_a_ceiling_with_a_json_answer(limited_app):
    make(limited_app, "writer@example.org")
    client = login_client(limited_app, "writer@example.org")
    draft = f"/drafts/{uuid.uuid4()}/autosave"
    headers = {"X-CSRFToken": client.csrf_token(), "Accept": "application/json"}
    for _ in range(4):
        assert client.post(draft, data={"answer_0": "x"}, headers=headers).status_code == 200
    response = client.post(draft, data={"answer_0": "x"}, headers=headers)
    assert response.status_code == 429 and response.is_json


def test_picture_uploads_are_limited(limited_app):
    from journal.auth.services import find_user_by_email
    from tests.conftest import JournalFactory

    make(limited_app, "pictures@example.org")
    with limited_app.app_context():
        user_id = find_user_by_email("pictures@example.org").id
    entry_id = JournalFactory(limited_app).entry(user_id)
    client = login_client(limited_app, "pictures@example.org")
    for _ in range(2):  # nothing chosen: refused, and counted
        assert client.post_form(f"/entries/{entry_id}/pictures").status_code == 422
    assert client.post_form(f"/entries/{entry_id}/pictures").status_code == 429


def test_connection_codes_are_limited(limited_app):
    make(limited_app, "patient@example.org")
    client = login_client(limited_app, "patient@example.org")
    for _ in range(3):
        assert client.post_form("/connections/code", {"code": "WRONGCODE1"}).status_code == 422
    assert client.post_form("/connections/code", {"code": "WRONGCODE1"}).status_code == 429


def test_forwarded_for_is_ignored_unless_proxies_are_trusted(database_url, tmp_path):
    for trusted, expected in ((0, 429), (1, 200)):
        app = make_app(
            database_url, tmp_path / str(trusted), RATELIMIT_LOGIN_PER_IP="2 per 15 minutes", TRUSTED_PROXIES=trusted
        )
        client = app.test_client()
        for n in range(2):
            client.post_form(
                "/login",
                {"email": f"a{n}@example.org", "password": "x" * 12},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
            )
        response = client.post_form(
            "/login", {"email": "b@example.org", "password": "x" * 12}, headers={"X-Forwarded-For": "203.0.113.99"}
        )
        dispose(app)
        assert response.status_code == expected, trusted


def test_wrong_passwords_when_confirming_count_as_failed_logins(limited_app):
    make(limited_app, "confirm@example.org")
    client = login_client(limited_app, "confirm@example.org")
    for _ in range(3):
        assert client.post_form("/reauth", {"password": "wrong wrong wrong"}).status_code == 200
    assert client.post_form("/reauth", {"password": PASSWORD}).status_code == 429
    # The same counter guards the login form: a stolen session cannot guess passwords elsewhere.
    assert attempt(limited_app.test_client(), "confirm@example.org", PASSWORD).status_code == 429


def test_imports_are_limited(limited_app):
    limited_app.config["RATELIMIT_IMPORT"] = "2 per hour"
    make(limited_app, "importer@example.org")
    client = login_client(limited_app, "importer@example.org")
    data = {"file": (io.BytesIO(b"{not json"), "journal.json")}
    for _ in range(2):  # refused, and counted
        assert client.post_form("/settings/import", dict(data), content_type="multipart/form-data").status_code == 400
        data = {"file": (io.BytesIO(b"{not json"), "journal.json")}
    assert client.post_form("/settings/import", data, content_type="multipart/form-data").status_code == 429


def test_one_person_has_only_so_many_uploads_worked_on_at_once(limited_app):
    """A held place is one upload still being decoded; the next waits, and the place comes back after."""
    from journal.auth.services import find_user_by_email
    from journal.ratelimits import upload_slot
    from tests.conftest import JournalFactory
    from tests.pictures.images import photo

    limited_app.config.update(UPLOADS_AT_ONCE=1, RATELIMIT_PICTURES="100 per hour")
    make(limited_app, "busy@example.org")
    make(limited_app, "other@example.org")
    with limited_app.app_context():
        user_id = find_user_by_email("busy@example.org").id
        other_id = find_user_by_email("other@example.org").id
    entry_id = JournalFactory(limited_app).entry(user_id)
    other_entry = JournalFactory(limited_app).entry(other_id)
    client = login_client(limited_app, "busy@example.org")
    other = login_client(limited_app, "other@example.org")

    def add(who, entry):
        files = {"pictures": (io.BytesIO(photo(40, 30)), "a.jpg")}
        return who.post_form(f"/entries/{entry}/pictures", files, content_type="multipart/form-data")

    held = upload_slot(user_id)
    with limited_app.app_context():  # taken, then the context let go: each request below brings its own
        held.__enter__()
    try:
        busy = add(client, entry_id)
        kindly = "Another picture or import is still being worked on. Please wait a moment and try again."
        assert busy.status_code == 429
        assert kindly in busy.get_data(as_text=True) and "too many attempts" not in busy.get_data(as_text=True)
        imported = client.post_form(
            "/settings/import", {"file": (io.BytesIO(b"{}"), "journal.json")}, content_type="multipart/form-data"
        )
        assert imported.status_code == 429 and kindly in imported.get_data(as_text=True)
        scripted = client.post(
            f"/entries/{entry_id}/pictures", headers={"X-CSRFToken": client.csrf_token(), "Accept": "application/json"}
        )
        assert scripted.status_code == 429 and scripted.get_json()["message"] == kindly
        assert add(other, other_entry).status_code == 302  # someone else is not held up
    finally:
        with limited_app.app_context():
            held.__exit__(None, None, None)
    assert add(client, entry_id).status_code == 302
    assert add(client, entry_id).status_code == 302  # each upload gave its place back
