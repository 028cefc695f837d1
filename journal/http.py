"""Small helpers about the request and response, shared by every area of the app."""

from __future__ import annotations

from flask import request


def wants_json() -> bool:
    """Tell whether the client asked for JSON (the autosave script and the re-login dialog do)."""
    return request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"
