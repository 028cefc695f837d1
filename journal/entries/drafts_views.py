"""Drafts: list, continue, discard, and the autosave endpoint used by the editor."""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.validators import Length

from journal.access import deny, owned_or_404, owned_or_none, patient_required
from journal.entries.draft_pages import DraftPage, describe, page_details, pages, posted_page
from journal.entries.drafts import DraftTaken, discard_draft, list_drafts, open_draft, save_draft
from journal.entries.editor import draft_details, posted_editor
from journal.entries.forms import parse_uuid
from journal.entries.save_keys import posted_save_key, was_saved
from journal.extensions import csrf, db
from journal.models import Draft, Entry
from journal.ratelimits import autosave_limit
from journal.timezones import format_local

bp = Blueprint("drafts", __name__)


@bp.get("/drafts")
@patient_required
def index():
    drafts = [(draft, *describe(draft)) for draft in list_drafts(current_user.id)]
    return render_template("entries/drafts.html", drafts=drafts)


@bp.get("/drafts/<uuid:draft_id>")
@patient_required
def resume(draft_id: uuid.UUID):
    """Reopen a draft: as changes to its entry while that entry is live, else as a new entry."""
    draft = owned_or_404(Draft, draft_id)
    page = pages().get(draft.kind)
    if page is not None:  # the safety plan or a session: its own page
        return redirect(page.address(draft))
    entry = db.session.get(Entry, draft.entry_id) if draft.entry_id else None
    if entry is not None and entry.is_live:
        return redirect(url_for("entries.edit", entry_id=entry.id, draft=draft.id))
    return redirect(url_for("entries.new", draft=draft.id))


@bp.route("/drafts/<uuid:draft_id>/discard", methods=["GET", "POST"])
@patient_required
def discard(draft_id: uuid.UUID):
    draft = open_draft(owned_or_404(Draft, draft_id))
    if request.method == "POST":
        discard_draft(draft.row)
        flash(_("The draft has been discarded."), "success")
        return redirect(url_for("drafts.index"))
    name, preview = describe(draft)
    return render_template("entries/discard.html", draft=draft, name=name, preview=preview)


@bp.post("/drafts/<uuid:draft_id>/autosave")
@csrf.exempt  # checked below, after the login check, so an ended session answers 401, not 400
@patient_required
@autosave_limit
def autosave(draft_id: uuid.UUID):
    """Save the editor's (or another page's) current text as this draft; answers JSON for the page's script."""
    csrf.protect()
    if was_saved(current_user.id, posted_save_key()):
        # The page was saved meanwhile (an autosave still on its way, or the page brought back): keep nothing.
        return jsonify(saved=False, error="already_saved"), 409
    page = posted_page()
    if page is not None:
        return _autosave_page(page, draft_id)
    raw_entry_id = request.form.get("entry_id")
    entry_id = parse_uuid(raw_entry_id)
    if raw_entry_id and owned_or_none(Entry, entry_id) is None:
        deny()
    editor = posted_editor(current_user.id, entry_id)
    editor.form.validate()
    if too_long := _too_long(editor.form):
        return jsonify(saved=False, error="too_long", fields=too_long), 422
    try:
        row = save_draft(
            owner_id=current_user.id,
            draft_id=draft_id,
            entry_id=editor.entry.id if editor.entry else None,
            **draft_details(editor),
        )
    except DraftTaken:
        deny()
    return _saved(row)


def _autosave_page(page: DraftPage, draft_id: uuid.UUID):
    """Autosave the safety plan or a session's form, by the same rules as the editor."""
    form = page.form()
    form.validate()
    if too_long := _too_long(form):
        return jsonify(saved=False, error="too_long", fields=too_long), 422
    try:
        row = save_draft(
            owner_id=current_user.id, draft_id=draft_id, entry_id=None, prompt_set=None, **page_details(page)
        )
    except DraftTaken:
        deny()
    return _saved(row)


def _too_long(form) -> list[str]:
    """The fields refused for their length: read from the fields' limits, not from the message (translated)."""
    return sorted(field.name for field in form if field.errors and _over_limit(field))


def _over_limit(field) -> bool:
    text = field.data if isinstance(field.data, str) else ""
    return any(isinstance(rule, Length) and 0 <= rule.max < len(text) for rule in field.validators)


def _saved(row: Draft):
    user = current_user._get_current_object()
    saved_at_text = format_local(row.updated_at, user.time_zone, "%H:%M", user.clock)  # as every page shows it
    return jsonify(saved=True, draft_id=str(row.id), saved_at=row.updated_at.isoformat(), saved_at_text=saved_at_text)
