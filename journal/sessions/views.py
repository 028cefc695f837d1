"""Log, view, edit and delete treatment sessions; see each session's timeline."""

from __future__ import annotations

import math
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, time

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from journal.access import deny, owned_or_404, owned_or_none, patient_required
from journal.clock import utcnow
from journal.entries import draft_pages
from journal.entries.drafts import DraftView
from journal.entries.save_keys import PageKeys, keyed_address, page_keys, posted_save_key, saved_by_page
from journal.forms import parse_count
from journal.measures.schedule import due_measures
from journal.models import DraftKind, Medicine, Setting, TreatmentSession
from journal.prompts import library
from journal.sessions.forms import SessionForm
from journal.sessions.services import (
    PAGE_SIZE,
    SessionDetails,
    SessionView,
    count_sessions,
    delete_session,
    latest_sessions,
    open_session,
    save_new_session,
    save_session,
)
from journal.sessions.timeline import STATUS_BADGES, STATUS_LABELS, Step, local_date, timelines
from journal.sharing.forms import share_form
from journal.sharing.services import patient_connections, session_shared_with
from journal.timezones import format_local, to_local, to_utc

bp = Blueprint("sessions", __name__)


def _today():
    return local_date(utcnow(), current_user.time_zone)


def _worded(steps: list[Step]) -> list[Step]:
    """The steps with their sets' names in the person's language."""
    return [replace(step, prompt_set=step.prompt_set.translated()) for step in steps]


def _day_name(day: date) -> str:
    """A calendar day (a step's opening day) as pages write it, in the person's language ("3 December")."""
    return format_local(datetime.combine(day, time(12), tzinfo=UTC), "UTC", "%-d %B")


@bp.get("/sessions")
@patient_required
def index():
    """Sessions with their timelines, latest first, PAGE_SIZE a page."""
    total = count_sessions(current_user.id)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    number = min(max(1, parse_count(request.args.get("page"), 1)), pages)
    sessions = latest_sessions(current_user.id, PAGE_SIZE, (number - 1) * PAGE_SIZE)
    steps = timelines(current_user.id, [s.row for s in sessions], _today(), current_user.time_zone)
    return render_template(
        "sessions/index.html",
        sessions=sessions,
        timelines={session_id: _worded(found) for session_id, found in steps.items()},
        now=utcnow(),
        status_labels=STATUS_LABELS,
        number=number,
        pages=pages,
    )


@bp.get("/sessions/<uuid:session_id>")
@patient_required
def show(session_id: uuid.UUID):
    session = open_session(owned_or_404(TreatmentSession, session_id))
    steps = _worded(timelines(current_user.id, [session.row], _today(), current_user.time_zone)[session.id])
    sharing = share_form(
        ((t.id, t.display_name) for _, t in patient_connections(current_user.id)), session_shared_with(session.id)
    )
    measures_due = [item for item in due_measures(current_user._get_current_object()) if item.session_id == session.id]
    return render_template(
        "sessions/show.html",
        session=session,
        steps=steps,
        now=utcnow(),
        share_form=sharing,
        measures_due=measures_due,
        status_badges=STATUS_BADGES,
        day_name=_day_name,
    )


def _save(form: SessionForm, row: TreatmentSession | None) -> TreatmentSession:
    """Save the form (not committed yet): changes to ``row``, or a new session made once by its page."""
    details = SessionDetails(
        intention=form.intention.data or "",
        notes=form.notes.data or "",
        medicine_other=form.medicine_other.data or "",
        setting_other=form.setting_other.data or "",
    )
    fields = {
        "owner_id": current_user.id,
        "occurred_at": to_utc(form.occurred_at.data, current_user.time_zone),
        "medicine": Medicine(form.medicine.data),
        "setting": Setting(form.setting.data),
        "details": details,
        "commit": False,
    }
    if row is None:
        return save_new_session(save_key=posted_save_key(), **fields)
    return save_session(row, **fields)


def _draft() -> DraftView | None:
    return draft_pages.load_draft(DraftKind.SESSION, request.args.get("draft"))


def _form_page(
    form: SessionForm,
    session: SessionView | None,
    draft: DraftView | None = None,
    expired: bool = False,
    keys: PageKeys | None = None,
):
    """The session form; its text autosaves to a draft (``draft_id``) until it is saved (``save_key``)."""
    page = render_template(
        "sessions/form.html",
        form=form,
        session=session,
        library=library(),
        draft=draft,
        expired=expired,
        **draft_pages.page_ids(draft, keys),
    )
    return page, 422 if form.errors else 200


def _saved(form: SessionForm, row: TreatmentSession | None) -> TreatmentSession:
    row = _save(form, row)
    draft_pages.page_saved(current_user.id)  # commits the session, its page's key and its draft's end together
    return row


@bp.route("/sessions/new", methods=["GET", "POST"])
@patient_required
def new():
    keys = page_keys(request.args) if request.method == "GET" else None
    if request.method == "GET":
        saved = saved_by_page(TreatmentSession, keys)
        if saved is not None:  # Back to a page already saved: that session, not a second one
            flash(_("This session is saved. Any change you make here updates it."), "info")
            return redirect(url_for("sessions.edit", session_id=saved.id))
        if keys is None:  # the address names the page's draft id and save key, so Back brings this page
            return redirect(keyed_address("sessions.new", request.args), 303)
    draft = _draft() if request.method == "GET" else None
    form = SessionForm(formdata=draft_pages.draft_formdata(draft)) if draft else SessionForm()
    if request.method == "GET" and draft is None:
        form.occurred_at.data = to_local(utcnow(), current_user.time_zone).replace(tzinfo=None, second=0, microsecond=0)
    if form.validate_on_submit():
        row = _saved(form, None)
        flash(_("The session is in your log."), "success")
        return redirect(url_for("sessions.show", session_id=row.id))
    return _form_page(form, None, draft=draft, keys=keys)


@bp.route("/sessions/<uuid:session_id>/edit", methods=["GET", "POST"])
@patient_required
def edit(session_id: uuid.UUID):
    session = open_session(owned_or_404(TreatmentSession, session_id))
    draft = _draft() if request.method == "GET" else None
    if draft is not None and draft.row.session_id != session.id:
        deny()  # a draft of a new session, or of another one
    form = SessionForm(formdata=draft_pages.draft_formdata(draft)) if draft else SessionForm()
    if request.method == "GET" and draft is None:
        form.occurred_at.data = to_local(session.occurred_at, current_user.time_zone).replace(tzinfo=None)
        form.medicine.data, form.setting.data = session.row.medicine.value, session.row.setting.value
        for name, value in session.details.__dict__.items():
            form[name].data = value
    if form.validate_on_submit():
        _saved(form, session.row)
        flash(_("The session is updated."), "success")
        return redirect(url_for("sessions.show", session_id=session.id))
    return _form_page(form, session, draft=draft)


def _show_again() -> str:
    """The form posted with an expired token, filled in again; a session deleted meanwhile becomes a new one."""
    row = owned_or_none(TreatmentSession, (request.view_args or {}).get("session_id"))
    return _form_page(SessionForm(), open_session(row) if row else None, expired=True)[0]


draft_pages.register(
    bp,
    draft_pages.DraftPage(
        kind=DraftKind.SESSION,
        label=_l("Session intention (draft)"),
        endpoints=frozenset({"sessions.new", "sessions.edit"}),
        text_fields=("intention", "notes"),
        form=SessionForm,
        address=lambda draft: (
            url_for("sessions.edit", session_id=draft.session_id, draft=draft.id)
            if draft.session_id
            else url_for("sessions.new", draft=draft.id)
        ),
        show_again=_show_again,
    ),
)


@bp.route("/sessions/<uuid:session_id>/delete", methods=["GET", "POST"])
@patient_required
def delete(session_id: uuid.UUID):
    session = open_session(owned_or_404(TreatmentSession, session_id))
    if request.method == "POST":
        delete_session(session.row)
        flash(_("The session was deleted. Its entries are still in your journal."), "success")
        return redirect(url_for("sessions.index"))
    return render_template("sessions/delete.html", session=session)
