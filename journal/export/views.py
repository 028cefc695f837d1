"""Download a journal as a PDF: patients their own, therapists what is shared with them."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from journal.access import connected_patient_or_404, patient_required, therapist_required
from journal.auth.logins import is_fresh
from journal.entries.forms import parse_uuid
from journal.entries.services import latest_entries
from journal.export.document import build_pdf
from journal.export.fonts import configured_fonts
from journal.export.forms import PatientExportForm, TherapistExportForm
from journal.export.gather import ExportOptions, patient_export, therapist_export
from journal.export.sending import pdf_response
from journal.extensions import db
from journal.forms import options
from journal.models import AccessAction
from journal.sessions.services import list_sessions, session_options
from journal.sharing.services import record_access
from journal.timezones import to_local

bp = Blueprint("export", __name__)


def _remember_paper(size: str) -> None:
    if current_user.paper_size != size:
        current_user.paper_size = size
        db.session.commit()


@bp.route("/export", methods=["GET", "POST"])
@patient_required
def patient():
    """Choose and download a PDF. The whole journal needs a fresh login first; after it, this page comes back
    with the same choices filled in (``?resume=1``), to press Download once more."""
    resumed = request.method == "GET" and request.args.get("resume") == "1"
    form = PatientExportForm(request.args) if resumed else PatientExportForm()
    form.session.choices = options(
        [("", _("Choose a session")), *session_options(list_sessions(current_user.id), current_user.time_zone)]
    )
    form.entries.choices = options(
        (str(e.id), f"{to_local(e.row.created_at, current_user.time_zone):%Y-%m-%d} · {e.title}")
        for e in latest_entries(current_user.id, limit=1000)
    )
    if not form.is_submitted() and not resumed:
        form.paper_size.data = current_user.paper_size
    if not form.validate_on_submit():
        return render_template("export/patient.html", form=form, resumed=resumed), 422 if form.errors else 200
    scope = form.scope.data
    if scope == "all" and not is_fresh():  # the whole journal: confirm it's really the patient
        return redirect(url_for("auth.reauthenticate", next=_resume_url(form)))
    chosen = ExportOptions(
        date_from=form.date_from.data if scope == "range" else None,
        date_to=form.date_to.data if scope == "range" else None,
        session_id=parse_uuid(form.session.data) if scope == "session" else None,
        entry_ids={parse_uuid(v) for v in form.entries.data} if scope == "chosen" else set(),
        include_checkins=form.include_checkins.data,
        include_replies=form.include_replies.data,
        page_size=form.paper_size.data,
    )
    _remember_paper(form.paper_size.data)
    return pdf_response(build_pdf(patient_export(current_user, chosen), configured_fonts()))


def _resume_url(form: PatientExportForm) -> str:
    """This page with the whole journal's choices kept (which parts and the paper: nothing anyone wrote)."""
    return url_for(
        "export.patient",
        resume="1",
        scope="all",
        paper_size=form.paper_size.data,
        include_checkins="y" if form.include_checkins.data else None,
        include_replies="y" if form.include_replies.data else None,
    )


@bp.route("/therapist/patients/<id:patient_id>/export", methods=["GET", "POST"])
@therapist_required
def therapist(patient_id: int):
    patient = connected_patient_or_404(patient_id)
    form = TherapistExportForm()
    if not form.is_submitted():
        form.paper_size.data = current_user.paper_size
    if not form.validate_on_submit():
        return render_template("export/therapist.html", form=form, patient=patient), 422 if form.errors else 200
    chosen = ExportOptions(
        date_from=form.date_from.data,
        date_to=form.date_to.data,
        include_replies=form.include_replies.data,
        page_size=form.paper_size.data,
    )
    pdf = build_pdf(therapist_export(current_user, patient, chosen), configured_fonts())
    record_access(patient.id, current_user.id, AccessAction.EXPORT)
    _remember_paper(form.paper_size.data)
    return pdf_response(pdf)
