"""The audit trail: what is recorded, who sees it, and that it cannot be rewritten."""

import ast
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

import journal
from journal import audit
from journal.audit import EVENT_LABELS, Event
from journal.extensions import db
from journal.models import AuditEvent, Role
from tests.conftest import PASSWORD, login_client


def events(app):
    with app.app_context():
        return [(e.event, e.subject_id) for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_logins_failures_logouts_and_password_changes_are_recorded(app, make_user, client, auth):
    user = make_user(email="p@example.org")
    auth.login("p@example.org", "not the right password")
    auth.login("nobody@example.org", "not the right password")
    auth.login("p@example.org")
    client.post_form(
        "/account/password",
        {
            "current_password": PASSWORD,
            "new_password": "another calm sentence here",
            "confirm_password": "another calm sentence here",
        },
    )
    auth.logout()
    assert events(app) == [
        ("login_failed", user.id),
        ("login_failed", None),
        ("login", user.id),
        ("password_changed", user.id),
        ("login", user.id),
        ("logout", user.id),
    ]
    with app.app_context():
        for event in db.session.scalars(select(AuditEvent)):
            assert event.ip == "127.0.0.1"
            assert PASSWORD not in event.detail and "p@example.org" not in event.detail


def test_refused_access_and_therapist_access_are_recorded(app, make_user, journal, sharing):
    patient = make_user(email="p@example.org")
    therapist = make_user(Role.THERAPIST, email="t@example.org")
    sharing.connect(patient.id, therapist.id)
    entry_id = journal.entry(patient.id, "private words")
    client = login_client(app, "t@example.org")
    client.get(f"/therapist/entries/{entry_id}")
    sharing.share(entry_id, therapist.id)
    client.get(f"/therapist/entries/{entry_id}")
    recorded = events(app)
    assert ("access_denied", None) in recorded
    assert ("therapist_access", patient.id) in recorded
    with app.app_context():
        assert all("private words" not in e.detail for e in db.session.scalars(select(AuditEvent)))


def test_admins_see_security_events_and_patients_their_own(app, make_user, auth):
    make_user(email="p@example.org")
    make_user(email="q@example.org")
    make_user(Role.ADMIN, email="a@example.org")
    auth.login("q@example.org", "not the right password")
    admin_page = login_client(app, "a@example.org").get("/admin/security").get_data(as_text=True)
    assert "Failed login" in admin_page
    mine = login_client(app, "p@example.org").get("/account/activity").get_data(as_text=True)
    assert "Logged in" in mine and "Failed login" not in mine
    assert login_client(app, "p@example.org").get("/admin/security").status_code == 404


def test_postgresql_refuses_to_change_or_delete_audit_rows(app, backend, make_user, auth):
    if backend != "postgresql":
        pytest.skip("the database-level guard is PostgreSQL's (a trigger)")
    make_user(email="p@example.org")
    auth.login("p@example.org")
    with app.app_context():
        for statement in (
            "UPDATE audit_events SET detail = 'rewritten'",
            "DELETE FROM audit_events",
            "TRUNCATE audit_events",
        ):
            with pytest.raises(DBAPIError, match="append-only"):
                db.session.execute(text(statement))
            db.session.rollback()
        assert db.session.scalar(select(AuditEvent.event)) == "login"


def test_every_event_has_a_label():
    assert set(EVENT_LABELS) == set(Event)


def test_an_unknown_event_name_is_refused(app):
    with app.app_context():
        with pytest.raises(ValueError, match="login_faild"):
            audit.record("login_faild")
        db.session.rollback()
        assert db.session.scalar(select(AuditEvent)) is None


def recorded_names() -> set[str]:
    """Every string literal passed as the event of an ``audit.record(...)`` call in the package."""
    names = set()
    for path in Path(journal.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "audit.record" and node.args:
                names |= {
                    n.value for n in ast.walk(node.args[0]) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                }
    return names


def test_every_name_recorded_as_a_string_is_an_event():
    """Callers may still pass plain strings; each must name an Event, or it would fail only when reached."""
    assert {name for name in recorded_names() if name not in set(Event)} == set()


def test_a_wrong_password_when_confirming_is_recorded_as_such(app, make_user):
    user = make_user(email="p@example.org")
    client = login_client(app, "p@example.org")
    client.post_form("/reauth", {"password": "not the right one at all"})
    client.post_form(
        "/account/password",
        {
            "current_password": "still not the right one",
            "new_password": "another calm sentence here",
            "confirm_password": "another calm sentence here",
        },
    )
    assert events(app)[-2:] == [("reauth_failed", user.id), ("reauth_failed", user.id)]
