"""The offline shell holds nothing personal, the worker keeps only the shell, and leaving clears the site."""

from __future__ import annotations

import re

import pytest

from journal.device import CLEAR_SITE_DATA, SHELL_PAGES
from journal.models import Role
from tests.conftest import PASSWORD, login_client

WORDS = "the heron at the edge of the lake"


@pytest.fixture
def signed_in(app, make_user, journal, sharing):
    """A patient with a name, an entry, a therapist's reply waiting and a region, logged in."""
    patient = make_user(email="wren.private@example.org", display_name="Wren Quillfeather", time_zone="Europe/London")
    journal.entry(patient.id, WORDS, title="Quiet morning")
    return patient, login_client(app, "wren.private@example.org")


@pytest.mark.parametrize("name", sorted(SHELL_PAGES))
def test_a_shell_page_holds_nothing_of_the_person_but_language_and_region(app, signed_in, name):
    patient, client = signed_in
    token = client.csrf_token()
    page = client.get(f"/offline{'' if name == 'fallback' else '/' + name}").get_data(as_text=True)
    for personal in ("Wren", "Quillfeather", "wren.private", WORDS, "Quiet morning", token, "Log out", "Settings"):
        assert personal not in page, (name, personal)
    assert 'name="csrf-token" content=""' in page
    assert "data-offline-account" not in page and "data-shell-page" in page


def test_the_help_copy_puts_the_persons_region_first(signed_in):
    _, client = signed_in
    page = client.get("/offline/help").get_data(as_text=True)
    regions = re.findall(r"<h2>([^<]+)</h2>", page)
    assert regions[0] == "United Kingdom" and "Samaritans" in page


def test_the_worker_keeps_static_files_and_the_shell_only(app, client):
    script = client.get("/sw.js")
    assert script.mimetype == "text/javascript" and script.headers["Cache-Control"] == "private, no-cache"
    listed = re.search(r"var PRECACHED = (\[.*?\]);", script.get_data(as_text=True)).group(1)
    kept = re.findall(r'"([^"]+)"', listed)
    assert "/static/js/offline-store.js" in kept and "/offline/help" in kept
    assert all(path.startswith("/static/") or path in ("/offline", "/offline/help", "/offline/write") for path in kept)


def test_a_new_version_names_a_new_cache(app, client):
    first = client.get("/sw.js").get_data(as_text=True)
    app.config["OFFLINE_VERSION"] = "release-2"
    second = client.get("/sw.js").get_data(as_text=True)
    assert re.search(r'var VERSION = "release-2-[0-9a-f]{12}";', second) and first != second


def test_new_crisis_lines_make_a_new_cache_whatever_the_release_tag(app, client):
    app.config["OFFLINE_VERSION"] = "release-2"
    before = client.get("/sw.js").get_data(as_text=True)
    app.extensions.pop("journal.offline_version")  # a restart with an operator's own list of lines
    app.config["CRISIS_RESOURCES"] = [{"title": "Testland", "code": "TL", "emergency": "999", "lines": []}]
    after = client.get("/sw.js").get_data(as_text=True)
    assert before != after


def test_the_manifest_makes_the_app_installable(client):
    manifest = client.get("/manifest.webmanifest")
    assert manifest.mimetype == "application/manifest+json"
    body = manifest.get_json()
    assert body["display"] == "standalone" and body["start_url"] == "/" and body["short_name"]
    for icon in body["icons"]:
        with client.get(icon["src"]) as picture:
            assert "maskable" in icon["purpose"] and picture.status_code == 200


def test_each_person_has_their_own_opaque_store_name(app, make_user):
    make_user(email="a@example.org")
    make_user(email="b@example.org")
    make_user(Role.THERAPIST, email="t@example.org")
    tags = {
        name: login_client(app, f"{name}@example.org").get("/auth/csrf-token").get_json()["offline_account"]
        for name in "abt"
    }
    assert tags["a"] and tags["b"] and tags["a"] != tags["b"]
    assert tags["t"] is None  # only patients write
    assert login_client(app, "a@example.org").get("/auth/csrf-token").get_json()["offline_account"] == tags["a"]
    assert app.test_client().get("/auth/csrf-token").get_json()["offline_account"] is None


@pytest.mark.parametrize("leave", ["/logout", "/account/logout-everywhere", "/settings/forget-device"])
def test_leaving_asks_the_browser_to_clear_the_site(app, make_user, leave):
    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    response = client.post_form(leave)
    assert response.status_code == 302 and response.headers["Clear-Site-Data"] == CLEAR_SITE_DATA


def test_deleting_the_account_clears_the_site(app, make_user):
    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    response = client.post_form("/settings/delete", {"password": PASSWORD, "confirm": "DELETE"})
    assert response.status_code == 302 and response.headers["Clear-Site-Data"] == CLEAR_SITE_DATA


def test_a_refused_deletion_clears_nothing(app, make_user):
    make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    response = client.post_form("/settings/delete", {"password": "not the password", "confirm": "DELETE"})
    assert response.status_code == 422 and "Clear-Site-Data" not in response.headers
