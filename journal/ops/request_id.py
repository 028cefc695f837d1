"""The request id: one per request, on ``g``, in each log line of the request and on every response.

A proxy's ``X-Request-ID`` is kept when it is a short safe token, so one id follows a request through the proxy's
logs and ours; anything else (too long, spaces, an address) is replaced by a new id, never copied into a log.
"""

from __future__ import annotations

import re
import uuid

from flask import Flask, g, has_request_context, request

HEADER = "X-Request-ID"
SAFE = re.compile(r"[A-Za-z0-9._-]{1,64}")


def request_id() -> str | None:
    """This request's id, chosen on first use; None outside a request."""
    if not has_request_context():
        return None
    if "request_id" not in g:
        given = request.headers.get(HEADER, "")
        g.request_id = given if SAFE.fullmatch(given) else uuid.uuid4().hex
    return g.request_id


def carry_request_id(request_id: str | None) -> None:
    """Give work done for a request after its answer has gone (an email sent on close) that request's id."""
    if request_id is not None:
        g.request_id = request_id


def init_request_id(app: Flask) -> None:
    """Return the id on every response: pages, errors and files alike."""

    @app.after_request
    def send_request_id(response):
        response.headers[HEADER] = request_id()
        return response
