"""Disabling and enabling accounts: the rule lives in the service, so every caller inherits it."""

from sqlalchemy import select

from journal.admin.services import set_account_active
from journal.audit import Event
from journal.extensions import db
from journal.models import AuditEvent, User
from tests.conftest import login_client


def set_active(app, user_id: int, active: bool) -> None:
    with app.app_context():
        set_account_active(db.session.get(User, user_id), active)


def recorded(app) -> list[tuple[str, int | None]]:
    with app.app_context():
        return [
            (e.event, e.subject_id)
            for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
            if e.event in (Event.ACCOUNT_DISABLED, Event.ACCOUNT_ENABLED)
        ]


def test_disabling_ends_every_login_at_once(app, make_user):
    user = make_user(email="p@example.org")
    laptop, phone = login_client(app, "p@example.org"), login_client(app, "p@example.org")
    set_active(app, user.id, False)
    assert laptop.get("/account/password").status_code == 302
    assert phone.get("/account/password").status_code == 302
    with app.app_context():
        assert db.session.get(User, user.id).active is False
    assert recorded(app) == [(Event.ACCOUNT_DISABLED, user.id)]


def test_enabling_lets_the_account_log_in_again(app, make_user):
    user = make_user(email="p@example.org")
    set_active(app, user.id, False)
    set_active(app, user.id, True)
    assert login_client(app, "p@example.org").get("/account/password").status_code == 200
    assert recorded(app) == [(Event.ACCOUNT_DISABLED, user.id), (Event.ACCOUNT_ENABLED, user.id)]
