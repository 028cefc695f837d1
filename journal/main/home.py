"""What a patient's home page shows: prompts due now, latest entries, drafts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from journal.clock import utcnow
from journal.entries.services import latest_entries
from journal.extensions import db
from journal.measures.schedule import due_measures
from journal.models import Draft, User
from journal.sessions.services import sessions_since
from journal.sessions.timeline import HOME_WINDOW_DAYS, due_now, local_date


def patient_home(user: User) -> dict:
    """Only sessions recent enough to have a prompt set open are read, however long the journal."""
    sessions = sessions_since(user.id, utcnow() - timedelta(days=HOME_WINDOW_DAYS + 1))
    today = local_date(utcnow(), user.time_zone)
    return {
        "due": due_now(user.id, [s.row for s in sessions], today, user.time_zone),
        "sessions": {s.id: s for s in sessions},
        "latest": latest_entries(user.id),
        "due_measures": due_measures(user),
        "drafts_count": db.session.scalar(select(func.count()).select_from(Draft).where(Draft.owner_id == user.id)),
    }
