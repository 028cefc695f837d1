"""Saving and reading questionnaire responses; the answers are sealed like entries."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.measures.instruments import Instrument, measures
from journal.measures.scoring import Change, Score, change, score
from journal.models import MeasureResponse
from journal.timezones import local_days_between
from journal.vault import seal_row, unseal_row

# Plain words for each band (our own words, keyed by the published band's name): what the number
# describes, never a diagnosis.
MEANINGS = {
    "Minimal": _l("Few or no symptoms over this time."),
    "Mild": _l("Some symptoms, at a mild level."),
    "Moderate": _l("Symptoms at a moderate level: worth talking through with your therapist or doctor."),
    "Moderately severe": _l(
        "Symptoms at a moderately severe level: please talk this through with your therapist or doctor soon."
    ),
    "Severe": _l("Symptoms at a severe level: please talk this through with your therapist or doctor soon."),
}
NOT_A_DIAGNOSIS = _l(
    "A questionnaire is not a diagnosis. It is a way to notice how you have been and how that "
    "changes over time; what it means for you is something to explore with your therapist or doctor."
)


@dataclass
class ResponseView:
    row: MeasureResponse
    instrument: Instrument
    answers: list[int]
    difficulty: int | None
    score: Score


def save_response(
    owner_id: int,
    instrument: Instrument,
    answers: list[int],
    difficulty: int | None,
    taken_at: datetime | None = None,
    also: Callable[[MeasureResponse, Score], None] | None = None,
) -> MeasureResponse:
    """Score and store one completed questionnaire (answers sealed). Commits.

    ``taken_at`` is for demo data; questionnaires taken in the app are "now". ``also`` joins the
    transaction with the response and its score (the safety loop's alerts).
    """
    result = score(instrument, answers)
    row = MeasureResponse(
        id=uuid.uuid4(),
        owner_id=owner_id,
        instrument=instrument.key,
        library_version=measures().version,
        total=result.total,
        taken_at=taken_at or utcnow(),
    )
    seal_row(row, {"answers": answers, "difficulty": difficulty})
    db.session.add(row)
    if also is not None:
        db.session.flush()
        also(row, result)
    db.session.commit()
    return row


def open_response(row: MeasureResponse) -> ResponseView:
    payload = unseal_row(row)
    instrument = measures().instruments[row.instrument]
    return ResponseView(
        row, instrument, payload["answers"], payload.get("difficulty"), score(instrument, payload["answers"])
    )


def against_baseline(baseline: MeasureResponse, later: MeasureResponse, zone: str) -> bool:
    """Whether a later response is compared with the baseline: only from a later day in the person's zone.
    Two questionnaires of one day (a baseline just imported or taken twice) say nothing about treatment."""
    return local_days_between(baseline.taken_at, later.taken_at, zone) > 0


def baseline_change(view: ResponseView, zone: str) -> Change | None:
    """Change against the patient's first response to the same questionnaire; None for that first one and
    for one of the same day."""
    first = db.session.scalar(
        select(MeasureResponse)
        .where(MeasureResponse.owner_id == view.row.owner_id, MeasureResponse.instrument == view.row.instrument)
        .order_by(MeasureResponse.taken_at, MeasureResponse.id)
        .limit(1)
    )
    if first is None or first.id == view.row.id or not against_baseline(first, view.row, zone):
        return None
    return change(view.instrument, first.total, view.row.total)


def history(owner_id: int) -> dict[str, list[MeasureResponse]]:
    """Each instrument's responses, oldest first (plaintext totals: nothing is decrypted)."""
    result: dict[str, list[MeasureResponse]] = {key: [] for key in measures().instruments}
    for row in db.session.scalars(
        select(MeasureResponse).where(MeasureResponse.owner_id == owner_id).order_by(MeasureResponse.taken_at)
    ):
        result.setdefault(row.instrument, []).append(row)
    return result


NO_RESPONSE_AFTER = 4  # sessions since the baseline before "no response" is flagged


@dataclass
class Latest:
    """A therapist's line for one questionnaire: the latest score and what needs attention."""

    instrument: Instrument
    total: int
    band: str
    taken_at: datetime
    flags: list[str]


def clinical_summary(patient_id: int, sessions_since_baseline, zone: str) -> list[Latest]:
    """The latest score of each questionnaire taken, with flags: PHQ-9 item 9, moderate or worse,
    and no response after 4 sessions against the first score (PHQ-9 and GAD-7: a 50% drop; PCL-5: a
    reliable change of 5 points).

    ``sessions_since_baseline(moment)`` counts the patient's sessions after a moment; ``zone`` is the patient's.
    """
    lines = []
    for key, rows in history(patient_id).items():
        if not rows:
            continue
        latest, first = rows[-1], rows[0]
        view = open_response(latest)
        flags = []
        if view.score.self_harm:
            flags.append(_("Item 9 answered above 0 (thoughts of being better off dead or of self-harm)"))
        if view.score.band in ("Moderate", "Moderately severe", "Severe") or view.score.above_cutoff:
            flags.append(_("Moderate or worse") if view.score.band else _("At or above the PCL-5 cut-off (33)"))
        compared = len(rows) > 1 and against_baseline(first, latest, zone)
        if compared and sessions_since_baseline(first.taken_at) >= NO_RESPONSE_AFTER:
            moved = change(view.instrument, first.total, latest.total)
            if key == "pcl-5" and not moved.reliable:
                flags.append(
                    _(
                        "No reliable change (a 5-point drop) after %(sessions)s or more sessions",
                        sessions=NO_RESPONSE_AFTER,
                    )
                )
            elif key != "pcl-5" and not moved.response:
                flags.append(
                    _("No response (a 50%% drop) after %(sessions)s or more sessions", sessions=NO_RESPONSE_AFTER)
                )
        lines.append(Latest(view.instrument, latest.total, view.score.band, latest.taken_at, flags))
    return lines
