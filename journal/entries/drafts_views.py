"""Drafts: list, continue, discard, and the autosave endpoint used by the editor."""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from journal.access import entry_or_404, owned_or_404, patient_required
from journal.entries.drafts import DraftTaken, discard_draft, list_drafts, open_draft, save_draft
from journal.entries.editor import edit_entry_editor, new_entry_editor
from journal.entries.forms import parse_uuid
from journal.extensions import csrf
from journal.models import Draft

bp = Blueprint("drafts", __name__)


@bp.get("/drafts")
@patient_required
def index():
    return render_template("entries/drafts.html", drafts=list_drafts(current_user.id))


@bp.get("/drafts/<uuid:draft_id>")
@patient_required
def resume(draft_id: uuid.UUID):
    draft = owned_or_404(Draft, draft_id)
    if draft.entry_id:
        return redirect(url_for("entries.edit", entry_id=draft.entry_id, draft=draft.id))
    return redirect(url_for("entries.new", draft=draft.id))


@bp.route("/drafts/<uuid:draft_id>/discard", methods=["GET", "POST"])
@patient_required
def discard(draft_id: uuid.UUID):
    draft = open_draft(owned_or_404(Draft, draft_id))
    if request.method == "POST":
        discard_draft(draft.row)
        flash("The draft has been discarded.", "success")
        return redirect(url_for("drafts.index"))
    return render_template("entries/discard.html", draft=draft)


@bp.post("/drafts/<uuid:draft_id>/autosave")
@csrf.exempt  # checked below, after the login check, so an ended session answers 401, not 400
@patient_required
def autosave(draft_id: uuid.UUID):
    """Save the editor's current text as this draft; answers JSON for the page's script."""
    csrf.protect()
    entry_id = parse_uuid(request.form.get("entry_id"))
    if entry_id:
        entry_or_404(entry_id)
        editor = edit_entry_editor(current_user.id, entry_id, request.args, posting=True)
    else:
        args = {"set": request.form.get("prompt_set") or None, "session": request.form.get("session_id") or None}
        editor = new_entry_editor(current_user.id, {k: v for k, v in args.items() if v}, posting=True)
    form = editor.form
    form.validate()
    too_long = {name: errors for name, errors in form.errors.items() if any("longer than" in e for e in errors)}
    if too_long:
        return jsonify(saved=False, error="too_long", fields=sorted(too_long)), 422
    try:
        row = save_draft(
            owner_id=current_user.id, draft_id=draft_id, fields=form.draft_fields(), entry_id=entry_id,
            session_id=form.chosen_session(), prompt_set=editor.prompt_set.key if editor.prompt_set else None,
        )
    except DraftTaken:
        return jsonify(saved=False, error="not_found"), 404
    return jsonify(saved=True, draft_id=str(row.id), saved_at=row.updated_at.isoformat())
