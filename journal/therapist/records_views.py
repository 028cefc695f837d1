"""A therapist's clinical records: of former patients, kept after they deleted their account, and of
current ones, as a PDF. Each reachable only by its own therapist (``journal.access``)."""

from __future__ import annotations

import uuid

from flask import Blueprint, render_template
from flask_login import current_user

from journal.access import connected_patient_or_404, retained_record_or_404, therapist_required
from journal.export.clinical import record_export
from journal.export.document import build_pdf
from journal.export.fonts import configured_fonts
from journal.export.sending import pdf_response
from journal.models import AccessAction
from journal.sharing.services import record_access
from journal.therapist.records import former_patients, open_record, record_of

bp = Blueprint("records", __name__, url_prefix="/therapist")


@bp.get("/former-patients")
@therapist_required
def index():
    return render_template("therapist/former_patients.html", records=former_patients(current_user.id))


@bp.get("/former-patients/<uuid:record_id>")
@therapist_required
def former(record_id: uuid.UUID):
    row = retained_record_or_404(record_id)
    return render_template("therapist/record.html", row=row, record=open_record(row))


@bp.get("/former-patients/<uuid:record_id>/pdf")
@therapist_required
def former_pdf(record_id: uuid.UUID):
    record = open_record(retained_record_or_404(record_id))
    return pdf_response(build_pdf(record_export(current_user, record), configured_fonts()))


@bp.get("/patients/<id:patient_id>/record.pdf")
@therapist_required
def patient_pdf(patient_id: int):
    """A current patient's record; their access log says it was exported (not what is in it)."""
    patient = connected_patient_or_404(patient_id)
    pdf = build_pdf(record_export(current_user, record_of(current_user.id, patient)), configured_fonts())
    record_access(patient.id, current_user.id, AccessAction.EXPORT_RECORD)
    return pdf_response(pdf)
