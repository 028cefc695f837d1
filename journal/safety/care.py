"""What follows a save in which risk was noticed: the care card on the next page, and the alerts' emails.

Every save that can notice risk (an entry, a questionnaire) calls ``offer_care`` with its notice. The card
has two levels (``journal.safety.risk``): *urgent* puts the lines to call first; *gentle* is warmer and
offers the safety plan first, with the lines below. The flash carries the level, never a word of the journal.
"""

from __future__ import annotations

from flask import after_this_request, flash, get_flashed_messages
from flask_login import current_user
from sqlalchemy import select

from journal.extensions import db
from journal.models import Connection, Role, User
from journal.safety import crisis
from journal.safety.alerts import email_after_response, told
from journal.safety.plan import plan_of
from journal.safety.plan import read as read_plan
from journal.safety.risk import Level, tells_the_team
from journal.safety.services import Notice

CARE = "care"  # the flash category that carries only the card's level


def offer_care(notice: Notice) -> None:
    """When risk was noticed: the card on the next page, and the alerts' emails once this response has gone."""
    if notice:
        flash(notice.risk.level or Level.GENTLE, CARE)
        alerts = notice.alerts
        after_this_request(lambda response: email_after_response(response, alerts))


def card() -> dict | None:
    """What the card shows, when one was offered for this page: its level, the person's own region's lines,
    their therapists' after-hours lines, whether they have a safety plan yet, and who was told."""
    offered = get_flashed_messages(category_filter=[CARE])
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
    return {
        "level": level,
        "region": region,
        "directory": crisis.international(),
        "danger_number": danger,
        "danger_tel": crisis.line({"name": "", "number": danger}).tel if danger else None,
        "after_hours": [(name, line) for _, name, line in connected if line],
        "told": [name for therapist_id, name, _ in connected if therapist_id in allowed]
        if tells_the_team(level)  # the rule raise_alerts applies
        else [],
        "connected": bool(connected),
        "has_plan": any(text.strip() for text in read_plan(plan_of(current_user.id)).values()),
    }
