"""Take a questionnaire, see its result and the history."""

from __future__ import annotations

import uuid

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user

from journal.access import owned_or_404, patient_required
from journal.measures.instruments import in_wording, measures, wording_lang
from journal.measures.progress import progress
from journal.measures.scoring import AnswersRefused, band_name, read_answers, read_difficulty
from journal.measures.services import (
    MEANINGS,
    NOT_A_DIAGNOSIS,
    baseline_change,
    history,
    open_response,
    save_response,
)
from journal.models import MeasureResponse
from journal.safety.care import offer_care
from journal.safety.services import notice_response

bp = Blueprint("measures", __name__)
bp.add_app_template_global(wording_lang, "wording_lang")  # an instrument's wording keeps its language
bp.add_app_template_global(in_wording, "in_wording")
bp.add_app_template_global(band_name, "band_name")  # a published band's name, in the reader's language


@bp.get("/measures")
@patient_required
def index():
    return render_template("measures/index.html", library=measures(), history=history(current_user.id))


@bp.get("/measures/progress")
@patient_required
def progress_page():
    return render_template("measures/progress.html", progress=progress(current_user._get_current_object()))


@bp.route("/measures/<name>/new", methods=["GET", "POST"])
@patient_required
def new(name: str):
    instrument = measures().instruments.get(name)
    if instrument is None:
        abort(404)
    problems, posted = [], {}
    if request.method == "POST":
        posted = {k: v for k, v in request.form.items() if k != "csrf_token"}
        try:
            answers = read_answers(instrument, posted)
            chosen = read_difficulty(instrument, posted.get("difficulty"))
        except AnswersRefused as refused:
            problems = refused.problems
        else:
            notice = notice_response(current_user)
            row = save_response(current_user.id, instrument, answers, chosen, also=notice.raise_for_response)
            offer_care(notice)
            return redirect(url_for("measures.result", response_id=row.id))
    return render_template(
        "measures/form.html", instrument=instrument, problems=problems, posted=posted
    ), 422 if problems else 200


@bp.get("/measures/responses/<uuid:response_id>")
@patient_required
def result(response_id: uuid.UUID):
    view = open_response(owned_or_404(MeasureResponse, response_id))
    return render_template(
        "measures/result.html",
        view=view,
        change=baseline_change(view, current_user.time_zone),
        meanings=MEANINGS,
        not_a_diagnosis=NOT_A_DIAGNOSIS,
    )
