"""Write, read, edit, trash and find entries."""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from journal.access import entry_or_404, owned_or_404, patient_required
from journal.entries import finding
from journal.entries.content import AFTER_EFFECTS
from journal.entries.drafts import discard_draft_by_id, save_draft
from journal.entries.editor import Editor, edit_entry_editor, new_entry_editor
from journal.entries.services import (
    EditConflict,
    create_entry,
    delete_forever,
    open_entry,
    purge_expired_trash,
    restore_entry,
    trash_entry,
    trashed_entries,
    update_entry,
)
from journal.models import TreatmentSession
from journal.prompts import library
from journal.sessions.services import open_session

bp = Blueprint("entries", __name__)


def _render_editor(editor: Editor, status: int = 200):
    return render_template("entries/editor.html", editor=editor, form=editor.form, library=library()), status


@bp.route("/entries/new", methods=["GET", "POST"])
@patient_required
def new():
    editor = new_entry_editor(current_user.id, request.args, posting=request.method == "POST")
    form = editor.form
    if form.validate_on_submit():
        entry = create_entry(
            owner_id=current_user.id, kind=editor.kind, content=form.content(), checkin=form.checkin(),
            session_id=form.chosen_session(), prompt_set=editor.prompt_set.key if editor.prompt_set else None,
            library_version=library().version if editor.prompt_set else None, draft_id=form.chosen_draft(),
        )
        flash("Your entry is saved.", "success")
        return redirect(url_for("entries.show", entry_id=entry.id))
    return _render_editor(editor, 422 if form.errors else 200)


@bp.route("/entries/<uuid:entry_id>/edit", methods=["GET", "POST"])
@patient_required
def edit(entry_id: uuid.UUID):
    editor = edit_entry_editor(current_user.id, entry_id, request.args, posting=request.method == "POST")
    form, entry = editor.form, editor.entry
    if not form.validate_on_submit():
        return _render_editor(editor, 422 if form.errors else 200)
    resolution = request.form.get("resolution")
    if resolution == "theirs":
        discard_draft_by_id(current_user.id, form.chosen_draft())
        flash("You kept the saved version.", "success")
        return redirect(url_for("entries.show", entry_id=entry.id))
    if resolution == "both":
        copy = form.content()
        copy.title = f"{copy.title or entry.title} (second version)"
        new_entry = create_entry(
            owner_id=current_user.id, kind=entry.row.kind, content=copy, checkin=form.checkin(),
            session_id=form.chosen_session(), prompt_set=entry.row.prompt_set,
            library_version=entry.row.library_version, draft_id=form.chosen_draft(),
        )
        flash("Both versions are kept: yours was saved as a separate entry.", "success")
        return redirect(url_for("entries.show", entry_id=new_entry.id))
    try:
        update_entry(
            entry.row, expected_version=form.expected_version(), content=form.content(),
            checkin=form.checkin(), session_id=form.chosen_session(), draft_id=form.chosen_draft(),
        )
    except EditConflict as conflict:
        return _conflict(editor, conflict)
    flash("Your changes are saved.", "success")
    return redirect(url_for("entries.show", entry_id=entry.id))


def _conflict(editor: Editor, conflict: EditConflict):
    """Keep this tab's text as a draft, then show both versions side by side."""
    form = editor.form
    draft_id = form.chosen_draft() or uuid.uuid4()
    save_draft(
        owner_id=current_user.id, draft_id=draft_id, fields=form.draft_fields(), entry_id=editor.entry.id,
        session_id=form.chosen_session(), prompt_set=editor.entry.row.prompt_set,
    )
    form.draft_id.data = str(draft_id)
    form.version.data = str(conflict.current.row.version)
    mine = form.content()
    return render_template("entries/conflict.html", form=form, mine=mine, theirs=conflict.current, editor=editor), 409


@bp.get("/entries/<uuid:entry_id>")
@patient_required
def show(entry_id: uuid.UUID):
    entry = open_entry(entry_or_404(entry_id))
    session = open_session(owned_or_404(TreatmentSession, entry.row.session_id)) if entry.row.session_id else None
    return render_template(
        "entries/show.html", entry=entry, session=session, library=library(), after_effects=AFTER_EFFECTS
    )


@bp.route("/entries/<uuid:entry_id>/delete", methods=["GET", "POST"])
@patient_required
def delete(entry_id: uuid.UUID):
    entry = open_entry(entry_or_404(entry_id))
    if request.method == "POST":
        trash_entry(entry.row)
        flash("The entry is in the trash. You can restore it for 30 days.", "success")
        return redirect(url_for("entries.index"))
    return render_template("entries/delete.html", entry=entry)


@bp.get("/trash")
@patient_required
def trash():
    purge_expired_trash(current_user.id)
    return render_template("entries/trash.html", entries=trashed_entries(current_user.id))


@bp.post("/trash/<uuid:entry_id>/restore")
@patient_required
def restore(entry_id: uuid.UUID):
    restore_entry(entry_or_404(entry_id, trashed=True))
    flash("The entry is back in your journal.", "success")
    return redirect(url_for("entries.show", entry_id=entry_id))


@bp.route("/trash/<uuid:entry_id>/delete", methods=["GET", "POST"])
@patient_required
def destroy(entry_id: uuid.UUID):
    entry = open_entry(entry_or_404(entry_id, trashed=True))
    if request.method == "POST":
        delete_forever(entry.row)
        flash("The entry has been deleted for good.", "success")
        return redirect(url_for("entries.trash"))
    return render_template("entries/destroy.html", entry=entry)


@bp.route("/entries", methods=["GET", "POST"])
@patient_required
def index():
    return finding.render_list(current_user)
