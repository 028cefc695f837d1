"""A real push service for the suite: an HTTP server on a free local port that does what Mozilla's, Google's
and Apple's do with a message, and remembers what it could read.

For each post it checks the VAPID ``Authorization: vapid t=…, k=…`` header (RFC 8292: an ES256 JWT signed by
the key in ``k``, ``aud`` the endpoint's origin, ``exp`` in the future and at most 24 hours away, a ``sub``)
and decrypts the body as a browser would (RFC 8291 ``aes128gcm``, with the subscription's private key and
auth secret, which only the "browser" made here knows). What it decrypted is kept in ``received``; anything
wrong is kept in ``errors`` and answered 400. Each path answers 201 unless ``answers`` says otherwise
(404 and 410: the subscription is gone; 500: the service is down; a 3xx sends the sender on to
``/elsewhere``).
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Browser:
    """One browser's subscription: its key pair and auth secret, as ``pushManager.subscribe`` makes them."""

    endpoint: str
    private_key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    def subscription(self) -> dict:
        """What ``PushSubscription.toJSON()`` gives the page script."""
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": self.endpoint,
            "expirationTime": None,
            "keys": {"p256dh": b64url(point), "auth": b64url(self.auth)},
        }


@dataclass
class Received:
    path: str
    headers: dict[str, str]  # names in lower case
    claims: dict
    signer: str  # the VAPID public key (``k``) the message was signed with
    body: bytes  # the encrypted body, as it travelled
    plaintext: str

    @property
    def payload(self) -> dict:
        return json.loads(self.plaintext)


def verify_vapid(header: str, endpoint: str) -> tuple[dict, str]:
    """The JWT's claims and the signing key, or AssertionError saying what is wrong (RFC 8292)."""
    scheme, _, params = header.partition(" ")
    assert scheme.lower() == "vapid", f"not a vapid Authorization: {scheme!r}"
    parts = dict(part.strip().split("=", 1) for part in params.split(","))
    token, signer = parts["t"], parts["k"]
    head, claims_part, signature = token.split(".")
    assert json.loads(unb64url(head)) == {"typ": "JWT", "alg": "ES256"}
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(signer))
    raw = unb64url(signature)
    assert len(raw) == 64, "an ES256 signature is r and s, 32 bytes each"
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        key.verify(der, f"{head}.{claims_part}".encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise AssertionError("the VAPID signature does not verify") from None
    claims = json.loads(unb64url(claims_part))
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(endpoint))
    assert claims["aud"] == origin, f"aud {claims['aud']!r} is not the endpoint's origin {origin!r}"
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600 + 60, "exp not within the next 24 hours"
    assert claims["sub"].startswith(("mailto:", "https://")), f"sub {claims['sub']!r}"
    return claims, signer


class PushService:
    """Start with ``with PushService() as service``; ``service.browser("name")`` makes a subscription."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.errors: list[str] = []
        self.answers: dict[str, int] = {}  # path -> status
        self.browsers: dict[str, Browser] = {}
        self.paths: list[str] = []  # every path posted to, in order
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> PushService:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def browser(self, name: str) -> Browser:
        browser = Browser(f"{self.origin}/push/{name}")
        self.browsers[urlsplit(browser.endpoint).path] = browser
        return browser

    def answer(self, browser: Browser, status: int) -> None:
        self.answers[urlsplit(browser.endpoint).path] = status

    def to(self, browser: Browser) -> list[Received]:
        path = urlsplit(browser.endpoint).path
        return [message for message in self.received if message.path == path]

    def _handler(self):
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                service.paths.append(self.path)
                status = service._take(self.path, {name.lower(): value for name, value in self.headers.items()}, body)
                self.send_response(status)
                if 300 <= status < 400:  # sends the sender on, to a path of its own
                    self.send_header("Location", f"{service.origin}/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format, *args) -> None:  # quiet
                pass

        return Handler

    def _take(self, path: str, headers: dict[str, str], body: bytes) -> int:
        browser = self.browsers.get(path)
        try:
            assert browser is not None, f"no subscription at {path}"
            assert headers.get("content-encoding") == "aes128gcm", headers.get("content-encoding")
            assert int(headers["ttl"]) > 0, "no TTL"
            claims, signer = verify_vapid(headers["authorization"], browser.endpoint)
            plaintext = http_ece.decrypt(
                body, private_key=browser.private_key, auth_secret=browser.auth, version="aes128gcm"
            ).decode("utf-8")
        except Exception as error:  # noqa: BLE001 (any failure is the sender's, and the test's to see)
            with self._lock:
                self.errors.append(f"{path}: {type(error).__name__}: {error}")
            return 400
        status = self.answers.get(path, 201)
        if status < 300:
            with self._lock:
                self.received.append(Received(path, headers, claims, signer, body, plaintext))
        return status
