"""Headers on every kind of response, and deny by default across the URL map."""

import re

import pytest

from journal.entries.rescue import rescues
from journal.models import Role
from tests.conftest import dispose, login_client
from tests.test_config import MASTER_KEY, STRONG_KEY

CSP_PARTS = [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
]


def assert_security_headers(response):
    csp = response.headers["Content-Security-Policy"]
    for part in CSP_PARTS:
        assert part in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert re.search(r"script-src 'self' 'nonce-[\w-]{16,}'", csp)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_headers_on_html_json_pdf_and_errors(app, make_user, journal, client):
    assert_security_headers(client.get("/login"))
    assert_security_headers(client.get("/healthz"))
    assert_security_headers(client.get("/nowhere"))
    static = client.get("/static/css/journal.css")
    assert_security_headers(static)
    static.close()
    patient = make_user(email="p@example.org")
    journal.entry(patient.id)
    logged_in = login_client(app, "p@example.org")
    assert_security_headers(logged_in.get("/entries"))
    pdf = logged_in.post_form("/export", {"scope": "all", "paper_size": "a4"})
    assert pdf.mimetype == "application/pdf"
    assert_security_headers(pdf)
    autosave = logged_in.post(
        "/drafts/5b1c0c49-0000-4000-8000-00000000000a/autosave",
        data={"answer_0": "x"},
        headers={"X-CSRFToken": logged_in.csrf_token(), "Accept": "application/json"},
    )
    assert autosave.is_json
    assert_security_headers(autosave)


def test_a_new_nonce_each_request(client):
    first = client.get("/login").headers["Content-Security-Policy"]
    assert first != client.get("/login").headers["Content-Security-Policy"]


def test_private_pages_and_downloads_are_never_cached(app, make_user, client):
    with client.get("/static/css/journal.css") as static:
        assert "no-store" not in static.headers.get("Cache-Control", "")
    assert client.get("/login").headers["Cache-Control"] == "no-store"  # it may show a rescued text
    make_user(email="p@example.org")
    logged_in = login_client(app, "p@example.org")
    for response in (logged_in.get("/entries"), logged_in.post_form("/export", {"scope": "all", "paper_size": "a4"})):
        assert response.headers["Cache-Control"] == "no-store"
        assert "Cookie" in response.headers["Vary"]


def test_hsts_only_in_production(tmp_path, database_url, client):
    from journal import create_app

    assert "Strict-Transport-Security" not in client.get("/login").headers
    app = create_app(
        "production",
        {
            "SECRET_KEY": STRONG_KEY,
            "MASTER_KEY": MASTER_KEY,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "PUBLIC_URL": "https://journal.example",
        },
        tmp_path,
    )
    response = app.test_client().get("/login", base_url="https://journal.example")
    dispose(app)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


PUBLIC = {
    "static",
    "auth.login",
    "auth.register",
    "main.crisis",
    "health.healthz",
    "health.readyz",
    "metrics.metrics",
    "main.robots",
    "auth.csrf_token",
    "main.index",
    "rescue.rescue_login",
    "recovery.forgot",
    "recovery.reset_link",
    "recovery.reset",
    "recovery.verify_email",
    "recovery.confirm_email_change",
    "reminders.unsubscribe",
    # The offline shell (journal/offline): the worker, the manifest and pages that hold nothing personal.
    "offline.service_worker",
    "offline.manifest",
    "offline.fallback",
    "offline.help",
    "offline.write",
}
ROLE_OF = {
    "entries": Role.PATIENT,
    "drafts": Role.PATIENT,
    "sessions": Role.PATIENT,
    "sharing": Role.PATIENT,
    "therapist": Role.THERAPIST,
    "records": Role.THERAPIST,
    "admin": Role.ADMIN,
    "export": None,
    "auth": None,
    "main": None,
    "recovery": None,
    "settings": None,
    "reminders": None,
    "measures": Role.PATIENT,
    "safety": Role.PATIENT,
    "pictures": Role.PATIENT,
    "push": None,  # patients and therapists (tests/push/test_views.py: admins get 404)
}
SAMPLE = {"uuid": "0b7f3c5e-1111-4222-8333-444455556666", "id": "1", "default": "x"}


def _urls(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC:
            continue
        values = {
            arg: SAMPLE.get(
                type(rule._converters[arg]).__name__.replace("Converter", "").lower().replace("dbid", "id"),
                SAMPLE["default"],
            )
            for arg in rule.arguments
        }
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, method, rule.build(values)[1]


def test_every_endpoint_but_a_short_public_list_needs_a_login(app, client):
    endpoints = list(_urls(app))
    assert len(endpoints) > 40
    with app.app_context():
        rescued = {endpoint for endpoint, _, _ in endpoints if rescues(endpoint)}
    assert {"entries.new", "entries.edit", "safety.plan", "sessions.new", "sessions.edit"} <= rescued
    for endpoint, method, url in endpoints:
        response = client.open(url, method=method, headers={"X-CSRFToken": client.csrf_token()})
        if method == "POST" and endpoint in rescued:
            assert response.status_code == 401, url  # the rescue page keeps the sender's words
        else:
            assert response.status_code == 302 and response.headers["Location"].startswith("/login"), (method, url)


@pytest.mark.parametrize("role", [Role.PATIENT, Role.THERAPIST, Role.ADMIN])
def test_every_endpoint_answers_only_its_role(app, make_user, role):
    make_user(role, email="someone@example.org")
    client = login_client(app, "someone@example.org")
    for endpoint, method, url in _urls(app):
        if method != "GET":
            continue
        owner = ROLE_OF[endpoint.split(".")[0]]
        if endpoint.startswith("export.therapist"):
            owner = Role.THERAPIST
        elif endpoint.startswith("export."):
            owner = Role.PATIENT
        response = client.get(url)
        if owner is not None and owner != role:
            assert response.status_code == 404, (role, url)
