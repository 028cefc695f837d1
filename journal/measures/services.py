"""Saving and reading questionnaire responses; the answers are sealed like entries."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from journal.clock import utcnow
from journal.extensions import db
from journal.measures.instruments import Instrument, measures
from journal.measures.scoring import Change, Score, change, score
from journal.models import MeasureResponse
from journal.vault import seal_row, unseal_row

# Plain words for each band: what the number describes, never a diagnosis.
MEANINGS = {
    "Minimal": "Few or no symptoms over this time.",
    "Mild": "Some symptoms, at a mild level.",
    "Moderate": "Symptoms at a moderate level: worth talking through with your therapist or doctor.",
    "Moderately severe": "Symptoms at a moderately severe level: please talk this through with your therapist "
                         "or doctor soon.",
    "Severe": "Symptoms at a severe level: please talk this through with your therapist or doctor soon.",
}
NOT_A_DIAGNOSIS = ("A questionnaire is not a diagnosis. It is a way to notice how you have been and how that "
                   "changes over time; what it means for you is something to explore with your therapist or doctor.")


@dataclass
class ResponseView:
    row: MeasureResponse
    instrument: Instrument
    answers: list[int]
    difficulty: int | None
    score: Score


def save_response(owner_id: int, instrument: Instrument, answers: list[int], difficulty: int | None,
                  taken_at: datetime | None = None) -> MeasureResponse:
    """Score and store one completed questionnaire (answers sealed). Commits.

    ``taken_at`` is for demo data; questionnaires taken in the app are "now".
    """
    result = score(instrument, answers)
    row = MeasureResponse(id=uuid.uuid4(), owner_id=owner_id, instrument=instrument.key,
                          library_version=measures().version, total=result.total, taken_at=taken_at or utcnow())
    seal_row(row, {"answers": answers, "difficulty": difficulty})
    db.session.add(row)
    db.session.commit()
    return row


def open_response(row: MeasureResponse) -> ResponseView:
    payload = unseal_row(row)
    instrument = measures().instruments[row.instrument]
    return ResponseView(row, instrument, payload["answers"], payload.get("difficulty"),
                        score(instrument, payload["answers"]))


def baseline_change(view: ResponseView) -> Change | None:
    """Change against the patient's first response to the same questionnaire; None for that first one."""
    first = db.session.scalar(
        select(MeasureResponse).where(MeasureResponse.owner_id == view.row.owner_id,
                                      MeasureResponse.instrument == view.row.instrument)
        .order_by(MeasureResponse.taken_at, MeasureResponse.id).limit(1))
    if first is None or first.id == view.row.id:
        return None
    return change(view.instrument, first.total, view.row.total)


def history(owner_id: int) -> dict[str, list[MeasureResponse]]:
    """Each instrument's responses, oldest first (plaintext totals: nothing is decrypted)."""
    result: dict[str, list[MeasureResponse]] = {key: [] for key in measures().instruments}
    for row in db.session.scalars(select(MeasureResponse).where(MeasureResponse.owner_id == owner_id)
                                  .order_by(MeasureResponse.taken_at)):
        result.setdefault(row.instrument, []).append(row)
    return result
