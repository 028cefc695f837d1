"""Write, read, edit, trash and find entries."""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from journal.access import entry_or_404, patient_required
from journal.entries import finding
from journal.entries.drafts import discard_draft_by_id
from journal.entries.editor import (
    Editor,
    edit_entry_editor,
    keep_editor_text,
    new_entry_editor,
    posted_editor,
)
from journal.entries.pages import render_entry_page
from journal.entries.save_keys import (
    entry_saved_by_key,
    keyed_address,
    page_keys,
    posted_save_key,
    record_saved,
    saved_by_page,
    was_saved,
)
from journal.entries.services import (
    EditConflict,
    create_entry,
    delete_forever,
    mark_to_discuss,
    open_entry,
    purge_expired_trash,
    restore_entry,
    trash_entry,
    trashed_entries,
    update_entry,
)
from journal.http import wants_json
from journal.models import Entry
from journal.ops.metrics import count_conflict
from journal.prompts import library
from journal.safety.care import offer_care
from journal.safety.services import notice_entry
from journal.sharing.services import (
    mark_changed,
    share_automatically,
)

bp = Blueprint("entries", __name__)


def _render_editor(editor: Editor, status: int = 200):
    if status == 422 and wants_json():  # the offline queue's script: keep the words, say what is wrong
        problems = [str(error) for errors in editor.form.errors.values() for error in errors]
        return {"saved": False, "message": " ".join(problems)}, 422
    return render_template("entries/editor.html", editor=editor, form=editor.form, library=library()), status


def _saved(entry_id: uuid.UUID, message: str):
    """Where a save leads: the entry's page, or, for a script (the offline queue), JSON naming it."""
    if wants_json():
        return {"saved": True, "url": url_for("entries.show", entry_id=entry_id)}
    flash(message, "success")
    return redirect(url_for("entries.show", entry_id=entry_id))


def _create(editor: Editor, second_version: bool = False):
    """Save the editor as a new entry, shared at once with the therapists the patient chose for new entries,
    and with the alerts its words call for, in one transaction; then offer the care card if need be."""
    form = editor.form
    content = form.content()
    if second_version:
        content.title = _("%(title)s (second version)", title=content.title or _("Untitled entry"))
    notice = notice_entry(current_user, content, form.checkin())

    def also(row) -> None:
        share_automatically(row)
        notice.raise_for_entry(row)
        record_saved(current_user.id, form.chosen_save_key())

    row = create_entry(
        owner_id=current_user.id,
        kind=editor.kind,
        content=content,
        checkin=form.checkin(),
        session_id=form.chosen_session(),
        prompt_set=editor.prompt_set.key if editor.prompt_set else None,
        library_version=library().version if editor.prompt_set else None,
        draft_id=form.chosen_draft(),
        entry_id=form.chosen_save_key(),
        also=also,
        created_at=form.written_at(current_user.time_zone),
    )
    offer_care(notice)
    return row


@bp.route("/entries/new", methods=["GET", "POST"])
@patient_required
def new():
    if request.method == "GET":
        keys = page_keys(request.args)
        saved = saved_by_page(Entry, keys)
        if saved is not None and saved.is_live:  # Back to a page already saved: that entry, not a second one
            flash(_("This entry is saved. Any change you make here updates it."), "info")
            return redirect(url_for("entries.edit", entry_id=saved.id))
        editor = new_entry_editor(current_user.id, request.args, keys)  # an unknown set or session: 404 first
        if keys is None:  # the address names the page's draft id and save key, so Back brings this page
            return redirect(keyed_address("entries.new", request.args), 303)
        return _render_editor(editor)
    editor = posted_editor(current_user.id, entry_id=None)
    if not editor.form.validate():
        return _render_editor(editor, 422)
    if wants_json():  # the offline queue sends a page once, and again only if it never heard back
        earlier = entry_saved_by_key(editor.form.chosen_save_key())
        if earlier is not None:
            return _saved(earlier.id, _("Your entry is saved."))
    entry = _create(editor)
    return _saved(entry.id, _("Your entry is saved."))


@bp.route("/entries/<uuid:entry_id>/edit", methods=["GET", "POST"])
@patient_required
def edit(entry_id: uuid.UUID):
    if request.method == "GET":
        return _render_editor(edit_entry_editor(current_user.id, entry_id, request.args))
    editor = posted_editor(current_user.id, entry_id)
    if wants_json() and was_saved(current_user.id, posted_save_key()):  # the offline queue's resend: done
        return _saved(entry_id, _("Your changes are saved."))
    if editor.entry_gone:
        draft_id = keep_editor_text(editor)
        if wants_json():  # the offline queue: the words wait in Drafts
            return {"saved": False, "conflict": True, "url": url_for("drafts.resume", draft_id=draft_id)}, 409
        flash(_("This entry was moved to the trash or deleted elsewhere. Your changes are kept as a draft."), "info")
        return redirect(url_for("drafts.resume", draft_id=draft_id))
    form, entry = editor.form, editor.entry
    if not form.validate():
        return _render_editor(editor, 422)
    resolution = request.form.get("resolution")
    if resolution == "theirs":
        discard_draft_by_id(current_user.id, form.chosen_draft())
        flash(_("You kept the saved version."), "success")
        return redirect(url_for("entries.show", entry_id=entry.id))
    if resolution == "both":
        copy = _create(Editor(form, entry.row.kind, editor.prompt_set, editor.session), second_version=True)
        flash(_("Both versions are kept: yours was saved as a separate entry."), "success")
        return redirect(url_for("entries.show", entry_id=copy.id))
    content = form.content()
    notice = notice_entry(current_user, content, form.checkin())

    def also(row) -> None:
        notice.raise_for_entry(row)
        record_saved(current_user.id, form.chosen_save_key())

    try:
        update_entry(
            entry.row,
            expected_version=form.expected_version(),
            content=content,
            checkin=form.checkin(),
            session_id=form.chosen_session(),
            draft_id=form.chosen_draft(),
            also=also,
            created_at=form.written_at(current_user.time_zone, entry.row.created_at),
            on_change=mark_changed,
        )
    except EditConflict as conflict:
        return _conflict(editor, conflict)
    offer_care(notice)
    return _saved(entry.id, _("Your changes are saved."))


def _conflict(editor: Editor, conflict: EditConflict):
    """Keep this tab's text as a draft, then show both versions side by side."""
    count_conflict("entry")
    form = editor.form
    form.draft_id.data = str(keep_editor_text(editor))
    if wants_json():  # the offline queue: these words wait in Drafts, where both versions are shown again
        url = url_for("drafts.resume", draft_id=form.draft_id.data)
        return {"saved": False, "conflict": True, "url": url}, 409
    form.version.data = str(conflict.current.row.version)
    return render_template(
        "entries/conflict.html", form=form, mine=form.content(), theirs=conflict.current, editor=editor
    ), 409


@bp.get("/entries/<uuid:entry_id>")
@patient_required
def show(entry_id: uuid.UUID):
    return render_entry_page(entry_or_404(entry_id))


@bp.route("/entries/<uuid:entry_id>/delete", methods=["GET", "POST"])
@patient_required
def delete(entry_id: uuid.UUID):
    entry = open_entry(entry_or_404(entry_id))
    if request.method == "POST":
        trash_entry(entry.row)
        flash(_("The entry is in the trash. You can restore it for 30 days."), "success")
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
    flash(_("The entry is back in your journal."), "success")
    return redirect(url_for("entries.show", entry_id=entry_id))


@bp.route("/trash/<uuid:entry_id>/delete", methods=["GET", "POST"])
@patient_required
def destroy(entry_id: uuid.UUID):
    entry = open_entry(entry_or_404(entry_id, trashed=True))
    if request.method == "POST":
        delete_forever(entry.row)
        flash(_("The entry has been deleted for good."), "success")
        return redirect(url_for("entries.trash"))
    return render_template("entries/destroy.html", entry=entry)


@bp.route("/entries", methods=["GET", "POST"])
@patient_required
def index():
    return finding.render_list(current_user)


@bp.post("/entries/<uuid:entry_id>/discuss")
@patient_required
def discuss(entry_id: uuid.UUID):
    """The patient's own mark for their next session; a therapist sees it only on entries shared with them."""
    chosen = request.form.get("to_discuss") == "y"
    mark_to_discuss(entry_or_404(entry_id), chosen)
    flash(_("Marked to talk about at your next session.") if chosen else _("The mark is removed."), "success")
    return redirect(url_for("entries.show", entry_id=entry_id))
