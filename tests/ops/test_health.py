"""Liveness answers while the process serves, whatever is down; readiness names the part that is down, and only
its name."""

from __future__ import annotations

import os

import pytest
from flask_limiter import ApplicationLimit

from journal.extensions import limiter
from tests.conftest import dispose, make_app
from tests.live_server import free_port

UNREACHABLE_DATABASE = "postgresql+psycopg://journal@127.0.0.1:{port}/journal"
REDIS_URL = os.environ.get("JOURNAL_TEST_REDIS_URL")


def probe(client, path: str):
    response = client.get(path)
    assert response.headers["Cache-Control"] == "no-store"
    return response


@pytest.fixture
def no_database(tmp_path):
    """An app whose database is a closed port: every connection is refused."""
    port = free_port()
    app = make_app(UNREACHABLE_DATABASE.format(port=port), tmp_path)
    yield app, port
    dispose(app)


def test_both_answer_ok_when_everything_answers(app, client, journal, make_user):
    journal.entry(make_user().id)  # a data key, wrapped by the master key
    assert probe(client, "/healthz").json == {"status": "ok"}
    response = probe(client, "/readyz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_without_a_database_the_process_is_alive_but_not_ready(no_database):
    app, port = no_database
    client = app.test_client()
    alive = probe(client, "/healthz")
    assert alive.status_code == 200 and alive.json == {"status": "ok"}
    ready = probe(client, "/readyz")
    assert ready.status_code == 503
    assert ready.json == {"status": "unavailable", "failing": ["database"]}
    body = ready.get_data(as_text=True)
    assert str(port) not in body and "127.0.0.1" not in body and "journal@" not in body  # no connection string


def test_readiness_follows_a_database_that_goes_away_and_comes_back(proxied_postgres):
    app, proxy = proxied_postgres
    client = app.test_client()
    assert probe(client, "/readyz").status_code == 200
    proxy.cut()
    ready = probe(client, "/readyz")
    assert ready.status_code == 503 and ready.json["failing"] == ["database"]
    assert probe(client, "/healthz").status_code == 200
    proxy.restore()
    assert probe(client, "/readyz").json == {"status": "ok"}


def test_an_unreachable_redis_is_named(database_url, tmp_path):
    app = make_app(database_url, tmp_path, RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{free_port()}/15")
    ready = probe(app.test_client(), "/readyz")
    dispose(app)
    assert ready.status_code == 503
    assert ready.json == {"status": "unavailable", "failing": ["redis"]}


def test_a_reachable_redis_is_ready(database_url, tmp_path):
    if not REDIS_URL:
        pytest.skip("set JOURNAL_TEST_REDIS_URL=redis://127.0.0.1:6379/15 to check a real Redis")
    app = make_app(database_url, tmp_path, RATELIMIT_STORAGE_URI=REDIS_URL, RATELIMIT_KEY_PREFIX="journal-test-ready")
    ready = probe(app.test_client(), "/readyz")
    dispose(app)
    assert ready.status_code == 200


def test_a_master_key_that_does_not_open_the_data_keys_is_named(app, journal, make_user, database_url, tmp_path):
    journal.entry(make_user().id)
    # Another instance folder: another generated master key, with the same id as the one that wrapped the data key.
    stranger = make_app(database_url, tmp_path / "another-instance")
    ready = probe(stranger.test_client(), "/readyz")
    dispose(stranger)
    assert ready.status_code == 503
    assert ready.json == {"status": "unavailable", "failing": ["keys"]}


def test_probes_count_against_no_rate_limit(app, client, monkeypatch):
    # An application-wide limit (none is configured today) would count every other request.
    monkeypatch.setattr(limiter.limit_manager, "_application_limits", [ApplicationLimit("2 per hour").bind(limiter)])
    assert [client.get("/login").status_code for _ in range(3)] == [200, 200, 429]
    for _ in range(3):
        assert client.get("/healthz").status_code == 200
        assert client.get("/readyz").status_code == 200
