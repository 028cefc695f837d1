"""Never lose writing to an ended session or an expired form.

When an editor form is posted after the login session ended, or with a CSRF
token that no longer matches, the text is shown again instead of being
dropped. A logged-out writer logs in on that same page, through the same
gate as the login page (rate limits, password, second factor), and the text
is kept as a draft.
"""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from journal.auth import gate
from journal.auth.gate import Outcome
from journal.auth.urls import is_safe_next
from journal.entries.draft_pages import keep_page_text, page_for_endpoint, page_of_post, posted_page
from journal.entries.editor import keep_editor_text, posted_editor
from journal.entries.forms import parse_uuid
from journal.models import Role
from journal.prompts import library

# The entry editor's; the safety plan and a session's form add theirs as they register (``draft_pages``).
RESCUABLE_ENDPOINTS = frozenset({"entries.new", "entries.edit", "rescue.rescue_login"})
NOT_TEXT = frozenset({"csrf_token", "email", "password", "code", "resolution", "action"})
ENTRY_TEXT = frozenset({"title", "after_effects_note", "tags"})

bp = Blueprint("rescue", __name__)


def _kept_fields() -> list[tuple[str, str]]:
    return [(name, value) for name, value in request.form.items(multi=True) if name not in NOT_TEXT]


def rescues(endpoint: str | None) -> bool:
    """Whether a POST to this endpoint gets its text back when it cannot be taken (an entry's editor, or a
    page registered as a draft page: the safety plan, a session)."""
    return endpoint in RESCUABLE_ENDPOINTS or page_for_endpoint(endpoint) is not None


def rescue_response(status: int):
    """Show an editor post again with its text, or None when this is not an editor post.

    A logged-in writer (the form's token had expired) gets the editor itself
    back, filled in, with a fresh token; a logged-out one gets the text and a
    log-in form that keeps it. When the database is unreachable (503) the text
    comes back on a page drawn without it, ready to be sent again.
    """
    if request.method != "POST" or not rescues(request.endpoint):
        return None
    page = page_for_endpoint(request.endpoint)
    if status == 503:
        return _rescue_page(503, outage=True)
    if current_user.is_authenticated and page is not None:
        return page.show_again(), status, {}
    if current_user.is_authenticated and request.endpoint != "rescue.rescue_login":
        editor = posted_editor(current_user.id, (request.view_args or {}).get("entry_id"))
        if not editor.entry_gone:
            return (
                render_template(
                    "entries/editor.html", editor=editor, form=editor.form, library=library(), expired=True
                ),
                status,
                {},
            )
    return _rescue_page(status if current_user.is_authenticated else 401)


def _rescue_page(
    status: int, message: str | None = None, needs_code: bool = False, retry_after: int = 0, outage: bool = False
):
    page = render_template(
        "entries/rescue.html",
        fields=_kept_fields(),
        texts=_texts(),
        action=_action(),
        error=message,
        needs_code=needs_code,
        outage=outage,
    )
    return page, status, {"Retry-After": str(retry_after)} if retry_after else {}


def _texts() -> list[str]:
    """The writing among the kept fields, to read again on the page."""
    page = page_of_post()
    shown = page.text_fields if page else ENTRY_TEXT
    return [value for name, value in _kept_fields() if (name in shown or name.startswith("answer_")) and value.strip()]


def _action() -> str:
    """Where the kept text goes back to: the editor it came from, never another site."""
    action = request.form.get("action") if request.endpoint == "rescue.rescue_login" else request.full_path.rstrip("?")
    return action if is_safe_next(action) else url_for("entries.new")


@bp.post("/rescue")
def rescue_login():
    """Log in from the rescue page (password, then the code if the account has one) and keep the text."""
    if "password" in request.form:
        attempt = gate.log_in(
            request.form.get("email", ""), request.form["password"], request.form.get("code"), via="rescue"
        )
    else:
        attempt = gate.log_in_with_code(request.form.get("code", ""), via="rescue")
    if attempt.outcome is Outcome.LIMITED:  # a code step stays a code step: its password was right
        return _rescue_page(
            429, attempt.message, needs_code=gate.pending_user() is not None, retry_after=attempt.retry_after
        )
    if not attempt.logged_in:
        return _rescue_page(401, attempt.message, needs_code=attempt.outcome is Outcome.NEEDS_CODE)
    if attempt.user.role != Role.PATIENT:
        return redirect(url_for("main.index"))  # only patients write; there is no text of theirs to keep
    draft_id = _keep_as_draft(attempt.user.id)
    flash(_("Welcome back. Your writing was kept as a draft: check it and press Save."), "success")
    return redirect(url_for("drafts.resume", draft_id=draft_id))


def _keep_as_draft(owner_id: int) -> uuid.UUID:
    page = posted_page()
    if page is not None:
        return keep_page_text(owner_id, page)
    entry_id = parse_uuid(request.form.get("entry_id"))
    return keep_editor_text(posted_editor(owner_id, entry_id))
