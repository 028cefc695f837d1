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
from journal.database import changed_rows
from journal.extensions import db
from journal.models import AccessAction, AlertAction, AlertOutcome, Connection, SafetyAlert, User
from journal.safety.risk import LABELS, Risk
from journal.sharing.services import record_access
from journal.timezones import format_local
from journal.vault import seal_row, unseal_row

log = logging.getLogger(__name__)

NOTE_MAX = 500  # a short note of what was done
EMAIL_RETRY_AFTER = timedelta(minutes=2)  # an alert still unemailed this long after is retried by the job
EMAIL_CLAIM = timedelta(minutes=10)  # a send claimed longer ago than this was lost (a killed worker)


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
        raised.append(alert)
    db.session.flush()
    if raised:
        log.info("safety alerts raised: patient=%s alerts=%d", patient.id, len(raised))
    return raised


def email_alerts(alert_ids: list[uuid.UUID]) -> int:
    """Email each therapist that an alert waits (no name, no journal text), while the connection lasts.

    Each email is claimed for a while first, so two runs never send one twice; ``emailed_at`` is set
    only once the server took it, so a failure, or a worker killed mid-send, leaves it for the next
    run once the claim has lapsed. Returns how many were sent.
    """
    sent = 0
    for alert_id in alert_ids:
        now = utcnow()
        claimed = changed_rows(
            update(SafetyAlert)
            .where(
                SafetyAlert.id == alert_id,
                SafetyAlert.emailed_at.is_(None),
                SafetyAlert.email_claimed_at.is_(None) | (SafetyAlert.email_claimed_at < now - EMAIL_CLAIM),
            )
            .values(email_claimed_at=now)
        )
        db.session.commit()
        if claimed != 1:
            continue
        alert = db.session.scalar(therapist_alerts_query(None).where(SafetyAlert.id == alert_id))
        if alert is None:  # the patient has disconnected since: nothing goes out
            continue
        therapist = db.session.get(User, alert.therapist_id)
        try:
            mail.send(
                mail.compose(
                    "safety_alert",
                    therapist.email,
                    "A safety alert is waiting for you",
                    name=therapist.display_name,
                    at=format_local(alert.created_at, therapist.time_zone, "%-d %B %Y, %H:%M", therapist.clock),
                    link=mail.absolute_url("therapist.alert", alert_id=alert.id),
                )
            )
        except mail.MailNotSent:
            alert.email_claimed_at = None  # logged by mail.send; the next run tries again
            db.session.commit()
            continue
        alert.emailed_at = utcnow()
        db.session.commit()
        sent += 1
    return sent


def email_pending() -> int:
    """Send the alert emails that have not gone (run by ``flask send-reminders``): alerts still open,
    of patients still connected, raised a little while ago and not being sent right now."""
    waiting = db.session.scalars(
        therapist_alerts_query(None)
        .with_only_columns(SafetyAlert.id)
        .where(
            SafetyAlert.emailed_at.is_(None),
            SafetyAlert.resolved_at.is_(None),
            SafetyAlert.created_at < utcnow() - EMAIL_RETRY_AFTER,
        )
    ).all()
    return email_alerts(list(waiting))


def email_after_response(response, alerts: list[SafetyAlert]):
    """Send the alerts' emails once the patient's page has gone: SMTP never slows their save."""
    if not alerts:
        return response
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    ids = [alert.id for alert in alerts]
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
        raise AlertError(f"Please keep the note under {NOTE_MAX} characters.")
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
        raise AlreadyDone("This alert was already acknowledged.")
    try:
        chosen = AlertAction(action)
    except ValueError:
        raise AlertError("Please choose what you did.") from None
    _take_step(
        alert,
        "acknowledged",
        {"acknowledged_at": utcnow(), "action": chosen.value},
        note,
        "This alert was already acknowledged.",
    )
    record_access(alert.patient_id, alert.therapist_id, AccessAction.ACKNOWLEDGE_ALERT, alert.entry_id)


def resolve(alert: SafetyAlert, outcome: str, note: str) -> None:
    """Close the alert with an outcome (acknowledging it too if that step was skipped). Commits."""
    if alert.resolved_at is not None:
        raise AlreadyDone("This alert is already closed.")
    try:
        chosen = AlertOutcome(outcome)
    except ValueError:
        raise AlertError("Please choose how it was closed.") from None
    now = utcnow()
    values = {"resolved_at": now, "outcome": chosen.value}
    if alert.acknowledged_at is None:
        values |= {"acknowledged_at": now, "action": AlertAction.OTHER.value}
    _take_step(alert, "resolved", values, note, "This alert is already closed.")
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
