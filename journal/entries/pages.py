"""The author's page of one entry, drawn by the entry's own view and again, with a reply's errors, by sharing."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from journal.access import owned_or_404
from journal.entries.content import AFTER_EFFECTS
from journal.entries.services import open_entry
from journal.models import TreatmentSession
from journal.pictures.services import pictures_of
from journal.prompts import library
from journal.sessions.services import open_session
from journal.sharing.forms import ReplyForm, reply_form_for, share_form
from journal.sharing.services import (
    last_views,
    mark_thread_read,
    patient_connections,
    shared_with,
    thread,
    thread_partners,
)


def render_entry_page(row, *, reply_form: ReplyForm | None = None, reply_to: int | None = None, status: int = 200):
    """The author's view of an entry: content, sharing, who viewed it, and each therapist's thread."""
    entry = open_entry(row)
    session = open_session(owned_or_404(TreatmentSession, row.session_id)) if row.session_id else None
    therapists = patient_connections(current_user.id)
    shared = shared_with([row.id])[row.id]
    sharing = share_form(((t.id, t.display_name) for _, t in therapists), shared)
    threads = []
    for therapist, connected in thread_partners(current_user.id, row.id):
        messages = thread(row, therapist.id)
        if therapist.id in shared or messages:
            form = (
                reply_form if reply_to == therapist.id and reply_form else reply_form_for(therapist.id, formdata=None)
            )
            threads.append((therapist, messages, form, connected and therapist.id in shared))
            mark_thread_read(row, therapist.id, current_user)
    return render_template(
        "entries/show.html",
        entry=entry,
        session=session,
        library=library(),
        after_effects=AFTER_EFFECTS,
        share_form=sharing,
        threads=threads,
        views=last_views(row.id),
        has_therapists=bool(therapists),
        pictures=pictures_of([row.id])[row.id],
    ), status
