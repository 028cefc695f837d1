"""The therapist's pages. Every read of a patient's journal is written to their access log."""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from journal import mail
from journal.access import (
    connected_patient_or_404,
    shared_entry_or_404,
    shared_picture_or_404,
    shared_safety_plan_or_404,
    shared_safety_plan_or_none,
    therapist_alert_or_404,
    therapist_required,
)
from journal.entries.content import AFTER_EFFECTS
from journal.entries.services import open_entry
from journal.forms import parse_count
from journal.models import AccessAction, Entry
from journal.pictures.sending import send_picture
from journal.pictures.services import pictures_of
from journal.safety import alerts, outbox
from journal.safety.care import said_not_meant
from journal.safety.forms import AcknowledgeForm, ResolveForm
from journal.safety.plan import SECTIONS
from journal.safety.plan import read as read_plan
from journal.sharing.forms import ReplyForm
from journal.sharing.phones import phone_for_alert, tel_uri
from journal.sharing.services import (
    active_connection,
    add_reply,
    current_invite,
    end_connection,
    mark_reviewed,
    mark_thread_read,
    record_access,
    renew_invite,
    thread,
)
from journal.therapist.dashboard import closure_of, dashboard, measures_for_therapist, recent_closures
from journal.therapist.forms import LabelForm, NoteForm, SinceForm
from journal.therapist.labels import label_of, labels_of, set_label
from journal.therapist.services import entry_if_shared, session_if_shared, shared_entries_page, shared_sessions
from journal.therapist.workspace import (
    default_since,
    entry_flags,
    next_unreviewed,
    notes_on,
    since_summary,
    write_note,
)
from journal.timezones import local_midnight_utc

bp = Blueprint("therapist", __name__, url_prefix="/therapist")


@bp.get("/")
@therapist_required
def index():
    return render_template(
        "therapist/dashboard.html",
        patients=dashboard(current_user.id),
        closed=recent_closures(current_user.id),
        alerts=alerts.open_alerts(current_user.id),
        labels=labels_of(current_user.id),
    )


@bp.route("/invite", methods=["GET", "POST"])
@therapist_required
def invite():
    if request.method == "POST":
        renew_invite(current_user)
        flash(_("Your code and link are renewed. The old ones no longer work."), "success")
        return redirect(url_for("therapist.invite"))
    code = current_invite(current_user)
    link = mail.absolute_url("sharing.consent_link", token=code.token)
    return render_template("therapist/invite.html", invite=code, link=link)


@bp.get("/patients/<id:patient_id>")
@therapist_required
def patient(patient_id: int):
    closed = closure_of(current_user.id, patient_id)
    if closed is not None:  # an old link to someone who has since deleted their account
        return render_template("therapist/closed.html", closed=closed), 410
    patient = connected_patient_or_404(patient_id)  # (a connected patient is never "closed": see closure_of)
    record_access(patient.id, current_user.id, AccessAction.VIEW_PATIENT)
    page = shared_entries_page(current_user.id, patient.id, parse_count(request.args.get("page"), 1))
    sessions = shared_sessions(current_user.id, patient.id, page)
    measures = measures_for_therapist(patient, current_user._get_current_object())
    if measures is not None:
        record_access(patient.id, current_user.id, AccessAction.VIEW_MEASURES)
    plan_shared = shared_safety_plan_or_none(patient.id) is not None
    return render_template(
        "therapist/patient.html",
        patient=patient,
        page=page,
        latest_sessions=sessions.latest,
        sessions=sessions.by_id,
        sessions_total=sessions.total,
        measures=measures,
        plan_shared=plan_shared,
        flags={entry.id: entry_flags(entry) for entry, _ in page.items},
        first_unreviewed=next_unreviewed(current_user.id, patient.id),
        alerts=alerts.open_alerts(current_user.id, patient.id),
        label_form=LabelForm(formdata=None, label=label_of(current_user.id, patient.id)),
    )


@bp.post("/patients/<id:patient_id>/label")
@therapist_required
def label(patient_id: int):
    """Keep, change or remove the therapist's private label for a connected patient."""
    patient = connected_patient_or_404(patient_id)
    form = LabelForm()
    if form.validate():
        set_label(current_user.id, patient.id, form.label.data or "")
        flash(_("Your label is saved. Only you see it.") if form.label.data else _("Your label is removed."), "success")
    else:
        flash(" ".join(form.label.errors), "error")
    return redirect(url_for("therapist.patient", patient_id=patient.id))


@bp.get("/entries/<uuid:entry_id>")
@therapist_required
def entry(entry_id: uuid.UUID):
    row, share = shared_entry_or_404(entry_id)
    mark_thread_read(row, current_user.id, current_user)
    return _render_entry(row, share, ReplyForm())


def _render_entry(row: Entry, share, form: ReplyForm, status: int = 200):
    """Show a shared entry; every time it is shown, the patient's access log says so."""
    record_access(row.owner_id, current_user.id, AccessAction.VIEW_ENTRY, row.id)
    session = session_if_shared(current_user.id, row)
    patient = connected_patient_or_404(row.owner_id)
    entry = open_entry(row)
    return render_template(
        "therapist/entry.html",
        entry=entry,
        share=share,
        session=session,
        patient=patient,
        replies=thread(row, current_user.id),
        form=form,
        after_effects=AFTER_EFFECTS,
        flags=entry_flags(entry),
        next_unreviewed=next_unreviewed(current_user.id, row.owner_id, after=row),
        pictures=pictures_of([row.id])[row.id],
    ), status


@bp.get("/pictures/<uuid:picture_id>")
@therapist_required
def picture(picture_id: uuid.UUID):
    """A picture of an entry shared with this therapist; the entry's page, which shows it, is in the access log."""
    return send_picture(shared_picture_or_404(picture_id))


@bp.post("/entries/<uuid:entry_id>/review")
@therapist_required
def review(entry_id: uuid.UUID):
    row, share = shared_entry_or_404(entry_id)
    mark_reviewed(share)
    flash(_("Marked as reviewed."), "success")
    following = (
        next_unreviewed(current_user.id, row.owner_id, after=row) if request.form.get("then") == "next" else None
    )
    return redirect(url_for("therapist.entry", entry_id=following or entry_id))


@bp.post("/entries/<uuid:entry_id>/replies")
@therapist_required
def reply(entry_id: uuid.UUID):
    row, share = shared_entry_or_404(entry_id)
    form = ReplyForm()
    if not form.validate():
        return _render_entry(row, share, form, 422)
    add_reply(row, current_user.id, current_user, form.text.data)
    record_access(row.owner_id, current_user.id, AccessAction.REPLY, row.id)
    flash(_("Your reply was sent."), "success")
    return redirect(url_for("therapist.entry", entry_id=entry_id, _anchor="replies"))


@bp.route("/patients/<id:patient_id>/end", methods=["GET", "POST"])
@therapist_required
def end(patient_id: int):
    patient = connected_patient_or_404(patient_id)
    if request.method == "POST":
        end_connection(active_connection(patient.id, current_user.id))
        flash(_("The connection with %(name)s has ended.", name=patient.display_name), "success")
        return redirect(url_for("therapist.index"))
    return render_template("therapist/end.html", patient=patient)


# Safety: alerts a patient allowed, and the safety plan they share. ----------------------------------


@bp.get("/alerts/<uuid:alert_id>")
@therapist_required
def alert(alert_id: uuid.UUID):
    row = therapist_alert_or_404(alert_id)
    record_access(row.patient_id, current_user.id, AccessAction.VIEW_ALERT, row.entry_id)
    return _render_alert(row, acknowledge_form(posted=False), resolve_form(posted=False))


def acknowledge_form(posted: bool) -> AcknowledgeForm:
    """The two steps' forms sit on one page: each reads the request only when it is the one posted."""
    return AcknowledgeForm(prefix="ack") if posted else AcknowledgeForm(prefix="ack", formdata=None)


def resolve_form(posted: bool) -> ResolveForm:
    return ResolveForm(prefix="close") if posted else ResolveForm(prefix="close", formdata=None)


def _render_alert(row, acknowledge_form: AcknowledgeForm, resolve_form: ResolveForm, status: int = 200):
    """The alert, and the entry's text only if that entry is shared with this therapist; the patient's phone
    number only if they gave it to this therapist."""
    shared = entry_if_shared(current_user.id, row.patient_id, row.entry_id)
    phone = phone_for_alert(row)  # only if the patient gave this therapist a number
    return render_template(
        "therapist/alert.html",
        view=alerts.view(row),
        label=label_of(current_user.id, row.patient_id),
        phone=phone,
        tel=tel_uri(phone) if phone else "",
        notes=alerts.notes(row),
        delivery=outbox.delivery(row.id),
        not_meant=said_not_meant(row.entry_id),
        entry=shared,
        acknowledge_form=acknowledge_form,
        resolve_form=resolve_form,
    ), status


@bp.post("/alerts/<uuid:alert_id>/acknowledge")
@therapist_required
def acknowledge_alert(alert_id: uuid.UUID):
    return _alert_step(alert_id, acknowledging=True)


@bp.post("/alerts/<uuid:alert_id>/resolve")
@therapist_required
def resolve_alert(alert_id: uuid.UUID):
    return _alert_step(alert_id, acknowledging=False)


@bp.get("/alerts/<uuid:alert_id>/acknowledge")
@bp.get("/alerts/<uuid:alert_id>/resolve")
@therapist_required
def alert_step_address(alert_id: uuid.UUID):
    """A step's address opened rather than posted (the page shown after an error, reloaded, bookmarked or
    reached again after logging in): the alert itself, never a dead end."""
    therapist_alert_or_404(alert_id)
    return redirect(url_for("therapist.alert", alert_id=alert_id))


def _alert_step(alert_id: uuid.UUID, *, acknowledging: bool):
    """Acknowledge (what was done, a note) or close (the outcome, a note); 422 for a choice not made,
    409 for a step already taken; the page keeps what was typed in the form it was typed in."""
    row = therapist_alert_or_404(alert_id)
    ack, close = acknowledge_form(posted=acknowledging), resolve_form(posted=not acknowledging)
    form, status = (ack if acknowledging else close), 422
    if form.validate():
        try:
            if acknowledging:
                alerts.acknowledge(row, form.action.data, form.note.data or "")
            else:
                alerts.resolve(row, form.outcome.data, form.note.data or "")
        except alerts.AlertError as error:
            form.form_errors.append(str(error))
            status = 409 if isinstance(error, alerts.AlreadyDone) else 422
        else:
            if acknowledging:
                flash(_("Acknowledged. Your patient can see that you did, and when."), "success")
                return redirect(url_for("therapist.alert", alert_id=alert_id))
            flash(_("The alert is closed."), "success")
            return redirect(url_for("therapist.index"))
    return _render_alert(row, ack, close, status)


@bp.get("/patients/<id:patient_id>/safety-plan")
@therapist_required
def safety_plan(patient_id: int):
    patient = connected_patient_or_404(patient_id)
    plan = shared_safety_plan_or_404(patient.id)
    record_access(patient.id, current_user.id, AccessAction.VIEW_SAFETY_PLAN)
    return render_template(
        "therapist/safety_plan.html",
        patient=patient,
        plan=plan,
        sections=zip(SECTIONS, read_plan(plan).values(), strict=True),
    )


# The workspace: private notes, and a summary since the last session. --------------------------------


@bp.post("/patients/<id:patient_id>/notes")
@therapist_required
def add_note(patient_id: int):
    patient = connected_patient_or_404(patient_id)
    form = NoteForm()
    if not form.validate():
        return _render_summary(patient, SinceForm(formdata=None), form, 422)
    write_note(current_user.id, patient.id, form.text.data)
    flash(_("Your note is kept. Only you can read it."), "success")
    return redirect(url_for("therapist.summary", patient_id=patient.id, _anchor="notes"))


@bp.get("/patients/<id:patient_id>/summary")
@therapist_required
def summary(patient_id: int):
    patient = connected_patient_or_404(patient_id)
    form = SinceForm(request.args)
    status = 200 if form.validate() else 422  # a date that does not parse: said, and the default used
    return _render_summary(patient, form, NoteForm(formdata=None), status)


def _render_summary(patient, since_form: SinceForm, note_form: NoteForm, status: int):
    """Since a chosen day (default: the latest shared session), in the therapist's time zone; their notes."""
    record_access(patient.id, current_user.id, AccessAction.VIEW_PATIENT)
    day = since_form.since.data if since_form.since.data and not since_form.errors else None
    since = local_midnight_utc(day, current_user.time_zone) if day else default_since(current_user.id, patient.id)
    return render_template(
        "therapist/summary.html",
        patient=patient,
        form=since_form,
        note_form=note_form,
        summary=since_summary(current_user.id, patient.id, since),
        notes=notes_on(current_user.id, patient.id),
    ), status
