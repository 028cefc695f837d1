"""Who is logged in: loading the user from the session cookie."""

from __future__ import annotations

import secrets

from flask import Flask, flash, g, redirect, request, url_for
from sqlalchemy import select

from journal.auth.logins import current_login
from journal.entries.rescue import rescue_response
from journal.errors import wants_json
from journal.extensions import db, login_manager
from journal.models import User


def init_login(app: Flask) -> None:
    """Configure Flask-Login: no remember-me cookie, friendly redirects, JSON 401s."""
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please log in to continue."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Return the user only if the cookie's login generation is still current."""
    raw_id, _, token = user_id.partition(":")
    if not raw_id.isdigit() or not token:
        return None
    user = db.session.scalar(select(User).where(User.id == int(raw_id)))
    if user is None or not user.active or not secrets.compare_digest(user.session_token, token):
        return None
    row = current_login(user)  # ended, idle too long or too old: no longer logged in
    if row is None:
        return None
    g.login_session = row
    return user


@login_manager.unauthorized_handler
def unauthorized():
    """Scripts get a 401 they can act on; people are sent to the login page."""
    if wants_json():
        return {"error": "login_required", "message": "Your session has ended. Please log in again."}, 401
    rescued = rescue_response(401)
    if rescued is not None:
        return rescued
    flash(login_manager.login_message, login_manager.login_message_category)
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
