"""The therapist's daily digest: how many new shared entries, messages and unacknowledged safety alerts,
and a link. Never a patient's name or a word of the journal (``journal.mail``).

Opt-in on the Settings page, at a chosen local hour. ``send_due`` runs with ``flask send-reminders``
(every 15 minutes): at or after that hour, once per local day. The day is claimed by inserting its row
(``DigestSent``, unique per therapist and day) before the email goes, so two runs at once send it once.
With nothing to report the day is claimed and nothing is sent; a mail failure drops the claim, and the
next run tries again. Only to a confirmed address.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import delete, distinct, func, select
from sqlalchemy.exc import IntegrityError

from journal import mail
from journal.access import shared_entries_query, therapist_alerts_query
from journal.clock import utcnow
from journal.extensions import db
from journal.models import DigestSent, Entry, EntryShare, Reply, Role, SafetyAlert, User
from journal.reminders.services import RunSummary, send_to_each
from journal.therapist.dashboard import unread_replies_query
from journal.timezones import to_local

log = logging.getLogger(__name__)

FIRST_LOOK_BACK = timedelta(days=1)  # a first digest covers the day before it
LONGEST_LOOK_BACK = timedelta(days=7)  # after a pause, a week of news at most


@dataclass(frozen=True)
class Digest:
    entries: int = 0
    patients: int = 0  # how many patients shared those entries
    messages: int = 0
    alerts: int = 0  # open and not yet acknowledged, however old: each digest counts them until they are

    @property
    def empty(self) -> bool:
        return not (self.entries or self.messages or self.alerts)

    @property
    def parts(self) -> list[str]:
        """The digest in words, one part per kind of news that has something, in the active language (the
        email renders them in its reader's)."""
        parts = []
        if self.entries:
            patients = ngettext("%(num)d patient", "%(num)d patients", self.patients)
            parts.append(
                ngettext(
                    "%(num)d new shared entry from %(patients)s",
                    "%(num)d new shared entries from %(patients)s",
                    self.entries,
                    patients=patients,
                )
            )
        if self.messages:
            parts.append(ngettext("%(num)d new message", "%(num)d new messages", self.messages))
        if self.alerts:
            parts.append(
                ngettext(
                    "%(num)d safety alert not yet acknowledged",
                    "%(num)d safety alerts not yet acknowledged",
                    self.alerts,
                )
            )
        return parts


def since_last(therapist_id: int, now: datetime) -> datetime:
    """Where a digest starts: the last one sent, a day back for a first one, at most a week back."""
    last = db.session.scalar(select(func.max(DigestSent.sent_at)).where(DigestSent.therapist_id == therapist_id))
    return max(last or now - FIRST_LOOK_BACK, now - LONGEST_LOOK_BACK)


def gather(therapist_id: int, since: datetime) -> Digest:
    """Count what is new since a moment, only of what this therapist may open now (``journal.access``)."""
    entries, patients = db.session.execute(
        shared_entries_query(therapist_id)
        .with_only_columns(func.count(), func.count(distinct(Entry.owner_id)))
        .where(EntryShare.shared_at > since)
    ).one()
    messages = db.session.scalar(
        unread_replies_query(therapist_id).with_only_columns(func.count()).where(Reply.created_at > since)
    )
    alerts = db.session.scalar(
        therapist_alerts_query(therapist_id)
        .with_only_columns(func.count())
        .where(SafetyAlert.acknowledged_at.is_(None), SafetyAlert.resolved_at.is_(None))
    )
    return Digest(entries, patients, messages or 0, alerts or 0)


def send_due(now: datetime | None = None) -> RunSummary:
    """Send every digest due now. Commits per therapist."""
    return send_to_each(User.digest.is_(True), Role.THERAPIST, _send_for, now or utcnow(), "digest")


def _send_for(therapist: User, now: datetime, summary: RunSummary) -> bool:
    local = to_local(now, therapist.time_zone)
    if local.hour < therapist.digest_hour:
        return False
    today = local.date()
    if db.session.scalar(
        select(DigestSent.id).where(DigestSent.therapist_id == therapist.id, DigestSent.local_day == today)
    ):
        return False  # one a day
    digest = gather(therapist.id, since_last(therapist.id, now))
    message = None if digest.empty else _message(therapist, digest)  # built first: a failure leaves no claim
    claim = DigestSent(therapist_id=therapist.id, local_day=today, sent_at=None if message is None else now)
    db.session.add(claim)
    try:
        db.session.commit()
    except IntegrityError:  # another run claimed this day this instant
        db.session.rollback()
        return False
    if message is None:
        return False  # nothing new: nothing sent, and the day is done
    try:
        mail.send(message)
    except mail.MailNotSent:
        db.session.execute(delete(DigestSent).where(DigestSent.id == claim.id))
        db.session.commit()  # not sent: the next run tries again
        summary.skipped += 1
        return False
    return True


def _message(therapist: User, digest: Digest):
    return mail.compose(
        "digest",
        therapist.email,
        _l("Your daily summary"),
        reader=therapist,
        name=therapist.display_name,
        digest=digest,
        link=mail.absolute_url("therapist.index"),
        settings=mail.absolute_url("settings.index", _anchor="digest"),
    )
