"""What follows a save in which risk was noticed: the care card on the next page, and the alerts' emails.

Every save that can notice risk (an entry, a questionnaire) calls ``offer_care`` with its notice. The card
has two levels (``journal.safety.risk``): *urgent* puts the lines to call first; *gentle* is warmer and
offers the safety plan first, with the lines below. The flash carries the level, never a word of the journal.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from babel.lists import format_list
from flask import after_this_request, flash, get_flashed_messages
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import select

from journal.extensions import db
from journal.models import AccessAction, AccessLog, Connection, Entry, Role, User
from journal.safety import crisis
from journal.safety.alerts import told
from journal.safety.outbox import deliver_after_response
from journal.safety.plan import plan_of
from journal.safety.plan import read as read_plan
from journal.safety.risk import Level, tells_the_team
from journal.safety.services import Notice

CARE = "care"  # the flash category that carries only the card's level
ABOUT = "care-entry"  # and the one that carries the saved entry's id (never a word of it)


def offer_care(notice: Notice) -> None:
    """When risk was noticed: the card on the next page, and the alerts' emails once this response has gone."""
    if notice:
        flash(notice.risk.level or Level.GENTLE, CARE)
        if notice.entry_id is not None:
            flash(str(notice.entry_id), ABOUT)
        alerts = notice.alerts
        after_this_request(lambda response: deliver_after_response(response, alerts))


def card() -> dict | None:
    """What the card shows, when one was offered for this page: its level, the person's own region's lines,
    their therapists' after-hours lines, whether they have a safety plan yet, and who was told."""
    offered = get_flashed_messages(category_filter=[CARE])
    about = get_flashed_messages(category_filter=[ABOUT])
    if not offered or not current_user.is_authenticated or current_user.role != Role.PATIENT:
        return None
    level = Level.GENTLE if all(message == Level.GENTLE for message in offered) else Level.URGENT
    region = crisis.own_region(current_user.crisis_region, current_user.time_zone)
    connected = db.session.execute(
        select(User.id, User.display_name, User.after_hours_line)
        .join(Connection, Connection.therapist_id == User.id)
        .where(Connection.patient_id == current_user.id, Connection.is_active)
        .order_by(User.display_name)
    ).all()
    allowed = set(db.session.scalars(told(current_user.id).with_only_columns(Connection.therapist_id)))
    danger = crisis.danger_number(region)
    told_names = (
        [name for therapist_id, name, _ in connected if therapist_id in allowed]
        if tells_the_team(level)  # the rule raise_alerts applies
        else []
    )
    return {
        "level": level,
        "region": region,
        "directory": crisis.international(),
        "danger_number": danger,
        "danger_tel": crisis.line({"name": "", "number": danger}).tel if danger else None,
        "after_hours": [(name, line) for _, name, line in connected if line],
        "told": told_names,
        # The names as a list in the page's language ("Sam and Alex", "Sam y Alex").
        "told_names": format_list(told_names, locale=get_locale() or "en") if told_names else "",
        "connected": bool(connected),
        "has_plan": any(text.strip() for text in read_plan(plan_of(current_user.id)).values()),
        "entry_id": about[-1] if about else None,
    }


def not_what_i_meant(entry: Entry) -> None:
    """The patient says a card was not what they meant: a line in their access log (and on any alert
    the entry raised, for the therapist). It silences nothing: the next save is read afresh. Commits."""
    db.session.add(
        AccessLog(patient_id=entry.owner_id, therapist_id=None, action=AccessAction.NOT_WHAT_I_MEANT, entry_id=entry.id)
    )
    db.session.commit()


def said_not_meant(entry_id: uuid.UUID | None) -> list[datetime]:
    """When the patient said a card about this entry was not what they meant."""
    if entry_id is None:
        return []
    return list(
        db.session.scalars(
            select(AccessLog.at)
            .where(AccessLog.entry_id == entry_id, AccessLog.action == AccessAction.NOT_WHAT_I_MEANT)
            .order_by(AccessLog.at)
        )
    )
