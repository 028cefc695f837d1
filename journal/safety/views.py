"""The care card, offered on the page after a save in which risk was noticed; the patient's safety page."""

from __future__ import annotations

from flask import (
    Blueprint,
    flash,
    get_flashed_messages,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from sqlalchemy import select

from journal.access import patient_required
from journal.export.document import build_pdf
from journal.export.fonts import configured_fonts
from journal.export.gather import plan_export
from journal.export.sending import pdf_response
from journal.extensions import db
from journal.models import AlertAction, AlertOutcome, Connection, Role, User
from journal.safety import crisis
from journal.safety import plan as safety_plan
from journal.safety.alerts import sent_to_patient, told
from journal.safety.care import CARE
from journal.safety.forms import SafetyPlanForm
from journal.safety.plan import PlanConflict, plan_of
from journal.sharing.services import patient_connections

bp = Blueprint("safety", __name__)

bp.add_app_template_global(crisis.line, "crisis_line")
bp.add_app_template_filter(lambda value: AlertAction(value).label, "alert_action")
bp.add_app_template_filter(lambda value: AlertOutcome(value).label, "alert_outcome")


@bp.app_template_global("care_card")
def care_card() -> dict | None:
    """What the card shows, when one was offered for this page: the person's own region's lines first,
    their therapists' after-hours lines, and who is told."""
    if not get_flashed_messages(category_filter=[CARE]):
        return None
    if not current_user.is_authenticated or current_user.role != Role.PATIENT:
        return None
    resources = crisis.resources(current_user.crisis_region)
    connected = db.session.execute(
        select(User.id, User.display_name, User.after_hours_line)
        .join(Connection, Connection.therapist_id == User.id)
        .where(Connection.patient_id == current_user.id, Connection.is_active)
        .order_by(User.display_name)
    ).all()
    allowed = set(db.session.scalars(told(current_user.id).with_only_columns(Connection.therapist_id)))
    return {
        "region": resources[0] if resources else None,
        "danger_number": crisis.danger_number(current_user.crisis_region),
        "after_hours": [(name, line) for _, name, line in connected if line],
        "told": [name for therapist_id, name, _ in connected if therapist_id in allowed],
        "connected": bool(connected),
    }


@bp.route("/safety-plan", methods=["GET", "POST"])
@patient_required
def plan():
    """Write or change the safety plan; a save from a stale tab keeps its words and shows both."""
    stored = plan_of(current_user.id)
    form = (
        SafetyPlanForm()
        if request.method == "POST"
        else SafetyPlanForm(data={**safety_plan.read(stored), "version": str(stored.version if stored else 0)})
    )
    if request.method == "GET" or not form.validate():
        return _plan_page(form, stored, 422 if request.method == "POST" else 200)
    try:
        safety_plan.save(current_user.id, form.sections(), form.expected_version())
    except PlanConflict as conflict:
        form.version.data = str(conflict.version)
        return _plan_page(form, stored, 409, conflict=conflict.current)
    flash("Your safety plan is saved.", "success")
    return redirect(url_for("safety.plan"))


def _plan_page(form: SafetyPlanForm, stored, status: int, conflict: dict | None = None):
    return render_template(
        "safety/plan.html",
        form=form,
        plan=stored,
        sections=safety_plan.SECTIONS,
        source=safety_plan.SOURCE,
        conflict=conflict,
        choices=patient_connections(current_user.id),
    ), status


@bp.get("/safety-plan/pdf")
@patient_required
def plan_pdf():
    """The plan, printable: the journal's own PDF layout, with the crisis lines of the patient's region."""
    stored = plan_of(current_user.id)
    if stored is None:
        flash("Write something in your safety plan first; then you can print it.", "info")
        return redirect(url_for("safety.plan"))
    return pdf_response(build_pdf(plan_export(current_user, stored), configured_fonts()))


@bp.get("/safety")
@patient_required
def overview():
    """The patient's safety page: their plan, who may be told, and every alert sent with its steps."""
    return render_template(
        "safety/overview.html",
        plan=plan_of(current_user.id),
        alerts=sent_to_patient(current_user.id),
        connections=patient_connections(current_user.id),
    )
