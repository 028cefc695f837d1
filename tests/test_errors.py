import pytest
from flask import abort
from sqlalchemy import func, select

from journal.extensions import db
from journal.models import User
from tests.conftest import PASSWORD


@pytest.mark.parametrize(
    ("code", "phrase"),
    [
        (400, "didn"),
        (403, "isn"),
        (404, "find that page"),
        (405, "can"),
        (413, "more than we can take"),
        (429, "slow down"),
        (500, "on our side"),
    ],
)
def test_error_pages_use_the_layout_without_internals(app, client, code, phrase):
    app.add_url_rule(f"/fail/{code}", f"fail_{code}", lambda: abort(code))
    response = client.get(f"/fail/{code}")
    page = response.get_data(as_text=True)
    assert response.status_code == code
    assert phrase in page.replace("&#39;", "'")
    assert "Need help now?" in page  # the layout's footer
    assert "Traceback" not in page and "werkzeug" not in page.lower()


def test_error_pages_answer_json_to_scripts(app, client):
    response = client.get("/no-such-page", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.json["error"] == "We couldn't find that page"


def test_a_crash_rolls_back_and_shows_no_stack_trace(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def half_done():
        db.session.add(User(email="half@example.org", display_name="Half", password_hash="x"))
        db.session.flush()
        raise RuntimeError("secret internal detail")

    app.add_url_rule("/crash", "crash", half_done)
    response = client.get("/crash")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "secret internal detail" not in page and "Traceback" not in page
    assert "Need help now?" in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_method_not_allowed_has_a_page(client):
    response = client.get("/logout")
    assert response.status_code == 405
    assert "Need help now?" in response.get_data(as_text=True)


def test_wrong_password_is_not_logged(app, auth, make_user, caplog):
    caplog.set_level("DEBUG")
    make_user(email="ana@example.org")
    auth.login("ana@example.org", "my wrong secret phrase")
    auth.login("ana@example.org")
    auth.login("nobody@example.org", "another secret phrase")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "login failed" in logged  # the events are logged...
    for secret in ("my wrong secret phrase", PASSWORD, "another secret phrase", "ana@example.org"):
        assert secret not in logged  # ...but never what was typed
