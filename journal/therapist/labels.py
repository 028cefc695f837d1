"""A therapist's private label for each patient: their own words (a surname, a group, a clinic number),
shown beside the name the patient chose, never instead of it. Sealed under the therapist's own key
(``PatientLabel``); no page of the patient's shows it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select

from journal.clock import utcnow
from journal.extensions import db
from journal.models import PatientLabel
from journal.vault import seal_row, unseal_row

LABEL_MAX = 80


def labels_of(therapist_id: int, patient_ids: Iterable[int] | None = None) -> dict[int, str]:
    """This therapist's labels by patient id (of the given patients, when given): one query, their own key."""
    statement = select(PatientLabel).where(PatientLabel.therapist_id == therapist_id)
    if patient_ids is not None:
        statement = statement.where(PatientLabel.patient_id.in_(list(patient_ids)))
    return {row.patient_id: unseal_row(row)["label"] for row in db.session.scalars(statement)}


def label_of(therapist_id: int, patient_id: int) -> str:
    return labels_of(therapist_id, [patient_id]).get(patient_id, "")


def set_label(therapist_id: int, patient_id: int, label: str) -> None:
    """Keep or change this therapist's label for a patient they are connected with; an empty one removes
    it. Commits."""
    label = (label or "").strip()[:LABEL_MAX]
    if not label:
        db.session.execute(
            delete(PatientLabel).where(PatientLabel.therapist_id == therapist_id, PatientLabel.patient_id == patient_id)
        )
        db.session.commit()
        return
    row = db.session.get(PatientLabel, (therapist_id, patient_id))
    if row is None:
        row = PatientLabel(therapist_id=therapist_id, patient_id=patient_id)
        db.session.add(row)
    seal_row(row, {"label": label})
    row.updated_at = utcnow()
    db.session.commit()
