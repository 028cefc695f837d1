"""Every response carries a request id: the proxy's when it is a short safe token, a new one otherwise."""

from __future__ import annotations

import re

import pytest
from flask import g

from journal.ops.request_id import request_id

NEW_ID = re.compile(r"[0-9a-f]{32}")  # uuid4().hex


def test_a_safe_incoming_id_is_kept(client):
    response = client.get("/login", headers={"X-Request-ID": "edge-7f3a.b_2-x"})
    assert response.headers["X-Request-ID"] == "edge-7f3a.b_2-x"


@pytest.mark.parametrize(
    "given",
    [
        "",
        "x" * 65,
        "has space",
        "writer.private@example.org",  # never an address copied into every log line
        "../../etc/passwd",
        "id;drop",
        "ünïcode",
    ],
)
def test_an_unsafe_or_missing_id_is_replaced_by_a_new_one(client, given):
    response = client.get("/login", headers={"X-Request-ID": given})
    assert NEW_ID.fullmatch(response.headers["X-Request-ID"])


def test_each_request_gets_its_own_id(client):
    ids = {client.get("/login").headers["X-Request-ID"] for _ in range(3)}
    assert len(ids) == 3 and all(NEW_ID.fullmatch(value) for value in ids)


@pytest.mark.parametrize("path", ["/login", "/no-such-page", "/healthz", "/static/css/journal.css"])
def test_every_kind_of_response_carries_it(client, path):
    with client.get(path) as response:
        assert NEW_ID.fullmatch(response.headers["X-Request-ID"])


def test_the_id_is_on_g_during_the_request(app):
    with app.test_request_context("/", headers={"X-Request-ID": "abc-123"}):
        assert request_id() == "abc-123" and g.request_id == "abc-123"


def test_a_crash_still_answers_with_the_id(app, client):
    @app.get("/crash-for-test")
    def crash():
        raise RuntimeError("boom")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get("/crash-for-test", headers={"X-Request-ID": "crash-1"})
    assert response.status_code == 500 and response.headers["X-Request-ID"] == "crash-1"
