"""Which reminder is due for whom, and sending each at most once.

``send_due`` is run every 15 minutes by ``flask send-reminders`` (cron or a
systemd timer). A person who opted in, with a confirmed address, gets at most
one email a day: at or after their chosen hour, never in their quiet hours,
and only for the latest prompt set that became ready (after downtime it
catches up with one email, not a flood). A reminder is claimed by inserting
its row before the email goes: two runs at once cannot both send it. Once the
email has gone, the browsers they turned notifications on in show it too
(``journal.push``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from journal import mail
from journal.clock import utcnow
from journal.extensions import db
from journal.i18n import reader_locale, speaking
from journal.models import ReminderSent, Role, User
from journal.prompts import translate
from journal.push import services as push
from journal.push.notices import reminder_notice
from journal.sessions.services import sessions_since
from journal.sessions.timeline import HOME_WINDOW_DAYS, due_now, local_date
from journal.timezones import to_local

log = logging.getLogger(__name__)

SALT = "journal reminders unsubscribe"


@dataclass
class RunSummary:
    sent: int = 0
    skipped: int = 0  # already claimed by another run, or the mail server refused


def in_quiet_hours(hour: int, quiet_from: int, quiet_until: int) -> bool:
    """Whether a local hour falls in [quiet_from, quiet_until), which may wrap past midnight."""
    if quiet_from == quiet_until:
        return False
    if quiet_from < quiet_until:
        return quiet_from <= hour < quiet_until
    return hour >= quiet_from or hour < quiet_until


def _stamp(user: User) -> str:
    """A secret of this account at this address: a keyed digest of its creation time, its address and when
    that was confirmed. A new address (even a return to an old one) changes it, so earlier links stop working."""
    verified = int(user.email_verified_at.timestamp()) if user.email_verified_at else 0
    named = f"{user.id}|{int(user.created_at.timestamp())}|{user.email}|{verified}"
    return hmac.new(current_app.config["SECRET_KEY"].encode(), named.encode(), hashlib.sha256).hexdigest()[:32]


def unsubscribe_token(user: User) -> str:
    """A signed link naming the account by id and by its stamp (an id may be given out again; an address changes)."""
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT).dumps([user.id, _stamp(user)])


def user_of_token(token: str) -> User | None:
    """The account a link was made for, while it still has the address the link was sent to; else None."""
    try:
        user_id, stamp = URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT).loads(token)
        user = db.session.get(User, int(user_id))
    except (BadSignature, TypeError, ValueError):
        return None
    if user is None or not isinstance(stamp, str) or not hmac.compare_digest(_stamp(user).encode(), stamp.encode()):
        return None
    return user


def waiting_for_address(user: User) -> bool:
    """Reminders are on, but none can go yet: ``send_due`` mails only a confirmed address."""
    return user.reminders and not user.email_verified


def stop_reminders(user: User) -> None:
    """Turn reminders off (the one-click unsubscribe). Commits."""
    user.reminders = False
    db.session.commit()


def send_due(now: datetime | None = None) -> RunSummary:
    """Send every reminder due now. Commits per reminder."""
    return send_to_each(User.reminders.is_(True), Role.PATIENT, _due_for, now or utcnow(), "reminder")


def send_to_each(
    opted_in, role: Role, due_for: Callable[[User, datetime, RunSummary], bool], now: datetime, what: str
) -> RunSummary:
    """Run ``due_for`` for each person of a role who opted in and may be mailed (an active account, a confirmed
    address: the one rule for scheduled mail, reminders and digests), counting what went. One person's failure
    is logged and rolled back, and the rest still get theirs."""
    summary = RunSummary()
    ids = db.session.scalars(
        select(User.id).where(opted_in, User.active.is_(True), User.email_verified_at.is_not(None), User.role == role)
    ).all()
    for user_id in ids:
        try:
            user = db.session.get(User, user_id)
            if user is not None and due_for(user, now, summary):
                summary.sent += 1
        except Exception:  # one person's failure must not stop everyone else's mail
            db.session.rollback()
            log.exception("%s for user=%s failed", what, user_id)
            summary.skipped += 1
    return summary


def _due_for(user: User, now: datetime, summary: RunSummary) -> bool:
    local = to_local(now, user.time_zone)
    if local.hour < user.reminder_hour or in_quiet_hours(local.hour, user.quiet_from, user.quiet_until):
        return False
    today = local.date()
    if db.session.scalar(
        select(ReminderSent.id).where(ReminderSent.user_id == user.id, ReminderSent.local_day == today)
    ):
        return False  # one a day
    sessions = [s.row for s in sessions_since(user.id, now - timedelta(days=HOME_WINDOW_DAYS + 1))]
    due = due_now(user.id, sessions, local_date(now, user.time_zone), user.time_zone)
    if not due:
        return False
    # Only the set opened last: after downtime, one email, not one per set.
    latest = max(due, key=lambda step: step.opens_on)
    message = _message(user, latest.prompt_set.name)  # built first: a failure here leaves no claim behind
    claim = ReminderSent(
        user_id=user.id, session_id=latest.session_id, prompt_set=latest.prompt_set.key, local_day=today, sent_at=now
    )
    db.session.add(claim)
    try:
        db.session.commit()
    except IntegrityError:  # already sent, or another run claimed it this instant
        db.session.rollback()
        return False
    try:
        mail.send(message)
    except mail.MailNotSent:
        db.session.execute(delete(ReminderSent).where(ReminderSent.id == claim.id))
        db.session.commit()  # not sent: the next run tries again
        summary.skipped += 1
        return False
    # Also on the browsers they turned notifications on in; after the email, so the claim's one send is
    # one push too (a refused email is retried next run, with its push then). Never raises.
    push.notify(user, reminder_notice())
    return True


def _message(user: User, set_name: str):
    """The reminder in the person's language (``mail.compose``), the set named as their journal names it."""
    with speaking(reader_locale(user)):
        set_name = translate(set_name)
    link = mail.absolute_url("reminders.unsubscribe", token=unsubscribe_token(user))
    headers = {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return mail.compose(
        "reminder",
        user.email,
        _l("A new reflection is ready"),
        reader=user,
        headers=headers,
        name=user.display_name,
        set_name=set_name,
        unsubscribe=link,
        link=mail.absolute_url("main.index"),
    )
