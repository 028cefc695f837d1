"""Never lose writing to an ended session or an expired form.

When an editor form is posted after the login session ended, or with a CSRF
token that no longer matches, the text is shown again instead of being
dropped. A logged-out writer logs in on that same page and the text is kept
as a draft.
"""

from __future__ import annotations

import uuid

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from journal.auth.services import authenticate
from journal.auth.views import LOGIN_FAILED, start_session
from journal.entries.drafts import DraftTaken, save_draft
from journal.entries.editor import edit_entry_editor, new_entry_editor
from journal.entries.forms import parse_uuid
from journal.models import Role

RESCUABLE_ENDPOINTS = frozenset({"entries.new", "entries.edit"})
NOT_TEXT = frozenset({"csrf_token", "email", "password", "resolution"})

bp = Blueprint("rescue", __name__)


def _kept_fields() -> list[tuple[str, str]]:
    return [(name, value) for name, value in request.form.items(multi=True) if name not in NOT_TEXT]


def rescue_response(status: int):
    """Show an editor post again with its text, or None when this is not an editor post."""
    if request.method != "POST" or request.endpoint not in RESCUABLE_ENDPOINTS:
        return None
    status = status if current_user.is_authenticated else 401
    return render_template(
        "entries/rescue.html", fields=_kept_fields(), action=request.full_path, error=None
    ), status


@bp.post("/rescue")
def rescue_login():
    """Log in from the rescue page and keep the posted text as a draft."""
    user = authenticate(request.form.get("email", ""), request.form.get("password", ""))
    if user is None:
        return render_template(
            "entries/rescue.html", fields=_kept_fields(), action=request.form.get("action", "/"), error=LOGIN_FAILED
        ), 401
    start_session(user)
    if user.role != Role.PATIENT:
        abort(404)
    draft_id = _keep_as_draft(user.id)
    flash("Welcome back. Your writing was kept as a draft: check it and press Save.", "success")
    return redirect(url_for("drafts.resume", draft_id=draft_id))


def _keep_as_draft(owner_id: int) -> uuid.UUID:
    form_data = request.form
    entry_id = parse_uuid(form_data.get("entry_id"))
    if entry_id:
        editor = edit_entry_editor(owner_id, entry_id, MultiDict(), posting=True)
    else:
        args = MultiDict({k: v for k, v in (("set", form_data.get("prompt_set")),
                                             ("session", form_data.get("session_id"))) if v})
        editor = new_entry_editor(owner_id, args, posting=True)
    draft_id = parse_uuid(form_data.get("draft_id")) or uuid.uuid4()
    fields = editor.form.draft_fields()
    context = dict(entry_id=entry_id, session_id=editor.form.chosen_session(),
                   prompt_set=editor.prompt_set.key if editor.prompt_set else None)
    try:
        save_draft(owner_id=owner_id, draft_id=draft_id, fields=fields, **context)
    except DraftTaken:
        draft_id = uuid.uuid4()
        save_draft(owner_id=owner_id, draft_id=draft_id, fields=fields, **context)
    return draft_id
