"""Error pages in the app's own layout, never with a stack trace.

This module imports no feature. The editor's "never lose writing" hook is
handed in by ``create_app`` (``rescue``), so that a form posted with an
expired token can be shown again with its text.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, g, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, InternalServerError

from journal.extensions import db, login_manager
from journal.http import wants_json
from journal.ops.metrics import count_unavailable

# (title, message) of each status; lazy, so each is translated when shown (``str()`` them for JSON).
MESSAGES = {
    400: (_l("Something in that request didn't make sense"), _l("Please go back and try again.")),
    403: (_l("This page isn't available to you"), _l("Your account doesn't have access to it.")),
    404: (_l("We couldn't find that page"), _l("It may have moved, or the link may be mistyped.")),
    405: (_l("That didn't work"), _l("This page can't be used that way. Please go back and try again.")),
    413: (
        _l("That was more than we can take at once"),
        _l("Please shorten the text and try again. Nothing was saved."),
    ),
    429: (
        _l("Let's slow down for a moment"),
        _l("There were too many attempts. Please wait a little and try again."),
    ),
    500: (
        _l("Something went wrong on our side"),
        _l("Nothing you wrote was saved by this attempt. Please try again in a moment."),
    ),
    503: (
        _l("We can't reach your journal just now"),
        _l("This is on our side and usually passes within a minute. Please try again in a moment."),
    ),
}
# The database is unreachable, restarting or locked: the request changed nothing, so trying again is safe.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)
RETRY_AFTER_SECONDS = 5
# When the layout itself cannot be drawn: plain text, each a whole message of its own.
PLAIN_500 = _l("Something went wrong on our side. Please try again in a moment.")
PLAIN_503 = _l(
    "We can't reach your journal just now. This is on our side and usually passes within a minute. "
    "Please try again in a moment."
)

# Given the status it would answer, returns (page, status, headers) keeping a posted text, or None.
Rescue = Callable[[int], tuple | None]


def render_error(
    code: int, title: str | None = None, message: str | None = None, headers: dict[str, str] | None = None
):
    """Render the error page, or a small JSON body for scripts."""
    default_title, default_message = MESSAGES.get(code, MESSAGES[500])
    title, message = str(title or default_title), str(message or default_message)
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
            return {"error": "csrf", "message": _("The page's security token expired. Retrying with a new one.")}, 400
        return render_error(
            400,
            _("This form had expired"),
            _(
                "For your safety, forms stop working after you log out or your session ends. "
                "Please go back, reload the page and try again."
            ),
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        retry_after = getattr(error, "retry_after", None)
        headers = {"Retry-After": str(retry_after)} if retry_after else None
        # An error may bring its own (title, message) when the status's usual words would mislead.
        title, message = getattr(error, "page_text", (None, None))
        return render_error(error.code, title, message, headers=headers)

    def database_unavailable(error: Exception):
        # Drop the failed transaction (if the connection still answers), then draw the page
        # without touching the database: as nobody, so the layout loads no user.
        try:
            db.session.rollback()
        except Exception:  # the connection may be gone too; the page matters more
            pass
        g._login_user = login_manager.anonymous_user()
        app.logger.warning("database unavailable: %s", type(error).__name__)
        count_unavailable()
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        rescued = rescue(503)
        if rescued is not None:
            page, status, extra = rescued
            return page, status, {**extra, **headers}
        try:
            return render_error(503, headers=headers)
        except Exception:  # the layout itself failed: plain text
            return str(PLAIN_503), 503, {"Content-Type": "text/plain; charset=utf-8", **headers}

    for unavailable in DATABASE_UNAVAILABLE:
        app.register_error_handler(unavailable, database_unavailable)

    @app.errorhandler(InternalServerError)
    def internal_error(error: InternalServerError):
        # Undo anything the failed request half-did before the page is drawn.
        db.session.rollback()
        try:
            return render_error(500)
        except Exception:  # the layout itself failed (e.g. no database): plain text
            return str(PLAIN_500), 500, {"Content-Type": "text/plain; charset=utf-8"}
