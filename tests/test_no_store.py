"""No page that may carry personal data is ever stored by a browser or a proxy.

Walks every route (as each role and as nobody) and every status a page with
text can answer, and asks for ``Cache-Control: no-store`` on each. The
exceptions are static files and the offline shell (``SHELL_ENDPOINTS``: the
pages the service worker keeps, sent ``no-cache``), whose content
tests/offline/test_shell.py checks holds nothing personal.
"""

from __future__ import annotations

import re
import uuid

import pytest

from journal.device import SHELL_ENDPOINTS
from journal.models import Role
from tests.conftest import PASSWORD, login_client

WORDS = "A letter to the younger me, by the water."


def no_store(response) -> bool:
    return response.headers.get("Cache-Control") == "no-store" and "Cookie" in response.headers.get("Vary", "")


def fill(rule, values: dict) -> str:
    """A URL for a rule, with each argument taken from ``values`` by converter (or a harmless default)."""
    arguments = {}
    for name, converter in rule._converters.items():
        kind = type(converter).__name__
        arguments[name] = values.get(kind, values.get(name, 1))
    return rule.build(arguments, append_unknown=False)[1]


@pytest.mark.parametrize("who", ["nobody", *Role])
def test_every_page_of_every_route_is_no_store(app, make_user, journal, who):
    patient = make_user(email="p@example.org")
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    make_user(Role.ADMIN, email="a@example.org")
    entry_id = journal.entry(patient.id, WORDS)
    values = {"UUIDConverter": entry_id, "DbIdConverter": patient.id if who == Role.THERAPIST else therapist.id}
    client = app.test_client() if who == "nobody" else login_client(app, f"{who.value[0]}@example.org")
    checked = 0
    shell = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or "GET" not in rule.methods:
            continue
        response = client.get(fill(rule, values))
        if rule.endpoint in SHELL_ENDPOINTS:
            assert response.headers["Cache-Control"] == "private, no-cache", rule.rule
            shell.add(rule.endpoint)
            continue
        assert no_store(response), (rule.rule, response.status_code, response.headers.get("Cache-Control"))
        checked += 1
    assert checked > 30
    assert shell == SHELL_ENDPOINTS  # every page a browser may keep is one of these, and these only


def test_the_shell_may_be_kept_by_the_worker_and_nothing_else(app):
    """The short list of pages a browser may store: a page added to it must be added here on purpose."""
    assert SHELL_ENDPOINTS == {
        "offline.fallback",
        "offline.help",
        "offline.write",
        "offline.service_worker",
        "offline.manifest",
    }


def test_a_shell_page_that_fails_is_no_store(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    app.view_functions["offline.write"] = broken
    response = client.get("/offline/write")
    assert response.status_code == 500 and no_store(response)


def editor_fields(page: str) -> dict:
    return dict(re.findall(r'name="(draft_id|prompt_set|entry_id|version)" type="hidden" value="([^"]*)"', page))


def test_a_crash_after_text_was_posted_is_no_store(app, client, make_user):
    def crash():
        raise RuntimeError("boom")

    app.add_url_rule("/crash", "crash", crash, methods=["POST"])
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer as in production, not raise into the test
    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    response = client.post_form("/crash", {"answer_0": WORDS})
    assert response.status_code == 500 and no_store(response)


def status_of(app, make_user, journal, status: int):
    """Make the app answer ``status`` to a post that carries WORDS; return the response."""
    patient = make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    new = editor_fields(client.get("/entries/new", follow_redirects=True).get_data(as_text=True))
    if status == 400:  # an expired form: the editor comes back, filled in
        return client.post("/entries/new", data={**new, "answer_0": WORDS, "csrf_token": "expired"})
    if status == 401:  # logged out meanwhile: the rescue page shows the text
        client.post_form("/logout")
        return client.post_form("/entries/new", {**new, "answer_0": WORDS})
    if status == 409:  # edited in another tab meanwhile
        entry_id = journal.entry(patient.id, "first words")
        stale = editor_fields(client.get(f"/entries/{entry_id}/edit").get_data(as_text=True))
        client.post_form(f"/entries/{entry_id}/edit", {**stale, "title": "t", "answer_0": "other words"})
        return client.post_form(f"/entries/{entry_id}/edit", {**stale, "title": "t", "answer_0": WORDS})
    if status == 422:  # a field too long: the text is shown again with the message
        return client.post_form("/entries/new", {**new, "answer_0": WORDS, "title": "t" * 201})
    if status == 429:  # too many wrong passwords on the rescue page
        app.config["RATELIMIT_LOGIN_PER_ACCOUNT"] = "1 per 15 minutes"
        client.post_form("/logout")
        kept = {"answer_0": WORDS, "action": "/entries/new", "email": "p@example.org"}
        client.post_form("/rescue", {**kept, "password": "wrong wrong wrong"})
        return client.post_form("/rescue", {**kept, "password": PASSWORD})
    raise AssertionError(status)


@pytest.mark.parametrize("status", [400, 401, 409, 422, 429])
def test_pages_that_show_posted_text_are_no_store_whatever_their_status(app, make_user, journal, status):
    response = status_of(app, make_user, journal, status)
    assert response.status_code == status
    assert WORDS in response.get_data(as_text=True)
    assert no_store(response)


def test_a_wrong_password_on_the_rescue_page_is_no_store(app, client, make_user):
    make_user(email="p@example.org")
    response = client.post_form(
        "/rescue", {"email": "p@example.org", "password": "nope nope nope", "answer_0": WORDS, "action": "/entries/new"}
    )
    assert response.status_code == 401 and WORDS in response.get_data(as_text=True) and no_store(response)


def test_json_errors_are_no_store(app, client):
    response = client.post(
        f"/drafts/{uuid.uuid4()}/autosave", headers={"Accept": "application/json"}, data={"answer_0": WORDS}
    )
    assert response.status_code in (400, 401) and no_store(response)


def test_static_files_may_be_cached(client):
    with client.get("/static/css/journal.css") as response:
        assert response.status_code == 200 and "no-store" not in response.headers.get("Cache-Control", "")
