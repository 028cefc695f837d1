"""The care card, offered on the page after a save in which risk was noticed; the patient's safety page."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from journal.access import entry_or_404, patient_required
from journal.clock import utcnow
from journal.entries import draft_pages
from journal.entries.drafts import DraftView
from journal.export.document import build_pdf
from journal.export.fonts import configured_fonts
from journal.export.gather import plan_export
from journal.export.sending import pdf_response
from journal.models import AlertAction, AlertOutcome, DraftKind
from journal.ops.metrics import count_conflict
from journal.safety import care, crisis
from journal.safety import plan as safety_plan
from journal.safety.alerts import overdue_after, sent_to_patient
from journal.safety.forms import SafetyPlanForm
from journal.safety.plan import PlanConflict, plan_of
from journal.sharing.services import patient_connections

bp = Blueprint("safety", __name__)

bp.add_app_template_global(crisis.line, "crisis_line")
bp.add_app_template_global(crisis.region_name, "region_name")  # a country's name in the page's language
bp.add_app_template_filter(lambda value: AlertAction(value).label, "alert_action")
bp.add_app_template_filter(lambda value: AlertOutcome(value).label, "alert_outcome")


bp.add_app_template_global(care.card, "care_card")


@bp.post("/safety/not-what-i-meant/<uuid:entry_id>")
@patient_required
def not_what_i_meant(entry_id):
    """The patient says the card after a save was not what they meant: noted, nothing silenced."""
    care.not_what_i_meant(entry_or_404(entry_id))
    flash(
        _(
            "Thank you for telling us. It is noted in your access log, and on any alert this entry sent. "
            "The journal will still offer the card whenever words like these come up, just in case."
        ),
        "info",
    )
    return redirect(url_for("entries.show", entry_id=entry_id))


@bp.route("/safety-plan", methods=["GET", "POST"])
@patient_required
def plan():
    """Write or change the safety plan; a save from a stale tab keeps its words and shows both."""
    stored = plan_of(current_user.id)
    if request.method == "GET":
        return _opened_page(stored, draft_pages.load_draft(DraftKind.SAFETY_PLAN, request.args.get("draft")))
    form = SafetyPlanForm()
    if not form.validate():
        return _plan_page(form, stored, 422)
    try:
        safety_plan.save(current_user.id, form.sections(), form.expected_version(), commit=False)
    except PlanConflict as conflict:
        count_conflict("safety_plan")
        draft_id = draft_pages.keep_page_text(current_user.id, PLAN_DRAFTS)  # this tab's words stay a draft until saved
        form.version.data = str(conflict.version)
        return _plan_page(form, stored, 409, conflict=conflict.current, draft_id=str(draft_id))
    draft_pages.page_saved(current_user.id)  # commits the plan, its page's key and its draft's end together
    flash(_("Your safety plan is saved."), "success")
    return redirect(url_for("safety.plan"))


def _opened_page(stored, draft: DraftView | None):
    """The plan as saved, or a draft of it. A draft keeps the version it was started from, so a save
    made elsewhere since is still shown as a conflict, never overwritten."""
    if draft is not None:
        form = SafetyPlanForm(formdata=draft_pages.draft_formdata(draft))
    else:
        form = SafetyPlanForm(data={**safety_plan.read(stored), "version": str(stored.version if stored else 0)})
    return _plan_page(form, stored, 200, draft=draft, **draft_pages.page_ids(draft))


def _plan_page(form: SafetyPlanForm, stored, status: int, **context):
    context = {**draft_pages.page_ids(), **context}
    return render_template(
        "safety/plan.html",
        form=form,
        plan=stored,
        sections=safety_plan.SECTIONS,
        source=safety_plan.SOURCE,
        choices=patient_connections(current_user.id),
        **context,
    ), status


PLAN_DRAFTS = draft_pages.DraftPage(
    kind=DraftKind.SAFETY_PLAN,
    label=_l("Safety plan (draft)"),
    endpoints=frozenset({"safety.plan"}),
    text_fields=tuple(section.key for section in safety_plan.SECTIONS),
    form=SafetyPlanForm,
    address=lambda draft: url_for("safety.plan", draft=draft.id),
    show_again=lambda: _plan_page(SafetyPlanForm(), plan_of(current_user.id), 400, expired=True)[0],
)
draft_pages.register(bp, PLAN_DRAFTS)


@bp.get("/safety-plan/pdf")
@patient_required
def plan_pdf():
    """The plan, printable: the journal's own PDF layout, with the crisis lines of the patient's region."""
    stored = plan_of(current_user.id)
    if stored is None:
        flash(_("Write something in your safety plan first; then you can print it."), "info")
        return redirect(url_for("safety.plan"))
    return pdf_response(build_pdf(plan_export(current_user, stored), configured_fonts()), "safety-plan")


@bp.get("/safety")
@patient_required
def overview():
    """The patient's safety page: their plan, who may be told, and every alert sent with its steps."""
    return render_template(
        "safety/overview.html",
        plan=plan_of(current_user.id),
        alerts=sent_to_patient(current_user.id),
        overdue_before=utcnow() - overdue_after(),
        overdue_hours=current_app.config["SAFETY_ALERT_OVERDUE_HOURS"],
        connections=patient_connections(current_user.id),
    )
