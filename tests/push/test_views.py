"""The page script's calls: the key, keeping and forgetting a browser; logged in, with the CSRF header, JSON
refusals that say what is wrong, and someone else's subscription never there (404)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from journal.audit import Event
from journal.extensions import db
from journal.models import AuditEvent, PushSubscription, Role
from tests.conftest import login_client
from tests.push.push_service import Browser

JSON = {"Accept": "application/json"}


def post(client, url: str, body=None, *, token: bool = True, **kwargs):
    headers = {**JSON, **({"X-CSRFToken": client.csrf_token()} if token else {})}
    return client.post(url, json=body, headers=headers, **kwargs)


def endpoints(app, user_id: int | None = None) -> list[str]:
    with app.app_context():
        query = select(PushSubscription.endpoint).order_by(PushSubscription.id)
        if user_id is not None:
            query = query.where(PushSubscription.user_id == user_id)
        return list(db.session.scalars(query))


@pytest.fixture
def browser(push_service) -> Browser:
    return push_service.browser("this-one")


@pytest.mark.parametrize("role", [Role.PATIENT, Role.THERAPIST])
def test_patients_and_therapists_turn_notifications_on_and_off(app, make_user, browser, role):
    user = make_user(role, email="u@example.org")
    client = login_client(app, "u@example.org")
    key = client.get("/push/key", headers=JSON)
    assert key.status_code == 200 and len(key.json["key"]) == 87
    assert key.headers["Cache-Control"] == "no-store"

    created = post(client, "/push/subscriptions", browser.subscription())
    assert (created.status_code, created.json) == (201, {"subscribed": True})
    assert post(client, "/push/subscriptions", browser.subscription()).status_code == 200  # known: kept once
    assert endpoints(app, user.id) == [browser.endpoint]

    removed = post(client, "/push/subscriptions/delete", {"endpoint": browser.endpoint})
    assert (removed.status_code, removed.json) == (200, {"subscribed": False})
    assert endpoints(app) == []


def test_admins_have_nothing_to_be_notified_of(app, make_user, browser):
    make_user(Role.ADMIN, email="a@example.org")
    client = login_client(app, "a@example.org")
    assert client.get("/push/key", headers=JSON).status_code == 404
    assert post(client, "/push/subscriptions", browser.subscription()).status_code == 404
    assert endpoints(app) == []


def test_a_login_is_needed(app, client, browser):
    assert client.get("/push/key", headers=JSON).status_code == 401
    refused = post(client, "/push/subscriptions", browser.subscription())
    assert refused.status_code == 401 and refused.json["error"] == "login_required"
    assert client.get("/push/key").status_code == 302  # a person, not a script: the login page
    assert endpoints(app) == []


@pytest.mark.parametrize("url", ["/push/subscriptions", "/push/subscriptions/delete"])
def test_a_post_without_the_csrf_header_is_refused(app, make_user, browser, url):
    user = make_user(email="u@example.org")
    client = login_client(app, "u@example.org")
    if url.endswith("delete"):
        assert post(client, "/push/subscriptions", browser.subscription()).status_code == 201
    refused = post(client, url, {**browser.subscription()}, token=False)
    assert refused.status_code == 400 and refused.json["error"] == "csrf"
    assert endpoints(app, user.id) == ([browser.endpoint] if url.endswith("delete") else [])


def test_another_persons_subscription_cannot_be_deleted(app, make_user, browser):
    make_user(email="owner@example.org")
    make_user(email="other@example.org")
    owner = login_client(app, "owner@example.org")
    assert post(owner, "/push/subscriptions", browser.subscription()).status_code == 201
    other = login_client(app, "other@example.org")

    refused = post(other, "/push/subscriptions/delete", {"endpoint": browser.endpoint})

    assert refused.status_code == 404
    assert endpoints(app) == [browser.endpoint]
    with app.app_context():  # the refusal is audited like every "not yours"
        assert (
            db.session.scalar(select(AuditEvent.detail).where(AuditEvent.event == Event.ACCESS_DENIED.value))
            == "POST push.unsubscribe"
        )
    assert post(other, "/push/subscriptions/delete", {"endpoint": browser.endpoint + "x"}).status_code == 404


def test_subscribing_a_browser_another_account_had_moves_it(app, make_user, browser):
    first = make_user(email="first@example.org")
    second = make_user(email="second@example.org")
    assert (
        post(login_client(app, "first@example.org"), "/push/subscriptions", browser.subscription()).status_code == 201
    )
    moved = post(login_client(app, "second@example.org"), "/push/subscriptions", browser.subscription())
    assert moved.status_code == 201  # new to this account
    assert endpoints(app, first.id) == [] and endpoints(app, second.id) == [browser.endpoint]


@pytest.mark.parametrize(
    "body, says",
    [
        ("not json at all", "Expected a push subscription"),
        ([1, 2], "Expected a push subscription"),
        ({"endpoint": "https://fcm.googleapis.com/x"}, "no keys"),
        ({"endpoint": "https://evil.example/x", "keys": {"p256dh": "x", "auth": "y"}}, "not one this site"),
    ],
)
def test_malformed_input_is_a_400_that_says_what_is_wrong(app, make_user, body, says):
    make_user(email="u@example.org")
    client = login_client(app, "u@example.org")
    if isinstance(body, str):
        response = client.post(
            "/push/subscriptions",
            data=body,
            content_type="application/json",
            headers={**JSON, "X-CSRFToken": client.csrf_token()},
        )
    else:
        response = post(client, "/push/subscriptions", body)
    assert response.status_code == 400
    assert response.json["error"] == "invalid_subscription" and says in response.json["message"]
    assert endpoints(app) == []


def test_a_non_https_endpoint_is_refused(app, make_user):
    make_user(email="u@example.org")
    client = login_client(app, "u@example.org")
    response = post(client, "/push/subscriptions", Browser("http://fcm.googleapis.com/fcm/send/x").subscription())
    assert response.status_code == 400 and "not one this site sends to" in response.json["message"]
    assert endpoints(app) == []


@pytest.mark.parametrize("body", [None, {}, {"endpoint": 5}, {"endpoint": "ftp://x/y"}])
def test_forgetting_needs_an_endpoint(app, make_user, body):
    make_user(email="u@example.org")
    client = login_client(app, "u@example.org")
    response = post(client, "/push/subscriptions/delete", body)
    assert response.status_code == 400 and response.json["error"] == "invalid_subscription"


def test_the_posts_are_rate_limited(app, make_user, browser):
    app.config["RATELIMIT_PUSH"] = "2 per hour"
    make_user(email="u@example.org")
    client = login_client(app, "u@example.org")
    assert post(client, "/push/subscriptions", browser.subscription()).status_code == 201
    assert post(client, "/push/subscriptions/delete", {"endpoint": browser.endpoint}).status_code == 200
    assert post(client, "/push/subscriptions", browser.subscription()).status_code == 429


def test_push_switched_off_leaves_nothing_to_call(app, make_user, browser):
    app.config["PUSH_ENABLED"] = False
    make_user(email="u@example.org")
    client = login_client(app, "u@example.org")
    assert client.get("/push/key", headers=JSON).status_code == 404
    assert post(client, "/push/subscriptions", browser.subscription()).status_code == 404
    assert "Notifications on this device" not in client.get("/settings").get_data(as_text=True)


@pytest.mark.parametrize(
    "role, says",
    [(Role.PATIENT, "never anything you wrote"), (Role.THERAPIST, "never who it is about")],
)
def test_settings_offers_notifications_with_a_sentence_for_browsers_without_them(app, make_user, role, says):
    make_user(role, email="u@example.org")
    page = login_client(app, "u@example.org").get("/settings").get_data(as_text=True)
    assert 'id="notifications"' in page and says in page
    # Without JavaScript, or without PushManager, this sentence is what the page says.
    assert "This browser can't show notifications from this site, so they come by email only." in page
    assert 'class="js-push-controls" hidden' in page
    assert '<script src="/static/js/push.js" defer></script>' in page
    assert 'data-subscribe-url="/push/subscriptions"' in page


def test_settings_offers_admins_no_notifications(app, make_user):
    make_user(Role.ADMIN, email="a@example.org")
    page = login_client(app, "a@example.org").get("/settings").get_data(as_text=True)
    assert 'id="notifications"' not in page and "push.js" not in page
