"""What a browser's ``PushSubscription.toJSON()`` must look like before it is kept.

The server will later post to the endpoint a browser gave it, so the address is held to the push services
the app knows (``PUSH_SERVICE_HOSTS``), over https only: an endpoint can never make the server reach an
address inside its own network. ``PUSH_ALLOW_LOCAL_HTTP`` (on in testing) also lets a push service on
localhost or 127.0.0.1 in, over http, for the tests' own push service.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from flask import current_app
from flask_babel import lazy_gettext as _l

from journal.models.push import ENDPOINT_MAX_LENGTH

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
P256_POINT_BYTES = 65  # an uncompressed point: 0x04, then x and y
AUTH_BYTES = 16
_B64URL = re.compile(r"^[A-Za-z0-9_-]+={0,2}$")


class InvalidSubscription(ValueError):
    """The subscription cannot be used; ``message`` says why, in the asker's language."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = str(message)


@dataclass(frozen=True)
class SubscriptionInfo:
    """A checked subscription: an allowed endpoint and keys in unpadded URL-safe base64."""

    endpoint: str
    p256dh: str
    auth: str


def parse_subscription(data: object) -> SubscriptionInfo:
    """Check ``{"endpoint": …, "keys": {"p256dh": …, "auth": …}}``; raise InvalidSubscription."""
    if not isinstance(data, dict):
        raise InvalidSubscription(_l("Expected a push subscription: endpoint and keys."))
    keys = data.get("keys")
    if not isinstance(keys, dict):
        raise InvalidSubscription(_l("The subscription has no keys."))
    endpoint = parse_endpoint(data.get("endpoint"))
    p256dh = _decode(keys.get("p256dh"), P256_POINT_BYTES)
    auth = _decode(keys.get("auth"), AUTH_BYTES)
    if p256dh is None or not _on_curve(p256dh):
        raise InvalidSubscription(_l("The subscription's p256dh key is not a P-256 public key."))
    if auth is None:
        raise InvalidSubscription(_l("The subscription's auth secret is not 16 bytes."))
    return SubscriptionInfo(endpoint, _encode(p256dh), _encode(auth))


def parse_endpoint(value: object) -> str:
    """An endpoint this server may post to, or InvalidSubscription."""
    if not isinstance(value, str) or not value or len(value) > ENDPOINT_MAX_LENGTH:
        raise InvalidSubscription(_l("The subscription has no usable endpoint."))
    if any(ord(char) <= 0x20 or ord(char) == 0x7F for char in value):
        raise InvalidSubscription(_l("The subscription has no usable endpoint."))
    if not endpoint_allowed(value):
        raise InvalidSubscription(_l("This push service is not one this site sends to."))
    return value


def endpoint_allowed(url: str) -> bool:
    """https to a known push service; http or https to this machine only when ``PUSH_ALLOW_LOCAL_HTTP``."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if not host or parts.username is not None or parts.password is not None or parts.fragment:
        return False
    if host in LOCAL_HOSTS:
        return bool(current_app.config.get("PUSH_ALLOW_LOCAL_HTTP")) and parts.scheme in ("http", "https")
    if parts.scheme != "https":
        return False
    known = [str(name).lower().strip(".") for name in current_app.config.get("PUSH_SERVICE_HOSTS") or []]
    return any(host == name or host.endswith("." + name) for name in known if name)


def _decode(value: object, size: int) -> bytes | None:
    """URL-safe base64 (padded or not) of exactly ``size`` bytes, else None."""
    if not isinstance(value, str) or not _B64URL.match(value):
        return None
    try:
        raw = base64.urlsafe_b64decode(value.rstrip("=") + "=" * (-len(value.rstrip("=")) % 4))
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == size else None


def _on_curve(point: bytes) -> bool:
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError:
        return False
    return point[0] == 0x04  # uncompressed, as browsers send it and RFC 8291 needs


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
