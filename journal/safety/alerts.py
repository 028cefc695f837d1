"""Safety alerts: raised when risk is noticed in what a patient saved and they allowed a therapist to be
told; emailed (no journal text), then acknowledged and resolved by the therapist, each step in the
patient's access log.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from journal import mail
from journal.access import therapist_alerts_query
from journal.clock import utcnow
from journal.extensions import db
from journal.models import AccessAction, AlertAction, AlertOutcome, Connection, SafetyAlert, User
from journal.safety.risk import LABELS, Risk
from journal.sharing.services import record_access
from journal.timezones import format_local
from journal.vault import seal_row, unseal_row

log = logging.getLogger(__name__)

NOTE_MAX = 500  # a short note of what was done
EMAIL_RETRY_AFTER = timedelta(minutes=2)  # an alert still unemailed this long after is retried by the job


class AlertError(ValueError):
    """A step that cannot be taken (already done, or a choice not offered); the message says which."""


def raise_alerts(patient: User, risk: Risk, *, entry_id: uuid.UUID | None = None,
                 response_id: uuid.UUID | None = None) -> list[SafetyAlert]:
    """One alert for each therapist the patient allowed to be told. An entry that already has an open
    alert for a therapist gets no second one while that alert is open (an edit re-saves the same words).
    Commits; returns the alerts raised."""
    if not risk:
        return []
    therapists = db.session.scalars(select(Connection.therapist_id).where(
        Connection.patient_id == patient.id, Connection.is_active, Connection.safety_alerts)).all()
    raised = []
    for therapist_id in therapists:
        if entry_id is not None and db.session.scalar(select(SafetyAlert.id).where(
                SafetyAlert.entry_id == entry_id, SafetyAlert.therapist_id == therapist_id,
                SafetyAlert.resolved_at.is_(None)).limit(1)) is not None:
            continue
        alert = SafetyAlert(id=uuid.uuid4(), patient_id=patient.id, therapist_id=therapist_id,
                            signals=",".join(risk.signals), negated=risk.negated, entry_id=entry_id,
                            response_id=response_id, created_at=utcnow())
        db.session.add(alert)
        raised.append(alert)
    db.session.commit()
    if raised:
        log.info("safety alerts raised: patient=%s alerts=%d", patient.id, len(raised))
    return raised


def email_alerts(alert_ids: list[uuid.UUID]) -> int:
    """Email each therapist that an alert waits (no name, no journal text): claimed first, so two
    runs never send one twice; a failure releases the claim for the next run. Returns how many were sent."""
    sent = 0
    for alert_id in alert_ids:
        claimed = db.session.execute(update(SafetyAlert).where(
            SafetyAlert.id == alert_id, SafetyAlert.emailed_at.is_(None)).values(emailed_at=utcnow()))
        db.session.commit()
        if claimed.rowcount != 1:
            continue
        alert = db.session.get(SafetyAlert, alert_id)
        therapist = db.session.get(User, alert.therapist_id)
        try:
            mail.send(mail.compose("safety_alert", therapist.email, "A safety alert is waiting for you",
                                   name=therapist.display_name,
                                   at=format_local(alert.created_at, therapist.time_zone, "%-d %B %Y, %H:%M",
                                                   therapist.clock),
                                   link=mail.absolute_url("therapist.alert", alert_id=alert.id)))
        except mail.MailNotSent:
            alert.emailed_at = None
            db.session.commit()
            continue
        sent += 1
    return sent


def email_pending() -> int:
    """Retry the alerts whose email has not gone (run by ``flask send-reminders``)."""
    waiting = db.session.scalars(select(SafetyAlert.id).where(
        SafetyAlert.emailed_at.is_(None), SafetyAlert.resolved_at.is_(None),
        SafetyAlert.created_at < utcnow() - EMAIL_RETRY_AFTER)).all()
    return email_alerts(list(waiting))


def email_after_response(response, alerts: list[SafetyAlert]):
    """Send the alerts' emails once the patient's page has gone: SMTP never slows their save."""
    if not alerts:
        return response
    app, ids = current_app._get_current_object(), [alert.id for alert in alerts]
    base = app.config.get("PUBLIC_URL") or None

    def send() -> None:
        with app.test_request_context("/", base_url=base):
            email_alerts(ids)
    response.call_on_close(send)
    return response


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


def open_alerts(therapist_id: int) -> list[AlertView]:
    """The therapist's alerts not yet resolved, unacknowledged first, oldest first within each."""
    rows = db.session.execute(
        therapist_alerts_query(therapist_id).add_columns(User).join(User, User.id == SafetyAlert.patient_id)
        .where(SafetyAlert.resolved_at.is_(None))
        .order_by(SafetyAlert.acknowledged_at.is_not(None), SafetyAlert.created_at)).all()
    limit = utcnow() - overdue_after()
    return [AlertView(alert, patient, alert.acknowledged_at is None and alert.created_at < limit)
            for alert, patient in rows]


def view(alert: SafetyAlert) -> AlertView:
    patient = db.session.get(User, alert.patient_id)
    return AlertView(alert, patient, alert.acknowledged_at is None
                     and alert.created_at < utcnow() - overdue_after())


def notes(alert: SafetyAlert) -> dict[str, str]:
    """The therapist's notes on the steps taken (sealed; never shown to the patient)."""
    return unseal_row(alert) if alert.sealed else {}


def _note(alert: SafetyAlert, step: str, text: str) -> None:
    text = (text or "").strip()
    if len(text) > NOTE_MAX:
        raise AlertError(f"Please keep the note under {NOTE_MAX} characters.")
    if text:
        seal_row(alert, {**notes(alert), step: text})


def acknowledge(alert: SafetyAlert, action: str, note: str) -> None:
    """Record what was done. Commits; the patient's access log says so."""
    if alert.acknowledged_at is not None:
        raise AlertError("This alert was already acknowledged.")
    try:
        chosen = AlertAction(action)
    except ValueError:
        raise AlertError("Please choose what you did.") from None
    _note(alert, "acknowledged", note)
    alert.acknowledged_at, alert.action = utcnow(), chosen.value
    db.session.commit()
    record_access(alert.patient_id, alert.therapist_id, AccessAction.ACKNOWLEDGE_ALERT, alert.entry_id)


def resolve(alert: SafetyAlert, outcome: str, note: str) -> None:
    """Close the alert with an outcome (acknowledging it first if that step was skipped). Commits."""
    if alert.resolved_at is not None:
        raise AlertError("This alert is already closed.")
    try:
        chosen = AlertOutcome(outcome)
    except ValueError:
        raise AlertError("Please choose how it was closed.") from None
    _note(alert, "resolved", note)
    now = utcnow()
    alert.resolved_at, alert.outcome = now, chosen.value
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.action = now, AlertAction.OTHER.value
    db.session.commit()
    record_access(alert.patient_id, alert.therapist_id, AccessAction.RESOLVE_ALERT, alert.entry_id)


def sent_to_patient(patient_id: int, since: datetime | None = None) -> list[tuple[SafetyAlert, User]]:
    """The alerts about a patient, newest first, with their therapist: what the patient sees of them."""
    statement = (select(SafetyAlert, User).join(User, User.id == SafetyAlert.therapist_id)
                 .where(SafetyAlert.patient_id == patient_id).order_by(SafetyAlert.created_at.desc()))
    if since is not None:
        statement = statement.where(SafetyAlert.created_at >= since)
    return list(db.session.execute(statement).all())
