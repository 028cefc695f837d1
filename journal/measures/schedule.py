"""When each questionnaire is due: a baseline, before each planned session, a week and a month after each.

A questionnaire is due from the moment its window opens until it is taken
(any response at or after the opening counts) or the window is 14 days old.
Only the instruments the patient chose are asked; any can be taken anytime.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from journal.clock import utcnow
from journal.extensions import db
from journal.measures.instruments import Instrument, measures
from journal.models import MeasureResponse, TreatmentSession, User

BEFORE = timedelta(days=2)  # before a planned session, from 2 days ahead
AFTER = (
    (timedelta(days=7), _l("one week after your session")),
    (timedelta(days=30), _l("one month after your session")),
)
OPEN_FOR = timedelta(days=14)
DEFAULT_ASKED = ("phq-9", "gad-7", "pcl-5")


@dataclass(frozen=True)
class Due:
    instrument: Instrument
    reason: str  # "to start with", "before your session", "one week after your session" (lazy: translated when shown)
    session_id: object | None = None
    session_at: datetime | None = None


def asked(user: User) -> list[Instrument]:
    """The instruments this patient chose to be asked about, in the library's order."""
    chosen = set((user.measures_asked or "").split(","))
    return [instrument for key, instrument in measures().instruments.items() if key in chosen]


def due_measures(user: User, now: datetime | None = None) -> list[Due]:
    """At most one due item per chosen instrument: the window that opened most recently."""
    now = now or utcnow()
    instruments = asked(user)
    if not instruments:
        return []
    latest = dict(
        db.session.execute(
            select(MeasureResponse.instrument, func.max(MeasureResponse.taken_at))
            .where(MeasureResponse.owner_id == user.id)
            .group_by(MeasureResponse.instrument)
        ).all()
    )
    sessions = db.session.execute(
        select(TreatmentSession.id, TreatmentSession.occurred_at).where(
            TreatmentSession.owner_id == user.id,
            TreatmentSession.occurred_at >= now - max(gap for gap, _ in AFTER) - OPEN_FOR,
            TreatmentSession.occurred_at <= now + BEFORE,
        )
    ).all()
    windows = []  # (opens, reason, session id, session time)
    for session_id, occurred_at in sessions:
        if occurred_at > now:
            windows.append((occurred_at - BEFORE, _l("before your session"), session_id, occurred_at))
        for gap, reason in AFTER:
            windows.append((occurred_at + gap, reason, session_id, occurred_at))
    open_now = sorted((w for w in windows if w[0] <= now < w[0] + OPEN_FOR), key=lambda w: w[0], reverse=True)
    result = []
    for instrument in instruments:
        taken = latest.get(instrument.key)
        if taken is None:
            result.append(Due(instrument, _l("to start with")))
            continue
        for opens, reason, session_id, occurred_at in open_now:
            if taken < opens:
                result.append(Due(instrument, reason, session_id, occurred_at))
                break
    return result
