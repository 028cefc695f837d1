"""The patient's side of sharing: connect with consent, share and unshare, reply, see every access."""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import LazyString
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from journal.access import deny, entry_or_404, owned_or_404, patient_required
from journal.auth.logins import fresh_login_required
from journal.auth.urls import is_safe_next
from journal.entries.pages import render_entry_page
from journal.extensions import db
from journal.forms import parse_count
from journal.http import wants_json
from journal.models import Connection, Role, TreatmentSession, User
from journal.ratelimits import codes_limit
from journal.sharing.forms import (
    AutoShareForm,
    CodeForm,
    ConsentForm,
    PhoneForm,
    SafetyAlertsForm,
    ShareMeasuresForm,
    ShareSafetyPlanForm,
    reply_form_for,
    share_form,
)
from journal.sharing.phones import NOT_A_PHONE, phones_of, set_phone
from journal.sharing.services import (
    SharingError,
    access_log,
    active_connection,
    add_reply,
    connect,
    end_connection,
    first_unread_for_patient,
    patient_connections,
    set_entry_sharing,
    set_session_sharing,
    shared_with,
    therapist_for_invite,
    unread_replies_for_patient,
)

bp = Blueprint("sharing", __name__)

NOT_CONNECTED = _l("Please choose only therapists you are connected with.")


def _own_connection_or_404(connection_id: int) -> tuple[Connection, User]:
    for connection, therapist in patient_connections(current_user.id):
        if connection.id == connection_id:
            return connection, therapist
    deny()


@bp.get("/connections")
@patient_required
def connections():
    return render_template(
        "sharing/connections.html",
        connections=patient_connections(current_user.id),
        form=CodeForm(),
        auto_form=AutoShareForm(),
        phones=phones_of(current_user.id),
    )


@bp.post("/connections/code")
@patient_required
@fresh_login_required(back="sharing.connections")
@codes_limit
def enter_code():
    form = CodeForm()
    therapist = therapist_for_invite(code=form.code.data) if form.validate() else None
    if therapist is None:
        if form.validate():
            form.code.errors = [
                _("This code doesn't match a therapist. Please check it with them; codes change when renewed.")
            ]
        return render_template(
            "sharing/connections.html",
            connections=patient_connections(current_user.id),
            form=form,
            auto_form=AutoShareForm(),
            phones=phones_of(current_user.id),
        ), 422
    return render_template("sharing/consent.html", therapist=therapist, form=ConsentForm(code=form.code.data))


@bp.get("/connect/<token>")
@patient_required
@fresh_login_required(back="sharing.connections")
@codes_limit
def consent_link(token: str):
    therapist = therapist_for_invite(token=token)
    if therapist is None:
        deny()
    return render_template("sharing/consent.html", therapist=therapist, form=ConsentForm(token=token))


@bp.post("/connections/confirm")
@patient_required
@fresh_login_required(back="sharing.connections")
def confirm():
    form = ConsentForm()
    therapist = therapist_for_invite(code=form.code.data, token=form.token.data)
    if therapist is None:
        deny()
    if not form.validate():
        return render_template("sharing/consent.html", therapist=therapist, form=form), 422
    try:
        connect(current_user, therapist, safety_alerts=form.safety_alerts.data == "yes", phone=form.phone.data or "")
    except SharingError as error:
        flash(str(error), "info")
    else:
        flash(
            _(
                "You are connected with %(name)s. Nothing is shared until you choose to share it.",
                name=therapist.display_name,
            ),
            "success",
        )
    return redirect(url_for("sharing.connections"))


@bp.post("/connections/<id:connection_id>/auto-share")
@patient_required
def auto_share(connection_id: int):
    """Share new entries with one therapist automatically, or stop."""
    return _choose(
        connection_id,
        "auto_share",
        bool(AutoShareForm().auto_share.data),
        (
            _l("New entries will be shared with %(name)s automatically."),
            _l("New entries will not be shared with %(name)s automatically."),
        ),
    )


def _choose(connection_id: int, attribute: str, chosen: bool, said: tuple[LazyString, LazyString]):
    """Set one of a connection's own choices; every such choice is made here, by its patient only.
    ``said`` is what the patient is told when it is turned on and off (lazy: translated when told);
    ``%(name)s`` is the therapist."""
    connection, therapist = _own_connection_or_404(connection_id)
    setattr(connection, attribute, chosen)
    db.session.commit()
    back = request.form.get("next")
    message = str(said[0] if chosen else said[1]) % {"name": therapist.display_name}
    return _answer(True, message, back if back and is_safe_next(back) else url_for("sharing.connections"))


def _answer(saved: bool, message: str, back: str):
    """Answer a choice that was saved (or refused): to the page's script, which shows it beside the box,
    as JSON; to a page without the script, as a message on the page it came from."""
    if wants_json():
        return jsonify(saved=saved, message=message), 200 if saved else 422
    flash(message, "success" if saved else "error")
    return redirect(back)


@bp.post("/connections/<id:connection_id>/measures")
@patient_required
def share_measures(connection_id: int):
    """Share questionnaires and progress charts with one therapist, or stop; separate from entries."""
    return _choose(
        connection_id,
        "share_measures",
        bool(ShareMeasuresForm().share_measures.data),
        (
            _l("%(name)s can now see your questionnaires and progress."),
            _l("%(name)s can no longer see your questionnaires and progress."),
        ),
    )


@bp.post("/connections/<id:connection_id>/safety-alerts")
@patient_required
def safety_alerts(connection_id: int):
    """Allow or stop safety alerts to one therapist (asked when connecting; changeable at any time)."""
    return _choose(
        connection_id,
        "safety_alerts",
        bool(SafetyAlertsForm().safety_alerts.data),
        (
            _l("%(name)s will be sent an alert when a safety concern is noticed."),
            _l("%(name)s will no longer be sent safety alerts."),
        ),
    )


@bp.post("/connections/<id:connection_id>/safety-plan")
@patient_required
def share_safety_plan(connection_id: int):
    """Share the safety plan with one therapist, or stop."""
    return _choose(
        connection_id,
        "share_safety_plan",
        bool(ShareSafetyPlanForm().share_safety_plan.data),
        (_l("%(name)s can now read your safety plan."), _l("%(name)s can no longer read your safety plan.")),
    )


@bp.post("/connections/<id:connection_id>/phone")
@patient_required
def phone(connection_id: int):
    """Give, change or (left empty) withdraw the phone number one therapist sees on safety alerts."""
    connection, therapist = _own_connection_or_404(connection_id)
    form = PhoneForm()
    back = url_for("sharing.connections", _anchor=f"phone-{connection.id}")
    if not form.validate():
        return _answer(False, " ".join(str(error) for error in form.phone.errors) or str(NOT_A_PHONE), back)
    set_phone(connection, form.phone.data or "")
    if form.phone.data:
        return _answer(True, _("%(name)s will see this number on a safety alert.", name=therapist.display_name), back)
    return _answer(True, _("%(name)s no longer has a phone number for you.", name=therapist.display_name), back)


@bp.route("/connections/<id:connection_id>/end", methods=["GET", "POST"])
@patient_required
def end(connection_id: int):
    connection, therapist = _own_connection_or_404(connection_id)
    if request.method == "POST":
        end_connection(connection)
        flash(
            _(
                "You are no longer connected with %(name)s. They can no longer see anything.",
                name=therapist.display_name,
            ),
            "success",
        )
        return redirect(url_for("sharing.connections"))
    return render_template("sharing/end.html", therapist=therapist, connection=connection)


def _therapist_choices() -> list[tuple[int, str]]:
    return [(therapist.id, therapist.display_name) for _, therapist in patient_connections(current_user.id)]


@bp.route("/entries/<uuid:entry_id>/sharing", methods=["GET", "POST"])
@patient_required
def entry_sharing(entry_id: uuid.UUID):
    entry = entry_or_404(entry_id)
    form = share_form(_therapist_choices())
    if form.validate_on_submit():
        back = request.form.get("back")
        back = back if is_safe_next(back) else url_for("entries.show", entry_id=entry.id)
        try:
            set_entry_sharing(entry, set(form.therapists.data or []))
        except SharingError as error:
            return _answer(False, str(error), back)
        return _answer(True, _("Sharing is updated."), back)
    if request.method == "POST" and wants_json():
        return jsonify(saved=False, message=str(NOT_CONNECTED)), 422
    if request.method == "GET":
        form.therapists.data = sorted(shared_with([entry.id])[entry.id])
    return render_template("sharing/entry_sharing.html", form=form, entry_id=entry.id), 422 if form.errors else 200


@bp.post("/sessions/<uuid:session_id>/sharing")
@patient_required
def session_sharing(session_id: uuid.UUID):
    session = owned_or_404(TreatmentSession, session_id)
    form = share_form(_therapist_choices())
    back = url_for("sessions.show", session_id=session.id)
    if not form.validate():
        return _answer(False, str(NOT_CONNECTED), back)
    set_session_sharing(session, set(form.therapists.data or []))
    return _answer(True, _("Sharing is updated."), back)


@bp.post("/entries/<uuid:entry_id>/replies")
@patient_required
def reply(entry_id: uuid.UUID):
    entry = entry_or_404(entry_id)
    therapist_id = request.form.get("therapist_id", type=int)
    if (
        therapist_id not in shared_with([entry.id])[entry.id]
        or active_connection(current_user.id, therapist_id) is None
    ):
        deny()
    form = reply_form_for(therapist_id)
    if not form.validate():  # show the page again with the reply as written
        return render_entry_page(entry, reply_form=form, reply_to=therapist_id, status=422)
    add_reply(entry, therapist_id, current_user, form.text.data)
    flash(_("Your reply was sent."), "success")
    return redirect(url_for("entries.show", entry_id=entry.id, _anchor=f"thread-{therapist_id}"))


@bp.get("/access-log")
@patient_required
def log():
    page = parse_count(request.args.get("page"), 1) or 1
    rows, older = access_log(current_user.id, page)
    return render_template("sharing/access_log.html", rows=rows, page=page, older=older)


@bp.app_context_processor
def navigation_counts() -> dict:
    """Unread therapist replies for a patient's navigation (one query, patients only)."""
    if current_user.is_authenticated and current_user.role == Role.PATIENT:
        return {"unread_replies": unread_replies_for_patient(current_user.id)}
    return {"unread_replies": 0}


@bp.get("/replies/unread")
@patient_required
def next_unread():
    """Where the Therapists badge leads: the entry of the oldest unread message, else the Therapists page."""
    first = first_unread_for_patient(current_user.id)
    if first is None:
        return redirect(url_for("sharing.connections"))
    entry_id, therapist_id = first
    return redirect(url_for("entries.show", entry_id=entry_id, _anchor=f"thread-{therapist_id}"))
