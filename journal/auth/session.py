"""Who is logged in: loading the user from the session cookie.

This module imports no feature: the editor's "never lose writing" hook is
handed in by ``create_app`` (``rescue``).
"""

from __future__ import annotations

from flask import Flask, current_app, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from journal.auth.logins import current_login
from journal.errors import Rescue
from journal.extensions import login_manager
from journal.http import wants_json
from journal.models import User


def init_login(app: Flask, *, rescue: Rescue = lambda status: None) -> None:
    """Configure Flask-Login: no remember-me cookie, friendly redirects, JSON 401s."""
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to continue.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    app.extensions["journal.rescue"] = rescue


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Return the user only while the login row named by the cookie is live (not ended, not timed out)."""
    if not user_id.isdigit():
        return None
    found = current_login(int(user_id))  # deactivated, ended, idle too long or too old: no longer logged in
    if found is None:
        return None
    user, g.login_session = found
    return user


@login_manager.unauthorized_handler
def unauthorized():
    """Scripts get a 401 they can act on; an editor post keeps its text; people go to the login page."""
    if wants_json():
        return {"error": "login_required", "message": _("Your session has ended. Please log in again.")}, 401
    rescued = current_app.extensions["journal.rescue"](401)
    if rescued is not None:
        return rescued
    flash(str(login_manager.login_message), login_manager.login_message_category)  # a str: the session stores it
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
