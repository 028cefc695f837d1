"""Single-use links: spent once however many requests race, and only for the address they were sent to."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask

from journal.auth import recovery, tokens
from journal.extensions import db
from journal.models import TokenPurpose, User
from tests.conftest import login_client


def issue(app: Flask, user_id: int, purpose: TokenPurpose) -> str:
    with app.app_context():
        return tokens.issue(db.session.get(User, user_id), purpose)


def test_a_token_spent_by_two_requests_at_once_succeeds_once(app, make_user):
    """Both requests find the link live before either spends it: only the conditional UPDATE stops the second."""
    user = make_user(email="p@example.org")
    raw = issue(app, user.id, TokenPurpose.RESET_PASSWORD)
    with app.app_context():  # the first request, with its own session and connection
        first = tokens.find(raw, TokenPurpose.RESET_PASSWORD)
        with app.app_context():  # the second, at the same instant
            second = tokens.find(raw, TokenPurpose.RESET_PASSWORD)
            assert first is not None and second is not None
        assert tokens.spend(first) is True
        db.session.commit()
        with app.app_context():
            second_spent = tokens.spend(second)
            db.session.commit()
    assert second_spent is False


def test_a_token_sent_before_the_address_changed_no_longer_works(app, make_user):
    """Even when nothing retires it: a link counts only while the account still uses the address it went to."""
    user = make_user(email="p@example.org")
    raw = issue(app, user.id, TokenPurpose.VERIFY_EMAIL)
    with app.app_context():
        db.session.get(User, user.id).email = "moved@example.org"  # as a path that forgot to retire links would
        db.session.commit()
        assert tokens.find(raw, TokenPurpose.VERIFY_EMAIL) is None
    client = login_client(app, "moved@example.org")
    assert client.post_form(f"/email/verify/{raw}").status_code == 404
    with app.app_context():
        assert not db.session.get(User, user.id).email_verified
        assert recovery.verify_email(raw) is None


def test_a_reset_token_sent_to_the_old_address_no_longer_works(app, make_user):
    user = make_user(email="p@example.org")
    with app.app_context():
        db.session.get(User, user.id).email_verified_at = datetime.now(UTC)
        db.session.commit()
    raw = issue(app, user.id, TokenPurpose.RESET_PASSWORD)
    with app.app_context():
        db.session.get(User, user.id).email = "moved@example.org"
        db.session.commit()
        assert tokens.find(raw, TokenPurpose.RESET_PASSWORD) is None
