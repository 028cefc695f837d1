"""An entry's pictures, for its author: add, see, remove. (A therapist's view is in ``journal.therapist``.)"""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from journal.access import entry_or_404, own_picture_or_404, patient_required
from journal.entries.services import open_entry
from journal.http import allow_bytes
from journal.models import EntryPicture
from journal.pictures.processing import MAX_BYTES, PictureRefused
from journal.pictures.sending import send_picture
from journal.pictures.services import MAX_PER_ENTRY, add_pictures, pictures_of, remove_picture
from journal.ratelimits import one_upload_slot, upload_limit

bp = Blueprint("pictures", __name__)
# A few large phone photos at once; each file is checked on its own (MAX_BYTES).
UPLOAD_REQUEST_BYTES = 40 * 1024 * 1024


def _manage_page(entry_id: uuid.UUID, error: str = "", status: int = 200):
    row = entry_or_404(entry_id)
    return render_template(
        "pictures/manage.html",
        entry=open_entry(row),
        pictures=pictures_of([row.id])[row.id],
        error=error,
        max_per_entry=MAX_PER_ENTRY,
        max_megabytes=MAX_BYTES // (1024 * 1024),
    ), status


@bp.get("/entries/<uuid:entry_id>/pictures")
@patient_required
def manage(entry_id: uuid.UUID):
    return _manage_page(entry_id)


@bp.post("/entries/<uuid:entry_id>/pictures")
@allow_bytes(UPLOAD_REQUEST_BYTES)
@patient_required
@upload_limit
@one_upload_slot
def upload(entry_id: uuid.UUID):
    """Add the chosen pictures: all of them, or none with a message saying which file and why."""
    row = entry_or_404(entry_id)
    files = [item.read() for item in request.files.getlist("pictures") if item.filename]
    try:
        added = add_pictures(row, files)
    except PictureRefused as refused:
        return _manage_page(entry_id, str(refused), 422)
    flash(ngettext("%(num)d picture added.", "%(num)d pictures added.", len(added)), "success")
    return redirect(url_for("pictures.manage", entry_id=entry_id))


@bp.get("/pictures/<uuid:picture_id>")
@patient_required
def show(picture_id: uuid.UUID):
    return send_picture(own_picture_or_404(picture_id))


@bp.route("/pictures/<uuid:picture_id>/remove", methods=["GET", "POST"])
@patient_required
def remove(picture_id: uuid.UUID):
    """Ask first, then remove one picture for good."""
    picture: EntryPicture = own_picture_or_404(picture_id)
    if request.method == "POST":
        remove_picture(picture)
        flash(_("The picture is removed."), "success")
        return redirect(url_for("pictures.manage", entry_id=picture.entry_id))
    entry = open_entry(entry_or_404(picture.entry_id))
    return render_template("pictures/remove.html", picture=picture, entry=entry, user=current_user)
