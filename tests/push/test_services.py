"""Sending a notice to a person's browsers through a real push service: signed (VAPID), encrypted (RFC 8291),
in the reader's language, expired subscriptions forgotten, and a failure never the caller's problem."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from journal.extensions import db
from journal.models import PushSubscription, Role, User
from journal.push import keys, services
from journal.push.notices import alert_notice, reminder_notice
from journal.push.subscriptions import parse_subscription
from tests.push.push_service import Browser, PushService


def subscribe(app, user_id: int, browser: Browser) -> None:
    with app.test_request_context():
        services.subscribe(db.session.get(User, user_id), parse_subscription(browser.subscription()))


def notify(app, user_id: int, notice=reminder_notice) -> int:
    with app.test_request_context():
        return services.notify(db.session.get(User, user_id), notice())


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(PushSubscription))


def test_a_notice_reaches_every_browser_signed_and_encrypted(app, make_user, push_service):
    user = make_user()
    phone, laptop = push_service.browser("phone"), push_service.browser("laptop")
    subscribe(app, user.id, phone)
    subscribe(app, user.id, laptop)

    assert notify(app, user.id) == 2

    for browser in (phone, laptop):
        (message,) = push_service.to(browser)
        assert message.payload == {
            "title": "A new reflection is ready",
            "body": "Time for a few quiet minutes with your journal.",
            "url": "/",
            "tag": "reminder",
        }
        assert b"reflection" not in message.body  # it travelled encrypted
        with app.app_context():
            assert message.signer == keys.public_key_b64()  # signed with the key browsers subscribed with
        assert int(message.headers["ttl"]) == 6 * 3600
    with app.app_context():
        assert all(row.last_used_at is not None for row in db.session.scalars(select(PushSubscription)))


def test_only_the_persons_own_browsers_are_told(app, make_user, push_service):
    user, other = make_user(), make_user()
    mine, theirs = push_service.browser("mine"), push_service.browser("theirs")
    subscribe(app, user.id, mine)
    subscribe(app, other.id, theirs)
    assert notify(app, user.id) == 1
    assert push_service.to(theirs) == []


def test_a_notice_is_in_the_readers_language(app, make_user, push_service):
    therapist = make_user(Role.THERAPIST, locale="de")
    browser = push_service.browser("de")
    subscribe(app, therapist.id, browser)
    import uuid

    alert_id = uuid.uuid4()
    with app.test_request_context(headers={"Accept-Language": "en"}):  # the sender's language is not the reader's
        services.notify(db.session.get(User, therapist.id), alert_notice(alert_id, reminder=False))
    (message,) = push_service.to(browser)
    assert message.payload["title"] == "Eine Sicherheitsmeldung wartet auf Sie"
    assert message.payload["url"] == f"/therapist/alerts/{alert_id}"
    assert message.payload["tag"] == f"safety-alert-{alert_id}"
    assert message.headers["urgency"] == "high"


@pytest.mark.parametrize("status", [404, 410])
def test_a_subscription_its_service_calls_gone_is_deleted(app, make_user, push_service, status):
    user = make_user()
    gone, kept = push_service.browser("gone"), push_service.browser("kept")
    subscribe(app, user.id, gone)
    subscribe(app, user.id, kept)
    push_service.answer(gone, status)

    assert notify(app, user.id) == 1

    with app.app_context():
        assert db.session.scalars(select(PushSubscription.endpoint)).all() == [kept.endpoint]


def test_a_failing_service_keeps_the_subscription_and_the_caller_goes_on(app, make_user, push_service, caplog):
    user = make_user()
    browser = push_service.browser("down")
    subscribe(app, user.id, browser)
    push_service.answer(browser, 500)

    with caplog.at_level(logging.INFO, logger="journal.push"):
        assert notify(app, user.id) == 0

    assert count(app) == 1
    (line,) = [r.getMessage() for r in caplog.records if r.name == "journal.push.services"]
    assert line.endswith("not sent: 500")
    assert browser.endpoint not in caplog.text and "/push/down" not in caplog.text  # never the endpoint
    assert "reflection" not in caplog.text  # never the payload


def test_an_unreachable_service_is_logged_without_its_address(app, make_user, caplog):
    from tests.live_server import free_port

    user = make_user()
    browser = Browser(f"http://127.0.0.1:{free_port()}/push/nobody-listens")
    subscribe(app, user.id, browser)
    with caplog.at_level(logging.INFO, logger="journal.push"):
        assert notify(app, user.id) == 0
    assert count(app) == 1
    assert "ConnectionError" in caplog.text and "nobody-listens" not in caplog.text


def test_a_redirect_is_not_followed(app, make_user, push_service):
    """A push service answers; it never sends the server on to another address."""
    user = make_user()
    browser = push_service.browser("moved")
    subscribe(app, user.id, browser)
    push_service.answer(browser, 307)
    assert notify(app, user.id) == 0
    assert push_service.paths == ["/push/moved"]  # not "/elsewhere" too


def test_nothing_is_sent_when_push_is_off_or_the_account_disabled(app, make_user, push_service):
    user = make_user()
    browser = push_service.browser("b")
    subscribe(app, user.id, browser)
    app.config["PUSH_ENABLED"] = False
    assert notify(app, user.id) == 0
    app.config["PUSH_ENABLED"] = True
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert notify(app, user.id) == 0
    assert push_service.received == []


def test_an_unexpected_failure_never_reaches_the_caller(app, make_user, push_service, monkeypatch, caplog):
    user = make_user()
    subscribe(app, user.id, push_service.browser("b"))

    def broken():
        raise OSError("the key file is unreadable")

    monkeypatch.setattr(keys, "signer", broken)
    assert notify(app, user.id) == 0
    assert "push notices for user=" in caplog.text


def test_a_browser_subscribed_again_is_updated_not_doubled(app, make_user, push_service):
    user = make_user()
    browser = push_service.browser("b")
    subscribe(app, user.id, browser)
    browser.auth = b"\x01" * 16  # the browser renewed its keys
    subscribe(app, user.id, browser)
    assert count(app) == 1
    assert notify(app, user.id) == 1  # decrypts with the new secret


def test_a_browser_subscribed_by_another_account_moves_to_it(app, make_user, push_service):
    first, second = make_user(), make_user()
    browser = push_service.browser("shared")
    subscribe(app, first.id, browser)
    subscribe(app, second.id, browser)
    with app.app_context():
        assert db.session.scalars(select(PushSubscription.user_id)).all() == [second.id]
    assert notify(app, first.id) == 0
    assert notify(app, second.id) == 1


def test_deleting_the_account_deletes_its_subscriptions(app, make_user, push_service):
    user = make_user()
    subscribe(app, user.id, push_service.browser("b"))
    with app.app_context():
        db.session.delete(db.session.get(User, user.id))
        db.session.commit()
    assert count(app) == 0


def test_the_local_push_service_refuses_what_is_not_signed_or_encrypted_right(app, make_user):
    """Guard the guard: a message signed with another key, or for other keys, is caught."""
    with PushService() as service:
        user = make_user()
        browser = service.browser("b")
        subscribe(app, user.id, browser)
        browser.auth = b"\x02" * 16  # the "browser" now holds a secret the sender never saw
        assert notify(app, user.id) == 0
    assert len(service.errors) == 1 and "InvalidTag" in service.errors[0]
