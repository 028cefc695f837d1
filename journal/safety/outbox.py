"""The alert outbox: every email about a safety alert is a row (``AlertMail``), written with the alert in
one transaction, so an alert is never raised without its email.

A row is sent right after the patient's page has gone, and again by ``flask send-alerts`` (cron, every few
minutes) until it is sent or given up. Each send is claimed first with a lease, so two senders at once
never send one twice, and a sender killed mid-send leaves a lease that lapses. A refusal the server calls
temporary (4xx, a dropped connection) is tried again after an exponential backoff; a permanent one (5xx),
or too many attempts, is recorded and given up. Delivery is at least once: a sender killed after the
server took the message but before it wrote so sends it again, which for a safety alert beats never.

Mail goes only to a confirmed address; otherwise the alert is in the app only, the row says so, and
the therapist's dashboard asks them to confirm it. The browsers the therapist turned notifications on in
(``journal.push``) are told on a row's first try, confirmed address or not, before its email: a retry of
the email never pushes again. An alert still unacknowledged a period
(``SAFETY_ALERT_OVERDUE_HOURS``) after it was raised gets a reminder, once per period, while it is open.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError

from journal import mail
from journal.access import therapist_alerts_query
from journal.clock import utcnow
from journal.database import changed_rows
from journal.extensions import db
from journal.i18n import reader_locale, speaking
from journal.models import AlertMail, SafetyAlert, User
from journal.ops.request_id import carry_request_id, request_id
from journal.push import services as push
from journal.push.notices import alert_notice
from journal.timezones import format_local

log = logging.getLogger(__name__)

CLAIM = timedelta(minutes=10)  # a send claimed longer ago than this was lost (a killed sender)
FIRST_RETRY = timedelta(minutes=1)  # then 2, 4, 8 ... minutes
LONGEST_WAIT = timedelta(hours=1)
MAX_ATTEMPTS = 10  # about four and a half hours of trying

UNCONFIRMED = "address unconfirmed: in the app only"
CLOSED = "alert acknowledged or closed before it went"
DISCONNECTED = "patient no longer connected"
UNEXPECTED = "failed unexpectedly, see the log"
# What the therapist reads for each reason a row keeps (an SMTP reply code and error class is shown as it is).
REASON_LABELS = {
    UNCONFIRMED: _l("address unconfirmed: in the app only"),
    CLOSED: _l("alert acknowledged or closed before it went"),
    DISCONNECTED: _l("patient no longer connected"),
    UNEXPECTED: _l("failed unexpectedly, see the log"),
}


def enqueue(alert: SafetyAlert) -> AlertMail:
    """The first email of a new alert, in the caller's transaction."""
    row = AlertMail(id=uuid.uuid4(), alert_id=alert.id, number=0, created_at=utcnow(), next_attempt_at=utcnow())
    db.session.add(row)
    return row


def backoff(attempts: int) -> timedelta:
    """The wait after the given number of failed attempts: 1, 2, 4 ... minutes, at most an hour."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def period() -> timedelta:
    return timedelta(hours=float(current_app.config["SAFETY_ALERT_OVERDUE_HOURS"]))


@dataclass
class RunSummary:
    sent: int = 0
    retrying: int = 0
    given_up: int = 0
    reminders: int = 0


def deliver(mail_ids: list[uuid.UUID], summary: RunSummary | None = None) -> RunSummary:
    """Try each row once, if it is due and no one else holds it. Commits after each step."""
    summary = summary or RunSummary()
    for mail_id in mail_ids:
        try:
            _deliver_one(mail_id, summary)
        except (OperationalError, InterfaceError):  # the database is gone: the next run sends what is due
            raise
        except Exception:  # one row that cannot be sent (a bad address, a template) must not stop the others
            db.session.rollback()
            log.exception("alert mail %s not sent; tried again later", mail_id)
            _hold_back(mail_id, summary)
    return summary


def _hold_back(mail_id: uuid.UUID, summary: RunSummary) -> None:
    """After an unexpected failure: release the row for a later attempt, at the back of the queue."""
    row = db.session.get(AlertMail, mail_id)
    if row is not None and row.sent_at is None and row.given_up_at is None:
        row.attempts += 1
        if row.attempts >= MAX_ATTEMPTS:
            return _give_up(row, UNEXPECTED, summary)
        row.claimed_at, row.next_attempt_at = None, utcnow() + backoff(row.attempts)
        db.session.commit()
    summary.retrying += 1


def _deliver_one(mail_id: uuid.UUID, summary: RunSummary) -> None:
    now = utcnow()
    claimed = changed_rows(
        update(AlertMail)
        .where(
            AlertMail.id == mail_id,
            AlertMail.sent_at.is_(None),
            AlertMail.given_up_at.is_(None),
            AlertMail.next_attempt_at <= now,
            AlertMail.claimed_at.is_(None) | (AlertMail.claimed_at < now - CLAIM),
        )
        .values(claimed_at=now)
    )
    db.session.commit()
    if claimed != 1:
        return
    row = db.session.get(AlertMail, mail_id)
    alert = db.session.scalar(therapist_alerts_query(None).where(SafetyAlert.id == row.alert_id))
    if alert is None:  # the patient has disconnected since: nothing goes out
        return _give_up(row, DISCONNECTED, summary)
    if alert.acknowledged_at is not None or alert.resolved_at is not None:  # seen in the app meanwhile
        return _give_up(row, CLOSED, summary)
    therapist = db.session.get(User, alert.therapist_id)
    if row.attempts == 0:  # the row's first try: its push goes once, whatever becomes of the email
        push.notify(therapist, alert_notice(alert.id, reminder=row.number > 0))
    if not therapist.email_verified:
        return _give_up(row, UNCONFIRMED, summary)
    row.attempts += 1
    try:
        mail.send(_message(alert, therapist, reminder=row.number > 0))
    except mail.MailNotSent as refused:
        if refused.permanent or row.attempts >= MAX_ATTEMPTS:
            return _give_up(row, refused.reason, summary)
        row.claimed_at, row.next_attempt_at, row.reason = None, utcnow() + backoff(row.attempts), refused.reason
        db.session.commit()
        summary.retrying += 1
        return
    row.sent_at = utcnow()
    db.session.commit()
    summary.sent += 1


def _give_up(row: AlertMail, reason: str, summary: RunSummary) -> None:
    row.given_up_at, row.reason = utcnow(), reason
    db.session.commit()
    summary.given_up += 1
    log.warning("alert mail given up: alert=%s number=%d reason=%s", row.alert_id, row.number, reason)


def _message(alert: SafetyAlert, therapist: User, *, reminder: bool):
    """The alert's email in the therapist's language (``mail.compose``), its time in their zone and clock."""
    subject = (
        _l("Reminder: a safety alert is still waiting for you") if reminder else _l("A safety alert is waiting for you")
    )
    with speaking(reader_locale(therapist)):
        at = format_local(alert.created_at, therapist.time_zone, "%-d %B %Y, %H:%M", therapist.clock)
    return mail.compose(
        "safety_alert",
        therapist.email,
        subject,
        reader=therapist,
        name=therapist.display_name,
        reminder=reminder,
        at=at,
        link=mail.absolute_url("therapist.alert", alert_id=alert.id),
    )


def enqueue_reminders(summary: RunSummary | None = None) -> RunSummary:
    """A reminder for each open, unacknowledged alert whose latest email is a period old: number n is
    the n-th period since the alert was raised, so two senders at once write it once (the unique
    (alert, number) pair refuses the second) and a sender that was down for days writes one, not many."""
    summary = summary or RunSummary()
    now, every = utcnow(), period()
    latest = (
        select(AlertMail.alert_id, func.max(AlertMail.number).label("number")).group_by(AlertMail.alert_id).subquery()
    )
    pending = select(AlertMail.id).where(AlertMail.sent_at.is_(None), AlertMail.given_up_at.is_(None))
    waiting = db.session.execute(
        therapist_alerts_query(None)
        .with_only_columns(SafetyAlert.id, SafetyAlert.created_at, latest.c.number)
        .outerjoin(latest, latest.c.alert_id == SafetyAlert.id)
        .where(
            SafetyAlert.acknowledged_at.is_(None),
            SafetyAlert.resolved_at.is_(None),
            SafetyAlert.created_at <= now - every,
            ~pending.where(AlertMail.alert_id == SafetyAlert.id).exists(),  # one still being tried goes first
        )
    ).all()
    for alert_id, created_at, number in waiting:
        due = int((now - created_at) / every)
        if number is not None and number >= due:
            continue
        db.session.add(AlertMail(id=uuid.uuid4(), alert_id=alert_id, number=due, created_at=now, next_attempt_at=now))
        try:
            db.session.commit()
            summary.reminders += 1
        except IntegrityError:  # another sender wrote this reminder a moment ago
            db.session.rollback()
    return summary


def send_due() -> RunSummary:
    """One run of ``flask send-alerts``: write the reminders due, then try every row that is due."""
    summary = enqueue_reminders()
    due = db.session.scalars(
        select(AlertMail.id)
        .where(AlertMail.sent_at.is_(None), AlertMail.given_up_at.is_(None), AlertMail.next_attempt_at <= utcnow())
        .order_by(AlertMail.next_attempt_at)
    ).all()
    return deliver(list(due), summary)


def backlog() -> tuple[int, float]:
    """How many emails wait to be sent (neither sent nor given up), and how many seconds the oldest has waited."""
    waiting, oldest = db.session.execute(
        select(func.count(), func.min(AlertMail.created_at)).where(
            AlertMail.sent_at.is_(None), AlertMail.given_up_at.is_(None)
        )
    ).one()
    return waiting, max((utcnow() - oldest).total_seconds(), 0.0) if oldest is not None else 0.0


def deliver_after_response(response, alerts: list[SafetyAlert]):
    """Send new alerts' emails once the patient's page has gone: SMTP never slows their save. Anything
    that fails here (the mail server, the database) is left to ``flask send-alerts``."""
    if not alerts:
        return response
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    base = app.config.get("PUBLIC_URL") or None
    alert_ids = [alert.id for alert in alerts]
    saved_by = request_id()

    def send() -> None:
        with app.test_request_context("/", base_url=base):
            carry_request_id(saved_by)  # its log lines belong to the save's request
            try:
                mail_ids = db.session.scalars(select(AlertMail.id).where(AlertMail.alert_id.in_(alert_ids))).all()
                deliver(list(mail_ids))
            except Exception:  # the row stays due; the next run sends it
                log.exception("alert mail left for flask send-alerts")
                db.session.rollback()

    response.call_on_close(send)
    return response


@dataclass
class Delivery:
    """What became of an alert's emails, as its therapist sees it on the alert."""

    sent: list[datetime]
    waiting: bool
    not_sent: str | None


def delivery(alert_id: uuid.UUID) -> Delivery:
    rows = db.session.scalars(select(AlertMail).where(AlertMail.alert_id == alert_id).order_by(AlertMail.number)).all()
    given_up = [row.reason for row in rows if row.given_up_at is not None and row.reason != CLOSED]
    return Delivery(
        sent=[row.sent_at for row in rows if row.sent_at is not None],
        waiting=any(row.sent_at is None and row.given_up_at is None for row in rows),
        not_sent=str(REASON_LABELS.get(given_up[-1], given_up[-1])) if given_up else None,
    )
