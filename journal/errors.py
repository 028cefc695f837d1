"""Error pages in the app's own layout, never with a stack trace.

This module imports no feature. The editor's "never lose writing" hook is
handed in by ``create_app`` (``rescue``), so that a form posted with an
expired token can be shown again with its text.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from journal.extensions import db
from journal.http import wants_json

MESSAGES = {
    400: ("Something in that request didn't make sense", "Please go back and try again."),
    403: ("This page isn't available to you", "Your account doesn't have access to it."),
    404: ("We couldn't find that page", "It may have moved, or the link may be mistyped."),
    405: ("That didn't work", "This page can't be used that way. Please go back and try again."),
    413: ("That was more than we can take at once", "Please shorten the text and try again. Nothing was saved."),
    429: ("Let's slow down for a moment", "There were too many attempts. Please wait a little and try again."),
    500: ("Something went wrong on our side",
          "Nothing you wrote was saved by this attempt. Please try again in a moment."),
}
PLAIN_500 = "Something went wrong on our side. Please try again in a moment."

# Given the status it would answer, returns a page that keeps a posted text, or None.
Rescue = Callable[[int], object]


def render_error(code: int, title: str | None = None, message: str | None = None,
                 headers: dict[str, str] | None = None):
    """Render the error page, or a small JSON body for scripts."""
    default_title, default_message = MESSAGES.get(code, MESSAGES[500])
    title, message = title or default_title, message or default_message
    if wants_json():
        return {"error": title, "message": message}, code, headers or {}
    return render_template("errors/error.html", code=code, title=title, message=message), code, headers or {}


def register_errorhandlers(app: Flask, *, rescue: Rescue = lambda status: None) -> None:
    """Send every HTTP error, CSRF failures and crashes to the error page."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        rescued = rescue(400)
        if rescued is not None:
            return rescued
        if wants_json():
            return {"error": "csrf", "message": "The page's security token expired. Retrying with a new one."}, 400
        return render_error(
            400,
            "This form had expired",
            "For your safety, forms stop working after you log out or your session ends. "
            "Please go back, reload the page and try again.",
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        headers = {"Retry-After": str(error.retry_after)} if getattr(error, "retry_after", None) else None
        return render_error(error.code, headers=headers)

    @app.errorhandler(InternalServerError)
    def internal_error(error: InternalServerError):
        # Undo anything the failed request half-did before the page is drawn.
        db.session.rollback()
        try:
            return render_error(500)
        except Exception:  # the layout itself failed (e.g. no database): plain text
            return PLAIN_500, 500, {"Content-Type": "text/plain; charset=utf-8"}
