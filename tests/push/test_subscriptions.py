"""Which subscriptions are kept: https to a known push service, keys a browser could have made; the server
never posts to an address of someone's choosing."""

from __future__ import annotations

import pytest

from journal.push.subscriptions import InvalidSubscription, parse_subscription
from tests.push.push_service import Browser

FCM = "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b"


def parse(app, subscription, **config):
    app.config.update(config)
    with app.test_request_context():
        return parse_subscription(subscription)


@pytest.mark.parametrize(
    "endpoint",
    [
        FCM,
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
        "https://web.push.apple.com/QGuQyavXutnMH",
        "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
    ],
)
def test_the_known_push_services_are_accepted(app, endpoint):
    info = parse(app, Browser(endpoint).subscription())
    assert info.endpoint == endpoint and len(info.p256dh) == 87 and len(info.auth) == 22


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://fcm.googleapis.com/fcm/send/x",  # not https
        "ftp://fcm.googleapis.com/x",
        "javascript:alert(1)",
        "https://evil.example/fcm.googleapis.com",
        "https://fcm.googleapis.com.evil.example/x",
        "https://notfcm.googleapis.com/x",
        "https://169.254.169.254/latest/meta-data",  # a cloud's metadata service
        "https://10.0.0.5/internal",
        "https://user:pass@fcm.googleapis.com/x",
        "https://fcm.googleapis.com:notaport/x",
        "https://fcm.googleapis.com/x#fragment",
        "https://fcm.googleapis.com/x y",
        "",
        "https://fcm.googleapis.com/" + "x" * 2048,
    ],
)
def test_any_other_address_is_refused(app, endpoint):
    with pytest.raises(InvalidSubscription):
        parse(app, Browser(endpoint).subscription())


def test_this_machine_is_accepted_only_where_the_setting_allows_it(app):
    local = Browser("http://127.0.0.1:8999/push/x").subscription()
    assert parse(app, local).endpoint == local["endpoint"]  # testing: PUSH_ALLOW_LOCAL_HTTP
    assert parse(app, Browser("http://localhost:8999/x").subscription())
    with pytest.raises(InvalidSubscription):
        parse(app, local, PUSH_ALLOW_LOCAL_HTTP=False)
    with pytest.raises(InvalidSubscription):
        parse(app, Browser("https://localhost/x").subscription(), PUSH_ALLOW_LOCAL_HTTP=False)


def test_the_list_of_services_is_a_setting(app):
    mine = Browser("https://push.example.org/s/1").subscription()
    with pytest.raises(InvalidSubscription):
        parse(app, mine)
    assert parse(app, mine, PUSH_SERVICE_HOSTS=["push.example.org"])


def test_the_production_default_refuses_local_addresses():
    from journal.config import Config, TestingConfig

    assert Config.PUSH_ALLOW_LOCAL_HTTP is False and TestingConfig.PUSH_ALLOW_LOCAL_HTTP is True


def _with_keys(**keys) -> dict:
    subscription = Browser(FCM).subscription()
    subscription["keys"].update(keys)
    return subscription


@pytest.mark.parametrize(
    "subscription",
    [
        None,
        [],
        "https://fcm.googleapis.com/x",
        {"endpoint": FCM},
        {"endpoint": FCM, "keys": "p256dh"},
        _with_keys(p256dh="BAAA"),  # too short
        _with_keys(p256dh="B" + "A" * 86),  # 65 bytes, not a point on the curve
        _with_keys(p256dh="not base64!"),
        _with_keys(p256dh=None),
        _with_keys(auth="AAAA"),  # 3 bytes
        _with_keys(auth="A" * 30),
        _with_keys(auth=12),
    ],
    ids=lambda value: repr(value)[:40],
)
def test_keys_a_browser_could_not_have_made_are_refused(app, subscription):
    with pytest.raises(InvalidSubscription):
        parse(app, subscription)


def test_padded_keys_are_taken_and_kept_unpadded(app):
    subscription = Browser(FCM).subscription()
    subscription["keys"] = {name: value + "=" * (-len(value) % 4) for name, value in subscription["keys"].items()}
    info = parse(app, subscription)
    assert "=" not in info.p256dh + info.auth
