"""X-Forwarded-For, -Proto and -Host count only for the configured number of proxy hops (TRUSTED_PROXIES)."""

from flask import request

from tests.conftest import dispose, make_app

FORGED = "198.51.100.66"


def seen_by_app(app) -> list[tuple[str, str, str]]:
    """Record the address, scheme and host each request is seen with (what rate limits and the audit read)."""
    seen: list[tuple[str, str, str]] = []
    app.before_request(lambda: seen.append((request.remote_addr, request.scheme, request.host)))
    return seen


def failed_login(client, forwarded_for: str):
    headers = {"X-Forwarded-For": forwarded_for}
    return client.post_form("/login", {"email": "nobody@example.org", "password": "x" * 12}, headers=headers)


def test_with_no_trusted_proxy_forwarded_headers_change_nothing(database_url, tmp_path):
    app = make_app(database_url, tmp_path, RATELIMIT_LOGIN_PER_IP="2 per 15 minutes")
    seen = seen_by_app(app)
    client = app.test_client()
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"}
    client.get("/help", headers={"X-Forwarded-For": FORGED, **forwarded})
    assert seen[-1] == ("127.0.0.1", "http", "localhost")
    # A new forged address on every attempt still counts against the one real address.
    statuses = [failed_login(client, f"203.0.113.{n}").status_code for n in range(3)]
    dispose(app)
    assert statuses[-1] == 429, statuses


def test_with_one_trusted_proxy_its_own_hop_is_used_and_a_prepended_one_ignored(database_url, tmp_path):
    app = make_app(database_url, tmp_path, RATELIMIT_LOGIN_PER_IP="2 per 15 minutes", TRUSTED_PROXIES=1)
    seen = seen_by_app(app)
    client = app.test_client()
    # The client sent its own X-Forwarded-For; the proxy appended the address it saw.
    client.get(
        "/help",
        headers={
            "X-Forwarded-For": f"{FORGED}, 203.0.113.5",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-Host": "journal.example.org",
        },
    )
    assert seen[-1] == ("203.0.113.5", "https", "journal.example.org")
    # Forging the first value on every attempt does not escape the limit on the proxy's value...
    statuses = [failed_login(client, f"198.51.100.{n}, 203.0.113.5").status_code for n in range(3)]
    # ...and another real client behind the same proxy is counted on its own.
    other = failed_login(client, f"{FORGED}, 203.0.113.6").status_code
    dispose(app)
    assert statuses[-1] == 429, statuses
    assert other != 429
