"""Login sessions that really end: logout, all devices, idle and absolute timeouts, fresh logins.

A login session is a row in ``login_sessions``; the cookie carries only its
random id. Ending the row ends the login, wherever the cookie has been copied.
Sessions are started only by ``journal.auth.gate``, after every check.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import wraps

from flask import current_app, g, redirect, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select, update

from journal.clock import utcnow
from journal.extensions import db
from journal.models import LoginSession, User

SESSION_KEY = "sid"
TOUCH_EVERY = timedelta(seconds=60)  # write last_seen at most this often


def clear_cookie_session() -> None:
    """End the login the cookie names (if any), then forget every value of the cookie session.

    The CSRF token goes too, for the rest of this request as well. Logging in
    again, or as someone else, in the same browser leaves no earlier login alive
    for a copy of the old cookie.
    """
    row = db.session.get(LoginSession, session.get(SESSION_KEY) or "")
    if row is not None and row.ended_at is None:
        row.ended_at = utcnow()
        db.session.commit()
    session.clear()
    g.pop("csrf_token", None)  # Flask-WTF caches the old token for the rest of the request


def start_session(user: User) -> LoginSession:
    """Log a user in on a brand-new session: no pre-login value or CSRF token survives. Commits.

    Call it only from ``journal.auth.gate``, which checks password, limits and second factor first.
    """
    clear_cookie_session()
    now = utcnow()
    row = LoginSession(
        id=secrets.token_urlsafe(32), user_id=user.id, created_at=now, authenticated_at=now, last_seen_at=now
    )
    db.session.add(row)
    db.session.commit()
    session[SESSION_KEY] = row.id
    login_user(user)
    return row


def current_login(user_id: int) -> tuple[User, LoginSession] | None:
    """The active user and the live login row the cookie names, checked against both timeouts (one query), or None.

    A deactivated user's requests leave their login rows untouched.
    """
    found = db.session.execute(
        select(User, LoginSession)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(User.id == user_id, User.active, LoginSession.id == (session.get(SESSION_KEY) or ""))
    ).first()
    if found is None or found.LoginSession.ended_at is not None:
        return None
    user, row = found
    now, config = utcnow(), current_app.config
    if now - row.last_seen_at > timedelta(minutes=config["SESSION_IDLE_MINUTES"]) or now - row.created_at > timedelta(
        hours=config["SESSION_ABSOLUTE_HOURS"]
    ):
        row.ended_at = now
        db.session.commit()
        return None
    if now - row.last_seen_at > TOUCH_EVERY:
        row.last_seen_at = now
        db.session.commit()
    return user, row


def end_session() -> None:
    """Log out here: the row is ended, so a copy of the cookie is worthless. Commits."""
    logout_user()
    clear_cookie_session()


def end_all_sessions(user: User) -> None:
    """End every login of this user, on every device. Commits."""
    db.session.execute(
        update(LoginSession)
        .where(LoginSession.user_id == user.id, LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )
    db.session.commit()


def confirm_password_now() -> None:
    """Record that the password was just typed again on this login. Commits."""
    row = getattr(g, "login_session", None)
    if row is not None:
        row.authenticated_at = utcnow()
        db.session.commit()


def is_fresh() -> bool:
    """Whether the password was typed on this login within FRESH_LOGIN_MINUTES."""
    row = getattr(g, "login_session", None)
    limit = timedelta(minutes=current_app.config["FRESH_LOGIN_MINUTES"])
    return row is not None and utcnow() - row.authenticated_at <= limit


def fresh_login_required(back: str, **back_values):
    """Ask for the password again before a sensitive action if it was typed too long ago.

    A GET comes back to itself afterwards; a POST comes back to the page ``back``
    (an endpoint, built with ``back_values``) where the form is, to be sent again.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if current_user.is_authenticated and not is_fresh():
                target = request.full_path.rstrip("?") if request.method == "GET" else url_for(back, **back_values)
                return redirect(url_for("auth.reauthenticate", next=target))
            return view(*args, **kwargs)

        return wrapper

    return decorator
