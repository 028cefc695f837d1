"""Safety alerts: raised when risk is noticed in what a patient saved and they allowed a therapist to be
told; emailed through the outbox (``journal.safety.outbox``, no journal text), then acknowledged and
resolved by the therapist, each step in the patient's access log.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select, update

from journal.access import therapist_alerts_query
from journal.clock import utcnow
from journal.database import changed_rows
from journal.extensions import db
from journal.models import AccessAction, AlertAction, AlertOutcome, Connection, SafetyAlert, User
from journal.safety import outbox
from journal.safety.risk import LABELS, Risk
from journal.sharing.services import record_access
from journal.vault import seal_row, unseal_row

log = logging.getLogger(__name__)

NOTE_MAX = 500  # a short note of what was done


class AlertError(ValueError):
    """A step that cannot be taken (a choice not offered); the message says which."""


class AlreadyDone(AlertError):
    """The step was taken already (another tab, another click)."""


def told(patient_id: int):
    """Select the connections whose therapist the patient allows to be sent safety alerts."""
    return select(Connection).where(Connection.patient_id == patient_id, Connection.is_active, Connection.safety_alerts)


def raise_alerts(
    patient: User, risk: Risk, *, entry_id: uuid.UUID | None = None, response_id: uuid.UUID | None = None
) -> list[SafetyAlert]:
    """One alert for each therapist the patient allowed to be told. An entry that already has an open
    alert for a therapist gets no second one while that alert is open (an edit re-saves the same words).
    Part of the caller's transaction (the save that carried the risk): flushes, never commits."""
    if not risk.urgent:  # the gentle card tells no one: it offers the plan and the lines
        return []
    therapists = db.session.scalars(told(patient.id).with_only_columns(Connection.therapist_id)).all()
    raised = []
    for therapist_id in therapists:
        if (
            entry_id is not None
            and db.session.scalar(
                select(SafetyAlert.id)
                .where(
                    SafetyAlert.entry_id == entry_id,
                    SafetyAlert.therapist_id == therapist_id,
                    SafetyAlert.resolved_at.is_(None),
                )
                .limit(1)
            )
            is not None
        ):
            continue
        alert = SafetyAlert(
            id=uuid.uuid4(),
            patient_id=patient.id,
            therapist_id=therapist_id,
            signals=",".join(risk.signals),
            negated=risk.negated,
            entry_id=entry_id,
            response_id=response_id,
            created_at=utcnow(),
        )
        db.session.add(alert)
        db.session.flush()
        outbox.enqueue(alert)  # the email is written with the alert: one cannot exist without the other
        raised.append(alert)
    db.session.flush()
    if raised:
        log.info("safety alerts raised: patient=%s alerts=%d", patient.id, len(raised))
    return raised


@dataclass
class AlertView:
    alert: SafetyAlert
    patient: User
    overdue: bool

    @property
    def labels(self) -> list[str]:
        return [LABELS[signal] for signal in self.alert.signals.split(",") if signal in LABELS]


def overdue_after() -> timedelta:
    return timedelta(hours=float(current_app.config["SAFETY_ALERT_OVERDUE_HOURS"]))


def _views(statement) -> list[AlertView]:
    """Alerts with their patient, each marked overdue when unacknowledged past the configured time."""
    limit = utcnow() - overdue_after()
    rows = db.session.execute(statement.add_columns(User).join(User, User.id == SafetyAlert.patient_id)).all()
    return [
        AlertView(
            alert, patient, alert.acknowledged_at is None and alert.resolved_at is None and alert.created_at < limit
        )
        for alert, patient in rows
    ]


def open_alerts(therapist_id: int, patient_id: int | None = None) -> list[AlertView]:
    """The therapist's alerts not yet resolved (of one patient, when given), unacknowledged first,
    oldest first within each."""
    statement = (
        therapist_alerts_query(therapist_id)
        .where(SafetyAlert.resolved_at.is_(None))
        .order_by(SafetyAlert.acknowledged_at.is_not(None), SafetyAlert.created_at)
    )
    if patient_id is not None:
        statement = statement.where(SafetyAlert.patient_id == patient_id)
    return _views(statement)


def all_alerts(therapist_id: int, patient_id: int) -> list[AlertView]:
    """Every alert of one patient this therapist may see, open or closed, newest first."""
    return _views(
        therapist_alerts_query(therapist_id)
        .where(SafetyAlert.patient_id == patient_id)
        .order_by(SafetyAlert.created_at.desc())
    )


def view(alert: SafetyAlert) -> AlertView:
    (one,) = _views(select(SafetyAlert).where(SafetyAlert.id == alert.id))
    return one


def notes(alert: SafetyAlert) -> dict[str, str]:
    """The therapist's notes on the steps taken (sealed; never shown to the patient)."""
    return unseal_row(alert) if alert.sealed else {}


def _note(alert: SafetyAlert, step: str, text: str) -> None:
    text = (text or "").strip()
    if len(text) > NOTE_MAX:
        raise AlertError(_("Please keep the note under %(max)d characters.", max=NOTE_MAX))
    if text:
        seal_row(alert, {**notes(alert), step: text})


def _take_step(alert: SafetyAlert, step: str, values: dict, note: str, done: str) -> None:
    """Write one step only if it was not taken in the meantime: the UPDATE itself checks, so two tabs
    racing cannot both write it. Commits."""
    _note(alert, step, note)
    moment = getattr(SafetyAlert, f"{step}_at")
    taken = changed_rows(
        update(SafetyAlert).where(SafetyAlert.id == alert.id, moment.is_(None)).values(**values, sealed=alert.sealed)
    )
    if taken != 1:
        db.session.rollback()
        raise AlreadyDone(done)
    db.session.commit()
    db.session.refresh(alert)


def acknowledge(alert: SafetyAlert, action: str, note: str) -> None:
    """Record what was done. Commits; the patient's access log says so."""
    if alert.acknowledged_at is not None:
        raise AlreadyDone(_("This alert was already acknowledged."))
    try:
        chosen = AlertAction(action)
    except ValueError:
        raise AlertError(_("Please choose what you did.")) from None
    _take_step(
        alert,
        "acknowledged",
        {"acknowledged_at": utcnow(), "action": chosen.value},
        note,
        _("This alert was already acknowledged."),
    )
    record_access(alert.patient_id, alert.therapist_id, AccessAction.ACKNOWLEDGE_ALERT, alert.entry_id)


def resolve(alert: SafetyAlert, outcome: str, note: str) -> None:
    """Close the alert with an outcome (acknowledging it too if that step was skipped). Commits."""
    if alert.resolved_at is not None:
        raise AlreadyDone(_("This alert is already closed."))
    try:
        chosen = AlertOutcome(outcome)
    except ValueError:
        raise AlertError(_("Please choose how it was closed.")) from None
    now = utcnow()
    values = {"resolved_at": now, "outcome": chosen.value}
    if alert.acknowledged_at is None:
        values |= {"acknowledged_at": now, "action": AlertAction.OTHER.value}
    _take_step(alert, "resolved", values, note, _("This alert is already closed."))
    record_access(alert.patient_id, alert.therapist_id, AccessAction.RESOLVE_ALERT, alert.entry_id)


def sent_to_patient(patient_id: int, since: datetime | None = None) -> list[tuple[SafetyAlert, User]]:
    """The alerts about a patient, newest first, with their therapist: what the patient sees of them."""
    statement = (
        select(SafetyAlert, User)
        .join(User, User.id == SafetyAlert.therapist_id)
        .where(SafetyAlert.patient_id == patient_id)
        .order_by(SafetyAlert.created_at.desc())
    )
    if since is not None:
        statement = statement.where(SafetyAlert.created_at >= since)
    return list(db.session.execute(statement).all())
