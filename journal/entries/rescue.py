"""Never lose writing to an ended session or an expired form.

When an editor form is posted after the login session ended, or with a CSRF
token that no longer matches, the text is shown again instead of being
dropped. A logged-out writer logs in on that same page and the text is kept
as a draft.
"""

from __future__ import annotations

import uuid

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from journal.auth.services import authenticate
from journal.auth.logins import start_session
from journal.auth.urls import is_safe_next
from journal.auth.views import LOGIN_FAILED
from journal.entries.editor import keep_editor_text, posted_editor
from journal.entries.forms import parse_uuid
from journal.models import Role
from journal.prompts import library
from journal.ratelimits import login_per_account, login_per_ip

RESCUABLE_ENDPOINTS = frozenset({"entries.new", "entries.edit", "rescue.rescue_login"})
NOT_TEXT = frozenset({"csrf_token", "email", "password", "resolution", "action"})

bp = Blueprint("rescue", __name__)


def _kept_fields() -> list[tuple[str, str]]:
    return [(name, value) for name, value in request.form.items(multi=True) if name not in NOT_TEXT]


def rescue_response(status: int):
    """Show an editor post again with its text, or None when this is not an editor post.

    A logged-in writer (the form's token had expired) gets the editor itself
    back, filled in, with a fresh token; a logged-out one gets the text and a
    log-in form that keeps it.
    """
    if request.method != "POST" or request.endpoint not in RESCUABLE_ENDPOINTS:
        return None
    if current_user.is_authenticated and request.endpoint != "rescue.rescue_login":
        editor = posted_editor(current_user.id, (request.view_args or {}).get("entry_id"))
        if not editor.entry_gone:
            return render_template("entries/editor.html", editor=editor, form=editor.form, library=library(),
                                   expired=True), status
    status = status if current_user.is_authenticated else 401
    return render_template("entries/rescue.html", fields=_kept_fields(), action=_action(), error=None), status


def _action() -> str:
    """Where the kept text goes back to: the editor it came from, never another site."""
    action = request.form.get("action") if request.endpoint == "rescue.rescue_login" else request.full_path
    return action if is_safe_next(action) else url_for("entries.new")


@bp.post("/rescue")
@login_per_ip
@login_per_account
def rescue_login():
    """Log in from the rescue page and keep the posted text as a draft."""
    user = authenticate(request.form.get("email", ""), request.form.get("password", ""))
    if user is None:
        g.attempt_failed = True
        return render_template("entries/rescue.html", fields=_kept_fields(), action=_action(), error=LOGIN_FAILED), 401
    start_session(user)
    if user.role != Role.PATIENT:
        abort(404)
    draft_id = _keep_as_draft(user.id)
    flash("Welcome back. Your writing was kept as a draft: check it and press Save.", "success")
    return redirect(url_for("drafts.resume", draft_id=draft_id))


def _keep_as_draft(owner_id: int) -> uuid.UUID:
    entry_id = parse_uuid(request.form.get("entry_id"))
    return keep_editor_text(posted_editor(owner_id, entry_id))
